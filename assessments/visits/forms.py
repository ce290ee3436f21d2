"""Forms of the episode: the visit note (with its treatment rows), the addendum, the
re-assessment and discharge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    Adherence,
    CrampTime,
    DischargeReason,
    ReassessmentDecision,
    Visit,
)
from assessments.visits.services import VISIT_FIELDS
from clinic.concurrency import VersionedFormMixin
from clinic.dates import ClinicDateField
from intake.models import RED_FLAG_FIELDS, Intake


def red_flag_choices():
    # The intake's own red-flag questions, in its words: the screen reopened at the visit.
    return [(name, Intake._meta.get_field(name).verbose_name) for name in RED_FLAG_FIELDS]


class VisitForm(VersionedFormMixin, forms.ModelForm):
    """The S/O/A/P note; ``rows`` (the plan's items, dosages prefilled) become a tick box and a
    dosage field each."""

    new_red_flags = forms.MultipleChoiceField(
        label=_("New since the last visit (the red-flag screen)"),
        choices=red_flag_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Visit
        # The fields the visit services write, in the form's order.
        fields = list(VISIT_FIELDS)
        field_classes = {"visit_on": ClinicDateField}
        widgets = {
            "cramps_when": forms.RadioSelect,
            "adherence": forms.RadioSelect,
            "anything_new": forms.Textarea(attrs={"rows": 2}),
            "subjective": forms.Textarea(attrs={"rows": 2}),
            "objective": forms.Textarea(attrs={"rows": 3}),
            "assessment": forms.Textarea(attrs={"rows": 2}),
            "plan_next": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cramps_when"].choices = CrampTime.choices
        self.fields["adherence"].choices = Adherence.choices
        self.fields["visit_on"].widget.attrs["autofocus"] = True
        self.rows = list(rows)
        for row in self.rows:
            item = row["item"]
            self.fields[f"done_{item}"] = forms.BooleanField(
                label=row["title"], required=False, initial=row["done"]
            )
            self.fields[f"dosage_{item}"] = forms.CharField(
                label=_("Dosage given: %(item)s") % {"item": row["title"]},
                required=False,
                max_length=300,
                initial=row["dosage"],
            )

    def treatment_fields(self):
        """(row, tick box, dosage field) for the template, in the plan's order."""
        return [
            (row, self[f"done_{row['item']}"], self[f"dosage_{row['item']}"]) for row in self.rows
        ]

    def treatment(self):
        return [
            {
                "item": row["item"],
                "done": self.cleaned_data.get(f"done_{row['item']}", False),
                "dosage": self.cleaned_data.get(f"dosage_{row['item']}", ""),
            }
            for row in self.rows
        ]

    def data_for_service(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AddendumForm(forms.Form):
    text = forms.CharField(label=_("Addendum"), widget=forms.Textarea(attrs={"rows": 3}))
    reason = forms.CharField(label=_("Reason"), max_length=500)


GOAL_CHOICES = [("met", _("Met")), ("not_met", _("Not met"))]


class ReassessmentForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    decision = forms.ChoiceField(
        label=_("What comes next"), choices=ReassessmentDecision.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, exams=(), goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exam"] = forms.TypedChoiceField(
            label=_("Re-assessment exam"),
            choices=[(exam.pk, f"{exam.examined_on:%Y-%m-%d}") for exam in exams],
            coerce=int,
        )
        self.goal_rows = list(goals)
        for row in self.goal_rows:
            initial = {True: "met", False: "not_met"}.get(row["suggested"])
            self.fields[f"goal_{row['goal']}"] = forms.ChoiceField(
                label=row["text"], choices=GOAL_CHOICES, widget=forms.RadioSelect, initial=initial
            )
        self.order_fields(["exam", *(f"goal_{row['goal']}" for row in self.goal_rows)])

    def goal_fields(self):
        return [(row, self[f"goal_{row['goal']}"]) for row in self.goal_rows]

    def goals_met(self):
        return {
            row["goal"]: self.cleaned_data[f"goal_{row['goal']}"] == "met" for row in self.goal_rows
        }


class DischargeForm(VersionedFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason for discharge"), choices=DischargeReason.choices, widget=forms.RadioSelect
    )
    home_programme = forms.CharField(
        label=_("Home programme to keep"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    doctor_name = forms.CharField(
        label=_("Referring or family doctor (a letter is made when named)"),
        required=False,
        max_length=200,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
