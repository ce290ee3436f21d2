"""The functional exam and the outcome measures, as structured data the reasoning reads.

The stored values of every choice are the exam vocabulary of ``assessments/reasoning/facts.py``
(the facts builder reads these fields by name); ``tests/assessments/test_exam_models.py`` checks
that the two stay the same.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments import outcomes

# --- Vocabularies ------------------------------------------------------------------------------


class ExamStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINISHED = "finished", _("Finished")


class LumbarLordosis(models.TextChoices):
    NORMAL = "normal", _("Normal")
    INCREASED = "increased", _("Increased")
    REDUCED = "reduced", _("Reduced")


class PelvicTilt(models.TextChoices):
    NONE = "none", _("None")
    ANTERIOR = "anterior", _("Anterior")
    POSTERIOR = "posterior", _("Posterior")
    LATERAL = "lateral", _("Lateral")


class LegLengthType(models.TextChoices):
    APPARENT = "apparent", _("Apparent")
    TRUE = "true", _("True")


class LegSide(models.TextChoices):
    LEFT = "left", _("Left")
    RIGHT = "right", _("Right")


class FootPosture(models.TextChoices):
    NORMAL = "normal", _("Normal")
    FLAT = "flat", _("Flat or collapsed arch")


class SittingPosture(models.TextChoices):
    UPRIGHT = "upright", _("Upright")
    SLUMPED = "slumped", _("Slumped")


class Stiffness(models.TextChoices):
    NONE = "none", _("None")
    MILD = "mild", _("Mild")
    MODERATE = "moderate", _("Moderate")
    SEVERE = "severe", _("Severe")


class SegmentSide(models.TextChoices):
    CENTRAL = "central", _("Central")
    LEFT = "left", _("Left")
    RIGHT = "right", _("Right")
    BOTH = "both", _("Both")


class ReflexGrade(models.TextChoices):
    NORMAL = "normal", _("Normal")
    REDUCED = "reduced", _("Reduced")
    ABSENT = "absent", _("Absent")
    BRISK = "brisk", _("Brisk")


class Pulse(models.TextChoices):
    PRESENT = "present", _("Present")
    WEAK = "weak", _("Weak")
    ABSENT = "absent", _("Absent")


class RangeOfMotion(models.TextChoices):
    """How one movement went; left blank when it was not tested."""

    FULL = "full", _("Full, pain-free")
    REDUCED = "reduced", _("Reduced")
    PAINFUL = "painful", _("Full but painful")
    REDUCED_PAINFUL = "reduced_painful", _("Reduced and painful")


class OutcomeSource(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    PATIENT = "patient", _("Patient")


class Instrument(models.TextChoices):
    ODI = "ODI", _("Oswestry Disability Index")
    LEFS = "LEFS", _("Lower Extremity Functional Scale")
    NPRS = "NPRS", _("Numeric Pain Rating Scale")
    PSFS = "PSFS", _("Patient-Specific Functional Scale")


SEGMENT_LEVELS = (
    *(f"C{n}" for n in range(1, 8)),
    *(f"T{n}" for n in range(1, 13)),
    *(f"L{n}" for n in range(1, 6)),
    "S1",
    "SIJ",
)
NERVE_ROOTS = (
    *(f"C{n}" for n in range(1, 9)),
    *(f"T{n}" for n in range(1, 13)),
    *(f"L{n}" for n in range(1, 6)),
    *(f"S{n}" for n in range(1, 6)),
)
STRENGTH_MUSCLES = (
    "glute_max",
    "glute_med",
    "calf",
    "hamstrings",
    "quadriceps",
    "tibialis_anterior",
)
ROM_MOVEMENTS = (
    "flexion",
    "extension",
    "side_bending_left",
    "side_bending_right",
    "rotation_left",
    "rotation_right",
)


# --- Field helpers: the limit and its message are written once ---------------------------------


def _whole_number_between(low, high, message):
    return [
        MinValueValidator(low, message=message),
        MaxValueValidator(high, message=message),
    ]


_GRADE_MESSAGE = _("A strength grade is a whole number from 0 to 5.")
_SLR_MESSAGE = _("Enter the straight-leg raise angle in degrees, from 0 to 120.")


def _grade(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=_whole_number_between(0, 5, _GRADE_MESSAGE)
    )


def _not_tested(label, choices):
    """A finding that may not have been examined: None (shown "Not tested"), never a default.

    None rather than "": it is the reasoning vocabulary's value for "not tested".
    """
    return models.CharField(  # noqa: DJ001
        label, max_length=10, choices=choices, null=True, blank=True
    )


def _reflex(label):
    return _not_tested(label, ReflexGrade.choices)


def _rom(label):
    return models.CharField(label, max_length=20, choices=RangeOfMotion.choices, blank=True)


def _pulse(label):
    return _not_tested(label, Pulse.choices)


def _notes(label):
    return models.TextField(label, blank=True, max_length=4000)


# --- Exam --------------------------------------------------------------------------------------


class ExamLockedError(ValidationError):
    """A finished exam was about to change without a correction and its reason."""

    def __init__(self):
        super().__init__(
            _("This exam is finished and locked. Record a correction, with its reason, instead.")
        )


class ExamQuerySet(models.QuerySet):
    def for_patient(self, patient):
        return self.filter(patient=patient)

    # A bulk write bypasses save(): it may not touch a finished exam (services.exam_correct).
    def update(self, **kwargs):
        if self.filter(status=ExamStatus.FINISHED).exists():
            raise ExamLockedError
        return super().update(**kwargs)

    def delete(self):
        if self.filter(status=ExamStatus.FINISHED).exists():
            raise ExamLockedError
        return super().delete()


class Exam(models.Model):
    patient = models.ForeignKey(
        "intake.Patient", on_delete=models.PROTECT, related_name="exams", verbose_name=_("patient")
    )
    # The confirmed intake this exam follows; the plan reasons from the two together.
    intake = models.ForeignKey(
        "intake.Intake",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="exams",
        verbose_name=_("intake"),
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("practitioner"),
    )
    examined_on = models.DateField(_("date of exam"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=10, choices=ExamStatus.choices, default=ExamStatus.DRAFT
    )

    # Posture
    head_forward = models.BooleanField(_("head forward"), default=False)
    rounded_shoulders = models.BooleanField(_("rounded shoulders"), default=False)
    thoracic_kyphosis = models.BooleanField(_("thoracic kyphosis"), default=False)
    lumbar_lordosis = _not_tested(_("lumbar lordosis"), LumbarLordosis.choices)
    pelvic_tilt = _not_tested(_("pelvic tilt"), PelvicTilt.choices)
    scoliosis = models.BooleanField(_("scoliosis"), default=False)
    leg_length_difference_mm = models.PositiveSmallIntegerField(
        _("leg-length difference (mm)"),
        null=True,
        blank=True,
        validators=_whole_number_between(
            0, 100, _("Enter the leg-length difference in millimetres, from 0 to 100.")
        ),
    )
    # None, not "", when not measured: the reasoning vocabulary's value for "no type".
    leg_length_type = models.CharField(  # noqa: DJ001
        _("leg-length difference type"),
        max_length=10,
        choices=LegLengthType.choices,
        null=True,
        blank=True,
    )
    leg_length_short_side = _not_tested(_("shorter leg"), LegSide.choices)
    foot_posture_left = _not_tested(_("foot posture, left"), FootPosture.choices)
    foot_posture_right = _not_tested(_("foot posture, right"), FootPosture.choices)
    sitting_posture = _not_tested(_("sitting posture"), SittingPosture.choices)
    posture_notes = _notes(_("posture notes"))

    # Spinal segments: only the levels with a finding are stored, in SEGMENT_LEVELS order,
    # as {"level": "L5", "stiffness": "moderate", "tender": true, "side": "left"}.
    segments = models.JSONField(_("spinal segments"), default=list, blank=True)
    segments_notes = _notes(_("spinal segment notes"))

    # Range of motion (blank: not tested)
    lumbar_flexion = _rom(_("lumbar flexion"))
    lumbar_extension = _rom(_("lumbar extension"))
    lumbar_side_bending_left = _rom(_("lumbar side-bending, left"))
    lumbar_side_bending_right = _rom(_("lumbar side-bending, right"))
    lumbar_rotation_left = _rom(_("lumbar rotation, left"))
    lumbar_rotation_right = _rom(_("lumbar rotation, right"))
    cervical_flexion = _rom(_("neck flexion"))
    cervical_extension = _rom(_("neck extension"))
    cervical_side_bending_left = _rom(_("neck side-bending, left"))
    cervical_side_bending_right = _rom(_("neck side-bending, right"))
    cervical_rotation_left = _rom(_("neck rotation, left"))
    cervical_rotation_right = _rom(_("neck rotation, right"))
    rom_notes = _notes(_("range of motion notes"))

    # Neurological screen
    slr_left_degrees = models.PositiveSmallIntegerField(
        _("straight-leg raise, left (degrees)"),
        null=True,
        blank=True,
        validators=_whole_number_between(0, 120, _SLR_MESSAGE),
    )
    slr_right_degrees = models.PositiveSmallIntegerField(
        _("straight-leg raise, right (degrees)"),
        null=True,
        blank=True,
        validators=_whole_number_between(0, 120, _SLR_MESSAGE),
    )
    slr_reproduces_left = models.BooleanField(_("left SLR reproduces symptoms"), default=False)
    slr_reproduces_right = models.BooleanField(_("right SLR reproduces symptoms"), default=False)
    slump_positive = models.BooleanField(_("slump test positive"), default=False)
    reflex_knee_left = _reflex(_("knee reflex, left"))
    reflex_knee_right = _reflex(_("knee reflex, right"))
    reflex_ankle_left = _reflex(_("ankle reflex, left"))
    reflex_ankle_right = _reflex(_("ankle reflex, right"))
    sensation_change_roots = models.JSONField(
        _("sensation changed at roots"), default=list, blank=True
    )
    strength_change_roots = models.JSONField(
        _("strength changed at roots"), default=list, blank=True
    )
    neuro_notes = _notes(_("neurological notes"))

    # Strength, graded 0-5 (blank: not tested)
    glute_max_left = _grade(_("gluteus maximus, left"))
    glute_max_right = _grade(_("gluteus maximus, right"))
    glute_med_left = _grade(_("gluteus medius, left"))
    glute_med_right = _grade(_("gluteus medius, right"))
    calf_left = _grade(_("calf, left"))
    calf_right = _grade(_("calf, right"))
    hamstrings_left = _grade(_("hamstrings, left"))
    hamstrings_right = _grade(_("hamstrings, right"))
    quadriceps_left = _grade(_("quadriceps, left"))
    quadriceps_right = _grade(_("quadriceps, right"))
    tibialis_anterior_left = _grade(_("front of the shin (tibialis anterior), left"))
    tibialis_anterior_right = _grade(_("front of the shin (tibialis anterior), right"))
    plank_seconds = models.PositiveSmallIntegerField(
        _("plank hold (seconds)"),
        null=True,
        blank=True,
        validators=_whole_number_between(
            0, 3600, _("Enter the plank hold in whole seconds, from 0 to 3600.")
        ),
    )
    strength_notes = _notes(_("strength notes"))

    # Flexibility
    ankle_dorsiflexion_left_degrees = models.SmallIntegerField(
        _("ankle dorsiflexion, left (degrees)"),
        null=True,
        blank=True,
        validators=_whole_number_between(
            -30, 60, _("Enter ankle dorsiflexion in degrees, from -30 to 60.")
        ),
    )
    ankle_dorsiflexion_right_degrees = models.SmallIntegerField(
        _("ankle dorsiflexion, right (degrees)"),
        null=True,
        blank=True,
        validators=_whole_number_between(
            -30, 60, _("Enter ankle dorsiflexion in degrees, from -30 to 60.")
        ),
    )
    hamstring_length_left_degrees = models.PositiveSmallIntegerField(
        _("hamstring length, left (degrees)"),
        null=True,
        blank=True,
        validators=_whole_number_between(
            0, 180, _("Enter hamstring length in degrees, from 0 to 180.")
        ),
    )
    hamstring_length_right_degrees = models.PositiveSmallIntegerField(
        _("hamstring length, right (degrees)"),
        null=True,
        blank=True,
        validators=_whole_number_between(
            0, 180, _("Enter hamstring length in degrees, from 0 to 180.")
        ),
    )
    thomas_test_positive_left = models.BooleanField(_("Thomas test positive, left"), default=False)
    thomas_test_positive_right = models.BooleanField(
        _("Thomas test positive, right"), default=False
    )
    flexibility_notes = _notes(_("flexibility notes"))

    # Vascular screen
    foot_pulse_left = _pulse(_("foot pulse, left"))
    foot_pulse_right = _pulse(_("foot pulse, right"))
    capillary_refill_seconds = models.FloatField(
        _("capillary refill (seconds)"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0, _("Enter the capillary refill time in seconds, from 0 to 60.")),
            MaxValueValidator(60, _("Enter the capillary refill time in seconds, from 0 to 60.")),
        ],
    )
    ankle_brachial_index = models.FloatField(
        _("ankle-brachial index"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0.2, _("An ankle-brachial index lies between 0.2 and 2.0.")),
            MaxValueValidator(2.0, _("An ankle-brachial index lies between 0.2 and 2.0.")),
        ],
    )
    vascular_notes = _notes(_("vascular notes"))

    # Pain and cramp
    pain_now = models.PositiveSmallIntegerField(
        _("pain now (0-10)"),
        null=True,
        blank=True,
        validators=_whole_number_between(0, 10, _("Rate the pain now from 0 to 10.")),
    )
    cramp_reproduced = models.BooleanField(_("the exam reproduced a cramp"), default=False)
    cramp_reproduced_where = models.CharField(_("where the cramp was"), max_length=200, blank=True)
    pain_notes = _notes(_("pain and cramp notes"))

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finished by"),
    )
    # Bumped on every change so that two people editing at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = ExamQuerySet.as_manager()

    class Meta:
        verbose_name = _("exam")
        verbose_name_plural = _("exams")
        ordering = ["-examined_on", "-pk"]
        base_manager_name = "objects"
        indexes = [models.Index(fields=["patient", "-examined_on"])]

    def __str__(self):
        return f"{self.patient} · {self.examined_on:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        # A finished exam changes only through services.exam_correct, which records why.
        if self.pk is not None and not getattr(self, "_correction_reason", None):
            stored = Exam.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == ExamStatus.FINISHED:
                raise ExamLockedError
        super().save(*args, **kwargs)

    @property
    def is_finished(self):
        return self.status == ExamStatus.FINISHED

    def segment_findings(self):
        """The stored segment rows keyed by level."""
        return {row["level"]: row for row in self.segments}

    def clean(self):
        super().clean()
        errors = {}
        segment_problem = segments_problem(self.segments)
        if segment_problem:
            errors["segments"] = segment_problem
        for name in ("sensation_change_roots", "strength_change_roots"):
            roots = getattr(self, name)
            if not isinstance(roots, list) or any(root not in NERVE_ROOTS for root in roots):
                errors[name] = _("Choose nerve roots from C1 to S5.")
            elif len(set(roots)) != len(roots):
                errors[name] = _("A nerve root is listed twice.")
        if self.intake_id is not None and self.intake.patient_id != self.patient_id:
            errors["intake"] = _("This intake belongs to another patient.")
        if self.leg_length_type and not self.leg_length_difference_mm:
            errors["leg_length_difference_mm"] = _(
                "Enter the leg-length difference in millimetres, or clear its type."
            )
        if self.leg_length_short_side and not self.leg_length_difference_mm:
            errors["leg_length_difference_mm"] = _(
                "Enter the leg-length difference in millimetres, or clear the shorter side."
            )
        if errors:
            raise ValidationError(errors)


def segments_problem(rows):
    """Why a list of spinal segment rows is malformed, or None when it is well formed."""
    if not isinstance(rows, list):
        return _("The spinal segments must be a list of rows.")
    seen = set()
    for row in rows:
        if not isinstance(row, dict) or set(row) != {"level", "stiffness", "tender", "side"}:
            return _("Each spinal segment row has a level, stiffness, tenderness and side.")
        if row["level"] not in SEGMENT_LEVELS or row["level"] in seen:
            return _("Each spinal level from C1 to SIJ may appear once.")
        seen.add(row["level"])
        if row["stiffness"] not in Stiffness.values or row["side"] not in SegmentSide.values:
            return _("Choose the stiffness and side of %(level)s from the list.") % {
                "level": row["level"]
            }
        if not isinstance(row["tender"], bool):
            return _("Tenderness is yes or no.")
        if row["stiffness"] == Stiffness.NONE and not row["tender"]:
            return _("Only levels with a finding are stored.")
    return None


class ExamCorrection(models.Model):
    """A change to a finished exam: who, when, why, and the values before and after.

    The full earlier version of the exam is also in its simple-history record, whose change
    reason is this reason.
    """

    exam = models.ForeignKey(Exam, on_delete=models.PROTECT, related_name="corrections")
    reason = models.CharField(_("reason for the correction"), max_length=500)
    changes = models.JSONField(_("changed values"), default=dict)  # field -> [before, after]
    corrected_at = models.DateTimeField(_("corrected"), default=timezone.now)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("exam correction")
        verbose_name_plural = _("exam corrections")
        ordering = ["corrected_at", "pk"]

    def __str__(self):
        return f"{self.exam} · {timezone.localtime(self.corrected_at):%Y-%m-%d %H:%M}"


# --- Outcome measures ---------------------------------------------------------------------------


class OutcomeMeasure(models.Model):
    """One completed questionnaire: the answers as given and the score computed from them.

    It belongs to the patient's record on ``taken_on``, the day it was answered; ``exam`` is set
    only when it was taken as part of an exam still being recorded. A finished exam takes no new
    questionnaire: a later one is the patient's on its own date (or part of a new exam).
    """

    patient = models.ForeignKey(
        "intake.Patient",
        on_delete=models.PROTECT,
        related_name="outcome_measures",
        verbose_name=_("patient"),
    )
    exam = models.ForeignKey(
        Exam,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcome_measures",
        verbose_name=_("exam"),
    )
    instrument = models.CharField(_("instrument"), max_length=8, choices=Instrument.choices)
    answers = models.JSONField(_("answers"))
    score = models.FloatField(_("score"))
    # The clinic's calendar day the questionnaire was answered: what the chart's trend plots.
    taken_on = models.DateField(_("date answered"), default=timezone.localdate)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    source = models.CharField(
        _("filled in by"),
        max_length=15,
        choices=OutcomeSource.choices,
        default=OutcomeSource.PRACTITIONER,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outcome measure")
        verbose_name_plural = _("outcome measures")
        ordering = ["taken_on", "recorded_at", "pk"]
        indexes = [models.Index(fields=["patient", "instrument", "recorded_at"])]

    def __str__(self):
        return f"{self.instrument} {self.score_display} · {self.taken_on:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        # Attaching a new questionnaire to a finished exam would change the exam without a
        # correction; it is recorded on the patient's chart instead (services.outcome_record).
        if self.pk is None and self.exam_id is not None:
            stored = Exam.objects.filter(pk=self.exam_id).values_list("status", flat=True).first()
            if stored == ExamStatus.FINISHED:
                raise ExamLockedError
        super().save(*args, **kwargs)

    @property
    def definition(self):
        return outcomes.get_instrument(self.instrument)

    @property
    def score_display(self):
        value = round(self.score, 1)
        text = str(int(value)) if float(value).is_integer() else f"{value:.1f}"
        unit = self.definition.score_unit
        return f"{text}{unit}" if unit in ("%", "/10") else f"{text} / 80"

    def clean(self):
        super().clean()
        if self.recorded_by_id is None and self.source == OutcomeSource.PRACTITIONER:
            raise ValidationError({"recorded_by": _("Say which practitioner recorded this.")})
        if self.exam_id is not None and self.exam.patient_id != self.patient_id:
            raise ValidationError({"exam": _("This exam belongs to another patient.")})
        if self.taken_on and self.taken_on > timezone.localdate():
            raise ValidationError({"taken_on": _("The date answered cannot be in the future.")})


# --- Treatment plans ----------------------------------------------------------------------------
#
# A plan is generated as a draft from the reasoning, edited by the practitioner, then signed.
# A signed plan is never changed in place: an amendment is a new version (``number`` + 1) that
# points at the one it amends; the earlier version is kept, and marked superseded only when the
# amendment is signed. Every write goes through assessments/plan_services.py.


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
    patient = models.ForeignKey(
        "intake.Patient",
        on_delete=models.PROTECT,
        related_name="treatment_plans",
        verbose_name=_("patient"),
    )
    intake = models.ForeignKey(
        "intake.Intake",
        on_delete=models.PROTECT,
        related_name="treatment_plans",
        verbose_name=_("intake"),
    )
    exam = models.ForeignKey(
        Exam,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="treatment_plans",
        verbose_name=_("exam"),
    )
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
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


class PlanItem(_PlanPart):
    plan = models.ForeignKey(TreatmentPlan, on_delete=models.PROTECT, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    # The reasoning's item key ("stretching.calf_before_bed"); blank for the practitioner's own.
    key = models.CharField(max_length=100, blank=True)
    component = models.CharField(_("component"), max_length=30, choices=PlanComponent.choices)
    title = models.CharField(_("title"), max_length=300)
    instructions = models.TextField(_("instructions"), max_length=4000)
    dosage = models.CharField(_("dosage"), max_length=300, blank=True)
    factor_keys = models.JSONField(_("factors it answers"), default=list, blank=True)
    precaution_keys = models.JSONField(_("precautions"), default=list, blank=True)
    rule_ids = models.JSONField(default=list, blank=True)
    sources = models.JSONField(default=list, blank=True)
    origin = models.CharField(
        max_length=15, choices=PlanOrigin.choices, default=PlanOrigin.PRACTITIONER
    )
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
    plan = models.ForeignKey(TreatmentPlan, on_delete=models.PROTECT, related_name="goals")
    position = models.PositiveSmallIntegerField(default=0)
    key = models.CharField(max_length=100, blank=True)
    measure = models.CharField(_("measure"), max_length=50, blank=True)
    text = models.CharField(_("goal"), max_length=500)
    baseline = models.CharField(_("baseline"), max_length=50, blank=True)
    target = models.CharField(_("target"), max_length=50, blank=True)
    rule_ids = models.JSONField(default=list, blank=True)
    sources = models.JSONField(default=list, blank=True)
    origin = models.CharField(
        max_length=15, choices=PlanOrigin.choices, default=PlanOrigin.PRACTITIONER
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan goal")
        verbose_name_plural = _("plan goals")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class FactorDecision(_PlanPart):
    """The practitioner dismisses a contributing factor the reasoning proposed, with why."""

    plan = models.ForeignKey(
        TreatmentPlan, on_delete=models.PROTECT, related_name="factor_decisions"
    )
    factor_key = models.CharField(max_length=100)
    reason = models.CharField(_("reason for dismissing"), max_length=500)
    decided_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

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

    plan = models.ForeignKey(
        TreatmentPlan, on_delete=models.PROTECT, related_name="precaution_overrides"
    )
    item = models.ForeignKey(
        PlanItem, on_delete=models.PROTECT, related_name="precaution_overrides"
    )
    precaution_key = models.CharField(max_length=100)
    reason = models.CharField(_("reason for keeping the item"), max_length=500)
    overridden_at = models.DateTimeField(default=timezone.now)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

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

    plan = models.ForeignKey(
        TreatmentPlan, on_delete=models.PROTECT, related_name="red_flag_clearances"
    )
    flag_key = models.CharField(max_length=100)
    kind = models.CharField(_("how it was cleared"), max_length=10, choices=ClearanceKind.choices)
    doctor_name = models.CharField(_("doctor who cleared treatment"), max_length=200, blank=True)
    seen_on = models.DateField(_("date the doctor saw the patient"), null=True, blank=True)
    reason = models.CharField(_("details"), max_length=500, blank=True)
    cleared_at = models.DateTimeField(default=timezone.now)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

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


class PlanDocument(models.Model):
    """The signed care plan's PDF, made once at signing: the record every download returns.

    Kept in the database with the plan so that signing and its document commit together and
    every app server sees the same bytes.
    """

    plan = models.OneToOneField(
        TreatmentPlan, on_delete=models.PROTECT, related_name="signed_document"
    )
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("signed care plan document")
        verbose_name_plural = _("signed care plan documents")
        base_manager_name = "objects"

    def __str__(self):
        return f"{self.plan} · {self.sha256[:12]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PlanLockedError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PlanLockedError
