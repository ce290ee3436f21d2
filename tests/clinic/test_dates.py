"""Issue 11, defect 7: one date format, yyyy-mm-dd, on every form; nothing guessed."""

import importlib
from datetime import UTC, date, datetime

import pytest
from django import forms
from django.utils import translation

from clinic.dates import ClinicDateField, ClinicDateInput, local_day, parse_clinic_date

FORM_MODULES = (
    "intake.patients.forms",
    "intake.intakes.forms",
    "assessments.exams.forms",
    "assessments.outcomes.forms",
    "assessments.plans.forms",
)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("1958-03-15", date(1958, 3, 15)),
        ("19580315", date(1958, 3, 15)),
        ("1958/03/15", date(1958, 3, 15)),
        ("1958.03.15", date(1958, 3, 15)),
        (" 1958-3-5 ", date(1958, 3, 5)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_a_date_written_year_first_is_read(typed, meant):
    assert parse_clinic_date(typed) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "15031958",  # day first, without separators: what was stored as 1958-12-03
        "03/04/1958",  # March or April?
        "15-03-1958",
        "15/03/58",
        "58-03-15",
        "1958-13-01",
        "1958-02-30",
        "2023-02-29",
        "1958031",
        "195803150",
        "1958-03-15T00:00",
        "March 15 1958",
        "",
        "   ",
        "1958-03-15\n1959-01-01",
        "١٩٥٨-٠٣-١٥",  # other digits than 0-9 are not guessed either
    ],
)
def test_anything_else_is_not_guessed(typed):
    assert parse_clinic_date(typed) is None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_field_refuses_a_date_that_reads_two_ways_in_either_language(language):
    field = ClinicDateField()
    with translation.override(language):
        with pytest.raises(forms.ValidationError) as refused:
            field.clean("03/04/1958")
        assert field.clean("1958-04-03") == date(1958, 4, 3)
        assert field.clean("19580403") == date(1958, 4, 3)
    assert "03/04/1958" in refused.value.messages[0]
    assert "yyyy-mm-dd" in refused.value.messages[0]


def test_the_widget_is_a_text_box_showing_year_month_day():
    html = ClinicDateInput().render("day", date(1958, 3, 15))
    assert 'type="text"' in html
    assert 'value="1958-03-15"' in html
    assert 'placeholder="yyyy-mm-dd"' in html
    assert 'inputmode="numeric"' in html
    # A refused value is shown back as typed, to be corrected.
    assert 'value="15031958"' in ClinicDateInput().render("day", "15031958")


def test_the_placeholder_and_hint_are_translated():
    with translation.override("fr"):
        html = ClinicDateInput().render("day", None)
        hint = str(ClinicDateField().help_text)
    assert 'placeholder="aaaa-mm-jj"' in html
    assert "aaaa-mm-jj" in hint


def _project_form_classes():
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and value.__module__ == name
            ):
                yield value


def test_every_date_field_staff_or_patients_type_is_a_clinic_date_field():
    seen = []
    for form_class in _project_form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.DateField):
                seen.append(f"{form_class.__name__}.{name}")
                assert isinstance(field, ClinicDateField), f"{form_class.__name__}.{name}"
                assert isinstance(field.widget, ClinicDateInput), f"{form_class.__name__}.{name}"
                assert field.widget.input_type == "text"
    # The fields the issue names; a new form with a date is checked by the loop above.
    for expected in (
        "PatientForm.date_of_birth",
        "PatientSearchForm.date_of_birth",
        "IntakeForm.birth_date",
        "ExamForm.examined_on",
        "ExamCorrectionForm.examined_on",
        "PlanDetailsForm.review_date",
    ):
        assert expected in seen


def test_the_questionnaire_date_on_the_chart_is_a_clinic_date_field():
    from assessments.outcomes import NPRS
    from assessments.outcomes.forms import OutcomeForm

    form = OutcomeForm(instrument=NPRS, taken_on=date(2026, 1, 14))
    assert isinstance(form.fields["taken_on"], ClinicDateField)
    assert "taken_on" not in OutcomeForm(instrument=NPRS).fields  # the patient's own: today


def test_a_stored_moment_is_shown_on_the_clinic_s_calendar_day(settings):
    settings.TIME_ZONE = "America/Toronto"
    # 21:30 in Toronto on 14 January is 02:30 UTC on the 15th.
    assert local_day(datetime(2026, 1, 15, 2, 30, tzinfo=UTC)) == date(2026, 1, 14)
    assert local_day(date(2026, 1, 15)) == date(2026, 1, 15)
