"""Round trip of the exam form's "not tested" findings (issue 11, defect 3).

A valid answer is saved through the form as the browser posts it; the exam is reopened and
saved again with exactly what the page shows: nothing changes, nothing is "corrected", nobody
conflicts. Then it is finished and its correction form is posted back unchanged: the server
says there is nothing to correct and records no correction. A finding left "Not tested" stays
None all the way; it never comes back as "normal" or "present".
"""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from assessments.exams.forms import NOT_TESTED_FIELDS
from assessments.exams.services import EXAM_FIELDS
from assessments.models import Exam, ExamCorrection
from tests.factories import confirmed_intake
from tests.form_posting import posted_data
from tests.hostile import PROPERTY, rolled_back

pytestmark = pytest.mark.django_db


def _choices(name):
    return [value for value, _label in Exam._meta.get_field(name).choices]


@st.composite
def exam_answers(draw):
    answers = {
        name: draw(st.none() | st.sampled_from(_choices(name))) for name in NOT_TESTED_FIELDS
    }
    if draw(st.booleans()):
        answers["leg_length_difference_mm"] = draw(st.integers(1, 100))
        answers["leg_length_type"] = draw(st.none() | st.sampled_from(["apparent", "true"]))
        answers["leg_length_short_side"] = draw(st.none() | st.sampled_from(["left", "right"]))
    else:
        answers.update(
            leg_length_difference_mm=None, leg_length_type=None, leg_length_short_side=None
        )
    answers["slump_positive"] = draw(st.booleans())
    answers["pain_now"] = draw(st.none() | st.integers(0, 10))
    return answers


def as_posted(page_data, answers):
    """The page's form with the answers chosen as a practitioner chooses them."""
    data = dict(page_data)
    for name, value in answers.items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            else:
                data.pop(name, None)
        else:
            data[name] = "" if value is None else str(value)
    return data


def stored(exam):
    exam.refresh_from_db()
    return {name: getattr(exam, name) for name in EXAM_FIELDS}


def page_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return posted_data(response.content.decode(), form_class="exam-form")


@PROPERTY
@given(answers=exam_answers())
def test_an_exam_reopened_and_saved_unchanged_changes_nothing(practitioner_client, answers):
    with rolled_back():
        intake = confirmed_intake()
        patient = intake.patient
        new_url = reverse("exam_new", args=[patient.pk]) + f"?intake={intake.pk}"
        data = as_posted(page_form(practitioner_client, new_url), answers)
        response = practitioner_client.post(new_url, {**data, "save": ""})
        assert response.status_code == 302, response.content.decode()[:2000]
        exam = Exam.objects.get(patient=patient)
        saved = stored(exam)
        for name, value in answers.items():
            assert saved[name] == value, name

        # Reopened and saved again as the page shows it.
        edit_url = reverse("exam_edit", args=[patient.pk, exam.pk])
        again = page_form(practitioner_client, edit_url)
        for name in NOT_TESTED_FIELDS:
            assert again[name] == (answers[name] or "")
        response = practitioner_client.post(edit_url, {**again, "save": ""})
        assert response.status_code == 302  # no conflict, no error
        assert stored(exam) == saved

        # Finished, then its correction form posted back unchanged: nothing to correct.
        finish_url = reverse("exam_finish", args=[patient.pk, exam.pk])
        practitioner_client.post(finish_url, {"version": exam.version})
        exam.refresh_from_db()
        assert exam.is_finished
        correct_url = reverse("exam_correct", args=[patient.pk, exam.pk])
        unchanged = page_form(practitioner_client, correct_url)
        unchanged["reason"] = "Checking nothing moved"
        response = practitioner_client.post(correct_url, unchanged)
        assert response.status_code == 200
        assert "Nothing was changed, so there is nothing to correct." in response.content.decode()
        assert "Someone else changed" not in response.content.decode()
        assert not ExamCorrection.objects.filter(exam=exam).exists()
        after = stored(exam)
        assert {name: after[name] for name in answers} == answers
