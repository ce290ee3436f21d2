from intake.models import RED_FLAG_FIELDS as RED_FLAGS
from intake.models import IntakeStatus, SelfIntakeLink
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, front_desk_user, practitioner_user


def test_patient_fills_the_questionnaire_on_a_phone_and_the_practitioner_confirms(
    page, phone_page, screenshot, transactional_db
):
    front_desk_user(username="desk")
    practitioner_user(username="doc")
    patient = PatientFactory(first_name="Zoë", last_name="Martin", preferred_language="en")

    # The front desk issues the link from the chart.
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()
    url = page.get_by_test_id("self-intake-url").input_value()

    # The patient, on their phone, with no account.
    phone = phone_page
    phone.goto(url)
    assert "Hello Zoë" in phone.content()
    phone.get_by_label("What brings you in?").fill("Cramps in my left calf at night")
    phone.locator('input[name="cramp_muscles"][value="calf"]').check()
    phone.locator('input[name="cramp_timing"][value="night"]').check()
    phone.get_by_label("Which side?").select_option("left")
    phone.get_by_label("How many times a week?").fill("5")
    phone.locator('input[name="medications-0-name"]').fill("Atorvastatin")
    phone.locator('input[name="medications-0-dose"]').fill("20 mg")
    phone.get_by_label("Thyroid", exact=True).select_option("none")
    phone.get_by_label("Hours sitting a day").fill("9")
    phone.get_by_label("Exercise", exact=True).select_option("light")
    phone.get_by_label("Water a day (litres)").fill("1")
    phone.get_by_label("Cups of coffee or tea a day").fill("4")
    phone.get_by_label("Usual footwear").select_option("supportive")
    # Submitting with the warning signs unanswered is refused, with nothing lost.
    phone.get_by_role("button", name="Send my answers").click()
    assert phone.get_by_test_id("form-has-errors").is_visible()
    assert phone.get_by_label("What brings you in?").input_value() == (
        "Cramps in my left calf at night"
    )
    for name in RED_FLAGS:
        phone.locator(f'input[name="{name}"][value="no"]').check()
    screenshot(phone, "self-intake-phone")
    phone.get_by_role("button", name="Send my answers").click()
    assert phone.get_by_test_id("self-intake-done").is_visible()

    # The link refuses a second use.
    phone.goto(url)
    assert "This link no longer works" in phone.content()

    # The practitioner reviews and confirms.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "doc", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_test_id("chart-intakes").get_by_role("link", name="Patient-reported").click()
    assert (
        "Atorvastatin is a statin, linked to leg cramps"
        in page.get_by_test_id("intake-flags").inner_text()
    )
    page.get_by_role("button", name="Confirm intake").click()
    assert page.get_by_test_id("intake-status").inner_text() == "Confirmed"
    assert SelfIntakeLink.objects.get().intake.status == IntakeStatus.CONFIRMED
