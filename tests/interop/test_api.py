"""The REST API through a client's eyes: it registers, reads and records through the pages'
own forms and services (the same checks, the same duplicate check, the same audit events),
and every refusal is a problem document naming the field."""

import hashlib
import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from clinic.models import AuditAction, AuditEvent
from intake.models import Intake
from tests.factories import NO_RED_FLAGS, PatientFactory, confirmed_intake
from tests.interop.records import bearer, issue_key, whole_patient

pytestmark = pytest.mark.django_db

COMPLETE = {
    "complaint": "Night cramps in the left calf",
    "thyroid": "none",
    "sitting_hours_per_day": 6,
    "exercise_level": "light",
    "water_litres_per_day": 1.5,
    "coffee_tea_cups_per_day": 2,
    "footwear": "supportive",
    **NO_RED_FLAGS,
}


@pytest.fixture(autouse=True)
def _fresh_rate_counts():
    cache.clear()


@pytest.fixture
def desk():
    _key, secret = issue_key("Front desk", name="Booking app")
    return secret


@pytest.fixture
def prac():
    _key, secret = issue_key("Practitioner", name="Clinic tablet")
    return secret


def call(secret, method, url, body=None, raw=None):
    client = Client()
    if method == "GET":
        return client.get(url, **bearer(secret))
    data = raw if raw is not None else json.dumps(body or {})
    return client.post(url, data=data, content_type="application/json", **bearer(secret))


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == status
    return body


NEW_PATIENT = {
    "first_name": "Zoë",
    "last_name": "Tremblay",
    "date_of_birth": "1975-04-03",
    "sex": "female",
    "phone": "+1 514 555 0142",
    "consent_treatment": True,
}


def test_register_a_patient_with_the_duplicate_check(desk):
    response = call(desk, "POST", "/api/v1/patients", NEW_PATIENT)
    assert response.status_code == 201
    first = json.loads(response.content)
    assert first["phone"] == "+15145550142"
    assert first["consent_treatment_at"] is not None and first["consent_privacy_at"] is None
    event = AuditEvent.objects.get(action=AuditAction.PATIENT_REGISTERED)
    assert "booking-app" in event.username
    # The same name and birth date again: 409 naming the record, nothing registered.
    again = problem(call(desk, "POST", "/api/v1/patients", NEW_PATIENT), 409)
    assert first["record_number"] in again["detail"]
    assert AuditEvent.objects.filter(action=AuditAction.PATIENT_REGISTERED).count() == 1
    confirmed = call(
        desk, "POST", "/api/v1/patients", {**NEW_PATIENT, "confirm_not_duplicate": True}
    )
    assert confirmed.status_code == 201
    found = json.loads(call(desk, "GET", "/api/v1/patients?q=tremblay").content)
    assert [p["first_name"] for p in found] == ["Zoë", "Zoë"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date_of_birth": "03/04/1975"}, "date_of_birth"),
        ({"date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"phone": "12"}, "phone"),
        ({"sex": "robot"}, "sex"),
        ({"email": "not an email"}, "email"),
        ({"first_name": "Zo\u0000ë"}, None),
    ],
)
def test_bad_patient_input_is_a_422_naming_the_field(desk, change, field):
    response = call(desk, "POST", "/api/v1/patients", {**NEW_PATIENT, **change})
    if field is None:  # a NUL byte is dropped, not a crash
        assert response.status_code in (201, 422)
        return
    body = problem(response, 422)
    assert field in [error["field"] for error in body["errors"]]


def test_unparseable_json_is_a_400_problem(desk):
    problem(call(desk, "POST", "/api/v1/patients", raw="{not json"), 400)


def test_an_intake_drafted_then_submitted_through_the_intake_checks(desk):
    patient = PatientFactory()
    base = f"/api/v1/patients/{patient.pk}/intakes"
    draft = call(
        desk,
        "POST",
        base,
        {
            "answers": {"complaint": "Cramps", "cramp_muscles": ["calf"]},
            "medications": [{"name": "Lipitor", "dose": "10 mg"}],
        },
    )
    assert draft.status_code == 201
    draft = json.loads(draft.content)
    assert draft["status"] == "draft"
    assert draft["cramp_linked_medications"] == ["Lipitor"]
    # Submitting an incomplete questionnaire names each unanswered question.
    body = problem(call(desk, "POST", f"{base}/{draft['id']}/submit", {}), 422)
    fields = {error["field"] for error in body["errors"]}
    assert {
        "answers.thyroid",
        "answers.footwear",
        "answers.red_flag_fever",
        "answers.cramp_side",
    } <= fields
    assert Intake.objects.get(pk=draft["id"]).status == "draft"
    # A contradiction is refused as on the page.
    body = problem(
        call(desk, "POST", f"{base}/{draft['id']}/submit", {"answers": {"gestation_weeks": 20}}),
        422,
    )
    assert body["errors"][0]["field"] == "answers.gestation_weeks"
    body = problem(
        call(desk, "POST", f"{base}/{draft['id']}/submit", {"answers": {"nonsense": 1}}), 422
    )
    assert body["errors"][0]["field"] == "answers.nonsense"
    submitted = call(
        desk,
        "POST",
        f"{base}/{draft['id']}/submit",
        {"answers": {**COMPLETE, "cramp_side": "left"}, "version": draft["version"]},
    )
    assert submitted.status_code == 200, submitted.content
    submitted = json.loads(submitted.content)
    assert submitted["status"] == "submitted"
    assert submitted["answers"]["complaint"] == "Night cramps in the left calf"
    assert [m["name"] for m in submitted["medications"]] == ["Lipitor"]  # kept
    assert AuditEvent.objects.filter(action=AuditAction.INTAKE_SUBMITTED).count() == 1
    # Submitted: the front desk may no longer change it (the practitioner reviews it).
    problem(call(desk, "POST", f"{base}/{draft['id']}/submit", {}), 403)
    read = json.loads(call(desk, "GET", f"{base}/{draft['id']}").content)
    assert read["answers"]["water_litres_per_day"] == 1.5


def test_a_stale_version_is_a_409_and_a_confirmed_intake_is_locked(prac):
    intake = confirmed_intake()
    base = f"/api/v1/patients/{intake.patient_id}/intakes/{intake.pk}"
    problem(call(prac, "POST", f"{base}/submit", {}), 403)
    draft = json.loads(
        call(prac, "POST", f"/api/v1/patients/{intake.patient_id}/intakes", {}).content
    )
    url = f"/api/v1/patients/{intake.patient_id}/intakes/{draft['id']}/submit"
    problem(call(prac, "POST", url, {"answers": COMPLETE, "version": draft["version"] + 5}), 409)


def test_another_patients_intake_is_a_404(prac):
    intake = confirmed_intake()
    other = PatientFactory()
    problem(call(prac, "GET", f"/api/v1/patients/{other.pk}/intakes/{intake.pk}"), 404)
    problem(call(prac, "GET", "/api/v1/patients/999999"), 404)
    problem(call(prac, "GET", "/api/v1/patients/abc"), 422)


def test_record_and_read_outcome_scores(prac):
    patient = PatientFactory()
    url = f"/api/v1/patients/{patient.pk}/outcomes"
    recorded = call(prac, "POST", url, {"instrument": "NPRS", "answers": {"pain_now": 7}})
    assert recorded.status_code == 201
    assert json.loads(recorded.content)["score_display"] == "7/10"
    body = problem(
        call(prac, "POST", url, {"instrument": "NPRS", "answers": {"pain_now": 12}}), 422
    )
    assert body["errors"][0]["field"] == "answers.pain_now"
    body = problem(call(prac, "POST", url, {"instrument": "XYZ", "answers": {}}), 422)
    assert body["errors"][0]["field"] == "instrument"
    future = (timezone.localdate() + timezone.timedelta(days=3)).isoformat()
    body = problem(
        call(
            prac,
            "POST",
            url,
            {"instrument": "NPRS", "answers": {"pain_now": 2}, "taken_on": future},
        ),
        422,
    )
    assert body["errors"][0]["field"] == "taken_on"
    listed = json.loads(call(prac, "GET", url).content)
    assert [(m["instrument"], m["score"]) for m in listed] == [("NPRS", 7.0)]


def test_plans_read_and_the_signed_document_download(practitioner, prac, desk):
    record = whole_patient(practitioner)
    p, v2 = record["patient"].pk, record["v2"]
    plans = json.loads(call(prac, "GET", f"/api/v1/patients/{p}/plans").content)
    assert [(plan["number"], plan["status"]) for plan in plans] == [
        (2, "signed"),
        (1, "superseded"),
    ]
    read = json.loads(call(prac, "GET", f"/api/v1/patients/{p}/plans/{v2.pk}").content)
    assert read["amendment_reason"] == "Sleeps on her side now"
    assert read["items"] and all(item["title"] for item in read["items"])
    document = call(desk, "GET", f"/api/v1/patients/{p}/plans/{v2.pk}/document")
    assert document.status_code == 200
    assert document["Content-Type"] == "application/pdf"
    assert hashlib.sha256(document.content).hexdigest() == v2.signed_document.sha256
    # The front desk prints signed plans but does not read them in full.
    problem(call(desk, "GET", f"/api/v1/patients/{p}/plans/{v2.pk}"), 403)
    assert AuditEvent.objects.filter(
        action=AuditAction.DOCUMENT_PRINTED, username__contains="booking-app"
    ).exists()


def test_the_openapi_document_describes_keys_and_problem_documents():
    document = json.loads(Client().get("/api/v1/openapi.json").content)
    assert document["openapi"] == "3.1.0"
    schemes = document["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status in ("401", "403", "422", "429"):
                content = operation["responses"][status]["content"]
                assert list(content) == ["application/problem+json"], (path, method, status)
    assert "/api/v1/patients/{patient_id}/intakes/{intake_id}/submit" in document["paths"]
    # The browsable docs need no CDN: their scripts and styles are the app's own files.
    docs = Client().get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()


def test_a_wrong_method_or_path_is_a_problem_document_too(desk):
    wrong = problem(Client().delete("/api/v1/patients", **bearer(desk)), 405)
    assert "DELETE" in wrong["detail"]
    problem(Client().get("/api/v1/no/such/thing", **bearer(desk)), 404)
