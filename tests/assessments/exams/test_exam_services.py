"""The exam services on their own: versions, locking, corrections, history."""

import pytest
from django.core.exceptions import ValidationError

from assessments.exams import services
from assessments.models import ExamCorrection, ExamLockedError
from tests.factories import ExamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(patient, practitioner):
    return services.exam_start(patient=patient, by=practitioner, data={"calf_left": 4})


def test_a_save_against_an_old_or_missing_version_is_refused(draft, practitioner):
    services.exam_save_draft(exam=draft, data={"calf_left": 3}, expected_version=1, by=practitioner)
    for stale in (1, None):
        with pytest.raises(services.ConcurrentEditError) as error:
            services.exam_save_draft(
                exam=draft, data={"calf_left": 1}, expected_version=stale, by=practitioner
            )
        assert error.value.current.calf_left == 3


def test_a_finished_exam_refuses_drafts_and_a_second_finish(draft, practitioner):
    finished = services.exam_finish(exam=draft, by=practitioner, expected_version=1)
    with pytest.raises(ExamLockedError):
        services.exam_save_draft(
            exam=finished, data={"calf_left": 1}, expected_version=2, by=practitioner
        )
    with pytest.raises(ExamLockedError):
        services.exam_finish(exam=finished, by=practitioner, expected_version=2)


def test_a_correction_without_a_reason_or_without_a_change_writes_nothing(draft, practitioner):
    finished = services.exam_finish(exam=draft, by=practitioner, expected_version=1)
    with pytest.raises(ValidationError) as error:
        services.exam_correct(
            exam=finished, data={"calf_left": 2}, reason="  ", expected_version=2, by=practitioner
        )
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.exam_correct(
            exam=finished,
            data={"calf_left": 4},
            reason="Checked again",
            expected_version=2,
            by=practitioner,
        )
    assert not ExamCorrection.objects.exists()
    finished.refresh_from_db()
    assert (finished.calf_left, finished.version) == (4, 2)


def test_a_correction_of_the_grid_keeps_the_earlier_rows(draft, practitioner):
    l5 = {"level": "L5", "stiffness": "moderate", "tender": False, "side": "left"}
    services.exam_save_draft(
        exam=draft, data={"segments": [l5]}, expected_version=1, by=practitioner
    )
    finished = services.exam_finish(exam=draft, by=practitioner, expected_version=2)
    s1 = {**l5, "level": "S1"}
    services.exam_correct(
        exam=finished,
        data={"segments": [s1]},
        reason="The stiff level was S1, not L5",
        expected_version=3,
        by=practitioner,
    )
    correction = ExamCorrection.objects.get()
    assert correction.changes["segments"] == [[l5], [s1]]
    history = list(finished.history.order_by("history_date").values_list("segments", flat=True))
    assert history[-2:] == [[l5], [s1]]


def test_an_untouched_grid_stores_nothing(patient, practitioner):
    rows = [{"level": "C1", "stiffness": "none", "tender": False, "side": "central"}]
    exam = services.exam_start(patient=patient, by=practitioner, data={"segments": rows})
    assert exam.segments == []


def test_exam_factory_default_is_a_draft():
    assert ExamFactory().status == "draft"
