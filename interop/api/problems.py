"""Errors of the REST API as problem documents (RFC 9457, application/problem+json).

Each names its HTTP status, a short title and a sentence; a validation problem lists every
field that failed (``errors``: field and message), so a client can show the message beside the
right input. Bad input is always a 4xx, never a 500.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from clinic.concurrency import ConcurrentEditError
from interop.auth import CallRefused, error_response

PROBLEM_JSON = "application/problem+json"
ERROR_STATUSES = (400, 401, 403, 404, 409, 422, 429)
_TITLES = {
    400: gettext_lazy("Bad request"),
    401: gettext_lazy("Not signed in"),
    403: gettext_lazy("Not allowed"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    409: gettext_lazy("Conflict"),
    422: gettext_lazy("Invalid input"),
    429: gettext_lazy("Too many requests"),
}


class FieldError(Schema):
    field: str
    detail: str


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[FieldError] = []


def problem(status, detail="", *, title=None, errors=None, retry_after=None):
    body = {
        "type": "about:blank",
        "title": str(title or _TITLES[status]),
        "status": status,
        "detail": str(detail),
        "errors": errors or [],
    }
    return error_response(body, status, PROBLEM_JSON, retry_after)


def field_errors(error):
    """A Django ValidationError as [{field, detail}] ("" for one about the whole input)."""
    if hasattr(error, "error_dict"):
        return [
            {"field": "" if field == "__all__" else field, "detail": str(message)}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "", "detail": str(message)} for message in error.messages]


def form_errors(form, prefix=""):
    return [
        {"field": "" if field == "__all__" else f"{prefix}{field}", "detail": str(message)}
        for field, messages in form.errors.items()
        for message in messages
    ]


class InputRejected(Exception):
    """Input that a form or service refused: a 422 (or 409) naming each failing field."""

    def __init__(self, errors, *, status=422, detail=None):
        super().__init__(detail or "invalid input")
        self.errors = errors
        self.status = status
        self.detail = detail or _("Some fields are not valid: see errors.")


def _schema_field(location):
    # ninja's loc is ("body", "payload", "field", ...) or ("query", "name"): keep the field path.
    parts = [str(part) for part in location]
    if parts and parts[0] in {"body", "query", "path", "header"}:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts)


# Refusals whose problem document is always the same sentence: exception, status, detail.
_ONE_SENTENCE = (
    (AuthenticationError, 401, gettext_lazy("Send an API key as “Authorization: Bearer <key>”.")),
    (PermissionDenied, 403, gettext_lazy("This key's role may not do this.")),
    (Http404, 404, gettext_lazy("There is nothing at this address for this key.")),
    (
        ConcurrentEditError,
        409,
        gettext_lazy("Someone else saved this record first: read it again."),
    ),
)


def _answer(status, detail):
    def handler(request, exc):
        return problem(status, detail)

    return handler


def install(api):
    @api.exception_handler(NinjaValidationError)
    def schema_invalid(request, exc):
        errors = [
            {"field": _schema_field(error.get("loc", ())), "detail": error.get("msg", "")}
            for error in exc.errors
        ]
        return problem(422, _("Some fields are not valid: see errors."), errors=errors)

    @api.exception_handler(InputRejected)
    def input_rejected(request, exc):
        return problem(exc.status, exc.detail, errors=exc.errors)

    @api.exception_handler(CallRefused)
    def call_refused(request, exc):
        return problem(exc.status, exc.detail, title=exc.title, retry_after=exc.retry_after)

    for exception, status, detail in _ONE_SENTENCE:
        api.add_exception_handler(exception, _answer(status, detail))

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        return problem(422, _("Some fields are not valid: see errors."), errors=field_errors(exc))

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        status = exc.status_code if exc.status_code in _TITLES else 400
        return problem(status, str(exc))


def declare_problems(schema):
    """Every operation may answer each error status with a problem document: say so in the
    OpenAPI document, as application/problem+json (what the client receives)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["FieldError"] = FieldError.model_json_schema()
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    problem_schema.pop("$defs", None)
    components["Problem"] = problem_schema
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status in ERROR_STATUSES:
                responses[status] = {
                    "description": str(_TITLES[status]),
                    "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
                }
    return schema
