"""Records that cannot be changed quietly.

Every database: a bulk ``update()`` (or ``_base_manager``) cannot change a patient, a finished
exam, a signed plan, its stored document or an audit event, since it would write no history.
PostgreSQL: triggers refuse the same through raw SQL, except an exam correction made by
``exam_correct`` and a signed plan superseded by its signed amendment.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from assessments.exams import services as exam_services
from assessments.models import (
    Exam,
    ExamCorrection,
    ExamLockedError,
    PlanDocument,
    PlanItem,
    PlanLockedError,
    PlanStatus,
    TreatmentPlan,
)
from assessments.plans import services as plan_services
from clinic.audit import record_event
from clinic.models import AuditAction, AuditEvent
from intake.models import Patient
from tests.builders import answer_precautions, generate
from tests.factories import ExamFactory, PatientFactory, confirmed_intake, finished_exam

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the database-level guards are PostgreSQL triggers; SQLite keeps the model guards",
)


@pytest.fixture
def signed_plan(practitioner):
    plan = answer_precautions(generate(practitioner), practitioner)
    return plan_services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)


@pytest.fixture
def locked_exam(practitioner):
    return finished_exam(confirmed_intake(), calf_left=4, practitioner=practitioner)


@pytest.fixture
def audit_event(patient, front_desk):
    return record_event(
        request=None, action=AuditAction.PATIENT_VIEWED, patient=patient, user=front_desk
    )


# --- Every database: the ORM's bulk paths ---------------------------------------------------------


def test_a_bulk_update_of_patients_is_refused_because_it_would_write_no_history():
    patient = PatientFactory(last_name="Martin")
    history_before = patient.history.count()

    with pytest.raises(ValidationError):
        Patient.objects.filter(pk=patient.pk).update(last_name="Quietly")
    with pytest.raises(ValidationError):
        Patient._base_manager.filter(pk=patient.pk).update(last_name="Quietly")

    patient.refresh_from_db()
    assert patient.last_name == "Martin"
    assert patient.history.count() == history_before


def test_a_bulk_update_of_a_finished_exam_is_refused_but_a_draft_may_still_change(locked_exam):
    draft = ExamFactory(patient=locked_exam.patient)

    with pytest.raises(ExamLockedError):
        Exam.objects.filter(pk=locked_exam.pk).update(calf_left=1)
    with pytest.raises(ExamLockedError):
        Exam._base_manager.filter(pk=locked_exam.pk).update(calf_left=1)
    with pytest.raises(ExamLockedError):
        Exam.objects.filter(pk__in=[draft.pk, locked_exam.pk]).delete()

    assert Exam.objects.filter(pk=draft.pk).update(calf_left=2) == 1
    assert Exam.objects.get(pk=locked_exam.pk).calf_left == 4


def test_a_bulk_update_of_a_signed_plan_or_its_document_is_refused(signed_plan):
    with pytest.raises(PlanLockedError):
        TreatmentPlan.objects.filter(pk=signed_plan.pk).update(impression="Quietly changed")
    with pytest.raises(PlanLockedError):
        TreatmentPlan._base_manager.filter(pk=signed_plan.pk).update(impression="Quietly")
    with pytest.raises(PlanLockedError):
        PlanItem.objects.filter(plan=signed_plan).update(title="Quietly changed")
    with pytest.raises(PlanLockedError):
        PlanDocument.objects.filter(plan=signed_plan).update(pdf=b"%PDF-forged")
    with pytest.raises(PlanLockedError):
        PlanDocument._base_manager.filter(plan=signed_plan).delete()

    signed_plan.refresh_from_db()
    assert signed_plan.impression != "Quietly changed"
    assert not signed_plan.items.filter(title="Quietly changed").exists()


def test_an_audit_event_cannot_be_changed_through_the_base_manager(audit_event):
    with pytest.raises(ValidationError):
        AuditEvent._base_manager.filter(pk=audit_event.pk).update(detail="tampered")
    with pytest.raises(ValidationError):
        AuditEvent._base_manager.filter(pk=audit_event.pk).delete()
    assert AuditEvent.objects.get(pk=audit_event.pk).detail == ""


# --- PostgreSQL: raw SQL meets a trigger ----------------------------------------------------------


def refused(sql, params):
    """True when the database refuses the statement (the test's transaction survives)."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except IntegrityError:
        return True
    return False


@postgresql_only
def test_raw_sql_cannot_change_or_delete_an_audit_event(audit_event):
    assert refused(
        "UPDATE clinic_auditevent SET detail = 'tampered' WHERE id = %s", [audit_event.pk]
    )
    assert refused("UPDATE clinic_auditevent SET user_id = NULL WHERE id = %s", [audit_event.pk])
    assert refused("DELETE FROM clinic_auditevent WHERE id = %s", [audit_event.pk])
    assert AuditEvent.objects.filter(pk=audit_event.pk, detail="").exists()


@postgresql_only
def test_raw_sql_cannot_change_or_delete_a_signed_plan_version(signed_plan, practitioner):
    pk = signed_plan.pk
    assert refused("UPDATE assessments_treatmentplan SET impression = 'x' WHERE id = %s", [pk])
    assert refused("UPDATE assessments_treatmentplan SET status = 'draft' WHERE id = %s", [pk])
    # Superseded is allowed only as the one change: not with another edit slipped in.
    assert refused(
        "UPDATE assessments_treatmentplan SET status = 'superseded', impression = 'x' "
        "WHERE id = %s",
        [pk],
    )
    assert refused("DELETE FROM assessments_treatmentplan WHERE id = %s", [pk])
    item = signed_plan.items.first()
    assert refused("UPDATE assessments_planitem SET title = 'x' WHERE id = %s", [item.pk])
    assert refused("DELETE FROM assessments_planitem WHERE id = %s", [item.pk])
    goal = signed_plan.goals.first()
    assert refused("UPDATE assessments_plangoal SET text = 'x' WHERE id = %s", [goal.pk])
    signed_plan.refresh_from_db()
    assert signed_plan.status == PlanStatus.SIGNED
    # The one change allowed: its signed amendment supersedes it; a draft still changes freely.
    draft = plan_services.plan_amend(plan=signed_plan, reason="Add heel walking", by=practitioner)
    assert not refused(
        "UPDATE assessments_treatmentplan SET impression = 'y' WHERE id = %s", [draft.pk]
    )
    draft = answer_precautions(TreatmentPlan.objects.get(pk=draft.pk), practitioner)
    plan_services.plan_sign(plan=draft, expected_version=draft.version, by=practitioner)
    signed_plan.refresh_from_db()
    assert signed_plan.status == PlanStatus.SUPERSEDED


@postgresql_only
def test_raw_sql_cannot_change_or_delete_a_signed_plans_stored_document(signed_plan):
    document = signed_plan.signed_document
    assert refused(
        "UPDATE assessments_plandocument SET pdf = %s WHERE id = %s", [b"%PDF-forged", document.pk]
    )
    assert refused(
        "UPDATE assessments_plandocument SET sha256 = %s WHERE id = %s", ["0" * 64, document.pk]
    )
    assert refused("DELETE FROM assessments_plandocument WHERE id = %s", [document.pk])
    assert PlanDocument.objects.get(pk=document.pk).sha256 == document.sha256


@postgresql_only
def test_raw_sql_cannot_change_or_delete_a_finished_exam(locked_exam):
    pk = locked_exam.pk
    assert refused("UPDATE assessments_exam SET calf_left = 1 WHERE id = %s", [pk])
    assert refused("UPDATE assessments_exam SET status = 'draft' WHERE id = %s", [pk])
    assert refused("DELETE FROM assessments_exam WHERE id = %s", [pk])
    assert Exam.objects.get(pk=pk).calf_left == 4
    # The trigger guards the finished exam only: a draft still changes.
    draft = ExamFactory(patient=locked_exam.patient)
    assert not refused("UPDATE assessments_exam SET calf_left = 2 WHERE id = %s", [draft.pk])


@postgresql_only
def test_the_correction_path_still_corrects_a_finished_exam_and_leaves_the_lock_on(
    locked_exam, practitioner
):
    with transaction.atomic():
        corrected = exam_services.exam_correct(
            exam=locked_exam,
            data={"calf_left": 3},
            reason="Misread the dynamometer",
            expected_version=locked_exam.version,
            by=practitioner,
        )
        # The permission ended with the correction's own UPDATE, not with the transaction.
        assert refused("UPDATE assessments_exam SET calf_left = 1 WHERE id = %s", [corrected.pk])

    assert Exam.objects.get(pk=locked_exam.pk).calf_left == 3
    assert ExamCorrection.objects.get(exam=locked_exam).changes["calf_left"] == [4, 3]
    assert AuditEvent.objects.filter(action=AuditAction.EXAM_CORRECTED).exists()
