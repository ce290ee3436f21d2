"""Dates as the clinic types and reads them: year-month-day, in the clinic's time zone.

en-CA and fr-CA both write dates as yyyy-mm-dd. The browser's own date picker follows the
browser's locale instead (mm/dd/yyyy on a US-English browser), and Django's localized input
formats accept 03/04/1958 as March or April depending on the language: either way a day-first
"15031958" or "03/04/1958" was silently stored as another date. So every date staff or
patients type is a text field with one explicit format, yyyy-mm-dd, also accepted without the
dashes (yyyymmdd: a phone's number pad has no dash). Anything else is refused with the
expected format; nothing is guessed.

Dates shown from a stored moment (``created_at``...) are the clinic's calendar day
(settings.TIME_ZONE), never the UTC day: see ``local_day``.
"""

import re
from datetime import date, datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["ClinicDateField", "ClinicDateInput", "local_day", "parse_clinic_date"]

# Year first, then month and day; separators "-", "/", "." or a space, or none at all (8 digits).
_SEPARATED = re.compile(r"([0-9]{4})[-/. ]([0-9]{1,2})[-/. ]([0-9]{1,2})")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")

FORMAT_HINT = _("Year, month, day: yyyy-mm-dd (for example 1958-03-15).")
PLACEHOLDER = _("yyyy-mm-dd")


def parse_clinic_date(text):
    """The date written as yyyy-mm-dd (or yyyymmdd), else None. Never guesses an order."""
    text = (text or "").strip()
    match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def local_day(moment):
    """The clinic's calendar day of a stored moment (an aware datetime is UTC in the database)."""
    if isinstance(moment, datetime):
        if timezone.is_aware(moment):
            return timezone.localdate(moment)
        return moment.date()
    return moment


class ClinicDateInput(forms.DateInput):
    """A plain text box showing yyyy-mm-dd whatever the browser's locale."""

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": PLACEHOLDER,
            "inputmode": "numeric",
            "autocomplete": "off",
            "maxlength": 10,
            "spellcheck": "false",
            "data-date-format": "yyyy-mm-dd",
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%Y-%m-%d")


class ClinicDateField(forms.DateField):
    """A date typed as yyyy-mm-dd or yyyymmdd; anything else is refused with the format."""

    widget = ClinicDateInput
    default_error_messages = {
        "invalid": _(
            "“%(value)s” is not a date written as yyyy-mm-dd (year, month, day), for example "
            "1958-03-15."
        ),
    }

    def __init__(self, *, help_text="", **kwargs):
        kwargs.pop("input_formats", None)
        super().__init__(help_text=help_text or FORMAT_HINT, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        parsed = parse_clinic_date(str(value))
        if parsed is None:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": str(value)[:40]}
            )
        return parsed
