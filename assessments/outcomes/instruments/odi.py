"""The Oswestry Disability Index 2.1a (Fairbank & Pynsent 2000, Spine 25(22):2940-52)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessments.outcomes.instruments.base import Instrument, Item, ScoringError, gettext_noop

ODI = Instrument(
    scores_partial_forms=True,
    code="ODI",
    name=gettext_noop("Oswestry Disability Index"),
    instructions=gettext_noop(
        "This questionnaire has been designed to give us information as to how your back or "
        "leg pain is affecting your ability to manage in everyday life. Please answer by "
        "checking ONE box in each section for the statement which best applies to you. We "
        "realise you may consider that two or more statements in any one section apply but "
        "please just mark the box that indicates the statement which most clearly describes "
        "your problem."
    ),
    item_max=5,
    score_max=100.0,
    lower_is_better=True,
    # Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and
    # functional status in low back pain: towards international consensus regarding minimal
    # important change. Spine 2008;33(1):90-4. Consensus MIC: 10 points on the 0-100 ODI
    # (and a 30% improvement from baseline as an alternative threshold).
    mcid=10.0,
    mcid_citation="Ostelo et al. 2008, Spine 33(1):90-4",
    citation="Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940-52",
    items=(
        Item(
            "pain_intensity",
            gettext_noop("Pain intensity"),
            (
                gettext_noop("I have no pain at the moment"),
                gettext_noop("The pain is very mild at the moment"),
                gettext_noop("The pain is moderate at the moment"),
                gettext_noop("The pain is fairly severe at the moment"),
                gettext_noop("The pain is very severe at the moment"),
                gettext_noop("The pain is the worst imaginable at the moment"),
            ),
        ),
        Item(
            "personal_care",
            gettext_noop("Personal care (washing, dressing, etc.)"),
            (
                gettext_noop("I can look after myself normally without causing extra pain"),
                gettext_noop("I can look after myself normally but it causes extra pain"),
                gettext_noop("It is painful to look after myself and I am slow and careful"),
                gettext_noop("I need some help but manage most of my personal care"),
                gettext_noop("I need help every day in most aspects of self-care"),
                gettext_noop("I do not get dressed, I wash with difficulty and stay in bed"),
            ),
        ),
        Item(
            "lifting",
            gettext_noop("Lifting"),
            (
                gettext_noop("I can lift heavy weights without extra pain"),
                gettext_noop("I can lift heavy weights but it gives extra pain"),
                gettext_noop(
                    "Pain prevents me from lifting heavy weights off the floor, but I can "
                    "manage if they are conveniently placed, for example on a table"
                ),
                gettext_noop(
                    "Pain prevents me from lifting heavy weights, but I can manage light to "
                    "medium weights if they are conveniently positioned"
                ),
                gettext_noop("I can lift very light weights"),
                gettext_noop("I cannot lift or carry anything at all"),
            ),
        ),
        Item(
            "walking",
            gettext_noop("Walking"),
            (
                gettext_noop("Pain does not prevent me walking any distance"),
                gettext_noop("Pain prevents me from walking more than 1 mile"),
                gettext_noop("Pain prevents me from walking more than half a mile"),
                gettext_noop("Pain prevents me from walking more than 100 yards"),
                gettext_noop("I can only walk using a stick or crutches"),
                gettext_noop("I am in bed most of the time"),
            ),
        ),
        Item(
            "sitting",
            gettext_noop("Sitting"),
            (
                gettext_noop("I can sit in any chair as long as I like"),
                gettext_noop("I can only sit in my favourite chair as long as I like"),
                gettext_noop("Pain prevents me sitting more than one hour"),
                gettext_noop("Pain prevents me from sitting more than 30 minutes"),
                gettext_noop("Pain prevents me from sitting more than 10 minutes"),
                gettext_noop("Pain prevents me from sitting at all"),
            ),
        ),
        Item(
            "standing",
            gettext_noop("Standing"),
            (
                gettext_noop("I can stand as long as I want without extra pain"),
                gettext_noop("I can stand as long as I want but it gives me extra pain"),
                gettext_noop("Pain prevents me from standing for more than 1 hour"),
                gettext_noop("Pain prevents me from standing for more than 30 minutes"),
                gettext_noop("Pain prevents me from standing for more than 10 minutes"),
                gettext_noop("Pain prevents me from standing at all"),
            ),
        ),
        Item(
            "sleeping",
            gettext_noop("Sleeping"),
            (
                gettext_noop("My sleep is never disturbed by pain"),
                gettext_noop("My sleep is occasionally disturbed by pain"),
                gettext_noop("Because of pain I have less than 6 hours sleep"),
                gettext_noop("Because of pain I have less than 4 hours sleep"),
                gettext_noop("Because of pain I have less than 2 hours sleep"),
                gettext_noop("Pain prevents me from sleeping at all"),
            ),
        ),
        Item(
            "sex_life",
            gettext_noop("Sex life (if applicable)"),
            (
                gettext_noop("My sex life is normal and causes no extra pain"),
                gettext_noop("My sex life is normal but causes some extra pain"),
                gettext_noop("My sex life is nearly normal but is very painful"),
                gettext_noop("My sex life is severely restricted by pain"),
                gettext_noop("My sex life is nearly absent because of pain"),
                gettext_noop("Pain prevents any sex life at all"),
            ),
        ),
        Item(
            "social_life",
            gettext_noop("Social life"),
            (
                gettext_noop("My social life is normal and gives me no extra pain"),
                gettext_noop("My social life is normal but increases the degree of pain"),
                gettext_noop(
                    "Pain has no significant effect on my social life apart from limiting my "
                    "more energetic interests, e.g. sport"
                ),
                gettext_noop("Pain has restricted my social life and I do not go out as often"),
                gettext_noop("Pain has restricted my social life to my home"),
                gettext_noop("I have no social life because of pain"),
            ),
        ),
        Item(
            "travelling",
            gettext_noop("Travelling"),
            (
                gettext_noop("I can travel anywhere without pain"),
                gettext_noop("I can travel anywhere but it gives me extra pain"),
                gettext_noop("Pain is bad but I manage journeys over two hours"),
                gettext_noop("Pain restricts me to journeys of less than one hour"),
                gettext_noop("Pain restricts me to short necessary journeys under 30 minutes"),
                gettext_noop("Pain prevents me from travelling except to receive treatment"),
            ),
        ),
    ),
    form="statements",
    self_report_order=2,
    score_suffix="%",
    form_note=gettext_noop(
        "One section may be left unanswered (for example when it does not apply); the score is "
        "then taken over the sections answered."
    ),
    order=1,
)


# Fairbank & Pynsent 2000 scoring instructions (reproduced with the 2.1a form): "If all 10
# sections are completed the score is calculated as 16 (total scored) / 50 (total possible
# score) x 100 = 32%. If one section is missed or not applicable the score is calculated:
# 16 / 45 x 100 = 35.5%." The published rule covers ONE missed section; we found no published
# basis for scoring with two or more missing (the "refuse only above 2 missing" practice of
# some clinics is local policy, not Fairbank & Pynsent), so a form with two or more unanswered
# sections is refused rather than silently scored on 8 sections.
ODI_MAX_UNANSWERED_SECTIONS = 1


@dataclass(frozen=True)
class OdiBand:
    key: str
    label: str
    upper_bound: float  # inclusive upper bound of the percentage range


# Fairbank & Pynsent 2000 interpretation: 0-20 minimal, 21-40 moderate, 41-60 severe,
# 61-80 crippled, 81-100 bed-bound or exaggerating. The published ranges are whole numbers;
# with one section missing the percentage can be fractional (e.g. 20.4%), so a score belongs
# to the first band whose upper bound it does not exceed: 20.4% is moderate, 20.0% minimal.
ODI_BANDS: tuple[OdiBand, ...] = (
    OdiBand("minimal", gettext_noop("Minimal disability"), 20.0),
    OdiBand("moderate", gettext_noop("Moderate disability"), 40.0),
    OdiBand("severe", gettext_noop("Severe disability"), 60.0),
    OdiBand("crippled", gettext_noop("Crippled"), 80.0),
    OdiBand("bed_bound", gettext_noop("Bed-bound or exaggerating symptoms"), 100.0),
)


def odi_band(percent: float) -> OdiBand:
    if not (math.isfinite(percent) and 0.0 <= percent <= 100.0):
        raise ValueError(f"ODI percentage out of range: {percent!r}")
    for band in ODI_BANDS:
        if percent <= band.upper_bound:
            return band
    raise AssertionError("unreachable: the last band ends at 100")


@dataclass(frozen=True)
class OdiScore:
    value: float  # disability percentage 0-100, unrounded; round only for display
    raw_total: int
    sections_answered: int
    unanswered_sections: tuple[str, ...]
    band: OdiBand


OdiAnswer = int | Sequence[int] | frozenset[int] | set[int] | None


def _odi_section_score(value: OdiAnswer, section_key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, (Sequence, set, frozenset)) and not isinstance(value, (str, bytes)):
        marked = [ODI.checked_answer(v, section_key) for v in value]
        # Fairbank & Pynsent 2000: when a patient marks more than one statement in a section,
        # the highest-scoring statement is recorded. An empty selection is an unanswered section.
        return max(marked) if marked else None
    return ODI.checked_answer(value, section_key)


def score_odi(answers: Mapping[str, OdiAnswer]) -> OdiScore:
    """Score an ODI 2.1a form.

    ``answers`` maps section keys (see ``ODI.items``) to the index 0-5 of the marked statement,
    to a collection of indices when the patient marked several (the highest counts), or to
    ``None``/absent when the section was left blank or is not applicable.
    """
    ODI.refuse_unknown_keys(answers)
    scores: dict[str, int] = {}
    unanswered: list[str] = []
    for item in ODI.items:
        section_score = _odi_section_score(answers.get(item.key), item.key)
        if section_score is None:
            unanswered.append(item.key)
        else:
            scores[item.key] = section_score

    if len(unanswered) > ODI_MAX_UNANSWERED_SECTIONS:
        raise ScoringError(
            unanswered[0],
            gettext_noop(
                "The Oswestry index can be scored with at most %(allowed)d unanswered section; "
                "%(missing)d sections are unanswered."
            ),
            {"allowed": ODI_MAX_UNANSWERED_SECTIONS, "missing": len(unanswered)},
        )

    raw_total = sum(scores.values())
    # Denominator is 5 x sections answered: each unanswered section removes 5 possible points.
    percent = raw_total / (ODI.item_max * len(scores)) * 100.0
    return OdiScore(
        value=percent,
        raw_total=raw_total,
        sections_answered=len(scores),
        unanswered_sections=tuple(unanswered),
        band=odi_band(percent),
    )


INSTRUMENT = ODI


def score(answers: Mapping[str, OdiAnswer]) -> float:
    return score_odi(answers).value
