"""API keys: issued by the clinic admin (the secret shown once, only its hash kept), the same
permission table as the pages, 401 once expired or revoked, a rate limit per key, every call
in the audit trail under the key's name."""

import hashlib
import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clinic.models import AuditAction, AuditEvent
from interop.models import ApiKey
from tests.factories import IntakeFactory, PatientFactory
from tests.interop.records import bearer, issue_key

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    cache.clear()


def _call(secret, method, url, body=None):
    client = Client()
    if method == "GET":
        return client.get(url, **bearer(secret))
    return client.post(
        url, data=json.dumps(body or {}), content_type="application/json", **bearer(secret)
    )


def test_the_admin_issues_a_key_whose_secret_is_shown_once_and_only_hashed(clinic_admin_client):
    response = clinic_admin_client.post(
        reverse("api_key_add"),
        {
            "name": "Booking app",
            "role": "Front desk",
            "expires_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "rate_limit_per_minute": "60",
        },
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("ck_") and secret in response.content.decode()
    key = ApiKey.objects.get()
    assert key.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in json.dumps(list(ApiKey.objects.values()), default=str)
    # The list shows its start only, never the secret again.
    listing = clinic_admin_client.get(reverse("api_key_list")).content.decode()
    assert "Booking app" in listing and key.prefix in listing and secret not in listing
    assert AuditEvent.objects.filter(action=AuditAction.API_KEY_ISSUED).exists()
    # Its account can sign in nowhere and is not on the staff page.
    assert not key.user.has_usable_password()
    assert key.user.username not in clinic_admin_client.get(reverse("staff_list")).content.decode()


def test_an_expiry_in_the_past_or_beyond_a_year_is_refused(clinic_admin_client):
    for day in (timezone.localdate(), timezone.localdate() + timedelta(days=400)):
        response = clinic_admin_client.post(
            reverse("api_key_add"),
            {
                "name": "X",
                "role": "Front desk",
                "expires_on": day.isoformat(),
                "rate_limit_per_minute": "5",
            },
        )
        assert "expires_on" in response.context["form"].errors
    assert not ApiKey.objects.exists()


# Operation -> (method, url builder, body, expected status per role). The roles' rights are the
# pages': the front desk registers and finds patients and takes intakes; only practitioners
# read outcome scores and plans; the front desk downloads signed plans as it prints them.
def _operations(patient, intake):
    p = patient.pk
    return [
        ("GET", f"/api/v1/patients?q={patient.last_name}", None, 200, 200),
        ("GET", f"/api/v1/patients/{p}", None, 200, 200),
        ("GET", f"/api/v1/patients/{p}/intakes", None, 200, 200),
        ("GET", f"/api/v1/patients/{p}/intakes/{intake.pk}", None, 200, 200),
        ("POST", f"/api/v1/patients/{p}/intakes", {"answers": {"complaint": "Cramps"}}, 201, 201),
        ("GET", f"/api/v1/patients/{p}/outcomes", None, 403, 200),
        (
            "POST",
            f"/api/v1/patients/{p}/outcomes",
            {"instrument": "NPRS", "answers": {"pain_now": 3}},
            403,
            201,
        ),
        ("GET", f"/api/v1/patients/{p}/plans", None, 200, 200),
    ]


def test_each_role_may_call_what_its_pages_allow():
    patient = PatientFactory()
    intake = IntakeFactory(patient=patient)
    _desk_key, desk = issue_key("Front desk")
    _prac_key, prac = issue_key("Practitioner")
    for method, url, body, desk_status, prac_status in _operations(patient, intake):
        assert _call(desk, method, url, body).status_code == desk_status, (url, "desk")
        assert _call(prac, method, url, body).status_code == prac_status, (url, "practitioner")


def test_a_key_lacking_a_permission_gets_a_403_problem():
    patient = PatientFactory()
    _key, secret = issue_key("Front desk")
    response = _call(secret, "GET", f"/api/v1/patients/{patient.pk}/outcomes")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["status"] == 403


@pytest.mark.parametrize("state", ["expired", "revoked", "unknown", "missing"])
def test_an_expired_revoked_or_unknown_key_gets_a_401(state, clinic_admin):
    patient = PatientFactory()
    key, secret = issue_key("Practitioner", by=clinic_admin)
    if state == "expired":
        ApiKey.objects.filter(pk=key.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    elif state == "revoked":
        from interop.keys.services import api_key_revoke

        api_key_revoke(key=key, by=clinic_admin)
    elif state == "unknown":
        secret = secret[:-4] + "AAAA"
    client = Client()
    headers = {} if state == "missing" else bearer(secret)
    for url in (f"/api/v1/patients/{patient.pk}", f"/fhir/Patient/{patient.pk}/$everything"):
        response = client.get(url, **headers)
        assert response.status_code == 401, (state, url)
        assert response["WWW-Authenticate"] == "Bearer"
    assert not AuditEvent.objects.filter(action=AuditAction.PATIENT_VIEWED).exists()


def test_the_admin_revokes_a_key_from_the_staff_area(clinic_admin_client):
    patient = PatientFactory()
    key, secret = issue_key("Front desk")
    assert _call(secret, "GET", f"/api/v1/patients/{patient.pk}").status_code == 200
    response = clinic_admin_client.post(reverse("api_key_revoke", args=[key.pk]))
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.is_revoked
    assert _call(secret, "GET", f"/api/v1/patients/{patient.pk}").status_code == 401
    assert AuditEvent.objects.filter(action=AuditAction.API_KEY_REVOKED, object_id=str(key.pk))


def test_every_call_is_audited_with_the_keys_name():
    patient = PatientFactory()
    _key, secret = issue_key("Practitioner", name="Family doctor's EHR")
    _call(secret, "GET", f"/api/v1/patients/{patient.pk}")
    _call(secret, "GET", f"/api/v1/patients/{patient.pk}/outcomes")
    calls = AuditEvent.objects.filter(action=AuditAction.API_CALL).order_by("pk")
    assert calls.count() == 2
    for event in calls:
        assert "Family doctor's EHR" in event.detail
        assert event.patient == patient
        assert "family-doctors-ehr" in event.username
    viewed = AuditEvent.objects.get(action=AuditAction.PATIENT_VIEWED)
    assert viewed.username == calls.first().username


def test_past_its_rate_limit_a_key_gets_429_with_retry_after():
    patient = PatientFactory()
    _key, secret = issue_key("Front desk", rate_limit_per_minute=3)
    statuses = [
        _call(secret, "GET", f"/api/v1/patients/{patient.pk}").status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    response = _call(secret, "GET", f"/api/v1/patients/{patient.pk}")
    assert int(response["Retry-After"]) >= 1
    assert json.loads(response.content)["title"] == "Too many requests"
    # Another key has its own count.
    _other, other_secret = issue_key("Front desk", name="Kiosk")
    assert _call(other_secret, "GET", f"/api/v1/patients/{patient.pk}").status_code == 200
