"""The intake flows the front desk and practitioners run all day, in one tab, as they run them.

Each test reopens what was saved and saves it again: the draft that could never be saved twice
(defect 1), the correction nobody made (defect 2) and the double-clicked self-intake link
(defect 6) were all invisible to tests that posted a dict they had built themselves.
"""

import re
import time

from intake.models import RED_FLAG_FIELDS as RED_FLAGS
from intake.models import Intake, IntakeStatus, SelfIntakeLink
from intake.self_intake import services
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, front_desk_user, practitioner_user

CONFLICT = "Someone else changed this record"


def _answer_the_rest(page):
    page.get_by_label("Thyroid", exact=True).select_option("none")
    page.get_by_label("Exercise", exact=True).select_option("light")
    page.get_by_label("Water a day (litres)").fill("1.5")
    page.get_by_label("Cups of coffee or tea a day").fill("2")
    page.get_by_label("Usual footwear").select_option("supportive")
    for name in RED_FLAGS:
        page.locator(f'input[name="{name}"][value="no"]').check()


def _open_intake_from_chart(page, patient, source="Taken at the front desk"):
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_test_id("chart-intakes").get_by_role("link", name=source).click()


def test_front_desk_saves_a_draft_twice_submits_it_and_the_practitioner_corrects_it(
    page, transactional_db
):
    front_desk_user(username="desk")
    practitioner_user(username="doc")
    patient = PatientFactory(first_name="Anna", last_name="Roy")

    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("link", name="Take intake").click()
    page.get_by_label("What brings the patient in?").type("Cramps in the right calf")
    page.get_by_label("Hours sitting a day").type("6")
    page.locator('input[name="medications-0-name"]').type("Hydrochlorothiazide")
    page.locator('input[name="medications-0-dose"]').type("25 mg")
    page.get_by_role("button", name="Save draft").click()
    assert "Draft saved" in page.content()

    # Back to the chart, reopen the draft, change an answer, save again: saved, no conflict.
    page.get_by_role("link", name="Back to chart").click()
    _open_intake_from_chart(page, patient)
    page.get_by_role("link", name="Continue intake").click()
    assert page.get_by_label("Hours sitting a day").input_value() == "6.0"
    page.get_by_label("Hours sitting a day").fill("")
    page.get_by_label("Hours sitting a day").type("7")
    page.get_by_role("button", name="Save draft").click()
    assert CONFLICT not in page.content()
    assert "Draft saved" in page.content()
    assert str(Intake.objects.get().sitting_hours_per_day) == "7.0"
    # The medication line nobody touched is still there, as typed.
    assert page.locator('input[name="medications-0-name"]').input_value() == "Hydrochlorothiazide"
    medications = list(Intake.objects.get().medications.values_list("name", "dose"))
    assert medications == [("Hydrochlorothiazide", "25 mg")]

    # Once more, this time submitting it.
    page.get_by_label("What brings the patient in?").fill("")
    page.get_by_label("What brings the patient in?").type("Cramps in the right calf at night")
    _answer_the_rest(page)
    page.get_by_role("button", name="Submit intake").click()
    assert CONFLICT not in page.content()
    assert page.get_by_test_id("intake-status").inner_text() == "Submitted, awaiting review"
    intake = Intake.objects.get()
    assert intake.status == IntakeStatus.SUBMITTED
    assert intake.complaint == "Cramps in the right calf at night"

    # The practitioner corrects an answer on the submitted intake.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "doc", TEST_PASSWORD)
    _open_intake_from_chart(page, patient)
    page.get_by_role("link", name="Correct answers").click()
    page.get_by_label("Cups of coffee or tea a day").fill("")
    page.get_by_label("Cups of coffee or tea a day").type("5")
    page.get_by_role("button", name="Submit intake").click()
    assert CONFLICT not in page.content()
    page.wait_for_url(re.compile(rf"/patients/{patient.pk}/intakes/{intake.pk}/$"))
    intake.refresh_from_db()
    assert intake.coffee_tea_cups_per_day == 5
    # And again, reopened from the summary: still saves.
    page.get_by_role("link", name="Correct answers").click()
    page.get_by_role("button", name="Save draft").click()
    assert CONFLICT not in page.content()
    intake.refresh_from_db()
    assert intake.coffee_tea_cups_per_day == 5
    assert intake.status == IntakeStatus.SUBMITTED
    assert intake.medications.count() == 1


def test_a_patients_answer_confirmed_unchanged_shows_no_correction(
    page, phone_page, transactional_db
):
    front_desk_user(username="desk")
    practitioner_user(username="doc")
    patient = PatientFactory(first_name="Louis", last_name="Caron", preferred_language="en")

    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()
    url = page.get_by_test_id("self-intake-url").input_value()

    phone_page.goto(url)
    phone_page.get_by_label("What brings you in?").type("Night cramps in both calves")
    phone_page.get_by_label("Hours sitting a day").type("5")
    _answer_the_rest(phone_page)
    phone_page.get_by_role("button", name="Send my answers").click()
    assert phone_page.get_by_test_id("self-intake-done").is_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "doc", TEST_PASSWORD)
    _open_intake_from_chart(page, patient, source="Patient-reported")
    assert page.get_by_test_id("corrections").count() == 0

    # Opened for correction and saved without a change: still nothing corrected.
    page.get_by_role("link", name="Correct answers").click()
    page.get_by_role("button", name="Submit intake").click()
    assert page.get_by_test_id("intake-status").inner_text() == "Submitted, awaiting review"
    assert page.get_by_test_id("corrections").count() == 0
    page.get_by_role("button", name="Confirm intake").click()
    assert page.get_by_test_id("intake-status").inner_text() == "Confirmed"
    assert page.get_by_test_id("corrections").count() == 0
    assert "sitting_hours_per_day" not in page.content()


def test_a_real_correction_is_shown_with_the_question_not_the_field_name(
    page, phone_page, transactional_db
):
    front_desk_user(username="desk")
    practitioner_user(username="doc")
    patient = PatientFactory(first_name="Marie", last_name="Gagnon", preferred_language="en")
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()
    url = page.get_by_test_id("self-intake-url").input_value()
    phone_page.goto(url)
    phone_page.get_by_label("What brings you in?").type("Calf cramps")
    phone_page.get_by_label("Hours sitting a day").type("5")
    _answer_the_rest(phone_page)
    phone_page.get_by_role("button", name="Send my answers").click()
    assert phone_page.get_by_test_id("self-intake-done").is_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "doc", TEST_PASSWORD)
    _open_intake_from_chart(page, patient, source="Patient-reported")
    page.get_by_role("link", name="Correct answers").click()
    page.get_by_label("Hours sitting a day").fill("")
    page.get_by_label("Hours sitting a day").type("9.5")
    page.get_by_role("button", name="Submit intake").click()

    corrections = page.get_by_test_id("corrections").inner_text()
    assert "Hours sitting a day: patient said 5" in corrections
    assert "9.5" in corrections
    assert "sitting_hours_per_day" not in corrections
    assert len(page.get_by_test_id("corrections").locator("li").all()) == 1


def test_double_clicking_send_self_intake_link_makes_one_link(
    page, phone_page, transactional_db, monkeypatch
):
    front_desk_user(username="desk")
    patient = PatientFactory(first_name="Paul", last_name="Tremblay")
    # A server as busy as a clinic's at 9 a.m.: the first click's answer is still on its way
    # when the second click lands, as with a person's double click.
    issue = services.self_intake_link_issue

    def slow_issue(**kwargs):
        time.sleep(0.4)
        return issue(**kwargs)

    monkeypatch.setattr(services, "self_intake_link_issue", slow_issue)
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")

    box = page.get_by_role("button", name="Send self-intake link").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(150)
    page.mouse.click(x, y)
    page.wait_for_timeout(2000)  # both clicks answered; the page shows the second answer
    page.wait_for_load_state()
    url = page.get_by_test_id("self-intake-url").input_value()

    assert SelfIntakeLink.objects.count() == 1
    assert Intake.objects.filter(patient=patient).count() == 1
    phone_page.goto(url)
    assert "Hello Paul" in phone_page.content()

    # A new link later on (a deliberate second send, once the first was opened) replaces it.
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()
    new_url = page.get_by_test_id("self-intake-url").input_value()
    assert new_url != url
    phone_page.goto(url)
    assert "This link no longer works" in phone_page.content()
    phone_page.goto(new_url)
    assert "Hello Paul" in phone_page.content()
