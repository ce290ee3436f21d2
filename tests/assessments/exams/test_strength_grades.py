"""Strength grades read with their meaning: "3/5 (weak)"."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.exams.presenters import exam_summary
from tests.factories import ExamFactory

pytestmark = pytest.mark.django_db


def test_the_exam_shows_each_grade_with_its_meaning(practitioner_client):
    exam = ExamFactory(
        status="finished", finished_at=timezone.now(), calf_left=3, calf_right=5, glute_med_left=0
    )

    page = practitioner_client.get(reverse("exam_detail", args=[exam.patient_id, exam.pk]))

    text = page.content.decode()
    assert "3/5 (weak)" in text
    assert "5/5 (normal)" in text
    assert "0/5 (no contraction)" in text


def test_an_ungraded_muscle_is_not_given_a_grade():
    exam = ExamFactory(calf_left=None)

    rows = [row for section in exam_summary(exam) for row in section["rows"]]

    assert ("Calf, left", "—") in rows or all("/5" not in shown for _l, shown in rows)
