"""Copying a big form's fields for each request without deep-copying their choices.

Django gives every form instance its own copy of the class's fields (``copy.deepcopy`` of
``base_fields``), so that one form can change a field without touching the next. For a choice
field that deep copy also rebuilds its list of choices, label by label, for the field and again
for its widget: for the exam form's 70 fields and the spinal grid's 78 it was 2.7 ms of every
request, and 1.5 ms for the intake questionnaire.

``copy_fields_per_form(FormClass)`` keeps that guarantee where it matters: each form still gets
its own field and widget objects, with their own attributes, widget ``attrs``, error messages
and validators, exactly what Django's ``Field.__deepcopy__`` copies. Only the lists of choices
are shared, and nothing changes a list of choices in place: a form that needs other choices
assigns a new list (``field.choices = ...``), which lands on its own copy. A field or widget
whose class copies itself in its own way (a ModelChoiceField's queryset, a MultiWidget's
widgets) is deep-copied as Django does.
"""

import copy

from django.forms import fields, widgets

_PLAIN_FIELD_COPY = {fields.Field.__deepcopy__, fields.ChoiceField.__deepcopy__}
_PLAIN_WIDGET_COPY = {widgets.Widget.__deepcopy__, widgets.ChoiceWidget.__deepcopy__}


def _copy_field(field, memo):
    widget = field.widget
    plain = (
        type(field).__deepcopy__ in _PLAIN_FIELD_COPY
        and type(widget).__deepcopy__ in _PLAIN_WIDGET_COPY
    )
    if not plain:
        return copy.deepcopy(field, memo)
    result = copy.copy(field)
    result.widget = copy.copy(widget)
    result.widget.attrs = widget.attrs.copy()
    result.error_messages = field.error_messages.copy()
    result.validators = field.validators[:]
    memo[id(field)] = result
    return result


class _FieldsCopiedPerForm(dict):
    def __deepcopy__(self, memo):
        return {name: _copy_field(field, memo) for name, field in self.items()}


def copy_fields_per_form(form_class):
    """Make each new form of this class copy its fields as described above. Call it once the
    class's fields are final."""
    form_class.base_fields = _FieldsCopiedPerForm(form_class.base_fields)
    return form_class
