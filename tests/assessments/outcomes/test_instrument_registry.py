"""Adding an outcome measure is adding one module: the registry finds it, and the clinic offers,
scores and displays it with no other edit (issue 14)."""

import importlib
import sys

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments import outcomes
from assessments.models import OutcomeMeasure
from assessments.outcomes import instruments
from assessments.outcomes.forms import OutcomeForm
from assessments.outcomes.selectors import outcome_summaries
from assessments.outcomes.services import outcome_record

pytestmark = pytest.mark.django_db

MEASURE_MODULE = """
from assessments.outcomes.instruments.base import Instrument, Item, ScoringError, gettext_noop

INSTRUMENT = Instrument(
    code="SLEEP",
    name=gettext_noop("Night Cramp Sleep Scale"),
    instructions=gettext_noop("How often in the last week?"),
    min_items=2,
    max_items=2,
    item_min=0,
    item_max=4,
    score_min=0.0,
    score_max=8.0,
    lower_is_better=True,
    mcid=2.0,
    mcid_citation="a test measure",
    citation="a test measure",
    items=(
        Item("woken", gettext_noop("Woken by a cramp")),
        Item("back_to_sleep", gettext_noop("Trouble getting back to sleep")),
    ),
    response_labels=(
        (0, gettext_noop("Never")),
        (1, gettext_noop("Once")),
        (2, gettext_noop("Two or three nights")),
        (3, gettext_noop("Most nights")),
        (4, gettext_noop("Every night")),
    ),
    form="scale",
    self_reported=True,
    score_suffix=" / 8",
)


def score(answers):
    for item in INSTRUMENT.items:
        if answers.get(item.key) is None:
            raise ScoringError(item.key, gettext_noop("Answer every question."))
    return float(sum(answers[item.key] for item in INSTRUMENT.items))
"""


@pytest.fixture
def sleep_scale(tmp_path, monkeypatch):
    """A measure module in a package of its own, registered only for the test."""
    package = tmp_path / "extra_measures"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "sleep.py").write_text(MEASURE_MODULE)
    (package / "notes.py").write_text("WHAT = 'not a measure: no INSTRUMENT'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with instruments.temporary_registry(importlib.import_module("extra_measures")):
            yield outcomes.get_instrument("SLEEP")
    finally:
        for name in ("extra_measures.sleep", "extra_measures.notes", "extra_measures"):
            sys.modules.pop(name, None)


def test_the_registry_finds_the_four_measures_in_their_order():
    assert list(outcomes.INSTRUMENTS) == ["ODI", "LEFS", "NPRS", "PSFS"]
    assert instruments.self_reported_codes() == ("NPRS", "ODI", "LEFS")


def test_a_new_measure_module_is_offered(sleep_scale, practitioner_client, patient):
    assert list(outcomes.INSTRUMENTS)[-1] == "SLEEP"
    assert "SLEEP" in instruments.self_reported_codes()
    chart = practitioner_client.get(reverse("patient_chart", args=[patient.pk])).content.decode()
    assert reverse("outcome_new", args=[patient.pk, "SLEEP"]) in chart
    page = practitioner_client.get(reverse("outcome_new", args=[patient.pk, "SLEEP"]))
    assert page.status_code == 200
    assert "Woken by a cramp" in page.content.decode()
    assert "Trouble getting back to sleep" in page.content.decode()


def test_a_new_measure_is_scored_by_its_own_rule(sleep_scale, practitioner, patient):
    form = OutcomeForm({"woken": "3", "back_to_sleep": "1"}, instrument=sleep_scale, taken_on=None)
    assert form.is_valid(), form.errors
    measure = outcome_record(
        patient=patient, instrument="SLEEP", answers=form.answers(), by=practitioner
    )
    measure.refresh_from_db()
    assert measure.score == 4.0
    assert measure.answers == {"woken": 3, "back_to_sleep": 1}
    with pytest.raises(ValidationError) as refused:
        outcome_record(
            patient=patient,
            instrument="SLEEP",
            answers={"woken": 2, "back_to_sleep": None},
            by=practitioner,
        )
    assert "back_to_sleep" in refused.value.message_dict
    assert OutcomeMeasure.objects.filter(instrument="SLEEP").count() == 1


def test_a_new_measure_is_displayed_on_the_chart(
    sleep_scale, practitioner, patient, practitioner_client
):
    outcome_record(
        patient=patient,
        instrument="SLEEP",
        answers={"woken": 4, "back_to_sleep": 3},
        by=practitioner,
    )
    (summary,) = [s for s in outcome_summaries(patient) if s.instrument.code == "SLEEP"]
    assert summary.latest.score_display == "7 / 8"
    chart = practitioner_client.get(reverse("patient_chart", args=[patient.pk])).content.decode()
    assert 'data-testid="outcome-SLEEP"' in chart
    assert "7 / 8" in chart


def test_the_temporary_measure_is_gone_afterwards(sleep_scale):
    assert "SLEEP" in outcomes.INSTRUMENTS


def test_an_unregistered_measure_is_refused(patient, practitioner):
    assert "SLEEP" not in outcomes.INSTRUMENTS
    with pytest.raises(ValidationError):
        outcome_record(patient=patient, instrument="SLEEP", answers={"woken": 1}, by=practitioner)
