"""get_FOO_display() through ChoiceLabelLookup: Django's answer, one translation per label shown."""

from unittest import mock

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from clinic.model_helpers import ChoiceLabelLookup
from clinic.models import AuditAction, AuditEvent

MODELS = [model for model in apps.get_models() if issubclass(model, ChoiceLabelLookup)]
CASES = [
    (model, field) for model in MODELS for field in model._meta.concrete_fields if field.choices
]


def test_the_audit_trail_uses_it():
    assert AuditEvent in MODELS


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("model", "field"), CASES, ids=lambda c: getattr(c, "name", str(c)))
def test_every_label_is_djangos_in_english_and_french(model, field, language):
    with translation.override(language):
        for value, _label in field.flatchoices:
            record = model(**{field.attname: value})
            shown = getattr(record, f"get_{field.name}_display")()
            assert shown == models.Model._get_FIELD_display(record, field)
            assert isinstance(shown, str)
        # A value no choice has (an action retired since) shows as stored, as Django's does.
        unknown = model(**{field.attname: "retired_action"})
        assert getattr(unknown, f"get_{field.name}_display")() == "retired_action"


def test_the_french_label_of_an_action():
    event = AuditEvent(action=AuditAction.PATIENT_VIEWED)
    with translation.override("fr"):
        french = event.get_action_display()
    with translation.override("en"):
        english = event.get_action_display()
    assert english == "Viewed patient chart" or english == str(AuditAction.PATIENT_VIEWED.label)
    assert french != english


def test_one_label_translated_not_every_action():
    event = AuditEvent(action=AuditAction.PATIENT_VIEWED)
    event.get_action_display()  # the per-field table is built once, before counting
    with mock.patch(
        "django.utils.translation._trans.gettext", side_effect=lambda message: message
    ) as gettext:
        event.get_action_display()
    assert gettext.call_count == 1
    assert len(AuditAction.choices) > 50  # what Django's own lookup would have translated
