import sys

from django.contrib.auth.decorators import login_required
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from clinic.session_restore import mark_renewed, session_seconds_left


@login_required
def home(request):
    """Send each role to where its day starts."""
    if request.user.has_perm("intake.view_patient"):
        return redirect("patient_list")
    return render(request, "clinic/home.html")


@require_POST
def session_keepalive(request):
    """ "Stay signed in": renew the idle timeout. No login redirect: the page's script asks."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False}, status=401)
    mark_renewed(request.session)  # a change, so the session is saved with a new expiry
    return JsonResponse({"signed_in": True, "seconds_left": session_seconds_left(request)})


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"; the proxy only needs that
        return False
    return True


@never_cache
def healthz(request):
    """For the reverse proxy: 200 when the database answers, 503 when it does not."""
    if not _database_answers():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class DatabaseUnavailableMiddleware:
    """Outermost middleware: a 500 (or 400) while the database is unreachable becomes a 503.

    During a database restart every page fails, mostly inside the session and auth middleware,
    before any view runs. Those failures are not bugs: tell the user (and the proxy) to retry in
    a few seconds, with a page that needs neither the database nor a template context. The
    database is only pinged when a response is already an error, so normal requests pay nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # 400 too: Django answers "Bad Request" (SessionInterrupted) when the session cannot
        # be saved, which during an outage is the database, not the request.
        # (Inside an atomic block, as in tests, a failed statement would fail the ping too.)
        if response.status_code in {400, 500} and (
            getattr(request, "_database_unreachable", False)
            or (not connection.in_atomic_block and not _database_answers())
        ):
            return database_unavailable(request)
        return response


def _note_database_failure(sender, request=None, **kwargs):
    # A connection error this request hit, even if the database is back by the time the
    # response leaves (the ping alone misses failures at the very end of an outage).
    if request is not None and isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        request._database_unreachable = True


got_request_exception.connect(_note_database_failure, dispatch_uid="clinic-database-failure")


def _no_view(request):  # the middlewares below are used for their response step only
    raise AssertionError("not called")


def _with_security_headers(request, response):
    """The headers every other page gets (HSTS, nosniff, Referrer-Policy, X-Frame-Options, CSP).

    This middleware sits outside the ones that add them, so it runs their response step itself:
    the same code, the same settings, no database. Without a request (no caller yet passes
    none), only the unconditional ones can be added.
    """
    from csp.middleware import CSPMiddleware
    from django.middleware.clickjacking import XFrameOptionsMiddleware
    from django.middleware.security import SecurityMiddleware

    for middleware in (SecurityMiddleware, XFrameOptionsMiddleware, CSPMiddleware):
        response = middleware(_no_view).process_response(request, response)
    return response


def database_unavailable(request=None):
    title = escape(_("The records are unavailable for a moment"))
    text = escape(
        _(
            "The records database is not answering. Try again in a few seconds; if you were "
            "saving a form, check afterwards whether it was saved."
        )
    )
    response = HttpResponse(
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><h1>{title}</h1><p>{text}</p></body></html>",
        status=503,
    )
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    if request is not None:
        response = _with_security_headers(request, response)
    return response
