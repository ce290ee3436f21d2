"""One get-or-404 helper per object a page opens.

A guessed id, another patient's intake or an id that is not a number answers 404; an object the
signed-in user's role may not act on answers 403 here, not in each view. Views keep their
``permission_required`` decorator (may this role open the page at all?); these helpers answer
"this object, for this user?".
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from clinic.audit import record_view_event
from clinic.row_lookup import RowLookup
from intake.models import Intake, IntakeSource, IntakeStatus, Patient, SelfIntakeLink

_LOOKUP_ERRORS = (ValueError, OverflowError)


def _get_or_404(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, *_LOOKUP_ERRORS):
        raise Http404 from None


# Every patient page opens its patient by id: SQL compiled once (clinic.row_lookup).
_PATIENT_BY_ID = RowLookup(Patient, "pk", 1)


def get_patient(pk):
    """The patient with this id, or 404. Archived patients stay reachable: records are kept."""
    try:
        patient = _PATIENT_BY_ID.get(pk)
    except (TypeError, *_LOOKUP_ERRORS):
        raise Http404 from None
    if patient is None:
        raise Http404
    return patient


def get_active_patient(pk):
    """The patient with this id for a page that adds to the record: 403 once archived."""
    patient = get_patient(pk)
    if patient.is_archived:
        raise PermissionDenied
    return patient


def get_intake(patient, pk):
    """The patient's intake with this id; 404 when it is someone else's or does not exist."""
    # Medications are prefetched once: the flags, the summary and the corrections read them.
    queryset = Intake.objects.select_related("patient").prefetch_related("medications")
    return _get_or_404(queryset, patient=patient, pk=pk)


def get_editable_intake(user, patient, pk):
    """The patient's intake this user may edit now, or 403 (see ``can_edit_intake``)."""
    intake = get_intake(patient, pk)
    if not can_edit_intake(user, intake):
        raise PermissionDenied
    return intake


def can_edit_intake(user, intake):
    """Front desk edits its own drafts; practitioners also correct submitted ones before
    confirming. A patient's draft belongs to the patient until they submit it."""

    if intake.status == IntakeStatus.CONFIRMED or intake.patient.is_archived:
        return False
    if intake.status == IntakeStatus.SUBMITTED:
        return user.has_perm("intake.confirm_intake")
    return intake.source == IntakeSource.FRONT_DESK and user.has_perm("intake.change_intake")


def get_self_intake_link(patient, pk):
    """The patient's self-intake link with this id; 404 when it is someone else's."""
    queryset = SelfIntakeLink.objects.select_related("patient", "intake")
    return _get_or_404(queryset, patient=patient, pk=pk)


def get_patient_record(patient_pk, lookup, pk, *, active=False):
    """The patient and their record ``lookup(patient, pk)`` (404 when it is not theirs).

    ``active``: the page adds to the record, so an archived patient answers 403.
    """
    patient = get_active_patient(patient_pk) if active else get_patient(patient_pk)
    return patient, lookup(patient, pk)


def get_viewed_record(request, patient_pk, lookup, pk, action, detail=""):
    """As ``get_patient_record``, for a page that shows the record: its reading is audited."""
    patient, record = get_patient_record(patient_pk, lookup, pk)
    record_view_event(request, action, record, patient=patient, detail=detail)
    return patient, record
