"""The benchmark's WSGI entry point: the app, plus a bare floor that skips every middleware.

The login-protected floor (perf.bench.urls.floor) pays for the whole middleware stack, the
session and the user lookup. The bare floor is what Django itself costs on this machine, in the
same gunicorn workers and the same run: the URL resolver, a view, a response, and nothing else
(no middleware, no database). `make bench` compares the login floor with it.
"""

import os

from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perf.bench.settings")

BARE_PATH = "/bench/bare"


class BareHandler(WSGIHandler):
    """Django's own WSGI handler with an empty middleware list."""

    def load_middleware(self, is_async=False):
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        self._middleware_chain = convert_exception_to_response(self._get_response)


app = get_wsgi_application()
bare = BareHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE_PATH:
        return bare(environ, start_response)
    return app(environ, start_response)
