import re

from assessments.models import Exam, OutcomeMeasure
from assessments.outcomes import ODI
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, IntakeFactory, PatientFactory, practitioner_user


def test_practitioner_records_an_exam_and_an_oswestry_and_sees_the_score_on_the_chart(
    page, screenshot, transactional_db
):
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Élodie", last_name="Lefèvre")
    sign_in(page, "prac", TEST_PASSWORD)

    intake = IntakeFactory(patient=patient, status="confirmed")
    # Starts from the confirmed intake, which the exam then follows.
    page.goto(f"/patients/{patient.pk}/intakes/{intake.pk}/")
    page.get_by_role("link", name="Record exam").click()

    grid = page.get_by_test_id("spinal-grid")
    grid.get_by_label("L5 stiffness").select_option("moderate")
    grid.get_by_label("L5 side").select_option("left")
    page.get_by_label("gluteus medius, left").fill("3")
    page.get_by_label("gluteus medius, right").fill("5")
    page.get_by_label("Pain now (0-10)").fill("4")
    screenshot(page, "practitioner-exam-form")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    assert page.get_by_test_id("exam-status").inner_text() == "Draft"
    assert "L5" in page.get_by_test_id("segment-findings").inner_text()

    page.get_by_role("link", name="Record ODI").click()
    # A moderate back: every section at its third statement, 20 / 50 = 40%.
    for item in ODI.items:
        page.locator(f'input[name="{item.key}"][value="2"]').check()
    page.get_by_role("button", name="Save and score").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    assert "40%" in page.get_by_test_id("exam-outcomes").inner_text()

    page.get_by_role("link", name="Finish exam").click()
    page.get_by_role("button", name="Finish and lock").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    assert page.get_by_test_id("exam-status").inner_text() == "Finished"

    page.get_by_role("link", name="Élodie Lefèvre").click()
    odi = page.get_by_test_id("outcome-ODI")
    assert "Baseline 40%" in odi.inner_text()
    assert odi.locator("svg").count() == 1
    assert "Finished" in page.get_by_test_id("chart-exams").inner_text()
    assert screenshot(page, "practitioner-exam-odi-on-chart").stat().st_size > 0

    exam = Exam.objects.get()
    assert exam.segments == [
        {"level": "L5", "stiffness": "moderate", "tender": False, "side": "left"}
    ]
    assert exam.glute_med_left == 3
    assert exam.status == "finished"
    assert exam.intake == intake
    assert OutcomeMeasure.objects.get().exam == exam


def _save_draft_and_reopen(page):
    """Save the exam as a draft, open it again with Edit, and return its spinal grid."""
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    page.get_by_role("link", name="Edit").click()
    return page.get_by_test_id("spinal-grid")


def test_a_saved_spinal_grid_reopens_as_it_was_and_saves_again_with_a_new_finding(
    page, transactional_db
):
    # The grid is written in Python, not by Django's widgets: reopen what was saved, change it,
    # save again, and nothing typed before may be lost or turned into a finding.
    practitioner_user(username="prac")
    patient = PatientFactory()
    sign_in(page, "prac", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/exams/new/")
    grid = page.get_by_test_id("spinal-grid")
    grid.get_by_label("L5 stiffness").select_option("moderate")
    grid.get_by_label("L5 tender").check()
    grid.get_by_label("L5 side").select_option("left")

    grid = _save_draft_and_reopen(page)
    assert grid.get_by_label("L5 stiffness").input_value() == "moderate"
    assert grid.get_by_label("L5 tender").is_checked()
    assert grid.get_by_label("L5 side").input_value() == "left"
    assert grid.get_by_label("T6 stiffness").input_value() == "none"
    assert not grid.get_by_label("T6 tender").is_checked()
    grid.get_by_label("T6 stiffness").select_option("mild")

    grid = _save_draft_and_reopen(page)
    assert grid.get_by_label("L5 stiffness").input_value() == "moderate"
    assert grid.get_by_label("T6 stiffness").input_value() == "mild"
    assert Exam.objects.get().segments == [
        {"level": "T6", "stiffness": "mild", "tender": False, "side": "central"},
        {"level": "L5", "stiffness": "moderate", "tender": True, "side": "left"},
    ]
