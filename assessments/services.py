"""Writes to exams and outcome measures. Views call these; nothing else saves these models.

Each function is one transaction; every model is ``full_clean()``-ed before it is saved.
"""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments import outcomes
from assessments.models import (
    SEGMENT_LEVELS,
    Exam,
    ExamCorrection,
    ExamLockedError,
    ExamStatus,
    OutcomeMeasure,
    OutcomeSource,
)
from clinic import concurrency as clinic_concurrency
from clinic.audit import record_event
from clinic.models import AuditAction
from intake.models import IntakeStatus

__all__ = [
    "EXAM_FIELDS",
    "ConcurrentEditError",
    "ExamLockedError",
    "exam_correct",
    "exam_finish",
    "exam_save_draft",
    "exam_start",
    "outcome_record",
]

_NOT_FROM_FORMS = {
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
    if field.name not in _NOT_FROM_FORMS and field.editable
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
    record_event(
        request=request, action=AuditAction.EXAM_STARTED, patient=patient, obj=exam, user=by
    )
    return exam


@transaction.atomic
def exam_save_draft(*, exam, data, expected_version, by, request=None):
    """Save a draft unless someone saved first (ConcurrentEditError) or it is finished."""
    current = _locked_current(exam, expected_version)
    if current.is_finished:
        raise ExamLockedError
    _apply(current, data)
    current.version += 1
    current.full_clean()
    current.save()
    record_event(
        request=request,
        action=AuditAction.EXAM_SAVED,
        patient=current.patient,
        obj=current,
        user=by,
    )
    return current


@transaction.atomic
def exam_finish(*, exam, by, expected_version, data=None, request=None):
    """Finish (and lock) a draft, saving the form's last values with it in the same write."""
    current = _locked_current(exam, expected_version)
    if current.is_finished:
        raise ExamLockedError
    _apply(current, data or {})
    current.status = ExamStatus.FINISHED
    current.finished_at = timezone.now()
    current.finished_by = by
    current.version += 1
    current.full_clean()
    current.save()
    record_event(
        request=request,
        action=AuditAction.EXAM_FINISHED,
        patient=current.patient,
        obj=current,
        user=by,
    )
    return current


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
    record_event(
        request=request,
        action=AuditAction.EXAM_CORRECTED,
        patient=current.patient,
        obj=current,
        user=by,
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


# --- Outcome measures --------------------------------------------------------------------------


def _field_error(error):
    return ValidationError(
        {error.field: ValidationError(gettext(error.message), params=error.params or None)}
    )


def score_answers(instrument, answers):
    """The score of one questionnaire, or a ValidationError keyed by the offending field."""
    try:
        if instrument == "ODI":
            return outcomes.score_odi(answers).value
        if instrument == "LEFS":
            return float(outcomes.score_lefs(answers).value)
        if instrument == "NPRS":
            return float(outcomes.score_nprs(answers.get("pain_now")))
        if instrument == "PSFS":
            rows = [(row.get("name"), row.get("score")) for row in answers["activities"]]
            return outcomes.score_psfs(rows).value
    except outcomes.ScoringError as error:
        raise _field_error(error) from None
    raise ValidationError({"instrument": _("Unknown questionnaire.")})


@transaction.atomic
def outcome_record(
    *,
    patient,
    instrument,
    answers,
    by=None,
    exam=None,
    taken_on=None,
    source=OutcomeSource.PRACTITIONER,
    request=None,
):
    """Score the answers by the instrument's published rules and keep answers and score.

    ``taken_on`` is the day the questionnaire was answered (today in the clinic by default).
    With ``exam`` it is part of that exam, which must still be a draft: a finished exam changes
    only through a correction with its reason (ExamLockedError); a questionnaire taken after
    it belongs to the patient's record on its own date, or to a new exam.
    Raises ValidationError keyed by the answer that cannot be scored (e.g. ``"walking"``).
    """
    if exam is not None:
        # Locked so that an exam finished meanwhile cannot take the questionnaire after all.
        exam = Exam.objects.select_for_update().get(pk=exam.pk)
        if exam.is_finished:
            raise ExamLockedError
    # Scored as typed, so an error names the row the practitioner sees (activity_3_score).
    score = score_answers(instrument, answers)
    if instrument == "PSFS":
        # Blank rows are not part of the answer; keep the activities that were rated.
        answers = {
            "activities": [
                row
                for row in answers["activities"]
                if (row.get("name") or "").strip() or row.get("score") is not None
            ]
        }
    measure = OutcomeMeasure(
        patient=patient,
        exam=exam,
        instrument=instrument,
        answers=answers,
        score=score,
        taken_on=taken_on or timezone.localdate(),
        recorded_by=by,
        source=source,
    )
    measure.full_clean()
    measure.save()
    record_event(
        request=request,
        action=AuditAction.OUTCOME_RECORDED,
        patient=patient,
        obj=measure,
        user=by,
        detail=f"{instrument} {score}",
        by_patient_link=source == OutcomeSource.PATIENT,
    )
    return measure
