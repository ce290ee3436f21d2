"""Field factories for the links the clinical records repeat: to the patient, to a staff member,
to another record.

Each returns exactly the field the models used to spell out (same options, same verbose name),
so the schema and the migrations do not change; what differs from model to model (the reverse
name, the verbose name, whether the link may be empty) is an argument.
"""

from django.conf import settings
from django.db import models
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
