"""Outcome measures scored through the forms, with the published worked examples."""

import pytest
from django.urls import reverse

from assessments.models import OutcomeMeasure
from assessments.outcomes import LEFS, ODI
from tests.factories import ExamFactory

pytestmark = pytest.mark.django_db

ODI_KEYS = [item.key for item in ODI.items]


def url(patient, code, exam=None):
    address = reverse("outcome_new", args=[patient.pk, code])
    return f"{address}?exam={exam.pk}" if exam else address


def odi_post(values):
    """values: one per section in printed order; None leaves the section blank."""
    return {
        key: str(value) for key, value in zip(ODI_KEYS, values, strict=True) if value is not None
    }


def test_odi_all_sections_answered_scores_total_over_50(practitioner_client, patient):
    # Fairbank & Pynsent 2000: 16 (total scored) / 50 x 100 = 32%.
    response = practitioner_client.post(
        url(patient, "ODI"), odi_post([2, 2, 2, 2, 2, 2, 2, 1, 1, 0])
    )

    measure = OutcomeMeasure.objects.get()
    assert response.status_code == 302
    assert measure.score == pytest.approx(32.0)
    assert measure.answers["walking"] == 2
    assert measure.score_display == "32%"


def test_odi_with_one_section_unanswered_scores_over_45(practitioner_client, patient):
    # Fairbank & Pynsent 2000: one section missed, 16 / 45 x 100 = 35.5%.
    answers = [2, 2, 2, 2, 2, 2, 2, None, 2, 0]
    response = practitioner_client.post(url(patient, "ODI"), odi_post(answers), follow=True)

    measure = OutcomeMeasure.objects.get()
    assert measure.score == pytest.approx(16 / 45 * 100)
    assert measure.answers["sex_life"] is None  # the blank is kept as given
    assert "35.6%" in response.content.decode()


def test_odi_with_two_sections_unanswered_is_refused_next_to_the_first_and_keeps_the_answers(
    practitioner_client, patient
):
    answers = [3, 2, None, 2, 2, 2, 2, None, 1, 0]
    response = practitioner_client.post(url(patient, "ODI"), odi_post(answers))

    page = response.content.decode()
    assert response.status_code == 200
    assert OutcomeMeasure.objects.count() == 0
    assert "at most 1 unanswered section; 2 sections are unanswered" in page
    assert 'id="error_1_id_lifting"' in page
    assert 'name="pain_intensity" value="3"' in page and "checked" in page
    assert page.count("checked") == 8


def test_an_odi_answer_out_of_range_is_refused(practitioner_client, patient):
    response = practitioner_client.post(
        url(patient, "ODI"), odi_post([6, 2, 2, 2, 2, 2, 2, 1, 1, 0])
    )
    assert "Select a valid choice" in response.content.decode()
    assert OutcomeMeasure.objects.count() == 0


def test_lefs_totals_twenty_items_out_of_80(practitioner_client, patient):
    data = {item.key: "3" for item in LEFS.items}
    data["item_1"] = "0"
    practitioner_client.post(url(patient, "LEFS"), data)

    measure = OutcomeMeasure.objects.get()
    assert measure.score == 57
    assert measure.score_display == "57 / 80"


def test_lefs_with_an_item_unanswered_is_refused_next_to_it(practitioner_client, patient):
    data = {item.key: "3" for item in LEFS.items if item.key != "item_7"}
    response = practitioner_client.post(url(patient, "LEFS"), data)

    page = response.content.decode()
    assert "Every activity of the Lower Extremity Functional Scale must be answered" in page
    assert 'id="error_1_id_item_7"' in page
    assert OutcomeMeasure.objects.count() == 0


@pytest.mark.parametrize(
    "typed, message",
    [
        ("11", "Enter a whole number from 0 to 10."),
        ("-1", "Enter a whole number from 0 to 10."),
        ("", "Enter the pain rating from 0 to 10."),
        ("seven", "Enter a whole number."),
    ],
)
def test_nprs_out_of_range_is_refused(practitioner_client, patient, typed, message):
    response = practitioner_client.post(url(patient, "NPRS"), {"pain_now": typed})
    assert message in response.content.decode()
    assert OutcomeMeasure.objects.count() == 0


def test_nprs_records_the_rating(practitioner_client, patient):
    practitioner_client.post(url(patient, "NPRS"), {"pain_now": "7"})
    assert OutcomeMeasure.objects.get().score == 7


def test_psfs_scores_the_mean_of_the_rated_activities(practitioner_client, patient):
    data = {
        "activity_1_name": "Climbing stairs",
        "activity_1_score": "4",
        "activity_2_name": "Walking the dog",
        "activity_2_score": "6",
        "activity_4_name": "Gardening",
        "activity_4_score": "8",
    }
    practitioner_client.post(url(patient, "PSFS"), data)

    measure = OutcomeMeasure.objects.get()
    assert measure.score == pytest.approx(6.0)
    assert [row["name"] for row in measure.answers["activities"]] == [
        "Climbing stairs",
        "Walking the dog",
        "Gardening",
    ]


def test_psfs_activity_without_a_rating_is_refused_on_its_row(practitioner_client, patient):
    data = {
        "activity_1_name": "Stairs",
        "activity_1_score": "4",
        "activity_2_name": "Kneeling <b>",
        "activity_3_name": "Running",
        "activity_3_score": "2",
    }
    response = practitioner_client.post(url(patient, "PSFS"), data)

    page = response.content.decode()
    assert "Rate this activity from 0 to 10." in page
    assert 'id="error_1_id_activity_2_score"' in page
    assert 'value="Kneeling &lt;b&gt;"' in page


def test_psfs_with_fewer_than_three_activities_is_refused_on_top(practitioner_client, patient):
    data = {"activity_1_name": "Stairs", "activity_1_score": "4"}
    response = practitioner_client.post(url(patient, "PSFS"), data)
    assert "Rate between 3 and 5 activities; 1 were rated." in response.content.decode()


def test_a_questionnaire_recorded_with_an_exam_is_linked_and_shown_there(
    practitioner_client, practitioner, patient
):
    exam = ExamFactory(patient=patient, practitioner=practitioner)
    response = practitioner_client.post(
        url(patient, "NPRS", exam), {"pain_now": "5", "exam": exam.pk}
    )

    measure = OutcomeMeasure.objects.get()
    assert measure.exam == exam
    assert measure.recorded_by == practitioner
    assert measure.source == "practitioner"
    assert response["Location"] == reverse("exam_detail", args=[patient.pk, exam.pk])
    page = practitioner_client.get(response["Location"]).content.decode()
    assert "Numeric Pain Rating Scale: <strong>5/10</strong>" in page


def test_the_form_shows_the_published_questions(practitioner_client, patient):
    page = practitioner_client.get(url(patient, "ODI")).content.decode()
    assert "Oswestry Disability Index" in page
    assert "I can lift heavy weights without extra pain" in page
