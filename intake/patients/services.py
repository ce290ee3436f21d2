"""Writes to patients. Views call these; nothing else saves a patient."""

from django.db import transaction
from django.utils import timezone

from clinic.audit import record_event
from clinic.concurrency import (  # noqa: F401  (views catch services.ConcurrentEditError)
    ConcurrentEditError,
    lock_for_edit,
)
from clinic.models import AuditAction
from intake.models import Patient

PATIENT_FIELDS = [
    "first_name",
    "last_name",
    "date_of_birth",
    "sex",
    "phone",
    "email",
    "address",
    "emergency_contact_name",
    "emergency_contact_phone",
    "preferred_language",
]


def _apply(patient, data, *, consent_treatment, consent_privacy, by):
    """The form's fields and any consent given for the first time, checked: what registering
    and editing a patient share."""
    for field in PATIENT_FIELDS:
        setattr(patient, field, data[field])
    now = timezone.now()
    if consent_treatment and patient.consent_treatment_at is None:
        patient.consent_treatment_at, patient.consent_treatment_by = now, by
    if consent_privacy and patient.consent_privacy_at is None:
        patient.consent_privacy_at, patient.consent_privacy_by = now, by
    patient.full_clean()


def _save(patient, action, *, by, request, detail=""):
    """Every write here ends the same way: the patient saved and one audit event."""
    patient.save()
    record_event(request=request, action=action, patient=patient, user=by, detail=detail)
    return patient


@transaction.atomic
def patient_register(*, data, consent_treatment, consent_privacy, by, request=None):
    patient = Patient(created_by=by)
    _apply(
        patient, data, consent_treatment=consent_treatment, consent_privacy=consent_privacy, by=by
    )
    return _save(patient, AuditAction.PATIENT_REGISTERED, by=by, request=request)


@transaction.atomic
def patient_update(
    *, patient, data, expected_version, consent_treatment, consent_privacy, by, request=None
):
    """Save edits unless someone else saved first (then ConcurrentEditError, nothing written)."""
    current = lock_for_edit(Patient, pk=patient.pk, expected_version=expected_version)
    changed = [field for field in PATIENT_FIELDS if getattr(current, field) != data[field]]
    current.version += 1
    _apply(
        current, data, consent_treatment=consent_treatment, consent_privacy=consent_privacy, by=by
    )
    detail = ", ".join(changed)
    return _save(current, AuditAction.PATIENT_CHANGED, by=by, request=request, detail=detail)


@transaction.atomic
def patient_archive(*, patient, reason, by, request=None):
    """Archive a patient entered in error. Nothing is deleted; the reason is kept and audited."""
    current = Patient.objects.select_for_update().get(pk=patient.pk)
    if current.is_archived:
        return current
    current.archived_at = timezone.now()
    current.archived_by = by
    current.archive_reason = reason
    current.version += 1
    return _save(current, AuditAction.PATIENT_ARCHIVED, by=by, request=request, detail=reason)
