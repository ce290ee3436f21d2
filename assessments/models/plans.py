"""Treatment plans: the draft, its items, goals, decisions, and its signed documents."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments.models.exams import Exam
from clinic.model_helpers import patient_link, protected_link, staff_link

# --- Treatment plans ----------------------------------------------------------------------------
#
# A plan is generated as a draft from the reasoning, edited by the practitioner, then signed.
# A signed plan is never changed in place: an amendment is a new version (``number`` + 1) that
# points at the one it amends; the earlier version is kept, and marked superseded only when the
# amendment is signed. Every write goes through assessments/plans/services/.


class PlanComponent(models.TextChoices):
    MEDICAL_REFERRAL = "medical_referral", _("Medical referral")
    SPINAL_MOBILISATION = "spinal_mobilisation", _("Spinal joint mobilisation")
    MASSAGE = "massage", _("Massage")
    STRETCHING = "stretching", _("Stretching")
    STRENGTHENING = "strengthening", _("Strengthening")
    POSTURE = "posture", _("Posture")
    NUTRITION_REFERRAL = "nutrition_referral", _("Nutrition referral")
    HOME_CARE = "home_care", _("Home care")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    SUPERSEDED = "superseded", _("Superseded by an amendment")


class PlanOrigin(models.TextChoices):
    GENERATED = "generated", _("Proposed by the reasoning")
    PRACTITIONER = "practitioner", _("Added by the practitioner")


class ClearanceKind(models.TextChoices):
    DOCTOR = "doctor", _("A doctor has seen the patient and cleared treatment")
    OVERRIDE = "override", _("Override with a reason")
    # Only on clearances recorded before a doctor's clearance was required; never offered.
    REFERRAL = "referral", _("Medical referral made")


# What a practitioner may record now (REFERRAL alone no longer clears a red flag).
CLEARANCE_KINDS_OFFERED = (ClearanceKind.DOCTOR, ClearanceKind.OVERRIDE)


class PlanLockedError(ValidationError):
    """A signed (or superseded) plan was about to change in place."""

    def __init__(self):
        super().__init__(
            _("This plan is signed and locked. Amend it to make a new version instead.")
        )


def _plan_is_draft(plan_id):
    return TreatmentPlan.objects.filter(pk=plan_id, status=PlanStatus.DRAFT).exists()


class TreatmentPlanQuerySet(models.QuerySet):
    # A bulk write bypasses save(): only drafts change, and no plan is deleted.
    def update(self, **kwargs):
        if self.exclude(status=PlanStatus.DRAFT).exists():
            raise PlanLockedError
        return super().update(**kwargs)

    def delete(self):
        raise PlanLockedError


class PlanPartQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.exclude(plan__status=PlanStatus.DRAFT).exists():
            raise PlanLockedError
        return super().update(**kwargs)

    def delete(self):
        if self.exclude(plan__status=PlanStatus.DRAFT).exists():
            raise PlanLockedError
        return super().delete()


class PlanDocumentQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PlanLockedError

    def delete(self):
        raise PlanLockedError


class TreatmentPlan(models.Model):
    patient = patient_link("treatment_plans")
    intake = protected_link("intake.Intake", "treatment_plans", _("intake"))
    exam = protected_link(Exam, "treatment_plans", _("exam"), optional=True)
    number = models.PositiveIntegerField(_("version number"), default=1)
    # Version 1 of the series this plan belongs to (None on version 1 itself).
    first_version = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="later_versions"
    )
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendment",
        verbose_name=_("amends"),
    )
    amendment_reason = models.CharField(_("reason for the amendment"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    # Assessment.to_dict() at generation, each text also rendered in ``language`` ("shown").
    assessment = models.JSONField(_("generated assessment"), default=dict, blank=True)
    language = models.CharField(_("language of the generated texts"), max_length=5, default="en")
    impression = models.TextField(_("practitioner's impression"), blank=True, max_length=4000)
    visit_frequency = models.CharField(_("visit frequency"), max_length=300, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = staff_link()
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_by = staff_link(_("signed by"), optional=True)
    # Bumped on every change to the plan or its parts (optimistic locking).
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = TreatmentPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("treatment plan")
        verbose_name_plural = _("treatment plans")
        ordering = ["-created_at", "-pk"]
        base_manager_name = "objects"
        permissions = [
            ("sign_treatmentplan", _("Can sign a treatment plan")),
            ("print_signed_plan", _("Can print a signed care plan")),
            ("print_draft_plan", _("Can print a draft care plan")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["first_version", "number"], name="plan_version_number_once"
            )
        ]

    def __str__(self):
        return f"{self.patient} · v{self.number} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # Only a draft changes; a signed plan changes only to become superseded.
        if self.pk is not None:
            stored = (
                TreatmentPlan.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            )
            superseding = (
                stored == PlanStatus.SIGNED
                and self.status == PlanStatus.SUPERSEDED
                and getattr(self, "_superseding", False)
            )
            if stored is not None and stored != PlanStatus.DRAFT and not superseding:
                raise PlanLockedError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PlanLockedError

    @property
    def is_draft(self):
        return self.status == PlanStatus.DRAFT

    @property
    def is_signed(self):
        return self.status == PlanStatus.SIGNED

    @property
    def series_id(self):
        return self.first_version_id or self.pk

    def clean(self):
        super().clean()
        errors = {}
        if self.intake_id and self.intake.patient_id != self.patient_id:
            errors["intake"] = _("This intake belongs to another patient.")
        if self.exam_id and self.exam.patient_id != self.patient_id:
            errors["exam"] = _("This exam belongs to another patient.")
        if self.previous_id and not self.amendment_reason.strip():
            errors["amendment_reason"] = _("Say why the plan is amended.")
        if errors:
            raise ValidationError(errors)


class _PlanPart(models.Model):
    """Something that belongs to a plan: it changes only while the plan is a draft."""

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not _plan_is_draft(self.plan_id):
            raise PlanLockedError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not _plan_is_draft(self.plan_id):
            raise PlanLockedError
        return super().delete(*args, **kwargs)


def _provenance_columns():
    """Where a plan item or goal came from: the rules and sources behind it, and whether the
    reasoning proposed it or the practitioner added it. (rule_ids, sources, origin)"""
    return (
        models.JSONField(default=list, blank=True),
        models.JSONField(default=list, blank=True),
        models.CharField(
            max_length=15, choices=PlanOrigin.choices, default=PlanOrigin.PRACTITIONER
        ),
    )


class PlanItem(_PlanPart):
    plan = protected_link(TreatmentPlan, "items")
    position = models.PositiveSmallIntegerField(default=0)
    # The reasoning's item key ("stretching.calf_before_bed"); blank for the practitioner's own.
    key = models.CharField(max_length=100, blank=True)
    component = models.CharField(_("component"), max_length=30, choices=PlanComponent.choices)
    title = models.CharField(_("title"), max_length=300)
    instructions = models.TextField(_("instructions"), max_length=4000)
    dosage = models.CharField(_("dosage"), max_length=300, blank=True)
    factor_keys = models.JSONField(_("factors it answers"), default=list, blank=True)
    precaution_keys = models.JSONField(_("precautions"), default=list, blank=True)
    rule_ids, sources, origin = _provenance_columns()
    removed = models.BooleanField(_("removed"), default=False)
    removed_reason = models.CharField(_("reason for removing"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class PlanGoal(_PlanPart):
    plan = protected_link(TreatmentPlan, "goals")
    position = models.PositiveSmallIntegerField(default=0)
    key = models.CharField(max_length=100, blank=True)
    measure = models.CharField(_("measure"), max_length=50, blank=True)
    text = models.CharField(_("goal"), max_length=500)
    baseline = models.CharField(_("baseline"), max_length=50, blank=True)
    target = models.CharField(_("target"), max_length=50, blank=True)
    rule_ids, sources, origin = _provenance_columns()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan goal")
        verbose_name_plural = _("plan goals")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class FactorDecision(_PlanPart):
    """The practitioner dismisses a contributing factor the reasoning proposed, with why."""

    plan = protected_link(TreatmentPlan, "factor_decisions")
    factor_key = models.CharField(max_length=100)
    reason = models.CharField(_("reason for dismissing"), max_length=500)
    decided_at = models.DateTimeField(default=timezone.now)
    decided_by = staff_link()

    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "factor_key"], name="factor_decided_once")
        ]

    def __str__(self):
        return self.factor_key


class PrecautionOverride(_PlanPart):
    """An item kept against a precaution that concerns it: who, when and why."""

    plan = protected_link(TreatmentPlan, "precaution_overrides")
    item = protected_link(PlanItem, "precaution_overrides")
    precaution_key = models.CharField(max_length=100)
    reason = models.CharField(_("reason for keeping the item"), max_length=500)
    overridden_at = models.DateTimeField(default=timezone.now)
    overridden_by = staff_link()

    history = HistoricalRecords()

    class Meta:
        ordering = ["overridden_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "precaution_key"], name="precaution_overridden_once"
            )
        ]

    def __str__(self):
        return f"{self.item} · {self.precaution_key}"


class RedFlagClearance(_PlanPart):
    """An open red flag cleared: a doctor saw the patient and cleared treatment (who, when),
    or the practitioner overrides it with a reason."""

    plan = protected_link(TreatmentPlan, "red_flag_clearances")
    flag_key = models.CharField(max_length=100)
    kind = models.CharField(_("how it was cleared"), max_length=10, choices=ClearanceKind.choices)
    doctor_name = models.CharField(_("doctor who cleared treatment"), max_length=200, blank=True)
    seen_on = models.DateField(_("date the doctor saw the patient"), null=True, blank=True)
    reason = models.CharField(_("details"), max_length=500, blank=True)
    cleared_at = models.DateTimeField(default=timezone.now)
    cleared_by = staff_link()

    history = HistoricalRecords()

    class Meta:
        ordering = ["cleared_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "flag_key"], name="red_flag_cleared_once")
        ]

    def __str__(self):
        return f"{self.flag_key} · {self.kind}"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == ClearanceKind.DOCTOR:
            if not self.doctor_name.strip():
                errors["doctor_name"] = _("Name the doctor who cleared treatment.")
            if self.seen_on is None:
                errors["seen_on"] = _("Give the date the doctor saw the patient.")
            elif self.seen_on > timezone.localdate():
                errors["seen_on"] = _(
                    "The date the doctor saw the patient cannot be in the future."
                )
        elif len(self.reason.strip()) < 5:
            errors["reason"] = _("Give a reason of at least a few words.")
        if errors:
            raise ValidationError(errors)


# --- Stored documents ---------------------------------------------------------------------------
#
# A document is made once and kept in the database with its SHA-256, checked on every download,
# so that what it records commits together with it and every app server sees the same bytes.
# Its columns come from a factory rather than from fields on an abstract base: an abstract base's
# fields come first in a model, and each document's own link (plan, episode) comes before them.


def stored_pdf_columns():
    """A stored document's bytes, their SHA-256 and when it was made: (pdf, sha256, created_at)."""
    return (
        models.BinaryField(),
        models.CharField(max_length=64),
        models.DateTimeField(auto_now_add=True),
    )


def signed_plan_pdf_columns(related_name):
    """The plan a signed-plan document belongs to, then its stored PDF columns."""
    plan = models.OneToOneField(TreatmentPlan, on_delete=models.PROTECT, related_name=related_name)
    return (plan, *stored_pdf_columns())


class SignedPlanPDF(models.Model):
    """A PDF made once at signing; like the signed plan, never changed and never deleted."""

    objects = PlanDocumentQuerySet.as_manager()

    class Meta:
        abstract = True
        base_manager_name = "objects"

    def __str__(self):
        return f"{self.plan} · {self.sha256[:12]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PlanLockedError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PlanLockedError


class PlanDocument(SignedPlanPDF):
    """The signed care plan's PDF, made once at signing: the record every download returns."""

    plan, pdf, sha256, created_at = signed_plan_pdf_columns("signed_document")

    class Meta(SignedPlanPDF.Meta):
        verbose_name = _("signed care plan document")
        verbose_name_plural = _("signed care plan documents")
