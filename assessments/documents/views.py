"""Care plan and referral letter PDFs.

Practitioners print anything; the front desk prints signed care plans only. A signed plan's
PDF is the stored record, returned byte for byte; a draft is rendered fresh with a DRAFT mark.
Every print and download is in the audit trail with the version printed.
"""

import hashlib
import hmac
import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from assessments.documents.plans import render_care_plan, render_referral_letter
from assessments.models import PlanDocument, PlanStatus
from assessments.plans.selectors import get_plan
from clinic.access import get_patient
from clinic.audit import record_change, record_event
from clinic.models import AuditAction
from clinic.roles import permission_required

logger = logging.getLogger(__name__)

# A stored document that fails its check is refused with 409 Conflict: the request is fine and
# the server is working, but the record is in a state that must not be served; retrying will not
# help (so not 503) and it is not a crash (so not 500, which the error page would hide).
TAMPERED_STATUS = 409


def _pdf_response(pdf, filename, *, download):
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _filename(plan, what):
    return f"{slugify(plan.patient.full_name) or 'patient'}-{plan.patient.record_number}-{what}.pdf"


@permission_required("intake.view_patient")
def plan_pdf(request, patient_pk, pk):
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    if plan.status == PlanStatus.DRAFT:
        if not request.user.has_perm("assessments.print_draft_plan"):
            raise PermissionDenied
        pdf, detail = render_care_plan(plan), f"care plan v{plan.number} draft"
    else:
        if not request.user.has_perm("assessments.print_signed_plan"):
            raise PermissionDenied
        try:
            document = plan.signed_document
        except PlanDocument.DoesNotExist:
            raise Http404 from None
        pdf = bytes(document.pdf)
        if not hmac.compare_digest(hashlib.sha256(pdf).hexdigest(), document.sha256):
            return _refuse_tampered(request, patient, plan, document, pdf)
        detail = f"care plan v{plan.number} sha256:{document.sha256[:12]}"
    record_change(plan, AuditAction.DOCUMENT_PRINTED, by=request.user, detail=detail)
    what = f"care-plan-v{plan.number}" + ("-draft" if plan.status == PlanStatus.DRAFT else "")
    return _pdf_response(pdf, _filename(plan, what), download="download" in request.GET)


def _refuse_tampered(request, patient, plan, document, pdf):
    """The stored bytes no longer match the SHA-256 kept at signing: audit, log and refuse."""
    found = hashlib.sha256(pdf).hexdigest()
    record_event(
        request=request,
        action=AuditAction.DOCUMENT_TAMPERED,
        patient=patient,
        obj=plan,
        detail=(
            f"care plan v{plan.number} document {document.pk}: "
            f"signed sha256:{document.sha256} stored sha256:{found}"
        ),
    )
    logger.error(
        "Signed care plan document %s (plan %s) fails its SHA-256 check", document.pk, plan.pk
    )
    context = {"patient": patient, "plan": plan}
    return render(
        request, "assessments/plan_document_tampered.html", context, status=TAMPERED_STATUS
    )


@permission_required("assessments.view_treatmentplan")
def plan_letter_pdf(request, patient_pk, pk, key):
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    pdf = render_referral_letter(plan, key)
    if pdf is None:
        raise Http404
    record_event(
        request=request,
        action=AuditAction.DOCUMENT_PRINTED,
        patient=patient,
        obj=plan,
        detail=f"referral letter {key} (plan v{plan.number})",
    )
    return _pdf_response(pdf, _filename(plan, f"letter-{key}"), download="download" in request.GET)
