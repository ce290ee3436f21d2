"""Building blocks of the clinical models (clinic, intake, assessments).

The field factories return exactly the field the models used to spell out (same options, same
verbose name), so the schema and the migrations do not change; what differs from model to model
(the reverse name, the verbose name, whether the link may be empty) is an argument.
"""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _


def protected_link(to, related_name, verbose_name=None, *, optional=False):
    """A foreign key whose target cannot be deleted while a record points at it."""
    return models.ForeignKey(
        to,
        on_delete=models.PROTECT,
        null=optional,
        blank=optional,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def patient_link(related_name, *, optional=False):
    return protected_link("intake.Patient", related_name, _("patient"), optional=optional)


def staff_link(verbose_name=None, *, optional=False):
    """The staff member who did something (created, signed, recorded...). No reverse accessor:
    nothing lists a user's records through it."""
    return protected_link(settings.AUTH_USER_MODEL, "+", verbose_name, optional=optional)


class ChoiceLabelLookup:
    """get_FOO_display() that translates only the label it shows.

    Django's builds a dict of every choice on each call, and hashing each lazy label for it
    translates that label: one audit event's action translated all 56 actions, the chart's ten
    recent accesses 560 labels per page, the audit trail's page of fifty 2,800 (issue 15). The
    same dict, labels left lazy, is built once per field. For fields with fixed choices only
    (not a callable that may answer differently later).
    """

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        label = _choice_labels(field).get(make_hashable(value), value)
        return force_str(label, strings_only=True)


@functools.cache
def _choice_labels(field):
    return {make_hashable(value): label for value, label in field.flatchoices}


class AppendOnlyQuerySet(models.QuerySet):
    """A bulk write bypasses save() and delete(): it is refused as well, in the model's words."""

    def update(self, **kwargs):
        raise ValidationError(self.model.bulk_change_refused)

    def delete(self):
        raise ValidationError(self.model.delete_refused)


class AppendOnlyModel(models.Model):
    """A record written once: never changed, never deleted, not even in bulk or through
    Model._base_manager (base_manager_name). A subclass may word the refusals its own way."""

    change_refused = _("This record is kept as it was written.")
    bulk_change_refused = _("This record cannot be changed in bulk.")
    delete_refused = _("Clinical records are never deleted.")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        base_manager_name = "objects"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(self.change_refused)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(self.delete_refused)
