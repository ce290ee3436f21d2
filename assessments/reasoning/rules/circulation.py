"""Circulation: peripheral artery disease, foot sensation, heat (seeds 004, 003)."""

from __future__ import annotations

from ..facts import Facts
from ..findings import weak_or_absent_pulses
from ..i18n import Text, gettext_noop
from ..labels import PULSE_NAMES, SIDE_NAMES
from ..vocabulary import LEG_ROOTS
from .base import FactorSpec, Match, Rule, condition, contraindication, finding
from .night_cramps import night_calf_or_foot_cramps

_PAD_FACTOR = FactorSpec(
    "circulation.pad",
    80,
    gettext_noop(
        "Signs of peripheral artery disease: it reduces blood flow to the working leg muscles, "
        "which can bring on cramps and calf pain."
    ),
)


def _circulation_evidence(facts: Facts) -> tuple[Text, ...]:
    evidence = []
    if facts.circulation.pad_diagnosed:
        evidence.append(finding(gettext_noop("Intake: peripheral artery disease diagnosed")))
    if facts.circulation.calf_pain_walking_eases_with_rest:
        evidence.append(finding(gettext_noop("Intake: calf pain on walking that eases with rest")))
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


PAD_DIAGNOSED = Rule(
    "PAD-DIAGNOSED",
    pad_diagnosed,
    ("004", "003"),
    factor=_PAD_FACTOR,
    items=("medical_referral.vascular",),
    precautions=("pad_vigorous_massage",),
)


@condition("Intake: calf pain on walking that eases with rest, no PAD diagnosed")
def claudication_without_diagnosis(facts: Facts) -> Match | None:
    circulation = facts.circulation
    if not circulation.calf_pain_walking_eases_with_rest or circulation.pad_diagnosed:
        return None
    return Match(evidence=_circulation_evidence(facts))


PAD_CLAUDICATION = Rule(
    "PAD-CLAUDICATION",
    claudication_without_diagnosis,
    ("004", "clinical-screening"),
    factor=_PAD_FACTOR,
    items=("medical_referral.vascular",),
    precautions=("pad_vigorous_massage",),
)


@condition("Exam: a foot pulse is weak or absent")
def weak_foot_pulse(facts: Facts) -> Match | None:
    return Match(evidence=_circulation_evidence(facts)) if weak_or_absent_pulses(facts) else None


PAD_EXAM_PULSES = Rule(
    "PAD-EXAM-PULSES",
    weak_foot_pulse,
    ("004", "003"),
    factor=_PAD_FACTOR,
    items=("medical_referral.vascular",),
    precautions=("pad_vigorous_massage",),
)


@condition("Exam: ankle-brachial index below 0.9")
def low_ankle_brachial_index(facts: Facts) -> Match | None:
    abi = None if facts.exam is None else facts.exam.vascular.ankle_brachial_index
    if abi is None or abi >= 0.9:
        return None
    return Match(evidence=_circulation_evidence(facts))


PAD_EXAM_ABI = Rule(
    "PAD-EXAM-ABI",
    low_ankle_brachial_index,
    ("004", "003"),
    factor=_PAD_FACTOR,
    items=("medical_referral.vascular",),
    precautions=("pad_vigorous_massage",),
)


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
        evidence.append(finding(gettext_noop("Intake: peripheral neuropathy")))
    leg_sensation = ()
    if facts.exam is not None:
        leg_sensation = tuple(r for r in facts.exam.neuro.sensation_change_roots if r in LEG_ROOTS)
    if facts.symptoms.numbness:
        evidence.append(finding(gettext_noop("Intake: numbness")))
    if leg_sensation:
        evidence.append(
            Text(
                gettext_noop("Exam: altered sensation in %(roots)s"),
                {"roots": ", ".join(leg_sensation)},
            )
        )
    if facts.conditions.diabetes and evidence:
        evidence.insert(0, finding(gettext_noop("Intake: diabetes")))
    return tuple(evidence)


@condition(
    "Reduced feeling in the feet: peripheral neuropathy, reported numbness, or altered leg "
    "sensation on examination (with or without diabetes)"
)
def reduced_foot_sensation(facts: Facts) -> Match | None:
    evidence = _reduced_foot_sensation(facts)
    return Match(evidence=evidence) if evidence else None


CI_REDUCED_FOOT_SENSATION = contraindication(
    "CI-REDUCED-FOOT-SENSATION",
    reduced_foot_sensation,
    "reduced_foot_sensation",
    ("002", "003", "clinical-screening"),
)


@condition(
    "Night calf or foot cramps (heat is proposed) with diabetes, neuropathy, PAD, weak pulses "
    "or altered sensation"
)
def heat_on_reduced_feeling(facts: Facts) -> Match | None:
    if night_calf_or_foot_cramps(facts) is None or not _reduced_feeling_or_circulation(facts):
        return None
    return Match()


SAFETY_HEAT_REDUCED_FEELING = Rule(
    "SAFETY-HEAT-REDUCED-FEELING",
    heat_on_reduced_feeling,
    ("clinical-screening",),
    precautions=("heat_reduced_feeling",),
)
