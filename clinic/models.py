from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClinicProfile(models.Model):
    """The clinic's own details, printed on letterheads. There is one row."""

    name = models.CharField(_("clinic name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="clinic/", blank=True)

    class Meta:
        verbose_name = _("clinic profile")
        verbose_name_plural = _("clinic profile")

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        profile = cls.objects.order_by("pk").first()
        return profile or cls(name=str(_("Our clinic")))


class AuditAction(models.TextChoices):
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Sign-in failed")
    LOCKED_OUT = "locked_out", _("Locked out")
    LOGOUT = "logout", _("Signed out")
    PATIENT_REGISTERED = "patient_registered", _("Registered a patient")
    PATIENT_VIEWED = "patient_viewed", _("Viewed a patient's chart")
    PATIENT_CHANGED = "patient_changed", _("Changed a patient's details")
    PATIENT_ARCHIVED = "patient_archived", _("Archived a patient")
    INTAKE_VIEWED = "intake_viewed", _("Viewed an intake")
    INTAKE_SUBMITTED = "intake_submitted", _("Submitted an intake")
    INTAKE_CONFIRMED = "intake_confirmed", _("Confirmed an intake")
    LINK_ISSUED = "link_issued", _("Issued a self-intake link")
    LINK_OPENED = "link_opened", _("Opened a self-intake link")
    LINK_SUBMITTED = "link_submitted", _("Submitted through a self-intake link")
    EXAM_VIEWED = "exam_viewed", _("Viewed an exam")
    EXAM_FINISHED = "exam_finished", _("Finished an exam")
    PLAN_VIEWED = "plan_viewed", _("Viewed a plan")
    PLAN_SIGNED = "plan_signed", _("Signed a plan")
    PLAN_AMENDED = "plan_amended", _("Amended a plan")
    PRECAUTION_OVERRIDDEN = "precaution_overridden", _("Overrode a precaution")
    RED_FLAG_CLEARED = "red_flag_cleared", _("Cleared a red flag")
    DOCUMENT_PRINTED = "document_printed", _("Printed or downloaded a document")
    EXPORTED = "exported", _("Exported records")


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("Audit events are append-only."))

    def delete(self):
        raise ValidationError(_("Audit events are append-only."))


class AuditEvent(models.Model):
    """One meaningful event for the audit trail. Append-only: never changed, never deleted."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    # Kept as typed even when no user matched (a failed login names an unknown user).
    username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    patient = models.ForeignKey(
        "intake.Patient",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("patient"),
    )
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["patient", "-at"]),
            models.Index(fields=["user", "-at"]),
            models.Index(fields=["action", "-at"]),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Audit events are append-only."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Audit events are append-only."))
