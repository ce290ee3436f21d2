"""Writes to exams. Views call these; nothing else saves an exam.

Each function is one transaction; every model is ``full_clean()``-ed before it is saved.
"""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    SEGMENT_LEVELS,
    Exam,
    ExamCorrection,
    ExamLockedError,
    ExamStatus,
)
from clinic import concurrency as clinic_concurrency
from clinic.audit import record_change
from clinic.models import AuditAction
from intake.models import IntakeStatus

__all__ = [
    "EXAM_FIELDS",
    "NOT_FROM_FORMS",
    "ConcurrentEditError",
    "ExamLockedError",
    "exam_correct",
    "exam_finish",
    "exam_save_draft",
    "exam_start",
]


# The exam's own bookkeeping: no form records these (the FHIR export leaves them out too).
NOT_FROM_FORMS = {
    "id",
    "patient",
    "intake",
    "practitioner",
    "status",
    "created_at",
    "updated_at",
    "finished_at",
    "finished_by",
    "version",
}


# Every field the practitioner records, in model order (segments included).
EXAM_FIELDS = [
    field.name
    for field in Exam._meta.concrete_fields
    if field.name not in NOT_FROM_FORMS and field.editable
]


MIN_REASON_LENGTH = 5


class ConcurrentEditError(clinic_concurrency.ConcurrentEditError):
    """Someone else saved the exam after this form was opened."""

    message = _(
        "Someone else changed this exam while you were editing it. Your changes are still in "
        "the form; check them against the saved exam and save again."
    )


def normalise_segments(rows):
    """Keep only levels with a finding, in C1..SIJ order."""
    order = {level: index for index, level in enumerate(SEGMENT_LEVELS)}
    kept = [
        {
            "level": row["level"],
            "stiffness": row["stiffness"],
            "tender": bool(row["tender"]),
            "side": row["side"],
        }
        for row in rows
        if row["stiffness"] != "none" or row["tender"]
    ]
    return sorted(kept, key=lambda row: order.get(row["level"], len(order)))


def _apply(exam, data):
    for name in EXAM_FIELDS:
        if name in data:
            value = data[name]
            if name == "segments":
                value = normalise_segments(value)
            setattr(exam, name, value)


def _locked_current(exam, expected_version):
    return clinic_concurrency.lock_for_edit(
        Exam, pk=exam.pk, expected_version=expected_version, error=ConcurrentEditError
    )


@transaction.atomic
def exam_start(*, patient, by, data=None, intake=None, request=None):
    """Open a draft exam for the patient, with whatever has been recorded so far.

    ``intake`` is the confirmed intake the exam follows (optional); it must be the patient's.
    """
    if intake is not None and intake.status != IntakeStatus.CONFIRMED:
        raise ValidationError({"intake": _("Only a confirmed intake can start an exam.")})
    exam = Exam(patient=patient, practitioner=by, intake=intake)
    _apply(exam, data or {})
    exam.full_clean()
    exam.save()
    record_change(exam, AuditAction.EXAM_STARTED, by=by, patient=patient, request=request)
    return exam


def _write_draft(exam, *, data, expected_version, by, request, finishing):
    """Save the form's values on a draft, finishing it too when asked, unless someone saved first
    (ConcurrentEditError) or it is finished already."""
    current = _locked_current(exam, expected_version)
    if current.is_finished:
        raise ExamLockedError
    _apply(current, data)
    if finishing:
        current.status = ExamStatus.FINISHED
        current.finished_at = timezone.now()
        current.finished_by = by
    current.version += 1
    current.full_clean()
    current.save()
    action = AuditAction.EXAM_FINISHED if finishing else AuditAction.EXAM_SAVED
    record_change(current, action, by=by, request=request)
    return current


@transaction.atomic
def exam_save_draft(*, exam, data, expected_version, by, request=None):
    return _write_draft(
        exam, data=data, expected_version=expected_version, by=by, request=request, finishing=False
    )


@transaction.atomic
def exam_finish(*, exam, by, expected_version, data=None, request=None):
    """Finish (and lock) a draft, saving the form's last values with it in the same write."""
    return _write_draft(
        exam,
        data=data or {},
        expected_version=expected_version,
        by=by,
        request=request,
        finishing=True,
    )


@transaction.atomic
def exam_correct(*, exam, data, reason, expected_version, by, request=None):
    """Correct a finished exam. The earlier values stay in the history and in the correction."""
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": _("Say why the finished exam is being corrected.")})
    current = _locked_current(exam, expected_version)
    if not current.is_finished:
        raise ValidationError(_("Only a finished exam is corrected; edit the draft instead."))
    before = {name: getattr(current, name) for name in EXAM_FIELDS}
    _apply(current, data)
    changes = {
        name: [_as_json(before[name]), _as_json(getattr(current, name))]
        for name in EXAM_FIELDS
        if before[name] != getattr(current, name)
    }
    if not changes:
        raise ValidationError(_("Nothing was changed, so there is nothing to correct."))
    current.version += 1
    current.full_clean()
    current._correction_reason = reason
    current._change_reason = reason  # simple-history keeps it on the historical row
    with _correction_allowed():
        current.save()
    correction = ExamCorrection(exam=current, reason=reason, changes=changes, corrected_by=by)
    correction.full_clean()
    correction.save()
    record_change(
        current,
        AuditAction.EXAM_CORRECTED,
        by=by,
        request=request,
        detail=f"corrected {', '.join(changes)}: {reason}",
    )
    return current


class _correction_allowed:
    """On PostgreSQL, let this transaction's next UPDATE through the finished-exam trigger.

    The trigger (migration 0007_records_guards) refuses any change to a finished exam unless the
    transaction-local setting clinic.correction is 'on'; it is switched off again at once.
    """

    def _set(self, value):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('clinic.correction', %s, true)", [value])

    def __enter__(self):
        self._set("on")

    def __exit__(self, exc_type, exc, traceback):
        # After an error the transaction (or savepoint) rolls back, and the setting with it.
        if exc_type is None:
            self._set("off")
        return False


def _as_json(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
