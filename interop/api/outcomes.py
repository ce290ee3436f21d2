"""Outcome scores: read the patient's questionnaires, record one (scored by the instrument's
published rules, as the exam page records it)."""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status

from assessments import outcomes
from assessments.models import OutcomeMeasure
from assessments.outcomes import services
from clinic.access import get_active_patient
from interop.api.patients import patient_for, require
from interop.api.problems import InputRejected, field_errors
from interop.api.schemas import OutcomeIn, OutcomeOut

router = Router(tags=["outcome scores"])
_OWN_FIELDS = {"instrument", "taken_on", "exam", "recorded_by", ""}


def outcome_out(measure):
    return OutcomeOut(
        id=measure.pk,
        instrument=measure.instrument,
        name=outcomes.get_instrument(measure.instrument).name,
        score=measure.score,
        score_display=measure.score_display,
        answers=measure.answers,
        taken_on=measure.taken_on,
        recorded_at=measure.recorded_at,
        source=measure.source,
        exam_id=measure.exam_id,
    )


@router.get("/{patient_id}/outcomes", response=list[OutcomeOut], summary="List outcome scores")
def outcome_list(request, patient_id: int):
    patient = patient_for(request, patient_id, "intake.view_patient", "assessments.view_exam")
    measures = OutcomeMeasure.objects.filter(patient=patient).order_by("taken_on", "recorded_at")
    return [outcome_out(measure) for measure in measures]


def _rejected(error):
    errors = [
        {**e, "field": e["field"] if e["field"] in _OWN_FIELDS else f"answers.{e['field']}"}
        for e in field_errors(error)
    ]
    return InputRejected(errors)


@router.post(
    "/{patient_id}/outcomes", response={201: OutcomeOut}, summary="Record an outcome score"
)
def outcome_create(request, patient_id: int, payload: OutcomeIn):
    require(request, "intake.view_patient", "assessments.view_exam", "assessments.add_exam")
    patient = get_active_patient(patient_id)
    request.audit_patient = patient
    try:
        # JSON that PostgreSQL cannot store (NaN, Infinity, a NUL character) is bad input.
        storable = "\\u0000" not in json.dumps(payload.answers, allow_nan=False)
    except ValueError:
        storable = False
    if not storable:
        raise InputRejected(
            [{"field": "answers", "detail": _("These answers do not fit the questionnaire.")}]
        )
    try:
        services.score_answers(payload.instrument, payload.answers)
    except ValidationError as error:
        raise _rejected(error) from None
    except (KeyError, TypeError, AttributeError, ValueError):
        # Answers of the wrong shape for the instrument (e.g. PSFS without "activities").
        raise InputRejected(
            [{"field": "answers", "detail": _("These answers do not fit the questionnaire.")}]
        ) from None
    try:
        measure = services.outcome_record(
            patient=patient,
            instrument=payload.instrument,
            answers=payload.answers,
            taken_on=payload.taken_on,
            by=request.auth.user,
            request=request,
        )
    except ValidationError as error:
        raise _rejected(error) from None
    return Status(201, outcome_out(measure))
