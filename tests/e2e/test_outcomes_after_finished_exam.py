"""Issue 11, defect 5: a finished exam takes no new questionnaire.

A questionnaire taken after the exam is finished belongs to the patient's record on its own
date (the chart), never silently to the locked exam.
"""

import re
from datetime import timedelta

from django.utils import timezone

from assessments.exams import services
from assessments.models import Exam, OutcomeMeasure
from assessments.outcomes import ODI
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, ExamFactory, PatientFactory, practitioner_user


def answer_odi(page, statement):
    for item in ODI.items:
        page.locator(f'input[name="{item.key}"][value="{statement}"]').check()


def test_a_finished_exam_offers_no_questionnaire_and_one_recorded_on_the_chart_keeps_its_date(
    page, screenshot, transactional_db
):
    prac = practitioner_user(username="prac")
    patient = PatientFactory(first_name="Élodie", last_name="Lefèvre")
    exam = ExamFactory(patient=patient, practitioner=prac, pain_now=4)
    sign_in(page, "prac", TEST_PASSWORD)

    page.goto(f"/patients/{patient.pk}/exams/{exam.pk}/")
    assert page.get_by_role("link", name="Record ODI").count() == 1  # a draft still takes one
    page.get_by_role("link", name="Finish exam").click()
    page.get_by_role("button", name="Finish and lock").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    assert page.get_by_test_id("exam-status").inner_text() == "Finished"

    # The finished exam offers no questionnaire, and says where a later one goes.
    for code in ("ODI", "LEFS", "NPRS", "PSFS"):
        assert page.get_by_role("link", name=f"Record {code}").count() == 0, code
    assert "chart" in page.get_by_test_id("exam-outcomes-closed").inner_text()
    finished = Exam.objects.get()
    screenshot(page, "finished-exam-no-questionnaire")

    # Recorded from the chart, on the day the patient answered it (three days ago, on paper).
    page.get_by_role("link", name="Go to the chart").click()
    page.get_by_test_id("chart-outcomes").get_by_role("link", name="Record ODI").click()
    answered = timezone.localdate() - timedelta(days=3)
    day = page.get_by_label("Date answered")
    assert day.input_value() == timezone.localdate().isoformat()
    day.fill("")
    day.press_sequentially(answered.isoformat())
    answer_odi(page, 2)  # 20 / 50 = 40%
    page.get_by_role("button", name="Save and score").click()
    page.wait_for_url(re.compile(rf"/patients/{patient.pk}/$"))

    odi = page.get_by_test_id("outcome-ODI")
    assert f"Baseline 40% ({answered.isoformat()})" in odi.inner_text()
    assert odi.locator("svg").count() == 1
    assert answered.isoformat() in odi.locator("svg").inner_html()  # the trend's date axis
    scores = page.get_by_test_id("outcome-ODI-scores").inner_text()
    assert f"{answered.isoformat()} · 40% · on the chart" in scores
    assert "exam of" not in scores
    screenshot(page, "odi-on-the-chart-with-its-date")

    # The finished exam is unchanged: nothing attached to it, same version, same page.
    measure = OutcomeMeasure.objects.get()
    assert measure.exam is None
    assert measure.taken_on == answered
    assert measure.patient == patient
    exam.refresh_from_db()
    assert exam.version == finished.version
    assert exam.updated_at == finished.updated_at
    page.goto(f"/patients/{patient.pk}/exams/{exam.pk}/")
    assert "No questionnaire recorded with this exam." in page.content()
    assert page.get_by_role("link", name="Record ODI").count() == 0

    # An old bookmark to the exam's questionnaire now leads to the chart's, saying why.
    page.goto(f"/patients/{patient.pk}/outcomes/NPRS/new/?exam={exam.pk}")
    page.wait_for_url(re.compile(rf"/patients/{patient.pk}/outcomes/NPRS/new/$"))
    assert "This exam is finished" in page.content()
    assert page.locator('input[name="exam"]').count() == 0


def test_an_exam_finished_while_its_questionnaire_is_open_refuses_it_and_keeps_the_answers(
    page, transactional_db
):
    prac = practitioner_user(username="prac")
    patient = PatientFactory()
    exam = ExamFactory(patient=patient, practitioner=prac)
    sign_in(page, "prac", TEST_PASSWORD)

    page.goto(f"/patients/{patient.pk}/exams/{exam.pk}/")
    page.get_by_role("link", name="Record ODI").click()
    answer_odi(page, 1)  # 10 / 50 = 20%
    # Meanwhile, in the treatment room, the exam is finished.
    services.exam_finish(exam=exam, by=prac, expected_version=exam.version)
    page.get_by_role("button", name="Save and score").click()

    errors = page.get_by_test_id("form-errors").inner_text()
    assert "This exam is finished" in errors
    assert OutcomeMeasure.objects.count() == 0
    for item in ODI.items:  # nothing typed is lost
        assert page.locator(f'input[name="{item.key}"][value="1"]').is_checked(), item.key

    # Saved again: on the chart, not on the locked exam.
    page.get_by_role("button", name="Save and score").click()
    page.wait_for_url(re.compile(rf"/patients/{patient.pk}/$"))
    assert "Baseline 20%" in page.get_by_test_id("outcome-ODI").inner_text()
    assert OutcomeMeasure.objects.get().exam is None
