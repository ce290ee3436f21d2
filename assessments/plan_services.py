"""Writes to treatment plans. Views call these; nothing else saves a plan or its parts.

Each function takes keyword arguments only, runs in one transaction, and ``full_clean()``s every
record before saving it. Every edit of a draft goes against the plan's ``version`` (optimistic
locking, ``clinic.concurrency.lock_for_edit``), so two practitioners editing the same draft
cannot overwrite each other, and bumps it.

The generated texts are rendered with Django's gettext in the patient's preferred language:
the plan is written for the patient and printed for them. The plan records that language; the
untranslated English of every text stays in the assessment snapshot too.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.facts_builder import facts_for
from assessments.models import (
    ClearanceKind,
    ExamStatus,
    FactorDecision,
    PlanGoal,
    PlanItem,
    PlanLockedError,
    PlanOrigin,
    PlanStatus,
    PrecautionOverride,
    RedFlagClearance,
    TreatmentPlan,
)
from assessments.plan_documents import store_signed_care_plan
from assessments.reasoning import CaseError, assess
from clinic import concurrency
from clinic.audit import record_event
from clinic.models import AuditAction
from intake.models import IntakeStatus

__all__ = [
    "ConcurrentEditError",
    "PlanLockedError",
    "factor_dismiss",
    "factor_restore",
    "plan_amend",
    "plan_generate",
    "plan_goal_add",
    "plan_goal_remove",
    "plan_goal_update",
    "plan_item_add",
    "plan_item_move",
    "plan_item_remove",
    "plan_item_restore",
    "plan_item_update",
    "plan_regenerate_preview",
    "plan_sign",
    "plan_update_details",
    "precaution_override",
    "red_flag_clear",
    "sign_blockers",
]

MIN_REASON_LENGTH = 5
ITEM_FIELDS = ("component", "title", "instructions", "dosage")
DETAIL_FIELDS = ("impression", "visit_frequency", "review_date")


class ConcurrentEditError(concurrency.ConcurrentEditError):
    message = _(
        "Someone else changed this plan while you were editing it. Check the plan as it is now "
        "and make your change again."
    )


# --- Rendering the reasoning's texts ------------------------------------------------------------


def _render_text(data, translate):
    """Render a Text's to_dict() form ({msgid, params, text}) with ``translate``."""
    values = {name: _render_value(value, translate) for name, value in data["params"].items()}
    return translate(data["msgid"]) % values


def _render_value(value, translate):
    if isinstance(value, dict):
        return _render_text(value, translate)
    if isinstance(value, list):
        return ", ".join(_render_value(part, translate) for part in value)
    return value


def _with_shown(tree, translate):
    """A copy of an Assessment.to_dict() tree where every text also has ``shown``."""
    if isinstance(tree, dict):
        copy = {key: _with_shown(value, translate) for key, value in tree.items()}
        if "msgid" in tree and "params" in tree:
            copy["shown"] = _render_text(tree, translate)
        return copy
    if isinstance(tree, list):
        return [_with_shown(value, translate) for value in tree]
    return tree


def _snapshot(assessment, language):
    with translation.override(language):
        return _with_shown(assessment.to_dict(), gettext)


def _reason(reason, field="reason"):
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({field: _("Give a reason of at least a few words.")})
    return reason


def _assessment_for(intake, exam):
    try:
        return assess(facts_for(intake, exam))
    except CaseError as error:
        raise ValidationError(
            _("The intake or exam cannot be read by the reasoning: %(problem)s")
            % {"problem": error}
        ) from error


def _check_sources(*, patient, intake, exam):
    if intake.patient_id != patient.pk:
        raise ValidationError({"intake": _("This intake belongs to another patient.")})
    if intake.status != IntakeStatus.CONFIRMED:
        raise ValidationError({"intake": _("Confirm the intake before generating a plan.")})
    if exam is not None:
        if exam.patient_id != patient.pk:
            raise ValidationError({"exam": _("This exam belongs to another patient.")})
        if exam.status != ExamStatus.FINISHED:
            raise ValidationError({"exam": _("Finish the exam before generating a plan.")})


def _save(record):
    record.full_clean()
    record.save()
    return record


def _touch(plan):
    """Bump the plan's version after a change to it or its parts."""
    plan.version += 1
    _save(plan)
    return plan


def _audit_edit(plan, *, by, what):
    """One audit event for one edit of a draft (the request comes from the middleware)."""
    record_event(
        request=None,
        action=AuditAction.PLAN_EDITED,
        patient=plan.patient,
        obj=plan,
        user=by,
        detail=f"v{plan.number}: {what}",
    )


def _locked_draft(plan, expected_version):
    current = concurrency.lock_for_edit(
        TreatmentPlan, pk=plan.pk, expected_version=expected_version, error=ConcurrentEditError
    )
    if not current.is_draft:
        raise PlanLockedError
    return current


# --- Generating ---------------------------------------------------------------------------------


@transaction.atomic
def plan_generate(*, patient, intake, exam=None, by, request=None):
    """A new draft plan (version 1 of its series) from the reasoning over intake and exam."""
    _check_sources(patient=patient, intake=intake, exam=exam)
    assessment = _assessment_for(intake, exam)
    language = patient.preferred_language or "en"
    snapshot = _snapshot(assessment, language)
    schedule = snapshot["plan"]["schedule"]
    review_days = snapshot["plan"]["review_after_days"]
    plan = _save(
        TreatmentPlan(
            patient=patient,
            intake=intake,
            exam=exam,
            number=1,
            assessment=snapshot,
            language=language,
            visit_frequency=schedule["text"]["shown"] if schedule else "",
            review_date=(
                timezone.localdate() + datetime.timedelta(days=review_days) if review_days else None
            ),
            created_by=by,
        )
    )
    for position, item in enumerate(snapshot["plan"]["items"]):
        _save(
            PlanItem(
                plan=plan,
                position=position,
                key=item["key"],
                component=item["component"],
                title=item["title"]["shown"],
                instructions=item["instructions"]["shown"],
                dosage=item["dosage"]["text"]["shown"],
                factor_keys=item["factor_keys"],
                precaution_keys=item["precaution_keys"],
                rule_ids=item["rule_ids"],
                sources=item["sources"],
                origin=PlanOrigin.GENERATED,
            )
        )
    for position, goal in enumerate(snapshot["plan"]["goals"]):
        _save(
            PlanGoal(
                plan=plan,
                position=position,
                key=goal["key"],
                measure=goal["measure"],
                text=goal["text"]["shown"],
                baseline=goal["baseline"] or "",
                target=goal["target"] or "",
                rule_ids=goal["rule_ids"],
                sources=goal["sources"],
                origin=PlanOrigin.GENERATED,
            )
        )
    record_event(
        request=request,
        action=AuditAction.PLAN_GENERATED,
        patient=patient,
        obj=plan,
        user=by,
        detail=f"intake {intake.pk}" + (f", exam {exam.pk}" if exam is not None else ""),
    )
    return plan


# --- Editing a draft ----------------------------------------------------------------------------


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
def plan_item_restore(*, item, expected_version, by):
    current = _locked_draft(item.plan, expected_version)
    item = _item_of(current, item)
    item.removed = False
    item.removed_reason = ""
    _save(item)
    _touch(current)
    _audit_edit(current, by=by, what=f"item {item.pk} restored")
    return item


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


# --- The practitioner's decisions ---------------------------------------------------------------


def _factor_keys(plan):
    return [factor["key"] for factor in plan.assessment.get("factors", [])]


def _red_flag_keys(plan):
    return [flag["key"] for flag in plan.assessment.get("red_flags", [])]


@transaction.atomic
def factor_dismiss(*, plan, factor_key, reason, expected_version, by):
    current = _locked_draft(plan, expected_version)
    if factor_key not in _factor_keys(current):
        raise ValidationError(_("This plan has no such factor."))
    FactorDecision.objects.filter(plan=current, factor_key=factor_key).delete()
    decision = _save(
        FactorDecision(plan=current, factor_key=factor_key, reason=_reason(reason), decided_by=by)
    )
    _touch(current)
    _audit_edit(current, by=by, what=f"factor {factor_key} dismissed: {decision.reason}")
    return decision


@transaction.atomic
def factor_restore(*, plan, factor_key, expected_version, by):
    current = _locked_draft(plan, expected_version)
    for decision in FactorDecision.objects.filter(plan=current, factor_key=factor_key):
        decision.delete()
    _audit_edit(current, by=by, what=f"factor {factor_key} restored")
    return _touch(current)


@transaction.atomic
def precaution_override(*, item, precaution_key, reason, expected_version, by, request=None):
    """Keep an item against a precaution that concerns it, with the reason (audited)."""
    current = _locked_draft(item.plan, expected_version)
    item = _item_of(current, item)
    if precaution_key not in item.precaution_keys:
        raise ValidationError(_("This precaution does not concern this item."))
    PrecautionOverride.objects.filter(item=item, precaution_key=precaution_key).delete()
    override = _save(
        PrecautionOverride(
            plan=current,
            item=item,
            precaution_key=precaution_key,
            reason=_reason(reason),
            overridden_by=by,
        )
    )
    _touch(current)
    record_event(
        request=request,
        action=AuditAction.PRECAUTION_OVERRIDDEN,
        patient=current.patient,
        obj=current,
        user=by,
        detail=f"{item.key or item.title}: {precaution_key}",
    )
    return override


@transaction.atomic
def red_flag_clear(*, plan, flag_key, kind, reason, expected_version, by):
    """Record the medical referral made for an open red flag, or an override with its reason."""
    current = _locked_draft(plan, expected_version)
    if flag_key not in _red_flag_keys(current):
        raise ValidationError(_("This plan has no such red flag."))
    if kind not in ClearanceKind.values:
        raise ValidationError({"kind": _("Choose a referral or an override.")})
    RedFlagClearance.objects.filter(plan=current, flag_key=flag_key).delete()
    clearance = _save(
        RedFlagClearance(
            plan=current, flag_key=flag_key, kind=kind, reason=_reason(reason), cleared_by=by
        )
    )
    _touch(current)
    _audit_edit(current, by=by, what=f"red flag {flag_key} cleared ({kind}): {clearance.reason}")
    return clearance


# --- Signing and amending -----------------------------------------------------------------------


def sign_blockers(plan):
    """Why the plan cannot be signed yet: a list of sentences (empty when it can)."""
    blockers = []
    cleared = set(plan.red_flag_clearances.values_list("flag_key", flat=True))
    for flag in plan.assessment.get("red_flags", []):
        if flag["key"] not in cleared:
            blockers.append(
                gettext(
                    "Red flag open: %(flag)s. Record the medical referral or an override with "
                    "a reason."
                )
                % {"flag": flag["title"].get("shown", flag["title"]["text"])}
            )
    overridden = set(plan.precaution_overrides.values_list("item_id", "precaution_key"))
    precautions = {p["key"]: p for p in plan.assessment.get("precautions", [])}
    for item in plan.items.filter(removed=False):
        for key in item.precaution_keys:
            if (item.pk, key) not in overridden:
                text = precautions.get(key, {}).get("text", {})
                blockers.append(
                    gettext(
                        "“%(item)s” is kept against a precaution (%(precaution)s): give the "
                        "reason, or remove the item."
                    )
                    % {"item": item.title, "precaution": text.get("shown", key)}
                )
    return blockers


@transaction.atomic
def plan_sign(*, plan, expected_version, by, request=None):
    """Sign and lock the draft; an amendment's signature supersedes the version it amends."""
    current = _locked_draft(plan, expected_version)
    blockers = sign_blockers(current)
    if blockers:
        raise ValidationError(blockers)
    current.status = PlanStatus.SIGNED
    current.signed_at = timezone.now()
    current.signed_by = by
    current.version += 1
    _save(current)
    # The document is the record: made now, in this transaction, and never again.
    document = store_signed_care_plan(plan=current)
    if current.previous_id is not None:
        previous = TreatmentPlan.objects.select_for_update().get(pk=current.previous_id)
        if previous.status == PlanStatus.SIGNED:
            previous.status = PlanStatus.SUPERSEDED
            previous._superseding = True
            previous.version += 1
            previous.save()
    record_event(
        request=request,
        action=AuditAction.PLAN_SIGNED,
        patient=current.patient,
        obj=current,
        user=by,
        detail=f"v{current.number} sha256:{document.sha256[:12]}",
    )
    return current


@transaction.atomic
def plan_amend(*, plan, reason, by, request=None):
    """A new draft version of a signed plan, its items, goals and decisions copied."""
    current = TreatmentPlan.objects.select_for_update().get(pk=plan.pk)
    if current.status != PlanStatus.SIGNED:
        raise ValidationError(_("Only the signed, current version of a plan can be amended."))
    if TreatmentPlan.objects.filter(previous=current).exists():
        raise ValidationError(_("This version already has an amendment in progress."))
    amendment = _save(
        TreatmentPlan(
            patient=current.patient,
            intake=current.intake,
            exam=current.exam,
            number=current.number + 1,
            first_version_id=current.series_id,
            previous=current,
            amendment_reason=_reason(reason, "amendment_reason"),
            assessment=current.assessment,
            language=current.language,
            impression=current.impression,
            visit_frequency=current.visit_frequency,
            review_date=current.review_date,
            created_by=by,
        )
    )
    copied = {}
    for item in current.items.order_by("position", "pk"):
        old_pk = item.pk
        item.pk = item.id = None
        item.plan = amendment
        copied[old_pk] = _save(item)
    for goal in current.goals.order_by("position", "pk"):
        goal.pk = goal.id = None
        goal.plan = amendment
        _save(goal)
    for decision in current.factor_decisions.all():
        decision.pk = decision.id = None
        decision.plan = amendment
        _save(decision)
    for override in current.precaution_overrides.all():
        override.pk = override.id = None
        override.plan = amendment
        override.item = copied[override.item_id]
        _save(override)
    for clearance in current.red_flag_clearances.all():
        clearance.pk = clearance.id = None
        clearance.plan = amendment
        _save(clearance)
    record_event(
        request=request,
        action=AuditAction.PLAN_AMENDED,
        patient=current.patient,
        obj=amendment,
        user=by,
        detail=f"v{current.number} -> v{amendment.number}: {amendment.amendment_reason}",
    )
    return amendment


# --- Regenerating -------------------------------------------------------------------------------


def plan_regenerate_preview(*, plan, intake=None, exam=None):
    """What the reasoning would propose now, beside the plan as the practitioner left it.

    Reads only; never changes the plan. ``intake`` and ``exam`` default to the plan's own (whose
    answers may have been corrected since). Returns a dict of lists keyed by what changed.
    """
    intake = intake or plan.intake
    exam = exam if exam is not None else plan.exam
    now = _snapshot(_assessment_for(intake, exam), plan.language)
    then = plan.assessment

    def keyed(rows):
        return {row["key"]: row for row in rows}

    then_items, now_items = keyed(then["plan"]["items"]), keyed(now["plan"]["items"])
    then_factors, now_factors = keyed(then["factors"]), keyed(now["factors"])
    then_flags, now_flags = keyed(then["red_flags"]), keyed(now["red_flags"])
    plan_items = list(plan.items.order_by("position", "pk"))
    in_plan = {item.key for item in plan_items if item.key and not item.removed}
    return {
        "items_added": [now_items[key] for key in now_items if key not in then_items],
        "items_dropped": [then_items[key] for key in then_items if key not in now_items],
        "items_missing_from_plan": [
            now_items[key] for key in now_items if key in then_items and key not in in_plan
        ],
        "factors_added": [now_factors[key] for key in now_factors if key not in then_factors],
        "factors_dropped": [then_factors[key] for key in then_factors if key not in now_factors],
        "red_flags_added": [now_flags[key] for key in now_flags if key not in then_flags],
        "red_flags_dropped": [then_flags[key] for key in then_flags if key not in now_flags],
        "practitioner_items": [
            item for item in plan_items if item.origin == PlanOrigin.PRACTITIONER
        ],
        "changed": now["rule_ids"] != then["rule_ids"]
        or list(now_items) != list(then_items)
        or list(now_factors) != list(then_factors),
    }
