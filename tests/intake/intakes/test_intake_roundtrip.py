"""Round trips for every intake form: a valid answer saved, reopened and saved again unchanged
changes nothing, shows no correction and meets no conflict.

The answers are drawn from the forms' own fields (so a question added later is drawn too). The
reopened values are read from the rendered page, as a browser would send them back, never from
the dict the test built.
"""

from datetime import timedelta
from decimal import Decimal

from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from intake.intakes.forms import IntakeForm
from intake.intakes.presenters import intake_corrections
from intake.models import INTAKE_ANSWER_FIELDS, Intake, IntakeStatus, Patient
from intake.patients.forms import PatientForm
from intake.patients.services import PATIENT_FIELDS
from intake.questionnaire import REQUIRED_ON_SUBMIT
from intake.self_intake.services import self_intake_link_issue
from tests.factories import PatientFactory, front_desk_user, practitioner_user
from tests.intake.form_html import posted_form

CONFLICT = "Someone else changed this record"
ROUND_TRIP = settings(
    max_examples=20,
    # No shrinking: a failing example here is a whole page round trip, and shrinking one took
    # over five minutes. The failing answers are printed as drawn.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

_TEXT = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x00")


def _text(max_size, multiline=False):
    alphabet = st.one_of(_TEXT, st.just("\n")) if multiline else _TEXT
    return st.text(alphabet, max_size=min(max_size or 60, 60))


def _number(field, decimal_places=0):
    low = field.min_value if field.min_value is not None else 0
    high = field.max_value if field.max_value is not None else 1000
    scale = 10**decimal_places
    tenths = st.integers(int(Decimal(low) * scale), int(Decimal(high) * scale))
    if decimal_places:
        # "5", "5.0" and "5.5" are all how people type it.
        return tenths.flatmap(
            lambda n: st.sampled_from(
                [f"{Decimal(n) / scale}", f"{Decimal(n) / scale:.{decimal_places}f}"]
            )
        )
    return tenths.map(str)


def field_strategy(name, field, *, required=False):
    """Values a person could type or pick in this field, as the browser posts them."""
    if isinstance(field.widget, forms.HiddenInput):
        return st.none()
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from([v for v, _l in field.choices]), unique=True)
    if isinstance(field, forms.ChoiceField):
        values = [str(v) for v, _l in field.choices if not (required and v in ("", None))]
        return st.sampled_from(values)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on"]) if required else st.sampled_from([None, "on"])
    if isinstance(field, forms.DecimalField):
        value = _number(field, field.decimal_places or 0)
    elif isinstance(field, forms.IntegerField):
        value = _number(field)
    elif isinstance(field, forms.DateField):
        today = timezone.localdate()
        value = st.dates(today - timedelta(days=366), today).map(lambda d: d.isoformat())
    elif isinstance(field, forms.EmailField):
        value = st.from_regex(r"\A[a-z]{1,10}(\.[a-z]{1,5})?@[a-z]{2,10}\.(ca|com|org)\Z")
    elif isinstance(field, forms.CharField):
        value = _text(field.max_length, multiline=isinstance(field.widget, forms.Textarea))
        if required:
            value = value.filter(lambda text: text.strip())
    else:
        raise AssertionError(f"no strategy for {name}: {type(field).__name__}")
    return value if required else st.one_of(st.just(""), value)


def _medications():
    row = st.fixed_dictionaries(
        {
            "name": _text(60).filter(lambda text: text.strip()),
            "dose": _text(30),
            "frequency": _text(30),
            "since": _text(30),
        }
    )
    return st.lists(row, max_size=3)


@st.composite
def intake_answers(draw, *, complete=False):
    """A valid questionnaire as the browser posts it (the form decides what is valid)."""
    form = IntakeForm(instance=Intake())
    data = {}
    for name, field in form.fields.items():
        value = draw(field_strategy(name, field, required=complete and name in REQUIRED_ON_SUBMIT))
        if value not in (None, [], ""):
            data[name] = value
    # The questions that only apply after another answer (the form's cross-checks).
    if "pregnant" not in data:
        data.pop("gestation_weeks", None)
    elif complete:
        data["gestation_weeks"] = draw(st.integers(1, 44).map(str))
    if "gave_birth_last_12_months" not in data:
        data.pop("birth_date", None)
    if data.get("thyroid") in (None, "none"):
        data.pop("thyroid_treated", None)
    elif complete and data["thyroid"] in ("underactive", "overactive"):
        data["thyroid_treated"] = draw(st.sampled_from(["yes", "no"]))
    if "stenosis_imaging_confirmed" in data and not data.get("stenosis_region"):
        data["stenosis_region"] = "lumbar"
    if complete and data.get("cramp_muscles") and not data.get("cramp_side"):
        data["cramp_side"] = "both"
    medications = draw(_medications())
    data |= {
        "medications-TOTAL_FORMS": str(max(len(medications), 3)),
        "medications-INITIAL_FORMS": "0",
        "medications-MIN_NUM_FORMS": "0",
        "medications-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(medications):
        data |= {f"medications-{index}-{key}": value for key, value in row.items()}
    bound = IntakeForm(data, instance=Intake(), submitting=complete, check_version=False)
    assume(bound.is_valid())
    return data


def assert_unchanged(before, after):
    answers_before, medications_before = before[:2]
    answers_after, medications_after = after[:2]
    changed = {
        name: (answers_before[name], answers_after[name])
        for name in answers_before
        if answers_before[name] != answers_after[name]
    }
    assert not changed, changed
    assert medications_after == medications_before


def snapshot(intake):
    intake = Intake.objects.get(pk=intake.pk)
    answers = {name: getattr(intake, name) for name in INTAKE_ANSWER_FIELDS}
    medications = list(intake.medications.values_list("name", "dose", "frequency", "since"))
    return answers, medications, intake.version, intake.status


class IntakeRoundTrips(TestCase):
    def setUp(self):
        self.desk = front_desk_user(username="desk")
        self.doc = practitioner_user(username="doc")

    def _client(self, user):
        client = Client()
        client.force_login(user)
        return client

    def _save_unchanged(self, client, url, button):
        """Reopen the page, send back exactly what it shows, with ``button``."""
        page = client.get(url)
        assert page.status_code == 200
        data = posted_form(page.content.decode(), must_have="complaint")
        data[button] = [""]
        response = client.post(url, data)
        assert CONFLICT not in response.content.decode()
        if response.status_code == 400:
            context = response.context
            raise AssertionError(
                f"refused: {context['form'].errors!r} {context['formset'].errors!r} "
                f"{context['formset'].non_form_errors()!r}\n{data!r}"
            )
        assert response.status_code in (200, 302), response.status_code
        return response

    @ROUND_TRIP
    @given(answers=intake_answers())
    def test_front_desk_draft_saved_reopened_and_saved_again_is_unchanged(self, answers):
        client = self._client(self.desk)
        patient = PatientFactory()
        created = client.post(reverse("intake_new", args=[patient.pk]), {**answers, "save": ""})
        assert created.status_code == 302, created.context and created.context["form"].errors
        intake = Intake.objects.get(patient=patient)
        before = snapshot(intake)

        response = self._save_unchanged(
            client, reverse("intake_edit", args=[patient.pk, intake.pk]), "save"
        )

        assert response.status_code == 302
        after = snapshot(intake)
        assert_unchanged(before, after)
        assert after[2] == before[2] + 1

    @ROUND_TRIP
    @given(answers=intake_answers(complete=True))
    def test_practitioner_correction_saved_unchanged_is_no_correction(self, answers):
        patient = PatientFactory()
        _link, token = self_intake_link_issue(patient=patient, by=self.desk)
        sent = Client().post(reverse("self_intake", args=[token]), {**answers, "submit": ""})
        assert sent.status_code == 200
        intake = Intake.objects.get(patient=patient)
        assert intake.status == IntakeStatus.SUBMITTED
        assert intake_corrections(intake) == []
        before = snapshot(intake)
        client = self._client(self.doc)

        for button in ("save", "submit"):
            response = self._save_unchanged(
                client, reverse("intake_edit", args=[patient.pk, intake.pk]), button
            )
            assert response.status_code == 302

        after = snapshot(intake)
        assert_unchanged(before, after)
        assert after[3] == IntakeStatus.SUBMITTED
        assert intake_corrections(Intake.objects.get(pk=intake.pk)) == []
        summary = client.get(reverse("intake_detail", args=[patient.pk, intake.pk]))
        assert 'data-testid="corrections"' not in summary.content.decode()

    @ROUND_TRIP
    @given(answers=intake_answers())
    def test_self_intake_saved_for_later_reopened_and_saved_again_is_unchanged(self, answers):
        patient = PatientFactory()
        _link, token = self_intake_link_issue(patient=patient, by=self.desk)
        url = reverse("self_intake", args=[token])
        phone = Client()
        assert phone.post(url, {**answers, "save": ""}).status_code == 302
        intake = Intake.objects.get(patient=patient)
        before = snapshot(intake)

        response = self._save_unchanged(phone, url, "save")

        assert response.status_code == 302
        after = snapshot(intake)
        assert_unchanged(before, after)
        assert after[3] == IntakeStatus.DRAFT


PHONES = st.sampled_from(
    ["514 555 0101", "+1 514-555-0199", "(438) 555-0142", "4385550177", "+33 1 42 68 53 00"]
)


@st.composite
def patient_details(draw):
    form = PatientForm()
    data = {}
    for name, field in form.fields.items():
        if name in {"phone", "emergency_contact_phone"}:
            value = draw(PHONES if name == "phone" else st.one_of(st.just(""), PHONES))
        elif name == "date_of_birth":
            value = draw(st.dates(timezone.localdate().replace(year=1910), timezone.localdate()))
            value = value.isoformat()
        elif name == "confirm_not_duplicate":
            continue
        else:
            value = draw(field_strategy(name, field, required=field.required))
        if value not in (None, [], ""):
            data[name] = value
    assume(PatientForm(data, check_version=False).is_valid())
    return data


class PatientRoundTrips(TestCase):
    @ROUND_TRIP
    @given(details=patient_details())
    def test_patient_details_saved_reopened_and_saved_again_are_unchanged(self, details):
        client = Client()
        client.force_login(front_desk_user(username="desk"))
        registered = client.post(reverse("patient_register"), details)
        assert registered.status_code == 302, registered.context["form"].errors
        patient = Patient.objects.get()
        before = {name: getattr(patient, name) for name in PATIENT_FIELDS}
        url = reverse("patient_edit", args=[patient.pk])

        data = posted_form(client.get(url).content.decode(), must_have="first_name")
        response = client.post(url, data)

        assert response.status_code == 302, response.context["form"].errors
        patient.refresh_from_db()
        assert {name: getattr(patient, name) for name in PATIENT_FIELDS} == before
        assert patient.version == 2
