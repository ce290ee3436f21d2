"""Red flags and safety screening (clinical-screening): a doctor before any treatment."""

from __future__ import annotations

from ..facts import Facts
from ..findings import weak_or_absent_pulses
from ..i18n import Text, gettext_noop
from ..labels import SIDE_NAMES
from .base import (
    Condition,
    Match,
    RedFlagSpec,
    Rule,
    age_evidence,
    condition,
    contraindication,
    finding,
    older,
)


def _red_flag(rule_id: str, when: Condition, key: str, title: str, urgency: str) -> Rule:
    return Rule(rule_id, when, ("clinical-screening",), red_flag=RedFlagSpec(key, title, urgency))


def _intake_flag(name: str, description: str, evidence: str) -> Condition:
    """Holds when the intake answered yes to the red-flag question `name` (a RedFlags field)."""

    def test(facts: Facts) -> Match | None:
        return Match(evidence=(finding(evidence),)) if getattr(facts.red_flags, name) else None

    test.__name__ = test.__qualname__ = name
    return Condition(description, test)


calf_swollen_red_warm = _intake_flag(
    "calf_swollen_red_warm",
    "Intake: the calf is swollen, red and warm",
    gettext_noop("Intake: calf swollen, red and warm"),
)


RF_CALF_CLOT = _red_flag(
    "RF-CALF-CLOT",
    calf_swollen_red_warm,
    "red_flag.calf_clot",
    gettext_noop("Calf swollen, red and warm: possible blood clot (deep vein thrombosis)."),
    "emergency",
)


saddle_numbness = _intake_flag(
    "saddle_numbness",
    "Intake: numbness in the saddle area",
    gettext_noop("Intake: saddle numbness"),
)


RF_SADDLE_NUMBNESS = _red_flag(
    "RF-SADDLE-NUMBNESS",
    saddle_numbness,
    "red_flag.saddle_numbness",
    gettext_noop(
        "Saddle numbness: possible compression of the nerves at the base of the spine "
        "(cauda equina)."
    ),
    "emergency",
)


bladder_bowel_change = _intake_flag(
    "bladder_bowel_change",
    "Intake: new change in bladder or bowel control",
    gettext_noop("Intake: new bladder or bowel change"),
)


RF_BLADDER_BOWEL = _red_flag(
    "RF-BLADDER-BOWEL",
    bladder_bowel_change,
    "red_flag.bladder_bowel",
    gettext_noop(
        "New bladder or bowel change: possible compression of the nerves at the "
        "base of the spine (cauda equina)."
    ),
    "emergency",
)


progressive_weakness = _intake_flag(
    "progressive_weakness",
    "Intake: weakness that is getting worse",
    gettext_noop("Intake: progressive weakness"),
)


RF_PROGRESSIVE_WEAKNESS = _red_flag(
    "RF-PROGRESSIVE-WEAKNESS",
    progressive_weakness,
    "red_flag.progressive_weakness",
    gettext_noop(
        "Progressive weakness: possible worsening nerve compression or neurological disease, "
        "not a muscle imbalance to strengthen."
    ),
    "urgent",
)


unexplained_weight_loss = _intake_flag(
    "unexplained_weight_loss",
    "Intake: unexplained weight loss",
    gettext_noop("Intake: unexplained weight loss"),
)


RF_WEIGHT_LOSS = _red_flag(
    "RF-WEIGHT-LOSS",
    unexplained_weight_loss,
    "red_flag.weight_loss",
    gettext_noop("Unexplained weight loss: a serious underlying cause must be ruled out."),
    "soon",
)


fever = _intake_flag("fever", "Intake: fever", gettext_noop("Intake: fever"))


RF_FEVER = _red_flag(
    "RF-FEVER",
    fever,
    "red_flag.fever",
    gettext_noop("Fever: possible infection."),
    "soon",
)


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
            finding(gettext_noop("Intake: calf pain on walking that eases with rest")),
        )
    )


RF_ABSENT_PULSE_CLAUDICATION = _red_flag(
    "RF-ABSENT-PULSE-CLAUDICATION",
    absent_pulse_with_claudication,
    "red_flag.absent_pulse_claudication",
    gettext_noop("Absent foot pulse with calf pain on walking: possible severe arterial disease."),
    "soon",
)


@condition("Exam: ankle-brachial index below 0.5")
def critical_ankle_brachial_index(facts: Facts) -> Match | None:
    abi = None if facts.exam is None else facts.exam.vascular.ankle_brachial_index
    if abi is None or abi >= 0.5:
        return None
    return Match(
        evidence=(Text(gettext_noop("Exam: ankle-brachial index %(abi)s"), {"abi": f"{abi:.2f}"}),)
    )


RF_ABI_CRITICAL = _red_flag(
    "RF-ABI-CRITICAL",
    critical_ankle_brachial_index,
    "red_flag.critical_abi",
    gettext_noop(
        "Ankle-brachial index below 0.5: critically reduced blood flow to the legs "
        "(critical limb ischaemia)."
    ),
    "urgent",
)


CI_CRITICAL_ISCHAEMIA_HEAT = contraindication(
    "CI-CRITICAL-ISCHAEMIA-HEAT", critical_ankle_brachial_index, "critical_ischaemia_heat"
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


RF_BRISK_REFLEXES = _red_flag(
    "RF-BRISK-REFLEXES",
    brisk_reflexes,
    "red_flag.brisk_reflexes",
    gettext_noop("Brisk reflexes: possible spinal cord or brain involvement."),
    "soon",
)


def _spinal_pain_evidence(facts: Facts) -> list[Text]:
    evidence = []
    if facts.spine.current_back_pain:
        evidence.append(finding(gettext_noop("Intake: current back pain")))
    if facts.spine.current_neck_pain:
        evidence.append(finding(gettext_noop("Intake: current neck pain")))
    return evidence


@condition(
    "Intake: a history of cancer together with current back or neck pain, unexplained weight "
    "loss, or age 50 or over"
)
def cancer_history_to_screen(facts: Facts) -> Match | None:
    if not facts.conditions.cancer_history:
        return None
    evidence = [finding(gettext_noop("Intake: history of cancer"))]
    evidence.extend(_spinal_pain_evidence(facts))
    if facts.red_flags.unexplained_weight_loss:
        evidence.append(finding(gettext_noop("Intake: unexplained weight loss")))
    if older(facts, 50):
        evidence.extend(age_evidence(facts))
    return Match(evidence=tuple(evidence)) if len(evidence) > 1 else None


RF_CANCER_HISTORY = _red_flag(
    "RF-CANCER-HISTORY",
    cancer_history_to_screen,
    "red_flag.cancer_history",
    gettext_noop(
        "History of cancer with spinal pain, weight loss or older age: a doctor must rule out "
        "spread to the spine before treatment."
    ),
    "soon",
)


@condition("Intake: a history of cancer, without spinal pain, weight loss or age 50 or over")
def cancer_history_only(facts: Facts) -> Match | None:
    if not facts.conditions.cancer_history or cancer_history_to_screen(facts) is not None:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: history of cancer")),))


SCREEN_CANCER_HISTORY = Rule(
    "SCREEN-CANCER-HISTORY",
    cancer_history_only,
    ("clinical-screening",),
    precautions=("cancer_history",),
)


def _bones_may_be_weak(facts: Facts) -> bool:
    return (
        facts.conditions.osteoporosis
        or any("raloxifene" in m.classes for m in facts.medications)
        or older(facts, 65)
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
    evidence = [finding(gettext_noop("Intake: recent injury or fall"))]
    if facts.conditions.osteoporosis:
        evidence.append(finding(gettext_noop("Intake: osteoporosis")))
    evidence.extend(_spinal_pain_evidence(facts))
    if older(facts, 65):
        evidence.extend(age_evidence(facts))
    return Match(evidence=tuple(evidence))


RF_RECENT_TRAUMA = _red_flag(
    "RF-RECENT-TRAUMA",
    recent_trauma_to_screen,
    "red_flag.recent_trauma",
    gettext_noop(
        "Recent injury or fall with spinal pain, osteoporosis or older age: a doctor must rule "
        "out a fracture before treatment."
    ),
    "soon",
)
