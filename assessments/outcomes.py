"""Outcome measures: instrument definitions, published scoring, MCID comparison and trend charts.

Pure Python on purpose: no Django import, so the scoring rules can be tested without a database
and reused by forms, models, PDF reports and management commands alike. Every text a patient or
clinician will read is wrapped in ``gettext_noop`` so ``makemessages`` extracts it; the Django
layer translates at render time (``gettext(instrument.name)``).

Instruments
    ODI   Oswestry Disability Index 2.1a (Fairbank & Pynsent 2000, Spine 25(22):2940-52)
    LEFS  Lower Extremity Functional Scale (Binkley et al. 1999, Phys Ther 79(4):371-83)
    NPRS  Numeric Pain Rating Scale, 0-10 (Farrar et al. 2001, Pain 94(2):149-58)
    PSFS  Patient-Specific Functional Scale (Stratford et al. 1995, Physiother Can 47:258-63)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = [
    "INSTRUMENTS",
    "LEFS",
    "NPRS",
    "ODI",
    "ODI_BANDS",
    "ODI_MAX_UNANSWERED_SECTIONS",
    "PSFS",
    "Change",
    "Instrument",
    "Item",
    "LefsScore",
    "OdiBand",
    "OdiScore",
    "PsfsActivity",
    "PsfsScore",
    "ScoringError",
    "TrendLabels",
    "compare_to_baseline",
    "get_instrument",
    "gettext_noop",
    "odi_band",
    "render_trend_svg",
    "score_lefs",
    "score_nprs",
    "score_odi",
    "score_psfs",
]


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation without translating it.

    Defined locally (not imported from Django) so this module stays framework-free; the name is
    one of the keywords Django's ``makemessages`` passes to xgettext, so the strings are still
    extracted into the catalogue.
    """
    return message


class ScoringError(ValueError):
    """The answers cannot be scored by the instrument's published rules.

    ``field`` is the key of the offending item (e.g. ``"walking"``, ``"item_7"``,
    ``"activity_2_name"``) so a form can attach the error to the right input. ``message`` is an
    untranslated template marked with ``gettext_noop`` and ``params`` its %-interpolation values,
    which is exactly the shape ``django.core.exceptions.ValidationError(message, params=...)``
    expects.
    """

    def __init__(self, field: str, message: str, params: Mapping[str, Any] | None = None):
        self.field = field
        self.message = message
        self.params = dict(params or {})
        super().__init__(f"{field}: {self.rendered_message}")

    @property
    def rendered_message(self) -> str:
        return self.message % self.params if self.params else self.message


# ---------------------------------------------------------------------------------------------
# Instrument definitions
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One question of an instrument.

    For the ODI, ``statements`` holds the six statements of the section in printed order; the
    index of a statement is its score (first = 0, last = 5), per Fairbank & Pynsent 2000.
    """

    key: str
    text: str
    statements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Instrument:
    code: str
    name: str
    instructions: str
    min_items: int
    max_items: int
    item_min: int
    item_max: int
    score_min: float
    score_max: float
    score_unit: str
    lower_is_better: bool
    mcid: float
    mcid_citation: str
    citation: str
    items: tuple[Item, ...]
    # Labels for the ends/points of a numeric response scale, as (value, label) pairs.
    response_labels: tuple[tuple[int, str], ...] = ()

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)


ODI = Instrument(
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
    min_items=10,
    max_items=10,
    item_min=0,
    item_max=5,
    score_min=0.0,
    score_max=100.0,
    score_unit="%",
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
)

LEFS = Instrument(
    code="LEFS",
    name=gettext_noop("Lower Extremity Functional Scale"),
    instructions=gettext_noop(
        "We are interested in knowing whether you are having any difficulty at all with the "
        "activities listed below because of your lower limb problem for which you are "
        "currently seeking attention. Please provide an answer for each activity. Today, do "
        "you or would you have any difficulty at all with:"
    ),
    min_items=20,
    max_items=20,
    item_min=0,
    item_max=4,
    score_min=0.0,
    score_max=80.0,
    score_unit=gettext_noop("points"),
    lower_is_better=False,
    # Binkley JM, Stratford PW, Lott SA, Riddle DL. The Lower Extremity Functional Scale (LEFS):
    # scale development, measurement properties, and clinical application. Phys Ther
    # 1999;79(4):371-83. Abstract: "the minimal detectable change is 9 scale points (90% CI),
    # and the minimal clinically important difference is 9 scale points (90% CI)".
    mcid=9.0,
    mcid_citation="Binkley et al. 1999, Phys Ther 79(4):371-83",
    citation=(
        "Binkley JM, Stratford PW, Lott SA, Riddle DL. The Lower Extremity Functional Scale "
        "(LEFS). Phys Ther 1999;79(4):371-83"
    ),
    items=tuple(
        Item(f"item_{number}", text)
        for number, text in enumerate(
            (
                gettext_noop("Any of your usual work, housework or school activities"),
                gettext_noop("Your usual hobbies, recreational or sporting activities"),
                gettext_noop("Getting into or out of the bath"),
                gettext_noop("Walking between rooms"),
                gettext_noop("Putting on your shoes or socks"),
                gettext_noop("Squatting"),
                gettext_noop("Lifting an object, like a bag of groceries from the floor"),
                gettext_noop("Performing light activities around your home"),
                gettext_noop("Performing heavy activities around your home"),
                gettext_noop("Getting into or out of a car"),
                gettext_noop("Walking 2 blocks"),
                gettext_noop("Walking a mile"),
                gettext_noop("Going up or down 10 stairs (about 1 flight of stairs)"),
                gettext_noop("Standing for 1 hour"),
                gettext_noop("Sitting for 1 hour"),
                gettext_noop("Running on even ground"),
                gettext_noop("Running on uneven ground"),
                gettext_noop("Making sharp turns while running fast"),
                gettext_noop("Hopping"),
                gettext_noop("Rolling over in bed"),
            ),
            start=1,
        )
    ),
    response_labels=(
        (0, gettext_noop("Extreme difficulty or unable to perform activity")),
        (1, gettext_noop("Quite a bit of difficulty")),
        (2, gettext_noop("Moderate difficulty")),
        (3, gettext_noop("A little bit of difficulty")),
        (4, gettext_noop("No difficulty")),
    ),
)

NPRS = Instrument(
    code="NPRS",
    name=gettext_noop("Numeric Pain Rating Scale"),
    instructions=gettext_noop(
        "Please rate your pain right now on a scale from 0 (no pain) to 10 (worst possible pain)."
    ),
    min_items=1,
    max_items=1,
    item_min=0,
    item_max=10,
    score_min=0.0,
    score_max=10.0,
    score_unit="/10",
    lower_is_better=True,
    # Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in
    # chronic pain intensity measured on an 11-point numerical pain rating scale. Pain
    # 2001;94(2):149-58: "a reduction of approximately two points or a reduction of
    # approximately 30% ... represented a clinically important difference". Ostelo et al. 2008
    # (Spine 33(1):90-4) reached the same consensus value of 2 for the 0-10 NRS in back pain.
    mcid=2.0,
    mcid_citation="Farrar et al. 2001, Pain 94(2):149-58; Ostelo et al. 2008, Spine 33(1):90-4",
    citation="Farrar JT et al. Pain 2001;94(2):149-58",
    items=(Item("pain_now", gettext_noop("Pain now")),),
    response_labels=(
        (0, gettext_noop("No pain")),
        (10, gettext_noop("Worst possible pain")),
    ),
)

PSFS_MAX_ACTIVITIES = 5

PSFS = Instrument(
    code="PSFS",
    name=gettext_noop("Patient-Specific Functional Scale"),
    instructions=gettext_noop(
        "Identify three to five important activities that you are unable to do or are having "
        "difficulty with as a result of your problem, and rate your current ability to do each "
        "one."
    ),
    min_items=3,
    max_items=PSFS_MAX_ACTIVITIES,
    item_min=0,
    item_max=10,
    score_min=0.0,
    score_max=10.0,
    score_unit="/10",
    lower_is_better=False,
    # Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual
    # patients: a report of a patient specific measure. Physiother Can 1995;47:258-63: minimal
    # detectable change (90% CI) for the average score = 2 points (3 for a single activity).
    # Abbott JH, Schmitt JS. Minimum important differences for the PSFS, 4 region-specific
    # outcome measures, and the NPRS. JOSPT 2014;44(8):560-4: MID 1.3 (small), 2.3 (medium),
    # 2.7 (large change). 2 points is the smallest change of the average score that is both
    # beyond measurement error (Stratford) and above the small-change MID (Abbott & Schmitt).
    mcid=2.0,
    mcid_citation=(
        "Stratford et al. 1995, Physiother Can 47:258-63; Abbott & Schmitt 2014, JOSPT 44(8):560-4"
    ),
    citation="Stratford P et al. Physiotherapy Canada 1995;47:258-63",
    # The activities are named by the patient; these are the slots a form offers.
    items=(
        Item("activity_1", gettext_noop("Activity 1")),
        Item("activity_2", gettext_noop("Activity 2")),
        Item("activity_3", gettext_noop("Activity 3")),
        Item("activity_4", gettext_noop("Activity 4")),
        Item("activity_5", gettext_noop("Activity 5")),
    ),
    response_labels=(
        (0, gettext_noop("Unable to perform activity")),
        (
            10,
            gettext_noop("Able to perform activity at the same level as before injury or problem"),
        ),
    ),
)

INSTRUMENTS: dict[str, Instrument] = {i.code: i for i in (ODI, LEFS, NPRS, PSFS)}


def get_instrument(code: str) -> Instrument:
    try:
        return INSTRUMENTS[code]
    except KeyError:
        known = ", ".join(sorted(INSTRUMENTS))
        raise ValueError(f"Unknown outcome instrument {code!r}; known: {known}") from None


# ---------------------------------------------------------------------------------------------
# Shared validation
# ---------------------------------------------------------------------------------------------

_MESSAGE_WHOLE_NUMBER = gettext_noop("Enter a whole number from %(low)d to %(high)d.")


def _checked_item_value(value: object, field_name: str, low: int, high: int) -> int:
    # bool is a subclass of int; True must not silently score as 1.
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ScoringError(field_name, _MESSAGE_WHOLE_NUMBER, {"low": low, "high": high})
    return value


def _refuse_unknown_keys(answers: Mapping[str, object], instrument: Instrument) -> None:
    # A misspelt key would otherwise look like an unanswered item and change the score.
    known = {item.key for item in instrument.items}
    for key in answers:
        if key not in known:
            raise ScoringError(
                key,
                gettext_noop("This is not a question of the %(instrument)s."),
                {"instrument": instrument.code},
            )


# ---------------------------------------------------------------------------------------------
# ODI
# ---------------------------------------------------------------------------------------------

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
        marked = [_checked_item_value(v, section_key, ODI.item_min, ODI.item_max) for v in value]
        # Fairbank & Pynsent 2000: when a patient marks more than one statement in a section,
        # the highest-scoring statement is recorded. An empty selection is an unanswered section.
        return max(marked) if marked else None
    return _checked_item_value(value, section_key, ODI.item_min, ODI.item_max)


def score_odi(answers: Mapping[str, OdiAnswer]) -> OdiScore:
    """Score an ODI 2.1a form.

    ``answers`` maps section keys (see ``ODI.items``) to the index 0-5 of the marked statement,
    to a collection of indices when the patient marked several (the highest counts), or to
    ``None``/absent when the section was left blank or is not applicable.
    """
    _refuse_unknown_keys(answers, ODI)
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


# ---------------------------------------------------------------------------------------------
# LEFS
# ---------------------------------------------------------------------------------------------

# Binkley et al. 1999 score the LEFS as the plain sum of all 20 items (0-80) and the form asks
# the patient to "provide an answer for each activity". We found no published rule for imputing
# unanswered items (the "replace up to 4 missing items by the mean" rule sometimes quoted could
# not be traced to Binkley 1999), so any unanswered item makes the form unscorable: a sum over
# fewer items would understate function and be read as a worse score.
LEFS_MAX_UNANSWERED_ITEMS = 0


@dataclass(frozen=True)
class LefsScore:
    value: int  # total 0-80, higher is better function
    percent_of_maximum: float  # value / 80 x 100


def score_lefs(answers: Mapping[str, int | None]) -> LefsScore:
    """Score a LEFS form; ``answers`` maps ``item_1`` .. ``item_20`` to 0-4."""
    _refuse_unknown_keys(answers, LEFS)
    total = 0
    for item in LEFS.items:
        value = answers.get(item.key)
        if value is None:
            raise ScoringError(
                item.key,
                gettext_noop(
                    "Every activity of the Lower Extremity Functional Scale must be answered "
                    "before it can be scored."
                ),
            )
        total += _checked_item_value(value, item.key, LEFS.item_min, LEFS.item_max)
    return LefsScore(value=total, percent_of_maximum=total / LEFS.score_max * 100.0)


# ---------------------------------------------------------------------------------------------
# NPRS
# ---------------------------------------------------------------------------------------------


def score_nprs(pain_now: int | None) -> int:
    """Validate a 0-10 pain rating; the rating is the score."""
    if pain_now is None:
        raise ScoringError("pain_now", gettext_noop("Enter the pain rating from 0 to 10."))
    return _checked_item_value(pain_now, "pain_now", NPRS.item_min, NPRS.item_max)


# ---------------------------------------------------------------------------------------------
# PSFS
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PsfsActivity:
    name: str
    score: int


@dataclass(frozen=True)
class PsfsScore:
    value: float  # mean of the activity scores, 0-10, higher is better
    activities: tuple[PsfsActivity, ...]


def score_psfs(activities: Sequence[tuple[str | None, int | None]]) -> PsfsScore:
    """Score a PSFS form: "total score = sum of the activity scores / number of activities".

    ``activities`` is the list of (name, score) rows in form order. Rows left completely blank
    (no name, no score) are ignored, so a form can offer five rows; a row with only one of the
    two filled in is an error named after that row (``activity_<n>_name`` / ``_score``).
    """
    rated: list[PsfsActivity] = []
    for position, (raw_name, raw_score) in enumerate(activities, start=1):
        name = (raw_name or "").strip()
        if not name and raw_score is None:
            continue
        if not name:
            raise ScoringError(
                f"activity_{position}_name",
                gettext_noop("Name the activity that this score is for."),
            )
        if raw_score is None:
            raise ScoringError(
                f"activity_{position}_score",
                gettext_noop("Rate this activity from 0 to 10."),
            )
        score = _checked_item_value(
            raw_score, f"activity_{position}_score", PSFS.item_min, PSFS.item_max
        )
        rated.append(PsfsActivity(name=name, score=score))

    if not PSFS.min_items <= len(rated) <= PSFS.max_items:
        raise ScoringError(
            "activities",
            gettext_noop("Rate between %(low)d and %(high)d activities; %(count)d were rated."),
            {"low": PSFS.min_items, "high": PSFS.max_items, "count": len(rated)},
        )
    mean = sum(activity.score for activity in rated) / len(rated)
    return PsfsScore(value=mean, activities=tuple(rated))


# ---------------------------------------------------------------------------------------------
# Change against baseline
# ---------------------------------------------------------------------------------------------

# Scores such as 44.444...% - 34.444...% are not exact in binary floating point; a change that
# equals the MCID on paper must still count as reaching it.
_FLOAT_TOLERANCE = 1e-9


_NO_CHANGE = gettext_noop("No change since baseline")
_IMPORTANT_IMPROVEMENT = gettext_noop("Clinically important improvement since baseline")
_SMALL_IMPROVEMENT = gettext_noop(
    "Improved since baseline, but by less than the minimal clinically important difference"
)
_IMPORTANT_WORSENING = gettext_noop("Clinically important worsening since baseline")
_SMALL_WORSENING = gettext_noop(
    "Worse than baseline, but by less than the minimal clinically important difference"
)


@dataclass(frozen=True)
class Change:
    delta: float  # later - baseline, in the instrument's own units (sign as measured)
    improved: bool
    reaches_mcid: bool  # |delta| >= MCID, in whichever direction the patient moved
    direction_text: str  # untranslated, marked with gettext_noop


def compare_to_baseline(code: str, baseline: float, later: float) -> Change:
    """Classify the change from ``baseline`` to ``later`` against the instrument's MCID.

    Direction matters: ODI and NPRS improve downwards, LEFS and PSFS upwards. The MCID figures
    were established for improvement; they are applied symmetrically to flag a clinically
    important worsening as well, which is the usual clinical reading.
    """
    instrument = get_instrument(code)
    for field_name, value in (("baseline", baseline), ("later", later)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ScoringError(field_name, gettext_noop("A score must be a number."))
        if not (math.isfinite(value) and instrument.score_min <= value <= instrument.score_max):
            raise ScoringError(
                field_name,
                gettext_noop("A %(instrument)s score must lie between %(low)s and %(high)s."),
                {
                    "instrument": instrument.code,
                    "low": _format_number(instrument.score_min),
                    "high": _format_number(instrument.score_max),
                },
            )

    delta = float(later) - float(baseline)
    if abs(delta) <= _FLOAT_TOLERANCE:
        return Change(0.0, improved=False, reaches_mcid=False, direction_text=_NO_CHANGE)

    improved = delta < 0 if instrument.lower_is_better else delta > 0
    reaches_mcid = abs(delta) >= instrument.mcid - _FLOAT_TOLERANCE
    if improved:
        text = _IMPORTANT_IMPROVEMENT if reaches_mcid else _SMALL_IMPROVEMENT
    else:
        text = _IMPORTANT_WORSENING if reaches_mcid else _SMALL_WORSENING
    return Change(delta, improved=improved, reaches_mcid=reaches_mcid, direction_text=text)


# ---------------------------------------------------------------------------------------------
# Trend chart (inline SVG)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendLabels:
    """Texts drawn inside the chart; pass translated ones from the Django layer."""

    baseline: str = gettext_noop("Baseline")
    mcid: str = gettext_noop("Clinically important change")
    lower_is_better: str = gettext_noop("Lower is better")
    higher_is_better: str = gettext_noop("Higher is better")
    no_data: str = gettext_noop("No measurements yet")


# Characters XML 1.0 forbids even when escaped (C0 controls other than tab/newline/return,
# surrogates, U+FFFE/U+FFFF); a title containing one would make the whole page's SVG invalid.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    text = _XML_FORBIDDEN.sub("", str(text))
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _format_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def _coord(value: float) -> str:
    return f"{value:.2f}"


_WIDTH = 480
_HEIGHT = 260
_PLOT_LEFT = 48.0
_PLOT_RIGHT = 424.0
_PLOT_TOP = 48.0
_PLOT_BOTTOM = 216.0
_LINE_COLOUR = "#1f5fa8"
_GRID_COLOUR = "#d9d9d9"
_MUTED_COLOUR = "#595959"
_MCID_COLOUR = "#2e7d32"


def render_trend_svg(
    points: Sequence[tuple[date, float]],
    *,
    max_value: float,
    lower_is_better: bool,
    title: str,
    mcid: float | None = None,
    labels: TrendLabels | None = None,
) -> str:
    """Return a self-contained inline SVG line chart of one measure over visits.

    Safe under a strict Content-Security-Policy: no script, no ``style`` attribute or element
    (colours are SVG presentation attributes), no links or external resources. Every text is
    XML-escaped. The earliest point is the baseline: drawn hollow, with a dashed reference line;
    if ``mcid`` is given, a second line shows the level that would be a clinically important
    improvement. Points are placed by date; same-day points share an x position. The output
    depends only on the arguments.
    """
    if not (math.isfinite(max_value) and max_value > 0):
        raise ValueError(f"max_value must be a positive number, not {max_value!r}")
    if mcid is not None and not (math.isfinite(mcid) and mcid > 0):
        raise ValueError(f"mcid must be a positive number, not {mcid!r}")
    for when, value in points:
        if not (math.isfinite(value) and 0 <= value <= max_value):
            raise ValueError(f"value {value!r} on {when} is outside 0..{max_value}")
    labels = labels or TrendLabels()
    # Stable sort: several visits on one day keep the order they were recorded in.
    ordered = sorted(points, key=lambda point: point[0])

    def y_of(value: float) -> float:
        return _PLOT_BOTTOM - (value / max_value) * (_PLOT_BOTTOM - _PLOT_TOP)

    parts: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'width="{_WIDTH}" height="{_HEIGHT}" role="img" '
        f'font-family="sans-serif" font-size="11">',
        f"<title>{_xml_text(title)}</title>",
        f'<text x="8" y="18" font-size="14" font-weight="bold">{_xml_text(title)}</text>',
        f'<text x="{_WIDTH - 8}" y="18" text-anchor="end" fill="{_MUTED_COLOUR}">'
        f"{_xml_text(labels.lower_is_better if lower_is_better else labels.higher_is_better)}"
        "</text>",
    ]

    # Horizontal grid with y-axis labels at 0, 25, 50, 75 and 100% of the scale.
    for quarter in range(5):
        value = max_value * quarter / 4
        y = _coord(y_of(value))
        parts.append(
            f'<line x1="{_coord(_PLOT_LEFT)}" y1="{y}" x2="{_coord(_PLOT_RIGHT)}" y2="{y}" '
            f'stroke="{_GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_coord(_PLOT_LEFT - 6)}" y="{y}" text-anchor="end" '
            f'dominant-baseline="middle" fill="{_MUTED_COLOUR}">{_format_number(value)}</text>'
        )
    parts.append(
        f'<line x1="{_coord(_PLOT_LEFT)}" y1="{_coord(_PLOT_TOP)}" x2="{_coord(_PLOT_LEFT)}" '
        f'y2="{_coord(_PLOT_BOTTOM)}" stroke="{_MUTED_COLOUR}" stroke-width="1"/>'
    )
    parts.append(
        f'<line x1="{_coord(_PLOT_LEFT)}" y1="{_coord(_PLOT_BOTTOM)}" '
        f'x2="{_coord(_PLOT_RIGHT)}" y2="{_coord(_PLOT_BOTTOM)}" '
        f'stroke="{_MUTED_COLOUR}" stroke-width="1"/>'
    )

    if not ordered:
        parts.append(
            f'<text x="{_coord((_PLOT_LEFT + _PLOT_RIGHT) / 2)}" '
            f'y="{_coord((_PLOT_TOP + _PLOT_BOTTOM) / 2)}" text-anchor="middle" '
            f'fill="{_MUTED_COLOUR}">{_xml_text(labels.no_data)}</text>'
        )
        parts.append("</svg>")
        return "\n".join(parts)

    first_day, last_day = ordered[0][0], ordered[-1][0]
    span_days = (last_day - first_day).days

    def x_of(day: date) -> float:
        if span_days == 0:
            return (_PLOT_LEFT + _PLOT_RIGHT) / 2
        return _PLOT_LEFT + (day - first_day).days / span_days * (_PLOT_RIGHT - _PLOT_LEFT)

    # Date labels for the first and last visit only: more would overlap on a 400px axis.
    label_days = [first_day] if span_days == 0 else [first_day, last_day]
    for index, day in enumerate(label_days):
        anchor = "middle" if span_days == 0 else ("start" if index == 0 else "end")
        parts.append(
            f'<text x="{_coord(x_of(day))}" y="{_coord(_PLOT_BOTTOM + 18)}" '
            f'text-anchor="{anchor}" fill="{_MUTED_COLOUR}">{_xml_text(day.isoformat())}</text>'
        )

    baseline_value = ordered[0][1]
    baseline_y = _coord(y_of(baseline_value))
    parts.append(
        f'<line x1="{_coord(_PLOT_LEFT)}" y1="{baseline_y}" x2="{_coord(_PLOT_RIGHT)}" '
        f'y2="{baseline_y}" stroke="{_MUTED_COLOUR}" stroke-width="1" '
        f'stroke-dasharray="4 3"/>'
    )
    parts.append(
        f'<text x="{_coord(_PLOT_RIGHT + 4)}" y="{baseline_y}" dominant-baseline="middle" '
        f'font-size="9" fill="{_MUTED_COLOUR}">{_xml_text(labels.baseline)}</text>'
    )

    if mcid is not None:
        target = baseline_value - mcid if lower_is_better else baseline_value + mcid
        # A target off the scale cannot be reached; drawing it clamped would mislead.
        if 0 <= target <= max_value:
            target_y = _coord(y_of(target))
            parts.append(
                f'<line x1="{_coord(_PLOT_LEFT)}" y1="{target_y}" x2="{_coord(_PLOT_RIGHT)}" '
                f'y2="{target_y}" stroke="{_MCID_COLOUR}" stroke-width="1" '
                f'stroke-dasharray="2 3"/>'
            )
            parts.append(
                f'<text x="{_coord(_PLOT_RIGHT - 4)}" y="{_coord(y_of(target) - 4)}" '
                f'text-anchor="end" font-size="9" fill="{_MCID_COLOUR}">'
                f"{_xml_text(labels.mcid)}</text>"
            )

    coordinates = [(x_of(day), y_of(value)) for day, value in ordered]
    if len(ordered) > 1:
        polyline = " ".join(f"{_coord(x)},{_coord(y)}" for x, y in coordinates)
        parts.append(
            f'<polyline points="{polyline}" fill="none" stroke="{_LINE_COLOUR}" '
            f'stroke-width="2" stroke-linejoin="round"/>'
        )

    for index, ((day, value), (x, y)) in enumerate(zip(ordered, coordinates, strict=True)):
        tooltip = f"<title>{_xml_text(day.isoformat())}: {_format_number(value)}</title>"
        if index == 0:
            circle = f'fill="#ffffff" stroke="{_LINE_COLOUR}" stroke-width="2" r="5"'
        else:
            circle = f'fill="{_LINE_COLOUR}" r="3.5"'
        parts.append(f'<circle cx="{_coord(x)}" cy="{_coord(y)}" {circle}>{tooltip}</circle>')

    # Print the baseline and latest values; every value is in the tooltips.
    value_label_indexes = [0] if len(ordered) == 1 else [0, len(ordered) - 1]
    for index in value_label_indexes:
        (x, y), value = coordinates[index], ordered[index][1]
        parts.append(
            f'<text x="{_coord(x)}" y="{_coord(y - 9)}" text-anchor="middle" '
            f'font-weight="bold" fill="{_LINE_COLOUR}">{_format_number(value)}</text>'
        )

    parts.append("</svg>")
    return "\n".join(parts)
