import re

from intake.models import Patient
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, front_desk_user


def test_front_desk_registers_finds_and_opens_a_patient(page, screenshot, transactional_db):
    front_desk_user(username="desk")
    sign_in(page, "desk", TEST_PASSWORD)

    page.get_by_role("link", name="Register a patient").first.click()
    page.get_by_label("First name").fill("Élodie")
    page.get_by_label("Last name").fill("Lefèvre")
    page.get_by_label("Date of birth").fill("1988-04-12")
    page.get_by_label("Sex").select_option("female")
    page.get_by_label("Preferred language").select_option("fr")
    page.locator("#id_phone").fill("514 555 0101")
    page.get_by_label("The patient consents to assessment and treatment").check()
    page.get_by_label("The patient has read and accepts the privacy notice").check()
    page.get_by_role("button", name="Register patient").click()

    page.wait_for_url(re.compile(r"/patients/\d+/$"))
    assert "is registered with record number" in page.content()
    patient = Patient.objects.get()

    page.get_by_role("link", name="Patients", exact=True).click()
    page.get_by_label("Name, phone or record number").fill("lefevre")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_test_id("patient-results")
    assert "Lefèvre, Élodie" in results.inner_text()

    results.get_by_role("link", name="Lefèvre, Élodie").click()
    assert page.get_by_test_id("patient-name").inner_text() == "Élodie Lefèvre"
    assert page.get_by_test_id("record-number").inner_text() == patient.record_number
    assert screenshot(page, "front-desk-patient-chart").stat().st_size > 0
