"""What a plan can contain: item templates, precautions and goals, each declared once.

Rules refer to these by key; the engine fills them in from the facts and merges what several
rules propose. Dosages and thresholds are starting points for the practitioner, who edits the
draft before signing it.

base.py: dosages and the item template; params.py: what the item sentences read from the facts;
items/: the templates, one module per plan component; precautions.py; goals.py.
"""

from __future__ import annotations

from ..vocabulary import COMPONENTS
from .base import FREQUENCY_NAMES, Dosage, ItemTemplate
from .goals import GOALS, GOALS_BY_KEY, GoalSpec
from .items import ITEM_TEMPLATES, ITEMS_BY_KEY
from .params import fluid_limit_reasons, posture_findings, stretchable_muscles
from .precautions import PRECAUTION_KINDS, PRECAUTIONS, PRECAUTIONS_BY_KEY, PrecautionSpec

__all__ = [
    "COMPONENTS",
    "FREQUENCY_NAMES",
    "GOALS",
    "GOALS_BY_KEY",
    "ITEMS_BY_KEY",
    "ITEM_TEMPLATES",
    "PRECAUTIONS",
    "PRECAUTIONS_BY_KEY",
    "PRECAUTION_KINDS",
    "Dosage",
    "GoalSpec",
    "ItemTemplate",
    "PrecautionSpec",
    "fluid_limit_reasons",
    "posture_findings",
    "stretchable_muscles",
]
