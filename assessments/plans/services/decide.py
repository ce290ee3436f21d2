"""The practitioner's decisions on a draft: dismiss a factor, override a precaution, clear a red
flag, add back a withheld or deferred item.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    CLEARANCE_KINDS_OFFERED,
    FactorDecision,
    PlanOrigin,
    PrecautionOverride,
    RedFlagClearance,
)
from assessments.plans.selectors import cleared_flag_keys
from assessments.plans.services.common import (
    _assessment_for,
    _audit_edit,
    _facts,
    _item_from,
    _locked_draft,
    _next_position,
    _reason,
    _save,
    _snapshot,
    _touch,
    _with_shown,
)
from assessments.plans.services.edit import _part_of
from assessments.plans.services.generate import _add_proposal, _schedule_fields
from assessments.plans.snapshot import plan_snapshot
from assessments.reasoning import Text, contraindicated_items
from assessments.reasoning.interventions import ITEMS_BY_KEY
from clinic.audit import record_change
from clinic.models import AuditAction


def _decide_again(model, decided, **decision):
    """Record a decision on what ``decided`` names; a new one replaces the one before."""
    model.objects.filter(**decided).delete()
    return _save(model(**decided, **decision))


@transaction.atomic
def factor_dismiss(*, plan, factor_key, reason, expected_version, by):
    current = _locked_draft(plan, expected_version)
    if factor_key not in plan_snapshot(current).factor_keys():
        raise ValidationError(_("This plan has no such factor."))
    decision = _decide_again(
        FactorDecision,
        {"plan": current, "factor_key": factor_key},
        reason=_reason(reason),
        decided_by=by,
    )
    _touch(current)
    _audit_edit(current, by=by, what=f"factor {factor_key} dismissed: {decision.reason}")
    return decision


@transaction.atomic
def precaution_override(*, item, precaution_key, reason, expected_version, by, request=None):
    """Keep an item against a precaution that concerns it, with the reason (audited)."""
    current = _locked_draft(item.plan, expected_version)
    item = _part_of(current, item)
    if precaution_key not in item.precaution_keys:
        raise ValidationError(_("This precaution does not concern this item."))
    override = _decide_again(
        PrecautionOverride,
        {"item": item, "precaution_key": precaution_key},
        plan=current,
        reason=_reason(reason),
        overridden_by=by,
    )
    _touch(current)
    record_change(
        current,
        AuditAction.PRECAUTION_OVERRIDDEN,
        by=by,
        request=request,
        detail=f"{item.key or item.title}: {precaution_key}",
    )
    return override


@transaction.atomic
def red_flag_clear(
    *,
    plan,
    flag_key,
    kind,
    expected_version,
    by,
    doctor_name="",
    seen_on=None,
    reason="",
    request=None,
):
    """Clear an open red flag: a doctor saw the patient and cleared treatment (who, when), or
    the practitioner overrides it with a reason. Once no flag is open, the draft receives the
    reasoning's treatment proposal (a draft only: a signed plan never changes)."""
    current = _locked_draft(plan, expected_version)
    if flag_key not in plan_snapshot(current).red_flag_keys():
        raise ValidationError(_("This plan has no such red flag."))
    if kind not in CLEARANCE_KINDS_OFFERED:
        raise ValidationError(
            {"kind": _("Record the doctor's clearance, or an override with a reason.")}
        )
    clearance = _decide_again(
        RedFlagClearance,
        {"plan": current, "flag_key": flag_key},
        kind=kind,
        doctor_name=(doctor_name or "").strip(),
        seen_on=seen_on,
        reason=(reason or "").strip(),
        cleared_by=by,
    )
    _repropose(current)
    _touch(current)
    record_change(
        current,
        AuditAction.RED_FLAG_CLEARED,
        by=by,
        request=request,
        detail=f"{flag_key}: {kind}: {clearance.doctor_name or clearance.reason}",
    )
    return clearance


def _repropose(plan):
    """Re-run the reasoning with the plan's cleared red flags and add what it now proposes."""
    fresh = _snapshot(
        _assessment_for(plan.intake, plan.exam, cleared_flag_keys(plan)), plan.language
    )
    was_withheld = plan_snapshot(plan).treatment_withheld
    plan.assessment = fresh
    if not fresh.get("treatment_withheld"):
        _add_proposal(plan, fresh)
        if was_withheld:
            for name, value in _schedule_fields(fresh).items():
                if not getattr(plan, name):
                    setattr(plan, name, value)


def _catalogue_item_texts(item_key, facts, language, in_plan=()):
    """The title, instructions and dosage of a catalogue item the reasoning left out (withheld
    or deferred), as it would have proposed it, rendered in the plan's language."""
    template = ITEMS_BY_KEY[item_key]
    params = dict(template.params(facts))
    # Some sentences depend on what else the plan holds (a stretch merged into another).
    in_plan_params = getattr(template, "params_in_plan", None)
    if in_plan_params is not None:
        params.update(in_plan_params(facts, frozenset(in_plan)))
    item = {
        "key": item_key,
        "component": template.component,
        "title": Text(template.title, params).to_dict(),
        "instructions": Text(template.instructions, params).to_dict(),
        "dosage": {"text": template.dosage.text.to_dict()},
    }
    with translation.override(language):
        return _with_shown(item, gettext)


def _add_catalogue_item(plan, item_key, facts, **extra):
    """The practitioner's own copy of a catalogue item the reasoning left out, last in the plan."""
    in_plan = plan.items.filter(removed=False).exclude(key="").values_list("key", flat=True)
    texts = _catalogue_item_texts(item_key, facts, plan.language, in_plan)
    return _item_from(
        plan, _next_position(plan.items), {**texts, **extra}, origin=PlanOrigin.PRACTITIONER
    )


@transaction.atomic
def plan_withheld_item_add(*, plan, item_key, reason, expected_version, by, request=None):
    """Add by hand an item the reasoning withheld for a contraindication, with the reason."""
    current = _locked_draft(plan, expected_version)
    reason = _reason(reason)
    facts = _facts(current.intake, current.exam)
    precaution_keys = list(contraindicated_items(facts).get(item_key, []))
    if not precaution_keys or item_key not in ITEMS_BY_KEY:
        raise ValidationError(_("This item is not withheld by a contraindication."))
    if current.items.filter(key=item_key, removed=False).exists():
        raise ValidationError(_("This item is already in the plan."))
    item = _add_catalogue_item(current, item_key, facts, precaution_keys=precaution_keys)
    for precaution_key in precaution_keys:
        _save(
            PrecautionOverride(
                plan=current,
                item=item,
                precaution_key=precaution_key,
                reason=reason,
                overridden_by=by,
            )
        )
        record_change(
            current,
            AuditAction.PRECAUTION_OVERRIDDEN,
            by=by,
            request=request,
            detail=f"{item_key}: {precaution_key}",
        )
    _touch(current)
    return item


@transaction.atomic
def plan_deferred_item_add(*, plan, item_key, expected_version, by, request=None):
    """Add an item the reasoning left out only to keep the plan short (not contraindicated)."""
    current = _locked_draft(plan, expected_version)
    if item_key not in plan_snapshot(current).deferred_items:
        raise ValidationError(_("This item was not left out of the proposal."))
    if item_key not in ITEMS_BY_KEY:
        raise ValidationError(_("This item was not left out of the proposal."))
    if current.items.filter(key=item_key, removed=False).exists():
        raise ValidationError(_("This item is already in the plan."))
    facts = _facts(current.intake, current.exam)
    if item_key in contraindicated_items(facts):
        raise ValidationError(_("This item is contraindicated: add it with a reason instead."))
    item = _add_catalogue_item(current, item_key, facts)
    _touch(current)
    _audit_edit(current, by=by, what=f"deferred item {item_key} added")
    return item
