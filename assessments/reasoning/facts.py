"""The input facts: what a confirmed intake and an (optional) finished exam say about a patient.

Every allowed string value is a tuple in vocabulary.py, so that the Django models and forms
validate against the very same vocabulary. Fields carry their limits as dataclass metadata; one
generic builder (`facts_from_dict`) reads that metadata, so a limit is written once.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from .vocabulary import (
    CRAMP_MUSCLES,
    CRAMP_TIMINGS,
    EXERCISE_LEVELS,
    FOOT_POSTURES,
    FOOTWEAR,
    LEG_LENGTH_TYPES,
    LEG_SIDES,
    LUMBAR_LORDOSIS,
    MEDICATION_CLASSES,
    NERVE_ROOTS,
    PELVIC_TILT,
    PULSES,
    REFLEX_GRADES,
    SEGMENT_LEVELS,
    SEGMENT_SIDES,
    SEXES,
    SIDES,
    SITTING_POSTURES,
    SPINE_REGIONS,
    STIFFNESS_GRADES,
    THYROID_CONDITIONS,
)
from .vocabulary import STRENGTH_MUSCLES as STRENGTH_MUSCLES  # read here by the exam models


class CaseError(ValueError):
    """Malformed facts. `path` names the field, e.g. `exam.segments[2].stiffness`."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


# --- Field helpers: the limits live in metadata, read by the builder below ----------------------


def _choice(values: tuple[str, ...], default: Any = dataclasses.MISSING) -> Any:
    return field(default=default, metadata={"choices": values})


def _number(low: float, high: float, default: Any = dataclasses.MISSING) -> Any:
    return field(default=default, metadata={"min": low, "max": high})


def _choices(values: tuple[str, ...]) -> Any:
    return field(default=(), metadata={"choices": values, "unique": True})


# --- Intake -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    # From the patient record. None: not recorded (the reasoning treats it as unknown).
    age_years: int | None = _number(0, 130, default=None)
    sex: str | None = _choice(SEXES, default=None)


@dataclass(frozen=True)
class Symptoms:
    # Patient-reported, from the intake; None means "not asked", never "no".
    tingling: bool | None = None
    numbness: bool | None = None
    radiating_leg_pain: bool | None = None
    radiating_arm_pain: bool | None = None


@dataclass(frozen=True)
class CrampSite:
    muscle: str = _choice(CRAMP_MUSCLES)
    side: str = _choice(SIDES)


@dataclass(frozen=True)
class Cramps:
    sites: tuple[CrampSite, ...] = ()
    timing: tuple[str, ...] = _choices(CRAMP_TIMINGS)
    cramps_per_week: int = _number(0, 100, default=0)
    episode_minutes: int | None = _number(0, 1440, default=None)
    months_since_onset: int | None = _number(0, 1200, default=None)

    @property
    def muscles(self) -> frozenset[str]:
        return frozenset(site.muscle for site in self.sites)

    def cross_check(self) -> list[tuple[str, str]]:
        muscles = [site.muscle for site in self.sites]
        duplicates = sorted({m for m in muscles if muscles.count(m) > 1})
        return [("sites", f"muscle {m!r} is listed more than once") for m in duplicates]


@dataclass(frozen=True)
class Medication:
    name: str = field(metadata={"non_empty": True})
    classes: tuple[str, ...] = _choices(MEDICATION_CLASSES)


@dataclass(frozen=True)
class Pregnancy:
    pregnant: bool = False
    gestation_weeks: int | None = _number(1, 44, default=None)
    gave_birth_last_12_months: bool = False
    breastfeeding: bool = False

    @property
    def trimester(self) -> int | None:
        if not self.pregnant or self.gestation_weeks is None:
            return None
        if self.gestation_weeks <= 13:
            return 1
        if self.gestation_weeks <= 27:
            return 2
        return 3

    def cross_check(self) -> list[tuple[str, str]]:
        if self.gestation_weeks is not None and not self.pregnant:
            return [("gestation_weeks", "is given but pregnant is false")]
        return []


@dataclass(frozen=True)
class Thyroid:
    condition: str = _choice(THYROID_CONDITIONS, default="none")
    treated: bool | None = None

    def cross_check(self) -> list[tuple[str, str]]:
        if self.condition == "none" and self.treated is not None:
            return [("treated", "must be null when condition is 'none'")]
        return []


@dataclass(frozen=True)
class Circulation:
    pad_diagnosed: bool = False
    calf_pain_walking_eases_with_rest: bool = False


@dataclass(frozen=True)
class Spine:
    stenosis_region: str | None = _choice(SPINE_REGIONS, default=None)
    stenosis_imaging_confirmed: bool = False
    disc_injury_region: str | None = _choice(SPINE_REGIONS, default=None)
    past_sprain_region: str | None = _choice(SPINE_REGIONS, default=None)
    current_back_pain: bool = False
    current_neck_pain: bool = False

    def cross_check(self) -> list[tuple[str, str]]:
        if self.stenosis_imaging_confirmed and self.stenosis_region is None:
            return [("stenosis_imaging_confirmed", "is true but stenosis_region is null")]
        return []


@dataclass(frozen=True)
class Conditions:
    diabetes: bool = False
    liver_disease: bool = False
    kidney_disease: bool = False
    multiple_sclerosis: bool = False
    motor_neurone_disease: bool = False
    peripheral_neuropathy: bool = False
    heart_circulation_disease: bool = False
    osteoporosis: bool = False
    stroke: bool = False
    parkinsons_disease: bool = False
    cancer_history: bool = False
    recent_trauma: bool = False
    past_leg_muscle_injury: bool = False


@dataclass(frozen=True)
class DailyLife:
    # None means "not recorded": no rule fires on an unanswered question.
    sitting_hours_per_day: float | None = _number(0, 24, default=None)
    long_standing_at_work: bool = False
    standing_hours_per_day: float | None = _number(0, 24, default=None)
    sits_legs_crossed: bool = False
    sits_toes_pointed: bool = False
    sleeps_feet_pointed_down: bool = False
    takes_sitting_breaks: bool | None = None
    exercise_level: str | None = _choice(EXERCISE_LEVELS, default=None)
    recent_overexertion: bool = False
    water_litres_per_day: float | None = _number(0, 10, default=None)
    coffee_tea_cups_per_day: int = _number(0, 50, default=0)
    heavy_sweating_or_heat: bool = False
    fluid_limit_set_by_doctor: bool = False
    footwear: str | None = _choice(FOOTWEAR, default=None)
    uses_orthotics: bool = False
    flat_feet_known: bool = False


@dataclass(frozen=True)
class RedFlags:
    # No defaults: the red-flag screen must have been answered, never assumed negative.
    calf_swollen_red_warm: bool
    saddle_numbness: bool
    bladder_bowel_change: bool
    progressive_weakness: bool
    unexplained_weight_loss: bool
    fever: bool


RED_FLAG_FIELDS = tuple(f.name for f in dataclasses.fields(RedFlags))


# --- Exam ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Posture:
    head_forward: bool = False
    rounded_shoulders: bool = False
    thoracic_kyphosis: bool = False
    # None: not examined. Never read as normal.
    lumbar_lordosis: str | None = _choice(LUMBAR_LORDOSIS, default=None)
    pelvic_tilt: str | None = _choice(PELVIC_TILT, default=None)
    scoliosis: bool = False
    leg_length_difference_mm: int | None = _number(0, 100, default=None)
    leg_length_type: str | None = _choice(LEG_LENGTH_TYPES, default=None)
    leg_length_short_side: str | None = _choice(LEG_SIDES, default=None)
    foot_posture_left: str | None = _choice(FOOT_POSTURES, default=None)
    foot_posture_right: str | None = _choice(FOOT_POSTURES, default=None)
    sitting_posture: str | None = _choice(SITTING_POSTURES, default=None)


@dataclass(frozen=True)
class Segment:
    level: str = _choice(SEGMENT_LEVELS)
    stiffness: str = _choice(STIFFNESS_GRADES)
    tender: bool = False
    side: str = _choice(SEGMENT_SIDES, default="central")


@dataclass(frozen=True)
class Neuro:
    slr_left_degrees: int | None = _number(0, 120, default=None)
    slr_right_degrees: int | None = _number(0, 120, default=None)
    slr_reproduces_left: bool = False
    slr_reproduces_right: bool = False
    slump_positive: bool = False
    reflex_knee_left: str | None = _choice(REFLEX_GRADES, default=None)  # None: not tested
    reflex_knee_right: str | None = _choice(REFLEX_GRADES, default=None)  # None: not tested
    reflex_ankle_left: str | None = _choice(REFLEX_GRADES, default=None)  # None: not tested
    reflex_ankle_right: str | None = _choice(REFLEX_GRADES, default=None)  # None: not tested
    sensation_change_roots: tuple[str, ...] = _choices(NERVE_ROOTS)
    strength_change_roots: tuple[str, ...] = _choices(NERVE_ROOTS)


@dataclass(frozen=True)
class Strength:
    glute_max_left: int | None = _number(0, 5, default=None)
    glute_max_right: int | None = _number(0, 5, default=None)
    glute_med_left: int | None = _number(0, 5, default=None)
    glute_med_right: int | None = _number(0, 5, default=None)
    calf_left: int | None = _number(0, 5, default=None)
    calf_right: int | None = _number(0, 5, default=None)
    hamstrings_left: int | None = _number(0, 5, default=None)
    hamstrings_right: int | None = _number(0, 5, default=None)
    quadriceps_left: int | None = _number(0, 5, default=None)
    quadriceps_right: int | None = _number(0, 5, default=None)
    tibialis_anterior_left: int | None = _number(0, 5, default=None)
    tibialis_anterior_right: int | None = _number(0, 5, default=None)
    plank_seconds: int | None = _number(0, 3600, default=None)

    def grades(self, muscle: str) -> tuple[int | None, int | None]:
        """(left, right) grades of one of STRENGTH_MUSCLES."""
        return getattr(self, f"{muscle}_left"), getattr(self, f"{muscle}_right")


@dataclass(frozen=True)
class Flexibility:
    ankle_dorsiflexion_left_degrees: int | None = _number(-30, 60, default=None)
    ankle_dorsiflexion_right_degrees: int | None = _number(-30, 60, default=None)
    hamstring_length_left_degrees: int | None = _number(0, 180, default=None)
    hamstring_length_right_degrees: int | None = _number(0, 180, default=None)
    thomas_test_positive_left: bool = False
    thomas_test_positive_right: bool = False


@dataclass(frozen=True)
class Vascular:
    foot_pulse_left: str | None = _choice(PULSES, default=None)  # None: not tested
    foot_pulse_right: str | None = _choice(PULSES, default=None)  # None: not tested
    capillary_refill_seconds: float | None = _number(0, 60, default=None)
    ankle_brachial_index: float | None = _number(0, 3, default=None)


@dataclass(frozen=True)
class Exam:
    posture: Posture = field(default_factory=Posture)
    segments: tuple[Segment, ...] = ()
    neuro: Neuro = field(default_factory=Neuro)
    strength: Strength = field(default_factory=Strength)
    flexibility: Flexibility = field(default_factory=Flexibility)
    vascular: Vascular = field(default_factory=Vascular)
    pain_now: int | None = _number(0, 10, default=None)
    cramp_reproduced: bool = False
    cramp_reproduced_where: str = ""

    def cross_check(self) -> list[tuple[str, str]]:
        seen: set[tuple[str, str]] = set()
        problems = []
        for index, segment in enumerate(self.segments):
            if (segment.level, segment.side) in seen:
                problems.append(
                    (f"segments[{index}]", f"{segment.level} {segment.side} is recorded twice")
                )
            seen.add((segment.level, segment.side))
        return problems


@dataclass(frozen=True)
class BaselineScores:
    # The latest outcome measures already recorded for the patient; None: none recorded.
    oswestry_percent: float | None = _number(0, 100, default=None)
    pain_nprs: int | None = _number(0, 10, default=None)


@dataclass(frozen=True)
class Facts:
    cramps: Cramps
    red_flags: RedFlags
    person: Person = field(default_factory=Person)
    symptoms: Symptoms = field(default_factory=Symptoms)
    medications: tuple[Medication, ...] = ()
    pregnancy: Pregnancy = field(default_factory=Pregnancy)
    thyroid: Thyroid = field(default_factory=Thyroid)
    circulation: Circulation = field(default_factory=Circulation)
    spine: Spine = field(default_factory=Spine)
    conditions: Conditions = field(default_factory=Conditions)
    daily_life: DailyLife = field(default_factory=DailyLife)
    exam: Exam | None = None
    baseline_scores: BaselineScores = field(default_factory=BaselineScores)


# --- Building from and to plain data ------------------------------------------------------------


def facts_from_dict(data: Any) -> Facts:
    """Validate plain data (parsed JSON, a form's cleaned data) and build Facts.

    Raises CaseError naming the first bad field path. Unknown keys are refused by name, so a
    misspelt answer is never silently read as "no".
    """
    return _build(Facts, data, "")


def facts_to_dict(facts: Facts) -> dict:
    """JSON-friendly plain data that facts_from_dict turns back into equal Facts."""
    return _to_plain(facts)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _build(cls: type, data: Any, path: str):
    if not isinstance(data, dict):
        raise CaseError(path, f"expected an object, got {_describe(data)}")
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise CaseError(path, f"unknown field(s) {names}; allowed: {', '.join(known)}")
    hints = typing.get_type_hints(cls)
    values = {}
    for name, spec in known.items():
        field_path = _join(path, name)
        if name not in data:
            has_default = (
                spec.default is not dataclasses.MISSING
                or spec.default_factory is not dataclasses.MISSING
            )
            if not has_default:
                raise CaseError(field_path, "is required")
            continue
        values[name] = _convert(hints[name], data[name], spec.metadata, field_path)
    built = cls(**values)
    if hasattr(built, "cross_check"):
        for name, problem in built.cross_check():
            raise CaseError(_join(path, name), problem)
    return built


def _convert(hint: Any, value: Any, meta: typing.Mapping, path: str):
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        if value is None:
            return None
        (hint,) = [arg for arg in args if arg is not type(None)]
        args = typing.get_args(hint)
    elif value is None:
        raise CaseError(path, "must not be null")

    if typing.get_origin(hint) is tuple:
        if not isinstance(value, list | tuple):
            raise CaseError(path, f"expected a list, got {_describe(value)}")
        items = tuple(
            _convert(args[0], item, meta, f"{path}[{index}]") for index, item in enumerate(value)
        )
        if meta.get("unique") and len(set(items)) != len(items):
            repeated = sorted({item for item in items if items.count(item) > 1})
            raise CaseError(path, f"{', '.join(map(repr, repeated))} listed more than once")
        return items
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, path)
    if hint is bool:
        if not isinstance(value, bool):
            raise CaseError(path, f"expected true or false, got {_describe(value)}")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise CaseError(path, f"expected a whole number, got {_describe(value)}")
        return _in_range(value, meta, path)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CaseError(path, f"expected a number, got {_describe(value)}")
        return float(_in_range(value, meta, path))
    if hint is str:
        if not isinstance(value, str):
            raise CaseError(path, f"expected text, got {_describe(value)}")
        choices = meta.get("choices")
        if choices is not None and value not in choices:
            raise CaseError(path, f"{value!r} is not one of {', '.join(choices)}")
        if meta.get("non_empty") and not value.strip():
            raise CaseError(path, "must not be empty")
        return value
    raise TypeError(f"no conversion for {hint!r} at {path}")  # a bug in this module, not input


def _in_range(value: float, meta: typing.Mapping, path: str) -> float:
    low, high = meta.get("min"), meta.get("max")
    if low is not None and not low <= value <= high:
        raise CaseError(path, f"{value!r} is outside {low:g}..{high:g}")
    return value


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _to_plain(value: Any):
    if dataclasses.is_dataclass(value):
        return {f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_to_plain(item) for item in value]
    return value
