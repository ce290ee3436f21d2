"""Round trip of the outcome-measure forms (ODI, LEFS, NPRS, PSFS), issue 11.

A questionnaire is not editable once saved: it is the record of what the patient answered that
day, and a later answer is a new measurement (on the chart or in a new exam), never an edit. So
the round trip here is: valid answers posted as the browser posts them are stored exactly as
given (blanks as blanks, numbers as numbers), read back from the database they score the same,
and posted again from what was stored they give the same answers and score: nothing is changed
or "corrected" on the way.
"""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from assessments import outcomes
from assessments.models import OutcomeMeasure
from assessments.outcomes import services as outcome_services
from assessments.outcomes.forms import OutcomeForm
from tests.hostile import PROPERTY, rolled_back

pytestmark = pytest.mark.django_db

NAME = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60
).filter(lambda text: text.strip())


@st.composite
def odi_answers(draw):
    answers = {item.key: draw(st.integers(0, 5)) for item in outcomes.ODI.items}
    skipped = draw(st.none() | st.sampled_from([item.key for item in outcomes.ODI.items]))
    if skipped:  # one section may be left blank (e.g. it does not apply)
        answers[skipped] = None
    return answers


@st.composite
def psfs_answers(draw):
    rows = [{"name": "", "score": None}] * outcomes.PSFS_MAX_ACTIVITIES
    count = draw(st.integers(outcomes.PSFS.min_items, outcomes.PSFS_MAX_ACTIVITIES))
    positions = sorted(
        draw(st.permutations(range(outcomes.PSFS_MAX_ACTIVITIES)))[:count]
    )  # blank rows may sit between rated ones
    rows = list(rows)
    for position in positions:
        rows[position] = {"name": draw(NAME), "score": draw(st.integers(0, 10))}
    return {"activities": rows}


ANSWERS = {
    "ODI": odi_answers(),
    "LEFS": st.fixed_dictionaries({item.key: st.integers(0, 4) for item in outcomes.LEFS.items}),
    "NPRS": st.fixed_dictionaries({"pain_now": st.integers(0, 10)}),
    "PSFS": psfs_answers(),
}


def as_posted(code, answers):
    """What the browser sends: a checked radio's value, a typed number; nothing for a blank."""
    if code == "PSFS":
        data = {}
        for position, row in enumerate(answers["activities"], start=1):
            data[f"activity_{position}_name"] = row["name"]
            data[f"activity_{position}_score"] = "" if row["score"] is None else str(row["score"])
        return data
    return {key: str(value) for key, value in answers.items() if value is not None}


def stored_form_of(code, answers):
    if code == "PSFS":
        return {
            "activities": [
                {"name": row["name"].strip(), "score": row["score"]}
                for row in answers["activities"]
                if row["name"].strip() or row["score"] is not None
            ]
        }
    return answers


@PROPERTY
@given(code=st.sampled_from(sorted(ANSWERS)), data=st.data())
def test_a_valid_questionnaire_is_stored_as_given_and_reads_back_unchanged(
    practitioner_client, patient, code, data
):
    answers = data.draw(ANSWERS[code])
    instrument = outcomes.INSTRUMENTS[code]
    with rolled_back():
        response = practitioner_client.post(
            reverse("outcome_new", args=[patient.pk, code]), as_posted(code, answers)
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        measure = OutcomeMeasure.objects.get()
        measure.refresh_from_db()  # through the database's JSON, not the object in memory
        assert measure.answers == stored_form_of(code, answers)
        assert measure.exam is None
        assert outcome_services.score_answers(code, measure.answers) == measure.score

        # Posted again from what was stored: the same answers, the same score, no error.
        again = OutcomeForm(as_posted(code, measure.answers), instrument=instrument)
        assert again.is_valid(), again.errors
        assert stored_form_of(code, again.answers()) == measure.answers
        assert outcome_services.score_answers(code, again.answers()) == measure.score

        chart = practitioner_client.get(reverse("patient_chart", args=[patient.pk]))
        assert f"<strong>{measure.score_display}</strong>" in chart.content.decode()
