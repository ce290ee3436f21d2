"""The home page's "Today" queue: what waits for each role, at a flat query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.plans import services as plan_services
from tests.factories import (
    ExamFactory,
    IntakeFactory,
    PatientFactory,
    confirmed_intake,
    finished_exam,
)

pytestmark = pytest.mark.django_db


def _submitted_intake(**kwargs):
    return IntakeFactory(status="submitted", submitted_at=timezone.now(), **kwargs)


def _plan(practitioner, *, signed=False):
    intake = confirmed_intake()
    plan = plan_services.plan_generate(
        patient=intake.patient, intake=intake, exam=finished_exam(intake), by=practitioner
    )
    if signed:
        plan = plan_services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    return plan


def _section(page, key):
    start = page.index(f'data-testid="today-{key}"')
    return page[start : page.index("</section>", start)]


def test_the_practitioner_sees_intakes_to_review_their_drafts_and_plans_to_sign(
    practitioner_client, practitioner, front_desk
):
    submitted = _submitted_intake()
    IntakeFactory(status="confirmed")  # reviewed already
    exam = ExamFactory(practitioner=practitioner)
    someone_elses = ExamFactory()
    draft_plan = _plan(practitioner)

    page = practitioner_client.get(reverse("home")).content.decode()

    assert submitted.patient.full_name in _section(page, "intakes-to-review")
    assert exam.patient.full_name in _section(page, "drafts")
    assert someone_elses.patient.full_name not in _section(page, "drafts")
    assert draft_plan.patient.full_name in _section(page, "plans-to-sign")
    assert reverse("plan_detail", args=[draft_plan.patient_id, draft_plan.pk]) in page


def test_the_front_desk_sees_its_drafts_and_signed_plans_to_print_but_no_clinical_review(
    front_desk_client, front_desk, practitioner
):
    _submitted_intake()
    draft = IntakeFactory(status="draft", source="front_desk", created_by=front_desk)
    patients_own = IntakeFactory(status="draft", source="patient", created_by=front_desk)
    signed = _plan(practitioner, signed=True)
    unsigned = _plan(practitioner)

    page = front_desk_client.get(reverse("home")).content.decode()

    assert 'data-testid="today-intakes-to-review"' not in page
    assert 'data-testid="today-plans-to-sign"' not in page
    assert draft.patient.full_name in _section(page, "drafts")
    assert patients_own.patient.full_name not in _section(page, "drafts")
    assert signed.patient.full_name in _section(page, "plans-to-print")
    assert unsigned.patient.full_name not in _section(page, "plans-to-print")
    assert reverse("plan_pdf", args=[signed.patient_id, signed.pk]) in page


def test_a_printed_care_plan_leaves_the_print_list(front_desk_client, front_desk, practitioner):
    signed = _plan(practitioner, signed=True)
    printed = front_desk_client.get(reverse("plan_pdf", args=[signed.patient_id, signed.pk]))
    assert printed.status_code == 200

    page = front_desk_client.get(reverse("home")).content.decode()

    assert signed.patient.full_name not in _section(page, "plans-to-print")


def test_archived_patients_wait_in_no_queue(practitioner_client, practitioner):
    submitted = _submitted_intake(patient=PatientFactory(archived_at=timezone.now()))

    page = practitioner_client.get(reverse("home")).content.decode()

    assert submitted.patient.full_name not in page


def _home_queries(client):
    client.get(reverse("home"))  # warm-up: permission caches and the like
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("home")).status_code == 200
    return len(captured)


def test_the_queue_costs_the_same_queries_for_one_item_as_for_many(
    practitioner_client, practitioner
):
    _submitted_intake()
    ExamFactory(practitioner=practitioner)
    IntakeFactory(status="draft", source="front_desk", created_by=practitioner)
    _plan(practitioner)
    _plan(practitioner, signed=True)
    few = _home_queries(practitioner_client)

    for _ in range(8):
        _submitted_intake()
        ExamFactory(practitioner=practitioner)
        IntakeFactory(status="draft", source="front_desk", created_by=practitioner)
    for _ in range(3):
        _plan(practitioner)
        _plan(practitioner, signed=True)
    many = _home_queries(practitioner_client)

    assert many == few
