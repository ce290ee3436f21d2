"""Edits of a draft plan: its details, items and goals. Every edit goes against the plan's
``version`` (optimistic locking) and bumps it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    PlanGoal,
    PlanItem,
    PlanOrigin,
)
from assessments.plans.services.common import (
    DETAIL_FIELDS,
    ITEM_FIELDS,
    _audit_edit,
    _locked_draft,
    _reason,
    _save,
    _touch,
)


def _item_of(plan, item):
    if item.plan_id != plan.pk:
        raise ValidationError(_("This item belongs to another plan."))
    return PlanItem.objects.select_for_update().get(pk=item.pk)


@transaction.atomic
def plan_update_details(*, plan, data, expected_version, by):
    """The practitioner's impression, the visit frequency and the review date."""
    current = _locked_draft(plan, expected_version)
    for name in DETAIL_FIELDS:
        if name in data:
            setattr(current, name, data[name])
    _audit_edit(current, by=by, what="details")
    return _touch(current)


@transaction.atomic
def plan_item_add(*, plan, data, expected_version, by):
    current = _locked_draft(plan, expected_version)
    last = current.items.aggregate(last=Max("position"))["last"]
    item = PlanItem(plan=current, position=0 if last is None else last + 1)
    for name in ITEM_FIELDS:
        setattr(item, name, data.get(name, ""))
    item.origin = PlanOrigin.PRACTITIONER
    _save(item)
    _touch(current)
    _audit_edit(current, by=by, what=f"item {item.pk} added")
    return item


@transaction.atomic
def plan_item_update(*, item, data, expected_version, by):
    current = _locked_draft(item.plan, expected_version)
    item = _item_of(current, item)
    for name in ITEM_FIELDS:
        if name in data:
            setattr(item, name, data[name])
    _save(item)
    _touch(current)
    _audit_edit(current, by=by, what=f"item {item.pk} changed")
    return item


@transaction.atomic
def plan_item_remove(*, item, reason, expected_version, by):
    """Take an item out of the plan; it stays on record, struck through, with the reason."""
    current = _locked_draft(item.plan, expected_version)
    item = _item_of(current, item)
    item.removed = True
    item.removed_reason = _reason(reason)
    _save(item)
    _touch(current)
    _audit_edit(current, by=by, what=f"item {item.pk} removed: {item.removed_reason}")
    return item


GOAL_FIELDS = ("text", "baseline", "target")


def _goal_of(plan, goal):
    if goal.plan_id != plan.pk:
        raise ValidationError(_("This goal belongs to another plan."))
    return PlanGoal.objects.select_for_update().get(pk=goal.pk)


@transaction.atomic
def plan_goal_add(*, plan, data, expected_version, by):
    current = _locked_draft(plan, expected_version)
    last = current.goals.aggregate(last=Max("position"))["last"]
    goal = PlanGoal(plan=current, position=0 if last is None else last + 1)
    for name in GOAL_FIELDS:
        setattr(goal, name, data.get(name, ""))
    goal.origin = PlanOrigin.PRACTITIONER
    _save(goal)
    _touch(current)
    _audit_edit(current, by=by, what=f"goal {goal.pk} added")
    return goal


@transaction.atomic
def plan_goal_update(*, goal, data, expected_version, by):
    current = _locked_draft(goal.plan, expected_version)
    goal = _goal_of(current, goal)
    for name in GOAL_FIELDS:
        if name in data:
            setattr(goal, name, data[name])
    _save(goal)
    _touch(current)
    _audit_edit(current, by=by, what=f"goal {goal.pk} changed")
    return goal


@transaction.atomic
def plan_goal_remove(*, goal, expected_version, by):
    """Delete a goal from the draft (its history record keeps what it said)."""
    current = _locked_draft(goal.plan, expected_version)
    _goal_of(current, goal).delete()
    _audit_edit(current, by=by, what=f"goal {goal.pk} removed")
    return _touch(current)


@transaction.atomic
def plan_item_move(*, item, direction, expected_version, by):
    """Swap the item with its neighbour above ("up") or below ("down") among the kept items."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an item up or down."))
    current = _locked_draft(item.plan, expected_version)
    item = _item_of(current, item)
    kept = list(current.items.filter(removed=False).order_by("position", "pk"))
    # Renumber first so that equal positions cannot make a swap a no-op.
    index = next(i for i, row in enumerate(kept) if row.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(kept):
        kept[index], kept[other] = kept[other], kept[index]
        removed = list(current.items.filter(removed=True).order_by("position", "pk"))
        for position, row in enumerate([*kept, *removed]):
            if row.position != position:
                row.position = position
                _save(row)
        _touch(current)
        _audit_edit(current, by=by, what=f"item {item.pk} moved {direction}")
    return current
