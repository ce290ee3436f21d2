"""{% render_layout form [helper] %}: a crispy layout written in Python (clinic.form_layout)."""

from django import template

from clinic.form_layout import render_field as _render_field
from clinic.form_layout import render_layout as _render_layout

register = template.Library()


@register.simple_tag(takes_context=True)
def render_layout(context, form, helper=None):
    return _render_layout(form, helper, context=context)


@register.filter
def as_layout_field(bound_field):
    return _render_field(bound_field)
