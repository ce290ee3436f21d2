"""Every middleware of the project, outermost first as settings.MIDDLEWARE lists them.

The helpers they use stay with their concern: session_restore (keeping a form across an expired
session), two_factor (what a session owes), the security headers of django and csp.
"""

import sys
import time
from urllib.parse import parse_qs, urlencode, urlsplit

from csp.constants import HEADER as CSP_HEADER
from csp.constants import HEADER_REPORT_ONLY as CSP_HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.signals import got_request_exception, setting_changed
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.translation import gettext as _

from clinic.session_restore import (
    EXPIRED_KEY,
    MARKER_COOKIE,
    MARKER_SALT,
    RENEWED_KEY,
    RESTORE_KEY,
    mark_renewed,
    renew_every_seconds,
)
from clinic.two_factor import OPEN_BEFORE_SECOND_STEP, SESSION_KEY, owed_step

# Never kept: the CSRF token (a new one comes with the new session), passwords and codes.
_SECRET_WORDS = ("csrf", "password", "passwd", "otp", "totp")
_MAX_FIELDS = 1000
_MAX_CHARACTERS = 100_000


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"; the proxy only needs that
        return False
    return True


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
            or (not connection.in_atomic_block and not database_answers())
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
    from django.middleware.clickjacking import XFrameOptionsMiddleware
    from django.middleware.security import SecurityMiddleware

    for middleware in (
        SecurityMiddleware,
        XFrameOptionsMiddleware,
        ContentSecurityPolicyMiddleware,
    ):
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


class IdleRenewalMiddleware:
    """Renew the sliding idle timeout at most once a minute instead of on every request.

    Writing the session back on every request (SESSION_SAVE_EVERY_REQUEST) costs a database
    write per page; the idle timeout only needs minute precision. Place it right after
    AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in:
            renewed_at = request.session.get(RENEWED_KEY, 0)
            if time.time() - renewed_at >= renew_every_seconds():
                mark_renewed(request.session)
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if signed_in and session is not None and session.modified and not session.is_empty():
            # Saved anyway (a message, a kept form): that save renews the expiry too.
            mark_renewed(session)
        return response


def _kept_fields(post):
    fields = []
    characters = 0
    for name, values in post.lists():
        if any(word in name.lower() for word in _SECRET_WORDS):
            continue
        characters += len(name) + sum(len(value) for value in values)
        fields.append([name, list(values)])
    if len(fields) > _MAX_FIELDS or characters > _MAX_CHARACTERS:
        return None  # not a form staff type; do not let it fill the session store
    return fields


def _redirects_to_login(response):
    if response.status_code not in {301, 302, 303} or not response.has_header("Location"):
        return False
    location = urlsplit(response["Location"])
    login_path = urlsplit(resolve_url(settings.LOGIN_URL)).path
    return location.path == login_path and "next" in parse_qs(location.query)


def _marker_user_pk(request):
    value = request.COOKIES.get(MARKER_COOKIE)
    if not value:
        return None
    try:
        return request.get_signed_cookie(MARKER_COOKIE, salt=MARKER_SALT)
    except (KeyError, signing.BadSignature):
        return None


class SessionExpiryMiddleware:
    """Recognise the end of an idle (or over-long) session and keep the form that met it.

    Place it after AuthenticationMiddleware and before AbsoluteSessionLifetimeMiddleware, so
    that it also sees the sign-out that middleware makes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        marker_pk = _marker_user_pk(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if marker_pk != str(user.pk):
                response.set_signed_cookie(
                    MARKER_COOKIE,
                    str(user.pk),
                    salt=MARKER_SALT,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        if marker_pk is None:
            return response
        if _redirects_to_login(response):
            # A signed-in user's session ended under them (idle or absolute lifetime).
            self._note_expiry(request, owner_pk=marker_pk)
            response.delete_cookie(MARKER_COOKIE, samesite="Lax")
        elif getattr(request, "_clinic_signed_out", False):
            response.delete_cookie(MARKER_COOKIE, samesite="Lax")
        return response

    def _note_expiry(self, request, *, owner_pk):
        session = request.session
        session[EXPIRED_KEY] = True
        if request.method != "POST":
            return
        fields = _kept_fields(request.POST)
        if fields is None:
            return
        session[RESTORE_KEY] = {
            "owner": owner_pk,
            "path": request.get_full_path(),
            "at": time.time(),
            "fields": fields,
        }


class TwoFactorRequiredMiddleware:
    """After django_otp's OTPMiddleware: a signed-in user owing a second step gets nothing else.

    What a session owes is worked out once (the first request after sign-in) and kept in the
    session, so users without a second factor pay no query on later requests.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        owed = request.session.get(SESSION_KEY)
        if owed is None:
            owed = request.session[SESSION_KEY] = owed_step(user)
        if not owed or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and not match.namespace and match.url_name in OPEN_BEFORE_SECOND_STEP:
            return None
        target = "two_factor_verify" if owed == "verify" else "two_factor_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class AbsoluteSessionLifetimeMiddleware:
    """End a session a fixed time after sign-in, however active it has been.

    The sliding idle timeout (SESSION_COOKIE_AGE renewed on every request) alone would keep a
    session on a busy shared tablet alive for ever.
    """

    session_key = "signed_in_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            signed_in_at = request.session.setdefault(self.session_key, now)
            if now - signed_in_at > settings.SESSION_ABSOLUTE_HOURS * 3600:
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the headers built once from the settings.

    No page here changes its policy (no nonce, no per-view decorator), yet the library built the
    same two headers from the settings for every response: a tenth of the login-protected
    floor's CPU (issue 15). A response or request that does ask for something of its own (a
    nonce, a decorator's policy or exemption, a header already set), an excluded path, or
    Django's debug error pages go through the library's own code, unchanged.
    """

    def process_response(self, request, response):
        fixed = _fixed_policy()
        if (
            fixed is None
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in _CSP_RESPONSE_ATTRIBUTES)
            or CSP_HEADER in response
            or CSP_HEADER_REPORT_ONLY in response
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return super().process_response(request, response)
        policy, report_only = fixed
        if policy:
            response[CSP_HEADER] = policy
        if report_only:
            response[CSP_HEADER_REPORT_ONLY] = report_only
        # As the library does: a nonce asked for after the header left would be a silent hole.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


# What a view or decorator sets on a response to change or drop its policy (django-csp 4).
_CSP_RESPONSE_ATTRIBUTES = tuple(
    f"_csp_{what}{suffix}"
    for what in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
)
_fixed_policy_cache = []


def _fixed_policy():
    """(policy, report-only policy) as the settings define them, or None when either excludes
    some paths (then each response is checked by the library)."""
    if not _fixed_policy_cache:
        configured = [
            getattr(settings, name, None) or {}
            for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
        ]
        if any(config.get("EXCLUDE_URL_PREFIXES") for config in configured):
            _fixed_policy_cache.append(None)
        else:
            _fixed_policy_cache.append((build_policy(), build_policy(report_only=True)))
    return _fixed_policy_cache[0]


def _forget_fixed_policy(*, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _fixed_policy_cache.clear()


setting_changed.connect(_forget_fixed_policy, dispatch_uid="clinic-fixed-csp")


class NoStoreMiddleware:
    """Pages for signed-in users carry patient data: browsers and proxies must not keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Static files never get here: WhiteNoise (and runserver in DEBUG) answer them first.
        response = self.get_response(request)
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response
