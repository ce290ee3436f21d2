"""Pure-Python clinical reasoning: facts in, assessment and draft plan out. No Django here."""

# The parts of an Assessment (Factor, PlanItem, ...) are in .assessment; callers read them
# off the result and need not import them from here.
from .assessment import Assessment
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
    "Facts",
    "Rule",
    "Text",
    "assess",
    "contraindicated_items",
    "facts_from_dict",
    "facts_to_dict",
    "gettext_noop",
]
