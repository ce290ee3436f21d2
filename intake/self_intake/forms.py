"""The front desk's "email the link" form."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SelfIntakeEmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Patient's email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
