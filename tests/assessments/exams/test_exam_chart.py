"""The exams and outcome measures on the patient chart."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ExamFactory, OutcomeMeasureFactory

pytestmark = pytest.mark.django_db


def on(day):
    return timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 10, 0))


def chart(client, patient):
    response = client.get(reverse("patient_chart", args=[patient.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_chart_lists_exams_by_date_with_status_and_a_new_exam_button(
    practitioner_client, practitioner, patient
):
    ExamFactory(patient=patient, practitioner=practitioner, examined_on=date(2026, 1, 5))
    ExamFactory(
        patient=patient,
        practitioner=practitioner,
        examined_on=date(2026, 3, 9),
        status="finished",
        finished_at=timezone.now(),
    )
    page = chart(practitioner_client, patient)

    assert page.index("Exam of 2026-03-09") < page.index("Exam of 2026-01-05")
    assert "Finished" in page and "Draft" in page
    assert reverse("exam_new", args=[patient.pk]) in page


def test_an_improvement_reaching_the_mcid_is_marked(practitioner_client, patient):
    # ODI 40% -> 28%: 12 points down, past the 10-point MCID (Ostelo et al. 2008).
    OutcomeMeasureFactory(
        patient=patient, instrument="ODI", score=40.0, answers={}, recorded_at=on(date(2026, 1, 5))
    )
    OutcomeMeasureFactory(
        patient=patient, instrument="ODI", score=34.0, answers={}, recorded_at=on(date(2026, 2, 5))
    )
    OutcomeMeasureFactory(
        patient=patient, instrument="ODI", score=28.0, answers={}, recorded_at=on(date(2026, 3, 5))
    )
    page = chart(practitioner_client, patient)

    assert "Latest <strong>28%</strong> (2026-03-05) against the first <strong>40%</strong>" in page
    assert "Clinically important improvement since baseline" in page
    assert "<svg" in page and "&lt;svg" not in page


def test_a_change_smaller_than_the_mcid_is_not_called_important(practitioner_client, patient):
    # LEFS 40 -> 46: 6 points up, short of the 9-point MCID (Binkley et al. 1999).
    OutcomeMeasureFactory(
        patient=patient, instrument="LEFS", score=40.0, answers={}, recorded_at=on(date(2026, 1, 5))
    )
    OutcomeMeasureFactory(
        patient=patient, instrument="LEFS", score=46.0, answers={}, recorded_at=on(date(2026, 2, 5))
    )
    page = chart(practitioner_client, patient)

    assert "Improved since baseline, but by less than the minimal clinically important" in page
    assert "Clinically important improvement" not in page.split('data-testid="outcome-LEFS"')[1]


def test_a_single_measure_is_shown_as_the_baseline(practitioner_client, patient):
    OutcomeMeasureFactory(patient=patient, instrument="NPRS", score=6.0)
    page = chart(practitioner_client, patient)
    assert "Baseline <strong>6/10</strong>" in page


def test_the_front_desk_chart_runs_no_exam_query(front_desk_client, patient):
    ExamFactory(patient=patient)
    with CaptureQueriesContext(connection) as queries:
        page = chart(front_desk_client, patient)
    assert "Exams" not in page
    # The front desk's chart reads signed plans, but never an exam or an outcome score.
    clinical = ('"assessments_exam"', '"assessments_outcomemeasure"')
    assert not [q for q in queries if any(table in q["sql"] for table in clinical)]


def _chart_queries(client, patient):
    with CaptureQueriesContext(connection) as queries:
        chart(client, patient)
    return len(queries)


def _visits(patient, practitioner, count):
    first = date(2025, 1, 1)
    for visit in range(count):
        exam = ExamFactory(
            patient=patient, practitioner=practitioner, examined_on=first + timedelta(weeks=visit)
        )
        for instrument, score in (("ODI", 40.0 - visit), ("NPRS", 8.0 - visit * 0.3)):
            OutcomeMeasureFactory(
                patient=patient,
                exam=exam,
                instrument=instrument,
                score=score,
                answers={},
                recorded_by=practitioner,
                recorded_at=on(first + timedelta(weeks=visit)),
            )


def test_the_chart_costs_the_same_queries_for_1_and_for_20_visits(
    practitioner_client, practitioner, patient, django_assert_max_num_queries
):
    from tests.factories import PatientFactory

    _visits(patient, practitioner, 1)
    one_visit = _chart_queries(practitioner_client, patient)
    many = PatientFactory()
    _visits(many, practitioner, 20)

    with django_assert_max_num_queries(one_visit):
        chart(practitioner_client, patient)
    with django_assert_max_num_queries(one_visit):
        page = chart(practitioner_client, many)
    assert page.count("Exam of ") == 20
