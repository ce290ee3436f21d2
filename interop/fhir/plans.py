"""Care plans (every version, linked by ``replaces``), their goals, referrals as
ServiceRequests, signatures as Provenance, and each signed plan's stored PDF as a
DocumentReference with its SHA-256."""

import base64
import hashlib

from django.utils.translation import gettext

from assessments.models import PlanComponent, PlanDocument, PlanStatus
from assessments.plans.selectors import open_red_flags
from interop.fhir.codes import (
    AUTHOR_SIGNATURE,
    PROVENANCE_PARTICIPANT,
    SIGNATURE_TYPE,
    VERIFICATION_SIGNATURE,
    base_url,
    coding,
    concept,
    fhir_id,
    instant,
    product_system,
    ref,
)
from interop.fhir.people import practitioner_ref

REFERRALS = (PlanComponent.MEDICAL_REFERRAL, PlanComponent.NUTRITION_REFERRAL)
# A superseded version is replaced by its amendment: "revoked" is R4's status for a plan that
# no longer applies (the new version names it in ``replaces``).
_CAREPLAN_STATUS = {
    PlanStatus.DRAFT: "draft",
    PlanStatus.SIGNED: "active",
    PlanStatus.SUPERSEDED: "revoked",
}
# The most pressing open red flag sets a medical referral's priority.
_PRIORITY = {"emergency": "stat", "urgent": "urgent", "soon": "asap"}
_URGENCY_ORDER = ("emergency", "urgent", "soon")
SHA256_EXTENSION = "StructureDefinition/sha256"


def careplan_id(plan):
    return fhir_id("plan", plan.pk)


def _referral_priority(plan):
    urgencies = {flag.get("urgency", "soon") for flag in open_red_flags(plan)}
    for urgency in _URGENCY_ORDER:
        if urgency in urgencies:
            return _PRIORITY[urgency]
    return "routine"


def _component(item):
    return concept(product_system("plan-component"), item.component, item.get_component_display())


def _service_request(plan, item):
    resource = {
        "resourceType": "ServiceRequest",
        "id": fhir_id("referral", item.pk),
        "status": _CAREPLAN_STATUS[plan.status],
        "intent": "plan",
        "category": [_component(item)],
        "code": {"text": item.title},
        "priority": "routine",
        "subject": ref("Patient", plan.patient_id),
        "basedOn": [ref("CarePlan", careplan_id(plan))],
        "note": [{"text": item.instructions}],
    }
    if item.component == PlanComponent.MEDICAL_REFERRAL:
        resource["priority"] = _referral_priority(plan)
    if plan.signed_by is not None:
        resource["requester"] = practitioner_ref(plan.signed_by)
        resource["authoredOn"] = instant(plan.signed_at)
    return resource


def _goal(plan, goal):
    resource = {
        "resourceType": "Goal",
        "id": fhir_id("goal", goal.pk),
        "lifecycleStatus": "active" if plan.status == PlanStatus.SIGNED else "proposed",
        "description": {"text": goal.text},
        "subject": ref("Patient", plan.patient_id),
    }
    if goal.target:
        resource["target"] = [{"detailString": goal.target}]
        if goal.measure:
            resource["target"][0]["measure"] = {"text": goal.measure}
        if plan.review_date:
            resource["target"][0]["dueDate"] = plan.review_date.isoformat()
    if goal.baseline:
        resource["note"] = [{"text": gettext("Baseline: %(value)s") % {"value": goal.baseline}}]
    return resource


def plan_resources(plan):
    """The CarePlan of one version, with its goals and referrals."""
    items = [item for item in plan.items.all() if not item.removed]
    goals = list(plan.goals.all())
    referrals = [_service_request(plan, item) for item in items if item.component in REFERRALS]
    goal_resources = [_goal(plan, goal) for goal in goals]
    activities = []
    referral_ids = iter(resource["id"] for resource in referrals)
    for item in items:
        if item.component in REFERRALS:
            activities.append({"reference": ref("ServiceRequest", next(referral_ids), item.title)})
            continue
        detail = {
            "kind": "ServiceRequest",
            "code": _component(item),
            "status": "not-started" if plan.status != PlanStatus.SUPERSEDED else "stopped",
            "description": item.title,
        }
        # The schedule: the item's own dosage, else the plan's visit frequency.
        schedule = item.dosage or plan.visit_frequency
        if schedule:
            detail["scheduledString"] = schedule
        activities.append({"detail": detail, "progress": [{"text": item.instructions}]})
    careplan = {
        "resourceType": "CarePlan",
        "id": careplan_id(plan),
        "identifier": [
            {
                "system": f"{base_url()}/sid/care-plan-version",
                "value": f"{plan.series_id}.{plan.number}",
            }
        ],
        "status": _CAREPLAN_STATUS[plan.status],
        "intent": "plan",
        "title": gettext("Care plan, version %(number)s") % {"number": plan.number},
        "subject": ref("Patient", plan.patient_id),
        "created": instant(plan.created_at),
        "author": practitioner_ref(plan.signed_by or plan.created_by),
        "supportingInfo": [ref("QuestionnaireResponse", fhir_id("intake", plan.intake_id))],
    }
    if plan.impression:
        careplan["description"] = plan.impression
    if plan.visit_frequency:
        careplan["note"] = [
            {"text": gettext("Visits: %(frequency)s") % {"frequency": plan.visit_frequency}}
        ]
    if plan.review_date:
        careplan["period"] = {"end": plan.review_date.isoformat()}
    if plan.previous_id:
        careplan["replaces"] = [ref("CarePlan", careplan_id(plan.previous))]
        careplan["description"] = "\n".join(
            part
            for part in (
                careplan.get("description", ""),
                gettext("Amended: %(reason)s") % {"reason": plan.amendment_reason},
            )
            if part
        )
    if goal_resources:
        careplan["goal"] = [ref("Goal", goal["id"]) for goal in goal_resources]
    if activities:
        careplan["activity"] = activities
    return [careplan, *goal_resources, *referrals]


def plan_document(plan, *, document_url):
    """The signed plan's stored PDF, or None for a draft (nothing is stored before signing)."""
    try:
        document = plan.signed_document
    except PlanDocument.DoesNotExist:
        return None
    pdf = bytes(document.pdf)
    resource = {
        "resourceType": "DocumentReference",
        "id": fhir_id("plan-document", document.pk),
        "status": "superseded" if plan.status == PlanStatus.SUPERSEDED else "current",
        "docStatus": "final",
        "type": {"text": gettext("Care plan")},
        "subject": ref("Patient", plan.patient_id),
        "date": instant(document.created_at),
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "url": document_url,
                    "size": len(pdf),
                    # FHIR's attachment hash is SHA-1 (base64); the SHA-256 kept at signing,
                    # which the product checks before serving the file, travels beside it.
                    "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode(),  # noqa: S324
                    "title": gettext("Care plan, version %(number)s") % {"number": plan.number},
                    "extension": [
                        {"url": f"{base_url()}/{SHA256_EXTENSION}", "valueString": document.sha256}
                    ],
                }
            }
        ],
        "context": {"related": [ref("CarePlan", careplan_id(plan))]},
    }
    if plan.signed_by is not None:
        resource["author"] = [practitioner_ref(plan.signed_by)]
    if plan.previous_id and hasattr(plan.previous, "signed_document"):
        resource["relatesTo"] = [
            {
                "code": "replaces",
                "target": ref(
                    "DocumentReference", fhir_id("plan-document", plan.previous.signed_document.pk)
                ),
            }
        ]
    return resource


# Who signs, as a provenance participant type and the signature they give.
_AUTHOR = (("author", "Author"), AUTHOR_SIGNATURE)
_VERIFIER = (("verifier", "Verifier"), VERIFICATION_SIGNATURE)


def _provenance(resource_id, targets, at, activity, role, user):
    """``user`` signed the targets at ``at``, as ``role`` (_AUTHOR or _VERIFIER)."""
    participant, (code, display) = role
    when = instant(at)
    return {
        "resourceType": "Provenance",
        "id": resource_id,
        "target": targets,
        "recorded": when,
        "activity": {"text": activity},
        "agent": [
            {
                "type": concept(PROVENANCE_PARTICIPANT, *participant),
                "who": practitioner_ref(user),
            }
        ],
        "signature": [
            {
                "type": [coding(SIGNATURE_TYPE, code, display)],
                "when": when,
                "who": practitioner_ref(user),
            }
        ],
    }


def plan_provenance(plan, document=None):
    """Who signed the plan and when; the stored PDF is part of what was signed."""
    if plan.signed_at is None or plan.signed_by is None:
        return None
    targets = [ref("CarePlan", careplan_id(plan))]
    if document is not None:
        targets.append(ref("DocumentReference", document["id"]))
    return _provenance(
        fhir_id("plan-signature", plan.pk),
        targets,
        plan.signed_at,
        gettext("Signed"),
        _AUTHOR,
        plan.signed_by,
    )


def intake_provenance(intake):
    """The practitioner who reviewed and confirmed an intake verified it."""
    if intake.confirmed_at is None or intake.confirmed_by is None:
        return None
    return _provenance(
        fhir_id("intake-confirmation", intake.pk),
        [ref("QuestionnaireResponse", fhir_id("intake", intake.pk))],
        intake.confirmed_at,
        gettext("Reviewed and confirmed"),
        _VERIFIER,
        intake.confirmed_by,
    )
