"""The questionnaire form, built from the instrument's items."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.exams.forms import _cols
from clinic.dates import ClinicDateField


class OutcomeForm(forms.Form):
    """The questions of one instrument. Scoring (and its errors) is services.outcome_record's.

    With ``taken_on`` (a default date) the practitioner also says which day it was answered:
    a paper questionnaire entered later keeps its own date on the chart.
    """

    def __init__(self, *args, instrument, taken_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        if taken_on is not None:
            self.fields["taken_on"] = ClinicDateField(
                label=_("Date answered"),
                initial=taken_on,
                required=False,
                help_text=_("yyyy-mm-dd; left blank, today."),
            )
        if instrument.form == "statements":
            for item in instrument.items:
                self.fields[item.key] = forms.TypedChoiceField(
                    label=gettext(item.text),
                    choices=[(i, gettext(s)) for i, s in enumerate(item.statements)],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                )
        elif instrument.form == "scale":
            scale = [(value, gettext(text)) for value, text in instrument.response_labels]
            for item in instrument.items:
                self.fields[item.key] = forms.TypedChoiceField(
                    label=gettext(item.text),
                    choices=scale,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                )
        elif instrument.form == "number":
            for item in instrument.items:
                self.fields[item.key] = forms.IntegerField(
                    label=gettext(item.form_label or item.text),
                    required=False,
                    widget=forms.NumberInput(attrs=self._number_attrs()),
                )
        elif instrument.form == "activities":
            for position in range(1, instrument.max_items + 1):
                self.fields[f"activity_{position}_name"] = forms.CharField(
                    label=_("Activity %(n)d") % {"n": position},
                    required=False,
                    max_length=200,
                )
                self.fields[f"activity_{position}_score"] = forms.IntegerField(
                    label=_("Ability for activity %(n)d (0-10)") % {"n": position},
                    required=False,
                    widget=forms.NumberInput(attrs=self._number_attrs()),
                )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        if instrument.form == "activities":
            self.helper.layout = Layout(
                *(["taken_on"] if taken_on is not None else []),
                *(
                    _cols(f"activity_{n}_name", f"activity_{n}_score")
                    for n in range(1, instrument.max_items + 1)
                ),
            )

    def _number_attrs(self):
        low, high = self.instrument.item_min, self.instrument.item_max
        return {"min": low, "max": high, "step": 1, "inputmode": "numeric"}

    def answers(self):
        data = self.cleaned_data
        if self.instrument.form == "activities":
            return {
                "activities": [
                    {"name": data[f"activity_{n}_name"], "score": data[f"activity_{n}_score"]}
                    for n in range(1, self.instrument.max_items + 1)
                ]
            }
        return {name: data[name] for name in self.fields if name != "taken_on"}

    def clean_taken_on(self):
        taken_on = self.cleaned_data["taken_on"]
        if taken_on and taken_on > timezone.localdate():
            raise forms.ValidationError(_("The date answered cannot be in the future."))
        return taken_on

    def add_scoring_errors(self, error):
        """Put each scoring error next to its question; one about the whole form on top."""
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
