"""The REST API, version 1: /api/v1/, its OpenAPI 3.1 document at /api/v1/openapi.json and
browsable docs at /api/v1/docs (Swagger UI served from django-ninja's own static files).

Every call needs an API key (interop.auth); each authenticated call is an audit event naming
the key, and the key's role is checked against the pages' permission table.
"""

from functools import wraps

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.security import HttpBearer

from clinic.audit import record_event
from clinic.models import AuditAction
from interop.api import intakes, outcomes, patients, plans, problems
from interop.auth import Caller, key_caller


class ApiKeyAuth(HttpBearer):
    """``Authorization: Bearer <key>``; a refused key raises CallRefused (401 or 429)."""

    def __call__(self, request):
        caller = key_caller(request)
        # The key's account is the request's user while the call runs, so the change history
        # (simple-history) names it as the audit trail does.
        request.user = caller.user
        return caller

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return None


class ClinicAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return problems.declare_problems(super().get_openapi_schema(*args, **kwargs))


api = ClinicAPI(
    title="Clinic records API",
    version="1",
    description=(
        "Patients, intakes, outcome scores and care plans. Authenticate with an API key issued "
        "by the clinic admin (Staff area, API keys): `Authorization: Bearer <key>`. Each key "
        "has a role (its permissions are the pages' own), an expiry and a rate limit per "
        "minute (429 with Retry-After past it). Errors are problem documents (RFC 9457) that "
        "name each failing field. The whole record as FHIR R4: GET /fhir/Patient/{id}/$everything."
    ),
    urls_namespace="api-v1",
    auth=ApiKeyAuth(),
)
problems.install(api)


def audit_call(run):
    @wraps(run)
    def wrapped(request, *args, **kwargs):
        response = run(request, *args, **kwargs)
        caller = getattr(request, "auth", None)
        if isinstance(caller, Caller):
            record_event(
                request=request,
                action=AuditAction.API_CALL,
                patient=getattr(request, "audit_patient", None),
                user=caller.user,
                detail=f"{request.method} {request.path} → {response.status_code} · {caller.name}",
            )
            request.user = AnonymousUser()  # no session cookie on an API response
        return response

    return wrapped


api.add_decorator(audit_call, mode="view")
api.add_router("/patients", patients.router)
api.add_router("/patients", intakes.router)
api.add_router("/patients", outcomes.router)
api.add_router("/patients", plans.router)


def _problem_for_wrong_method(view):
    """django-ninja answers a method the path lacks with a plain-text 405: make it a problem."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405:
            allowed = response.get("Allow", "")
            detail = _("%(method)s is not allowed here; allowed: %(allowed)s.") % {
                "method": request.method,
                "allowed": allowed,
            }
            refused = problems.problem(405, detail)
            refused["Allow"] = allowed
            return refused
        return response

    wrapped.csrf_exempt = getattr(view, "csrf_exempt", False)
    return wrapped


def _unknown_path(request, rest):
    return problems.problem(404, _("There is no such API path."))


def api_urls():
    """The API's URL patterns for clinic/urls.py: ninja's own, a problem document for a wrong
    method, and a 404 problem for any other path under /api/v1/."""
    from django.urls import path

    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = _problem_for_wrong_method(pattern.callback)
    return [*patterns, path("<path:rest>", _unknown_path)], app_name, namespace
