"""Goals a plan sets, with the baseline and target read from the facts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..facts import Facts
from ..i18n import gettext_noop


@dataclass(frozen=True)
class GoalSpec:
    key: str
    measure: str
    text: str
    # (baseline, target) from the facts; None when nothing is recorded.
    values: Callable[[Facts], tuple[str | None, str | None]]
    # Used instead of `text` when no baseline is recorded.
    text_without_baseline: str | None = None


def _cramp_values(facts: Facts) -> tuple[str | None, str | None]:
    per_week = facts.cramps.cramps_per_week
    return str(per_week), str(per_week // 2)


def _pain_values(facts: Facts) -> tuple[str | None, str | None]:
    # A fall of 2 points on the 0-10 scale is the usual smallest change a patient notices.
    pain = facts.baseline_scores.pain_nprs
    if pain is None and facts.exam is not None:
        pain = facts.exam.pain_now
    if pain is None:
        return None, None
    return str(pain), str(max(pain - 2, 0))


def _oswestry_values(facts: Facts) -> tuple[str | None, str | None]:
    score = facts.baseline_scores.oswestry_percent
    if score is None:
        return None, None
    return f"{score:g}", f"{max(score - 10, 0):g}"


def _no_values(facts: Facts) -> tuple[str | None, str | None]:
    return None, None


GOALS = (
    GoalSpec(
        "cramps_per_week",
        "cramps_per_week",
        gettext_noop(
            "Cramps per week: from %(baseline)s down to %(target)s by the review (at least halved)."
        ),
        _cramp_values,
    ),
    GoalSpec(
        "pain",
        "pain_0_10",
        gettext_noop("Pain (0-10): from %(baseline)s down to %(target)s by the review."),
        _pain_values,
    ),
    GoalSpec(
        "oswestry",
        "oswestry",
        gettext_noop(
            "Oswestry Disability Index: from %(baseline)s%% down to %(target)s%% by the review."
        ),
        _oswestry_values,
        gettext_noop(
            "Oswestry Disability Index: at least 10 points lower at the review than its first "
            "score."
        ),
    ),
    GoalSpec(
        "pregnancy_after_birth",
        "cramps_after_birth",
        gettext_noop(
            "Pregnancy cramps should pass after the birth: recheck after the birth and look for "
            "another cause if they continue."
        ),
        _no_values,
    ),
)

GOALS_BY_KEY = {spec.key: spec for spec in GOALS}
