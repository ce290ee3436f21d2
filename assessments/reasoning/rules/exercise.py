"""Exercise load and flexibility (seeds 003, 002)."""

from __future__ import annotations

from ..facts import Facts
from ..i18n import Text, gettext_noop
from ..labels import SIDE_NAMES
from .base import FactorSpec, Match, Rule, condition, finding


@condition("Recent overexertion")
def recent_overexertion(facts: Facts) -> Match | None:
    if not facts.daily_life.recent_overexertion:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: recent overexertion")),))


EXERCISE_OVEREXERTION = Rule(
    "EXERCISE-OVEREXERTION",
    recent_overexertion,
    ("003", "002"),
    factor=FactorSpec(
        "exercise.overexertion",
        35,
        gettext_noop("Recent overexertion: an overworked, tired muscle cramps more easily."),
    ),
    items=("home_care.load_management",),
)


@condition("No regular exercise")
def no_regular_exercise(facts: Facts) -> Match | None:
    if facts.daily_life.exercise_level != "none":
        return None
    return Match(evidence=(finding(gettext_noop("Intake: no regular exercise")),))


EXERCISE_INACTIVE = Rule(
    "EXERCISE-INACTIVE",
    no_regular_exercise,
    ("003", "001"),
    factor=FactorSpec(
        "exercise.inactive",
        35,
        gettext_noop(
            "No regular exercise: muscles that are not used and stretched weaken "
            "and cramp more easily."
        ),
    ),
    items=("strengthening.conditioning",),
)


@condition("Exam: ankle dorsiflexion under 10 degrees, with calf cramps")
def short_calf(facts: Facts) -> Match | None:
    if facts.exam is None or "calf" not in facts.cramps.muscles:
        return None
    flexibility = facts.exam.flexibility
    evidence = tuple(
        Text(
            gettext_noop("Exam: ankle dorsiflexion %(degrees)s degrees on the %(side)s"),
            {"degrees": str(degrees), "side": SIDE_NAMES[side]},
        )
        for side, degrees in (
            ("left", flexibility.ankle_dorsiflexion_left_degrees),
            ("right", flexibility.ankle_dorsiflexion_right_degrees),
        )
        if degrees is not None and degrees < 10
    )
    return Match(evidence=evidence) if evidence else None


FLEX_SHORT_CALF = Rule(
    "FLEX-SHORT-CALF",
    short_calf,
    ("003",),
    factor=FactorSpec(
        "flexibility.short_calf",
        30,
        gettext_noop(
            "Short calf with calf cramps: shortened muscles and tendons cramp more easily."
        ),
        musculoskeletal=True,
    ),
    items=("stretching.calf",),
)


@condition("Exam: Thomas test positive (short hip flexors)")
def short_hip_flexors(facts: Facts) -> Match | None:
    if facts.exam is None:
        return None
    flexibility = facts.exam.flexibility
    evidence = tuple(
        Text(gettext_noop("Exam: Thomas test positive on the %(side)s"), {"side": SIDE_NAMES[side]})
        for side, positive in (
            ("left", flexibility.thomas_test_positive_left),
            ("right", flexibility.thomas_test_positive_right),
        )
        if positive
    )
    return Match(evidence=evidence) if evidence else None


FLEX_SHORT_HIP_FLEXORS = Rule(
    "FLEX-SHORT-HIP-FLEXORS",
    short_hip_flexors,
    ("003",),
    factor=FactorSpec(
        "flexibility.short_hip_flexors",
        15,
        gettext_noop("Short hip flexors: muscles need regular stretching to work normally."),
        musculoskeletal=True,
    ),
    items=("stretching.hip_flexors",),
)
