"""Hydration and food, and cramps during exercise (seeds 002, 000, 001)."""

from __future__ import annotations

from ..facts import Facts
from ..findings import cramp_sites_text
from ..i18n import Text, and_list, gettext_noop
from ..interventions import fluid_limit_reasons
from ..labels import TIMING_NAMES
from .base import FactorSpec, Match, Rule, condition, contraindication, finding


def _drinks_little(facts: Facts) -> Match | None:
    litres = facts.daily_life.water_litres_per_day
    if litres is None or litres >= 2:
        return None
    evidence = [finding(gettext_noop("Intake: %(litres)s L of water a day"), litres=f"{litres:g}")]
    cups = facts.daily_life.coffee_tea_cups_per_day
    if cups:
        evidence.append(
            finding(
                gettext_noop("Intake: %(cups)s cups of coffee or tea a day, which do not count"),
                cups=str(cups),
            )
        )
    return Match(params={"litres": f"{litres:g}"}, evidence=tuple(evidence))


@condition(
    "Drinks less than 2 litres of water a day (coffee and tea not counted), with nothing that "
    "limits fluids"
)
def low_water_intake(facts: Facts) -> Match | None:
    return None if fluid_limit_reasons(facts) else _drinks_little(facts)


HYDRATION_LOW_WATER = Rule(
    "HYDRATION-LOW-WATER",
    low_water_intake,
    ("002", "000", "003"),
    factor=FactorSpec(
        "hydration.low_water",
        45,
        gettext_noop(
            "Drinks %(litres)s L of water a day, below the 2 L advised; coffee "
            "and tea do not count."
        ),
    ),
    items=("home_care.water", "nutrition_referral.dietitian"),
    precautions=("nutrition_no_prescription",),
)


@condition(
    "Drinks less than 2 litres of water a day, with kidney or heart disease, a diuretic or a "
    "doctor's fluid limit"
)
def low_water_with_fluid_limit(facts: Facts) -> Match | None:
    reasons = fluid_limit_reasons(facts)
    match = _drinks_little(facts) if reasons else None
    if match is None:
        return None
    return Match(params={**match.params, "reasons": and_list(reasons)}, evidence=match.evidence)


HYDRATION_FLUIDS_LIMITED = Rule(
    "HYDRATION-FLUIDS-LIMITED",
    low_water_with_fluid_limit,
    ("003", "002"),
    factor=FactorSpec(
        "hydration.fluids_limited",
        45,
        gettext_noop(
            "Drinks %(litres)s L of water a day, with %(reasons)s: fluids depend on "
            "medications and health, so the doctor sets how much to drink."
        ),
    ),
    items=("home_care.water", "nutrition_referral.dietitian"),
    precautions=("nutrition_no_prescription",),
)


@condition("Sweats heavily or works or exercises in the heat")
def heavy_sweating(facts: Facts) -> Match | None:
    if not facts.daily_life.heavy_sweating_or_heat:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: heavy sweating or heat exposure")),))


HYDRATION_SWEATING = Rule(
    "HYDRATION-SWEATING",
    heavy_sweating,
    ("001", "004", "002"),
    factor=FactorSpec(
        "hydration.sweating",
        35,
        gettext_noop(
            "Heavy sweating or heat: sweat loses water (and some salt); fluids matter more "
            "than salt."
        ),
    ),
    items=("home_care.water",),
    precautions=("nutrition_no_prescription",),
)


@condition(
    "Kidney or heart disease, a diuretic, or a fluid limit set by the doctor: the amount to drink "
    "is the doctor's to set"
)
def fluids_limited(facts: Facts) -> Match | None:
    reasons = fluid_limit_reasons(facts)
    if not reasons:
        return None
    return Match(
        evidence=tuple(Text(gettext_noop("Intake: %(reason)s"), {"reason": r}) for r in reasons)
    )


CI_FLUIDS_SET_BY_DOCTOR = contraindication(
    "CI-FLUIDS-SET-BY-DOCTOR", fluids_limited, "fluids_set_by_doctor", ("003", "002")
)


def _claudication(facts: Facts) -> bool:
    """Pain on exertion from the arteries (PAD) or from the spinal canal (lumbar stenosis)."""
    return (
        facts.circulation.calf_pain_walking_eases_with_rest
        or facts.circulation.pad_diagnosed
        or facts.spine.stenosis_region == "lumbar"
    )


def _well_hydrated(facts: Facts) -> bool:
    litres = facts.daily_life.water_litres_per_day
    return litres is not None and litres >= 2 and not facts.daily_life.heavy_sweating_or_heat


@condition(
    "Cramps during exercise, unless the patient is well hydrated (2 L or more, no heavy sweating) "
    "or the exercise pain is claudication (calf pain on walking that eases with rest, PAD, or "
    "lumbar stenosis): a circulation or nerve cause, not fuel"
)
def cramps_during_exercise(facts: Facts) -> Match | None:
    if "exercise" not in facts.cramps.timing or not facts.cramps.sites:
        return None
    if _well_hydrated(facts) or _claudication(facts):
        return None
    evidence = (
        Text(
            gettext_noop("Intake: cramps in the %(sites)s, %(timing)s"),
            {"sites": cramp_sites_text(facts), "timing": TIMING_NAMES["exercise"]},
        ),
    )
    return Match(evidence=evidence)


EXERCISE_CRAMPS_FUEL = Rule(
    "EXERCISE-CRAMPS-FUEL",
    cramps_during_exercise,
    ("002", "000"),
    factor=FactorSpec(
        "exercise.fuel",
        35,
        gettext_noop(
            "Cramps during exercise: fatigue with low muscle glycogen, or too little fluid, "
            "may bring on cramps in the calf, foot and hamstring."
        ),
    ),
    items=("home_care.carbohydrate",),
    precautions=("nutrition_no_prescription",),
)
