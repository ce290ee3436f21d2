"""Lockout behind the README's reverse proxy (PROXY_COUNT=1): per client, not per proxy.

Every request reaches the app from the proxy's address (REMOTE_ADDR); the proxy appends the
client's address to X-Forwarded-For. Axes must read that address (the audit trail's helper,
counted from the right), or one person's typos lock a colleague out everywhere.
"""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from clinic.audit import client_address
from clinic.models import AuditAction, AuditEvent
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"
CLIENT_A = "203.0.113.5"
CLIENT_B = "198.51.100.7"


def behind_proxy(client_ip, spoofed=None):
    """A client whose requests come through the proxy; ``spoofed`` is what the client itself
    put in X-Forwarded-For before the proxy appended the real address."""
    forwarded = f"{spoofed}, {client_ip}" if spoofed else client_ip
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


@override_settings(AXES_IPWARE_PROXY_COUNT=1)
def test_five_wrong_passwords_from_one_client_lock_that_client_only(front_desk):
    client_a, client_b = behind_proxy(CLIENT_A), behind_proxy(CLIENT_B)
    for _attempt in range(5):
        assert login(client_a, "fiona", "wrong-password").status_code in {200, 429}

    assert login(client_a, "fiona", TEST_PASSWORD).status_code == 429  # A is locked out
    assert login(client_b, "fiona", TEST_PASSWORD).status_code == 302  # B signs in
    failed = AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert set(failed.values_list("client_address", flat=True)) == {CLIENT_A}


@override_settings(AXES_IPWARE_PROXY_COUNT=1)
def test_a_client_cannot_dodge_its_lockout_by_forging_the_forwarded_header(front_desk):
    for attempt in range(5):
        login(behind_proxy(CLIENT_A, spoofed=f"192.0.2.{attempt}"), "fiona", "wrong-password")

    assert (
        login(behind_proxy(CLIENT_A, spoofed="192.0.2.99"), "fiona", TEST_PASSWORD).status_code
        == 429
    )


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", PROXY),  # no proxy configured: the header is ignored
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own value is skipped
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.3", "203.0.113.5"),
        (1, "not-an-address", PROXY),  # garbage never reaches the audit trail or axes
        (2, "203.0.113.5", PROXY),  # fewer hops than proxies: not trusted
    ],
)
def test_the_client_address_counts_trusted_hops_from_the_right(
    rf, settings, proxies, forwarded, expected
):
    settings.AXES_IPWARE_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_axes_uses_the_same_helper(settings):
    from axes.helpers import get_client_ip_address

    assert settings.AXES_CLIENT_IP_CALLABLE == "clinic.audit.client_address"
    from django.test import RequestFactory

    settings.AXES_IPWARE_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=CLIENT_B)
    assert get_client_ip_address(request) == CLIENT_B
