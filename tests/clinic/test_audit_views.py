"""Reading clinical data is audited too, and the trail names every actor: staff by their
username, the patient as "the patient, through the self-intake link", never a blank."""

import pytest
from django.test import Client
from django.urls import reverse

from clinic.models import AuditAction, AuditEvent
from intake.self_intake.services import self_intake_link_issue
from tests.builders import ODI_SECTIONS, generate, report_url
from tests.factories import (
    ExamFactory,
    IntakeFactory,
    PatientFactory,
    confirmed_intake,
    finished_exam,
)
from tests.intake.builders import complete_answers

pytestmark = pytest.mark.django_db

PATIENT_ACTOR = "the patient, through the self-intake link"


def test_viewing_a_patients_change_history_is_audited(practitioner_client, practitioner, patient):
    response = practitioner_client.get(
        reverse("patient_history", args=[patient.pk]), REMOTE_ADDR="198.51.100.4"
    )

    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.HISTORY_VIEWED)
    assert (event.patient, event.user, event.client_address) == (
        patient,
        practitioner,
        "198.51.100.4",
    )


def test_opening_a_saved_intake_or_exam_to_edit_or_correct_it_is_an_audited_view(
    front_desk_client, practitioner_client, practitioner, patient
):
    intake = IntakeFactory(patient=patient)
    draft = ExamFactory(patient=patient, practitioner=practitioner)
    locked = finished_exam(confirmed_intake(patient=patient))
    pages = [
        (front_desk_client, reverse("intake_edit", args=[patient.pk, intake.pk])),
        (practitioner_client, reverse("exam_edit", args=[patient.pk, draft.pk])),
        (practitioner_client, reverse("exam_correct", args=[patient.pk, locked.pk])),
    ]
    for client, url in pages:
        assert client.get(url).status_code == 200

    viewed = AuditEvent.objects.filter(patient=patient).order_by("pk")
    assert [(event.action, event.object_id) for event in viewed] == [
        (AuditAction.INTAKE_VIEWED, str(intake.pk)),
        (AuditAction.EXAM_VIEWED, str(draft.pk)),
        (AuditAction.EXAM_VIEWED, str(locked.pk)),
    ]


def test_the_plan_versions_and_what_the_reasoning_proposes_now_are_audited_views(
    practitioner_client, practitioner
):
    plan = generate(practitioner)
    for name in ("plan_versions", "plan_regenerate"):
        response = practitioner_client.get(reverse(name, args=[plan.patient_id, plan.pk]))
        assert response.status_code == 200

    viewed = AuditEvent.objects.filter(action=AuditAction.PLAN_VIEWED, patient=plan.patient)
    assert viewed.count() == 2
    assert {event.object_id for event in viewed} == {str(plan.pk)}


def test_a_plan_edit_through_the_page_is_audited_with_where_it_came_from(
    practitioner_client, practitioner
):
    plan = generate(practitioner)
    response = practitioner_client.post(
        reverse("plan_details", args=[plan.patient_id, plan.pk]),
        {
            "impression": "Night cramps in late pregnancy",
            "visit_frequency": plan.visit_frequency,
            "review_date": "",
            "version": plan.version,
        },
        REMOTE_ADDR="198.51.100.9",
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.PLAN_EDITED)
    assert (event.user, event.patient, event.client_address) == (
        practitioner,
        plan.patient,
        "198.51.100.9",
    )


@pytest.fixture
def patient_filled_in_their_link(front_desk):
    patient = PatientFactory(first_name="Inès", last_name="Gagnon")
    _link, token = self_intake_link_issue(patient=patient, by=front_desk)
    browser = Client(REMOTE_ADDR="192.0.2.44")
    browser.get(reverse("self_intake", args=[token]))
    assert (
        browser.post(report_url(token, "ODI"), dict.fromkeys(ODI_SECTIONS, "2")).status_code == 302
    )
    browser.post(reverse("self_intake", args=[token]), {**complete_answers(), "submit": ""})
    return patient


def test_the_patients_own_actions_through_the_link_are_named_as_theirs(
    patient_filled_in_their_link,
):
    patient = patient_filled_in_their_link
    by_patient = AuditEvent.objects.filter(patient=patient, by_patient_link=True)

    assert set(by_patient.values_list("action", flat=True)) == {
        AuditAction.LINK_OPENED,
        AuditAction.OUTCOME_RECORDED,
        AuditAction.INTAKE_SUBMITTED,
        AuditAction.LINK_SUBMITTED,
    }
    assert all(event.user is None for event in by_patient)
    assert all(event.client_address == "192.0.2.44" for event in by_patient)
    assert {event.actor for event in by_patient} == {PATIENT_ACTOR}
    issued = AuditEvent.objects.get(patient=patient, action=AuditAction.LINK_ISSUED)
    assert issued.actor == "fiona" and not issued.by_patient_link


def test_the_chart_names_the_patient_as_the_actor_never_a_blank(
    patient_filled_in_their_link, practitioner_client
):
    patient = patient_filled_in_their_link

    page = practitioner_client.get(reverse("patient_chart", args=[patient.pk])).content.decode()

    assert PATIENT_ACTOR in page
    assert " ·  · " not in page


def test_the_admin_audit_list_names_the_patient_as_the_actor(
    patient_filled_in_their_link, clinic_admin_client
):
    page = clinic_admin_client.get(reverse("admin:clinic_auditevent_changelist")).content.decode()

    assert PATIENT_ACTOR in page


@pytest.mark.parametrize("query", ["record", "record_unpadded", "last_name", "full_name"])
def test_the_admin_audit_list_finds_a_patient_by_record_number_or_name(
    query, clinic_admin_client, front_desk_client
):
    wanted = PatientFactory(first_name="Inès", last_name="Gagnon")
    other = PatientFactory(first_name="Paul", last_name="Tremblay")
    for patient in (wanted, other):
        front_desk_client.get(reverse("patient_chart", args=[patient.pk]))
    term = {
        "record": wanted.record_number,
        "record_unpadded": str(wanted.pk),
        "last_name": "Gagnon",
        "full_name": "Inès Gagnon",
    }[query]

    response = clinic_admin_client.get(reverse("admin:clinic_auditevent_changelist"), {"q": term})

    assert response.status_code == 200
    found = {event.patient_id for event in response.context["cl"].result_list}
    assert found == {wanted.pk}
