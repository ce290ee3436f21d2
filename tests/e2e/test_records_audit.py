"""Records that cannot be changed quietly, and an audit trail that names everyone, in a browser."""

from django.db import connection, transaction

from clinic.models import AuditAction, AuditEvent
from tests.builders import signed_plan
from tests.e2e.conftest import sign_in, sign_in_with_second_step
from tests.factories import (
    TEST_PASSWORD,
    PatientFactory,
    clinic_admin_user,
    front_desk_user,
    practitioner_user,
)


def _tamper(document):
    forged = bytes(document.pdf).replace(b"%PDF-1.4", b"%PDF-1.5", 1)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE assessments_plandocument SET pdf = %s WHERE id = %s", [forged, document.pk]
        )


def test_a_tampered_care_plan_is_refused_at_the_desk_and_found_in_the_audit_trail(
    page, screenshot, transactional_db
):
    plan = signed_plan(practitioner_user(username="doc"))
    front_desk_user(username="desk")
    admin = clinic_admin_user(username="admin")
    _tamper(plan.signed_document)

    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{plan.patient_id}/")
    page.get_by_test_id("download-plan").first.click()
    page.get_by_role("heading", name="This signed care plan cannot be printed").wait_for()
    assert "no longer matches the fingerprint" in page.content()
    screenshot(page, "tampered-care-plan-refused")
    page.get_by_role("link", name="Back to the chart").click()
    page.wait_for_url(f"**/patients/{plan.patient_id}/")
    page.get_by_role("button", name="Sign out").click()

    sign_in_with_second_step(page, admin, TEST_PASSWORD)
    page.goto("/admin/clinic/auditevent/")
    page.locator("#searchbar").fill(plan.patient.record_number)
    page.locator("#changelist-search").get_by_role("button").click()
    rows = page.locator("#result_list tbody tr")
    refused = rows.filter(has_text="Refused a stored document that fails its check")
    assert refused.count() == 1
    assert "desk" in refused.inner_text()
    assert AuditEvent.objects.filter(action=AuditAction.DOCUMENT_TAMPERED).count() == 1


def test_the_chart_names_the_patient_for_what_they_did_through_their_link(
    page, phone_page, transactional_db
):
    front_desk_user(username="desk")
    practitioner_user(username="doc")
    patient = PatientFactory(first_name="Zoë", last_name="Martin", preferred_language="en")

    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()
    url = page.get_by_test_id("self-intake-url").input_value()

    phone_page.goto(url)
    phone_page.get_by_role("link", name="Numeric Pain Rating Scale").click()
    phone_page.get_by_label("Pain now, from 0 (no pain) to 10 (worst possible pain)").fill("6")
    phone_page.get_by_role("button", name="Save my answers").click()
    phone_page.wait_for_url(lambda current: "/questionnaires/" not in current)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "doc", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    log = page.content()
    assert "the patient, through the self-intake link · Recorded an outcome measure" in log
    assert "the patient, through the self-intake link · Opened a self-intake link" in log
    assert "desk · Issued a self-intake link" in log
