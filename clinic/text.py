"""Cleaning typed text before it is stored.

A single-line field (a name, a phone number, a title) must stay one line and read the same way
on screen, in a PDF and in the audit trail. Control characters (CR, LF, tab, NUL, the C1 range)
can split a line or forge a log entry; the bidirectional embedding, override and isolate
characters (U+202A-U+202E, U+2066-U+2069) can make "Smith" display as "htimS" or hide text.
Forms strip them at the form layer, through one mixin, before anything else sees the value.
NUL is the exception: it is left for Django's own validator, which refuses the form with a
message ("Null characters are not allowed."): nobody types one, so it is an attack to report,
not a typo to tidy.
"""

import re
import unicodedata

from django import forms

# Line and paragraph separators break a line as surely as LF does.
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]+")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_single_line(value):
    """The text with line breaks turned into one space and control/bidi characters removed."""
    if not isinstance(value, str):
        return value
    value = _LINE_BREAKS.sub(" ", value)
    return "".join(char for char in value if _kept(char)).strip()


def _kept(char):
    if char == "\x00":  # left for Django's validator to refuse with a message (see above)
        return True
    return char not in _BIDI_CONTROLS and unicodedata.category(char) != "Cc"


def is_single_line_field(field):
    """A text field typed on one line: a CharField whose widget is not a text area or password."""
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, (forms.Textarea, forms.PasswordInput, forms.HiddenInput)
    )


class SingleLineTextMixin:
    """Form mixin: every single-line CharField of the form is cleaned by clean_single_line.

    Put it first in the bases (``class PatientForm(SingleLineTextMixin, forms.ModelForm)``).
    The field's own parsing and validators then see the cleaned text.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if is_single_line_field(field):
                field.to_python = _cleaning_first(field.to_python)


def _cleaning_first(to_python):
    def wrapped(value):
        return to_python(clean_single_line(value))

    return wrapped


def fold_for_search(text):
    """Lower-case, accent-free, single-spaced: 'Élodie  Lefèvre' -> 'elodie lefevre'.

    The front desk types names without accents on a tablet keyboard; they must still be found.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(without_marks.casefold().split())


# Typed or not, these never decide who a patient is: "oneil" must find O'Neil, "jeanpierre"
# and "jean pierre" Jean-Pierre, "st john" St. John.
_NAME_PUNCTUATION = re.compile(r"['’‘ʼ`´.\-‐‑‒–—]")


def fold_name(text):
    """A name as patient search stores and compares it: fold_for_search, then without
    apostrophes, hyphens and periods: "Jean-Pierre O'Néil" -> "jeanpierre oneil"."""
    return " ".join(_NAME_PUNCTUATION.sub("", fold_for_search(text)).split())
