"""Issue 11, defect 7: dates typed the way people type them, shown in the clinic's time zone.

The clinic writes dates as yyyy-mm-dd (en-CA and fr-CA alike), whatever language the browser
is set to; a date that could be read two ways is refused with the expected format, never guessed.
"""

import re
from datetime import UTC, date, datetime

import pytest

from assessments.models import TreatmentPlan
from intake.models import Intake, Patient
from tests.e2e.conftest import sign_in
from tests.factories import (
    NO_RED_FLAGS,
    TEST_PASSWORD,
    IntakeFactory,
    PatientFactory,
    front_desk_user,
    practitioner_user,
)


@pytest.fixture
def us_page(browser, live_server):
    """A browser set to US English, whose own date picker would be mm/dd/yyyy."""
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def type_date(field, text):
    field.fill("")
    field.press_sequentially(text)


def test_a_day_first_birth_date_is_refused_with_the_format_and_nothing_typed_is_lost(
    us_page, screenshot, transactional_db
):
    page = us_page
    front_desk_user(username="desk")
    sign_in(page, "desk", TEST_PASSWORD)

    page.get_by_role("link", name="Register a patient").first.click()
    born = page.get_by_label("Date of birth")
    # Shown as the clinic writes dates, not as the US-English browser would.
    assert born.get_attribute("type") == "text"
    assert born.get_attribute("placeholder") == "yyyy-mm-dd"
    assert born.get_attribute("inputmode") == "numeric"
    assert "yyyy-mm-dd" in page.locator("#id_date_of_birth_helptext").inner_text()

    page.get_by_label("First name").fill("Marguerite")
    page.get_by_label("Last name").fill("Tremblay")
    page.get_by_label("Sex").select_option("female")
    page.locator("#id_phone").fill("514 555 0199")
    page.get_by_label("The patient consents to assessment and treatment").check()
    page.get_by_label("The patient has read and accepts the privacy notice").check()

    for typed in ("15031958", "03/04/1958", "15-03-1958"):
        type_date(page.get_by_label("Date of birth"), typed)
        page.get_by_role("button", name="Register patient").click()
        page.wait_for_load_state()
        error = page.locator("#error_1_id_date_of_birth").inner_text()
        assert f"“{typed}” is not a date written as yyyy-mm-dd" in error, typed
        assert not Patient.objects.exists(), typed
        # Everything typed is still there, the refused date included, to be corrected.
        assert page.get_by_label("Date of birth").input_value() == typed
        assert page.get_by_label("First name").input_value() == "Marguerite"
        assert page.get_by_label("Last name").input_value() == "Tremblay"
        assert page.get_by_label("Sex").input_value() == "female"
        assert "514" in page.locator("#id_phone").input_value()
        assert page.get_by_label("The patient consents to assessment and treatment").is_checked()
    screenshot(page, "birth-date-refused-day-first")

    type_date(page.get_by_label("Date of birth"), "1958-03-15")
    page.get_by_role("button", name="Register patient").click()
    page.wait_for_url(re.compile(r"/patients/\d+/$"))
    patient = Patient.objects.get()
    assert patient.date_of_birth == date(1958, 3, 15)
    assert "born 1958-03-15" in page.content()

    # Reopened, it shows yyyy-mm-dd in the US-English browser too; saved again, unchanged.
    page.get_by_role("link", name="Edit details").click()
    born = page.get_by_label("Date of birth")
    assert born.get_attribute("type") == "text"
    assert born.input_value() == "1958-03-15"
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(re.compile(r"/patients/\d+/$"))
    patient.refresh_from_db()
    assert patient.date_of_birth == date(1958, 3, 15)

    # Typed without dashes on a number pad, the search finds her.
    page.get_by_role("link", name="Patients", exact=True).click()
    type_date(page.locator("#id_date_of_birth"), "19580315")
    page.get_by_role("button", name="Search").click()
    assert "Tremblay, Marguerite" in page.get_by_test_id("patient-results").inner_text()


def test_an_evening_intake_shows_its_toronto_date_and_a_review_date_is_typed_year_first(
    page, screenshot, transactional_db
):
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Élodie", last_name="Lefèvre")
    intake = IntakeFactory(patient=patient, status="confirmed", **NO_RED_FLAGS)
    # Taken at 21:30 in Toronto on 14 January: 02:30 UTC on the 15th.
    evening = datetime(2026, 1, 15, 2, 30, tzinfo=UTC)
    Intake.objects.filter(pk=intake.pk).update(created_at=evening, confirmed_at=evening)
    sign_in(page, "prac", TEST_PASSWORD)

    page.goto(f"/patients/{patient.pk}/")
    assert "2026-01-14" in page.get_by_test_id("chart-intakes").inner_text()
    page.get_by_role("link", name="Generate a plan").click()
    picker = page.get_by_label("Confirmed intake")
    options = picker.locator("option").all_inner_texts()
    assert "Intake of 2026-01-14" in options
    assert not any("2026-01-15" in option for option in options)
    screenshot(page, "plan-picker-toronto-date")

    page.get_by_role("button", name="Generate draft plan").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/(#[a-z0-9-]+)?$"))
    assert "intake of 2026-01-14" in page.content()
    assert "2026-01-15" not in page.content()

    proposed = TreatmentPlan.objects.get().review_date
    details = page.get_by_test_id("plan-details")
    review = details.get_by_label("Review date")
    assert review.input_value() == proposed.isoformat()
    assert review.get_attribute("type") == "text"
    assert review.get_attribute("placeholder") == "yyyy-mm-dd"
    details.get_by_label("Visit frequency").fill("Twice a week for four weeks")
    type_date(review, "15/04/2027")
    details.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    details = page.get_by_test_id("plan-details")
    assert "is not a date written as yyyy-mm-dd" in details.inner_text()
    assert details.get_by_label("Visit frequency").input_value() == "Twice a week for four weeks"
    assert details.get_by_label("Review date").input_value() == "15/04/2027"
    assert TreatmentPlan.objects.get().review_date == proposed  # nothing saved

    type_date(details.get_by_label("Review date"), "2027-04-15")
    details.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/(#[a-z0-9-]+)?$"))
    plan = TreatmentPlan.objects.get()
    assert plan.review_date == date(2027, 4, 15)
    assert plan.visit_frequency == "Twice a week for four weeks"
    assert page.get_by_test_id("plan-details").get_by_label("Review date").input_value() == (
        "2027-04-15"
    )
