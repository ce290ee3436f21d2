"""A partial Oswestry form says so wherever its score is shown."""

import pytest
from django.urls import reverse

from assessments.outcomes import ODI
from assessments.outcomes.services import score_answers
from tests.factories import OutcomeMeasureFactory

pytestmark = pytest.mark.django_db


def _odi(answers, patient=None):
    kwargs = {"patient": patient} if patient else {}
    return OutcomeMeasureFactory(
        instrument="ODI", answers=answers, score=score_answers("ODI", answers), **kwargs
    )


def test_a_partial_odi_says_on_how_many_sections_it_rests():
    answers = {item.key: 2 for item in ODI.items}
    answers[ODI.items[-1].key] = None

    measure = _odi(answers)

    assert measure.score_display == "40%, 9 of 10 sections"


def test_a_whole_odi_shows_its_score_alone():
    measure = _odi({item.key: 2 for item in ODI.items})

    assert measure.score_display == "40%"


def test_the_chart_shows_the_partial_score(practitioner_client, patient):
    answers = {item.key: 1 for item in ODI.items}
    answers[ODI.items[0].key] = None
    _odi(answers, patient)

    page = practitioner_client.get(reverse("patient_chart", args=[patient.pk])).content.decode()

    assert "9 of 10 sections" in page


def test_a_score_stored_without_its_answers_claims_no_section_count():
    # Entered as a total (no answers kept): the record cannot say how many sections it rests on.
    measure = OutcomeMeasureFactory(instrument="ODI", answers={}, score=28.0)

    assert measure.score_display == "28%"
    assert "sections" not in measure.score_display
