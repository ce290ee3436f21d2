"""Widgets rendered in Python for long, repetitive forms.

Django renders every <option> of a select through its own template include. The exam's spinal
grid has 78 such controls (26 levels × stiffness, tender, side), which made the exam form the
slowest page in the benchmark; these produce the same markup without the template engine.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, " selected" if str(option_value) == selected else "", label)
                for option_value, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class FastCheckbox(forms.CheckboxInput):
    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(
            self.attrs, {**(attrs or {}), "type": "checkbox", "name": name}
        )
        if self.check_test(value):
            final_attrs["checked"] = True
        shown = self.format_value(value)
        if shown is not None:
            final_attrs["value"] = shown
        return format_html("<input{}>", flatatt(final_attrs))
