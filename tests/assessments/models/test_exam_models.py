"""The exam model stores the reasoning's vocabulary and refuses silent change once finished."""

import dataclasses

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments import models
from assessments.models import Exam, ExamLockedError
from assessments.reasoning import facts
from tests.factories import ExamFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "choices, vocabulary",
    [
        (models.LumbarLordosis, facts.LUMBAR_LORDOSIS),
        (models.PelvicTilt, facts.PELVIC_TILT),
        (models.LegLengthType, facts.LEG_LENGTH_TYPES),
        (models.FootPosture, facts.FOOT_POSTURES),
        (models.SittingPosture, facts.SITTING_POSTURES),
        (models.Stiffness, facts.STIFFNESS_GRADES),
        (models.SegmentSide, facts.SEGMENT_SIDES),
        (models.ReflexGrade, facts.REFLEX_GRADES),
        (models.Pulse, facts.PULSES),
    ],
)
def test_choices_store_the_reasoning_vocabulary(choices, vocabulary):
    assert set(choices.values) == set(vocabulary)


def test_levels_roots_and_muscles_are_the_reasonings():
    assert models.SEGMENT_LEVELS == facts.SEGMENT_LEVELS
    assert models.NERVE_ROOTS == facts.NERVE_ROOTS
    assert models.STRENGTH_MUSCLES == facts.STRENGTH_MUSCLES


def test_every_exam_fact_has_a_model_field_of_the_same_name():
    names = {field.name for field in Exam._meta.get_fields()}
    sections = [facts.Posture, facts.Neuro, facts.Strength, facts.Flexibility, facts.Vascular]
    for section in sections:
        for field in dataclasses.fields(section):
            assert field.name in names, f"{section.__name__}.{field.name}"
    for name in ("segments", "pain_now", "cramp_reproduced", "cramp_reproduced_where"):
        assert name in names


def test_stored_segments_are_validated():
    exam = Exam(segments=[{"level": "L6", "stiffness": "mild", "tender": False}])
    with pytest.raises(ValidationError) as error:
        exam.full_clean(exclude=["patient", "practitioner"])
    assert "segments" in error.value.message_dict
    exam.segments = [
        {"level": "L5", "stiffness": "moderate", "tender": False, "side": "left"},
        {"level": "L5", "stiffness": "mild", "tender": False, "side": "right"},
    ]
    with pytest.raises(ValidationError):
        exam.full_clean(exclude=["patient", "practitioner"])


def test_a_finished_exam_refuses_a_save_that_is_not_a_correction():
    exam = ExamFactory(status="finished", finished_at=timezone.now(), calf_left=4)
    exam.calf_left = 1
    with pytest.raises(ExamLockedError):
        exam.save()
    exam.refresh_from_db()
    assert exam.calf_left == 4
