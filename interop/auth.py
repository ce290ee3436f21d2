"""Who is calling the API or the FHIR export: an API key, or (FHIR only) a signed-in session.

A key is presented as ``Authorization: Bearer ck_...``. A missing, unknown, expired or revoked
key is a 401; a key over its rate limit a 429 (``Retry-After`` says when to try again). The
key acts through its own account (interop.models), so ``caller.user.has_perm`` reads the same
permission table as the pages.

The rate limit counts calls per key in fixed one-minute windows in Django's cache. With the
default in-process cache each server process counts on its own; a deployment with several
processes sets a shared cache (CACHES, e.g. Redis or the database cache) so the limit holds
across them.
"""

import json
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _

from interop.keys.selectors import key_for_secret

RATE_WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Caller:
    user: object
    key: object = None

    @property
    def name(self):
        return f"API key “{self.key.name}”" if self.key is not None else self.user.get_username()


class CallRefused(Exception):
    """The call cannot go on: ``status`` (401 or 429), a title and a sentence saying why."""

    def __init__(self, status, title, detail, retry_after=None):
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.retry_after = retry_after


def error_response(body, status, content_type, retry_after=None):
    """An error as a JSON document (the API's problem, the export's OperationOutcome): a 401
    names the scheme to sign in with, a 429 says when to try again."""
    response = HttpResponse(json.dumps(body), status=status, content_type=content_type)
    if status == 401:
        response["WWW-Authenticate"] = "Bearer"
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def presented_secret(request):
    header = request.headers.get("Authorization", "")
    scheme, _space, secret = header.partition(" ")
    if scheme.lower() == "bearer" and secret.strip():
        return secret.strip()
    return None


def _not_signed_in():
    return CallRefused(
        401,
        _("Not signed in"),
        _("Send an API key as “Authorization: Bearer <key>”."),
    )


def _count_call(key):
    window = int(time.time() // RATE_WINDOW_SECONDS)
    cache_key = f"interop:rate:{key.pk}:{window}"
    # add() starts the window's count once; incr() is atomic on the shared caches.
    cache.add(cache_key, 0, timeout=RATE_WINDOW_SECONDS * 2)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=RATE_WINDOW_SECONDS * 2)
        count = 1
    if count > key.rate_limit_per_minute:
        retry_after = RATE_WINDOW_SECONDS - int(time.time() % RATE_WINDOW_SECONDS)
        raise CallRefused(
            429,
            _("Too many requests"),
            _("This key may make %(limit)s calls a minute.") % {"limit": key.rate_limit_per_minute},
            retry_after=max(retry_after, 1),
        )


def key_caller(request):
    """The caller an API key in the request names, or CallRefused."""
    secret = presented_secret(request)
    if secret is None:
        raise _not_signed_in()
    key = key_for_secret(secret)
    if key is None:
        raise CallRefused(401, _("Unknown API key"), _("No key with this value was issued."))
    if key.is_revoked or not key.user.is_active:
        raise CallRefused(401, _("API key revoked"), _("This key was revoked."))
    if key.is_expired:
        raise CallRefused(401, _("API key expired"), _("This key has expired."))
    _count_call(key)
    return Caller(user=key.user, key=key)


def key_or_session_caller(request):
    """An API key when one is sent, else the signed-in user of the session (the chart's
    download button), else CallRefused."""
    if presented_secret(request) is not None:
        return key_caller(request)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Caller(user=user)
    raise _not_signed_in()
