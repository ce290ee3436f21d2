"""Serving a file from a page: a PDF shown in the browser or saved, and the check of a stored
copy against the SHA-256 kept when it was made. One home, so every download is sent the same way.
"""

import hashlib
import hmac

from django.http import HttpResponse


def file_response(content, filename, *, download, content_type="application/pdf"):
    """``content`` as a file: saved under ``filename`` when ``download``, else shown inline."""
    response = HttpResponse(content, content_type=content_type)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def wants_download(request):
    """A page's "Download" link adds ?download; its "Print" link opens the file inline."""
    return "download" in request.GET


def sha256_of(content):
    return hashlib.sha256(content).hexdigest()


def matches_sha256(content, sha256):
    """Whether stored bytes still hash to the SHA-256 kept for them (a constant-time compare)."""
    return hmac.compare_digest(sha256_of(content), sha256)
