from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from clinic.models import AuditAction, AuditEvent
from intake.models import Intake, IntakeStatus, Medication
from tests.factories import IntakeFactory, MedicationFactory
from tests.intake.builders import complete_answers

pytestmark = pytest.mark.django_db


def new_intake_url(patient):
    return reverse("intake_new", args=[patient.pk])


def test_front_desk_submits_a_complete_intake_with_its_medications(front_desk_client, patient):
    response = front_desk_client.post(new_intake_url(patient), {**complete_answers(), "submit": ""})

    intake = Intake.objects.get()
    assert response.status_code == 302
    assert intake.status == IntakeStatus.SUBMITTED
    assert intake.cramp_muscles == ["calf", "hamstring"]
    assert intake.red_flag_fever is False
    assert [m.name for m in intake.medications.all()] == ["Atorvastatin"]
    assert AuditEvent.objects.filter(action=AuditAction.INTAKE_SUBMITTED, patient=patient).exists()


def test_a_draft_keeps_partial_answers_and_can_be_resumed(front_desk_client, patient):
    partial = {
        "complaint": "Calf cramps",
        "medications-TOTAL_FORMS": "3",
        "medications-INITIAL_FORMS": "0",
        "save": "",
    }
    response = front_desk_client.post(new_intake_url(patient), partial)

    intake = Intake.objects.get()
    assert intake.status == IntakeStatus.DRAFT
    assert response["Location"] == reverse("intake_edit", args=[patient.pk, intake.pk])
    page = front_desk_client.get(response["Location"]).content.decode()
    assert "Calf cramps" in page


def test_submitting_an_incomplete_intake_names_each_missing_answer_and_saves_nothing(
    front_desk_client, patient
):
    data = complete_answers(red_flag_fever=None, water_litres_per_day=None)
    response = front_desk_client.post(new_intake_url(patient), {**data, "submit": ""})

    assert response.status_code == 400
    assert not Intake.objects.exists()
    errors = response.context["form"].errors
    assert "Please answer this question" in errors["red_flag_fever"][0]
    assert "Please answer this question" in errors["water_litres_per_day"][0]
    page = response.content.decode()
    assert "Cramps in both calves at night" in page  # what was typed is kept
    assert 'value="Atorvastatin"' in page


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"gestation_weeks": "20"}, "gestation_weeks", "only apply when the patient is pregnant"),
        (
            {"pregnant": "on", "gestation_weeks": "0"},
            "gestation_weeks",
            "greater than or equal to 1",
        ),
        (
            {"pregnant": "on", "gestation_weeks": "45"},
            "gestation_weeks",
            "less than or equal to 44",
        ),
        ({"sitting_hours_per_day": "25"}, "sitting_hours_per_day", "less than or equal to 24"),
        ({"sitting_hours_per_day": "-1"}, "sitting_hours_per_day", "greater than or equal to 0"),
        ({"water_litres_per_day": "11"}, "water_litres_per_day", "less than or equal to 10"),
        ({"medications-1-dose": "5 mg"}, "medication name", "Give the medication's name"),
        (
            {
                "pregnant": "on",
                "gestation_weeks": "30",
                "gave_birth_last_12_months": "on",
                "birth_date": "future",
            },
            "birth_date",
            "cannot be in the future",
        ),
        ({"thyroid": "none", "thyroid_treated": "yes"}, "thyroid_treated", "no thyroid condition"),
        ({"stenosis_imaging_confirmed": "on"}, "stenosis_region", "Say where the stenosis is"),
    ],
)
def test_bad_answers_are_refused_next_to_their_field(
    front_desk_client, patient, overrides, field, message
):
    if overrides.get("birth_date") == "future":
        overrides["birth_date"] = (timezone.localdate() + timedelta(days=10)).isoformat()
    response = front_desk_client.post(
        new_intake_url(patient), {**complete_answers(**overrides), "save": ""}
    )

    assert response.status_code == 400
    assert not Intake.objects.exists()
    if field == "medication name":
        errors = response.context["formset"].forms[1].errors["name"]
    else:
        errors = response.context["form"].errors[field]
    assert message in " ".join(errors)


def test_post_term_pregnancy_is_accepted_with_a_warning(front_desk_client, patient):
    data = complete_answers(pregnant="on", gestation_weeks="43", cramp_side="left")
    response = front_desk_client.post(new_intake_url(patient), {**data, "save": ""})

    assert response.status_code == 302
    assert Intake.objects.get().trimester == 3


def test_a_failing_medication_save_leaves_nothing_half_written(front_desk_client, patient):
    from unittest import mock

    with (
        mock.patch.object(Medication, "full_clean", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        front_desk_client.post(new_intake_url(patient), {**complete_answers(), "submit": ""})

    assert not Intake.objects.exists()
    assert not Medication.objects.exists()


def test_summary_highlights_what_matters(practitioner_client):
    intake = IntakeFactory(
        pregnant=True,
        gestation_weeks=30,
        thyroid="underactive",
        thyroid_treated=False,
        red_flag_calf_swollen_red_warm=True,
        status=IntakeStatus.SUBMITTED,
    )
    MedicationFactory(intake=intake, name="Lipitor")

    response = practitioner_client.get(
        reverse("intake_detail", args=[intake.patient_id, intake.pk])
    )

    flags = [text for _kind, text in response.context["flags"]]
    assert flags[0] == "Red flag: A calf that is swollen, red or warm"
    assert "Lipitor is a statin, linked to leg cramps" in flags
    assert "Pregnant, 30 weeks (trimester 3)" in flags
    assert "Underactive (hypothyroidism) · not treated" in flags
    assert AuditEvent.objects.filter(action=AuditAction.INTAKE_VIEWED).count() == 1


def test_practitioner_confirms_a_submitted_intake_which_then_locks(
    practitioner_client, practitioner
):
    intake = IntakeFactory(status=IntakeStatus.SUBMITTED)
    url = reverse("intake_confirm", args=[intake.patient_id, intake.pk])

    practitioner_client.post(url)

    intake.refresh_from_db()
    assert intake.status == IntakeStatus.CONFIRMED
    assert intake.confirmed_by == practitioner
    edit = practitioner_client.get(reverse("intake_edit", args=[intake.patient_id, intake.pk]))
    assert edit.status_code == 403


def test_front_desk_cannot_confirm_or_correct_a_submitted_intake(front_desk_client):
    intake = IntakeFactory(status=IntakeStatus.SUBMITTED)
    args = [intake.patient_id, intake.pk]
    assert front_desk_client.post(reverse("intake_confirm", args=args)).status_code == 403
    assert front_desk_client.get(reverse("intake_edit", args=args)).status_code == 403


def test_an_intake_is_only_reachable_through_its_own_patient(front_desk_client, patient):
    someone_elses = IntakeFactory()
    url = reverse("intake_detail", args=[patient.pk, someone_elses.pk])
    assert front_desk_client.get(url).status_code == 404


def test_chart_lists_intakes_with_their_status(front_desk_client, patient):
    IntakeFactory(patient=patient, status=IntakeStatus.CONFIRMED)
    IntakeFactory(patient=patient)

    page = front_desk_client.get(reverse("patient_chart", args=[patient.pk])).content.decode()

    assert "Confirmed" in page
    assert "Draft" in page


def test_a_stale_intake_save_is_refused_showing_the_other_answer_and_keeping_mine(
    front_desk_client, practitioner_client, patient
):
    intake = IntakeFactory(patient=patient, complaint="Calf cramps")
    url = reverse("intake_edit", args=[patient.pk, intake.pk])
    stale = {**complete_answers(), "version": intake.version, "save": ""}
    practitioner_client.post(url, {**stale, "water_litres_per_day": "0.5"})

    response = front_desk_client.post(url, {**stale, "water_litres_per_day": "2.5"})

    intake.refresh_from_db()
    assert str(intake.water_litres_per_day) == "0.5"
    page = response.content.decode()
    assert "Someone else changed this record" in page
    assert ("Water a day (litres)", intake.water_litres_per_day) in response.context["differences"]
    assert 'value="2.5"' in page
