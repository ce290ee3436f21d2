"""The practitioner downloads a patient's whole record as a FHIR bundle from the chart; the
clinic admin issues an API key, an integration uses it, the admin revokes it."""

import json
from datetime import timedelta

from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from clinic.models import AuditAction, AuditEvent
from tests.e2e.conftest import sign_in, sign_in_with_second_step
from tests.factories import (
    TEST_PASSWORD,
    PatientFactory,
    clinic_admin_user,
    front_desk_user,
    practitioner_user,
)
from tests.interop.records import whole_patient


def test_practitioner_downloads_the_fhir_bundle_from_the_chart(
    page, screenshot, tmp_path, transactional_db
):
    record = whole_patient(practitioner_user(username="doc"))
    patient = record["patient"]
    front_desk_user(username="desk")

    sign_in(page, "doc", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    screenshot(page, "practitioner-chart-fhir-download")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download record (FHIR)").click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    assert path.name == f"patient-{patient.record_number}-fhir.json"

    bundle = Bundle.model_validate_json(path.read_bytes())
    kinds = {entry.resource.get_resource_type() for entry in bundle.entry}
    assert {"Patient", "CarePlan", "Observation", "DocumentReference"} <= kinds
    (fhir_patient,) = [
        e.resource for e in bundle.entry if e.resource.get_resource_type() == "Patient"
    ]
    assert fhir_patient.name[0].family == patient.last_name
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, patient=patient).exists()

    # The front desk's chart has no such button: the whole record is clinical.
    page.context.clear_cookies()
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    assert page.get_by_test_id("patient-name").is_visible()
    assert page.get_by_role("link", name="Download record (FHIR)").count() == 0


def test_clinic_admin_issues_and_revokes_an_api_key(
    page, screenshot, live_server, transactional_db
):
    admin = clinic_admin_user(username="ada")
    patient = PatientFactory(first_name="Léa", last_name="Roy")

    sign_in_with_second_step(page, admin, TEST_PASSWORD)
    page.get_by_role("link", name="API keys").click()
    page.get_by_role("link", name="Issue a key").click()
    page.get_by_label("Name").fill("Booking app")
    page.get_by_label("Role").select_option(label="Front desk")
    expiry = timezone.localdate() + timedelta(days=60)
    page.get_by_label("Expires on").fill(expiry.isoformat())
    page.get_by_label("Requests a minute").fill("30")
    page.get_by_role("button", name="Issue key").click()
    secret = page.get_by_test_id("api-key-secret").input_value()
    assert secret.startswith("ck_")
    screenshot(page, "api-key-issued")

    # The integration calls the API with it.
    url = f"/api/v1/patients/{patient.pk}"
    answer = page.request.get(url, headers={"Authorization": f"Bearer {secret}"})
    assert answer.status == 200
    assert json.loads(answer.body())["last_name"] == "Roy"

    # Back on the list: the key is there by its name and start, never its secret.
    page.get_by_role("link", name="Done").click()
    row = page.get_by_test_id("api-key-row").filter(has_text="Booking app")
    assert expiry.isoformat() in row.inner_text()
    assert secret not in page.content()
    row.get_by_role("button", name="Revoke").click()
    page.get_by_text("is revoked").wait_for()
    screenshot(page, "api-key-revoked")

    # Reopened: revoked, with no button to revoke it again; the key no longer works.
    page.goto("/staff/api-keys/")
    row = page.get_by_test_id("api-key-row").filter(has_text="Booking app")
    assert "Revoked" in row.inner_text()
    assert row.get_by_role("button", name="Revoke").count() == 0
    answer = page.request.get(url, headers={"Authorization": f"Bearer {secret}"})
    assert answer.status == 401
    assert json.loads(answer.body())["title"] == "API key revoked"

    # The API's documentation is linked from the page and served by the app alone (no CDN).
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.get_by_role("link", name="API documentation").click()
    page.get_by_text("OAS 3.1").wait_for()
    page.get_by_text("/api/v1/patients/{patient_id}/intakes/{intake_id}/submit").first.wait_for()
    assert requested and all(
        u.startswith(page.context.pages[0].url.split("/api/")[0]) for u in requested
    )
