"""The health-history questionnaire, used by the front desk and by patients on their phone.

One form in six sections. "Save draft" checks only what was typed (ranges, contradictions);
"Submit" also checks that the questionnaire is complete. Either way an invalid post keeps
everything typed.
"""

import copy
import functools

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.core import validators
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.concurrency import VersionedFormMixin
from clinic.dates import ClinicDateField
from clinic.form_fields import copy_fields_per_form
from clinic.text import SingleLineTextMixin
from intake.models import (
    INTAKE_ANSWER_FIELDS,
    RED_FLAG_FIELDS,
    CrampMuscle,
    CrampTiming,
    Intake,
    Medication,
)
from intake.questionnaire import (
    BOUNDS,
    PREGNANCY_FIELDS,
    REQUIRED_ON_SUBMIT,
    STAFF_SECTION_TITLES,
    STAFF_WORDING,
    WARN_GESTATION_WEEKS,
    YES_NO_QUESTIONS,
    pregnancy_section_applies,
    sections,
)

YES_NO = [("", _("Not answered")), ("yes", _("Yes")), ("no", _("No"))]

# Who the questionnaire speaks to: the patient on their link, or the staff about the patient.
PATIENT = "patient"
STAFF = "staff"


class YesNoField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=YES_NO,
            coerce=lambda value: value == "yes",
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            **kwargs,
        )

    def prepare_value(self, value):
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value


def _section_title(title, fields, audience):
    if audience == STAFF and isinstance(fields[0], str):
        return STAFF_SECTION_TITLES.get(fields[0], title)
    return title


@functools.cache
def _questionnaire_layout(asks_pregnancy, audience):
    """The questionnaire's layout for one audience, built once per process and shared: rendering
    only reads it, and its titles are lazy, so each request still gets its own language. Built
    per form it was a quarter of the intake page's time (issue 15's profile)."""
    helper = FormHelper()
    helper.layout = Layout(
        *(
            # A copy: wrapping below changes layout objects, and SECTIONS is shared.
            Fieldset(_section_title(title, fields, audience), *copy.deepcopy(fields))
            for title, fields in sections(pregnancy=asks_pregnancy)
        )
    )
    # Marked before the user presses Submit: the wrapper's class draws a star after the label
    # (clinic.css), explained once at the top of the form; screen readers hear aria-required.
    # The label's own text stays the question.
    for name in REQUIRED_ON_SUBMIT:
        helper[name].wrap(Div, css_class="required-to-submit")
    return helper.layout


class IntakeForm(SingleLineTextMixin, VersionedFormMixin, forms.ModelForm):
    cramp_muscles = forms.MultipleChoiceField(
        label=_("Where do you get cramps or spasms?"),
        choices=CrampMuscle.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cramp_timing = forms.MultipleChoiceField(
        label=_("When do they happen?"),
        choices=CrampTiming.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Intake
        fields = INTAKE_ANSWER_FIELDS
        widgets = {
            "complaint": forms.Textarea(attrs={"rows": 3}),
            "what_helps": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"birth_date": ClinicDateField}

    def __init__(self, *args, submitting=False, audience=PATIENT, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        for name in [*RED_FLAG_FIELDS, *YES_NO_QUESTIONS]:
            self.fields[name].initial = getattr(self.instance, name)
        self.asks_pregnancy = self._asks_pregnancy()
        if not self.asks_pregnancy:
            # Not in the form at all: the stored answers are left as they are.
            for name in PREGNANCY_FIELDS:
                del self.fields[name]
        if audience == STAFF:
            for name, label in STAFF_WORDING.items():
                self.fields[name].label = label
        self.warnings = []
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = _questionnaire_layout(self.asks_pregnancy, audience)

    def _asks_pregnancy(self):
        """Asked when the patient could be pregnant by their recorded sex and age, or when that
        is unknown; always when the intake already holds a pregnancy answer."""
        intake = self.instance
        if intake.pregnant or intake.gave_birth_last_12_months or intake.breastfeeding:
            return True
        patient = intake.patient if intake.patient_id else None
        if patient is None:
            return True
        day = timezone.localdate(intake.created_at) if intake.created_at else timezone.localdate()
        return pregnancy_section_applies(sex=patient.sex, age_years=patient.age_on(day))

    def _in_choice_order(self, name):
        # Stored in the order the questionnaire lists them, however they were posted, so the
        # same answer is always the same value.
        chosen = set(self.cleaned_data.get(name) or [])
        return [value for value, _label in self.fields[name].choices if value in chosen]

    def clean_cramp_muscles(self):
        return self._in_choice_order("cramp_muscles")

    def clean_cramp_timing(self):
        return self._in_choice_order("cramp_timing")

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        weeks = cleaned.get("gestation_weeks")
        if weeks is not None and not cleaned.get("pregnant"):
            self.add_error(
                "gestation_weeks", _("Weeks of pregnancy only apply when the patient is pregnant.")
            )
        if cleaned.get("pregnant") and weeks and weeks > WARN_GESTATION_WEEKS:
            self.warnings.append(
                _("%(weeks)s weeks is past 42: check the number of weeks.") % {"weeks": weeks}
            )
        birth_date = cleaned.get("birth_date")
        if birth_date is not None:
            if birth_date > today:
                self.add_error(
                    "birth_date",
                    _("The date of the birth cannot be in the future."),
                )
            elif (today - birth_date).days > 366:
                self.add_error(
                    "birth_date",
                    _(
                        "This birth was more than 12 months ago; untick 'gave birth' "
                        "or fix the date."
                    ),
                )
            if not cleaned.get("gave_birth_last_12_months"):
                self.add_error(
                    "birth_date", _("A date of birth is given but 'gave birth' is not ticked.")
                )
        if cleaned.get("thyroid") == "none" and cleaned.get("thyroid_treated") is not None:
            self.add_error(
                "thyroid_treated",
                _("Treatment is answered but no thyroid condition is selected."),
            )
        if cleaned.get("stenosis_imaging_confirmed") and not cleaned.get("stenosis_region"):
            self.add_error(
                "stenosis_region", _("Say where the stenosis is (lower back, mid-back or neck).")
            )
        if self.submitting:
            self._check_complete(cleaned)
        return cleaned

    def _check_complete(self, cleaned):
        for name in REQUIRED_ON_SUBMIT:
            if name in self.errors:
                continue
            value = cleaned.get(name)
            if value is None or value == "":
                self.add_error(name, _("Please answer this question before submitting."))
        if (
            cleaned.get("pregnant")
            and not cleaned.get("gestation_weeks")
            and "gestation_weeks" not in self.errors
        ):
            self.add_error("gestation_weeks", _("How many weeks pregnant?"))
        if (
            cleaned.get("thyroid") in {"underactive", "overactive"}
            and cleaned.get("thyroid_treated") is None
        ):
            self.add_error("thyroid_treated", _("Is the thyroid condition treated?"))
        if (
            cleaned.get("cramp_muscles")
            and not cleaned.get("cramp_side")
            and "cramp_side" not in self.errors
        ):
            self.add_error("cramp_side", _("Which side are the cramps on?"))


def _prepare_fields(fields):
    """What every intake form's fields carry, set once on the class's fields (each form copies
    them): yes/no questions as three-way radios, the bounds of the numbers, the answers a
    submission requires. Built per request, replacing the yes/no fields alone cost more than
    copying the whole form."""
    for name in [*RED_FLAG_FIELDS, *YES_NO_QUESTIONS]:
        fields[name] = YesNoField(label=Intake._meta.get_field(name).verbose_name)
    for name in REQUIRED_ON_SUBMIT:
        fields[name].widget.attrs["aria-required"] = "true"
    for name, (low, high) in BOUNDS.items():
        field = fields[name]
        field.min_value, field.max_value = low, high
        field.validators.extend(
            [validators.MinValueValidator(low), validators.MaxValueValidator(high)]
        )
        field.widget.attrs.update({"min": low, "max": high, "inputmode": "decimal"})


_prepare_fields(IntakeForm.base_fields)
copy_fields_per_form(IntakeForm)


class MedicationForm(SingleLineTextMixin, forms.ModelForm):
    class Meta:
        model = Medication
        fields = ["name", "dose", "frequency", "since"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty extra row is simply skipped; a row with a dose but no name is an error.
        self.fields["name"].required = False
        if not self.instance.pk:
            # Only for new rows: a saved row left untouched must still be cleaned, or its
            # values are lost and the line is deleted on the next save.
            self.empty_permitted = True
        self.use_required_attribute = False

    def clean(self):
        cleaned = super().clean()
        others = [cleaned.get(field) for field in ("dose", "frequency", "since")]
        if not cleaned.get("name", "").strip() and any(others):
            self.add_error("name", _("Give the medication's name, or clear this line."))
        return cleaned


# One empty line to start with; "Add a medication" adds more in the page (any number up to
# max_num, which only guards against a runaway post). Without script, saving the draft adds one.
MedicationFormSet = forms.inlineformset_factory(
    Intake,
    Medication,
    form=MedicationForm,
    extra=1,
    can_delete=True,
    max_num=100,
    validate_max=True,
)


def medication_rows(formset):
    """The medication lines to keep, in order: named, not marked for removal."""
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("DELETE") or not (data.get("name") or "").strip():
            continue
        instance_id = form.instance.pk if form.instance and form.instance.pk else None
        rows.append(
            {
                **{k: data.get(k, "") for k in ("name", "dose", "frequency", "since")},
                "id": instance_id,
            }
        )
    return rows


def bound_intake_forms(request, intake, *, check_version=True, audience=PATIENT):
    """The questionnaire and its medication lines bound to a post; "submit" submits."""
    submitting = "submit" in request.POST
    form = IntakeForm(
        request.POST,
        instance=intake,
        submitting=submitting,
        check_version=check_version,
        audience=audience,
    )
    formset = MedicationFormSet(request.POST, instance=intake, prefix="medications")
    return form, formset, submitting
