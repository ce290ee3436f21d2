"""Parameters the item sentences need from the facts."""

from __future__ import annotations

from collections.abc import Mapping

from ..facts import Facts
from ..findings import level_names, muscle_names, stiff_segments
from ..i18n import ParamValue, Text, and_list, gettext_noop
from ..labels import CONDITION_NAMES, MEDICATION_CLASS_NAMES, REFERRAL_CONDITIONS, SIDE_NAMES
from ..vocabulary import CERVICAL_LEVELS, CRAMP_MUSCLES, LUMBAR_LEVELS, THORACIC_LEVELS


def _levels(
    facts: Facts, region_levels: tuple[str, ...], unexamined: str
) -> Mapping[str, ParamValue]:
    found = stiff_segments(facts, region_levels)
    return {"levels": level_names(found) if found else Text(unexamined)}


def lumbar_levels(facts: Facts) -> Mapping[str, ParamValue]:
    return _levels(
        facts,
        LUMBAR_LEVELS,
        gettext_noop("levels to be found on examination; the clinic looks at L4 to S1 first"),
    )


def thoracic_levels(facts: Facts) -> Mapping[str, ParamValue]:
    return _levels(facts, THORACIC_LEVELS, gettext_noop("levels to be found on examination"))


def cervical_levels(facts: Facts) -> Mapping[str, ParamValue]:
    return _levels(
        facts,
        CERVICAL_LEVELS,
        gettext_noop("levels to be found on examination; the clinic looks at C5 to T1 first"),
    )


def any_spinal_levels(facts: Facts) -> Mapping[str, ParamValue]:
    every_level = (*CERVICAL_LEVELS, *THORACIC_LEVELS, *LUMBAR_LEVELS)
    return _levels(facts, every_level, gettext_noop("levels to be found on examination"))


def cramping_muscles(facts: Facts) -> Mapping[str, ParamValue]:
    return {"muscles": muscle_names(tuple(sorted(facts.cramps.muscles, key=_muscle_order)))}


def _muscle_order(muscle: str) -> int:
    return CRAMP_MUSCLES.index(muscle)


def stretchable_muscles(facts: Facts, in_plan: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The cramping muscles a PNF stretch may target: never the spine (seed 002: do not stretch
    the spine), and not the calf when a calf stretch is already in the plan (merged into it)."""
    muscles = [m for m in CRAMP_MUSCLES if m in facts.cramps.muscles and m != "paraspinal"]
    if "stretching.calf_before_bed" in in_plan or "stretching.calf" in in_plan:
        muscles = [m for m in muscles if m != "calf"]
    return tuple(muscles)


def stretch_muscles(
    facts: Facts, in_plan: frozenset[str] = frozenset()
) -> Mapping[str, ParamValue]:
    return {"muscles": muscle_names(stretchable_muscles(facts, in_plan))}


def cramp_linked_drugs(facts: Facts) -> Mapping[str, ParamValue]:
    drugs = tuple(
        Text(
            gettext_noop("%(drug)s (%(classes)s)"),
            {"drug": m.name, "classes": and_list(MEDICATION_CLASS_NAMES[c] for c in m.classes)},
        )
        for m in facts.medications
        if m.classes
    )
    return {"drugs": and_list(drugs)}


def secondary_conditions(facts: Facts) -> Mapping[str, ParamValue]:
    conditions = facts.conditions
    names = tuple(
        CONDITION_NAMES[name] for name in REFERRAL_CONDITIONS if getattr(conditions, name)
    )
    return {"conditions": and_list(names)}


def episode_length(facts: Facts) -> Mapping[str, ParamValue]:
    return {"minutes": str(facts.cramps.episode_minutes)}


def fluid_limits(facts: Facts) -> Mapping[str, ParamValue]:
    return {"reasons": and_list(fluid_limit_reasons(facts))}


def fluid_limit_reasons(facts: Facts) -> tuple[Text, ...]:
    """What makes "at least 2 litres" unsafe advice (seed 003: fluids depend on medications)."""
    reasons = []
    if facts.conditions.kidney_disease:
        reasons.append(CONDITION_NAMES["kidney_disease"])
    if facts.conditions.heart_circulation_disease:
        reasons.append(CONDITION_NAMES["heart_circulation_disease"])
    if any("diuretic" in m.classes for m in facts.medications):
        reasons.append(Text(gettext_noop("a diuretic")))
    if facts.daily_life.fluid_limit_set_by_doctor:
        reasons.append(Text(gettext_noop("a fluid limit set by the doctor")))
    return tuple(reasons)


def nutrition_topics(facts: Facts) -> Mapping[str, ParamValue]:
    topics = []
    water = facts.daily_life.water_litres_per_day
    if fluid_limit_reasons(facts):
        topics.append(Text(gettext_noop("food and fluids within the limits the doctor sets")))
    elif (water is not None and water < 2) or facts.daily_life.heavy_sweating_or_heat:
        topics.append(Text(gettext_noop("hydration")))
    if "exercise" in facts.cramps.timing or facts.daily_life.exercise_level in (
        "moderate",
        "vigorous",
    ):
        topics.append(Text(gettext_noop("carbohydrate for exercise")))
    if facts.pregnancy.trimester in (2, 3) or (
        facts.pregnancy.pregnant and facts.pregnancy.gestation_weeks is None
    ):
        topics.append(Text(gettext_noop("calcium and magnesium in pregnancy")))
    if facts.pregnancy.breastfeeding:
        topics.append(Text(gettext_noop("what breastfeeding needs in food and fluids")))
    if not topics:
        topics.append(Text(gettext_noop("diet and hydration")))
    return {"topics": and_list(topics)}


def posture_findings(facts: Facts) -> Mapping[str, ParamValue]:
    findings = []
    if facts.exam is not None:
        posture = facts.exam.posture
        for present, text in (
            (posture.head_forward, Text(gettext_noop("forward head"))),
            (posture.rounded_shoulders, Text(gettext_noop("rounded shoulders"))),
            (posture.thoracic_kyphosis, Text(gettext_noop("increased thoracic kyphosis"))),
            (
                posture.lumbar_lordosis == "increased",
                Text(gettext_noop("increased lumbar lordosis")),
            ),
            (posture.lumbar_lordosis == "reduced", Text(gettext_noop("reduced lumbar lordosis"))),
            (posture.pelvic_tilt not in (None, "none"), Text(gettext_noop("pelvic tilt"))),
        ):
            if present:
                findings.append(text)
    return {"findings": tuple(findings)}


def short_leg_side(facts: Facts) -> Mapping[str, ParamValue]:
    side = None if facts.exam is None else facts.exam.posture.leg_length_short_side
    if side is None:
        return {"side": Text(gettext_noop("shorter"))}
    return {"side": Text(gettext_noop("%(side)s, shorter"), {"side": SIDE_NAMES[side]})}
