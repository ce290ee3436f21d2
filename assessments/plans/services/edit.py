"""Edits of a draft plan: its details, items and goals. Every edit goes against the plan's
``version`` (optimistic locking) and bumps it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
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
    _next_position,
    _reason,
    _save,
    _touch,
)

GOAL_FIELDS = ("text", "baseline", "target")

_NOUNS = {PlanItem: "item", PlanGoal: "goal"}
_ELSEWHERE = {
    PlanItem: _("This item belongs to another plan."),
    PlanGoal: _("This goal belongs to another plan."),
}


def _part_of(plan, part):
    """The item or goal, locked, once it is known to belong to the locked ``plan``."""
    if part.plan_id != plan.pk:
        raise ValidationError(_ELSEWHERE[type(part)])
    return type(part).objects.select_for_update().get(pk=part.pk)


def _assign(part, fields, data, default=None):
    for name in fields:
        if default is not None or name in data:
            setattr(part, name, data.get(name, default))


@transaction.atomic
def _add_part(plan, model, fields, data, expected_version, by):
    """A practitioner's new item or goal, last in its list."""
    current = _locked_draft(plan, expected_version)
    part = model(plan=current, position=_next_position(model.objects.filter(plan=current)))
    _assign(part, fields, data, default="")
    part.origin = PlanOrigin.PRACTITIONER
    _save(part)
    _touch(current)
    _audit_edit(current, by=by, what=f"{_NOUNS[model]} {part.pk} added")
    return part


@transaction.atomic
def _edit_part(part, *, change, expected_version, by):
    """Lock the draft and the part, apply ``change`` (which returns what the audit line says
    was done), save, bump the plan's version, record the event."""
    current = _locked_draft(part.plan, expected_version)
    part = _part_of(current, part)
    done = change(part)
    _save(part)
    _touch(current)
    _audit_edit(current, by=by, what=f"{_NOUNS[type(part)]} {part.pk} {done}")
    return part


def _update_part(part, fields, data, expected_version, by):
    def change(row):
        _assign(row, fields, data)
        return "changed"

    return _edit_part(part, change=change, expected_version=expected_version, by=by)


@transaction.atomic
def plan_update_details(*, plan, data, expected_version, by):
    """The practitioner's impression, the visit frequency and the review date."""
    current = _locked_draft(plan, expected_version)
    _assign(current, DETAIL_FIELDS, data)
    _audit_edit(current, by=by, what="details")
    return _touch(current)


def plan_item_add(*, plan, data, expected_version, by):
    return _add_part(plan, PlanItem, ITEM_FIELDS, data, expected_version, by)


def plan_item_update(*, item, data, expected_version, by):
    return _update_part(item, ITEM_FIELDS, data, expected_version, by)


def plan_item_remove(*, item, reason, expected_version, by):
    """Take an item out of the plan; it stays on record, struck through, with the reason."""

    def change(row):
        row.removed = True
        row.removed_reason = _reason(reason)
        return f"removed: {row.removed_reason}"

    return _edit_part(item, change=change, expected_version=expected_version, by=by)


def plan_goal_add(*, plan, data, expected_version, by):
    return _add_part(plan, PlanGoal, GOAL_FIELDS, data, expected_version, by)


def plan_goal_update(*, goal, data, expected_version, by):
    return _update_part(goal, GOAL_FIELDS, data, expected_version, by)


@transaction.atomic
def plan_goal_remove(*, goal, expected_version, by):
    """Delete a goal from the draft (its history record keeps what it said)."""
    current = _locked_draft(goal.plan, expected_version)
    _part_of(current, goal).delete()
    _audit_edit(current, by=by, what=f"goal {goal.pk} removed")
    return _touch(current)


@transaction.atomic
def plan_item_move(*, item, direction, expected_version, by):
    """Swap the item with its neighbour above ("up") or below ("down") among the kept items."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an item up or down."))
    current = _locked_draft(item.plan, expected_version)
    item = _part_of(current, item)
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
