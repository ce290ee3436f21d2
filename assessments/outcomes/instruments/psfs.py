"""The Patient-Specific Functional Scale (Stratford et al. 1995, Physiother Can 47:258-63)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assessments.outcomes.instruments.base import Instrument, Item, ScoringError, gettext_noop

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
    item_max=10,
    score_max=10.0,
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
    form="activities",
    # The practitioner-led PSFS stays with the practitioner.
    self_reported=False,
    score_suffix="/10",
    order=4,
)


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
        score = PSFS.checked_answer(raw_score, f"activity_{position}_score")
        rated.append(PsfsActivity(name=name, score=score))

    if not PSFS.min_items <= len(rated) <= PSFS.max_items:
        raise ScoringError(
            "activities",
            gettext_noop("Rate between %(low)d and %(high)d activities; %(count)d were rated."),
            {"low": PSFS.min_items, "high": PSFS.max_items, "count": len(rated)},
        )
    mean = sum(activity.score for activity in rated) / len(rated)
    return PsfsScore(value=mean, activities=tuple(rated))


INSTRUMENT = PSFS


def score(answers: Mapping[str, Any]) -> float:
    rows = [(row.get("name"), row.get("score")) for row in answers["activities"]]
    return score_psfs(rows).value


def kept_answers(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Blank rows are not part of the answer; keep the activities that were rated."""
    return {
        "activities": [
            row
            for row in answers["activities"]
            if (row.get("name") or "").strip() or row.get("score") is not None
        ]
    }
