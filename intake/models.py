import unicodedata

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords


def fold_for_search(text):
    """Lower-case, accent-free, single-spaced: 'Élodie  Lefèvre' -> 'elodie lefevre'.

    The front desk types names without accents on a tablet keyboard; they must still be found.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_marks.casefold().split())


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    INTERSEX = "intersex", _("Intersex")
    UNDISCLOSED = "undisclosed", _("Prefers not to say")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class PatientQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)


class Patient(models.Model):
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices)
    phone = PhoneNumberField(_("phone"), db_index=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.TextField(_("address"), blank=True)
    emergency_contact_name = models.CharField(_("emergency contact"), max_length=200, blank=True)
    emergency_contact_phone = PhoneNumberField(_("emergency contact phone"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )

    consent_treatment_at = models.DateTimeField(
        _("consent to treatment given"), null=True, blank=True
    )
    consent_treatment_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    consent_privacy_at = models.DateTimeField(_("privacy notice accepted"), null=True, blank=True)
    consent_privacy_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Derived from the names for accent- and case-free search; kept in step by save().
    search_name = models.CharField(max_length=201, editable=False, db_index=True)

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped on every change so that two people editing at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1, editable=False)

    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    archive_reason = models.CharField(_("reason for archiving"), max_length=500, blank=True)

    history = HistoricalRecords()
    objects = PatientQuerySet.as_manager()

    class Meta:
        verbose_name = _("patient")
        verbose_name_plural = _("patients")
        ordering = ["last_name", "first_name", "pk"]
        permissions = [
            ("archive_patient", _("Can archive a patient entered in error")),
            ("view_patient_history", _("Can see the change history of clinical records")),
        ]
        indexes = [
            models.Index(fields=["date_of_birth"]),
            models.Index(fields=["last_name", "first_name"]),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = fold_for_search(f"{self.first_name} {self.last_name}")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def record_number(self):
        """The patient's record number: their row number, zero-padded, never reused."""
        return format_record_number(self.pk) if self.pk else ""

    @property
    def is_archived(self):
        return self.archived_at is not None


RECORD_NUMBER_DIGITS = 6


def format_record_number(pk):
    return f"{pk:0{RECORD_NUMBER_DIGITS}d}"
