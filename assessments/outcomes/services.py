"""Writes to outcome measures: score the answers and keep them.

Each function is one transaction; every measure is ``full_clean()``-ed before it is saved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments import outcomes
from assessments.models import (
    Exam,
    ExamLockedError,
    OutcomeMeasure,
    OutcomeSource,
)
from assessments.outcomes import instruments
from clinic.audit import record_change
from clinic.models import AuditAction


def _field_error(error):
    return ValidationError(
        {error.field: ValidationError(gettext(error.message), params=error.params or None)}
    )


def score_answers(instrument, answers):
    """The score of one questionnaire, or a ValidationError keyed by the offending field."""
    if instrument not in outcomes.INSTRUMENTS:
        raise ValidationError({"instrument": _("Unknown questionnaire.")})
    try:
        return instruments.score(instrument, answers)
    except outcomes.ScoringError as error:
        raise _field_error(error) from None


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
    # An instrument may drop blank rows (the PSFS keeps the activities that were rated).
    answers = instruments.kept_answers(instrument, answers)
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
    record_change(
        measure,
        AuditAction.OUTCOME_RECORDED,
        by=by,
        patient=patient,
        request=request,
        detail=f"{instrument} {score}",
        by_patient_link=source == OutcomeSource.PATIENT,
    )
    return measure
