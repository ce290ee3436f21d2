"""The Lower Extremity Functional Scale (Binkley et al. 1999, Phys Ther 79(4):371-83)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessments.outcomes.instruments.base import Instrument, Item, ScoringError, gettext_noop

LEFS = Instrument(
    code="LEFS",
    name=gettext_noop("Lower Extremity Functional Scale"),
    instructions=gettext_noop(
        "We are interested in knowing whether you are having any difficulty at all with the "
        "activities listed below because of your lower limb problem for which you are "
        "currently seeking attention. Please provide an answer for each activity. Today, do "
        "you or would you have any difficulty at all with:"
    ),
    item_max=4,
    score_max=80.0,
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
    self_report_order=3,
    score_suffix=" / 80",
    order=2,
)


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
    LEFS.refuse_unknown_keys(answers)
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
        total += LEFS.checked_answer(value, item.key)
    return LefsScore(value=total, percent_of_maximum=total / LEFS.score_max * 100.0)


INSTRUMENT = LEFS


def score(answers: Mapping[str, int | None]) -> float:
    return float(score_lefs(answers).value)
