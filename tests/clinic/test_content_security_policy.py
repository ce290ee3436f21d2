"""The Content-Security-Policy header: built once, the same as django-csp's own middleware sends.

Each case runs a response through both middlewares and compares the headers, so a difference
(a policy change in settings, a view's decorator, an exemption, a nonce) cannot go unnoticed.
"""

import pytest
from csp.constants import NONCE, NONE, SELF
from csp.decorators import csp_exempt, csp_replace, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from clinic.middleware import ContentSecurityPolicyMiddleware

HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def plain(request):
    return HttpResponse("page")


def _through(middleware_class, view, path="/patients/", status=200):
    request = RequestFactory().get(path)
    middleware = middleware_class(lambda req: view(req))
    middleware.process_request(request)
    response = view(request)
    response.status_code = status
    response = middleware.process_response(request, response)
    return request, {name: response.get(name) for name in HEADERS}


def _both(view, **kwargs):
    _request, ours = _through(ContentSecurityPolicyMiddleware, view, **kwargs)
    _request, theirs = _through(CSPMiddleware, view, **kwargs)
    return ours, theirs


def test_every_page_gets_the_settings_policy():
    ours, theirs = _both(plain)
    assert ours == theirs
    assert "default-src 'self'" in ours["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in ours["Content-Security-Policy"]
    assert ours["Content-Security-Policy-Report-Only"] is None


def test_a_policy_changed_in_settings_is_sent_at_once(settings):
    before, _theirs = _both(plain)
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": [SELF], "img-src": [SELF, "blob:"]}
    }
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"script-src": [NONE]}}
    ours, theirs = _both(plain)
    assert ours == theirs
    assert ours != before
    assert "blob:" in ours["Content-Security-Policy"]
    assert "frame-ancestors" not in ours["Content-Security-Policy"]
    assert "script-src 'none'" in ours["Content-Security-Policy-Report-Only"]


@pytest.mark.parametrize(
    "decorated",
    [
        csp_update({"img-src": "https://maps.example"})(plain),
        csp_replace({"script-src": [NONE]})(plain),
        csp_exempt()(plain),
    ],
    ids=["update", "replace", "exempt"],
)
def test_a_view_that_asks_for_its_own_policy_gets_it(decorated):
    ours, theirs = _both(decorated)
    assert ours == theirs
    assert ours != _both(plain)[0]


def test_excluded_paths_get_no_header(settings):
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "EXCLUDE_URL_PREFIXES": ["/api/"],
    }
    ours, theirs = _both(plain, path="/api/patients")
    assert ours == theirs
    assert ours["Content-Security-Policy"] is None
    assert _both(plain)[0]["Content-Security-Policy"] is not None


def test_a_header_a_view_set_itself_is_kept():
    def own(request):
        response = HttpResponse("page")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    ours, theirs = _both(own)
    assert ours == theirs
    assert ours["Content-Security-Policy"] == "default-src 'none'"


def test_a_nonce_is_in_the_header_and_cannot_be_asked_for_afterwards(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": [SELF, NONCE]}}

    def with_nonce(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'>")

    request, ours = _through(ContentSecurityPolicyMiddleware, with_nonce)
    assert f"'nonce-{request._csp_nonce}'" in ours["Content-Security-Policy"]

    request, ours = _through(ContentSecurityPolicyMiddleware, plain)
    assert "nonce-" not in ours["Content-Security-Policy"]
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


@pytest.mark.django_db
def test_pages_and_the_sign_in_page_carry_it(practitioner):
    client = Client()
    sign_in = client.get(reverse("login"))
    client.force_login(practitioner)
    page = client.get(reverse("patient_list"))
    assert page.status_code == 200
    for response in (sign_in, page):
        assert response["Content-Security-Policy"] == _both(plain)[1]["Content-Security-Policy"]
