from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.dates import ClinicDateField
from clinic.text import SingleLineTextMixin
from interop.models import KEY_ROLES

LONGEST_KEY_DAYS = 366


class ApiKeyForm(SingleLineTextMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What uses the key, e.g. “Booking app”. Shown in the audit trail."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=KEY_ROLES)
    expires_on = ClinicDateField(
        label=_("Expires on"),
        help_text=_("At most a year from today. Calls with an expired key are refused."),
    )
    rate_limit_per_minute = forms.IntegerField(
        label=_("Requests a minute"), min_value=1, max_value=6000, initial=120
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_on"].initial = timezone.localdate() + timedelta(days=90)

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day <= today:
            raise forms.ValidationError(_("The expiry date must be after today."))
        if day > today + timedelta(days=LONGEST_KEY_DAYS):
            raise forms.ValidationError(_("A key lasts at most a year; issue a new one then."))
        return day
