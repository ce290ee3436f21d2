from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.models import OutcomeMeasure, OutcomeSource
from intake.models import SelfIntakeLink
from intake.self_intake.services import self_intake_link_issue
from tests.builders import ODI_SECTIONS, report_url
from tests.intake.builders import complete_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(patient, front_desk):
    link, token = self_intake_link_issue(patient=patient, by=front_desk)
    return link, token


def test_the_self_intake_page_offers_the_questionnaires(issued):
    _link, token = issued
    page = Client().get(reverse("self_intake", args=[token])).content.decode()
    assert report_url(token, "ODI") in page
    assert report_url(token, "NPRS") in page


def test_a_patient_answers_the_oswestry_and_it_is_recorded_as_patient_reported(issued, patient):
    _link, token = issued
    answers = dict.fromkeys(ODI_SECTIONS, "2")

    response = Client().post(report_url(token, "ODI"), answers)

    assert response.status_code == 302
    measure = OutcomeMeasure.objects.get()
    assert measure.patient == patient
    assert measure.source == OutcomeSource.PATIENT
    assert measure.score == 40.0  # 20 of 50
    page = Client().get(reverse("self_intake", args=[token])).content.decode()
    assert "Done" in page


def test_too_many_unanswered_sections_are_refused_and_nothing_is_stored(issued):
    _link, token = issued
    answers = dict.fromkeys(ODI_SECTIONS[:8], "1")

    response = Client().post(report_url(token, "ODI"), answers)

    assert response.status_code == 200
    assert 'data-testid="form-errors"' in response.content.decode()
    assert not OutcomeMeasure.objects.exists()


def test_a_used_or_expired_link_no_longer_opens_the_questionnaires(issued):
    link, token = issued
    Client().post(reverse("self_intake", args=[token]), {**complete_answers(), "submit": ""})
    assert Client().get(report_url(token, "NPRS")).status_code == 410

    other, other_token = self_intake_link_issue(patient=link.patient, by=link.issued_by)
    SelfIntakeLink.objects.filter(pk=other.pk).update(expires_at=timezone.now() - timedelta(1))
    assert Client().get(report_url(other_token, "NPRS")).status_code == 410
    assert Client().get(report_url("made-up-token", "NPRS")).status_code == 410


def test_the_practitioner_led_psfs_is_not_offered_to_patients(issued):
    _link, token = issued
    assert Client().get(report_url(token, "PSFS")).status_code == 404
