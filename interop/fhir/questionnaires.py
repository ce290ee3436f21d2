"""The intake and the outcome questionnaires: their Questionnaire definitions and each filled-in
form as a QuestionnaireResponse. A form the patient filled in through their link names the
Patient as its source; one typed by staff names that person as its author."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext

from assessments import outcomes
from assessments.models import OutcomeSource
from intake.models import (
    INTAKE_ANSWER_FIELDS,
    CrampMuscle,
    CrampTiming,
    Intake,
    IntakeSource,
    IntakeStatus,
)
from interop.fhir.codes import base_url, fhir_id, instant, product_system, ref
from interop.fhir.people import practitioner_ref

INTAKE_QUESTIONNAIRE_ID = "intake"
_LIST_CHOICES = {"cramp_muscles": CrampMuscle.choices, "cramp_timing": CrampTiming.choices}
_MEDICATION_PARTS = ("name", "dose", "frequency", "since")


def _answer_system(name):
    return product_system(fhir_id("intake", name))


def questionnaire_url(questionnaire_id):
    return f"{base_url()}/Questionnaire/{questionnaire_id}"


def _intake_item_type(field):
    if isinstance(field, models.BooleanField):
        return "boolean"
    if isinstance(field, models.TextField):
        return "text"
    if isinstance(field, models.DecimalField):
        return "decimal"
    if isinstance(field, models.DateField):
        return "date"
    if isinstance(field, models.IntegerField):
        return "integer"
    if field.name in _LIST_CHOICES or field.choices:
        return "choice"
    return "string"


def _options(name, field):
    choices = _LIST_CHOICES.get(name) or field.choices
    system = _answer_system(name)
    return [
        {"valueCoding": {"system": system, "code": value, "display": str(label)}}
        for value, label in choices
        if value != ""
    ]


def intake_questionnaire():
    items = []
    for name in INTAKE_ANSWER_FIELDS:
        field = Intake._meta.get_field(name)
        item = {"linkId": name, "text": str(field.verbose_name), "type": _intake_item_type(field)}
        if item["type"] == "choice":
            item["answerOption"] = _options(name, field)
            if name in _LIST_CHOICES:
                item["repeats"] = True
        items.append(item)
    items.append(
        {
            "linkId": "medications",
            "text": gettext("Medications"),
            "type": "group",
            "repeats": True,
            "item": [
                {"linkId": f"medications.{part}", "text": part, "type": "string"}
                for part in _MEDICATION_PARTS
            ],
        }
    )
    return {
        "resourceType": "Questionnaire",
        "id": INTAKE_QUESTIONNAIRE_ID,
        "url": questionnaire_url(INTAKE_QUESTIONNAIRE_ID),
        "name": "HealthHistoryIntake",
        "title": gettext("Health-history intake"),
        "status": "active",
        "subjectType": ["Patient"],
        "item": items,
    }


def _value(name, field, value):
    """The FHIR answers for one stored value; [] when it was not answered."""
    if value is None or value == "" or value == []:
        return []
    if name in _LIST_CHOICES:
        labels = dict(_LIST_CHOICES[name])
        return [
            {
                "valueCoding": {
                    "system": _answer_system(name),
                    "code": code,
                    "display": str(labels.get(code, code)),
                }
            }
            for code in value
        ]
    if isinstance(value, bool):
        return [{"valueBoolean": value}]
    if field.choices:
        return [
            {
                "valueCoding": {
                    "system": _answer_system(name),
                    "code": value,
                    "display": str(dict(field.choices).get(value, value)),
                }
            }
        ]
    if isinstance(value, Decimal):
        return [{"valueDecimal": float(value)}]
    if isinstance(value, int):
        return [{"valueInteger": value}]
    if hasattr(value, "isoformat"):
        return [{"valueDate": value.isoformat()}]
    return [{"valueString": str(value)}]


_QR_STATUS = {
    IntakeStatus.DRAFT: "in-progress",
    IntakeStatus.SUBMITTED: "completed",
    IntakeStatus.CONFIRMED: "completed",
}


def _response(record, kind, questionnaire_id, *, status, authored, items, by_patient, user):
    """A filled-in form of one patient: the patient's own (through their link) names the
    Patient as its source; one typed by staff names that person as its author."""
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": fhir_id(kind, record.pk),
        "questionnaire": questionnaire_url(questionnaire_id),
        "status": status,
        "subject": ref("Patient", record.patient_id),
        "authored": instant(authored),
        "item": items,
    }
    if by_patient:
        resource["source"] = ref("Patient", record.patient.pk, record.patient.full_name)
    elif user is not None:
        resource["author"] = practitioner_ref(user)
    return resource


def intake_response(intake):
    items = []
    for name in INTAKE_ANSWER_FIELDS:
        field = Intake._meta.get_field(name)
        answers = _value(name, field, getattr(intake, name))
        if answers:
            items.append({"linkId": name, "text": str(field.verbose_name), "answer": answers})
    for medication in intake.medications.all():
        parts = []
        for part in _MEDICATION_PARTS:
            value = getattr(medication, part).strip()
            if value:
                parts.append({"linkId": f"medications.{part}", "answer": [{"valueString": value}]})
        items.append({"linkId": "medications", "item": parts})
    return _response(
        intake,
        "intake",
        INTAKE_QUESTIONNAIRE_ID,
        status=_QR_STATUS[intake.status],
        authored=intake.submitted_at or intake.created_at,
        items=items,
        by_patient=intake.source == IntakeSource.PATIENT,
        user=intake.created_by,
    )


def outcome_questionnaire_id(code):
    return fhir_id("outcome", code.lower())


def outcome_questionnaire(instrument):
    if instrument.form == "activities":
        items = [
            {
                "linkId": "activities",
                "text": gettext("Activities"),
                "type": "group",
                "repeats": True,
                "item": [
                    {"linkId": "activities.name", "text": gettext("Activity"), "type": "string"},
                    {"linkId": "activities.score", "text": gettext("Score"), "type": "integer"},
                ],
            }
        ]
    else:
        items = [
            {
                "linkId": item.key,
                "text": gettext(item.text),
                "type": "integer",
                # The ODI's patient may mark more than one statement (the highest counts).
                "repeats": instrument.form == "statements",
            }
            for item in instrument.items
        ]
    questionnaire_id = outcome_questionnaire_id(instrument.code)
    return {
        "resourceType": "Questionnaire",
        "id": questionnaire_id,
        "url": questionnaire_url(questionnaire_id),
        "name": instrument.code,
        "title": gettext(instrument.name),
        "status": "active",
        "subjectType": ["Patient"],
        "code": [
            {
                "system": product_system("outcome-measure"),
                "code": instrument.code,
                "display": gettext(instrument.name),
            }
        ],
        "item": items,
    }


def _integer_answers(value):
    values = value if isinstance(value, (list, tuple)) else [value]
    return [{"valueInteger": int(v)} for v in values if isinstance(v, (int, float))]


def outcome_response(measure):
    instrument = outcomes.get_instrument(measure.instrument)
    answers = measure.answers or {}
    items = []
    if instrument.form == "activities":
        for row in answers.get("activities", []):
            parts = []
            if row.get("name"):
                parts.append(
                    {"linkId": "activities.name", "answer": [{"valueString": row["name"]}]}
                )
            if row.get("score") is not None:
                parts.append(
                    {"linkId": "activities.score", "answer": _integer_answers(row["score"])}
                )
            items.append({"linkId": "activities", "item": parts})
    else:
        for item in instrument.items:
            given = _integer_answers(answers.get(item.key))
            if given:
                items.append({"linkId": item.key, "text": gettext(item.text), "answer": given})
    return _response(
        measure,
        "outcome",
        outcome_questionnaire_id(instrument.code),
        status="completed",
        authored=measure.recorded_at,
        items=items,
        by_patient=measure.source == OutcomeSource.PATIENT,
        user=measure.recorded_by,
    )
