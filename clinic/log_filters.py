"""Logging filters for the console.

Django logs every 4xx raised as an exception (a 403 from PermissionDenied, a 404 from Http404)
with its traceback, so one refused page fills the development console with a stack that says
nothing wrong happened. The one-line warning is kept; tracebacks stay for 5xx.
"""

import logging


class NoTracebackForClientErrors(logging.Filter):
    def filter(self, record):
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
