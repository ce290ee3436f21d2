"""The exam vocabulary and the field helpers the exam model is built from.

The stored values of every choice are the exam vocabulary of ``assessments/reasoning/facts.py``
(the facts builder reads these fields by name);
``tests/assessments/models/test_exam_models.py`` checks that the two stay the same.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# The levels, roots and muscles are the reasoning's own vocabulary, declared once there.
from assessments.reasoning.vocabulary import (  # noqa: F401 (the models' names for them)
    NERVE_ROOTS,
    SEGMENT_LEVELS,
    STRENGTH_MUSCLES,
)

# What ``assessments.models`` re-exports (the field helpers below are the exam model's own).
__all__ = [
    "ExamStatus",
    "LumbarLordosis",
    "PelvicTilt",
    "LegLengthType",
    "LegSide",
    "FootPosture",
    "SittingPosture",
    "Stiffness",
    "SegmentSide",
    "ReflexGrade",
    "Pulse",
    "RangeOfMotion",
    "SEGMENT_LEVELS",
    "NERVE_ROOTS",
    "STRENGTH_MUSCLES",
    "ROM_MOVEMENTS",
]

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


# Muscle strength is graded 0-5 (Medical Research Council scale); pages show the grade with
# its meaning, "3/5 (weak)", so nobody has to remember which end of the scale is strong.
STRENGTH_GRADE_FIELDS = frozenset(
    f"{muscle}_{side}" for muscle in STRENGTH_MUSCLES for side in ("left", "right")
)
STRENGTH_GRADE_WORDS = {
    0: _("no contraction"),
    1: _("flicker"),
    2: _("very weak"),
    3: _("weak"),
    4: _("slightly weak"),
    5: _("normal"),
}


def strength_grade_display(grade):
    return _("%(grade)d/5 (%(meaning)s)") % {
        "grade": grade,
        "meaning": STRENGTH_GRADE_WORDS.get(grade, ""),
    }


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
_LEG_MESSAGE = _("Enter the leg-length difference in millimetres, from 0 to 100.")
_PLANK_MESSAGE = _("Enter the plank hold in whole seconds, from 0 to 3600.")
_DORSIFLEXION_MESSAGE = _("Enter ankle dorsiflexion in degrees, from -30 to 60.")
_HAMSTRING_MESSAGE = _("Enter hamstring length in degrees, from 0 to 180.")
_CAPILLARY_REFILL_MESSAGE = _("Enter the capillary refill time in seconds, from 0 to 60.")
_ABI_MESSAGE = _("An ankle-brachial index lies between 0.2 and 2.0.")


def _measured(label, low, high, message, *, signed=False):
    """A whole-number measurement, blank when not measured, with its range and its message."""
    field = models.SmallIntegerField if signed else models.PositiveSmallIntegerField
    return field(label, null=True, blank=True, validators=_whole_number_between(low, high, message))


def _slr(label):
    return _measured(label, 0, 120, _SLR_MESSAGE)


def _measured_decimal(label, low, high, message):
    """A measurement with decimals (seconds, an index), blank when not measured.

    The message is passed to the validators positionally, as the migrations recorded it.
    """
    return models.FloatField(
        label,
        null=True,
        blank=True,
        validators=[MinValueValidator(low, message), MaxValueValidator(high, message)],
    )


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
