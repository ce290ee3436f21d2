"""Feet and leg length (seeds 001, 003)."""

from __future__ import annotations

from ..facts import Facts
from ..findings import flat_foot_sides
from ..i18n import Text, gettext_noop
from ..labels import SIDE_NAMES
from .base import FactorSpec, Match, Rule, condition, finding


@condition("Flat feet known at intake, or flat foot posture in the exam")
def flat_feet(facts: Facts) -> Match | None:
    evidence = []
    if facts.daily_life.flat_feet_known:
        evidence.append(finding(gettext_noop("Intake: known flat feet")))
    for side in flat_foot_sides(facts):
        evidence.append(
            Text(gettext_noop("Exam: flat foot on the %(side)s"), {"side": SIDE_NAMES[side]})
        )
    if not evidence:
        return None
    if facts.daily_life.uses_orthotics:
        evidence.append(finding(gettext_noop("Intake: already uses orthotics")))
    return Match(evidence=tuple(evidence))


FEET_FLAT = Rule(
    "FEET-FLAT",
    flat_feet,
    ("001", "003"),
    factor=FactorSpec(
        "feet.flat",
        30,
        gettext_noop(
            "Flat feet: the collapsing arch sends torque up through the knee, hip, pelvis and "
            "spine, and is linked to night cramps."
        ),
        musculoskeletal=True,
    ),
    items=("strengthening.short_foot", "home_care.footwear", "home_care.orthotics"),
)


@condition("Wears unsupportive shoes or high heels")
def unsupportive_footwear(facts: Facts) -> Match | None:
    if facts.daily_life.footwear not in ("unsupportive", "high_heels"):
        return None
    if facts.daily_life.footwear == "high_heels":
        answer = finding(gettext_noop("Intake: wears high heels"))
    else:
        answer = finding(gettext_noop("Intake: wears unsupportive shoes"))
    return Match(evidence=(answer,))


FEET_FOOTWEAR = Rule(
    "FEET-FOOTWEAR",
    unsupportive_footwear,
    ("003",),
    factor=FactorSpec(
        "feet.footwear",
        20,
        gettext_noop("Poor footwear can aggravate the nerves and muscles of the feet and legs."),
    ),
    items=("home_care.footwear",),
)


@condition("Exam: leg-length difference of 5 mm or more")
def leg_length_difference(facts: Facts) -> Match | None:
    posture = None if facts.exam is None else facts.exam.posture
    if (
        posture is None
        or posture.leg_length_difference_mm is None
        or posture.leg_length_difference_mm < 5
    ):
        return None
    mm = str(posture.leg_length_difference_mm)
    side = posture.leg_length_short_side
    if side is not None and posture.leg_length_type == "true":
        measured = Text(
            gettext_noop("Exam: true leg-length difference of %(mm)s mm, %(side)s leg shorter"),
            {"mm": mm, "side": SIDE_NAMES[side]},
        )
    elif posture.leg_length_type == "true":
        measured = Text(gettext_noop("Exam: true leg-length difference of %(mm)s mm"), {"mm": mm})
    elif posture.leg_length_type == "apparent":
        measured = Text(
            gettext_noop("Exam: apparent leg-length difference of %(mm)s mm"), {"mm": mm}
        )
    else:
        measured = Text(gettext_noop("Exam: leg-length difference of %(mm)s mm"), {"mm": mm})
    evidence = [measured]
    if posture.scoliosis:
        evidence.append(finding(gettext_noop("Exam: scoliosis")))
    return Match(params={"mm": mm}, evidence=tuple(evidence))


@condition("Exam: a true leg-length difference of 5 mm or more")
def true_leg_length_difference(facts: Facts) -> Match | None:
    match = leg_length_difference(facts)
    return match if match is not None and facts.exam.posture.leg_length_type == "true" else None


LEG_LENGTH_TRUE = Rule(
    "LEG-LENGTH-TRUE",
    true_leg_length_difference,
    ("001",),
    factor=FactorSpec(
        "feet.leg_length",
        30,
        gettext_noop(
            "True leg-length difference of %(mm)s mm: an uneven base sends torque up the "
            "chain to the pelvis and spine."
        ),
        musculoskeletal=True,
    ),
    items=("home_care.shoe_lift",),
    precautions=("shoe_lift_scoliosis",),
)


@condition("Exam: an apparent leg-length difference of 5 mm or more (from the pelvis or trunk)")
def apparent_leg_length_difference(facts: Facts) -> Match | None:
    match = leg_length_difference(facts)
    return match if match is not None and facts.exam.posture.leg_length_type == "apparent" else None


LEG_LENGTH_APPARENT = Rule(
    "LEG-LENGTH-APPARENT",
    apparent_leg_length_difference,
    ("001",),
    factor=FactorSpec(
        "feet.leg_length_apparent",
        30,
        gettext_noop(
            "Apparent leg-length difference of %(mm)s mm: the legs are the same length; the "
            "pelvis or trunk draws one up. No shoe lift."
        ),
        musculoskeletal=True,
    ),
    items=("massage.pelvis_trunk",),
)


@condition("Exam: a leg-length difference of 5 mm or more, not yet typed as true or apparent")
def untyped_leg_length_difference(facts: Facts) -> Match | None:
    match = leg_length_difference(facts)
    return match if match is not None and facts.exam.posture.leg_length_type is None else None


LEG_LENGTH_UNTYPED = Rule(
    "LEG-LENGTH-UNTYPED",
    untyped_leg_length_difference,
    ("001",),
    factor=FactorSpec(
        "feet.leg_length_untyped",
        20,
        gettext_noop(
            "Leg-length difference of %(mm)s mm: check whether it is true or apparent before "
            "any shoe lift (a lift is only for a true difference)."
        ),
        musculoskeletal=True,
    ),
)
