"""Muscle imbalance and weakness (seed 002)."""

from __future__ import annotations

from collections.abc import Mapping

from ..facts import Facts
from ..findings import muscle_names, strength_evidence, weak_muscles
from ..i18n import Text, gettext_noop
from ..labels import STRENGTH_MUSCLE_NAMES
from .base import FactorSpec, Match, Rule, condition, cramp_sites_evidence

# The muscle that does the opposite movement: when it is weak the cramping one spasms more easily.
_ANTAGONISTS = {"calf": "tibialis_anterior", "hamstring": "quadriceps", "thigh_front": "hamstrings"}


# The exercise item that strengthens each tested or cramping muscle.
_EXERCISE_FOR_STRENGTH_MUSCLE = {
    "glute_max": "glutes",
    "glute_med": "glutes",
    "calf": "calf",
    "hamstrings": "hamstrings",
    "quadriceps": "quadriceps",
    "tibialis_anterior": "tibialis_anterior",
}


def exercises_for(muscles: tuple[str, ...], table: Mapping[str, str]) -> tuple[str, ...]:
    exercises: list[str] = []
    for muscle in muscles:
        if table[muscle] not in exercises:
            exercises.append(table[muscle])
    return tuple(exercises)


def _imbalance_weakness(facts: Facts) -> tuple[str, ...]:
    """Weak muscles that may be read as an imbalance to strengthen: none when the weakness is
    getting worse (a red flag) or comes with a neurological disease, which need a doctor."""
    conditions = facts.conditions
    if (
        facts.red_flags.progressive_weakness
        or conditions.multiple_sclerosis
        or conditions.motor_neurone_disease
        or conditions.stroke
        or conditions.parkinsons_disease
    ):
        return ()
    return weak_muscles(facts)


def _weak_glutes(facts: Facts) -> tuple[str, ...]:
    return tuple(m for m in _imbalance_weakness(facts) if m in ("glute_max", "glute_med"))


def _weak_antagonists(facts: Facts) -> tuple[tuple[str, str], ...]:
    weak = _imbalance_weakness(facts)
    return tuple(
        (cramper, antagonist)
        for cramper, antagonist in _ANTAGONISTS.items()
        if cramper in facts.cramps.muscles and antagonist in weak
    )


@condition("Hamstring cramps with gluteals graded 3/5 or less, or differing between sides")
def weak_glutes_with_hamstring_cramps(facts: Facts) -> Match | None:
    glutes = _weak_glutes(facts)
    if "hamstring" not in facts.cramps.muscles or not glutes:
        return None
    evidence = [
        cramp_sites_evidence(facts, ("hamstring",)),
        *strength_evidence(facts, glutes),
    ]
    if facts.exam is not None and facts.exam.cramp_reproduced:
        evidence.append(
            Text(
                gettext_noop("Exam: cramp reproduced: %(where)s"),
                {"where": facts.exam.cramp_reproduced_where},
            )
        )
    return Match(evidence=tuple(evidence), scope={"exercise": ("glutes",)})


IMBALANCE_GLUTES_HAMSTRING = Rule(
    "IMBALANCE-GLUTES-HAMSTRING",
    weak_glutes_with_hamstring_cramps,
    ("002", "000"),
    factor=FactorSpec(
        "imbalance.glutes_hamstrings",
        50,
        gettext_noop(
            "Weak gluteals with hamstring cramps: the hamstrings take over hip extension, tire "
            "and cramp, as in a bridge."
        ),
        musculoskeletal=True,
    ),
    items=("strengthening.{exercise}",),
)


@condition(
    "Cramps in a muscle whose opposite muscle is weak: calf with tibialis anterior, hamstring "
    "with quadriceps, front of thigh with hamstrings"
)
def weak_antagonist(facts: Facts) -> Match | None:
    pairs = _weak_antagonists(facts)
    if not pairs:
        return None
    antagonists = tuple(antagonist for _, antagonist in pairs)
    return Match(
        params={
            "antagonists": tuple(STRENGTH_MUSCLE_NAMES[a] for a in antagonists),
            "muscles": muscle_names(tuple(cramper for cramper, _ in pairs)),
        },
        evidence=strength_evidence(facts, antagonists),
        scope={"exercise": exercises_for(antagonists, _EXERCISE_FOR_STRENGTH_MUSCLE)},
    )


IMBALANCE_WEAK_ANTAGONIST = Rule(
    "IMBALANCE-WEAK-ANTAGONIST",
    weak_antagonist,
    ("002",),
    factor=FactorSpec(
        "imbalance.weak_antagonist",
        45,
        gettext_noop(
            "Weak %(antagonists)s opposite the cramping %(muscles)s: a weak opposing muscle "
            "lets the stronger one go into spasm."
        ),
        musculoskeletal=True,
    ),
    items=("strengthening.{exercise}",),
)


@condition("Exam: other muscles graded 3/5 or less, or differing between sides")
def other_weak_muscles(facts: Facts) -> Match | None:
    explained = set(_weak_glutes(facts)) if "hamstring" in facts.cramps.muscles else set()
    explained.update(antagonist for _, antagonist in _weak_antagonists(facts))
    others = tuple(m for m in _imbalance_weakness(facts) if m not in explained)
    if not others:
        return None
    return Match(
        params={"muscles": tuple(STRENGTH_MUSCLE_NAMES[m] for m in others)},
        evidence=strength_evidence(facts, others),
        scope={"exercise": exercises_for(others, _EXERCISE_FOR_STRENGTH_MUSCLE)},
    )


WEAKNESS_TARGETED = Rule(
    "WEAKNESS-TARGETED",
    other_weak_muscles,
    ("002", "003"),
    factor=FactorSpec(
        "weakness.other",
        35,
        gettext_noop(
            "Weak %(muscles)s on testing: weak muscles are more prone to cramps and strain."
        ),
        musculoskeletal=True,
    ),
    items=("strengthening.{exercise}",),
)
