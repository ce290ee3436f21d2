"""Intakes: read, start a draft, submit. Checked by the intake page's own form (the same ranges,
contradictions and completeness on submit) and saved by its services."""

from decimal import Decimal

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from ninja import Router, Status

from clinic.access import get_active_patient, get_editable_intake, get_intake
from clinic.models import AuditAction
from intake.intakes import services
from intake.intakes.forms import IntakeForm, MedicationFormSet, YesNoField, medication_rows
from intake.models import INTAKE_ANSWER_FIELDS, Intake
from interop.api.patients import patient_for, record_call, require
from interop.api.problems import InputRejected, form_errors
from interop.api.schemas import IntakeIn, IntakeOut, IntakeSubmitIn, IntakeSummary

router = Router(tags=["intakes"])
_MEDICATION_PARTS = ("name", "dose", "frequency", "since")


def _answer_value(value):
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def intake_out(intake):
    medications = list(intake.medications.all())
    return IntakeOut(
        id=intake.pk,
        status=intake.status,
        source=intake.source,
        created_at=intake.created_at,
        submitted_at=intake.submitted_at,
        confirmed_at=intake.confirmed_at,
        version=intake.version,
        answers={name: _answer_value(getattr(intake, name)) for name in INTAKE_ANSWER_FIELDS},
        medications=[{part: getattr(m, part) for part in _MEDICATION_PARTS} for m in medications],
        cramp_linked_medications=[m.name for m in medications if m.cramp_linked_classes],
    )


def _put(data, name, field, value):
    """One answer as the questionnaire page would post it; an error sentence if it cannot be."""
    if isinstance(field, YesNoField):
        if value not in (True, False, None):
            return _("Answer true, false or null.")
        data[name] = {True: "yes", False: "no", None: ""}[value]
    elif isinstance(field, forms.BooleanField):
        if value not in (True, False, None):
            return _("Answer true or false.")
        if value:
            data[name] = "on"
    elif isinstance(field, forms.MultipleChoiceField):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return _("Give a list of choices.")
        data.setlist(name, value)
    elif isinstance(value, (dict, list)):
        return _("Give one value.")
    else:
        data[name] = "" if value is None else str(value).replace("\x00", "")
    return None


def _cleaned(intake, answers, medications, *, submitting, version=None):
    """The service's ``answers`` and ``medication_rows`` as the pages' intake form and medication
    formset clean them, and the version the caller read; InputRejected names each failing field."""
    fields = IntakeForm(instance=Intake()).fields
    data = QueryDict(mutable=True)
    errors = []
    for name, value in answers.items():
        if name not in INTAKE_ANSWER_FIELDS:
            errors.append({"field": f"answers.{name}", "detail": _("Unknown question.")})
            continue
        problem = _put(data, name, fields[name], value)
        if problem:
            errors.append({"field": f"answers.{name}", "detail": problem})
    if errors:
        raise InputRejected(errors)
    data["version"] = "" if version is None else str(version)
    data["medications-TOTAL_FORMS"] = str(len(medications))
    data["medications-INITIAL_FORMS"] = "0"
    for index, row in enumerate(medications):
        for part in _MEDICATION_PARTS:
            data[f"medications-{index}-{part}"] = (row.get(part) or "").replace("\x00", "")
    form = IntakeForm(data, instance=intake, submitting=submitting)
    formset = MedicationFormSet(data, instance=intake, prefix="medications")
    form_ok, formset_ok = form.is_valid(), formset.is_valid()
    if not (form_ok and formset_ok):
        errors = [
            {**error, "field": f"answers.{error['field']}" if error["field"] else ""}
            for error in form_errors(form)
        ]
        for index, row_form in enumerate(formset.forms):
            errors += form_errors(row_form, prefix=f"medications.{index}.")
        errors += [{"field": "medications", "detail": str(e)} for e in formset.non_form_errors()]
        raise InputRejected(errors)
    inputs = {"answers": form.cleaned_data, "medication_rows": medication_rows(formset)}
    return inputs, form.expected_version


def _stored_answers(intake):
    return {
        name: _answer_value(getattr(intake, name))
        for name in INTAKE_ANSWER_FIELDS
        if getattr(intake, name) not in (None, "", [])
    }


@router.get("/{patient_id}/intakes", response=list[IntakeSummary], summary="List intakes")
def intake_list(request, patient_id: int):
    patient = patient_for(request, patient_id, "intake.view_patient", "intake.view_intake")
    return list(patient.intakes.order_by("-created_at", "-pk")[:100])


@router.get("/{patient_id}/intakes/{intake_id}", response=IntakeOut, summary="Read an intake")
def intake_read(request, patient_id: int, intake_id: int):
    patient = patient_for(request, patient_id, "intake.view_patient", "intake.view_intake")
    intake = get_intake(patient, intake_id)
    record_call(request, AuditAction.INTAKE_VIEWED, patient, intake)
    return intake_out(intake)


@router.post(
    "/{patient_id}/intakes", response={201: IntakeOut}, summary="Start an intake (a draft)"
)
def intake_create(request, patient_id: int, payload: IntakeIn):
    """A draft checks only what is given (ranges, contradictions), as "Save draft" does."""
    require(request, "intake.add_intake")
    patient = get_active_patient(patient_id)
    request.audit_patient = patient
    medications = [m.dict() for m in payload.medications or []]
    inputs, _version = _cleaned(
        Intake(patient=patient), payload.answers, medications, submitting=False
    )
    intake = services.intake_record(
        patient=patient,
        **inputs,
        by=request.auth.user,
        submit=False,
        request=request,
    )
    return Status(201, intake_out(intake))


@router.post(
    "/{patient_id}/intakes/{intake_id}/submit",
    response=IntakeOut,
    summary="Submit an intake for the practitioner's review",
)
def intake_submit(request, patient_id: int, intake_id: int, payload: IntakeSubmitIn):
    """The answers given are laid over the saved ones, then the whole questionnaire must be
    complete (422 naming each unanswered question). ``medications``, when given, replace the
    saved lines."""
    patient = patient_for(request, patient_id, "intake.view_patient", "intake.change_intake")
    intake = get_editable_intake(request.auth.user, patient, intake_id)
    answers = {**_stored_answers(intake), **payload.answers}
    if payload.medications is None:
        rows = [
            {part: getattr(m, part) for part in _MEDICATION_PARTS} for m in intake.medications.all()
        ]
    else:
        rows = [m.dict() for m in payload.medications]
    version = intake.version if payload.version is None else payload.version
    inputs, expected_version = _cleaned(intake, answers, rows, submitting=True, version=version)
    try:
        saved = services.intake_save(
            intake=intake,
            **inputs,
            expected_version=expected_version,
            by=request.auth.user,
            submit=True,
            request=request,
        )
    except services.IntakeLockedError:
        raise InputRejected(
            [], status=409, detail=_("This intake is confirmed; it is locked.")
        ) from None
    return intake_out(saved)
