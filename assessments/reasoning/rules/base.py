"""What a rule is made of: seeds, conditions and their matches, factor and red-flag specs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..facts import Facts
from ..findings import cramp_sites_text
from ..i18n import ParamValue, Text, gettext_noop

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


def finding(msgid: str, **params: ParamValue) -> Text:
    """One line of evidence: an intake answer or an exam finding."""
    return Text(msgid, params)


def contraindication(
    rule_id: str, when: Condition, key: str, sources: tuple[str, ...] = ("clinical-screening",)
) -> Rule:
    return Rule(rule_id, when, sources, precautions=(key,))


def older(facts: Facts, years: int) -> bool:
    return facts.person.age_years is not None and facts.person.age_years >= years


def age_evidence(facts: Facts) -> tuple[Text, ...]:
    if facts.person.age_years is None:
        return ()
    return (finding(gettext_noop("Patient: %(age)s years old"), age=str(facts.person.age_years)),)


def cramp_sites_evidence(facts: Facts, muscles: tuple[str, ...] | None = None) -> Text:
    """The intake line naming where the patient cramps (all sites, or only `muscles`)."""
    return Text(
        gettext_noop("Intake: cramps in the %(sites)s"), {"sites": cramp_sites_text(facts, muscles)}
    )
