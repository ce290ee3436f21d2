"""The object helpers every patient and intake page opens its objects through (clinic.access)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from clinic.access import get_active_patient, get_editable_intake, get_intake, get_patient
from intake.models import IntakeSource, IntakeStatus, Patient
from intake.patients.services import patient_archive
from tests.factories import IntakeFactory, PatientFactory, front_desk_user, practitioner_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "guess", [0, -1, 999_999, "abc", "1.5", "", None, 2**63, -(2**63) - 1, 10**30]
)
def test_a_guessed_or_malformed_id_is_not_found(guess):
    PatientFactory()
    with pytest.raises(Http404):
        get_patient(guess)


def test_the_patient_is_the_row_the_orm_reads():
    # get_patient reads with SQL compiled once (clinic.row_lookup), not through the ORM's get.
    patient = PatientFactory(first_name="Zoë", last_name="O'Neil", email="zoe@example.com")
    for pk in (patient.pk, str(patient.pk)):
        opened = get_patient(pk)
        expected = Patient.objects.get(pk=patient.pk)
        assert opened == expected
        assert {f.attname: getattr(opened, f.attname) for f in Patient._meta.concrete_fields} == {
            f.attname: getattr(expected, f.attname) for f in Patient._meta.concrete_fields
        }
        assert not opened._state.adding


def test_another_patients_intake_is_not_found_through_this_patient():
    mine, theirs = PatientFactory(), PatientFactory()
    their_intake = IntakeFactory(patient=theirs)
    assert get_intake(theirs, their_intake.pk) == their_intake
    with pytest.raises(Http404):
        get_intake(mine, their_intake.pk)


def test_an_archived_patient_is_readable_but_takes_no_new_record():
    patient = PatientFactory()
    patient_archive(patient=patient, reason="Registered twice", by=None)
    assert get_patient(patient.pk) == patient
    with pytest.raises(PermissionDenied):
        get_active_patient(patient.pk)


def test_who_may_edit_which_intake_is_decided_by_the_helper():
    desk, practitioner = front_desk_user(), practitioner_user()
    draft = IntakeFactory()
    submitted = IntakeFactory(status=IntakeStatus.SUBMITTED)
    patients_draft = IntakeFactory(source=IntakeSource.PATIENT)
    assert get_editable_intake(desk, draft.patient, draft.pk) == draft
    assert get_editable_intake(practitioner, submitted.patient, submitted.pk) == submitted
    for user, intake in [(desk, submitted), (desk, patients_draft), (practitioner, patients_draft)]:
        with pytest.raises(PermissionDenied):
            get_editable_intake(user, intake.patient, intake.pk)
