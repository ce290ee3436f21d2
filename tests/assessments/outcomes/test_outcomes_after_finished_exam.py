"""Issue 11, defect 5: a finished exam takes no new questionnaire; the chart keeps its date."""

import importlib
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.exams import services
from assessments.models import ExamLockedError, OutcomeMeasure, OutcomeSource
from assessments.outcomes import ODI
from assessments.outcomes import services as outcome_services
from intake.self_intake.services import self_intake_link_issue
from tests.factories import ExamFactory, OutcomeMeasureFactory

pytestmark = pytest.mark.django_db

ODI_ALL_TWO = dict.fromkeys((item.key for item in ODI.items), 2)


@pytest.fixture
def finished_exam(patient, practitioner):
    exam = ExamFactory(patient=patient, practitioner=practitioner)
    return services.exam_finish(exam=exam, by=practitioner, expected_version=exam.version)


def test_the_service_refuses_a_score_for_a_finished_exam(patient, practitioner, finished_exam):
    with pytest.raises(ExamLockedError):
        outcome_services.outcome_record(
            patient=patient,
            instrument="ODI",
            answers=ODI_ALL_TWO,
            by=practitioner,
            exam=finished_exam,
        )
    assert not OutcomeMeasure.objects.exists()
    finished_exam.refresh_from_db()
    assert finished_exam.version == 2  # as finished


def test_the_model_refuses_it_too(patient, practitioner, finished_exam):
    measure = OutcomeMeasure(
        patient=patient,
        exam=finished_exam,
        instrument="NPRS",
        answers={"pain_now": 3},
        score=3,
        recorded_by=practitioner,
    )
    with pytest.raises(ExamLockedError):
        measure.save()
    assert not OutcomeMeasure.objects.exists()


def test_a_score_taken_with_a_draft_stays_with_it_once_finished(patient, practitioner):
    exam = ExamFactory(patient=patient, practitioner=practitioner)
    measure = outcome_services.outcome_record(
        patient=patient, instrument="ODI", answers=ODI_ALL_TWO, by=practitioner, exam=exam
    )
    services.exam_finish(exam=exam, by=practitioner, expected_version=exam.version)
    measure.refresh_from_db()
    assert measure.exam == exam
    assert measure.taken_on == timezone.localdate()


def test_a_post_naming_a_finished_exam_attaches_nothing_and_keeps_the_answers(
    practitioner_client, patient, finished_exam
):
    address = reverse("outcome_new", args=[patient.pk, "ODI"])
    data = {key: str(value) for key, value in ODI_ALL_TWO.items()}
    response = practitioner_client.post(address, {**data, "exam": finished_exam.pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This exam is finished" in page
    assert 'name="exam"' not in page  # saved again, it goes on the chart
    assert page.count("checked") >= len(ODI_ALL_TWO)
    assert not OutcomeMeasure.objects.exists()


def test_the_exam_page_offers_no_questionnaire_once_finished(
    practitioner_client, patient, finished_exam
):
    page = practitioner_client.get(
        reverse("exam_detail", args=[patient.pk, finished_exam.pk])
    ).content.decode()
    assert "Record ODI" not in page
    assert f"?exam={finished_exam.pk}" not in page
    assert "it takes no new questionnaire" in page


def test_a_patient_s_own_questionnaire_never_attaches_to_an_exam(
    patient, front_desk, finished_exam
):
    _link, token = self_intake_link_issue(patient=patient, by=front_desk)
    data = {key: str(value) for key, value in ODI_ALL_TWO.items()}
    response = Client().post(reverse("self_report", args=[token, "ODI"]), data)
    assert response.status_code == 302
    measure = OutcomeMeasure.objects.get()
    assert measure.exam is None
    assert measure.source == OutcomeSource.PATIENT
    assert measure.taken_on == timezone.localdate()


def test_the_chart_s_baseline_is_the_earliest_answered_not_the_first_typed(
    practitioner_client, patient, practitioner
):
    # A paper ODI from last month, typed in today after today's was recorded.
    today = timezone.localdate()
    outcome_services.outcome_record(
        patient=patient, instrument="NPRS", answers={"pain_now": 4}, by=practitioner
    )
    outcome_services.outcome_record(
        patient=patient,
        instrument="NPRS",
        answers={"pain_now": 8},
        by=practitioner,
        taken_on=today - timedelta(days=30),
    )
    page = practitioner_client.get(reverse("patient_chart", args=[patient.pk])).content.decode()
    assert (
        f"Latest <strong>4/10</strong> ({today:%Y-%m-%d}) against the first <strong>8/10</strong> "
        f"({today - timedelta(days=30):%Y-%m-%d})" in page
    )


def test_a_questionnaire_cannot_be_dated_in_the_future(practitioner_client, patient):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = practitioner_client.post(
        reverse("outcome_new", args=[patient.pk, "NPRS"]),
        {"pain_now": "3", "taken_on": tomorrow.isoformat()},
    )
    assert "cannot be in the future" in response.content.decode()
    assert not OutcomeMeasure.objects.exists()


def test_existing_scores_are_dated_on_the_clinic_s_day_they_were_recorded(patient, settings):
    settings.TIME_ZONE = "America/Toronto"
    evening = datetime(2026, 1, 15, 2, 30, tzinfo=UTC)  # 21:30 on the 14th in Toronto
    measure = OutcomeMeasureFactory(patient=patient, recorded_at=evening, taken_on=date(2026, 3, 1))
    migration = importlib.import_module("assessments.migrations.0007_examflows_outcome_taken_on")
    migration.backfill_taken_on(apps, None)
    measure.refresh_from_db()
    assert measure.taken_on == date(2026, 1, 14)
