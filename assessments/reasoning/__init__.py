"""Pure-Python clinical reasoning: facts in, assessment and draft plan out. No Django here."""

from .assessment import (
    Assessment,
    Factor,
    Goal,
    Plan,
    PlanItem,
    Precaution,
    RedFlag,
    Referral,
    Schedule,
    WithheldItem,
)
from .engine import assess, contraindicated_items
from .facts import CaseError, Facts, facts_from_dict, facts_to_dict
from .i18n import Text, gettext_noop
from .interventions import Dosage
from .rules import RULES, SEED_TITLES, SEEDS, Rule

__all__ = [
    "RULES",
    "SEEDS",
    "SEED_TITLES",
    "Assessment",
    "CaseError",
    "Dosage",
    "Factor",
    "Facts",
    "Goal",
    "Plan",
    "PlanItem",
    "Precaution",
    "RedFlag",
    "Referral",
    "Rule",
    "Schedule",
    "Text",
    "WithheldItem",
    "assess",
    "contraindicated_items",
    "facts_from_dict",
    "facts_to_dict",
    "gettext_noop",
]
