"""The core treatment protocol of seed 000, the fallback when no cause is found, and the goals."""

from __future__ import annotations

from ..facts import Facts
from ..i18n import gettext_noop
from .base import FactorSpec, Match, Rule, condition
from .imbalance import exercises_for

_EXERCISE_FOR_CRAMPING_MUSCLE = {
    "calf": "calf",
    "foot": "foot",
    "hamstring": "hamstrings",
    "thigh_front": "quadriceps",
    "forearm_hand": "forearm_grip",
    "paraspinal": "core",
    "shoulder_girdle": "shoulder_girdle",
    "buttock_hip": "glutes",
}


@condition("Recurring cramps: at least twice a week in at least one muscle")
def recurring_cramps(facts: Facts) -> Match | None:
    cramps = facts.cramps
    if not cramps.sites or cramps.cramps_per_week < 2:
        return None
    exercises = exercises_for(
        tuple(m for m in _EXERCISE_FOR_CRAMPING_MUSCLE if m in cramps.muscles),
        _EXERCISE_FOR_CRAMPING_MUSCLE,
    )
    return Match(scope={"exercise": exercises})


PROTOCOL_CALMING_MASSAGE = Rule(
    "PROTOCOL-CALMING-MASSAGE",
    recurring_cramps,
    ("000", "001", "003"),
    items=("massage.cramping_muscles",),
)


PROTOCOL_PNF_STRETCHING = Rule(
    "PROTOCOL-PNF-STRETCHING",
    recurring_cramps,
    ("000", "002"),
    items=("stretching.pnf",),
    precautions=("no_spinal_stretching",),
)


PROTOCOL_STRENGTH_CRAMPING_MUSCLES = Rule(
    "PROTOCOL-STRENGTH-CRAMPING-MUSCLES",
    recurring_cramps,
    ("000",),
    items=("strengthening.{exercise}",),
)


@condition("Cramps, and no other rule found a cause (checked after all the others)")
def no_cause_found(facts: Facts) -> Match | None:
    return Match() if facts.cramps.sites else None


NO_CAUSE_FOUND = Rule(
    "NO-CAUSE-FOUND",
    no_cause_found,
    ("002", "003"),
    factor=FactorSpec(
        "no_cause_found",
        5,
        gettext_noop(
            "No cause found: cramps, especially at night, are common, mostly without an "
            "underlying reason, and more so with age. Stretching and home care are the "
            "treatment."
        ),
        cause=False,
    ),
    fallback=True,
)


@condition("Cramps at least once a week")
def weekly_cramps(facts: Facts) -> Match | None:
    cramps = facts.cramps
    return Match() if cramps.sites and cramps.cramps_per_week >= 1 else None


GOAL_CRAMP_FREQUENCY = Rule(
    "GOAL-CRAMP-FREQUENCY", weekly_cramps, ("000",), goals=("cramps_per_week",)
)


@condition("Pain of 2 or more out of 10, recorded on the pain scale or in the exam")
def pain_recorded(facts: Facts) -> Match | None:
    pain = facts.baseline_scores.pain_nprs
    if pain is None and facts.exam is not None:
        pain = facts.exam.pain_now
    return Match() if pain is not None and pain >= 2 else None


GOAL_PAIN = Rule("GOAL-PAIN", pain_recorded, ("001",), goals=("pain",))


@condition("Intake: current back pain (the Oswestry index measures what back pain stops)")
def back_pain(facts: Facts) -> Match | None:
    return Match() if facts.spine.current_back_pain else None


GOAL_OSWESTRY = Rule("GOAL-OSWESTRY", back_pain, ("000",), goals=("oswestry",))
