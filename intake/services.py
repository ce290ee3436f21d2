"""Writes to patients and intakes. Views call these; nothing else saves these models."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from clinic.audit import record_event
from clinic.concurrency import (  # noqa: F401  (views catch services.ConcurrentEditError)
    ANY_VERSION,
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
    Patient,
    SelfIntakeLink,
)

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


# --- Intakes -------------------------------------------------------------------------------


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
    record_event(
        request=request,
        action=action,
        patient=current.patient,
        obj=current,
        user=by,
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
    record_event(
        request=request,
        action=AuditAction.INTAKE_CONFIRMED,
        patient=current.patient,
        obj=current,
        user=by,
    )
    return current


# --- Self-intake links ---------------------------------------------------------------------


def _token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


# A second "Send self-intake link" by the same person within this many seconds (a double
# click, a reload of the page) shows the link just issued rather than making another.
SELF_INTAKE_REISSUE_SECONDS = 60


class PatientArchivedError(Exception):
    """An archived patient gets no new link, and their old links stop working."""


def _token_for(salt):
    """The link's token: a keyed hash of its random salt, so only this server can make it."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"self-intake-link:{salt}".encode(), hashlib.sha256
    )
    return digest.hexdigest()


def _live_links(patient):
    return SelfIntakeLink.objects.filter(
        patient=patient, used_at__isnull=True, expires_at__gt=timezone.now()
    )


@transaction.atomic
def self_intake_link_issue(*, patient, by, request=None):
    """A link for the patient to fill in their own intake. Returns (link, token).

    One live link per patient: a new one revokes (expires) the earlier ones. The same person
    asking again within SELF_INTAKE_REISSUE_SECONDS gets the link just issued, so a double
    click makes one link and one draft intake. The token is shown to the front desk; only its
    hash and a salt are stored, so a copy of the database does not open anyone's questionnaire.
    """
    # The patient's row serialises two issues for the same patient (a double click).
    locked_patient = Patient.objects.select_for_update().get(pk=patient.pk)
    if locked_patient.is_archived:
        raise PatientArchivedError
    now = timezone.now()
    recent = (
        _live_links(locked_patient)
        .filter(
            issued_by=by,
            issued_at__gte=now - timedelta(seconds=SELF_INTAKE_REISSUE_SECONDS),
            first_opened_at__isnull=True,
            intake__status=IntakeStatus.DRAFT,
        )
        .exclude(token_salt="")
        .order_by("-issued_at", "-pk")
        .first()
    )
    if recent is not None:
        return recent, _token_for(recent.token_salt)
    revoked = _live_links(locked_patient).update(expires_at=now)
    salt = secrets.token_hex(32)
    token = _token_for(salt)
    intake = _new_intake(patient=locked_patient, by=by, source=IntakeSource.PATIENT)
    link = SelfIntakeLink.objects.create(
        patient=locked_patient,
        intake=intake,
        token_hash=_token_hash(token),
        token_salt=salt,
        issued_by=by,
        expires_at=now + timedelta(hours=settings.SELF_INTAKE_LINK_HOURS),
    )
    record_event(
        request=request,
        action=AuditAction.LINK_ISSUED,
        patient=locked_patient,
        obj=link,
        user=by,
        detail=f"revoked {revoked} earlier link(s)" if revoked else "",
    )
    return link, token


def self_intake_link_for(token):
    """The live link for this token, or None when unknown, expired or already used."""
    if not token or len(token) > 100:
        return None
    link = (
        SelfIntakeLink.objects.select_related("patient", "intake")
        .filter(token_hash=_token_hash(token))
        .first()
    )
    if link is None or not link_is_live(link):
        return None
    return link


def link_is_live(link):
    return (
        link.used_at is None
        and link.expires_at > timezone.now()
        and not link.patient.is_archived
        and link.intake.status == IntakeStatus.DRAFT
    )


def self_intake_link_opened(*, link, request=None):
    if link.first_opened_at is None:
        SelfIntakeLink.objects.filter(pk=link.pk, first_opened_at__isnull=True).update(
            first_opened_at=timezone.now()
        )
        record_event(
            request=request,
            action=AuditAction.LINK_OPENED,
            patient=link.patient,
            obj=link,
            by_patient_link=True,
        )


@transaction.atomic
def self_intake_save(*, link, answers, medication_rows, submit, request=None):
    """The patient's "save and finish later" or final "send", as one guarded transaction.

    The link's row is locked first, so a draft save racing a submission (or two submissions)
    runs one after the other; whichever comes second finds the link used and changes nothing
    (IntakeLockedError). Submitting saves the intake as submitted and kills the link together.
    """
    locked = (
        SelfIntakeLink.objects.select_for_update()
        .select_related("patient", "intake")
        .get(pk=link.pk)
    )
    if not link_is_live(locked):
        raise IntakeLockedError
    intake = intake_save(
        intake=locked.intake,
        answers=answers,
        medication_rows=medication_rows,
        expected_version=ANY_VERSION,
        by=None,
        submit=submit,
        request=request,
    )
    if not submit:
        return intake
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    record_event(
        request=request,
        action=AuditAction.LINK_SUBMITTED,
        patient=locked.patient,
        obj=locked,
        by_patient_link=True,
    )
    return intake


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
