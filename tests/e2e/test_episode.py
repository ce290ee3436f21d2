"""Issue 17's acceptance: one six-visit episode from the signed plan to discharge."""

import re
from datetime import timedelta

from django.utils import timezone

from assessments.models import Episode, EpisodeDocument, Visit
from tests.assessments.documents.pdf_reading import flat, full_text
from tests.assessments.visits.episode_builder import reassessment_exam, signed_plan_with_baseline
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, practitioner_user


def _day(days_ago):
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


def _fill_visit(page, *, day, cramps, pain, objective=None, dosage=None):
    page.get_by_label("Date of visit").fill(day)
    page.get_by_label("Cramps a week since the last visit").fill(str(cramps))
    page.get_by_label("At night").check()
    page.get_by_label("Pain now (NPRS 0-10)").fill(str(pain))
    page.get_by_label("Most days").check()
    if objective is not None:
        page.get_by_label("Objective").fill(objective)
    first = page.get_by_test_id("treatment-row").first
    first.get_by_role("checkbox").check()
    if dosage is not None:
        first.get_by_role("textbox").fill(dosage)


def _download(page, tmp_path, test_id):
    with page.expect_download() as info:
        page.get_by_test_id(test_id).first.click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return flat(full_text(path.read_bytes()))


def test_a_six_visit_episode_from_signed_plan_to_discharge(
    page, screenshot, tmp_path, transactional_db
):
    practitioner = practitioner_user(username="prac", first_name="Paule", last_name="Morin")
    plan = signed_plan_with_baseline(practitioner, odi_score=40.0)
    patient = plan.patient
    sign_in(page, "prac", TEST_PASSWORD)

    # From the chart to the episode's page.
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_test_id("episode-link").click()
    page.wait_for_url(re.compile(r"/plans/\d+/episode/$"))

    # Visits 1-3: typed in full, the keyboard only for the text.
    for number, (days_ago, cramps) in enumerate(((0, 5), (0, 4), (0, 3)), start=1):
        page.get_by_role("link", name="New visit note", exact=True).click()
        _fill_visit(
            page,
            day=_day(days_ago),
            cramps=cramps,
            pain=3,
            objective=f"Visit {number}: calf length 80%, L5 stiff",
            dosage="20 s x 3, gentle" if number == 1 else None,
        )
        page.get_by_role("button", name="Sign the note").click()
        page.wait_for_url(re.compile(r"/visits/\d+/$"))
        assert page.get_by_test_id("visit-status").inner_text() == "Signed"
        page.get_by_role("link", name="Visits and progress").click()

    # Visit 4: copied forward from visit 3, objective and dosages already there.
    page.get_by_test_id("copy-forward").click()
    assert page.get_by_test_id("copied-from").is_visible()
    assert page.get_by_label("Objective").input_value() == "Visit 3: calf length 80%, L5 stiff"
    page.get_by_label("Date of visit").fill(_day(0))
    page.get_by_label("Cramps a week since the last visit").fill("2")
    page.get_by_label("Pain now (NPRS 0-10)").fill("2")
    screenshot(page, "visit-note-copied-forward")
    page.get_by_role("button", name="Sign the note").click()
    page.wait_for_url(re.compile(r"/visits/\d+/$"))
    assert "Visit 3: calf length 80%" in page.get_by_test_id("visit-objective").inner_text()
    visit_four = Visit.objects.order_by("-pk").first()
    assert visit_four.copied_from is not None

    # The re-assessment exam (recorded on the exam pages, covered by their own tests) scores
    # the ODI at 24: 16 points better than the baseline of 40, past its MCID of 10.
    reassessment_exam(patient, practitioner, odi_score=24.0)
    page.get_by_role("link", name="Visits and progress").click()
    page.get_by_role("link", name="Compare with the baseline").click()
    odi_row = page.get_by_test_id("comparison-ODI")
    assert "40%" in odi_row.inner_text() and "24%" in odi_row.inner_text()
    assert "past the MCID" in odi_row.inner_text()
    cramps_row = page.get_by_test_id("comparison-cramps").inner_text()
    assert "5" in cramps_row and "2" in cramps_row
    goals = page.get_by_test_id("goal-row")
    for index in range(goals.count()):
        row = goals.nth(index)
        if not row.locator("input:checked").count():
            row.get_by_label("Not met").check()
    page.get_by_label("Continue the plan unchanged").check()
    screenshot(page, "reassessment-against-baseline")
    page.get_by_role("button", name="Record the re-assessment").click()
    page.wait_for_url(re.compile(r"/reassessments/\d+/$"))
    report = _download(page, tmp_path, "download-progress-report")
    assert "Progress report" in report and patient.full_name in report
    assert "Oswestry" in report and "Clinically important improvement since baseline" in report
    assert "MCID 10" in report

    # Visits 5 and 6: visit 5 saved as a draft first, reopened and signed.
    page.get_by_role("link", name="Visits and progress").click()
    page.get_by_role("link", name="New visit note", exact=True).click()
    _fill_visit(page, day=_day(0), cramps=1, pain=1, objective="Visit 5: full calf length")
    page.get_by_role("button", name="Save as draft").click()
    page.wait_for_url(re.compile(r"/visits/\d+/$"))
    assert page.get_by_test_id("visit-status").inner_text() == "Draft"
    page.get_by_role("link", name="Edit the draft").click()
    assert page.get_by_label("Objective").input_value() == "Visit 5: full calf length"
    page.get_by_label("Objective").fill("Visit 5: full calf length, L5 moves well")
    page.get_by_role("button", name="Sign the note").click()
    page.wait_for_url(re.compile(r"/visits/\d+/$"))
    assert page.get_by_test_id("visit-status").inner_text() == "Signed"
    page.get_by_role("link", name="Visits and progress").click()
    page.get_by_test_id("copy-forward").click()
    page.get_by_label("Date of visit").fill(_day(0))
    page.get_by_label("Cramps a week since the last visit").fill("0")
    page.get_by_role("button", name="Sign the note").click()
    page.wait_for_url(re.compile(r"/visits/\d+/$"))

    # Discharge: goals met, a letter to the family doctor.
    page.get_by_role("link", name="Visits and progress").click()
    page.get_by_role("link", name="Discharge", exact=True).click()
    page.get_by_label("Goals met").check()
    page.get_by_label("Referring or family doctor").fill("Dr Anna <Roy> & Associates")
    page.get_by_role("button", name="Discharge and make the documents").click()
    page.wait_for_url(re.compile(r"/plans/\d+/episode/$"))
    assert page.get_by_test_id("episode-status").inner_text() == "Discharged"
    assert not page.get_by_role("link", name="New visit note", exact=True).count()
    summary = _download(page, tmp_path, "document-discharge_summary")
    assert "Discharge summary" in summary and "Goals met" in summary
    assert "Home programme to keep" in summary
    letter = _download(page, tmp_path, "document-doctor_letter")
    assert "Dear Dr Anna <Roy> & Associates," in letter
    assert Episode.objects.get().is_discharged
    assert EpisodeDocument.objects.count() == 3

    # The chart: the episode first, its timeline from intake to discharge.
    page.goto(f"/patients/{patient.pk}/")
    episode = page.get_by_test_id("chart-episode").first
    timeline = episode.get_by_test_id("episode-timeline")
    assert timeline.locator("li[data-kind=visit]").count() == 6
    for kind in ("intake", "exam", "plan", "reassessment", "document", "discharge"):
        assert timeline.locator(f"li[data-kind={kind}]").count(), kind
    kinds = timeline.locator("li").evaluate_all("items => items.map(i => i.dataset.kind)")
    assert kinds[0] == "intake" and kinds[-1] == "discharge"
    assert kinds.index("reassessment") < len(kinds) - 1 - kinds[::-1].index("visit")
    screenshot(page, "chart-episode-timeline")
