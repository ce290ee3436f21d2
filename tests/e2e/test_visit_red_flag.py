"""A red flag reported at a visit stops treatment, in the browser."""

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
