"""Every page costs the same number of queries for a patient with one visit as with fifty.

Each test builds the same page for a small record (1 intake, exam, medication, score...) and a
large one (50 of each), and compares the two counts. A page whose count grows with the record
has an N+1 query to fix in its selector or view.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Exam
from tests.factories import (
    ExamFactory,
    IntakeFactory,
    MedicationFactory,
    OutcomeMeasureFactory,
    PatientFactory,
)

pytestmark = pytest.mark.django_db

MANY = 50


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def counts(client, url_for, small, large):
    """(queries for the small record, queries for the large one), after a warm-up request."""
    queries_for(client, url_for(small))  # content types, permission caches and the like
    return queries_for(client, url_for(small)), queries_for(client, url_for(large))


def patient_with(size, practitioner, *, intake_status="confirmed", exam_status="finished"):
    """A patient with `size` intakes (each with `size` medications) and `size` exams (each with
    an ODI and an NPRS score); returns the patient, the latest intake and the latest exam."""
    patient = PatientFactory()
    first = date(2025, 1, 6)
    intake = exam = None
    for visit in range(size):
        intake = IntakeFactory(patient=patient, status=intake_status)
        for position in range(size):
            MedicationFactory(intake=intake, name="Atorvastatin", position=position)
        day = first + timedelta(weeks=visit)
        exam = ExamFactory(
            patient=patient,
            practitioner=practitioner,
            examined_on=day,
        )
        for instrument, score in (("ODI", 40.0 - visit * 0.5), ("NPRS", 8.0 - visit * 0.1)):
            OutcomeMeasureFactory(
                patient=patient,
                exam=exam,
                instrument=instrument,
                score=score,
                answers={},
                recorded_by=practitioner,
                recorded_at=timezone.make_aware(
                    timezone.datetime(day.year, day.month, day.day, 10)
                ),
            )
        if exam_status == "finished":
            # Finished after its questionnaires: a finished exam takes no new one.
            Exam.objects.filter(pk=exam.pk).update(status=exam_status, finished_at=timezone.now())
            exam.refresh_from_db()
    return patient, intake, exam


@pytest.fixture
def small_and_large(practitioner):
    return patient_with(1, practitioner), patient_with(MANY, practitioner)


def test_the_patient_list_costs_the_same_for_1_and_for_50_patients(practitioner_client):
    url = reverse("patient_list")
    PatientFactory(last_name="Zed")
    queries_for(practitioner_client, url)
    one = queries_for(practitioner_client, url)
    for _ in range(MANY):
        PatientFactory()
    assert queries_for(practitioner_client, url) == one


def test_patient_search_costs_the_same_for_1_and_for_50_matches(practitioner_client):
    # While the matches fit on the first page, the near-match lookup runs to fill it (one query
    # on SQLite; on PostgreSQL also its threshold setting and, inside a test's transaction, a
    # savepoint); past a page that lookup is skipped. Neither grows with the matches.
    url = reverse("patient_list") + "?q=tremblay"
    PatientFactory(last_name="Tremblay")
    queries_for(practitioner_client, url)
    one = queries_for(practitioner_client, url)
    for _ in range(10):
        PatientFactory(last_name="Tremblay")
    assert queries_for(practitioner_client, url) == one
    for _ in range(MANY):
        PatientFactory(last_name="Tremblay")
    assert queries_for(practitioner_client, url) < one


def test_names_one_typo_away_cost_the_same_for_1_and_for_10(practitioner_client):
    # The list reads only the columns it shows: a row that went back for another would show
    # here as queries growing with the rows.
    url = reverse("patient_list") + "?q=tremblai"
    PatientFactory(last_name="Tremblay", first_name="Ana")
    queries_for(practitioner_client, url)
    one = queries_for(practitioner_client, url)
    for _ in range(9):
        PatientFactory(last_name="Tremblay")
    page = practitioner_client.get(url).content.decode()
    assert page.count('data-testid="near-match"') == 10
    assert "Tremblay, Ana" in page
    assert queries_for(practitioner_client, url) == one


@pytest.mark.parametrize("role_client", ["practitioner_client", "front_desk_client"])
def test_the_chart_costs_the_same_for_1_and_for_50_visits(request, role_client, small_and_large):
    client = request.getfixturevalue(role_client)
    (small, _, _), (large, _, _) = small_and_large
    one, fifty = counts(client, lambda p: reverse("patient_chart", args=[p.pk]), small, large)
    assert fifty == one


def test_the_intake_page_costs_the_same_for_1_and_for_50_medications(
    practitioner_client, small_and_large
):
    def url(record):
        patient, intake, _ = record
        return reverse("intake_detail", args=[patient.pk, intake.pk])

    one, fifty = counts(practitioner_client, url, *small_and_large)
    assert fifty == one


def test_the_intake_form_costs_the_same_for_1_and_for_50_medications(practitioner):
    from django.test import Client

    client = Client()
    client.force_login(practitioner)
    # A practitioner corrects submitted intakes before confirming them.
    small = patient_with(1, practitioner, intake_status="submitted")
    large = patient_with(MANY, practitioner, intake_status="submitted")

    def url(record):
        patient, intake, _ = record
        return reverse("intake_edit", args=[patient.pk, intake.pk])

    one, fifty = counts(client, url, small, large)
    assert fifty == one


def test_the_exam_page_costs_the_same_for_1_and_for_50_exams(practitioner_client, small_and_large):
    def url(record):
        patient, _, exam = record
        return reverse("exam_detail", args=[patient.pk, exam.pk])

    one, fifty = counts(practitioner_client, url, *small_and_large)
    assert fifty == one


def test_the_exam_page_costs_the_same_for_1_and_for_50_scores(practitioner_client, practitioner):
    small_patient, _, small_exam = patient_with(1, practitioner, exam_status="draft")
    large_patient, _, large_exam = patient_with(1, practitioner, exam_status="draft")
    for _ in range(MANY):
        OutcomeMeasureFactory(
            patient=large_patient, exam=large_exam, answers={}, recorded_by=practitioner
        )

    def url(record):
        patient, exam = record
        return reverse("exam_detail", args=[patient.pk, exam.pk])

    one, fifty = counts(
        practitioner_client, url, (small_patient, small_exam), (large_patient, large_exam)
    )
    assert fifty == one


def test_the_new_exam_form_costs_the_same_for_1_and_for_50_exams(
    practitioner_client, small_and_large
):
    one, fifty = counts(
        practitioner_client,
        lambda record: reverse("exam_new", args=[record[0].pk]),
        *small_and_large,
    )
    assert fifty == one


def test_the_exam_edit_form_costs_the_same_for_1_and_for_50_exams(practitioner):
    from django.test import Client

    client = Client()
    client.force_login(practitioner)
    small = patient_with(1, practitioner, exam_status="draft")
    large = patient_with(MANY, practitioner, exam_status="draft")

    def url(record):
        patient, _, exam = record
        return reverse("exam_edit", args=[patient.pk, exam.pk])

    one, fifty = counts(client, url, small, large)
    assert fifty == one
