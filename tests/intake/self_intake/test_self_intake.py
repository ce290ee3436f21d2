from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clinic.models import AuditAction, AuditEvent
from intake.intakes import services
from intake.intakes.presenters import intake_corrections
from intake.models import IntakeSource, IntakeStatus, SelfIntakeLink
from intake.self_intake.services import self_intake_link_issue
from tests.intake.builders import complete_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(patient, front_desk):
    link, token = self_intake_link_issue(patient=patient, by=front_desk)
    return link, token, reverse("self_intake", args=[token])


def test_front_desk_issues_a_link_shown_once_and_stored_only_as_a_hash(front_desk_client, patient):
    response = front_desk_client.post(reverse("self_intake_link_issue", args=[patient.pk]))

    url = response.context["url"]
    token = url.rstrip("/").rsplit("/", 1)[-1]
    link = SelfIntakeLink.objects.get()
    assert len(token) >= 40
    assert token not in link.token_hash
    assert abs(link.expires_at - link.issued_at - timedelta(hours=72)) < timedelta(seconds=1)
    assert link.intake.source == IntakeSource.PATIENT
    assert AuditEvent.objects.filter(action=AuditAction.LINK_ISSUED, patient=patient).exists()


def test_patient_fills_in_and_submits_without_an_account(issued, patient):
    link, _token, url = issued
    patient_browser = Client()

    opened = patient_browser.get(url)
    assert opened.status_code == 200
    response = patient_browser.post(url, {**complete_answers(), "submit": ""})

    assert response.status_code == 200
    assert "your answers are sent" in response.content.decode()
    link.refresh_from_db()
    intake = link.intake
    intake.refresh_from_db()
    assert intake.status == IntakeStatus.SUBMITTED
    assert intake.original_answers["water_litres_per_day"] == "1.2"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.LINK_OPENED, AuditAction.LINK_SUBMITTED} <= actions


def test_the_link_dies_once_submitted(issued):
    _link, _token, url = issued
    Client().post(url, {**complete_answers(), "submit": ""})

    again = Client().get(url)

    assert again.status_code == 410
    assert "no longer works" in again.content.decode()


def test_the_link_can_be_saved_part_done_and_reopened(issued):
    _link, _token, url = issued
    partial = {
        "complaint": "Calf cramps",
        "medications-TOTAL_FORMS": "3",
        "medications-INITIAL_FORMS": "0",
        "save": "",
    }
    Client().post(url, partial)

    assert "Calf cramps" in Client().get(url).content.decode()


def test_an_expired_link_reveals_nothing(issued, patient):
    link, _token, url = issued
    SelfIntakeLink.objects.filter(pk=link.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    response = Client().get(url)

    page = response.content.decode()
    assert response.status_code == 410
    assert patient.first_name not in page
    assert patient.last_name not in page


@pytest.mark.parametrize("tamper", ["flip_last", "truncate", "made_up", "very_long"])
def test_a_tampered_token_gets_the_same_closed_page(issued, tamper):
    _link, token, _url = issued
    bad = {
        "flip_last": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "truncate": token[:20],
        "made_up": "x" * 43,
        "very_long": token * 10,
    }[tamper]
    response = Client().get(reverse("self_intake", args=[bad]))
    assert response.status_code == 410


def test_the_page_is_in_the_patients_preferred_language(patient, front_desk):
    patient.preferred_language = "fr"
    patient.save()
    _link, token = self_intake_link_issue(patient=patient, by=front_desk)

    response = Client().get(reverse("self_intake", args=[token]))

    assert response["Content-Language"] == "fr"
    assert '<html lang="fr">' in response.content.decode()


def test_practitioner_corrects_a_patient_answer_and_the_original_is_kept(
    issued, practitioner_client
):
    link, _token, url = issued
    Client().post(url, {**complete_answers(), "submit": ""})
    intake = link.intake
    intake.refresh_from_db()
    edit_url = reverse("intake_edit", args=[intake.patient_id, intake.pk])

    corrected = {
        **complete_answers(water_litres_per_day="0.8"),
        "version": intake.version,
        "save": "",
    }
    practitioner_client.post(edit_url, corrected)
    practitioner_client.post(reverse("intake_confirm", args=[intake.patient_id, intake.pk]))

    intake.refresh_from_db()
    assert str(intake.water_litres_per_day) == "0.8"
    assert intake.original_answers["water_litres_per_day"] == "1.2"
    assert intake.status == IntakeStatus.CONFIRMED
    page = practitioner_client.get(
        reverse("intake_detail", args=[intake.patient_id, intake.pk])
    ).content.decode()
    assert "patient said" in page
    assert "1.2" in page


def test_an_answer_stored_as_five_point_zero_is_not_a_correction_of_five(issued, practitioner):
    link, _token, url = issued
    Client().post(url, {**complete_answers(sitting_hours_per_day="5"), "submit": ""})
    intake = link.intake
    intake.refresh_from_db()
    assert str(intake.sitting_hours_per_day) == "5.0"

    assert intake_corrections(intake) == []
    services.intake_confirm(intake=intake, by=practitioner)
    intake.refresh_from_db()
    assert intake_corrections(intake) == []


def test_a_correction_names_the_question_and_shows_answers_as_answers(issued, practitioner_client):
    link, _token, url = issued
    Client().post(url, {**complete_answers(sitting_hours_per_day="5"), "submit": ""})
    intake = link.intake
    intake.refresh_from_db()
    edit_url = reverse("intake_edit", args=[intake.patient_id, intake.pk])
    corrected = complete_answers(
        sitting_hours_per_day="6.5", footwear="high_heels", **{"medications-0-dose": "40 mg"}
    )
    practitioner_client.post(edit_url, {**corrected, "version": intake.version, "save": ""})
    intake.refresh_from_db()

    assert intake_corrections(intake) == [
        ("Hours sitting a day", "5", "6.5"),
        ("Usual footwear", "Supportive shoes", "High heels"),
        ("Medications", "Atorvastatin 20 mg daily", "Atorvastatin 40 mg daily"),
    ]
    page = practitioner_client.get(
        reverse("intake_detail", args=[intake.patient_id, intake.pk])
    ).content.decode()
    assert "Hours sitting a day: patient said" in page
    assert "sitting_hours_per_day" not in page
    assert "high_heels" not in page.split('data-testid="corrections"')[1].split("</div>")[0]
