"""The functional exam and its corrections, as structured data the reasoning reads."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments.models.vocabulary import (
    _ABI_MESSAGE,
    _CAPILLARY_REFILL_MESSAGE,
    _DORSIFLEXION_MESSAGE,
    _HAMSTRING_MESSAGE,
    _LEG_MESSAGE,
    _PLANK_MESSAGE,
    NERVE_ROOTS,
    SEGMENT_LEVELS,
    ExamStatus,
    FootPosture,
    LegLengthType,
    LegSide,
    LumbarLordosis,
    PelvicTilt,
    SegmentSide,
    SittingPosture,
    Stiffness,
    _grade,
    _measured,
    _measured_decimal,
    _not_tested,
    _notes,
    _pulse,
    _reflex,
    _rom,
    _slr,
)
from clinic.model_helpers import patient_link, protected_link, staff_link


class ExamLockedError(ValidationError):
    """A finished exam was about to change without a correction and its reason."""

    def __init__(self):
        super().__init__(
            _("This exam is finished and locked. Record a correction, with its reason, instead.")
        )


class ExamQuerySet(models.QuerySet):
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
    patient = patient_link("exams")
    # The confirmed intake this exam follows; the plan reasons from the two together.
    intake = protected_link("intake.Intake", "exams", _("intake"), optional=True)
    practitioner = staff_link(_("practitioner"))
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
    leg_length_difference_mm = _measured(_("leg-length difference (mm)"), 0, 100, _LEG_MESSAGE)
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
    slr_left_degrees = _slr(_("straight-leg raise, left (degrees)"))
    slr_right_degrees = _slr(_("straight-leg raise, right (degrees)"))
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
    plank_seconds = _measured(_("plank hold (seconds)"), 0, 3600, _PLANK_MESSAGE)
    strength_notes = _notes(_("strength notes"))

    # Flexibility
    ankle_dorsiflexion_left_degrees = _measured(
        _("ankle dorsiflexion, left (degrees)"), -30, 60, _DORSIFLEXION_MESSAGE, signed=True
    )
    ankle_dorsiflexion_right_degrees = _measured(
        _("ankle dorsiflexion, right (degrees)"), -30, 60, _DORSIFLEXION_MESSAGE, signed=True
    )
    hamstring_length_left_degrees = _measured(
        _("hamstring length, left (degrees)"), 0, 180, _HAMSTRING_MESSAGE
    )
    hamstring_length_right_degrees = _measured(
        _("hamstring length, right (degrees)"), 0, 180, _HAMSTRING_MESSAGE
    )
    thomas_test_positive_left = models.BooleanField(_("Thomas test positive, left"), default=False)
    thomas_test_positive_right = models.BooleanField(
        _("Thomas test positive, right"), default=False
    )
    flexibility_notes = _notes(_("flexibility notes"))

    # Vascular screen
    foot_pulse_left = _pulse(_("foot pulse, left"))
    foot_pulse_right = _pulse(_("foot pulse, right"))
    capillary_refill_seconds = _measured_decimal(
        _("capillary refill (seconds)"), 0, 60, _CAPILLARY_REFILL_MESSAGE
    )
    ankle_brachial_index = _measured_decimal(_("ankle-brachial index"), 0.2, 2.0, _ABI_MESSAGE)
    vascular_notes = _notes(_("vascular notes"))

    # Pain and cramp
    pain_now = _measured(_("pain now (0-10)"), 0, 10, _("Rate the pain now from 0 to 10."))
    cramp_reproduced = models.BooleanField(_("the exam reproduced a cramp"), default=False)
    cramp_reproduced_where = models.CharField(_("where the cramp was"), max_length=200, blank=True)
    pain_notes = _notes(_("pain and cramp notes"))

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    finished_by = staff_link(_("finished by"), optional=True)
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
    corrected_by = staff_link()

    class Meta:
        verbose_name = _("exam correction")
        verbose_name_plural = _("exam corrections")
        ordering = ["corrected_at", "pk"]

    def __str__(self):
        return f"{self.exam} · {timezone.localtime(self.corrected_at):%Y-%m-%d %H:%M}"


# --- Outcome measures ---------------------------------------------------------------------------
