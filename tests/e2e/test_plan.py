import re

from assessments.models import PlanStatus, PrecautionOverride, TreatmentPlan
from tests.e2e.conftest import sign_in
from tests.factories import (
    TEST_PASSWORD,
    PatientFactory,
    confirmed_intake,
    finished_exam,
    practitioner_user,
)


def test_practitioner_generates_edits_overrides_signs_and_amends_a_plan(
    page, screenshot, transactional_db
):
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Élodie", last_name="Lefèvre")
    intake = confirmed_intake(
        patient=patient,
        cramp_muscles=["calf"],
        cramp_side="both",
        cramp_timing=["night"],
        cramps_per_week=5,
        pregnant=True,
        gestation_weeks=31,
    )
    exam = finished_exam(intake, pain_now=3)
    sign_in(page, "prac", TEST_PASSWORD)

    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("link", name="Generate a plan").click()
    page.get_by_label("Confirmed intake").select_option(str(intake.pk))
    page.get_by_label("Finished exam").select_option(str(exam.pk))
    page.get_by_role("button", name="Generate draft plan").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/(#[a-z0-9-]+)?$"))
    assert page.get_by_test_id("plan-status").inner_text() == "Draft"
    assert "Third trimester" in page.get_by_test_id("factors").inner_text()

    # Edit the massage item.
    page.get_by_test_id("component-massage").get_by_role("link", name="Edit").first.click()
    page.get_by_label("Title").fill("Gentle calf massage, side lying")
    page.get_by_role("button", name="Save item").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/(#[a-z0-9-]+)?$"))
    assert (
        "Gentle calf massage, side lying" in page.get_by_test_id("component-massage").inner_text()
    )

    # Keep each item that carries a precaution, with a reason.
    reasons = page.get_by_test_id("precaution").locator("input[name=reason]")
    first = True
    while reasons.count():
        reasons.first.fill("Side lying with pillows, gentle pressure only")
        if first:
            screenshot(page, "practitioner-plan-precaution-override")
            first = False
        page.get_by_role("button", name="Keep with reason").first.click()
        page.wait_for_load_state()
    # A contraindicated item is withheld (issue 12): adding it back by hand needs a reason.
    # (Before the issue-12 reasoning, items stayed and the loop above answered them instead.)
    withheld = page.get_by_test_id("withheld-item")
    if withheld.count():
        withheld.first.locator("input[name=reason]").fill("Only briefly, checked with the patient")
        withheld.first.get_by_role("button", name="Add anyway").click()
        page.wait_for_load_state()
        assert "Added to the plan by hand" in page.get_by_test_id("withheld-items").inner_text()
    assert page.get_by_test_id("precaution-override").count() == PrecautionOverride.objects.count()
    assert PrecautionOverride.objects.exists()

    page.get_by_role("button", name="Sign plan").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/(#[a-z0-9-]+)?$"))
    assert page.get_by_test_id("plan-status").inner_text() == "Signed"
    assert page.get_by_test_id("plan-locked").is_visible()
    screenshot(page, "practitioner-plan-signed")

    page.get_by_role("link", name="Amend").click()
    page.get_by_label("Why is the plan amended?").fill("She now sleeps on her side")
    page.get_by_role("button", name="Start the amendment").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/(#[a-z0-9-]+)?$"))
    assert page.get_by_test_id("plan-status").inner_text() == "Draft"
    assert "She now sleeps on her side" in page.get_by_test_id("amendment-reason").inner_text()

    page.get_by_role("link", name="2 versions").click()
    versions = page.get_by_test_id("plan-versions").inner_text()
    assert "Version 1" in versions and "Version 2" in versions
    page.get_by_role("link", name="Version 1").click()
    assert page.get_by_test_id("plan-status").inner_text() == "Signed"
    assert (
        "Gentle calf massage, side lying" in page.get_by_test_id("component-massage").inner_text()
    )

    page.get_by_role("link", name="Élodie Lefèvre").first.click()
    plans = page.get_by_test_id("chart-plans").inner_text()
    assert "version 1" in plans and "version 2" in plans
    assert screenshot(page, "practitioner-plan-versions-on-chart").stat().st_size > 0

    v1, v2 = TreatmentPlan.objects.order_by("number")
    assert (v1.status, v2.status) == (PlanStatus.SIGNED, PlanStatus.DRAFT)
    assert v2.previous == v1
