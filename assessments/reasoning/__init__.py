"""Pure-Python clinical reasoning: facts in, assessment and draft plan out. No Django here."""

from .engine import (
    Assessment,
    Factor,
    Goal,
    Plan,
    PlanItem,
    Precaution,
    RedFlag,
    Referral,
    Schedule,
    assess,
)
from .facts import CaseError, Facts, facts_from_dict, facts_to_dict
from .i18n import Text, gettext_noop
from .interventions import Dosage
from .rules import RULES, SEEDS, Rule

__all__ = [
    "RULES",
    "SEEDS",
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
    "assess",
    "facts_from_dict",
    "facts_to_dict",
    "gettext_noop",
]
