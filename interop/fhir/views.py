"""GET /fhir/Patient/<id> and GET /fhir/Patient/<id>/$everything, as application/fhir+json.

Answered to an API key or to a signed-in session (the chart's download button). Errors are
OperationOutcomes: 401 without a usable key or session, 403 for a role that may not read it,
404 for an id that is not a patient's. Every export is an audit event.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from clinic.access import get_patient
from clinic.audit import record_event
from clinic.models import AuditAction
from interop.auth import CallRefused, error_response, key_or_session_caller
from interop.fhir.bundle import FHIR_JSON, bundle_json, everything, resource_json
from interop.fhir.people import patient_resource
from interop.fhir.selectors import patient_record

READ_PATIENT = ("intake.view_patient",)
# The whole record holds the exam and the plan: what a practitioner's pages show.
READ_EVERYTHING = (
    "intake.view_patient",
    "intake.view_intake",
    "assessments.view_exam",
    "assessments.view_treatmentplan",
)
_ISSUE_CODES = {401: "login", 403: "forbidden", 404: "not-found", 429: "throttled"}


def _outcome(status, text, retry_after=None):
    body = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": _ISSUE_CODES[status], "diagnostics": str(text)}],
    }
    return error_response(body, status, FHIR_JSON, retry_after)


def _export(request, pk, perms, build):
    try:
        caller = key_or_session_caller(request)
        if not caller.user.has_perms(perms):
            raise PermissionDenied
        patient = get_patient(pk)
    except CallRefused as refused:
        return _outcome(refused.status, refused.detail, refused.retry_after)
    except PermissionDenied:
        return _outcome(403, _("Your role may not read this."))
    except Http404:
        return _outcome(404, _("No patient with this id."))
    body, detail = build(request, patient)
    record_event(
        request=request,
        action=AuditAction.EXPORTED,
        patient=patient,
        user=caller.user,
        detail=f"FHIR {detail} · {caller.name}",
    )
    response = HttpResponse(body, content_type=FHIR_JSON)
    if "download" in request.GET:
        filename = f"patient-{patient.record_number}-fhir.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _full_url(request):
    root = request.build_absolute_uri("/fhir/")
    return lambda resource_type, resource_id: f"{root}{resource_type}/{resource_id}"


@require_GET
def patient_read(request, pk):
    def build(request, patient):
        return resource_json(patient_resource(patient)), f"Patient/{patient.pk}"

    return _export(request, pk, READ_PATIENT, build)


@require_GET
def patient_everything(request, pk):
    def build(request, patient):
        def document_url(plan):
            return request.build_absolute_uri(
                reverse("api-v1:plan_document", args=[patient.pk, plan.pk])
            )

        resources = everything(patient_record(patient), document_url=document_url)
        body = bundle_json(resources, full_url=_full_url(request))
        return body, f"Patient/{patient.pk}/$everything ({len(resources)} resources)"

    return _export(request, pk, READ_EVERYTHING, build)
