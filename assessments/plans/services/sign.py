"""Signing a plan (locked, its PDF archived with its SHA-256) and amending a signed one (a new
version; the old one is kept).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.documents.handout_plans import carry_photos, store_signed_handout
from assessments.documents.plans import store_signed_care_plan
from assessments.models import (
    PlanStatus,
    TreatmentPlan,
)
from assessments.plans.selectors import sign_blockers
from assessments.plans.services.common import _locked_draft, _reason, _save
from assessments.plans.snapshot import plan_snapshot
from clinic.audit import record_change
from clinic.models import AuditAction


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
    store_signed_handout(plan=current)  # the patient's handout, stored with it (issue 18)
    if current.previous_id is not None:
        previous = TreatmentPlan.objects.select_for_update().get(pk=current.previous_id)
        if previous.status == PlanStatus.SIGNED:
            previous.status = PlanStatus.SUPERSEDED
            previous._superseding = True
            previous.version += 1
            previous.save()
    record_change(
        current,
        AuditAction.PLAN_SIGNED,
        by=by,
        request=request,
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
            assessment=plan_snapshot(current).data,  # the amendment carries it unchanged
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
    carry_photos(copied=copied)  # the handout's photos follow their items (issue 18)
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
    record_change(
        amendment,
        AuditAction.PLAN_AMENDED,
        by=by,
        patient=current.patient,
        request=request,
        detail=f"v{current.number} -> v{amendment.number}: {amendment.amendment_reason}",
    )
    return amendment
