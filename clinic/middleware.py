import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers


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
