"""Care plans: read them; download a signed plan's stored PDF (checked against its SHA-256)."""

import hashlib
import hmac
import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from ninja import Router

from assessments.models import PlanDocument, PlanStatus
from assessments.plans.selectors import chart_plan_rows, get_plan
from clinic.models import AuditAction
from interop.api.patients import patient_for, record_call
from interop.api.problems import problem
from interop.api.schemas import PlanOut, PlanSummary

router = Router(tags=["plans"])
logger = logging.getLogger(__name__)
VIEW = "assessments.view_treatmentplan"
PRINT_SIGNED = "assessments.print_signed_plan"


def _summary(plan):
    return {
        "id": plan.pk,
        "number": plan.number,
        "status": plan.status,
        "amends": plan.previous_id,
        "signed_at": plan.signed_at,
        "has_document": plan.status != PlanStatus.DRAFT,
    }


@router.get("/{patient_id}/plans", response=list[PlanSummary], summary="List care plans")
def plan_list(request, patient_id: int):
    """Practitioners see every version; the front desk (who prints signed plans) the signed."""
    user = request.auth.user
    if not (user.has_perm(VIEW) or user.has_perm(PRINT_SIGNED)):
        raise PermissionDenied
    patient = patient_for(request, patient_id, "intake.view_patient")
    rows = chart_plan_rows(patient, with_drafts=user.has_perm(VIEW))
    return [_summary(row["plan"]) for row in rows]


@router.get("/{patient_id}/plans/{plan_id}", response=PlanOut, summary="Read a care plan")
def plan_read(request, patient_id: int, plan_id: int):
    patient = patient_for(request, patient_id, "intake.view_patient", VIEW)
    plan = get_plan(patient, plan_id)
    record_call(request, AuditAction.PLAN_VIEWED, patient, plan)
    return {
        **_summary(plan),
        "impression": plan.impression,
        "visit_frequency": plan.visit_frequency,
        "review_date": plan.review_date,
        "amendment_reason": plan.amendment_reason,
        "items": [i for i in plan.items.all() if not i.removed],
        "goals": list(plan.goals.all()),
    }


_PDF = {
    "description": "The signed care plan's PDF, byte for byte as stored at signing.",
    "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
}


@router.get(
    "/{patient_id}/plans/{plan_id}/document",
    url_name="plan_document",
    summary="Download a signed care plan's PDF",
    openapi_extra={"responses": {200: _PDF}},
)
def plan_document(request, patient_id: int, plan_id: int):
    patient = patient_for(request, patient_id, "intake.view_patient", PRINT_SIGNED)
    plan = get_plan(patient, plan_id)
    try:
        document = plan.signed_document
    except PlanDocument.DoesNotExist:
        raise Http404 from None
    pdf = bytes(document.pdf)
    found = hashlib.sha256(pdf).hexdigest()
    if not hmac.compare_digest(found, document.sha256):
        record_call(
            request,
            AuditAction.DOCUMENT_TAMPERED,
            patient,
            plan,
            detail=f"care plan v{plan.number}: signed sha256:{document.sha256} stored {found}",
        )
        logger.error("Signed care plan document %s fails its SHA-256 check", document.pk)
        return problem(409, _("The stored document fails its check and is not served."))
    record_call(
        request,
        AuditAction.DOCUMENT_PRINTED,
        patient,
        plan,
        detail=f"care plan v{plan.number} sha256:{document.sha256[:12]} (API)",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(patient.full_name) or "patient"
    name = f"{name}-{patient.record_number}-care-plan-v{plan.number}"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["X-Content-SHA256"] = document.sha256
    return response
