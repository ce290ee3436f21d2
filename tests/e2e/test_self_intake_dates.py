"""Issue 11, defect 7, on the patient's side: a date typed on a phone is year-first or refused."""

from datetime import timedelta

from django.utils import timezone

from intake.models import RED_FLAG_FIELDS as RED_FLAGS
from intake.models import Intake
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, front_desk_user


def test_a_patient_s_day_first_date_is_refused_on_the_phone_and_a_year_first_one_kept(
    page, phone_page, screenshot, transactional_db
):
    front_desk_user(username="desk")
    patient = PatientFactory(first_name="Zoë", last_name="Martin", preferred_language="en")
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()
    url = page.get_by_test_id("self-intake-url").input_value()

    phone = phone_page
    phone.goto(url)
    phone.get_by_label("What brings you in?").fill("Cramps in my calves since the baby")
    phone.locator('input[name="cramp_muscles"][value="calf"]').check()
    phone.locator('input[name="cramp_timing"][value="night"]').check()
    phone.get_by_label("Which side?").select_option("both")
    phone.get_by_label("How many times a week?").fill("3")
    phone.get_by_label("Gave birth in the last 12 months").check()
    born = phone.get_by_label("Date of the birth")
    assert born.get_attribute("type") == "text"
    assert born.get_attribute("inputmode") == "numeric"  # the phone's number pad
    assert born.get_attribute("placeholder") == "yyyy-mm-dd"
    phone.get_by_label("Thyroid", exact=True).select_option("none")
    phone.get_by_label("Hours sitting a day").fill("4")
    phone.get_by_label("Exercise", exact=True).select_option("light")
    phone.get_by_label("Water a day (litres)").fill("2")
    phone.get_by_label("Cups of coffee or tea a day").fill("1")
    phone.get_by_label("Usual footwear").select_option("supportive")
    for name in RED_FLAGS:
        phone.locator(f'input[name="{name}"][value="no"]').check()

    baby = timezone.localdate() - timedelta(days=60)
    day_first = f"{baby:%d%m%Y}"
    born.press_sequentially(day_first)
    phone.get_by_role("button", name="Send my answers").click()
    assert phone.get_by_test_id("form-has-errors").is_visible()
    assert "is not a date written as yyyy-mm-dd" in phone.locator("#div_id_birth_date").inner_text()
    assert phone.get_by_label("Date of the birth").input_value() == day_first
    assert phone.get_by_label("What brings you in?").input_value() == (
        "Cramps in my calves since the baby"
    )
    assert phone.get_by_label("Gave birth in the last 12 months").is_checked()
    assert not Intake.objects.filter(status="submitted").exists()
    screenshot(phone, "self-intake-date-refused")

    # Typed year first on the number pad, without dashes: kept as that day.
    born = phone.get_by_label("Date of the birth")
    born.fill("")
    born.press_sequentially(f"{baby:%Y%m%d}")
    phone.get_by_role("button", name="Send my answers").click()
    assert phone.get_by_test_id("self-intake-done").is_visible()
    assert Intake.objects.get(patient=patient).birth_date == baby
