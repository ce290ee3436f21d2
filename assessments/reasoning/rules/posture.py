"""Posture: sitting, standing, sleeping, spinal alignment (seeds 000, 001, 003)."""

from __future__ import annotations

from ..facts import Facts
from ..i18n import Text, gettext_noop
from ..interventions import posture_findings
from .base import FactorSpec, Match, Rule, condition, finding


@condition("Sits 6 hours a day or more")
def long_sitting(facts: Facts) -> Match | None:
    hours = facts.daily_life.sitting_hours_per_day
    if hours is None or hours < 6:
        return None
    return Match(
        params={"hours": f"{hours:g}"},
        evidence=(finding(gettext_noop("Intake: sits %(hours)s hours a day"), hours=f"{hours:g}"),),
    )


POSTURE_LONG_SITTING = Rule(
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
        evidence=(finding(gettext_noop("Intake: does not get up every hour when sitting")),)
    )


POSTURE_NO_SITTING_BREAKS = Rule(
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


POSTURE_CROSSED_POINTED = Rule(
    "POSTURE-CROSSED-POINTED",
    crossed_legs_or_pointed_toes,
    ("003",),
    factor=FactorSpec(
        "posture.crossed_or_pointed",
        30,
        gettext_noop(
            "Sits with %(habits)s for long periods: this shortens the calf and can bring on cramps."
        ),
    ),
    items=("posture.sitting",),
)


@condition("Stands for long periods at work, or 6 hours a day or more")
def long_standing(facts: Facts) -> Match | None:
    daily = facts.daily_life
    evidence = []
    if daily.long_standing_at_work:
        evidence.append(finding(gettext_noop("Intake: long standing at work")))
    if daily.standing_hours_per_day is not None and daily.standing_hours_per_day >= 6:
        evidence.append(
            finding(
                gettext_noop("Intake: stands %(hours)s hours a day"),
                hours=f"{daily.standing_hours_per_day:g}",
            )
        )
    return Match(evidence=tuple(evidence)) if evidence else None


POSTURE_LONG_STANDING = Rule(
    "POSTURE-LONG-STANDING",
    long_standing,
    ("003",),
    factor=FactorSpec(
        "posture.long_standing",
        25,
        gettext_noop("Long standing stresses the leg muscles and is linked to night cramps."),
    ),
    items=("posture.standing",),
)


@condition("Exam: slumped sitting posture")
def slumped_sitting(facts: Facts) -> Match | None:
    if facts.exam is None or facts.exam.posture.sitting_posture != "slumped":
        return None
    return Match(evidence=(finding(gettext_noop("Exam: sits slumped")),))


POSTURE_SLUMPED_SITTING = Rule(
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
)


@condition("Sleeps with the feet pointed down")
def sleeps_feet_pointed_down(facts: Facts) -> Match | None:
    if not facts.daily_life.sleeps_feet_pointed_down:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: sleeps with the feet pointed down")),))


POSTURE_SLEEP_FEET_DOWN = Rule(
    "POSTURE-SLEEP-FEET-DOWN",
    sleeps_feet_pointed_down,
    ("003",),
    factor=FactorSpec(
        "posture.sleep_feet_down",
        30,
        gettext_noop(
            "Sleeps with the feet pointed down: this shortens the calf and makes it prone to cramp."
        ),
    ),
    items=("home_care.sleep_position",),
)


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


POSTURE_ALIGNMENT = Rule(
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
)
