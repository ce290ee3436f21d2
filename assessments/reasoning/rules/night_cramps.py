"""Night calf and foot cramps, and night cramps with age (seeds 002, 003)."""

from __future__ import annotations

from ..facts import Facts
from ..findings import cramp_sites_text, cramping, muscle_names
from ..i18n import Text, gettext_noop
from ..labels import TIMING_NAMES
from .base import FactorSpec, Match, Rule, age_evidence, condition, finding, older

_NIGHT_CALF_ITEMS = (
    "stretching.calf_before_bed",
    "home_care.sleep_position",
    "home_care.heat",
    "home_care.easy_cycling",
    "home_care.heel_walking",
)


@condition("Calf or foot cramps at night")
def night_calf_or_foot_cramps(facts: Facts) -> Match | None:
    muscles = cramping(facts, ("calf", "foot"))
    if not muscles or "night" not in facts.cramps.timing:
        return None
    evidence = (
        Text(
            gettext_noop("Intake: cramps in the %(sites)s, %(timing)s"),
            {"sites": cramp_sites_text(facts, muscles), "timing": TIMING_NAMES["night"]},
        ),
        finding(
            gettext_noop("Intake: %(count)s cramps a week"), count=str(facts.cramps.cramps_per_week)
        ),
    )
    return Match(params={"muscles": muscle_names(muscles)}, evidence=evidence)


NIGHT_CALF_CRAMPS = Rule(
    "NIGHT-CALF-CRAMPS",
    night_calf_or_foot_cramps,
    ("002", "003"),
    factor=FactorSpec(
        "night_calf_cramps",
        45,
        gettext_noop(
            "Cramps in the %(muscles)s at night: in bed the foot points down and the calf "
            "shortens, and a short, tired muscle cramps more easily."
        ),
        cause=False,
    ),
    items=_NIGHT_CALF_ITEMS,
)


@condition("Night cramps at age 60 or over")
def night_cramps_with_age(facts: Facts) -> Match | None:
    if "night" not in facts.cramps.timing or not facts.cramps.sites or not older(facts, 60):
        return None
    evidence = list(age_evidence(facts))
    if facts.person.sex == "female":
        evidence.append(
            finding(gettext_noop("Patient: a woman (night cramps are more common in women)"))
        )
    return Match(params={"age": str(facts.person.age_years)}, evidence=tuple(evidence))


NIGHT_CRAMPS_AGE = Rule(
    "NIGHT-CRAMPS-AGE",
    night_cramps_with_age,
    ("002", "003"),
    factor=FactorSpec(
        "night_cramps.age",
        10,
        gettext_noop("Aged %(age)s: night cramps are common and more so with age."),
        cause=False,
    ),
)
