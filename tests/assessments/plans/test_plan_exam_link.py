"""An exam follows the confirmed intake it was started from (the plan reasons from both)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.exams import services
from assessments.models import Exam
from tests.builders import exam_post
from tests.factories import IntakeFactory, PatientFactory

pytestmark = pytest.mark.django_db


def test_an_exam_started_from_a_confirmed_intake_keeps_the_link(practitioner_client, patient):
    intake = IntakeFactory(patient=patient, status="confirmed")
    url = reverse("exam_new", args=[patient.pk]) + f"?intake={intake.pk}"
    assert practitioner_client.get(url).status_code == 200
    response = practitioner_client.post(url, exam_post())
    assert response.status_code == 302
    assert Exam.objects.get().intake == intake


def test_another_patients_intake_is_not_found(practitioner_client, patient):
    other = IntakeFactory(patient=PatientFactory(), status="confirmed")
    url = reverse("exam_new", args=[patient.pk]) + f"?intake={other.pk}"
    assert practitioner_client.get(url).status_code == 404
    assert practitioner_client.post(url, exam_post()).status_code == 404
    assert not Exam.objects.exists()


def test_an_unconfirmed_intake_cannot_start_an_exam(practitioner_client, patient, practitioner):
    intake = IntakeFactory(patient=patient, status="submitted")
    url = reverse("exam_new", args=[patient.pk]) + f"?intake={intake.pk}"
    response = practitioner_client.post(url, exam_post())
    assert response.status_code == 302
    assert response["Location"] == reverse("intake_detail", args=[patient.pk, intake.pk])
    assert not Exam.objects.exists()
    with pytest.raises(ValidationError):
        services.exam_start(patient=patient, by=practitioner, intake=intake)


def test_the_confirmed_intake_offers_to_record_an_exam(
    practitioner_client, front_desk_client, patient
):
    intake = IntakeFactory(patient=patient, status="confirmed")
    url = reverse("intake_detail", args=[patient.pk, intake.pk])
    assert 'data-testid="record-exam"' in practitioner_client.get(url).content.decode()
    assert 'data-testid="record-exam"' not in front_desk_client.get(url).content.decode()
    draft = IntakeFactory(patient=patient)
    page = practitioner_client.get(reverse("intake_detail", args=[patient.pk, draft.pk]))
    assert 'data-testid="record-exam"' not in page.content.decode()
