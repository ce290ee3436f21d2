"""The spine: stenosis, disc injury, sprain, nerve-root signs, low-grade stiffness.

Seeds 000, 002, 003.
"""

from __future__ import annotations

from ..facts import Facts
from ..findings import (
    cramp_sites_text,
    cramping,
    level_names,
    muscle_names,
    root_signs,
    segment_evidence,
    stiff_segments,
)
from ..i18n import Text, gettext_noop
from ..labels import REGION_NAMES
from ..vocabulary import (
    ARM_ROOTS,
    LEG_ROOTS,
    LOWER_BACK_LEVELS,
    LOWER_BACK_MUSCLES,
    NECK_LEVELS,
    NECK_MUSCLES,
)
from .base import FactorSpec, Match, Rule, condition, cramp_sites_evidence, finding
from .thyroid import untreated_underactive_thyroid

_LUMBAR_CARE = (
    "spinal_mobilisation.lumbar",
    "massage.spinal_muscles.lumbar",
    "strengthening.core",
    "strengthening.glutes",
    "posture.awareness",
)


_CERVICAL_CARE = (
    "spinal_mobilisation.cervical",
    "massage.spinal_muscles.cervical",
    "posture.awareness",
)


def _diagnoses(facts: Facts, region: str) -> tuple[Text, ...]:
    spine = facts.spine
    found = []
    if spine.stenosis_region == region:
        if spine.stenosis_imaging_confirmed:
            found.append(Text(gettext_noop("spinal stenosis confirmed on imaging")))
        else:
            found.append(Text(gettext_noop("spinal stenosis")))
    if spine.disc_injury_region == region:
        found.append(Text(gettext_noop("disc injury")))
    return tuple(found)


def reported_nerve_symptoms(facts: Facts, *, leg: bool) -> tuple[Text, ...]:
    """Patient-reported symptoms of an irritated nerve: radiating pain, tingling, numbness."""
    symptoms = facts.symptoms
    found = []
    if leg and symptoms.radiating_leg_pain:
        found.append(finding(gettext_noop("Intake: pain radiating down the leg")))
    if not leg and symptoms.radiating_arm_pain:
        found.append(finding(gettext_noop("Intake: pain radiating down the arm")))
    if symptoms.tingling:
        found.append(finding(gettext_noop("Intake: tingling")))
    if symptoms.numbness:
        found.append(finding(gettext_noop("Intake: numbness")))
    return tuple(found)


def _spine_evidence(facts: Facts, region: str, muscles: tuple[str, ...]) -> tuple[Text, ...]:
    evidence = [
        Text(
            gettext_noop("Intake: %(diagnosis)s, %(region)s"),
            {"region": REGION_NAMES[region], "diagnosis": diagnosis},
        )
        for diagnosis in _diagnoses(facts, region)
    ]
    evidence.append(cramp_sites_evidence(facts, muscles))
    if region == "lumbar" and facts.spine.current_back_pain:
        evidence.append(finding(gettext_noop("Intake: current back pain")))
    if region == "cervical" and facts.spine.current_neck_pain:
        evidence.append(finding(gettext_noop("Intake: current neck pain")))
    if region == "lumbar":
        evidence.extend(reported_nerve_symptoms(facts, leg=True))
        evidence.extend(root_signs(facts, LEG_ROOTS, leg=True))
        evidence.extend(segment_evidence(stiff_segments(facts, LOWER_BACK_LEVELS)))
    else:
        evidence.extend(reported_nerve_symptoms(facts, leg=False))
        evidence.extend(root_signs(facts, ARM_ROOTS, leg=False))
        evidence.extend(segment_evidence(stiff_segments(facts, NECK_LEVELS)))
    return tuple(evidence)


@condition(
    "Lumbar spinal stenosis or lumbar disc injury, with cramps in the calf, foot or hamstring"
)
def lower_back_nerve_irritation(facts: Facts) -> Match | None:
    muscles = cramping(facts, LOWER_BACK_MUSCLES)
    if not muscles or not _diagnoses(facts, "lumbar"):
        return None
    return Match(
        params={"diagnoses": _diagnoses(facts, "lumbar"), "muscles": muscle_names(muscles)},
        evidence=_spine_evidence(facts, "lumbar", muscles),
    )


SPINE_LUMBAR_CALF = Rule(
    "SPINE-LUMBAR-CALF",
    lower_back_nerve_irritation,
    ("000", "002", "003"),
    factor=FactorSpec(
        "spine.lower_back_nerve",
        60,
        gettext_noop(
            "Lower back (%(diagnoses)s) with cramps in the %(muscles)s: nerve irritation from "
            "the lower back makes the muscles it supplies cramp."
        ),
        musculoskeletal=True,
    ),
    items=_LUMBAR_CARE,
)


@condition("Cervical spinal stenosis or neck disc injury, with forearm or hand cramps")
def neck_nerve_irritation(facts: Facts) -> Match | None:
    muscles = cramping(facts, NECK_MUSCLES)
    if not muscles or not _diagnoses(facts, "cervical"):
        return None
    return Match(
        params={"diagnoses": _diagnoses(facts, "cervical"), "muscles": muscle_names(muscles)},
        evidence=_spine_evidence(facts, "cervical", muscles),
    )


SPINE_NECK_FOREARM = Rule(
    "SPINE-NECK-FOREARM",
    neck_nerve_irritation,
    ("000", "002"),
    factor=FactorSpec(
        "spine.neck_nerve",
        60,
        gettext_noop(
            "Neck (%(diagnoses)s) with cramps in the %(muscles)s: nerve irritation from the "
            "neck makes the forearm and hand cramp."
        ),
        musculoskeletal=True,
    ),
    items=_CERVICAL_CARE,
)


# Seed 002: a joint (facet) sprain in the neck, mid or lower back gives spasm in the muscles beside
# the spine and in the shoulder girdle or the hip girdle (buttock).
_SPRAIN_SPASM_MUSCLES = {
    "lumbar": ("paraspinal", "buttock_hip"),
    "thoracic": ("paraspinal", "shoulder_girdle"),
    "cervical": ("paraspinal", "shoulder_girdle"),
}


@condition(
    "Sprain of the lower back with spasm beside the spine or in the buttock and hip, or of the "
    "mid-back or neck with spasm beside the spine or in the shoulder girdle"
)
def sprain_with_girdle_spasm(facts: Facts) -> Match | None:
    region = facts.spine.past_sprain_region
    if region is None:
        return None
    muscles = cramping(facts, _SPRAIN_SPASM_MUSCLES[region])
    if not muscles:
        return None
    evidence = (
        Text(gettext_noop("Intake: %(region)s sprain"), {"region": REGION_NAMES[region]}),
        Text(
            gettext_noop("Intake: spasm in the %(sites)s"),
            {"sites": cramp_sites_text(facts, muscles)},
        ),
    )
    return Match(
        params={"region": REGION_NAMES[region], "muscles": muscle_names(muscles)},
        evidence=evidence,
        scope={"region": (region,)},
    )


SPINE_SPRAIN_SPASM = Rule(
    "SPINE-SPRAIN-SPASM",
    sprain_with_girdle_spasm,
    ("002", "001"),
    factor=FactorSpec(
        "spine.sprain_spasm",
        55,
        gettext_noop(
            "Sprain of the %(region)s with spasm in the %(muscles)s: a facet joint sprain "
            "causes protective spasm beside the spine and in the shoulder or hip girdle."
        ),
        musculoskeletal=True,
    ),
    items=(
        "spinal_mobilisation.{region}",
        "massage.spinal_muscles.{region}",
        "posture.awareness",
    ),
)


def _neuropathy_explains_sensory_change(facts: Facts) -> bool:
    """A known cause of neuropathy: altered sensation or reflexes need not come from the spine."""
    conditions = facts.conditions
    return (
        conditions.diabetes
        or conditions.peripheral_neuropathy
        or untreated_underactive_thyroid(facts) is not None
    )


def _nerve_tension(facts: Facts) -> bool:
    if facts.exam is None:
        return False
    neuro = facts.exam.neuro
    return neuro.slr_reproduces_left or neuro.slr_reproduces_right or neuro.slump_positive


@condition(
    "Nerve-root signs for the leg with calf, foot or hamstring cramps and no lumbar diagnosis "
    "recorded; pain radiating down the leg or a positive SLR or slump always counts, while "
    "tingling, numbness, or altered L4-S2 sensation, strength or reflexes count only without "
    "diabetes, neuropathy or untreated underactive thyroid"
)
def leg_root_signs(facts: Facts) -> Match | None:
    muscles = cramping(facts, LOWER_BACK_MUSCLES)
    if not muscles or _diagnoses(facts, "lumbar"):
        return None
    strong = _nerve_tension(facts) or bool(facts.symptoms.radiating_leg_pain)
    weak = bool(root_signs(facts, LEG_ROOTS, leg=True)) or bool(
        facts.symptoms.tingling or facts.symptoms.numbness
    )
    if not strong and (not weak or _neuropathy_explains_sensory_change(facts)):
        return None
    return Match(
        params={"muscles": muscle_names(muscles)},
        evidence=_spine_evidence(facts, "lumbar", muscles),
    )


SPINE_ROOT_SIGNS_LEG = Rule(
    "SPINE-ROOT-SIGNS-LEG",
    leg_root_signs,
    ("002", "001", "000"),
    factor=FactorSpec(
        "spine.leg_root_signs",
        55,
        gettext_noop(
            "Signs of lower-back nerve-root irritation with cramps in the %(muscles)s: an "
            "irritated nerve can make the muscles it supplies cramp."
        ),
        musculoskeletal=True,
    ),
    items=_LUMBAR_CARE,
)


@condition(
    "Nerve-root signs for the arm with forearm or hand cramps and no neck diagnosis recorded: pain "
    "radiating down the arm always counts; a C5-T1 sensation or strength change, tingling or "
    "numbness counts only without diabetes, neuropathy or untreated underactive thyroid"
)
def arm_root_signs(facts: Facts) -> Match | None:
    muscles = cramping(facts, NECK_MUSCLES)
    if not muscles or _diagnoses(facts, "cervical"):
        return None
    strong = bool(facts.symptoms.radiating_arm_pain)
    weak = bool(root_signs(facts, ARM_ROOTS, leg=False)) or bool(
        facts.symptoms.tingling or facts.symptoms.numbness
    )
    if not strong and (not weak or _neuropathy_explains_sensory_change(facts)):
        return None
    return Match(
        params={"muscles": muscle_names(muscles)},
        evidence=_spine_evidence(facts, "cervical", muscles),
    )


SPINE_ROOT_SIGNS_ARM = Rule(
    "SPINE-ROOT-SIGNS-ARM",
    arm_root_signs,
    ("002", "000"),
    factor=FactorSpec(
        "spine.arm_root_signs",
        55,
        gettext_noop(
            "Signs of neck nerve-root irritation with cramps in the %(muscles)s: an irritated "
            "nerve can make the muscles it supplies cramp."
        ),
        musculoskeletal=True,
    ),
    items=_CERVICAL_CARE,
)


@condition(
    "Nerve irritation from the spine: a lumbar or neck diagnosis with the matching cramps, or "
    "nerve-root signs"
)
def nerve_irritation(facts: Facts) -> Match | None:
    for test in (
        lower_back_nerve_irritation,
        neck_nerve_irritation,
        leg_root_signs,
        arm_root_signs,
    ):
        if test(facts) is not None:
            return Match()
    return None


SPINE_NERVE_FIRST = Rule(
    "SPINE-NERVE-FIRST",
    nerve_irritation,
    ("002",),
    precautions=("nerve_irritation_first",),
)


@condition(
    "Exam: stiffness at L4, L5 or S1 (the clinic's convention for these muscles), with cramps in "
    "the calf, foot or hamstring"
)
def stiff_lower_back_with_leg_cramps(facts: Facts) -> Match | None:
    muscles = cramping(facts, LOWER_BACK_MUSCLES)
    segments = stiff_segments(facts, LOWER_BACK_LEVELS)
    if not muscles or not segments:
        return None
    evidence = [
        cramp_sites_evidence(facts, muscles),
        *segment_evidence(segments),
    ]
    if not facts.spine.current_back_pain:
        evidence.append(
            finding(gettext_noop("Intake: no current back pain (the stiffness is often painless)"))
        )
    return Match(
        params={"levels": level_names(segments), "muscles": muscle_names(muscles)},
        evidence=tuple(evidence),
    )


STIFF_LOWER_BACK_LEG = Rule(
    "STIFF-LOWER-BACK-LEG",
    stiff_lower_back_with_leg_cramps,
    ("000",),
    factor=FactorSpec(
        "stiffness.lower_back",
        40,
        gettext_noop(
            "Stiff %(levels)s with cramps in the %(muscles)s: in one physiotherapist's "
            "experience, low-grade lower-back stiffness, often painless, may be linked to "
            "these cramps; treat it and recheck the cramps."
        ),
        musculoskeletal=True,
    ),
    items=(*_LUMBAR_CARE, "home_care.self_mobilisation.lumbar"),
)


@condition(
    "Exam: stiffness from C5 to T1 (the clinic's convention for these muscles), with forearm or "
    "hand cramps"
)
def stiff_neck_with_arm_cramps(facts: Facts) -> Match | None:
    muscles = cramping(facts, NECK_MUSCLES)
    segments = stiff_segments(facts, NECK_LEVELS)
    if not muscles or not segments:
        return None
    evidence = (
        cramp_sites_evidence(facts, muscles),
        *segment_evidence(segments),
    )
    return Match(
        params={"levels": level_names(segments), "muscles": muscle_names(muscles)},
        evidence=evidence,
    )


STIFF_NECK_ARM = Rule(
    "STIFF-NECK-ARM",
    stiff_neck_with_arm_cramps,
    ("000",),
    factor=FactorSpec(
        "stiffness.neck",
        40,
        gettext_noop(
            "Stiff %(levels)s with cramps in the %(muscles)s: in one physiotherapist's "
            "experience, low-grade neck stiffness, often painless, may be linked to these "
            "cramps; treat it and recheck the cramps."
        ),
        musculoskeletal=True,
    ),
    items=(*_CERVICAL_CARE, "home_care.self_mobilisation.cervical"),
)
