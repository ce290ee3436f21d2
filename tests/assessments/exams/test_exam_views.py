"""The exam pages: who may see them, recording, locking, corrections and bad input."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Exam, ExamCorrection, ExamStatus
from clinic.models import AuditAction, AuditEvent
from tests.builders import exam_post
from tests.factories import ExamFactory, PatientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exam(patient, practitioner):
    return ExamFactory(patient=patient, practitioner=practitioner)


@pytest.fixture
def finished_exam(patient, practitioner):
    return ExamFactory(
        patient=patient,
        practitioner=practitioner,
        status=ExamStatus.FINISHED,
        finished_at=timezone.now(),
        finished_by=practitioner,
        calf_left=4,
    )


def exam_urls(exam):
    args = [exam.patient_id, exam.pk]
    return [
        reverse("exam_new", args=[exam.patient_id]),
        reverse("exam_detail", args=args),
        reverse("exam_edit", args=args),
        reverse("exam_finish", args=args),
        reverse("exam_correct", args=args),
        reverse("outcome_new", args=[exam.patient_id, "ODI"]),
    ]


# --- Who may see what -----------------------------------------------------------------------------


def test_front_desk_gets_403_on_every_exam_page_for_get_and_post(front_desk_client, exam):
    for url in exam_urls(exam):
        assert front_desk_client.get(url).status_code == 403, url
        assert front_desk_client.post(url, exam_post()).status_code == 403, url
    assert Exam.objects.count() == 1
    exam.refresh_from_db()
    assert exam.version == 1


def test_front_desk_sees_no_exam_on_the_chart(front_desk_client, exam):
    page = front_desk_client.get(reverse("patient_chart", args=[exam.patient_id]))
    assert page.status_code == 200
    assert b"chart-exams" not in page.content
    assert b"New exam" not in page.content


def test_an_exam_of_another_patient_is_not_found_through_this_patient(practitioner_client, exam):
    other = PatientFactory()
    for name in ("exam_detail", "exam_edit", "exam_finish", "exam_correct"):
        url = reverse(name, args=[other.pk, exam.pk])
        assert practitioner_client.get(url).status_code == 404, name
        assert practitioner_client.post(url, exam_post()).status_code == 404, name
    outcome_url = reverse("outcome_new", args=[other.pk, "ODI"]) + f"?exam={exam.pk}"
    assert practitioner_client.get(outcome_url).status_code == 404


def test_guessed_exam_and_instrument_ids_are_not_found(practitioner_client, patient):
    for name in ("exam_detail", "exam_edit", "exam_finish", "exam_correct"):
        assert practitioner_client.get(reverse(name, args=[patient.pk, 99999])).status_code == 404
    assert practitioner_client.get(reverse("exam_new", args=[99999])).status_code == 404
    unknown = reverse("outcome_new", args=[patient.pk, "XYZ"])
    assert practitioner_client.get(unknown).status_code == 404
    bad_exam = reverse("outcome_new", args=[patient.pk, "ODI"]) + "?exam=abc"
    assert practitioner_client.get(bad_exam).status_code == 404


def test_viewing_an_exam_is_audited(practitioner_client, practitioner, exam):
    practitioner_client.get(reverse("exam_detail", args=[exam.patient_id, exam.pk]))
    event = AuditEvent.objects.get(action=AuditAction.EXAM_VIEWED)
    assert (event.user, event.patient, event.object_id) == (
        practitioner,
        exam.patient,
        str(exam.pk),
    )


# --- Recording ------------------------------------------------------------------------------------


def test_practitioner_records_a_draft_with_only_the_levels_that_have_a_finding(
    practitioner_client, practitioner, patient
):
    response = practitioner_client.post(reverse("exam_new", args=[patient.pk]), exam_post())

    exam = Exam.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exam_detail", args=[patient.pk, exam.pk])
    assert exam.status == ExamStatus.DRAFT
    assert exam.practitioner == practitioner
    assert exam.segments == [
        {"level": "L5", "stiffness": "moderate", "tender": True, "side": "left"}
    ]
    assert (exam.glute_med_left, exam.glute_med_right, exam.calf_left) == (3, 5, None)
    assert exam.pain_now == 4
    page = practitioner_client.get(response["Location"]).content.decode()
    assert "Moderate" in page and "Draft" in page


def test_saving_and_finishing_at_once_locks_the_exam_and_is_audited(practitioner_client, patient):
    practitioner_client.post(reverse("exam_new", args=[patient.pk]), exam_post(finish="1"))

    exam = Exam.objects.get()
    assert exam.status == ExamStatus.FINISHED
    assert exam.finished_at is not None
    assert AuditEvent.objects.filter(action=AuditAction.EXAM_FINISHED, patient=patient).exists()


def test_a_draft_is_edited_then_finished(practitioner_client, practitioner, exam):
    edit = reverse("exam_edit", args=[exam.patient_id, exam.pk])
    practitioner_client.post(edit, exam_post(version="1", calf_left="2"))
    exam.refresh_from_db()
    assert (exam.calf_left, exam.version, exam.status) == (2, 2, ExamStatus.DRAFT)

    finish = reverse("exam_finish", args=[exam.patient_id, exam.pk])
    assert practitioner_client.get(finish).status_code == 200
    response = practitioner_client.post(finish, {"version": "2"})
    assert response.status_code == 302
    exam.refresh_from_db()
    assert exam.status == ExamStatus.FINISHED
    assert exam.finished_by == practitioner


def test_the_grid_keeps_a_tender_level_without_stiffness(practitioner_client, patient):
    practitioner_client.post(
        reverse("exam_new", args=[patient.pk]),
        exam_post(**{"seg-L5_stiffness": "none", "seg-L5_tender": None, "seg-SIJ_tender": "on"}),
    )
    assert Exam.objects.get().segments == [
        {"level": "SIJ", "stiffness": "none", "tender": True, "side": "central"}
    ]


def test_two_people_editing_at_once_cannot_overwrite_each_other(practitioner_client, exam):
    edit = reverse("exam_edit", args=[exam.patient_id, exam.pk])
    practitioner_client.post(edit, exam_post(version="1", calf_left="2"))
    response = practitioner_client.post(edit, exam_post(version="1", calf_left="1"))

    assert response.status_code == 200
    assert "Someone else changed this exam" in response.content.decode()
    assert 'name="calf_left" value="1"' in response.content.decode()  # what was typed is kept
    exam.refresh_from_db()
    assert exam.calf_left == 2


# --- Locking and corrections ----------------------------------------------------------------------


def test_a_finished_exam_cannot_be_edited(practitioner_client, finished_exam):
    edit = reverse("exam_edit", args=[finished_exam.patient_id, finished_exam.pk])
    response = practitioner_client.post(edit, exam_post(version="1", calf_left="1"))

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "exam_correct", args=[finished_exam.patient_id, finished_exam.pk]
    )
    finished_exam.refresh_from_db()
    assert finished_exam.calf_left == 4
    assert finished_exam.version == 1


def test_a_finished_exam_is_not_finished_twice(practitioner_client, finished_exam):
    finish = reverse("exam_finish", args=[finished_exam.patient_id, finished_exam.pk])
    practitioner_client.post(finish, {"version": "1"})
    assert not AuditEvent.objects.filter(action=AuditAction.EXAM_FINISHED).exists()


def test_a_correction_needs_a_reason(practitioner_client, finished_exam):
    correct = reverse("exam_correct", args=[finished_exam.patient_id, finished_exam.pk])
    response = practitioner_client.post(correct, exam_post(version="1", calf_left="3"))

    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert 'name="calf_left" value="3"' in response.content.decode()
    finished_exam.refresh_from_db()
    assert finished_exam.calf_left == 4


def test_a_correction_keeps_the_earlier_values_with_its_reason(
    practitioner_client, practitioner, finished_exam
):
    correct = reverse("exam_correct", args=[finished_exam.patient_id, finished_exam.pk])
    reason = "Left and right calf grades were swapped"
    response = practitioner_client.post(
        correct, exam_post(version="1", calf_left="3", reason=reason)
    )

    assert response.status_code == 302
    finished_exam.refresh_from_db()
    assert finished_exam.calf_left == 3
    assert finished_exam.status == ExamStatus.FINISHED
    correction = ExamCorrection.objects.get()
    assert correction.reason == reason
    assert correction.corrected_by == practitioner
    assert correction.changes["calf_left"] == [4, 3]
    earlier = finished_exam.history.order_by("history_date")
    assert [record.calf_left for record in earlier] == [4, 3]
    assert earlier.last().history_change_reason == reason
    event = AuditEvent.objects.get(action=AuditAction.EXAM_CORRECTED)
    assert reason in event.detail and "calf_left" in event.detail
    page = practitioner_client.get(response["Location"]).content.decode()
    assert reason in page


def test_a_draft_is_not_corrected_but_edited(practitioner_client, exam):
    correct = reverse("exam_correct", args=[exam.patient_id, exam.pk])
    response = practitioner_client.get(correct)
    assert response["Location"] == reverse("exam_edit", args=[exam.patient_id, exam.pk])


# --- Bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("glute_med_left", "7", "A strength grade is a whole number from 0 to 5."),
        ("calf_right", "-1", "A strength grade is a whole number from 0 to 5."),
        ("slr_left_degrees", "-10", "straight-leg raise angle in degrees, from 0 to 120"),
        ("slr_right_degrees", "150", "straight-leg raise angle in degrees, from 0 to 120"),
        ("hamstring_length_left_degrees", "-5", "hamstring length in degrees, from 0 to 180"),
        ("ankle_dorsiflexion_left_degrees", "75", "ankle dorsiflexion in degrees, from -30"),
        ("ankle_brachial_index", "3.5", "ankle-brachial index lies between 0.2 and 2.0"),
        ("pain_now", "11", "Rate the pain now from 0 to 10."),
        ("leg_length_difference_mm", "250", "leg-length difference in millimetres"),
        ("glute_max_left", "four", "Enter a whole number."),
        ("pelvic_tilt", "sideways", "Select a valid choice"),
        ("seg-L5_stiffness", "rigid", "Select a valid choice"),
    ],
)
def test_out_of_range_values_are_refused_next_to_the_field_and_nothing_is_lost(
    practitioner_client, patient, field, value, message
):
    response = practitioner_client.post(
        reverse("exam_new", args=[patient.pk]),
        exam_post(**{field: value, "neuro_notes": "Slump <b>mildly</b> positive"}),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert Exam.objects.count() == 0
    # What was typed comes back, the notes escaped, the rest of the grid as it was.
    assert "Slump &lt;b&gt;mildly&lt;/b&gt; positive" in page
    assert 'name="glute_med_right" value="5"' in page or field == "glute_med_right"
    if not field.startswith("seg-"):
        assert f'id="error_1_id_{field}"' in page  # the message sits under its own field
    if field not in ("pelvic_tilt", "seg-L5_stiffness"):  # a bad choice cannot be shown
        assert f'value="{value}"' in page


def test_a_leg_length_type_without_a_difference_is_refused(practitioner_client, patient):
    response = practitioner_client.post(
        reverse("exam_new", args=[patient.pk]), exam_post(leg_length_type="true")
    )
    assert "Enter the leg-length difference in millimetres, or clear its type." in (
        response.content.decode()
    )
    assert Exam.objects.count() == 0


def test_user_text_is_escaped_on_the_exam_page(practitioner_client, patient, practitioner):
    exam = ExamFactory(
        patient=patient,
        practitioner=practitioner,
        cramp_reproduced_where="<script>alert(1)</script>",
        posture_notes="<img src=x onerror=alert(1)>",
    )
    page = practitioner_client.get(reverse("exam_detail", args=[patient.pk, exam.pk]))
    content = page.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<img src=x" not in content


def test_a_correction_of_an_untested_reflex_reads_not_tested_to_reduced_by_question(
    practitioner_client, finished_exam
):
    correct = reverse("exam_correct", args=[finished_exam.patient_id, finished_exam.pk])
    response = practitioner_client.post(
        correct,
        exam_post(version="1", reflex_ankle_left="reduced", reason="Tested it after all"),
    )
    assert response.status_code == 302
    assert ExamCorrection.objects.get().changes["reflex_ankle_left"] == [None, "reduced"]
    page = practitioner_client.get(response["Location"]).content.decode()
    assert "Ankle reflex, left: Not tested → Reduced" in page
    assert "reflex_ankle_left" not in page


# --- The spinal grid, as the page writes it -------------------------------------------------------


def _grid_row(page, level):
    start = page.index(f'<th scope="row">{level}</th>')
    return page[start : page.index("</tr>", start)]


def test_a_bad_grid_value_is_flagged_on_its_own_select_and_the_rest_of_the_grid_kept(
    practitioner_client, patient
):
    response = practitioner_client.post(
        reverse("exam_new", args=[patient.pk]),
        exam_post(
            **{
                "seg-C1_stiffness": "rigid<b>",
                "seg-L4_stiffness": "moderate",
                "seg-L4_tender": "on",
                "seg-L4_side": "left",
            }
        ),
    )
    page = response.content.decode()
    c1, l4, t6 = (_grid_row(page, level) for level in ("C1", "L4", "T6"))
    # The message sits under C1's stiffness, which names it for screen readers; escaped.
    assert 'aria-describedby="id_seg-C1_stiffness_error" aria-invalid="true"' in c1
    assert 'id="id_seg-C1_stiffness_error"' in c1
    assert "rigid&lt;b&gt; is not one of the available choices" in c1
    assert "<b>" not in c1
    # What was typed elsewhere comes back as it was; nothing else is flagged.
    assert '<option value="moderate" selected>' in l4
    assert 'id="id_seg-L4_tender" name="seg-L4_tender" type="checkbox" checked>' in l4
    assert '<option value="left" selected>' in l4
    assert "aria-invalid" not in l4 + t6
    assert '<option value="none" selected>' in t6
    assert "checked" not in t6
    assert Exam.objects.count() == 0


def test_a_saved_grid_reopens_with_its_findings_and_every_other_level_at_none(
    practitioner_client, patient, practitioner
):
    exam = ExamFactory(
        patient=patient,
        practitioner=practitioner,
        segments=[{"level": "L5", "stiffness": "severe", "tender": True, "side": "right"}],
    )
    page = practitioner_client.get(reverse("exam_edit", args=[patient.pk, exam.pk]))
    page = page.content.decode()
    l5, l4 = _grid_row(page, "L5"), _grid_row(page, "L4")
    assert '<option value="severe" selected>' in l5
    assert 'name="seg-L5_tender" type="checkbox" checked>' in l5
    assert '<option value="right" selected>' in l5
    assert '<option value="none" selected>' in l4
    assert '<option value="central" selected>' in l4
    assert "checked" not in l4
    # Labelled for screen readers, one label per field of each level.
    assert '<label class="visually-hidden" for="id_seg-L5_side">L5 side</label>' in l5


def test_the_grid_labels_follow_each_request_s_language(practitioner_client, patient):
    # The grid's fields are built once per process; their labels are translated when shown.
    url = reverse("exam_new", args=[patient.pk])
    practitioner_client.cookies["django_language"] = "fr"
    french = _grid_row(practitioner_client.get(url).content.decode(), "L5")
    practitioner_client.cookies["django_language"] = "en"
    english = _grid_row(practitioner_client.get(url).content.decode(), "L5")
    assert ">L5\xa0: raideur</label>" in french and "L5 stiffness" not in french
    assert ">L5 stiffness</label>" in english and "raideur" not in english
