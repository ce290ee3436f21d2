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


def _record_consents(*, patient, consent_treatment, consent_privacy, by, now):
    if consent_treatment and patient.consent_treatment_at is None:
        patient.consent_treatment_at, patient.consent_treatment_by = now, by
    if consent_privacy and patient.consent_privacy_at is None:
        patient.consent_privacy_at, patient.consent_privacy_by = now, by


@transaction.atomic
def patient_register(*, data, consent_treatment, consent_privacy, by, request=None):
    now = timezone.now()
    patient = Patient(**{field: data[field] for field in PATIENT_FIELDS}, created_by=by)
    _record_consents(
        patient=patient,
        consent_treatment=consent_treatment,
        consent_privacy=consent_privacy,
        by=by,
        now=now,
    )
    patient.full_clean()
    patient.save()
    record_event(request=request, action=AuditAction.PATIENT_REGISTERED, patient=patient, user=by)
    return patient


@transaction.atomic
def patient_update(
    *, patient, data, expected_version, consent_treatment, consent_privacy, by, request=None
):
    """Save edits unless someone else saved first (then ConcurrentEditError, nothing written)."""
    current = lock_for_edit(Patient, pk=patient.pk, expected_version=expected_version)
    changed = [field for field in PATIENT_FIELDS if getattr(current, field) != data[field]]
    for field in PATIENT_FIELDS:
        setattr(current, field, data[field])
    _record_consents(
        patient=current,
        consent_treatment=consent_treatment,
        consent_privacy=consent_privacy,
        by=by,
        now=timezone.now(),
    )
    current.version += 1
    current.full_clean()
    current.save()
    record_event(
        request=request,
        action=AuditAction.PATIENT_CHANGED,
        patient=current,
        user=by,
        detail=", ".join(changed),
    )
    return current


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
    current.save()
    record_event(
        request=request,
        action=AuditAction.PATIENT_ARCHIVED,
        patient=current,
        user=by,
        detail=reason,
    )
    return current
