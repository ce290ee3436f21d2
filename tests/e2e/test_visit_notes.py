"""Visit notes in the browser: a red flag stops treatment; a routine note by keyboard alone."""

import re

from assessments.models import Visit
from tests.assessments.visits.episode_builder import signed_plan_with_baseline
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, practitioner_user


def test_a_new_red_flag_at_a_visit_stops_treatment(page, screenshot, transactional_db):
    practitioner = practitioner_user(username="prac")
    plan = signed_plan_with_baseline(practitioner)
    sign_in(page, "prac", TEST_PASSWORD)
    page.goto(f"/patients/{plan.patient_id}/plans/{plan.pk}/visits/new/")

    page.get_by_label("A calf that is swollen, red or warm").check()
    page.get_by_test_id("treatment-row").first.get_by_role("checkbox").check()
    page.get_by_role("button", name="Sign the note").click()
    assert "treatment stops" in page.get_by_test_id("form-errors").inner_text()
    assert not Visit.objects.exists()
    # What was typed is still there; untick the treatment and sign.
    assert page.get_by_label("A calf that is swollen, red or warm").is_checked()
    page.get_by_test_id("treatment-row").first.get_by_role("checkbox").uncheck()
    page.get_by_role("button", name="Sign the note").click()
    page.wait_for_url(re.compile(r"/visits/\d+/$"))
    assert "treatment stops" in page.get_by_test_id("visit-red-flags").inner_text()
    screenshot(page, "visit-red-flag")

    page.get_by_role("link", name="Visits and progress").click()
    assert page.get_by_test_id("red-flag-hold").is_visible()
    page.get_by_role("link", name="New visit note", exact=True).click()
    assert page.get_by_test_id("red-flag-hold").is_visible()


def test_a_routine_copied_forward_note_is_signed_with_the_keyboard_alone(page, transactional_db):
    from tests.assessments.visits.episode_builder import signed_visit

    practitioner = practitioner_user(username="prac")
    plan = signed_plan_with_baseline(practitioner)
    last = signed_visit(plan, practitioner, objective="Calf length 90%")
    sign_in(page, "prac", TEST_PASSWORD)
    page.goto(f"/patients/{plan.patient_id}/plans/{plan.pk}/episode/")

    page.get_by_test_id("copy-forward").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/visits/new/\?copy=1$"))
    # The date has the focus and is today's; Tab to the cramps, past the time-of-day choices to
    # the pain score, and Enter signs the note (the first button of the form).
    assert page.evaluate("document.activeElement.name") == "visit_on"
    page.keyboard.press("Tab")
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # "At night"
    page.keyboard.press("Tab")
    page.keyboard.type("1")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/visits/\d+/$"))

    visit = Visit.objects.latest("pk")
    assert visit.is_signed and visit.copied_from == last
    assert (visit.cramps_per_week, visit.cramps_when, visit.pain_nprs) == (1, "night", 1)
    assert visit.objective == "Calf length 90%"
    assert [row["dosage"] for row in visit.treatment] == [row["dosage"] for row in last.treatment]
