"""Thyroid conditions (seeds 001, 004, 003)."""

from __future__ import annotations

from ..facts import Facts
from ..i18n import Text, gettext_noop
from .base import FactorSpec, Match, Rule, condition, finding


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
    answer = finding(gettext_noop("Intake: underactive thyroid, not treated"))
    return Match(evidence=_thyroid_evidence(facts, answer))


THYROID_UNDERACTIVE_UNTREATED = Rule(
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
)


@condition("Overactive thyroid that is not treated (or treatment not known)")
def untreated_overactive_thyroid(facts: Facts) -> Match | None:
    thyroid = facts.thyroid
    if thyroid.condition != "overactive" or thyroid.treated:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: overactive thyroid, not treated")),))


THYROID_OVERACTIVE_UNTREATED = Rule(
    "THYROID-OVERACTIVE-UNTREATED",
    untreated_overactive_thyroid,
    ("003",),
    factor=FactorSpec(
        "thyroid.overactive_untreated",
        70,
        gettext_noop(
            "Overactive thyroid, not treated: thyroid conditions are linked to night leg cramps."
        ),
    ),
    items=("medical_referral.thyroid",),
)


@condition("Unsure whether there is a thyroid condition")
def unsure_about_thyroid(facts: Facts) -> Match | None:
    if facts.thyroid.condition != "unsure":
        return None
    answer = finding(gettext_noop("Intake: unsure about a thyroid condition"))
    return Match(evidence=_thyroid_evidence(facts, answer))


THYROID_UNSURE = Rule(
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
)


@condition("Underactive or overactive thyroid that is treated")
def treated_thyroid(facts: Facts) -> Match | None:
    thyroid = facts.thyroid
    if thyroid.condition not in ("underactive", "overactive") or not thyroid.treated:
        return None
    return Match(evidence=(finding(gettext_noop("Intake: thyroid condition, treated")),))


THYROID_TREATED = Rule(
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
)
