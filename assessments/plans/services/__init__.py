"""Writes to treatment plans. Views call these; nothing else saves a plan or its parts.

One module per step of a plan's life: generate (draft from the reasoning), edit (details, items,
goals), decide (factors, precautions, red flags, withheld and deferred items) and sign (sign,
amend). Each function takes keyword arguments only, runs in one transaction, and ``full_clean()``s
every record before saving it; every edit goes against the plan's ``version``.
"""

from assessments.plans.services.common import (
    DETAIL_FIELDS,
    ITEM_FIELDS,
    MIN_REASON_LENGTH,
    ConcurrentEditError,
)
from assessments.plans.services.decide import (
    factor_dismiss,
    plan_deferred_item_add,
    plan_withheld_item_add,
    precaution_override,
    red_flag_clear,
)
from assessments.plans.services.edit import (
    GOAL_FIELDS,
    plan_goal_add,
    plan_goal_remove,
    plan_goal_update,
    plan_item_add,
    plan_item_move,
    plan_item_remove,
    plan_item_update,
    plan_update_details,
)
from assessments.plans.services.generate import plan_generate, plan_regenerate_preview
from assessments.plans.services.sign import plan_amend, plan_sign

__all__ = [
    "DETAIL_FIELDS",
    "GOAL_FIELDS",
    "ITEM_FIELDS",
    "MIN_REASON_LENGTH",
    "ConcurrentEditError",
    "factor_dismiss",
    "plan_amend",
    "plan_deferred_item_add",
    "plan_generate",
    "plan_goal_add",
    "plan_goal_remove",
    "plan_goal_update",
    "plan_item_add",
    "plan_item_move",
    "plan_item_remove",
    "plan_item_update",
    "plan_regenerate_preview",
    "plan_sign",
    "plan_update_details",
    "plan_withheld_item_add",
    "precaution_override",
    "red_flag_clear",
]
