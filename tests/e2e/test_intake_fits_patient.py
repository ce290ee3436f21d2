"""The intake fits the patient: staff intake on a tablet, the patient's link on a phone.

Each flow saves, reopens what was saved and saves it again.
"""

import re
from datetime import date

from django.utils import timezone

from intake.models import Intake
from intake.questionnaire import REQUIRED_ON_SUBMIT
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, front_desk_user


def _born_years_ago(years):
    return date(timezone.localdate().year - years, 1, 1)


def _visible_required_marks(page):
    """Questions showing the star (drawn by CSS after their label or legend)."""
    return page.evaluate(
        """() => [...document.querySelectorAll(".required-to-submit")].filter(wrapper => {
            const label = wrapper.querySelector("label.form-label, legend");
            return label && label.offsetParent !== null
                && getComputedStyle(label, "::after").content.includes("*");
        }).length"""
    )


def test_front_desk_takes_an_intake_on_a_tablet_with_many_medications(
    tablet_page, screenshot, transactional_db
):
    page = tablet_page
    front_desk_user(username="desk")
    patient = PatientFactory(
        first_name="Anna", last_name="Roy", sex="female", date_of_birth=_born_years_ago(31)
    )
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("link", name="Take intake").click()

    # Staff wording; the pregnancy section for a woman of 31; required questions marked now.
    assert page.get_by_label("What brings the patient in?").is_visible()
    assert page.get_by_role("group", name="Pregnancy").is_visible()
    assert _visible_required_marks(page) == len(REQUIRED_ON_SUBMIT)
    page.get_by_label("What brings the patient in?").fill("Night cramps in the left calf")
    page.locator("input[name=diabetes][value=no]").check()
    page.locator("input[name=kidney_disease][value=yes]").check()
    medications = ["Atorvastatin", "Furosemide", "Nifedipine", "Levothyroxine"]
    page.locator('input[name="medications-0-name"]').fill(medications[0])
    for index, name in enumerate(medications[1:], start=1):
        page.get_by_role("button", name="Add a medication").click()
        assert page.locator(f'input[name="medications-{index}-name"]').evaluate(
            "element => element === document.activeElement"
        )
        page.locator(f'input[name="medications-{index}-name"]').fill(name)
    screenshot(page, "intake-tablet")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/intakes/\d+/edit/$"))

    intake = Intake.objects.get()
    assert list(intake.medications.values_list("name", flat=True)) == medications
    assert (intake.diabetes, intake.kidney_disease, intake.osteoporosis) == (False, True, None)

    # Reopened: as saved, "not asked" still not answered; one more medication, saved again.
    page.reload()
    assert page.locator("input[name=diabetes][value=no]").is_checked()
    assert page.locator("input[name=osteoporosis][value='']").is_checked()
    for index, name in enumerate(medications):
        assert page.locator(f'input[name="medications-{index}-name"]').input_value() == name
    page.get_by_role("button", name="Add a medication").click()
    page.locator('input[name="medications-5-name"]').fill("Magnesium")
    page.get_by_role("button", name="Save draft").click()
    assert "Draft saved" in page.content()
    intake.refresh_from_db()
    assert intake.medications.count() == 5
    assert intake.osteoporosis is None


def test_a_man_fills_in_his_link_on_a_phone_without_a_pregnancy_section(
    page, phone_page, screenshot, transactional_db
):
    front_desk_user(username="desk")
    patient = PatientFactory(first_name="Marc", last_name="Roy", sex="male")
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()
    url = page.get_by_test_id("self-intake-url").input_value()

    phone = phone_page
    phone.goto(url)
    assert phone.get_by_role("group", name="Pregnancy").count() == 0
    assert phone.locator("input[name=pregnant]").count() == 0
    assert phone.get_by_label("What brings you in?").is_visible()
    assert phone.get_by_text("What brings the patient in?").count() == 0
    assert _visible_required_marks(phone) == len(REQUIRED_ON_SUBMIT)
    phone.get_by_label("What brings you in?").fill("Cramps in my hands")
    phone.locator("input[name=stroke][value=no]").check()
    phone.locator('input[name="medications-0-name"]').fill("Atorvastatin")
    phone.get_by_role("button", name="Add a medication").click()
    phone.locator('input[name="medications-1-name"]').fill("Metformin")
    screenshot(phone, "intake-phone")
    phone.get_by_role("button", name="Save and finish later").click()
    assert "Your answers are saved" in phone.content()

    # Reopened from the same link: as saved; saved again unchanged.
    phone.goto(url)
    assert phone.get_by_label("What brings you in?").input_value() == "Cramps in my hands"
    assert phone.locator("input[name=stroke][value=no]").is_checked()
    assert phone.locator("input[name=diabetes][value='']").is_checked()
    assert phone.locator('input[name="medications-1-name"]').input_value() == "Metformin"
    phone.get_by_role("button", name="Save and finish later").click()
    assert "Your answers are saved" in phone.content()
    intake = Intake.objects.get()
    assert list(intake.medications.values_list("name", flat=True)) == [
        "Atorvastatin",
        "Metformin",
    ]
    assert (intake.stroke, intake.diabetes, intake.pregnant) == (False, None, False)
