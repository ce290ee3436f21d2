"""A receptionist at the desktop finds patients the way she types, and registers the one the
search did not find, with the duplicate check still on guard (issue 16, front desk)."""

import re
from datetime import date

from intake.models import Patient
from intake.patients import services
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, front_desk_user


def search(page, text):
    page.get_by_label("Name, phone or record number").fill(text)
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()


def listed(page):
    results = page.get_by_test_id("patient-results")
    if not results.count():
        return []
    return [
        name.strip() for name in results.locator("tbody tr td:nth-child(2) a").all_inner_texts()
    ]


def test_receptionist_finds_patients_as_she_types_and_registers_the_one_not_found(
    page, screenshot, transactional_db
):
    front_desk_user(username="desk")
    PatientFactory(first_name="Rose", last_name="Gagnon", phone="+14382000104")
    PatientFactory(first_name="Marc", last_name="Gagnon", phone="+14382005555")
    PatientFactory(first_name="Mary", last_name="O'Neil", phone="+16135550104")
    PatientFactory(first_name="Margaret", last_name="Smith", phone="+12045550177")
    PatientFactory(first_name="Marjorie", last_name="Smith", phone="+12045550179")
    # Registered once and archived: hidden from the search, not from the duplicate check.
    archived = PatientFactory(
        first_name="Lucie", last_name="Tremblay", date_of_birth=date(1961, 5, 2)
    )
    services.patient_archive(patient=archived, reason="Left the clinic", by=None)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "desk", TEST_PASSWORD)
    page.get_by_role("link", name="Patients", exact=True).click()

    search(page, "0104")
    assert sorted(listed(page)) == ["Gagnon, Rose", "O'Neil, Mary"]
    search(page, "555-0104")
    assert listed(page) == ["O'Neil, Mary"]
    search(page, "gagnon, r")
    assert listed(page) == ["Gagnon, Rose"]
    search(page, "oneil")
    assert listed(page) == ["O'Neil, Mary"]

    search(page, "Margret")
    assert listed(page) == ["Smith, Margaret"]  # one typo away; Marjorie is not
    assert page.get_by_test_id("near-match").count() == 1
    assert "Similar name" in page.get_by_test_id("near-match").inner_text()
    screenshot(page, "front-desk-search-similar-name")

    search(page, "tremblay, lucie")
    assert listed(page) == []
    assert "No patient matches this search." in page.get_by_test_id("no-exact-match").inner_text()
    page.get_by_test_id("register-from-search").click()

    page.wait_for_url(re.compile(r"/patients/new/\?"))
    assert page.get_by_label("First name").input_value() == "Lucie"
    assert page.get_by_label("Last name").input_value() == "Tremblay"
    page.get_by_label("Date of birth").fill("1961-05-02")
    page.get_by_label("Sex").select_option("female")
    page.locator("#id_phone").fill("514 555 0188")
    page.get_by_label("The patient consents to assessment and treatment").check()
    page.get_by_label("The patient has read and accepts the privacy notice").check()
    page.get_by_role("button", name="Register patient").click()

    # Same name and birth date as the archived record: the desk is asked first.
    assert "already registered" in page.content()
    assert Patient.objects.filter(last_name="Tremblay").count() == 1
    page.get_by_label("I have checked: this is a different person; register them anyway").check()
    page.get_by_role("button", name="Register patient").click()
    page.wait_for_url(re.compile(r"/patients/\d+/$"))

    page.get_by_role("link", name="Patients", exact=True).click()
    search(page, "tremblay, l")
    assert listed(page) == ["Tremblay, Lucie"]
    page.get_by_role("link", name="Tremblay, Lucie").click()
    assert page.get_by_test_id("patient-name").inner_text() == "Lucie Tremblay"
