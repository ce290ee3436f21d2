"""The Numeric Pain Rating Scale, 0-10 (Farrar et al. 2001, Pain 94(2):149-58)."""

from __future__ import annotations

from collections.abc import Mapping

from assessments.outcomes.instruments.base import Instrument, Item, ScoringError, gettext_noop

NPRS = Instrument(
    code="NPRS",
    name=gettext_noop("Numeric Pain Rating Scale"),
    instructions=gettext_noop(
        "Please rate your pain right now on a scale from 0 (no pain) to 10 (worst possible pain)."
    ),
    item_max=10,
    score_max=10.0,
    lower_is_better=True,
    # Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in
    # chronic pain intensity measured on an 11-point numerical pain rating scale. Pain
    # 2001;94(2):149-58: "a reduction of approximately two points or a reduction of
    # approximately 30% ... represented a clinically important difference". Ostelo et al. 2008
    # (Spine 33(1):90-4) reached the same consensus value of 2 for the 0-10 NRS in back pain.
    mcid=2.0,
    mcid_citation="Farrar et al. 2001, Pain 94(2):149-58; Ostelo et al. 2008, Spine 33(1):90-4",
    citation="Farrar JT et al. Pain 2001;94(2):149-58",
    items=(
        Item(
            "pain_now",
            gettext_noop("Pain now"),
            form_label=gettext_noop("Pain now, from 0 (no pain) to 10 (worst possible pain)"),
        ),
    ),
    response_labels=(
        (0, gettext_noop("No pain")),
        (10, gettext_noop("Worst possible pain")),
    ),
    form="number",
    self_report_order=1,
    score_suffix="/10",
    order=3,
)


def score_nprs(pain_now: int | None) -> int:
    """Validate a 0-10 pain rating; the rating is the score."""
    if pain_now is None:
        raise ScoringError("pain_now", gettext_noop("Enter the pain rating from 0 to 10."))
    return NPRS.checked_answer(pain_now, "pain_now")


INSTRUMENT = NPRS


def score(answers: Mapping[str, int | None]) -> float:
    return float(score_nprs(answers.get("pain_now")))
