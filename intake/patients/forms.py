import re
from datetime import date

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.concurrency import VersionedFormMixin
from clinic.dates import ClinicDateField
from clinic.text import SingleLineTextMixin, clean_single_line
from intake.models import Patient
from intake.patients.selectors import find_possible_duplicates
from intake.patients.services import PATIENT_FIELDS

OLDEST_AGE_YEARS = 120


class PatientForm(SingleLineTextMixin, VersionedFormMixin, forms.ModelForm):
    consent_treatment = forms.BooleanField(
        label=_("The patient consents to assessment and treatment"), required=False
    )
    consent_privacy = forms.BooleanField(
        label=_("The patient has read and accepts the privacy notice"), required=False
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("I have checked: this is a different person; register them anyway"),
        required=False,
    )

    class Meta:
        model = Patient
        fields = PATIENT_FIELDS
        field_classes = {"date_of_birth": ClinicDateField}
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.possible_duplicates = []
        instance = self.instance
        if instance.pk:
            self.fields["consent_treatment"].initial = instance.consent_treatment_at is not None
            self.fields["consent_privacy"].initial = instance.consent_privacy_at is not None
            # A consent once recorded is a fact with a date; it is not withdrawn by unticking.
            for name, given in [
                ("consent_treatment", instance.consent_treatment_at),
                ("consent_privacy", instance.consent_privacy_at),
            ]:
                if given:
                    self.fields[name].disabled = True
        self.fields["first_name"].widget.attrs["autofocus"] = True
        self.fields["phone"].widget.attrs.update({"type": "tel", "autocomplete": "off"})
        self.fields["emergency_contact_phone"].widget.attrs["type"] = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Identity"),
                Row(Column("first_name"), Column("last_name")),
                Row(Column("date_of_birth"), Column("sex"), Column("preferred_language")),
            ),
            Fieldset(
                _("Contact"),
                Row(Column("phone"), Column("email")),
                "address",
                Row(Column("emergency_contact_name"), Column("emergency_contact_phone")),
            ),
            Fieldset(_("Consent"), "consent_treatment", "consent_privacy"),
            "version",
        )

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        try:
            oldest = today.replace(year=today.year - OLDEST_AGE_YEARS)
        except ValueError:  # 29 February
            oldest = date(today.year - OLDEST_AGE_YEARS, 3, 1)
        if born < oldest:
            raise forms.ValidationError(
                _("The date of birth is more than %(years)s years ago; check the year.")
                % {"years": OLDEST_AGE_YEARS}
            )
        return born

    def clean(self):
        cleaned = super().clean()
        names_and_birth = [cleaned.get(f) for f in ("first_name", "last_name", "date_of_birth")]
        if all(names_and_birth) and not cleaned.get("confirm_not_duplicate"):
            first_name, last_name, date_of_birth = names_and_birth
            self.possible_duplicates = find_possible_duplicates(
                first_name=first_name,
                last_name=last_name,
                date_of_birth=date_of_birth,
                exclude_pk=self.instance.pk,
            )
            if self.possible_duplicates:
                self.add_error(
                    None,
                    _(
                        "A patient with this name and date of birth is already registered. "
                        "Open their chart, or confirm that this is a different person."
                    ),
                )
        return cleaned


class PatientSearchForm(SingleLineTextMixin, forms.Form):
    q = forms.CharField(
        label=_("Name, phone or record number"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )
    date_of_birth = ClinicDateField(label=_("Date of birth"), required=False)
    include_archived = forms.BooleanField(label=_("Include archived"), required=False)


_PHONE_LIKE = re.compile(r"[\d\s().+-]+")


def _as_typed_name(text):
    # Typed in lower case at the search box: "gagnon" registers as "Gagnon", "o'neil" as
    # "O'Neil". Anything with a capital is left as typed.
    return text.title() if text == text.lower() else text


def registration_initial(query):
    """What a search that found nobody carries into the registration form:
    "Gagnon, Rose" or "Rose Gagnon" -> first and last name; one word -> the last name;
    a phone number -> the phone."""
    query = clean_single_line(query or "")
    if not query:
        return {}
    if _PHONE_LIKE.fullmatch(query):
        return {"phone": query}
    if "," in query:
        last, _comma, first = (part.strip() for part in query.partition(","))
    else:
        *first_words, last = query.split()
        first = " ".join(first_words)
    initial = {"first_name": _as_typed_name(first), "last_name": _as_typed_name(last)}
    return {key: value for key, value in initial.items() if value}


def registration_initial_from(params):
    """The registration form's initial values from its query string (names and phone only)."""
    initial = {}
    for key in ("first_name", "last_name", "phone"):
        value = clean_single_line(params.get(key, ""))[:100]
        if value:
            initial[key] = value
    return initial


class PatientArchiveForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this patient being archived?"),
        help_text=_("For example: registered twice by mistake (the other record number)."),
        max_length=500,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("archive", _("Archive patient"), css_class="btn-danger"))
