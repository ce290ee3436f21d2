"""Hostile and random input through every form never gives a server error, and stores nothing
invalid.

Each property posts a valid form with some of its fields replaced by hostile values (very long
text, control characters, NUL bytes, markup, emoji, text in number fields, huge and negative
numbers, impossible dates, tampered management forms). The answer must be the form again with
field messages (200/400) or a redirect; after a redirect, whatever was stored must pass the
model's own validation. Each example runs in a transaction rolled back afterwards, so examples
do not see each other's rows.
"""

import html

import pytest
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from assessments import outcomes
from assessments.models import SEGMENT_LEVELS, Exam, OutcomeMeasure
from assessments.outcomes.forms import OutcomeForm
from intake.models import Intake, Medication, Patient
from intake.patients.services import PATIENT_FIELDS
from intake.self_intake.services import self_intake_link_issue
from tests.builders import exam_post
from tests.hostile import (
    PROPERTY,
    SCRIPT,
    assert_no_server_error,
    hostile_overrides,
    rolled_back,
    text,
)
from tests.intake.builders import complete_answers

pytestmark = pytest.mark.django_db


def assert_valid(instance):
    """What the server stored passes the model's own validation."""
    instance.refresh_from_db()
    instance.full_clean()


# --- Patient registration -----------------------------------------------------------------------


def valid_patient(**overrides):
    data = {
        "first_name": "Ana",
        "last_name": "Hostile",
        "date_of_birth": "1980-05-17",
        "sex": "female",
        "phone": "+15145550199",
        "email": "ana@example.com",
        "address": "1 rue Test",
        "emergency_contact_name": "",
        "emergency_contact_phone": "",
        "preferred_language": "en",
        "consent_treatment": "on",
        "consent_privacy": "on",
        "confirm_not_duplicate": "on",
    }
    data.update(overrides)
    return data


@PROPERTY
@given(overrides=hostile_overrides([*PATIENT_FIELDS, "version", "consent_treatment"]))
def test_patient_registration_never_fails_on_hostile_input(front_desk_client, overrides):
    with rolled_back():
        before = set(Patient.objects.values_list("pk", flat=True))
        response = front_desk_client.post(reverse("patient_register"), valid_patient(**overrides))
        assert_no_server_error(response)
        created = Patient.objects.exclude(pk__in=before)
        if response.status_code == 302:
            assert_valid(created.get())
        else:
            assert not created.exists()


def test_a_nul_byte_in_a_name_is_refused_with_a_message(front_desk_client):
    response = front_desk_client.post(reverse("patient_register"), valid_patient(first_name="A\0B"))

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert not Patient.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL refuses NUL in text")
def test_postgresql_itself_would_refuse_a_nul_byte(front_desk):
    from django.db import DataError

    with pytest.raises((DataError, ValueError)), transaction.atomic():
        Patient.objects.create(
            first_name="A\0B", last_name="X", date_of_birth="1980-01-01", phone="+15145550100"
        )


def test_markup_in_a_patient_name_shows_as_text_on_the_chart(front_desk_client):
    response = front_desk_client.post(
        reverse("patient_register"), valid_patient(first_name=SCRIPT, last_name="<b>Bold</b>")
    )
    chart = front_desk_client.get(response["Location"]).content.decode()

    assert SCRIPT not in chart
    assert "<b>Bold</b>" not in chart
    assert "&lt;script&gt;alert(" in chart
    assert "&lt;b&gt;Bold&lt;/b&gt;" in chart


# --- Intake and medications, front desk and self-intake link ----------------------------------

INTAKE_KEYS = [key for key in complete_answers() if not key.startswith("medications-")]
MEDICATION_KEYS = [
    f"medications-{i}-{field}" for i in range(3) for field in ("name", "dose", "frequency", "since")
]
MANAGEMENT_KEYS = ["medications-TOTAL_FORMS", "medications-INITIAL_FORMS", "medications-0-id"]
ALL_INTAKE_KEYS = [
    *INTAKE_KEYS,
    "pregnant",
    "gestation_weeks",
    "gave_birth_last_12_months",
    "birth_date",
    "thyroid_treated",
    "stenosis_region",
    "stenosis_imaging_confirmed",
    *MEDICATION_KEYS,
    *MANAGEMENT_KEYS,
    "medications-0-DELETE",
    "version",
]
intake_overrides = hostile_overrides(ALL_INTAKE_KEYS)
submit_or_save = st.sampled_from([{"submit": ""}, {"save": ""}])


def assert_intake_stored_valid(intake):
    assert_valid(intake)
    for medication in intake.medications.all():
        medication.full_clean()
        assert medication.name.strip()


@PROPERTY
@given(overrides=intake_overrides, button=submit_or_save)
def test_front_desk_intake_never_fails_on_hostile_input(
    front_desk_client, patient, overrides, button
):
    with rolled_back():
        response = front_desk_client.post(
            reverse("intake_new", args=[patient.pk]), {**complete_answers(), **overrides, **button}
        )
        assert_no_server_error(response)
        if response.status_code == 302:
            assert_intake_stored_valid(Intake.objects.get())
        else:
            assert not Intake.objects.exists()
            assert not Medication.objects.exists()


@PROPERTY
@given(overrides=intake_overrides, button=submit_or_save, lang=st.one_of(st.none(), text))
def test_self_intake_never_fails_on_hostile_input(front_desk, patient, overrides, button, lang):
    from django.test import Client

    with rolled_back():
        link, token = self_intake_link_issue(patient=patient, by=front_desk)
        extra = {} if lang is None else {"lang": lang}
        before = link.intake.version
        response = Client().post(
            reverse("self_intake", args=[token]),
            {**complete_answers(), **overrides, **button, **extra},
        )
        assert_no_server_error(response)
        link.intake.refresh_from_db()
        if response.status_code in {200, 302} and link.intake.version != before:
            assert_intake_stored_valid(link.intake)
        else:
            assert link.intake.version == before
            assert not link.intake.medications.exists()


def test_markup_in_every_free_text_intake_field_shows_as_text_on_the_summary(
    front_desk_client, patient
):
    free_text = {
        "complaint": SCRIPT + " complaint",
        "what_helps": '<img src=x onerror=alert("helps")>',
        "medications-0-name": "<b>Atorva</b>statin",
        "medications-0-dose": "<i>20</i> mg",
        "medications-0-frequency": "<u>daily</u>",
        "medications-0-since": "<a href='http://evil.example'>2023</a>",
    }
    posted = front_desk_client.post(
        reverse("intake_new", args=[patient.pk]), {**complete_answers(**free_text), "submit": ""}
    )
    assert posted.status_code == 302
    page = front_desk_client.get(posted["Location"]).content.decode()

    for value in free_text.values():
        assert value not in page
        assert html.escape(value) in page, value


# --- Exam and spinal grid -------------------------------------------------------------------------

EXAM_KEYS = [
    *(name for name in exam_post() if not name.startswith("seg-")),
    "leg_length_difference_mm",
    "slr_left_degrees",
    "plank_seconds",
    "ankle_dorsiflexion_left_degrees",
    "capillary_refill_seconds",
    "ankle_brachial_index",
    "calf_left",
    "cramp_reproduced_where",
    "posture_notes",
    "neuro_notes",
    "sensation_change_roots",
    "lumbar_flexion",
    "leg_length_type",
    "version",
    *(f"seg-{level}_{part}" for level in SEGMENT_LEVELS[::4] for part in ("stiffness", "side")),
    "seg-L4_tender",
]


@PROPERTY
@given(overrides=hostile_overrides(EXAM_KEYS), finish=st.booleans())
def test_exam_and_spinal_grid_never_fail_on_hostile_input(
    practitioner_client, patient, overrides, finish
):
    with rolled_back():
        data = {**exam_post(), **overrides, **({"finish": ""} if finish else {})}
        response = practitioner_client.post(reverse("exam_new", args=[patient.pk]), data)
        assert_no_server_error(response)
        if response.status_code == 302:
            exam = Exam.objects.get()
            assert_valid(exam)
            page = practitioner_client.get(response["Location"])
            assert page.status_code == 200
        else:
            assert not Exam.objects.exists()


# --- Outcome measures -----------------------------------------------------------------------------


def valid_outcome(code):
    """Every question of the instrument answered in range, as the browser posts it."""
    form = OutcomeForm(instrument=outcomes.INSTRUMENTS[code])
    data = {}
    for name, field in form.fields.items():
        if name.endswith("_name"):
            data[name] = f"Activity {name}"
        elif hasattr(field, "choices"):
            data[name] = str(list(field.choices)[-1][0])
        else:
            data[name] = "5"
    return data


@PROPERTY
@given(code=st.sampled_from(sorted(outcomes.INSTRUMENTS)), data=st.data())
def test_outcome_forms_never_fail_on_hostile_input(practitioner_client, patient, code, data):
    answers = valid_outcome(code)
    overrides = data.draw(hostile_overrides(answers))
    with rolled_back():
        url = reverse("outcome_new", args=[patient.pk, code])
        response = practitioner_client.post(url, {**answers, **overrides})
        assert_no_server_error(response)
        if response.status_code == 302:
            measure = OutcomeMeasure.objects.get()
            assert_valid(measure)
            assert practitioner_client.get(response["Location"]).status_code == 200
        else:
            assert not OutcomeMeasure.objects.exists()
