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
    CLEARANCE_KINDS_OFFERED,
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

# TEMPORARY: the reasoning's issue-12 interface; import these from assessments.reasoning at merge.
from assessments.reasoning import CaseError, Text, assess, contraindicated_items
from assessments.reasoning.interventions import ITEMS_BY_KEY
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
    "plan_deferred_item_add",
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
    "plan_withheld_item_add",
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


def _facts(intake, exam):
    try:
        return facts_for(intake, exam)
    except CaseError as error:
        raise ValidationError(
            _("The intake or exam cannot be read by the reasoning: %(problem)s")
            % {"problem": error}
        ) from error


def _assessment_for(intake, exam, cleared=frozenset()):
    try:
        return assess(facts_for(intake, exam), cleared_red_flags=frozenset(cleared))
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


def _item_from(plan, position, item, origin=PlanOrigin.GENERATED):
    return _save(
        PlanItem(
            plan=plan,
            position=position,
            key=item["key"],
            component=item["component"],
            title=item["title"]["shown"],
            instructions=item["instructions"]["shown"],
            dosage=item["dosage"]["text"]["shown"],
            factor_keys=item.get("factor_keys", []),
            precaution_keys=item.get("precaution_keys", []),
            rule_ids=item.get("rule_ids", []),
            sources=item.get("sources", []),
            origin=origin,
        )
    )


def _add_proposal(plan, snapshot):
    """Add the snapshot's proposed items and goals that the plan does not hold yet, after the
    ones it has (the practitioner's own items and edits are kept). While a red flag is open the
    snapshot proposes none."""
    have_items = set(plan.items.exclude(key="").values_list("key", flat=True))
    last = plan.items.aggregate(last=Max("position"))["last"]
    position = 0 if last is None else last + 1
    for item in snapshot["plan"]["items"]:
        if item["key"] in have_items:
            continue
        _item_from(plan, position, item)
        position += 1
    have_goals = set(plan.goals.exclude(key="").values_list("key", flat=True))
    last = plan.goals.aggregate(last=Max("position"))["last"]
    position = 0 if last is None else last + 1
    for goal in snapshot["plan"]["goals"]:
        if goal["key"] in have_goals:
            continue
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
        position += 1


def _schedule_fields(snapshot):
    schedule = snapshot["plan"]["schedule"]
    review_days = snapshot["plan"]["review_after_days"]
    return {
        "visit_frequency": schedule["text"]["shown"] if schedule else "",
        "review_date": (
            timezone.localdate() + datetime.timedelta(days=review_days) if review_days else None
        ),
    }


@transaction.atomic
def plan_generate(*, patient, intake, exam=None, by, request=None):
    """A new draft plan (version 1 of its series) from the reasoning over intake and exam."""
    _check_sources(patient=patient, intake=intake, exam=exam)
    assessment = _assessment_for(intake, exam)
    language = patient.preferred_language or "en"
    snapshot = _snapshot(assessment, language)
    plan = _save(
        TreatmentPlan(
            patient=patient,
            intake=intake,
            exam=exam,
            number=1,
            assessment=snapshot,
            language=language,
            created_by=by,
            **_schedule_fields(snapshot),
        )
    )
    _add_proposal(plan, snapshot)
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


def cleared_flag_keys(plan):
    return frozenset(plan.red_flag_clearances.values_list("flag_key", flat=True))


def open_red_flags(plan):
    """The plan's red flags that no clearance answers yet."""
    cleared = cleared_flag_keys(plan)
    return [flag for flag in plan.assessment.get("red_flags", []) if flag["key"] not in cleared]


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
    if flag_key not in _red_flag_keys(current):
        raise ValidationError(_("This plan has no such red flag."))
    if kind not in CLEARANCE_KINDS_OFFERED:
        raise ValidationError(
            {"kind": _("Record the doctor's clearance, or an override with a reason.")}
        )
    RedFlagClearance.objects.filter(plan=current, flag_key=flag_key).delete()
    clearance = _save(
        RedFlagClearance(
            plan=current,
            flag_key=flag_key,
            kind=kind,
            doctor_name=(doctor_name or "").strip(),
            seen_on=seen_on,
            reason=(reason or "").strip(),
            cleared_by=by,
        )
    )
    _repropose(current)
    _touch(current)
    record_event(
        request=request,
        action=AuditAction.RED_FLAG_CLEARED,
        patient=current.patient,
        obj=current,
        user=by,
        detail=f"{flag_key}: {kind}: {clearance.doctor_name or clearance.reason}",
    )
    return clearance


def _repropose(plan):
    """Re-run the reasoning with the plan's cleared red flags and add what it now proposes."""
    snapshot = _snapshot(
        _assessment_for(plan.intake, plan.exam, cleared_flag_keys(plan)), plan.language
    )
    was_withheld = plan.assessment.get("treatment_withheld", True)
    plan.assessment = snapshot
    if not snapshot.get("treatment_withheld"):
        _add_proposal(plan, snapshot)
        if was_withheld:
            for name, value in _schedule_fields(snapshot).items():
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


def withheld_item_titles(plan):
    """The titles, in the plan's language, of the items (and alternatives) it withholds."""
    keys = set((plan.assessment or {}).get("deferred_items", []))
    for row in (plan.assessment or {}).get("withheld_items", []):
        keys.add(row["item"])
        if row.get("alternative"):
            keys.add(row["alternative"])
    titles = {}
    with translation.override(plan.language):
        for key in keys:
            template = ITEMS_BY_KEY.get(key)
            # The title's parameters come from the facts; the bare title names the item well.
            titles[key] = gettext(template.title) % _Blank() if template else key
    return titles


class _Blank(dict):
    """Fills any %(name)s of a title with nothing rather than failing."""

    def __missing__(self, key):
        return "…"


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
    last = current.items.aggregate(last=Max("position"))["last"]
    in_plan = current.items.filter(removed=False).exclude(key="").values_list("key", flat=True)
    texts = _catalogue_item_texts(item_key, facts, current.language, in_plan)
    item = _item_from(
        current,
        0 if last is None else last + 1,
        {**texts, "precaution_keys": precaution_keys},
        origin=PlanOrigin.PRACTITIONER,
    )
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
        record_event(
            request=request,
            action=AuditAction.PRECAUTION_OVERRIDDEN,
            patient=current.patient,
            obj=current,
            user=by,
            detail=f"{item_key}: {precaution_key}",
        )
    _touch(current)
    return item


# --- Signing and amending -----------------------------------------------------------------------


@transaction.atomic
def plan_deferred_item_add(*, plan, item_key, expected_version, by, request=None):
    """Add an item the reasoning left out only to keep the plan short (not contraindicated)."""
    current = _locked_draft(plan, expected_version)
    if item_key not in (current.assessment or {}).get("deferred_items", []):
        raise ValidationError(_("This item was not left out of the proposal."))
    if item_key not in ITEMS_BY_KEY:
        raise ValidationError(_("This item was not left out of the proposal."))
    if current.items.filter(key=item_key, removed=False).exists():
        raise ValidationError(_("This item is already in the plan."))
    facts = _facts(current.intake, current.exam)
    if item_key in contraindicated_items(facts):
        raise ValidationError(_("This item is contraindicated: add it with a reason instead."))
    last = current.items.aggregate(last=Max("position"))["last"]
    in_plan = current.items.filter(removed=False).exclude(key="").values_list("key", flat=True)
    texts = _catalogue_item_texts(item_key, facts, current.language, in_plan)
    item = _item_from(current, 0 if last is None else last + 1, texts, PlanOrigin.PRACTITIONER)
    _touch(current)
    _audit_edit(current, by=by, what=f"item {item_key} added (left out of the proposal)")
    return item


def _is_advice(precaution):
    # An older snapshot has no kind: its precautions are treated as contraindications.
    return precaution.get("kind") == "advice"


def sign_blockers(plan):
    """Why the plan cannot be signed yet: a list of sentences (empty when it can).

    An open red flag does not block signing: the plan is then signed as the referral alone, so
    it must hold no treatment item. Advice never blocks; an item kept against a contraindication
    needs the practitioner's reason.
    """
    blockers = []
    kept = list(plan.items.filter(removed=False))
    flags = open_red_flags(plan)
    if flags and kept:
        titles = ", ".join(_shown_text(flag["title"]) for flag in flags)
        blockers.append(
            gettext(
                "A red flag is open (%(flags)s): while it is, the plan is the medical referral "
                "alone. Record the doctor's clearance, or remove the treatment items."
            )
            % {"flags": titles}
        )
    overridden = set(plan.precaution_overrides.values_list("item_id", "precaution_key"))
    precautions = {p["key"]: p for p in plan.assessment.get("precautions", [])}
    for item in kept:
        for key in item.precaution_keys:
            precaution = precautions.get(key, {})
            if _is_advice(precaution) or (item.pk, key) in overridden:
                continue
            blockers.append(
                gettext(
                    "“%(item)s” is kept against a contraindication (%(precaution)s): give the "
                    "reason, or remove the item."
                )
                % {"item": item.title, "precaution": _shown_text(precaution.get("text")) or key}
            )
    return blockers


def _shown_text(text):
    return (text or {}).get("shown") or (text or {}).get("text", "")


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
    now = _snapshot(_assessment_for(intake, exam, cleared_flag_keys(plan)), plan.language)
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
