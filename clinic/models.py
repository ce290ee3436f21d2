from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.model_helpers import AppendOnlyModel, ChoiceLabelLookup, patient_link, staff_link

# Where Letter paper is the norm (North America and a few others); A4 everywhere else.
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "DO"})


class PageSize(models.TextChoices):
    A4 = "A4", _("A4")
    LETTER = "LETTER", _("Letter (North America)")


def default_page_size():
    """Letter where the clinic's region (PHONENUMBER_DEFAULT_REGION) uses it, else A4."""
    region = (getattr(settings, "PHONENUMBER_DEFAULT_REGION", "") or "").upper()
    return PageSize.LETTER if region in LETTER_REGIONS else PageSize.A4


class ClinicProfile(models.Model):
    """The clinic's own details, printed on letterheads. There is one row."""

    name = models.CharField(_("clinic name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="clinic/", blank=True)
    page_size = models.CharField(
        _("paper size"),
        max_length=6,
        choices=PageSize.choices,
        default=default_page_size,
        help_text=_("The paper the patient handout is printed on."),
    )

    class Meta:
        verbose_name = _("clinic profile")
        verbose_name_plural = _("clinic profile")

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        profile = cls.objects.order_by("pk").first()
        return profile or cls(name=str(_("Our clinic")))


class StaffProfile(models.Model):
    """A staff member's professional credentials, printed under their name on letters and plans."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    title = models.CharField(
        _("professional title"),
        max_length=100,
        blank=True,
        help_text=_('As printed after the name, e.g. "Physiotherapist".'),
    )
    registration_number = models.CharField(
        _("registration number"),
        max_length=50,
        blank=True,
        help_text=_("The licence or college registration number."),
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self):
        return str(self.user)


def signer_line(user):
    """How a user signs a document: "Name, Title (Reg. no. 123)"; their username if unnamed."""
    if user is None:
        return ""
    line = user.get_full_name() or user.get_username()
    try:
        profile = user.staff_profile
    except StaffProfile.DoesNotExist:
        return line
    if profile.title:
        line = f"{line}, {profile.title}"
    if profile.registration_number:
        line = _("%(name)s (Reg. no. %(number)s)") % {
            "name": line,
            "number": profile.registration_number,
        }
    return str(line)


class AuditAction(models.TextChoices):
    """What an audit event records. Each value is stored with its events for good: a new action
    gets a new value rather than an old one renamed."""

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
    LINK_EMAILED = "link_emailed", _("Emailed a self-intake link")
    LINK_OPENED = "link_opened", _("Opened a self-intake link")
    LINK_SUBMITTED = "link_submitted", _("Submitted through a self-intake link")
    INTAKE_STARTED = "intake_started", _("Started an intake")
    INTAKE_SAVED = "intake_saved", _("Saved an intake draft")
    HISTORY_VIEWED = "history_viewed", _("Viewed a patient's change history")
    EXAM_VIEWED = "exam_viewed", _("Viewed an exam")
    EXAM_STARTED = "exam_started", _("Started an exam")
    EXAM_SAVED = "exam_saved", _("Saved an exam draft")
    EXAM_FINISHED = "exam_finished", _("Finished an exam")
    EXAM_CORRECTED = "exam_corrected", _("Corrected a finished exam")
    OUTCOME_RECORDED = "outcome_recorded", _("Recorded an outcome measure")
    PLAN_VIEWED = "plan_viewed", _("Viewed a plan")
    PLAN_GENERATED = "plan_generated", _("Generated a draft plan")
    PLAN_EDITED = "plan_edited", _("Edited a draft plan")
    PLAN_SIGNED = "plan_signed", _("Signed a plan")
    PLAN_AMENDED = "plan_amended", _("Amended a plan")
    PRECAUTION_OVERRIDDEN = "precaution_overridden", _("Overrode a precaution")
    RED_FLAG_CLEARED = "red_flag_cleared", _("Cleared a red flag")
    DOCUMENT_PRINTED = "document_printed", _("Printed or downloaded a document")
    DOCUMENT_TAMPERED = "document_tampered", _("Refused a stored document that fails its check")
    EXPORTED = "exported", _("Exported records")
    # The REST API (issue 19): every call, named by its key's account.
    API_CALL = "api_call", _("Called the API")
    API_KEY_ISSUED = "api_key_issued", _("Issued an API key")
    API_KEY_REVOKED = "api_key_revoked", _("Revoked an API key")
    # The episode of care after the plan (issue 17).
    EPISODE_OPENED = "episode_opened", _("Opened an episode of care")
    VISIT_VIEWED = "visit_viewed", _("Viewed a visit note")
    VISIT_SAVED = "visit_saved", _("Saved a visit note draft")
    VISIT_SIGNED = "visit_signed", _("Signed a visit note")
    VISIT_ADDENDUM = "visit_addendum", _("Added an addendum to a visit note")
    REASSESSMENT_VIEWED = "reassessment_viewed", _("Viewed a re-assessment")
    REASSESSMENT_RECORDED = "reassessment_recorded", _("Recorded a re-assessment")
    EPISODE_VIEWED = "episode_viewed", _("Viewed an episode of care")
    EPISODE_DISCHARGED = "episode_discharged", _("Discharged an episode of care")
    # Staff and accounts (issue 13): who did it is the event's user, to whom is its object.
    USER_ADDED = "user_added", _("Added a user")
    ROLE_CHANGED = "role_changed", _("Changed a user's role")
    USER_DEACTIVATED = "user_deactivated", _("Deactivated a user")
    USER_REACTIVATED = "user_reactivated", _("Reactivated a user")
    PASSWORD_RESET = "password_reset", _("Reset a user's password")
    PASSWORD_CHANGED = "password_changed", _("Changed their own password")
    CREDENTIALS_CHANGED = "credentials_changed", _("Changed a user's name or credentials")
    LETTERHEAD_CHANGED = "letterhead_changed", _("Changed the clinic's letterhead")
    TWO_FACTOR_ENABLED = "two_factor_enabled", _("Set up two-step sign-in")
    TWO_FACTOR_FAILED = "two_factor_failed", _("Two-step sign-in code refused")


class AuditEvent(ChoiceLabelLookup, AppendOnlyModel):
    """One meaningful event for the audit trail. Append-only: never changed, never deleted."""

    change_refused = bulk_change_refused = delete_refused = _("Audit events are append-only.")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = staff_link(_("user"), optional=True)
    # Kept as typed even when no user matched (a failed login names an unknown user).
    username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    patient = patient_link("audit_events", optional=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    # The patient acting for themselves through their self-intake link (no account, no user).
    by_patient_link = models.BooleanField(_("by the patient through their link"), default=False)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        # Even Model._base_manager refuses bulk updates and deletes.
        base_manager_name = "objects"
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["patient", "-at"]),
            models.Index(fields=["user", "-at"]),
            models.Index(fields=["action", "-at"]),
        ]

    def __str__(self):
        when = timezone.localtime(self.at)
        return f"{when:%Y-%m-%d %H:%M} {self.actor} {self.get_action_display()}"

    @property
    def actor(self):
        """Who acted, never blank: the user, the name typed at a failed sign-in, or the patient."""
        if self.by_patient_link:
            return str(_("the patient, through the self-intake link"))
        if self.username:
            return self.username
        if self.user_id is not None:
            return self.user.get_username()
        return str(_("unknown (not signed in)"))
