"""Writes to intakes and their medications. Views call these; nothing else saves an intake."""

from django.db import transaction
from django.utils import timezone

from clinic.audit import record_change, record_event
from clinic.concurrency import (  # noqa: F401  (views catch services.ConcurrentEditError)
    ConcurrentEditError,
    lock_for_edit,
)
from clinic.models import AuditAction
from intake.models import (
    INTAKE_ANSWER_FIELDS,
    Intake,
    IntakeSource,
    IntakeStatus,
    Medication,
)


class IntakeLockedError(Exception):
    """A confirmed intake is part of the record; it is not edited in place."""


def _answers(intake):
    return {field: _jsonable(getattr(intake, field)) for field in INTAKE_ANSWER_FIELDS} | {
        "medications": [
            {"name": m.name, "dose": m.dose, "frequency": m.frequency, "since": m.since}
            for m in intake.medications.all()
        ]
    }


def _jsonable(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value.__class__.__name__ == "Decimal":
        return str(value)
    return value


def _new_intake(*, patient, by, source=IntakeSource.FRONT_DESK):
    intake = Intake(patient=patient, created_by=by, source=source)
    intake.full_clean()
    intake.save()
    return intake


@transaction.atomic
def intake_create(*, patient, by, source=IntakeSource.FRONT_DESK, request=None):
    intake = _new_intake(patient=patient, by=by, source=source)
    record_event(
        request=request, action=AuditAction.INTAKE_STARTED, patient=patient, obj=intake, user=by
    )
    return intake


def _save_medications(*, intake, medication_rows):
    """Replace the intake's medication lines by the rows given (name, dose, frequency, since)."""
    kept_ids = []
    for position, row in enumerate(medication_rows):
        medication = intake.medications.filter(pk=row.get("id")).first() if row.get("id") else None
        medication = medication or Medication(intake=intake)
        for field in ("name", "dose", "frequency", "since"):
            setattr(medication, field, (row.get(field) or "").strip())
        medication.position = position
        medication.full_clean()
        medication.save()
        kept_ids.append(medication.pk)
    intake.medications.exclude(pk__in=kept_ids).delete()


@transaction.atomic
def intake_save(*, intake, answers, medication_rows, expected_version, by, submit, request=None):
    """Save answers (and submit them when ``submit``) in one transaction, or raise.

    The intake with its medications is written whole or not at all.
    """
    current = lock_for_edit(Intake, pk=intake.pk, expected_version=expected_version)
    if current.status == IntakeStatus.CONFIRMED:
        raise IntakeLockedError
    if by is None and current.status != IntakeStatus.DRAFT:
        raise IntakeLockedError  # a patient's answers, once sent, change only by a practitioner
    for field in INTAKE_ANSWER_FIELDS:
        if field in answers:
            setattr(current, field, answers[field])
    current.version += 1
    current.full_clean()
    current.save()
    _save_medications(intake=current, medication_rows=medication_rows)
    action = AuditAction.INTAKE_SAVED
    if submit and current.status == IntakeStatus.DRAFT:
        current.status = IntakeStatus.SUBMITTED
        current.submitted_at = timezone.now()
        if current.source == IntakeSource.PATIENT:
            # What the patient said, kept for ever, whatever a practitioner corrects later.
            current.original_answers = _answers(current)
        current.save()
        action = AuditAction.INTAKE_SUBMITTED
    record_change(
        current,
        action,
        by=by,
        request=request,
        by_patient_link=by is None and current.source == IntakeSource.PATIENT,
    )
    return current


@transaction.atomic
def intake_confirm(*, intake, by, request=None):
    current = Intake.objects.select_for_update().get(pk=intake.pk)
    if current.status != IntakeStatus.SUBMITTED:
        raise IntakeLockedError
    current.status = IntakeStatus.CONFIRMED
    current.confirmed_at = timezone.now()
    current.confirmed_by = by
    current.version += 1
    current.save()
    record_change(current, AuditAction.INTAKE_CONFIRMED, by=by, request=request)
    return current


@transaction.atomic
def intake_record(*, patient, answers, medication_rows, by, submit, request=None):
    """A new intake taken at the front desk, saved (or submitted) in the same transaction.

    One audit event: the save or submission (intake_save) of the new intake."""
    intake = _new_intake(patient=patient, by=by)
    return intake_save(
        intake=intake,
        answers=answers,
        medication_rows=medication_rows,
        expected_version=intake.version,
        by=by,
        submit=submit,
        request=request,
    )
