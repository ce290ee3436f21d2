"""Forms of the treatment-plan pages. Each edit form posts back the plan's ``version``."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    CLEARANCE_KINDS_OFFERED,
    ClearanceKind,
    PlanGoal,
    PlanItem,
    TreatmentPlan,
)
from assessments.plans.services import MIN_REASON_LENGTH
from clinic.concurrency import VersionedFormMixin
from clinic.dates import ClinicDateField, ClinicDateInput, local_day


class _Versioned(VersionedFormMixin, forms.Form):
    pass


def _reason_field(label):
    return forms.CharField(
        label=label,
        min_length=MIN_REASON_LENGTH,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


class PlanItemForm(VersionedFormMixin, forms.ModelForm):
    # Edits the plan: the version posted back is the plan's, whatever item is edited.
    edits_existing_record = True

    class Meta:
        model = PlanItem
        fields = ["component", "title", "instructions", "dosage"]
        widgets = {
            "component": forms.Select(attrs={"class": "form-select"}),
            "title": forms.TextInput(attrs={"class": "form-control"}),
            "instructions": forms.Textarea(attrs={"class": "form-control", "rows": 4}),
            "dosage": forms.TextInput(attrs={"class": "form-control"}),
        }


class PlanGoalForm(VersionedFormMixin, forms.ModelForm):
    edits_existing_record = True  # the plan's version, as for items

    class Meta:
        model = PlanGoal
        fields = ["text", "baseline", "target"]
        widgets = {
            "text": forms.TextInput(attrs={"class": "form-control"}),
            "baseline": forms.TextInput(attrs={"class": "form-control"}),
            "target": forms.TextInput(attrs={"class": "form-control"}),
        }


class PlanDetailsForm(VersionedFormMixin, forms.ModelForm):
    edits_existing_record = True

    class Meta:
        model = TreatmentPlan
        fields = ["impression", "visit_frequency", "review_date"]
        field_classes = {"review_date": ClinicDateField}
        widgets = {
            "impression": forms.Textarea(attrs={"class": "form-control", "rows": 3}),
            "visit_frequency": forms.TextInput(attrs={"class": "form-control"}),
            "review_date": ClinicDateInput(attrs={"class": "form-control"}),
        }


class ReasonForm(_Versioned):
    reason = _reason_field(_("Reason"))


class FactorDismissForm(ReasonForm):
    factor_key = forms.CharField(widget=forms.HiddenInput)


class PrecautionOverrideForm(ReasonForm):
    precaution_key = forms.CharField(widget=forms.HiddenInput)


class RedFlagClearForm(_Versioned):
    """A doctor's clearance (who, when) or an override with its reason."""

    flag_key = forms.CharField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("How it was cleared"),
        choices=[(kind.value, kind.label) for kind in CLEARANCE_KINDS_OFFERED],
        widget=forms.RadioSelect,
    )
    doctor_name = forms.CharField(label=_("Doctor"), max_length=200, required=False)
    seen_on = ClinicDateField(label=_("Seen on"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == ClearanceKind.DOCTOR:
            if not (cleaned.get("doctor_name") or "").strip():
                self.add_error("doctor_name", _("Name the doctor who cleared treatment."))
            seen_on = cleaned.get("seen_on")
            if seen_on is None and "seen_on" not in self.errors:
                self.add_error("seen_on", _("Give the date the doctor saw the patient."))
            elif seen_on is not None and seen_on > timezone.localdate():
                self.add_error(
                    "seen_on", _("The date the doctor saw the patient cannot be in the future.")
                )
        elif (
            kind == ClearanceKind.OVERRIDE
            and len((cleaned.get("reason") or "").strip()) < MIN_REASON_LENGTH
        ):
            self.add_error("reason", _("Give a reason of at least a few words."))
        return cleaned


class WithheldItemForm(ReasonForm):
    item_key = forms.CharField(widget=forms.HiddenInput, max_length=100)


class DeferredItemForm(_Versioned):
    item_key = forms.CharField(widget=forms.HiddenInput, max_length=100)


class MoveForm(_Versioned):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class AmendForm(forms.Form):
    reason = _reason_field(_("Why is the plan amended?"))


class GenerateForm(forms.Form):
    intake = forms.ModelChoiceField(
        label=_("Confirmed intake"),
        queryset=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    exam = forms.ModelChoiceField(
        label=_("Finished exam"),
        queryset=None,
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, intakes, exams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intake"].queryset = intakes
        self.fields["exam"].queryset = exams
        self.fields["intake"].label_from_instance = lambda intake: (
            _("Intake of %(day)s") % {"day": f"{local_day(intake.created_at):%Y-%m-%d}"}
        )
        self.fields["exam"].label_from_instance = lambda exam: (
            _("Exam of %(day)s") % {"day": f"{exam.examined_on:%Y-%m-%d}"}
        )
