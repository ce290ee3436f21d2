"""Small things: the 503 page's security headers; single-line text loses control characters."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from clinic.staff.forms import StaffForm
from clinic.text import clean_single_line
from intake.intakes.forms import MedicationForm
from intake.patients.forms import PatientForm, PatientSearchForm

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Referrer-Policy",
]


def test_the_try_again_page_sends_the_same_security_headers_as_every_page(front_desk, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    client = Client(raise_request_exception=False)
    client.force_login(front_desk)
    normal = client.get(reverse("patient_list"), secure=True)
    with mock.patch(
        "intake.patients.views.search_patients",
        side_effect=OperationalError("server closed the connection"),
    ):
        outage = client.get(reverse("patient_list"), secure=True)

    assert outage.status_code == 503
    for header in SECURITY_HEADERS:
        assert header in outage, header
        assert outage[header] == normal[header], header
    assert outage["X-Frame-Options"] == "DENY"
    assert outage["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in outage["Content-Security-Policy"]


# Each hostile character, and what the name becomes.
HOSTILE = [
    ("Smith\r\nX-Injected: 1", "Smith X-Injected: 1"),  # CR/LF: a second line
    ("Smith\nJones", "Smith Jones"),
    ("Smith\tJones", "Smith Jones"),
    ("Smi\x1bth", "Smith"),  # ESC (terminal escape sequences in logs)
    ("Smi\x7fth", "Smith"),  # DEL
    ("Smi\x85th", "Smi th"),  # NEL, a C1 line break
    ("Smi\x9bth", "Smith"),  # C1 CSI
    ("Smith\u2028Jones", "Smith Jones"),  # line separator
    ("Smith\u2029Jones", "Smith Jones"),  # paragraph separator
    ("\u202ehtimS", "htimS"),  # right-to-left override: would display "Smith"
    ("Smith\u202a\u202b\u202c\u202d", "Smith"),  # embeddings and pop
    ("\u2066Smith\u2067\u2068\u2069", "Smith"),  # isolates
    ("Lefèvre-Đặng O'Brien", "Lefèvre-Đặng O'Brien"),  # real names untouched
    ("محمد", "محمد"),  # right-to-left script itself is fine
]


@pytest.mark.parametrize(("typed", "kept"), HOSTILE)
def test_clean_single_line(typed, kept):
    assert clean_single_line(typed) == kept


@pytest.mark.parametrize(("typed", "kept"), HOSTILE)
def test_patient_and_staff_forms_strip_them_from_every_single_line_field(typed, kept):
    patient = PatientForm(
        data={
            "first_name": typed,
            "last_name": typed,
            "date_of_birth": "1980-05-04",
            "sex": "female",
            "phone": "+15145550123",
            "preferred_language": "en",
            "consent_treatment": "on",
            "consent_privacy": "on",
        }
    )
    patient.is_valid()
    assert patient.cleaned_data.get("first_name") == kept
    assert patient.cleaned_data.get("last_name") == kept

    staff = StaffForm(
        data={
            "first_name": typed,
            "title": typed,
            "registration_number": typed,
            "role": "Front desk",
        }
    )
    assert staff.is_valid(), staff.errors
    for name in ("first_name", "title", "registration_number"):
        assert staff.cleaned_data[name] == kept

    search = PatientSearchForm(data={"q": typed})
    assert search.is_valid()
    assert search.cleaned_data["q"] == kept

    medication = MedicationForm(data={"name": typed, "dose": typed, "frequency": typed})
    medication.is_valid()
    assert medication.cleaned_data.get("name") == kept


def test_a_nul_byte_is_kept_for_djangos_validator_to_refuse():
    form = PatientSearchForm(data={"q": "A\x00B"})
    assert not form.is_valid()
    assert "Null characters are not allowed." in str(form.errors)


def test_multi_line_fields_keep_their_line_breaks():
    form = PatientForm(data={"address": "1 rue Saint-Denis\r\nMontréal"})
    form.is_valid()
    assert "\n" in form.cleaned_data["address"]


@given(st.text())
def test_cleaned_text_has_no_control_or_bidi_override_character(text):
    import unicodedata

    cleaned = clean_single_line(text)
    assert not any(unicodedata.category(char) == "Cc" and char != "\x00" for char in cleaned)
    assert not set(cleaned) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\u2028" not in cleaned and "\u2029" not in cleaned
    assert clean_single_line(cleaned) == cleaned
