"""Optimistic locking for records two people may edit at once.

Each editable record carries a ``version`` that its form posts back. A save locks the row,
compares, and refuses when someone saved in between, so the second save never silently
overwrites the first.
"""

from django.utils.translation import gettext_lazy as _

# For the one writer who cannot race anyone: a patient filling in their own link.
ANY_VERSION = object()


class ConcurrentEditError(Exception):
    """Someone else saved the record after this form was opened."""

    message = _(
        "Someone else changed this record while you were editing it. Their version is shown "
        "below; your changes are still in the form. Check them and save again."
    )

    def __init__(self, current):
        super().__init__(str(self.message))
        self.current = current


def lock_for_edit(model, *, pk, expected_version, error=ConcurrentEditError):
    """The row, locked for this transaction, if it is still at ``expected_version``.

    A form that lost its version (None) is treated as stale, never as "no check".
    """
    current = model.objects.select_for_update().get(pk=pk)
    if expected_version is not ANY_VERSION and current.version != expected_version:
        raise error(current)
    return current
