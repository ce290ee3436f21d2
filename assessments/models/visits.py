"""The episode of care after the first visit: visit notes, re-assessments, discharge, and the
documents they print.

An episode runs from the intake that opened it to discharge. It is keyed by that intake: the
plans (and every amendment, which keeps the plan's intake) and the exams that follow the intake
belong to it, so records made before episodes existed group themselves without a backfill. The
row itself is created at the episode's first write (a visit note, a re-assessment, discharge).
A new complaint is a new intake, hence a new episode. A discharged episode is read-only.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments.models.exams import Exam
from assessments.models.plans import TreatmentPlan, stored_pdf_columns
from clinic.model_helpers import AppendOnlyModel, staff_link


class EpisodeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DISCHARGED = "discharged", _("Discharged")


class DischargeReason(models.TextChoices):
    GOALS_MET = "goals_met", _("Goals met")
    PATIENT_CHOICE = "patient_choice", _("Patient's choice")
    REFERRED_ON = "referred_on", _("Referred on")
    NO_FURTHER_BENEFIT = "no_further_benefit", _("No further benefit expected")
    DID_NOT_RETURN = "did_not_return", _("Did not return")


class VisitStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")


class CrampTime(models.TextChoices):
    NONE = "none", _("No cramps")
    NIGHT = "night", _("At night")
    DAY = "day", _("During the day")
    BOTH = "both", _("Night and day")


class Adherence(models.TextChoices):
    NEVER = "never", _("Never")
    SOME_DAYS = "some_days", _("Some days")
    MOST_DAYS = "most_days", _("Most days")
    DAILY = "daily", _("Daily")


class ReassessmentDecision(models.TextChoices):
    CONTINUE = "continue", _("Continue the plan unchanged")
    AMEND = "amend", _("Amend the plan (a new version)")
    DISCHARGE = "discharge", _("Discharge")


class EpisodeDocumentKind(models.TextChoices):
    PROGRESS_REPORT = "progress_report", _("Progress report")
    DISCHARGE_SUMMARY = "discharge_summary", _("Discharge summary")
    DOCTOR_LETTER = "doctor_letter", _("Letter to the doctor")


class EpisodeLockedError(ValidationError):
    def __init__(self):
        super().__init__(_("This episode is discharged and read-only."))


class VisitLockedError(ValidationError):
    def __init__(self):
        super().__init__(
            _("This visit note is signed and locked. Add an addendum, with its reason, instead.")
        )


class Episode(models.Model):
    patient = models.ForeignKey("intake.Patient", on_delete=models.PROTECT, related_name="episodes")
    # The intake that opened it: one episode per intake.
    intake = models.OneToOneField("intake.Intake", on_delete=models.PROTECT, related_name="episode")
    opened_on = models.DateField(_("opened"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=12, choices=EpisodeStatus.choices, default=EpisodeStatus.OPEN
    )
    discharged_on = models.DateField(_("discharged"), null=True, blank=True)
    discharge_reason = models.CharField(
        _("reason for discharge"), max_length=20, choices=DischargeReason.choices, blank=True
    )
    discharge_notes = models.TextField(_("notes"), max_length=4000, blank=True)
    home_programme = models.TextField(_("home programme to keep"), max_length=4000, blank=True)
    doctor_name = models.CharField(_("referring or family doctor"), max_length=200, blank=True)
    # [{instrument, name, baseline, final, change}] at discharge, as printed.
    final_scores = models.JSONField(default=list, blank=True)
    discharged_by = staff_link(optional=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = staff_link()
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("episode of care")
        verbose_name_plural = _("episodes of care")
        ordering = ["-opened_on", "-pk"]
        base_manager_name = "objects"
        permissions = [
            ("discharge_episode", _("Can discharge an episode of care")),
            ("print_episode_document", _("Can print progress reports and discharge documents")),
        ]

    def __str__(self):
        return f"{self.patient} · {self.opened_on:%Y-%m-%d} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = Episode.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == EpisodeStatus.DISCHARGED:
                raise EpisodeLockedError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise EpisodeLockedError

    @property
    def is_discharged(self):
        return self.status == EpisodeStatus.DISCHARGED

    def clean(self):
        super().clean()
        if self.intake_id and self.intake.patient_id != self.patient_id:
            raise ValidationError({"intake": _("This intake belongs to another patient.")})


def _count(label, high):
    return models.PositiveSmallIntegerField(
        label,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(high)],
    )


class VisitQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(status=VisitStatus.SIGNED).exists():
            raise VisitLockedError
        return super().update(**kwargs)

    def delete(self):
        raise ValidationError(_("Clinical records are never deleted."))


class Visit(models.Model):
    """One treatment visit's note (S/O/A/P): a draft until signed, then locked."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="visits")
    patient = models.ForeignKey("intake.Patient", on_delete=models.PROTECT, related_name="visits")
    # The signed plan version in force at the visit.
    plan = models.ForeignKey(TreatmentPlan, on_delete=models.PROTECT, related_name="visits")
    visit_on = models.DateField(_("date of visit"), default=timezone.localdate)
    practitioner = staff_link()
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.DRAFT
    )
    # Subjective prompts
    cramps_per_week = _count(_("cramps a week since the last visit"), 100)
    cramps_when = models.CharField(
        _("when the cramps came"), max_length=10, choices=CrampTime.choices, blank=True
    )
    pain_nprs = _count(_("pain now (NPRS 0-10)"), 10)
    adherence = models.CharField(
        _("home programme done"), max_length=10, choices=Adherence.choices, blank=True
    )
    anything_new = models.TextField(_("anything new"), max_length=4000, blank=True)
    # The intake's red-flag questions answered yes at this visit (intake field names), and what
    # the reasoning made of them: [{key, title, urgency}].
    new_red_flags = models.JSONField(_("new red-flag answers"), default=list, blank=True)
    red_flags = models.JSONField(default=list, blank=True)
    subjective = models.TextField(_("subjective"), max_length=4000, blank=True)
    objective = models.TextField(_("objective"), max_length=4000, blank=True)
    assessment = models.TextField(_("assessment"), max_length=4000, blank=True)
    plan_next = models.TextField(_("plan"), max_length=4000, blank=True)
    # [{item, component, title, planned, done, dosage}]: the plan's items ticked at this visit.
    treatment = models.JSONField(_("treatment given"), default=list, blank=True)
    copied_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_by = staff_link(optional=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit note")
        verbose_name_plural = _("visit notes")
        ordering = ["visit_on", "pk"]
        base_manager_name = "objects"
        indexes = [models.Index(fields=["episode", "visit_on"])]

    def __str__(self):
        return f"{self.patient} · {self.visit_on:%Y-%m-%d} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = Visit.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == VisitStatus.SIGNED:
                raise VisitLockedError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Clinical records are never deleted."))

    @property
    def is_signed(self):
        return self.status == VisitStatus.SIGNED

    def clean(self):
        super().clean()
        if self.visit_on and self.visit_on > timezone.localdate():
            raise ValidationError({"visit_on": _("The date of the visit cannot be in the future.")})
        if self.visit_on and self.episode_id and self.visit_on < self.episode.opened_on:
            raise ValidationError(
                {"visit_on": _("The visit cannot be before the episode began (its intake).")}
            )
        if self.red_flags and any(row.get("done") for row in self.treatment):
            raise ValidationError(
                _(
                    "A red flag is open: treatment stops until a doctor has seen the patient. "
                    "Untick the treatment items."
                )
            )


class VisitAddendum(AppendOnlyModel):
    """A correction or addition to a signed note, with its reason; the note stays as signed."""

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="addenda")
    text = models.TextField(_("addendum"), max_length=4000)
    reason = models.CharField(_("reason"), max_length=500)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = staff_link()

    class Meta(AppendOnlyModel.Meta):
        ordering = ["added_at", "pk"]

    def __str__(self):
        return f"{self.visit} · {self.added_at:%Y-%m-%d}"


class Reassessment(AppendOnlyModel):
    """A new exam compared with the baseline: goals met or not, outcome changes against their
    MCID, cramps then and now, and what comes next. Recorded once; its report is stored."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="reassessments")
    plan = models.ForeignKey(TreatmentPlan, on_delete=models.PROTECT, related_name="+")
    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="+")
    baseline_exam = models.ForeignKey(
        Exam, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessed_on = models.DateField(_("date"), default=timezone.localdate)
    # [{goal, text, target, met}] and [{instrument, name, baseline, now, delta, mcid, ...}]
    goals = models.JSONField(default=list, blank=True)
    outcomes = models.JSONField(default=list, blank=True)
    cramps_then = models.PositiveSmallIntegerField(null=True, blank=True)
    cramps_now = models.PositiveSmallIntegerField(null=True, blank=True)
    visits_done = models.PositiveSmallIntegerField(default=0)
    decision = models.CharField(
        _("what comes next"), max_length=10, choices=ReassessmentDecision.choices
    )
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = staff_link()

    class Meta(AppendOnlyModel.Meta):
        verbose_name = _("re-assessment")
        verbose_name_plural = _("re-assessments")
        ordering = ["assessed_on", "pk"]

    def __str__(self):
        return f"{self.episode} · {self.assessed_on:%Y-%m-%d}"


class EpisodeDocument(AppendOnlyModel):
    """A progress report, discharge summary or doctor's letter: made once, kept with its
    SHA-256, returned byte for byte (as the signed care plan is)."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="documents")
    reassessment = models.ForeignKey(
        Reassessment, on_delete=models.PROTECT, null=True, blank=True, related_name="documents"
    )
    kind = models.CharField(max_length=20, choices=EpisodeDocumentKind.choices)
    pdf, sha256, created_at = stored_pdf_columns()

    class Meta(AppendOnlyModel.Meta):
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.sha256[:12]}"
