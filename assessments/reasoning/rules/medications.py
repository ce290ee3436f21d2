"""Medications linked to leg cramps (seeds 002, 003): a review, never a stop."""

from __future__ import annotations

from ..facts import Facts
from ..i18n import Text, and_list, gettext_noop
from ..labels import MEDICATION_CLASS_NAMES
from .base import Condition, FactorSpec, Match, Rule, condition


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


MED_STATIN = _medication(
    "MED-STATIN",
    takes_statin,
    "medication.statin",
    gettext_noop("Takes %(drugs)s, a statin; statins are linked to leg cramps."),
    ("002", "003"),
)


@condition("Takes a medication matched to the diuretic class")
def takes_diuretic(facts: Facts) -> Match | None:
    return _taking(facts, "diuretic")


MED_DIURETIC = _medication(
    "MED-DIURETIC",
    takes_diuretic,
    "medication.diuretic",
    gettext_noop("Takes %(drugs)s, a diuretic; diuretics are linked to leg cramps."),
    ("002", "003"),
)


@condition("Takes a medication matched to the nicotinic acid class")
def takes_nicotinic_acid(facts: Facts) -> Match | None:
    return _taking(facts, "nicotinic_acid")


MED_NICOTINIC_ACID = _medication(
    "MED-NICOTINIC-ACID",
    takes_nicotinic_acid,
    "medication.nicotinic_acid",
    gettext_noop("Takes %(drugs)s; nicotinic acid is linked to leg cramps."),
    ("002",),
)


@condition("Takes raloxifene (Evista)")
def takes_raloxifene(facts: Facts) -> Match | None:
    return _taking(facts, "raloxifene")


MED_RALOXIFENE = _medication(
    "MED-RALOXIFENE",
    takes_raloxifene,
    "medication.raloxifene",
    gettext_noop("Takes %(drugs)s; raloxifene (Evista) is linked to leg cramps."),
    ("002",),
)


@condition("Takes nifedipine")
def takes_nifedipine(facts: Facts) -> Match | None:
    return _taking(facts, "nifedipine")


MED_NIFEDIPINE = _medication(
    "MED-NIFEDIPINE",
    takes_nifedipine,
    "medication.nifedipine",
    gettext_noop("Takes %(drugs)s; nifedipine is linked to leg cramps."),
    ("002",),
)


@condition("Takes any medication linked to leg cramps")
def takes_cramp_linked_medication(facts: Facts) -> Match | None:
    names = tuple(m.name for m in facts.medications if m.classes)
    return Match(params={"drugs": and_list(names)}) if names else None


MED_NEVER_STOP = Rule(
    "MED-NEVER-STOP",
    takes_cramp_linked_medication,
    ("002",),
    precautions=("never_stop_medication",),
)
