"""Care plan, patient handout and referral letter PDFs, and serving any stored document.

Practitioners print anything; the front desk prints signed plans only. A signed plan's PDF is
the stored record, returned byte for byte; a draft is rendered fresh with a DRAFT mark. Every
print and download is in the audit trail with the version printed.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.text import slugify

from assessments.documents.handout_plans import render_handout
from assessments.documents.plans import render_care_plan, render_referral_letter
from assessments.models import PlanStatus
from assessments.plans.selectors import get_plan, get_plan_to_print
from clinic.access import get_patient
from clinic.audit import record_view_event
from clinic.files import file_response, matches_sha256, sha256_of, wants_download
from clinic.models import AuditAction
from clinic.roles import permission_required

logger = logging.getLogger(__name__)

# A stored document that fails its check is refused with 409 Conflict: the request is fine and
# the server is working, but the record is in a state that must not be served; retrying will not
# help (so not 503) and it is not a crash (so not 500, which the error page would hide).
TAMPERED_STATUS = 409


def serve_pdf(request, pdf, filename, *, patient, obj, detail):
    """Send a PDF, inline or as a download, with its printing in the audit trail."""
    record_view_event(request, AuditAction.DOCUMENT_PRINTED, obj, patient=patient, detail=detail)
    return file_response(pdf, filename, download=wants_download(request))


def refuse_tampered(request, template, context, *, obj, detail):
    """A stored document whose bytes no longer match its SHA-256: audited on the record of the
    patient the refusal page shows, and not served."""
    patient = context["patient"]
    record_view_event(request, AuditAction.DOCUMENT_TAMPERED, obj, patient=patient, detail=detail)
    return render(request, template, context, status=TAMPERED_STATUS)


def _filename(plan, what):
    return f"{slugify(plan.patient.full_name) or 'patient'}-{plan.patient.record_number}-{what}.pdf"


@dataclass(frozen=True)
class PlanPdf:
    """A PDF a plan prints: made fresh for a draft, stored (with its SHA-256) at signing."""

    what: str  # in the audit trail and the log: "care plan", "patient handout"
    slug: str  # in the file name: "care-plan", "handout"
    render: Callable  # the draft's PDF, made now
    stored: str  # the plan's one-to-one holding the copy made at signing


CARE_PLAN = PlanPdf("care plan", "care-plan", render_care_plan, "signed_document")
HANDOUT = PlanPdf("patient handout", "handout", render_handout, "signed_handout")


def plan_pdf_response(request, patient_pk, pk, kind):
    """The ``kind`` PDF of the patient's plan, or the page refusing a stored copy that fails
    its check. Printing a draft and printing a signed plan are separate permissions."""
    patient = get_patient(patient_pk)
    plan = get_plan_to_print(patient, pk, kind.stored)
    what = f"{kind.slug}-v{plan.number}"
    if plan.status == PlanStatus.DRAFT:
        if not request.user.has_perm("assessments.print_draft_plan"):
            raise PermissionDenied
        plan = get_plan(patient, pk)  # the whole plan, to render
        pdf, detail = kind.render(plan), f"{kind.what} v{plan.number} draft"
        what += "-draft"
    else:
        if not request.user.has_perm("assessments.print_signed_plan"):
            raise PermissionDenied
        try:
            document = getattr(plan, kind.stored)
        except ObjectDoesNotExist:
            raise Http404 from None  # e.g. the handout of a plan signed before handouts existed
        pdf = bytes(document.pdf)
        if not matches_sha256(pdf, document.sha256):
            return _refuse_tampered_plan(request, patient, plan, document, pdf, kind)
        detail = f"{kind.what} v{plan.number} sha256:{document.sha256[:12]}"
    return serve_pdf(request, pdf, _filename(plan, what), patient=patient, obj=plan, detail=detail)


def _refuse_tampered_plan(request, patient, plan, document, pdf, kind):
    logger.error(
        "Signed %s document %s (plan %s) fails its SHA-256 check", kind.what, document.pk, plan.pk
    )
    detail = (
        f"{kind.what} v{plan.number} document {document.pk}: "
        f"signed sha256:{document.sha256} stored sha256:{sha256_of(pdf)}"
    )
    context = {"patient": patient, "plan": plan}
    template = "assessments/plan_document_tampered.html"
    return refuse_tampered(request, template, context, obj=plan, detail=detail)


@permission_required("intake.view_patient")
def plan_pdf(request, patient_pk, pk):
    return plan_pdf_response(request, patient_pk, pk, CARE_PLAN)


@permission_required("assessments.view_treatmentplan")
def plan_letter_pdf(request, patient_pk, pk, key):
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    pdf = render_referral_letter(plan, key)
    if pdf is None:
        raise Http404
    detail = f"referral letter {key} (plan v{plan.number})"
    filename = _filename(plan, f"letter-{key}")
    return serve_pdf(request, pdf, filename, patient=patient, obj=plan, detail=detail)
