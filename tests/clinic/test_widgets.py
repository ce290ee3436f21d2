"""The Python-rendered widgets must produce what Django's own templates produce."""

import pytest
from django import forms
from django.test.html import parse_html

from clinic.widgets import FastCheckbox, FastSelect

CHOICES = [("none", "None"), ("mild", "Mild"), ("<b>", 'A "quoted" & <b>bold</b> label')]


def normalised(html):
    # Same elements, attributes (in any order) and text, as assertHTMLEqual compares them.
    return parse_html(html)


@pytest.mark.parametrize("value", [None, "", "mild", "<b>", "unknown"])
def test_fast_select_renders_like_djangos_select(value):
    attrs = {"id": "id_x", "class": "form-select", "aria-invalid": "true"}
    expected = forms.Select(attrs={"class": "form-select"}, choices=CHOICES).render(
        "x", value, attrs={"id": "id_x", "aria-invalid": "true"}
    )
    got = FastSelect(attrs={"class": "form-select"}, choices=CHOICES).render(
        "x", value, attrs={key: attrs[key] for key in ("id", "aria-invalid")}
    )
    assert normalised(got) == normalised(expected)
    assert "<b>bold</b>" not in got


@pytest.mark.parametrize("value", [None, False, True, "on"])
def test_fast_checkbox_renders_like_djangos_checkbox(value):
    expected = forms.CheckboxInput(attrs={"class": "c"}).render("t", value, attrs={"id": "id_t"})
    got = FastCheckbox(attrs={"class": "c"}).render("t", value, attrs={"id": "id_t"})
    assert normalised(got) == normalised(expected)
