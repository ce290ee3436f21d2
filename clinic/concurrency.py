"""Optimistic locking for records two people may edit at once.

Each editable record carries a ``version`` that its form posts back. A save locks the row,
compares, and refuses when someone saved in between, so the second save never silently
overwrites the first.

Every form that edits such a record inherits :class:`VersionedFormMixin`, which both renders the
version (as a hidden input, also through a crispy layout that does not name it) and checks that
a post carries one. tests/clinic/test_versioned_forms.py walks every page that shows one of these
forms and fails when the hidden input is missing or out of date.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# For a patient filling in their own link, who has no version to show: their saves are
# serialised by the link's row lock instead (intake.self_intake.services.self_intake_save).
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


class VersionedFormMixin:
    """A form for a record with a ``version``: renders it, and refuses a post without it.

    The version is taken from the form's saved instance (a ModelForm editing an existing
    record) or from ``initial["version"]`` (a plain form acting on a record). A form creating a
    new record needs none, and neither does a form built with ``check_version=False`` (the
    patient's own link, saved with ANY_VERSION under a row lock). A crispy ``helper`` assigned
    to the form renders the hidden version even when its layout does not mention it.
    """

    version_missing_message = _(
        "This page was opened before a change and cannot be saved as it is. Copy what you typed, "
        "reload the page and save again."
    )

    def __init__(self, *args, check_version=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_version = check_version
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0
        )
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and hasattr(instance, "version"):
            self.fields["version"].initial = instance.version

    @property
    def edits_existing_record(self):
        instance = getattr(self, "instance", None)
        if instance is not None:
            return instance.pk is not None
        return True  # a plain form always acts on a record that exists

    @property
    def helper(self):
        try:
            return self.__dict__["_versioned_helper"]
        except KeyError:
            raise AttributeError("helper") from None

    @helper.setter
    def helper(self, helper):
        # A layout lists the visible questions; the version must go out with them regardless.
        helper.render_hidden_fields = True
        self.__dict__["_versioned_helper"] = helper

    def clean(self):
        cleaned = super().clean()
        if (
            self.check_version
            and self.edits_existing_record
            and cleaned.get("version") is None
            and "version" not in self.errors
        ):
            self.add_error(None, self.version_missing_message)
        return cleaned

    def _clean_fields(self):
        super()._clean_fields()
        if "version" in self._errors:  # tampered with: the same plain message, not a hidden one
            del self._errors["version"]
            self.cleaned_data.pop("version", None)

    @property
    def expected_version(self):
        return self.cleaned_data.get("version")

    def take_version(self, current):
        """After a refused save: keep what was typed, post the next save against ``current``."""
        self.data = self.data.copy()
        self.data["version"] = current.version


def save_form(form, write):
    """Run ``write``, the service call that saves ``form``; a refusal becomes the form's error.

    After someone else's save, what was typed is kept and the next save goes against the version
    now stored; a ValidationError (a locked record, invalid values) is shown as it is. Returns
    (True, what ``write`` returned) or (False, the record as someone else saved it, or None).
    """
    try:
        return True, write()
    except ConcurrentEditError as error:
        form.add_error(None, error.message)
        form.take_version(error.current)
        return False, error.current
    except ValidationError as error:
        form.add_error(None, error)
        return False, None
