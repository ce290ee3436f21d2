"""Patients: search, read, register (with the registration page's checks and duplicate check)."""

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.utils.translation import gettext as _
from ninja import Field as SchemaField
from ninja import Query, Router, Schema, Status

from clinic.access import get_patient
from clinic.audit import record_event
from clinic.models import AuditAction
from intake.patients import services
from intake.patients.forms import PatientForm
from intake.patients.selectors import search_patients
from interop.api.problems import InputRejected, form_errors
from interop.api.schemas import PatientIn, PatientOut

router = Router(tags=["patients"])
MAX_PAGE = 100


def require(request, *perms):
    if not request.auth.user.has_perms(perms):
        raise PermissionDenied


def patient_for(request, patient_id, *perms):
    """The patient with this id for a caller with these permissions: 403, then 404."""
    require(request, *perms)
    patient = get_patient(patient_id)
    request.audit_patient = patient
    return patient


def record_call(request, action, patient, obj=None, detail=""):
    """Audit what this call did, by the key's user: an API call has no signed-in session."""
    record_event(
        request=request,
        action=action,
        patient=patient,
        obj=obj,
        detail=detail,
        user=request.auth.user,
    )


class SearchQuery(Schema):
    q: str = SchemaField("", max_length=200, description="Name, phone or record number")
    date_of_birth: date | None = None
    include_archived: bool = False
    limit: int = SchemaField(25, ge=1, le=MAX_PAGE)
    offset: int = SchemaField(0, ge=0, le=100_000)


@router.get("", response=list[PatientOut], summary="Search patients")
def patient_search(request, filters: Query[SearchQuery]):
    require(request, "intake.view_patient")
    patients = search_patients(
        query=filters.q.replace("\x00", ""),
        date_of_birth=filters.date_of_birth,
        include_archived=filters.include_archived,
        region=settings.PHONENUMBER_DEFAULT_REGION,
    )
    page = patients[filters.offset : filters.offset + filters.limit]
    return [PatientOut.from_patient(patient) for patient in page]


@router.get("/{patient_id}", response=PatientOut, summary="Read a patient")
def patient_read(request, patient_id: int):
    patient = patient_for(request, patient_id, "intake.view_patient")
    record_call(request, AuditAction.PATIENT_VIEWED, patient)
    return PatientOut.from_patient(patient)


@router.post("", response={201: PatientOut}, summary="Register a patient")
def patient_register(request, payload: PatientIn):
    """Checked as the registration page checks it (dates, phone numbers, a possible duplicate:
    409 with the matching record numbers unless ``confirm_not_duplicate``)."""
    require(request, "intake.add_patient")
    data = QueryDict(mutable=True)
    for name, value in payload.dict().items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value).replace("\x00", "")
    form = PatientForm(data)
    if not form.is_valid():
        if form.possible_duplicates:
            numbers = ", ".join(p.record_number for p in form.possible_duplicates)
            raise InputRejected(
                form_errors(form),
                status=409,
                detail=_(
                    "A patient with this name and date of birth is already registered "
                    "(record %(numbers)s). Send confirm_not_duplicate to register anyway."
                )
                % {"numbers": numbers},
            )
        raise InputRejected(form_errors(form))
    patient = services.patient_register(
        data=form.cleaned_data,
        consent_treatment=form.cleaned_data["consent_treatment"],
        consent_privacy=form.cleaned_data["consent_privacy"],
        by=request.auth.user,
        request=request,
    )
    request.audit_patient = patient
    return Status(201, PatientOut.from_patient(patient))
