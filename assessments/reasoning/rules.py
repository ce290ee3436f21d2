"""The rule base, declared as data.

Each `Rule` has an id, a named condition with a sentence a clinician can check, what it
contributes (a factor or a red flag, plan items, precautions, goals) and the seeds it rests on.
Seeds are the clinical texts in shared/seeds; "clinical-screening" marks the red flags and safety
checks that any clinic screens for although the seeds do not name them. Seed 000 is one
physiotherapist's clinical experience: what rests on it alone is worded as a hypothesis to examine.

Item keys may hold a placeholder, e.g. "strengthening.{exercise}": the condition's match names
the values (`scope`), one item per value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .facts import Facts
from .findings import (
    ARM_ROOTS,
    LEG_ROOTS,
    LOWER_BACK_LEVELS,
    LOWER_BACK_MUSCLES,
    NECK_LEVELS,
    NECK_MUSCLES,
    cramp_sides,
    cramp_sites_text,
    cramping,
    flat_foot_sides,
    level_names,
    muscle_names,
    root_signs,
    segment_evidence,
    stiff_segments,
    strength_evidence,
    weak_muscles,
    weak_or_absent_pulses,
)
from .i18n import ParamValue, Text, and_list, gettext_noop
from .interventions import fluid_limit_reasons, posture_findings, stretchable_muscles
from .labels import (
    CONDITION_NAMES,
    MEDICATION_CLASS_NAMES,
    PULSE_NAMES,
    REGION_NAMES,
    SIDE_NAMES,
    STRENGTH_MUSCLE_NAMES,
    TIMING_NAMES,
)

SEEDS = {
    "000": "000_c954dfb95df348d6",
    "001": "001_ff1b8890783046ad",
    "002": "002_3b2a5d997f760717",
    "003": "003_45a8eeb6afdebb9c",
    "004": "004_216c3181c92ae306",
    "clinical-screening": "clinical-screening",
}

# What a person reads instead of a file stem (issue 12: no seed stems in person-facing text).
SEED_TITLES = {
    "000_c954dfb95df348d6": "La cause cachée des crampes musculaires des jambes : est-ce lié au "
    "dos ? (a physiotherapist's clinical experience)",
    "001_ff1b8890783046ad": "Leg Spasms and Cramping; Thoracic Upper Back Pain; Pelvic and Lower "
    "Extremity Imbalances (El Paso chiropractic clinic)",
    "002_3b2a5d997f760717": "The Muscles Involved Gives a Clue to the Cause of Cramp (Isis "
    "Chiropractic Centres)",
    "003_45a8eeb6afdebb9c": "Nocturnal Leg Cramps (El Paso chiropractic clinic)",
    "004_216c3181c92ae306": "Leg Spasms and Cramping (El Paso chiropractic clinic)",
    "clinical-screening": "Clinical screening (standard safety checks, not from the seeds)",
}

URGENCIES = ("emergency", "urgent", "soon")


@dataclass(frozen=True)
class Match:
    """What a condition found: sentence parameters, the evidence behind it, item scopes."""

    params: Mapping[str, ParamValue] = field(default_factory=dict)
    evidence: tuple[Text, ...] = ()
    scope: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Condition:
    description: str
    test: Callable[[Facts], Match | None]

    @property
    def name(self) -> str:
        return self.test.__name__

    def __call__(self, facts: Facts) -> Match | None:
        return self.test(facts)


def condition(description: str) -> Callable[[Callable[[Facts], Match | None]], Condition]:
    """Turn a predicate over Facts into a named, described Condition."""

    def wrap(test: Callable[[Facts], Match | None]) -> Condition:
        return Condition(description, test)

    return wrap


@dataclass(frozen=True)
class FactorSpec:
    key: str
    weight: int
    title: str
    # False for context that explains no cramp by itself (age, which side, the night mechanism):
    # when only such factors are found, the "no cause found" rule speaks.
    cause: bool = True
    # Musculoskeletal findings set the visit schedule; medical factors are referrals.
    musculoskeletal: bool = False


@dataclass(frozen=True)
class RedFlagSpec:
    key: str
    title: str
    urgency: str  # one of URGENCIES


@dataclass(frozen=True)
class Rule:
    id: str
    when: Condition
    sources: tuple[str, ...]
    factor: FactorSpec | None = None
    red_flag: RedFlagSpec | None = None
    items: tuple[str, ...] = ()
    precautions: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    # Runs only when no other rule found a cause.
    fallback: bool = False


def _finding(msgid: str, **params: ParamValue) -> Text:
    """One line of evidence: an intake answer or an exam finding."""
    return Text(msgid, params)


# --- Red flags (clinical-screening) -------------------------------------------------------------


def _flag(facts: Facts, name: str, evidence: Text) -> Match | None:
    return Match(evidence=(evidence,)) if getattr(facts.red_flags, name) else None


@condition("Intake: the calf is swollen, red and warm")
def calf_swollen_red_warm(facts: Facts) -> Match | None:
    return _flag(
        facts, "calf_swollen_red_warm", _finding(gettext_noop("Intake: calf swollen, red and warm"))
    )


@condition("Intake: numbness in the saddle area")
def saddle_numbness(facts: Facts) -> Match | None:
    return _flag(facts, "saddle_numbness", _finding(gettext_noop("Intake: saddle numbness")))


@condition("Intake: new change in bladder or bowel control")
def bladder_bowel_change(facts: Facts) -> Match | None:
    return _flag(
        facts, "bladder_bowel_change", _finding(gettext_noop("Intake: new bladder or bowel change"))
    )


@condition("Intake: weakness that is getting worse")
def progressive_weakness(facts: Facts) -> Match | None:
    return _flag(
        facts, "progressive_weakness", _finding(gettext_noop("Intake: progressive weakness"))
    )


@condition("Intake: unexplained weight loss")
def unexplained_weight_loss(facts: Facts) -> Match | None:
    return _flag(
        facts, "unexplained_weight_loss", _finding(gettext_noop("Intake: unexplained weight loss"))
    )


@condition("Intake: fever")
def fever(facts: Facts) -> Match | None:
    return _flag(facts, "fever", _finding(gettext_noop("Intake: fever")))


@condition(
    "Exam: a foot pulse is absent, and the intake reports calf pain on walking that eases with rest"
)
def absent_pulse_with_claudication(facts: Facts) -> Match | None:
    absent = [side for side, pulse in weak_or_absent_pulses(facts) if pulse == "absent"]
    if not absent or not facts.circulation.calf_pain_walking_eases_with_rest:
        return None
    evidence = tuple(
        Text(gettext_noop("Exam: foot pulse absent on the %(side)s"), {"side": SIDE_NAMES[side]})
        for side in absent
    )
    return Match(
        evidence=(
            *evidence,
            _finding(gettext_noop("Intake: calf pain on walking that eases with rest")),
        )
    )


@condition("Exam: ankle-brachial index below 0.5")
def critical_ankle_brachial_index(facts: Facts) -> Match | None:
    abi = None if facts.exam is None else facts.exam.vascular.ankle_brachial_index
    if abi is None or abi >= 0.5:
        return None
    return Match(
        evidence=(Text(gettext_noop("Exam: ankle-brachial index %(abi)s"), {"abi": f"{abi:.2f}"}),)
    )


@condition("Exam: a brisk knee or ankle reflex")
def brisk_reflexes(facts: Facts) -> Match | None:
    if facts.exam is None:
        return None
    neuro = facts.exam.neuro
    brisk = [
        Text(
            gettext_noop("Exam: %(reflex)s reflex brisk on the %(side)s"),
            {"reflex": reflex, "side": SIDE_NAMES[side]},
        )
        for reflex, side, grade in (
            (Text(gettext_noop("knee")), "left", neuro.reflex_knee_left),
            (Text(gettext_noop("knee")), "right", neuro.reflex_knee_right),
            (Text(gettext_noop("ankle")), "left", neuro.reflex_ankle_left),
            (Text(gettext_noop("ankle")), "right", neuro.reflex_ankle_right),
        )
        if grade == "brisk"
    ]
    return Match(evidence=tuple(brisk)) if brisk else None


def _older(facts: Facts, years: int) -> bool:
    return facts.person.age_years is not None and facts.person.age_years >= years


def _age_evidence(facts: Facts) -> tuple[Text, ...]:
    if facts.person.age_years is None:
        return ()
    return (_finding(gettext_noop("Patient: %(age)s years old"), age=str(facts.person.age_years)),)


@condition(
    "Intake: a history of cancer together with current back or neck pain, unexplained weight "
    "loss, or age 50 or over"
)
def cancer_history_to_screen(facts: Facts) -> Match | None:
    if not facts.conditions.cancer_history:
        return None
    evidence = [_finding(gettext_noop("Intake: history of cancer"))]
    if facts.spine.current_back_pain:
        evidence.append(_finding(gettext_noop("Intake: current back pain")))
    if facts.spine.current_neck_pain:
        evidence.append(_finding(gettext_noop("Intake: current neck pain")))
    if facts.red_flags.unexplained_weight_loss:
        evidence.append(_finding(gettext_noop("Intake: unexplained weight loss")))
    if _older(facts, 50):
        evidence.extend(_age_evidence(facts))
    return Match(evidence=tuple(evidence)) if len(evidence) > 1 else None


@condition("Intake: a history of cancer, without spinal pain, weight loss or age 50 or over")
def cancer_history_only(facts: Facts) -> Match | None:
    if not facts.conditions.cancer_history or cancer_history_to_screen(facts) is not None:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: history of cancer")),))


def _bones_may_be_weak(facts: Facts) -> bool:
    return (
        facts.conditions.osteoporosis
        or any("raloxifene" in m.classes for m in facts.medications)
        or _older(facts, 65)
    )


@condition(
    "Intake: a recent injury or fall together with back or neck pain, osteoporosis (or "
    "raloxifene), or age 65 or over: a fracture must be ruled out"
)
def recent_trauma_to_screen(facts: Facts) -> Match | None:
    if not facts.conditions.recent_trauma:
        return None
    if not (
        facts.spine.current_back_pain or facts.spine.current_neck_pain or _bones_may_be_weak(facts)
    ):
        return None
    evidence = [_finding(gettext_noop("Intake: recent injury or fall"))]
    if facts.conditions.osteoporosis:
        evidence.append(_finding(gettext_noop("Intake: osteoporosis")))
    if facts.spine.current_back_pain:
        evidence.append(_finding(gettext_noop("Intake: current back pain")))
    if facts.spine.current_neck_pain:
        evidence.append(_finding(gettext_noop("Intake: current neck pain")))
    if _older(facts, 65):
        evidence.extend(_age_evidence(facts))
    return Match(evidence=tuple(evidence))


# --- Medications (seeds 002, 003) ---------------------------------------------------------------


def _taking(facts: Facts, drug_class: str) -> Match | None:
    names = tuple(m.name for m in facts.medications if drug_class in m.classes)
    if not names:
        return None
    evidence = tuple(
        Text(
            gettext_noop("Intake: takes %(drug)s (%(drug_class)s)"),
            {"drug": name, "drug_class": MEDICATION_CLASS_NAMES[drug_class]},
        )
        for name in names
    )
    return Match(params={"drugs": and_list(names)}, evidence=evidence)


@condition("Takes a medication matched to the statin class")
def takes_statin(facts: Facts) -> Match | None:
    return _taking(facts, "statin")


@condition("Takes a medication matched to the diuretic class")
def takes_diuretic(facts: Facts) -> Match | None:
    return _taking(facts, "diuretic")


@condition("Takes a medication matched to the nicotinic acid class")
def takes_nicotinic_acid(facts: Facts) -> Match | None:
    return _taking(facts, "nicotinic_acid")


@condition("Takes raloxifene (Evista)")
def takes_raloxifene(facts: Facts) -> Match | None:
    return _taking(facts, "raloxifene")


@condition("Takes nifedipine")
def takes_nifedipine(facts: Facts) -> Match | None:
    return _taking(facts, "nifedipine")


@condition("Takes any medication linked to leg cramps")
def takes_cramp_linked_medication(facts: Facts) -> Match | None:
    names = tuple(m.name for m in facts.medications if m.classes)
    return Match(params={"drugs": and_list(names)}) if names else None


# --- Pregnancy (seeds 001, 004, 002) ------------------------------------------------------------


def _pregnancy_evidence(facts: Facts) -> tuple[Text, ...]:
    weeks = facts.pregnancy.gestation_weeks
    evidence = [_finding(gettext_noop("Intake: pregnant, %(weeks)s weeks"), weeks=str(weeks))]
    if weeks > 42:
        evidence.append(_finding(gettext_noop("Post-term pregnancy: past 42 weeks")))
    return tuple(evidence)


@condition("Pregnant, second trimester (weeks 14 to 27)")
def second_trimester(facts: Facts) -> Match | None:
    if facts.pregnancy.trimester != 2:
        return None
    weeks = str(facts.pregnancy.gestation_weeks)
    return Match(params={"weeks": weeks}, evidence=_pregnancy_evidence(facts))


@condition("Pregnant, third trimester (week 28 onwards)")
def third_trimester(facts: Facts) -> Match | None:
    if facts.pregnancy.trimester != 3:
        return None
    weeks = str(facts.pregnancy.gestation_weeks)
    return Match(params={"weeks": weeks}, evidence=_pregnancy_evidence(facts))


@condition("Pregnant, at any stage")
def pregnant(facts: Facts) -> Match | None:
    return Match() if facts.pregnancy.pregnant else None


@condition("Pregnant, or gave birth in the last 12 months")
def pregnant_or_recently_gave_birth(facts: Facts) -> Match | None:
    pregnancy = facts.pregnancy
    return Match() if pregnancy.pregnant or pregnancy.gave_birth_last_12_months else None


@condition(
    "Pregnant after the first trimester (week 14 onwards), or pregnant with the weeks not recorded"
)
def pregnant_after_first_trimester(facts: Facts) -> Match | None:
    pregnancy = facts.pregnancy
    if not pregnancy.pregnant or pregnancy.trimester == 1:
        return None
    if pregnancy.gestation_weeks is None:
        return Match(evidence=(_finding(gettext_noop("Intake: pregnant, weeks not recorded")),))
    return Match(evidence=_pregnancy_evidence(facts))


@condition("Gave birth in the last 12 months and not pregnant now")
def after_birth(facts: Facts) -> Match | None:
    pregnancy = facts.pregnancy
    if pregnancy.pregnant or not pregnancy.gave_birth_last_12_months:
        return None
    return Match(evidence=_after_birth_evidence(facts))


def _after_birth_evidence(facts: Facts) -> tuple[Text, ...]:
    evidence = [_finding(gettext_noop("Intake: gave birth in the last 12 months"))]
    if facts.pregnancy.breastfeeding:
        evidence.append(_finding(gettext_noop("Intake: breastfeeding")))
    return tuple(evidence)


@condition("Gave birth in the last 12 months, not pregnant now, and still has cramps")
def cramps_continue_after_birth(facts: Facts) -> Match | None:
    if after_birth(facts) is None or not facts.cramps.sites:
        return None
    return Match(evidence=_after_birth_evidence(facts))


@condition("Breastfeeding, with cramps")
def breastfeeding_with_cramps(facts: Facts) -> Match | None:
    if not facts.pregnancy.breastfeeding or not facts.cramps.sites:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: breastfeeding")),))


# --- Thyroid (seeds 001, 004, 003) --------------------------------------------------------------


def _thyroid_evidence(facts: Facts, answer: Text) -> tuple[Text, ...]:
    evidence = [answer]
    if facts.exam is not None and facts.exam.neuro.sensation_change_roots:
        roots = ", ".join(facts.exam.neuro.sensation_change_roots)
        evidence.append(
            Text(gettext_noop("Exam: altered sensation in %(roots)s"), {"roots": roots})
        )
    return tuple(evidence)


@condition("Underactive thyroid that is not treated (or treatment not known)")
def untreated_underactive_thyroid(facts: Facts) -> Match | None:
    thyroid = facts.thyroid
    if thyroid.condition != "underactive" or thyroid.treated:
        return None
    answer = _finding(gettext_noop("Intake: underactive thyroid, not treated"))
    return Match(evidence=_thyroid_evidence(facts, answer))


@condition("Overactive thyroid that is not treated (or treatment not known)")
def untreated_overactive_thyroid(facts: Facts) -> Match | None:
    thyroid = facts.thyroid
    if thyroid.condition != "overactive" or thyroid.treated:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: overactive thyroid, not treated")),))


@condition("Unsure whether there is a thyroid condition")
def unsure_about_thyroid(facts: Facts) -> Match | None:
    if facts.thyroid.condition != "unsure":
        return None
    answer = _finding(gettext_noop("Intake: unsure about a thyroid condition"))
    return Match(evidence=_thyroid_evidence(facts, answer))


@condition("Underactive or overactive thyroid that is treated")
def treated_thyroid(facts: Facts) -> Match | None:
    thyroid = facts.thyroid
    if thyroid.condition not in ("underactive", "overactive") or not thyroid.treated:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: thyroid condition, treated")),))


# --- Circulation (seeds 004, 003) ---------------------------------------------------------------


def _circulation_evidence(facts: Facts) -> tuple[Text, ...]:
    evidence = []
    if facts.circulation.pad_diagnosed:
        evidence.append(_finding(gettext_noop("Intake: peripheral artery disease diagnosed")))
    if facts.circulation.calf_pain_walking_eases_with_rest:
        evidence.append(_finding(gettext_noop("Intake: calf pain on walking that eases with rest")))
    for side, pulse in weak_or_absent_pulses(facts):
        evidence.append(
            Text(
                gettext_noop("Exam: foot pulse %(pulse)s on the %(side)s"),
                {"pulse": PULSE_NAMES[pulse], "side": SIDE_NAMES[side]},
            )
        )
    if facts.exam is not None:
        vascular = facts.exam.vascular
        if vascular.ankle_brachial_index is not None and vascular.ankle_brachial_index < 0.9:
            evidence.append(
                Text(
                    gettext_noop("Exam: ankle-brachial index %(abi)s"),
                    {"abi": f"{vascular.ankle_brachial_index:.2f}"},
                )
            )
        if vascular.capillary_refill_seconds is not None and vascular.capillary_refill_seconds > 3:
            evidence.append(
                Text(
                    gettext_noop("Exam: capillary refill %(seconds)s s"),
                    {"seconds": f"{vascular.capillary_refill_seconds:g}"},
                )
            )
    return tuple(evidence)


@condition("Intake: peripheral artery disease diagnosed")
def pad_diagnosed(facts: Facts) -> Match | None:
    return Match(evidence=_circulation_evidence(facts)) if facts.circulation.pad_diagnosed else None


@condition("Intake: calf pain on walking that eases with rest, no PAD diagnosed")
def claudication_without_diagnosis(facts: Facts) -> Match | None:
    circulation = facts.circulation
    if not circulation.calf_pain_walking_eases_with_rest or circulation.pad_diagnosed:
        return None
    return Match(evidence=_circulation_evidence(facts))


@condition("Exam: a foot pulse is weak or absent")
def weak_foot_pulse(facts: Facts) -> Match | None:
    return Match(evidence=_circulation_evidence(facts)) if weak_or_absent_pulses(facts) else None


@condition("Exam: ankle-brachial index below 0.9")
def low_ankle_brachial_index(facts: Facts) -> Match | None:
    abi = None if facts.exam is None else facts.exam.vascular.ankle_brachial_index
    if abi is None or abi >= 0.9:
        return None
    return Match(evidence=_circulation_evidence(facts))


def _reduced_feeling_or_circulation(facts: Facts) -> bool:
    sensation = facts.exam is not None and bool(facts.exam.neuro.sensation_change_roots)
    return (
        facts.conditions.diabetes
        or facts.conditions.peripheral_neuropathy
        or facts.circulation.pad_diagnosed
        or bool(weak_or_absent_pulses(facts))
        or sensation
    )


def _reduced_foot_sensation(facts: Facts) -> tuple[Text, ...]:
    """Evidence that the feet may not feel injury: neuropathy, or diabetes or reported numbness
    with reduced feeling (an exam sensation change for the leg, or numbness reported)."""
    evidence = []
    if facts.conditions.peripheral_neuropathy:
        evidence.append(_finding(gettext_noop("Intake: peripheral neuropathy")))
    leg_sensation = ()
    if facts.exam is not None:
        leg_sensation = tuple(r for r in facts.exam.neuro.sensation_change_roots if r in LEG_ROOTS)
    if facts.symptoms.numbness:
        evidence.append(_finding(gettext_noop("Intake: numbness")))
    if leg_sensation:
        evidence.append(
            Text(
                gettext_noop("Exam: altered sensation in %(roots)s"),
                {"roots": ", ".join(leg_sensation)},
            )
        )
    if facts.conditions.diabetes and evidence:
        evidence.insert(0, _finding(gettext_noop("Intake: diabetes")))
    return tuple(evidence)


@condition(
    "Reduced feeling in the feet: peripheral neuropathy, reported numbness, or altered leg "
    "sensation on examination (with or without diabetes)"
)
def reduced_foot_sensation(facts: Facts) -> Match | None:
    evidence = _reduced_foot_sensation(facts)
    return Match(evidence=evidence) if evidence else None


@condition(
    "Night calf or foot cramps (heat is proposed) with diabetes, neuropathy, PAD, weak pulses "
    "or altered sensation"
)
def heat_on_reduced_feeling(facts: Facts) -> Match | None:
    if night_calf_or_foot_cramps(facts) is None or not _reduced_feeling_or_circulation(facts):
        return None
    return Match()


# --- Spine: stenosis, disc injury, sprain, nerve-root signs (seeds 000, 002, 003) ----------------


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
        found.append(_finding(gettext_noop("Intake: pain radiating down the leg")))
    if not leg and symptoms.radiating_arm_pain:
        found.append(_finding(gettext_noop("Intake: pain radiating down the arm")))
    if symptoms.tingling:
        found.append(_finding(gettext_noop("Intake: tingling")))
    if symptoms.numbness:
        found.append(_finding(gettext_noop("Intake: numbness")))
    return tuple(found)


def _spine_evidence(facts: Facts, region: str, muscles: tuple[str, ...]) -> tuple[Text, ...]:
    evidence = [
        Text(
            gettext_noop("Intake: %(diagnosis)s, %(region)s"),
            {"region": REGION_NAMES[region], "diagnosis": diagnosis},
        )
        for diagnosis in _diagnoses(facts, region)
    ]
    evidence.append(
        Text(
            gettext_noop("Intake: cramps in the %(sites)s"),
            {"sites": cramp_sites_text(facts, muscles)},
        )
    )
    if region == "lumbar" and facts.spine.current_back_pain:
        evidence.append(_finding(gettext_noop("Intake: current back pain")))
    if region == "cervical" and facts.spine.current_neck_pain:
        evidence.append(_finding(gettext_noop("Intake: current neck pain")))
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


@condition("Cervical spinal stenosis or neck disc injury, with forearm or hand cramps")
def neck_nerve_irritation(facts: Facts) -> Match | None:
    muscles = cramping(facts, NECK_MUSCLES)
    if not muscles or not _diagnoses(facts, "cervical"):
        return None
    return Match(
        params={"diagnoses": _diagnoses(facts, "cervical"), "muscles": muscle_names(muscles)},
        evidence=_spine_evidence(facts, "cervical", muscles),
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


# --- Low-grade spinal stiffness (seed 000) ------------------------------------------------------


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
        Text(
            gettext_noop("Intake: cramps in the %(sites)s"),
            {"sites": cramp_sites_text(facts, muscles)},
        ),
        *segment_evidence(segments),
    ]
    if not facts.spine.current_back_pain:
        evidence.append(
            _finding(gettext_noop("Intake: no current back pain (the stiffness is often painless)"))
        )
    return Match(
        params={"levels": level_names(segments), "muscles": muscle_names(muscles)},
        evidence=tuple(evidence),
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
        Text(
            gettext_noop("Intake: cramps in the %(sites)s"),
            {"sites": cramp_sites_text(facts, muscles)},
        ),
        *segment_evidence(segments),
    )
    return Match(
        params={"levels": level_names(segments), "muscles": muscle_names(muscles)},
        evidence=evidence,
    )


@condition("Intake: current back pain (the Oswestry index measures what back pain stops)")
def back_pain(facts: Facts) -> Match | None:
    return Match() if facts.spine.current_back_pain else None


# --- Muscle imbalance (seed 002) ----------------------------------------------------------------

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


def _exercises(muscles: tuple[str, ...], table: Mapping[str, str]) -> tuple[str, ...]:
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
        Text(
            gettext_noop("Intake: cramps in the %(sites)s"),
            {"sites": cramp_sites_text(facts, ("hamstring",))},
        ),
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
        scope={"exercise": _exercises(antagonists, _EXERCISE_FOR_STRENGTH_MUSCLE)},
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
        scope={"exercise": _exercises(others, _EXERCISE_FOR_STRENGTH_MUSCLE)},
    )


# --- Night calf cramps (seeds 002, 003) ---------------------------------------------------------


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
        _finding(
            gettext_noop("Intake: %(count)s cramps a week"), count=str(facts.cramps.cramps_per_week)
        ),
    )
    return Match(params={"muscles": muscle_names(muscles)}, evidence=evidence)


# --- Hydration and food (seeds 002, 000, 001) ---------------------------------------------------


def _drinks_little(facts: Facts) -> Match | None:
    litres = facts.daily_life.water_litres_per_day
    if litres is None or litres >= 2:
        return None
    evidence = [_finding(gettext_noop("Intake: %(litres)s L of water a day"), litres=f"{litres:g}")]
    cups = facts.daily_life.coffee_tea_cups_per_day
    if cups:
        evidence.append(
            _finding(
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


@condition("Sweats heavily or works or exercises in the heat")
def heavy_sweating(facts: Facts) -> Match | None:
    if not facts.daily_life.heavy_sweating_or_heat:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: heavy sweating or heat exposure")),))


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


# --- Posture (seeds 000, 001, 003) --------------------------------------------------------------


@condition("Sits 6 hours a day or more")
def long_sitting(facts: Facts) -> Match | None:
    hours = facts.daily_life.sitting_hours_per_day
    if hours is None or hours < 6:
        return None
    return Match(
        params={"hours": f"{hours:g}"},
        evidence=(
            _finding(gettext_noop("Intake: sits %(hours)s hours a day"), hours=f"{hours:g}"),
        ),
    )


@condition("Sits 3 hours a day or more and answered that they do not get up every hour")
def sitting_without_breaks(facts: Facts) -> Match | None:
    daily = facts.daily_life
    if (
        daily.sitting_hours_per_day is None
        or daily.sitting_hours_per_day < 3
        or daily.takes_sitting_breaks is not False  # None: not asked, never read as "no"
    ):
        return None
    return Match(
        evidence=(_finding(gettext_noop("Intake: does not get up every hour when sitting")),)
    )


@condition("Sits with the legs crossed or the toes pointed")
def crossed_legs_or_pointed_toes(facts: Facts) -> Match | None:
    daily = facts.daily_life
    habits = []
    if daily.sits_legs_crossed:
        habits.append(Text(gettext_noop("legs crossed")))
    if daily.sits_toes_pointed:
        habits.append(Text(gettext_noop("toes pointed")))
    if not habits:
        return None
    evidence = tuple(
        Text(gettext_noop("Intake: sits with %(habit)s"), {"habit": habit}) for habit in habits
    )
    return Match(params={"habits": tuple(habits)}, evidence=evidence)


@condition("Stands for long periods at work, or 6 hours a day or more")
def long_standing(facts: Facts) -> Match | None:
    daily = facts.daily_life
    evidence = []
    if daily.long_standing_at_work:
        evidence.append(_finding(gettext_noop("Intake: long standing at work")))
    if daily.standing_hours_per_day is not None and daily.standing_hours_per_day >= 6:
        evidence.append(
            _finding(
                gettext_noop("Intake: stands %(hours)s hours a day"),
                hours=f"{daily.standing_hours_per_day:g}",
            )
        )
    return Match(evidence=tuple(evidence)) if evidence else None


@condition("Exam: slumped sitting posture")
def slumped_sitting(facts: Facts) -> Match | None:
    if facts.exam is None or facts.exam.posture.sitting_posture != "slumped":
        return None
    return Match(evidence=(_finding(gettext_noop("Exam: sits slumped")),))


@condition("Sleeps with the feet pointed down")
def sleeps_feet_pointed_down(facts: Facts) -> Match | None:
    if not facts.daily_life.sleeps_feet_pointed_down:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: sleeps with the feet pointed down")),))


@condition(
    "Exam: forward head, rounded shoulders, increased thoracic kyphosis, changed lumbar lordosis "
    "or pelvic tilt"
)
def spinal_alignment_findings(facts: Facts) -> Match | None:
    findings = posture_findings(facts)["findings"]
    if not findings:
        return None
    return Match(
        params={"findings": findings},
        evidence=tuple(Text(gettext_noop("Exam: %(finding)s"), {"finding": f}) for f in findings),
    )


# --- Feet and leg length (seeds 001, 003) -------------------------------------------------------


@condition("Flat feet known at intake, or flat foot posture in the exam")
def flat_feet(facts: Facts) -> Match | None:
    evidence = []
    if facts.daily_life.flat_feet_known:
        evidence.append(_finding(gettext_noop("Intake: known flat feet")))
    for side in flat_foot_sides(facts):
        evidence.append(
            Text(gettext_noop("Exam: flat foot on the %(side)s"), {"side": SIDE_NAMES[side]})
        )
    if not evidence:
        return None
    if facts.daily_life.uses_orthotics:
        evidence.append(_finding(gettext_noop("Intake: already uses orthotics")))
    return Match(evidence=tuple(evidence))


@condition("Wears unsupportive shoes or high heels")
def unsupportive_footwear(facts: Facts) -> Match | None:
    if facts.daily_life.footwear not in ("unsupportive", "high_heels"):
        return None
    if facts.daily_life.footwear == "high_heels":
        answer = _finding(gettext_noop("Intake: wears high heels"))
    else:
        answer = _finding(gettext_noop("Intake: wears unsupportive shoes"))
    return Match(evidence=(answer,))


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
        finding = Text(
            gettext_noop("Exam: true leg-length difference of %(mm)s mm, %(side)s leg shorter"),
            {"mm": mm, "side": SIDE_NAMES[side]},
        )
    elif posture.leg_length_type == "true":
        finding = Text(gettext_noop("Exam: true leg-length difference of %(mm)s mm"), {"mm": mm})
    elif posture.leg_length_type == "apparent":
        finding = Text(
            gettext_noop("Exam: apparent leg-length difference of %(mm)s mm"), {"mm": mm}
        )
    else:
        finding = Text(gettext_noop("Exam: leg-length difference of %(mm)s mm"), {"mm": mm})
    evidence = [finding]
    if posture.scoliosis:
        evidence.append(_finding(gettext_noop("Exam: scoliosis")))
    return Match(params={"mm": mm}, evidence=tuple(evidence))


@condition("Exam: a true leg-length difference of 5 mm or more")
def true_leg_length_difference(facts: Facts) -> Match | None:
    match = leg_length_difference(facts)
    return match if match is not None and facts.exam.posture.leg_length_type == "true" else None


@condition("Exam: an apparent leg-length difference of 5 mm or more (from the pelvis or trunk)")
def apparent_leg_length_difference(facts: Facts) -> Match | None:
    match = leg_length_difference(facts)
    return match if match is not None and facts.exam.posture.leg_length_type == "apparent" else None


@condition("Exam: a leg-length difference of 5 mm or more, not yet typed as true or apparent")
def untyped_leg_length_difference(facts: Facts) -> Match | None:
    match = leg_length_difference(facts)
    return match if match is not None and facts.exam.posture.leg_length_type is None else None


# --- Other causes (seeds 002, 003) --------------------------------------------------------------


def _conditions(facts: Facts, names: tuple[str, ...]) -> Match | None:
    present = tuple(name for name in names if getattr(facts.conditions, name))
    if not present:
        return None
    labels = tuple(CONDITION_NAMES[name] for name in present)
    evidence = tuple(
        Text(gettext_noop("Intake: %(condition)s"), {"condition": label}) for label in labels
    )
    return Match(params={"conditions": and_list(labels)}, evidence=evidence)


@condition(
    "Multiple sclerosis, motor neurone disease, peripheral neuropathy, stroke or Parkinson's "
    "disease"
)
def neurological_disease(facts: Facts) -> Match | None:
    return _conditions(
        facts,
        (
            "multiple_sclerosis",
            "motor_neurone_disease",
            "peripheral_neuropathy",
            "stroke",
            "parkinsons_disease",
        ),
    )


@condition("Liver or kidney disease")
def liver_or_kidney_disease(facts: Facts) -> Match | None:
    return _conditions(facts, ("liver_disease", "kidney_disease"))


@condition("Diabetes")
def diabetes(facts: Facts) -> Match | None:
    return _conditions(facts, ("diabetes",))


@condition("Heart or circulation disease")
def heart_or_circulation_disease(facts: Facts) -> Match | None:
    return _conditions(facts, ("heart_circulation_disease",))


@condition("Osteoporosis, or takes raloxifene (used to prevent or treat osteoporosis)")
def weak_bones(facts: Facts) -> Match | None:
    evidence = []
    if facts.conditions.osteoporosis:
        evidence.append(_finding(gettext_noop("Intake: osteoporosis")))
    for m in facts.medications:
        if "raloxifene" in m.classes:
            evidence.append(
                _finding(gettext_noop("Intake: takes %(drug)s (raloxifene)"), drug=m.name)
            )
    return Match(evidence=tuple(evidence)) if evidence else None


@condition("A past tear or strain of a leg muscle, with leg cramps")
def past_leg_muscle_injury(facts: Facts) -> Match | None:
    leg = cramping(facts, ("calf", "foot", "hamstring", "thigh_front", "buttock_hip"))
    if not facts.conditions.past_leg_muscle_injury or not leg:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: past leg muscle tear or strain")),))


@condition(
    "A recent injury or fall without back or neck pain, osteoporosis or age 65 or over, with cramps"
)
def recent_injury(facts: Facts) -> Match | None:
    if not facts.conditions.recent_trauma or recent_trauma_to_screen(facts) is not None:
        return None
    if not facts.cramps.sites:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: recent injury or fall")),))


# --- What the cramps themselves tell (seeds 000, 001, 003, 004) --------------------------------

LONG_EPISODE_MINUTES = 10  # seed 003: the muscle usually relaxes in less than 10 minutes


@condition("Cramps that last 10 minutes or more")
def long_cramp_episodes(facts: Facts) -> Match | None:
    minutes = facts.cramps.episode_minutes
    if minutes is None or minutes < LONG_EPISODE_MINUTES or not facts.cramps.sites:
        return None
    return Match(
        params={"minutes": str(minutes)},
        evidence=(
            _finding(
                gettext_noop("Intake: each cramp lasts %(minutes)s minutes"), minutes=str(minutes)
            ),
        ),
    )


def _spine_examined_and_supple(facts: Facts) -> bool:
    segments = () if facts.exam is None else facts.exam.segments
    return bool(segments) and all(segment.stiffness == "none" for segment in segments)


@condition("Cramps on one side only, unless the spine was examined and no segment was stiff")
def one_sided_cramps(facts: Facts) -> Match | None:
    if cramp_sides(facts) not in ({"left"}, {"right"}) or _spine_examined_and_supple(facts):
        return None
    (side,) = cramp_sides(facts)
    return Match(
        params={"side": SIDE_NAMES[side]},
        evidence=(
            Text(
                gettext_noop("Intake: cramps in the %(sites)s"), {"sites": cramp_sites_text(facts)}
            ),
        ),
    )


@condition("Cramps on both sides, in every cramping muscle")
def symmetrical_cramps(facts: Facts) -> Match | None:
    sites = facts.cramps.sites
    if not sites or any(site.side != "both" for site in sites):
        return None
    return Match(
        evidence=(
            Text(
                gettext_noop("Intake: cramps in the %(sites)s"), {"sites": cramp_sites_text(facts)}
            ),
        ),
    )


@condition("Cramps that come on while stretching")
def cramps_while_stretching(facts: Facts) -> Match | None:
    if "stretching" not in facts.cramps.timing or not facts.cramps.sites:
        return None
    return Match(
        evidence=(
            Text(
                gettext_noop("Intake: cramps in the %(sites)s, %(timing)s"),
                {"sites": cramp_sites_text(facts), "timing": TIMING_NAMES["stretching"]},
            ),
        )
    )


@condition("Cramps in the muscles beside the spine, and no other cramping muscle to stretch")
def paraspinal_cramps_only_stretch(facts: Facts) -> Match | None:
    if "paraspinal" not in facts.cramps.muscles or stretchable_muscles(facts):
        return None
    return Match(
        evidence=(
            Text(
                gettext_noop("Intake: cramps in the %(sites)s"),
                {"sites": cramp_sites_text(facts, ("paraspinal",))},
            ),
        )
    )


@condition("Night cramps at age 60 or over")
def night_cramps_with_age(facts: Facts) -> Match | None:
    if "night" not in facts.cramps.timing or not facts.cramps.sites or not _older(facts, 60):
        return None
    evidence = list(_age_evidence(facts))
    if facts.person.sex == "female":
        evidence.append(
            _finding(gettext_noop("Patient: a woman (night cramps are more common in women)"))
        )
    return Match(params={"age": str(facts.person.age_years)}, evidence=tuple(evidence))


@condition("Cramps, and no other rule found a cause (checked after all the others)")
def no_cause_found(facts: Facts) -> Match | None:
    return Match() if facts.cramps.sites else None


# --- Exercise and flexibility (seeds 003, 002) --------------------------------------------------


@condition("Recent overexertion")
def recent_overexertion(facts: Facts) -> Match | None:
    if not facts.daily_life.recent_overexertion:
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: recent overexertion")),))


@condition("No regular exercise")
def no_regular_exercise(facts: Facts) -> Match | None:
    if facts.daily_life.exercise_level != "none":
        return None
    return Match(evidence=(_finding(gettext_noop("Intake: no regular exercise")),))


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


# --- Core treatment protocol and goals (seed 000) -----------------------------------------------


@condition("Cramps at least once a week")
def weekly_cramps(facts: Facts) -> Match | None:
    cramps = facts.cramps
    return Match() if cramps.sites and cramps.cramps_per_week >= 1 else None


@condition("Recurring cramps: at least twice a week in at least one muscle")
def recurring_cramps(facts: Facts) -> Match | None:
    cramps = facts.cramps
    if not cramps.sites or cramps.cramps_per_week < 2:
        return None
    exercises = _exercises(
        tuple(m for m in _EXERCISE_FOR_CRAMPING_MUSCLE if m in cramps.muscles),
        _EXERCISE_FOR_CRAMPING_MUSCLE,
    )
    return Match(scope={"exercise": exercises})


@condition("Pain of 2 or more out of 10, recorded on the pain scale or in the exam")
def pain_recorded(facts: Facts) -> Match | None:
    pain = facts.baseline_scores.pain_nprs
    if pain is None and facts.exam is not None:
        pain = facts.exam.pain_now
    return Match() if pain is not None and pain >= 2 else None


# --- The rules ----------------------------------------------------------------------------------

_PAD_FACTOR = FactorSpec(
    "circulation.pad",
    80,
    gettext_noop(
        "Signs of peripheral artery disease: it reduces blood flow to the working leg muscles, "
        "which can bring on cramps and calf pain."
    ),
)
_OTHER_CAUSES_ITEMS = ("medical_referral.secondary_causes",)
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
_NIGHT_CALF_ITEMS = (
    "stretching.calf_before_bed",
    "home_care.sleep_position",
    "home_care.heat",
    "home_care.easy_cycling",
    "home_care.heel_walking",
)


def _red_flag(rule_id: str, when: Condition, key: str, title: str, urgency: str) -> Rule:
    return Rule(rule_id, when, ("clinical-screening",), red_flag=RedFlagSpec(key, title, urgency))


def _medication(
    rule_id: str, when: Condition, key: str, title: str, sources: tuple[str, ...]
) -> Rule:
    return Rule(
        rule_id,
        when,
        sources,
        factor=FactorSpec(key, 80, title),
        items=("medical_referral.medication_review",),
    )


def _contraindication(
    rule_id: str, when: Condition, key: str, sources: tuple[str, ...] = ("clinical-screening",)
) -> Rule:
    return Rule(rule_id, when, sources, precautions=(key,))


RULES: tuple[Rule, ...] = (
    # Red flags: while one is open the proposal is a medical referral with its urgency, alone.
    _red_flag(
        "RF-CALF-CLOT",
        calf_swollen_red_warm,
        "red_flag.calf_clot",
        gettext_noop("Calf swollen, red and warm: possible blood clot (deep vein thrombosis)."),
        "emergency",
    ),
    _red_flag(
        "RF-SADDLE-NUMBNESS",
        saddle_numbness,
        "red_flag.saddle_numbness",
        gettext_noop(
            "Saddle numbness: possible compression of the nerves at the base of the spine "
            "(cauda equina)."
        ),
        "emergency",
    ),
    _red_flag(
        "RF-BLADDER-BOWEL",
        bladder_bowel_change,
        "red_flag.bladder_bowel",
        gettext_noop(
            "New bladder or bowel change: possible compression of the nerves at the "
            "base of the spine (cauda equina)."
        ),
        "emergency",
    ),
    _red_flag(
        "RF-ABI-CRITICAL",
        critical_ankle_brachial_index,
        "red_flag.critical_abi",
        gettext_noop(
            "Ankle-brachial index below 0.5: critically reduced blood flow to the legs "
            "(critical limb ischaemia)."
        ),
        "urgent",
    ),
    _red_flag(
        "RF-PROGRESSIVE-WEAKNESS",
        progressive_weakness,
        "red_flag.progressive_weakness",
        gettext_noop(
            "Progressive weakness: possible worsening nerve compression or neurological disease, "
            "not a muscle imbalance to strengthen."
        ),
        "urgent",
    ),
    _red_flag(
        "RF-ABSENT-PULSE-CLAUDICATION",
        absent_pulse_with_claudication,
        "red_flag.absent_pulse_claudication",
        gettext_noop(
            "Absent foot pulse with calf pain on walking: possible severe arterial disease."
        ),
        "soon",
    ),
    _red_flag(
        "RF-BRISK-REFLEXES",
        brisk_reflexes,
        "red_flag.brisk_reflexes",
        gettext_noop("Brisk reflexes: possible spinal cord or brain involvement."),
        "soon",
    ),
    _red_flag(
        "RF-WEIGHT-LOSS",
        unexplained_weight_loss,
        "red_flag.weight_loss",
        gettext_noop("Unexplained weight loss: a serious underlying cause must be ruled out."),
        "soon",
    ),
    _red_flag(
        "RF-FEVER",
        fever,
        "red_flag.fever",
        gettext_noop("Fever: possible infection."),
        "soon",
    ),
    _red_flag(
        "RF-CANCER-HISTORY",
        cancer_history_to_screen,
        "red_flag.cancer_history",
        gettext_noop(
            "History of cancer with spinal pain, weight loss or older age: a doctor must rule out "
            "spread to the spine before treatment."
        ),
        "soon",
    ),
    _red_flag(
        "RF-RECENT-TRAUMA",
        recent_trauma_to_screen,
        "red_flag.recent_trauma",
        gettext_noop(
            "Recent injury or fall with spinal pain, osteoporosis or older age: a doctor must rule "
            "out a fracture before treatment."
        ),
        "soon",
    ),
    # Contraindications: the item is withheld and its safe alternative proposed.
    _contraindication(
        "CI-PREGNANCY-AFTER-T1",
        pregnant_after_first_trimester,
        "pregnancy_after_first_trimester",
        ("001", "004", "clinical-screening"),
    ),
    _contraindication(
        "CI-AFTER-BIRTH-CORE", after_birth, "after_birth_core", ("clinical-screening",)
    ),
    _contraindication(
        "CI-REDUCED-FOOT-SENSATION",
        reduced_foot_sensation,
        "reduced_foot_sensation",
        ("002", "003", "clinical-screening"),
    ),
    _contraindication("CI-OSTEOPOROSIS-SPINE", weak_bones, "osteoporosis_spine"),
    _contraindication(
        "CI-CRITICAL-ISCHAEMIA-HEAT", critical_ankle_brachial_index, "critical_ischaemia_heat"
    ),
    _contraindication(
        "CI-PARASPINAL-NO-SPINAL-STRETCH",
        paraspinal_cramps_only_stretch,
        "paraspinal_no_spinal_stretch",
        ("002",),
    ),
    _contraindication(
        "CI-CRAMPS-WHILE-STRETCHING",
        cramps_while_stretching,
        "cramps_while_stretching",
        ("000", "clinical-screening"),
    ),
    _contraindication(
        "CI-FLUIDS-SET-BY-DOCTOR", fluids_limited, "fluids_set_by_doctor", ("003", "002")
    ),
    # Medications.
    _medication(
        "MED-STATIN",
        takes_statin,
        "medication.statin",
        gettext_noop("Takes %(drugs)s, a statin; statins are linked to leg cramps."),
        ("002", "003"),
    ),
    _medication(
        "MED-DIURETIC",
        takes_diuretic,
        "medication.diuretic",
        gettext_noop("Takes %(drugs)s, a diuretic; diuretics are linked to leg cramps."),
        ("002", "003"),
    ),
    _medication(
        "MED-NICOTINIC-ACID",
        takes_nicotinic_acid,
        "medication.nicotinic_acid",
        gettext_noop("Takes %(drugs)s; nicotinic acid is linked to leg cramps."),
        ("002",),
    ),
    _medication(
        "MED-RALOXIFENE",
        takes_raloxifene,
        "medication.raloxifene",
        gettext_noop("Takes %(drugs)s; raloxifene (Evista) is linked to leg cramps."),
        ("002",),
    ),
    _medication(
        "MED-NIFEDIPINE",
        takes_nifedipine,
        "medication.nifedipine",
        gettext_noop("Takes %(drugs)s; nifedipine is linked to leg cramps."),
        ("002",),
    ),
    Rule(
        "MED-NEVER-STOP",
        takes_cramp_linked_medication,
        ("002",),
        precautions=("never_stop_medication",),
    ),
    # Circulation.
    Rule(
        "PAD-DIAGNOSED",
        pad_diagnosed,
        ("004", "003"),
        factor=_PAD_FACTOR,
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    Rule(
        "PAD-CLAUDICATION",
        claudication_without_diagnosis,
        ("004", "clinical-screening"),
        factor=_PAD_FACTOR,
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    Rule(
        "PAD-EXAM-PULSES",
        weak_foot_pulse,
        ("004", "003"),
        factor=_PAD_FACTOR,
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    Rule(
        "PAD-EXAM-ABI",
        low_ankle_brachial_index,
        ("004", "003"),
        factor=_PAD_FACTOR,
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    # Thyroid.
    Rule(
        "THYROID-UNDERACTIVE-UNTREATED",
        untreated_underactive_thyroid,
        ("001", "004", "003"),
        factor=FactorSpec(
            "thyroid.underactive_untreated",
            75,
            gettext_noop(
                "Underactive thyroid, not treated: too little thyroid hormone can damage the "
                "nerves to the legs, causing tingling, numbness and cramps."
            ),
        ),
        items=("medical_referral.thyroid",),
    ),
    Rule(
        "THYROID-OVERACTIVE-UNTREATED",
        untreated_overactive_thyroid,
        ("003",),
        factor=FactorSpec(
            "thyroid.overactive_untreated",
            70,
            gettext_noop(
                "Overactive thyroid, not treated: thyroid conditions are linked to "
                "night leg cramps."
            ),
        ),
        items=("medical_referral.thyroid",),
    ),
    Rule(
        "THYROID-UNSURE",
        unsure_about_thyroid,
        ("003", "001", "004"),
        factor=FactorSpec(
            "thyroid.unsure",
            60,
            gettext_noop(
                "Unsure about a thyroid condition: thyroid disease is linked to leg cramps and "
                "should be checked."
            ),
        ),
        items=("medical_referral.thyroid",),
    ),
    Rule(
        "THYROID-TREATED",
        treated_thyroid,
        ("003",),
        factor=FactorSpec(
            "thyroid.treated",
            20,
            gettext_noop(
                "Treated thyroid condition: thyroid conditions are linked to night leg cramps."
            ),
        ),
    ),
    # Other causes that need a doctor.
    Rule(
        "OTHER-NEUROLOGICAL",
        neurological_disease,
        ("002", "003", "000"),
        factor=FactorSpec(
            "other.neurological",
            70,
            gettext_noop(
                "Neurological disease (%(conditions)s) can cause cramps and spasm; this needs a "
                "doctor."
            ),
        ),
        items=_OTHER_CAUSES_ITEMS,
    ),
    Rule(
        "OTHER-LIVER-KIDNEY",
        liver_or_kidney_disease,
        ("002", "003"),
        factor=FactorSpec(
            "other.liver_kidney",
            70,
            gettext_noop(
                "Liver or kidney disease (%(conditions)s): toxins and fluid changes can cause "
                "cramps; this needs a doctor."
            ),
        ),
        items=_OTHER_CAUSES_ITEMS,
    ),
    Rule(
        "OTHER-DIABETES",
        diabetes,
        ("003",),
        factor=FactorSpec(
            "other.diabetes",
            65,
            gettext_noop(
                "Diabetes: metabolic disorders are linked to night leg cramps; this needs a doctor."
            ),
        ),
        items=_OTHER_CAUSES_ITEMS,
    ),
    Rule(
        "OTHER-HEART-CIRCULATION",
        heart_or_circulation_disease,
        ("003",),
        factor=FactorSpec(
            "other.heart_circulation",
            65,
            gettext_noop(
                "Heart or circulation disease: cardiovascular conditions are linked to night leg "
                "cramps; this needs a doctor."
            ),
        ),
        items=_OTHER_CAUSES_ITEMS,
    ),
    Rule(
        "CRAMPS-LONG-EPISODES",
        long_cramp_episodes,
        ("001", "004", "003"),
        factor=FactorSpec(
            "cramps.long_episodes",
            60,
            gettext_noop(
                "Cramps lasting %(minutes)s minutes: cramps that last long are a reason to see a "
                "doctor."
            ),
        ),
        items=("medical_referral.long_cramps",),
    ),
    Rule(
        "SCREEN-CANCER-HISTORY",
        cancer_history_only,
        ("clinical-screening",),
        precautions=("cancer_history",),
    ),
    # Pregnancy.
    Rule(
        "PREG-T3-CRAMPS",
        third_trimester,
        ("001", "004", "002"),
        factor=FactorSpec(
            "pregnancy.third_trimester",
            70,
            gettext_noop(
                "Third trimester of pregnancy (%(weeks)s weeks): calcium and magnesium shortfall "
                "is common, and the extra weight strains the leg muscles."
            ),
        ),
        items=("nutrition_referral.dietitian",),
        precautions=("nutrition_no_prescription",),
        goals=("pregnancy_after_birth",),
    ),
    Rule(
        "PREG-T2-CRAMPS",
        second_trimester,
        ("001", "004", "002"),
        factor=FactorSpec(
            "pregnancy.second_trimester",
            65,
            gettext_noop(
                "Second trimester of pregnancy (%(weeks)s weeks): calcium and magnesium shortfall "
                "is common and can lead to leg cramps."
            ),
        ),
        items=("nutrition_referral.dietitian",),
        precautions=("nutrition_no_prescription",),
        goals=("pregnancy_after_birth",),
    ),
    Rule(
        "PREG-POSITIONING",
        pregnant,
        ("001", "004", "clinical-screening"),
        precautions=("pregnancy_positioning",),
    ),
    Rule(
        "PREG-AFTER-BIRTH",
        cramps_continue_after_birth,
        ("002",),
        factor=FactorSpec(
            "pregnancy.after_birth",
            20,
            gettext_noop(
                "Gave birth in the last year: pregnancy cramps should pass after the birth, so "
                "cramps that continue point to another cause."
            ),
        ),
    ),
    Rule(
        "BREASTFEEDING-NUTRITION",
        breastfeeding_with_cramps,
        ("clinical-screening", "000"),
        items=("nutrition_referral.dietitian",),
        precautions=("nutrition_no_prescription",),
    ),
    # The spine.
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
        "SPINE-NERVE-FIRST",
        nerve_irritation,
        ("002",),
        precautions=("nerve_irritation_first",),
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    # Muscle imbalance.
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
        "INJURY-PAST-LEG-MUSCLE",
        past_leg_muscle_injury,
        ("001", "004"),
        factor=FactorSpec(
            "injury.past_leg_muscle",
            30,
            gettext_noop(
                "Past leg muscle tear or strain: muscle injuries can lead to spasms and frequent "
                "cramping."
            ),
            musculoskeletal=True,
        ),
    ),
    Rule(
        "INJURY-RECENT",
        recent_injury,
        ("001", "004"),
        factor=FactorSpec(
            "injury.recent",
            30,
            gettext_noop(
                "Recent injury or fall: injuries such as strains and sprains can lead to spasms "
                "and cramping."
            ),
            musculoskeletal=True,
        ),
    ),
    # Night calf cramps.
    Rule(
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
    ),
    Rule(
        "NIGHT-CRAMPS-AGE",
        night_cramps_with_age,
        ("002", "003"),
        factor=FactorSpec(
            "night_cramps.age",
            10,
            gettext_noop("Aged %(age)s: night cramps are common and more so with age."),
            cause=False,
        ),
    ),
    Rule(
        "SAFETY-HEAT-REDUCED-FEELING",
        heat_on_reduced_feeling,
        ("clinical-screening",),
        precautions=("heat_reduced_feeling",),
    ),
    # Hydration and food.
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    # Exercise load.
    Rule(
        "EXERCISE-OVEREXERTION",
        recent_overexertion,
        ("003", "002"),
        factor=FactorSpec(
            "exercise.overexertion",
            35,
            gettext_noop("Recent overexertion: an overworked, tired muscle cramps more easily."),
        ),
        items=("home_care.load_management",),
    ),
    Rule(
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
    ),
    # Posture.
    Rule(
        "POSTURE-LONG-SITTING",
        long_sitting,
        ("000", "001"),
        factor=FactorSpec(
            "posture.long_sitting",
            30,
            gettext_noop(
                "Sits %(hours)s hours a day: the spine stiffens in the shape it is held in most."
            ),
            musculoskeletal=True,
        ),
        items=("posture.awareness", "posture.sitting"),
    ),
    Rule(
        "POSTURE-NO-SITTING-BREAKS",
        sitting_without_breaks,
        ("001",),
        factor=FactorSpec(
            "posture.no_breaks",
            35,
            gettext_noop(
                "Does not get up every hour: blood flow to the legs drops within three hours of "
                "sitting; short walks every hour restore it."
            ),
        ),
        items=("home_care.hourly_breaks",),
    ),
    Rule(
        "POSTURE-CROSSED-POINTED",
        crossed_legs_or_pointed_toes,
        ("003",),
        factor=FactorSpec(
            "posture.crossed_or_pointed",
            30,
            gettext_noop(
                "Sits with %(habits)s for long periods: this shortens the calf and "
                "can bring on cramps."
            ),
        ),
        items=("posture.sitting",),
    ),
    Rule(
        "POSTURE-LONG-STANDING",
        long_standing,
        ("003",),
        factor=FactorSpec(
            "posture.long_standing",
            25,
            gettext_noop("Long standing stresses the leg muscles and is linked to night cramps."),
        ),
        items=("posture.standing",),
    ),
    Rule(
        "POSTURE-SLUMPED-SITTING",
        slumped_sitting,
        ("000",),
        factor=FactorSpec(
            "posture.slumped",
            30,
            gettext_noop(
                "Slumped sitting: in one physiotherapist's experience, the slumped parts of the "
                "spine stiffen to hold that shape."
            ),
            musculoskeletal=True,
        ),
        items=("posture.awareness", "posture.sitting"),
    ),
    Rule(
        "POSTURE-SLEEP-FEET-DOWN",
        sleeps_feet_pointed_down,
        ("003",),
        factor=FactorSpec(
            "posture.sleep_feet_down",
            30,
            gettext_noop(
                "Sleeps with the feet pointed down: this shortens the calf and makes "
                "it prone to cramp."
            ),
        ),
        items=("home_care.sleep_position",),
    ),
    Rule(
        "POSTURE-ALIGNMENT",
        spinal_alignment_findings,
        ("001", "000"),
        factor=FactorSpec(
            "posture.alignment",
            20,
            gettext_noop("Posture findings (%(findings)s) strain the spine and its joints."),
            musculoskeletal=True,
        ),
        items=("posture.training",),
    ),
    # Feet and leg length.
    Rule(
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
    ),
    Rule(
        "FEET-FOOTWEAR",
        unsupportive_footwear,
        ("003",),
        factor=FactorSpec(
            "feet.footwear",
            20,
            gettext_noop(
                "Poor footwear can aggravate the nerves and muscles of the feet and legs."
            ),
        ),
        items=("home_care.footwear",),
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    Rule(
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
    ),
    # Flexibility.
    Rule(
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
    ),
    Rule(
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
    ),
    # Which side cramps (seed 000): a hint for the examination, not a cause.
    Rule(
        "PATTERN-ONE-SIDED",
        one_sided_cramps,
        ("000",),
        factor=FactorSpec(
            "pattern.one_sided",
            10,
            gettext_noop(
                "Cramps on the %(side)s side only: one-sided cramps may point to the spine or a "
                "local cause rather than a body-wide one; examine the spine and the leg."
            ),
            cause=False,
        ),
    ),
    Rule(
        "PATTERN-BOTH-SIDES",
        symmetrical_cramps,
        ("000",),
        factor=FactorSpec(
            "pattern.both_sides",
            10,
            gettext_noop(
                "Cramps on both sides: body-wide causes (fluids, medication, medical conditions) "
                "are more likely than a one-sided spinal one."
            ),
            cause=False,
        ),
    ),
    # The core treatment protocol of seed 000, for recurring cramps.
    Rule(
        "PROTOCOL-CALMING-MASSAGE",
        recurring_cramps,
        ("000", "001", "003"),
        items=("massage.cramping_muscles",),
    ),
    Rule(
        "PROTOCOL-PNF-STRETCHING",
        recurring_cramps,
        ("000", "002"),
        items=("stretching.pnf",),
        precautions=("no_spinal_stretching",),
    ),
    Rule(
        "PROTOCOL-STRENGTH-CRAMPING-MUSCLES",
        recurring_cramps,
        ("000",),
        items=("strengthening.{exercise}",),
    ),
    # When nothing else explains the cramps (seeds 002, 003): say so, invent no cause.
    Rule(
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
    ),
    # Goals.
    Rule("GOAL-CRAMP-FREQUENCY", weekly_cramps, ("000",), goals=("cramps_per_week",)),
    Rule("GOAL-PAIN", pain_recorded, ("001",), goals=("pain",)),
    Rule("GOAL-OSWESTRY", back_pain, ("000",), goals=("oswestry",)),
)

RULES_BY_ID = {rule.id: rule for rule in RULES}
