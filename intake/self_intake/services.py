"""Writes through the patient's one-time self-intake link: issue it, open it, save and send."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from clinic.audit import record_change
from clinic.concurrency import ANY_VERSION
from clinic.models import AuditAction
from intake.intakes import services as intake_services
from intake.models import IntakeSource, IntakeStatus, Patient, SelfIntakeLink
from intake.self_intake.selectors import link_is_live, token_for_salt, token_hash
from intake.self_intake.tasks import email_self_intake_link

# A second "Send self-intake link" by the same person within this many seconds (a double
# click, a reload of the page) shows the link just issued rather than making another.
SELF_INTAKE_REISSUE_SECONDS = 60


class PatientArchivedError(Exception):
    """An archived patient gets no new link, and their old links stop working."""


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
        return recent, token_for_salt(recent.token_salt)
    revoked = _live_links(locked_patient).update(expires_at=now)
    salt = secrets.token_hex(32)
    token = token_for_salt(salt)
    intake = intake_services._new_intake(patient=locked_patient, by=by, source=IntakeSource.PATIENT)
    link = SelfIntakeLink.objects.create(
        patient=locked_patient,
        intake=intake,
        token_hash=token_hash(token),
        token_salt=salt,
        issued_by=by,
        expires_at=now + timedelta(hours=settings.SELF_INTAKE_LINK_HOURS),
    )
    record_change(
        link,
        AuditAction.LINK_ISSUED,
        by=by,
        patient=locked_patient,
        request=request,
        detail=f"revoked {revoked} earlier link(s)" if revoked else "",
    )
    return link, token


class LinkNotLiveError(Exception):
    """The link was used, revoked or has expired: there is nothing to send any more."""


def self_intake_link_email(*, link, to, base_url, by, request=None):
    """Email the patient their link, outside the request (intake.self_intake.tasks).

    The audit trail records that the link was emailed, to which address and by whom; never the
    token. The task is queued once the transaction commits, so a worker never looks for a link
    that is not in the database yet.
    """
    if not link.token_salt or not link_is_live(link):
        raise LinkNotLiveError
    record_change(link, AuditAction.LINK_EMAILED, by=by, request=request, detail=f"to {to}")
    language = link.patient.preferred_language or settings.LANGUAGE_CODE
    transaction.on_commit(
        lambda: email_self_intake_link.enqueue(
            link_id=link.pk, to=to, base_url=base_url, language=language
        )
    )


def self_intake_link_opened(*, link, request=None):
    if link.first_opened_at is None:
        SelfIntakeLink.objects.filter(pk=link.pk, first_opened_at__isnull=True).update(
            first_opened_at=timezone.now()
        )
        record_change(link, AuditAction.LINK_OPENED, by=None, request=request, by_patient_link=True)


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
        raise intake_services.IntakeLockedError
    intake = intake_services.intake_save(
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
    record_change(
        locked, AuditAction.LINK_SUBMITTED, by=None, request=request, by_patient_link=True
    )
    return intake
