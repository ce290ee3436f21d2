"""Outcome measures: the instruments (one module per measure, found by a registry), their trends,
and the Django side (forms, selectors, services, views).

The package re-exports the instruments and trends so that ``from assessments import outcomes``
reads as before; it imports no Django.
"""

from assessments.outcomes.instruments import (
    INSTRUMENTS,
    Instrument,
    Item,
    ScoringError,
    get_instrument,
    gettext_noop,
)
from assessments.outcomes.instruments.lefs import LEFS, LefsScore, score_lefs
from assessments.outcomes.instruments.nprs import NPRS, score_nprs
from assessments.outcomes.instruments.odi import (
    ODI,
    ODI_BANDS,
    ODI_MAX_UNANSWERED_SECTIONS,
    OdiBand,
    OdiScore,
    odi_band,
    score_odi,
)
from assessments.outcomes.instruments.psfs import (
    PSFS,
    PSFS_MAX_ACTIVITIES,
    PsfsActivity,
    PsfsScore,
    score_psfs,
)
from assessments.outcomes.trends import Change, TrendLabels, compare_to_baseline, render_trend_svg

__all__ = [
    "INSTRUMENTS",
    "LEFS",
    "NPRS",
    "ODI",
    "ODI_BANDS",
    "ODI_MAX_UNANSWERED_SECTIONS",
    "PSFS",
    "PSFS_MAX_ACTIVITIES",
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
