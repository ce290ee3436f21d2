"""Forms that copy their fields cheaply still give every form its own fields."""

import pytest
from django import forms
from django.core.validators import MaxValueValidator

from assessments.exams.forms import ExamCorrectionForm, ExamForm, SpinalGridForm
from clinic.form_fields import copy_fields_per_form
from intake.intakes.forms import IntakeForm
from intake.models import Patient
from tests.factories import PatientFactory


class Questions(forms.Form):
    side = forms.ChoiceField(choices=[("left", "Left"), ("right", "Right")], required=False)
    grade = forms.IntegerField(required=False, widget=forms.NumberInput(attrs={"min": 0}))
    roots = forms.MultipleChoiceField(
        choices=[("L4", "L4"), ("L5", "L5")], widget=forms.CheckboxSelectMultiple
    )


copy_fields_per_form(Questions)


def test_each_form_changes_its_own_fields_never_the_next_forms():
    first, second = Questions(), Questions()
    first.fields["side"].choices = [("both", "Both")]
    first.fields["side"].required = True
    first.fields["grade"].widget.attrs["max"] = 5
    first.fields["grade"].validators.append(MaxValueValidator(5))
    first.fields["grade"].error_messages["invalid"] = "A whole grade, please."
    first.fields["roots"].label = "Roots"

    for untouched in (second, Questions(), Questions.base_fields):
        fields = untouched.fields if isinstance(untouched, forms.Form) else untouched
        assert list(fields["side"].choices) == [("left", "Left"), ("right", "Right")]
        assert list(fields["side"].widget.choices) == [("left", "Left"), ("right", "Right")]
        assert fields["side"].required is False
        assert fields["grade"].widget.attrs == {"min": 0}
        assert fields["grade"].validators == []
        assert fields["grade"].error_messages["invalid"] != "A whole grade, please."
        assert fields["roots"].label is None
    assert 'value="both"' in str(first["side"]) and 'value="both"' not in str(second["side"])


def test_forms_still_validate_and_render_their_choices():
    form = Questions({"side": "left", "grade": "3", "roots": ["L5"]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"side": "left", "grade": 3, "roots": ["L5"]}
    assert not Questions({"side": "middle", "roots": ["S1"]}).is_valid()
    assert 'value="L4"' in str(Questions()["roots"])


@pytest.mark.django_db
def test_a_field_reading_the_database_still_reads_it_for_each_form():
    class Pick(forms.Form):
        patient = forms.ModelChoiceField(queryset=Patient.objects.order_by("pk"))

    copy_fields_per_form(Pick)
    first = PatientFactory(last_name="Avant")
    assert [p.pk for p in Pick().fields["patient"].queryset] == [first.pk]
    later = PatientFactory(last_name="Après")
    assert [p.pk for p in Pick().fields["patient"].queryset] == [first.pk, later.pk]


def test_the_big_forms_copy_their_fields_this_way():
    # The exam form (70 fields), the spinal grid (78) and the intake questionnaire (62): a
    # class whose fields Django built anew (a ModelForm subclass) must be set up again.
    for form_class in (ExamForm, ExamCorrectionForm, SpinalGridForm, IntakeForm):
        assert type(form_class.base_fields).__name__ == "_FieldsCopiedPerForm", form_class
