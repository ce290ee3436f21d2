"""The intake fits the patient: the pregnancy section by sex and age, yes / no / not asked for
the medical history, any number of medications, staff and patient wording, required marks."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from intake.models import Intake
from intake.questionnaire import REQUIRED_ON_SUBMIT, pregnancy_section_applies
from intake.self_intake.services import self_intake_link_issue
from tests.factories import IntakeFactory, PatientFactory
from tests.intake.builders import complete_answers

pytestmark = pytest.mark.django_db


def _years_ago(years):
    today = timezone.localdate()
    return date(today.year - years, 1, 1)


@pytest.mark.parametrize(
    ("sex", "age", "asked"),
    [
        ("female", 34, True),
        ("female", 9, False),
        ("female", 72, False),
        ("male", 34, False),
        ("intersex", 30, True),
        ("undisclosed", 40, True),
        ("female", None, True),
    ],
)
def test_the_pregnancy_section_applies_by_sex_and_age_or_when_unsure(sex, age, asked):
    assert pregnancy_section_applies(sex=sex, age_years=age) is asked


def _new_intake_page(client, patient):
    return client.get(reverse("intake_new", args=[patient.pk])).content.decode()


def test_a_man_is_not_asked_about_pregnancy(front_desk_client):
    page = _new_intake_page(front_desk_client, PatientFactory(sex="male"))

    assert 'name="pregnant"' not in page
    assert "Weeks of pregnancy" not in page
    assert "Breastfeeding now" not in page


def test_a_woman_of_72_is_not_asked_but_a_woman_of_30_is(front_desk_client):
    older = PatientFactory(sex="female", date_of_birth=_years_ago(72))
    younger = PatientFactory(sex="female", date_of_birth=_years_ago(30))

    assert 'name="pregnant"' not in _new_intake_page(front_desk_client, older)
    assert 'name="pregnant"' in _new_intake_page(front_desk_client, younger)


def test_a_patient_who_did_not_disclose_their_sex_is_asked(front_desk_client):
    page = _new_intake_page(front_desk_client, PatientFactory(sex="undisclosed"))

    assert 'name="pregnant"' in page


def test_a_stored_pregnancy_answer_stays_visible_and_unchanged(front_desk_client, front_desk):
    patient = PatientFactory(sex="male")
    intake = IntakeFactory(patient=patient, created_by=front_desk, pregnant=True)

    page = front_desk_client.get(reverse("intake_edit", args=[patient.pk, intake.pk]))

    assert 'name="pregnant"' in page.content.decode()


def test_hidden_pregnancy_answers_are_left_as_stored_on_save(front_desk_client, front_desk):
    patient = PatientFactory(sex="male")
    intake = IntakeFactory(patient=patient, created_by=front_desk, gestation_weeks=None)
    url = reverse("intake_edit", args=[patient.pk, intake.pk])

    response = front_desk_client.post(
        url,
        {**complete_answers(pregnant="on", gestation_weeks="20"), "save": "", "version": "1"},
    )

    assert response.status_code == 302
    intake.refresh_from_db()
    assert intake.pregnant is False and intake.gestation_weeks is None


def test_history_questions_keep_no_apart_from_not_asked(front_desk_client, patient):
    response = front_desk_client.post(
        reverse("intake_new", args=[patient.pk]),
        complete_answers(diabetes="no", kidney_disease="yes", save=""),
    )

    assert response.status_code == 302
    intake = Intake.objects.get(patient=patient)
    assert intake.diabetes is False
    assert intake.kidney_disease is True
    assert intake.osteoporosis is None  # not asked: never read as "no"
    summary = front_desk_client.get(
        reverse("intake_detail", args=[patient.pk, intake.pk])
    ).content.decode()
    assert "Diabetes" in summary
    assert "Osteoporosis" not in summary


def test_more_than_three_medications_are_kept(front_desk_client, patient):
    rows = {
        f"medications-{index}-name": name
        for index, name in enumerate(
            ["Atorvastatin", "Furosemide", "Niacin", "Evista", "Nifedipine"]
        )
    }
    data = complete_answers(**rows, save="")
    data["medications-TOTAL_FORMS"] = "5"

    response = front_desk_client.post(reverse("intake_new", args=[patient.pk]), data)

    assert response.status_code == 302
    intake = Intake.objects.get(patient=patient)
    assert list(intake.medications.values_list("name", flat=True)) == list(rows.values())


def test_the_form_offers_an_add_a_medication_button_and_its_script(front_desk_client, patient):
    page = _new_intake_page(front_desk_client, patient)

    assert "Add a medication" in page
    assert "intake/medications.js" in page
    assert "__prefix__" in page  # the empty line the button copies


def test_the_staff_form_asks_about_the_patient_and_the_link_asks_the_patient(
    front_desk_client, front_desk, patient
):
    staff_page = _new_intake_page(front_desk_client, patient)
    _link, token = self_intake_link_issue(patient=patient, by=front_desk)
    patient_page = Client().get(reverse("self_intake", args=[token])).content.decode()

    assert "What brings the patient in?" in staff_page
    assert "What brings you in?" not in staff_page
    assert "What brings you in?" in patient_page
    assert "What brings the patient in?" not in patient_page


def test_each_audience_and_language_gets_its_own_section_titles_page_after_page(
    front_desk_client, front_desk, patient
):
    # The questionnaire's layout is built once per audience and shared between requests: the
    # staff form, the patient's link and a French page must not take each other's titles.
    man = PatientFactory(sex="male")
    _link, token = self_intake_link_issue(patient=patient, by=front_desk)
    pages = [
        _new_intake_page(front_desk_client, patient),
        Client().get(reverse("self_intake", args=[token])).content.decode(),
        _new_intake_page(front_desk_client, man),
        Client().get(reverse("self_intake", args=[token]) + "?lang=fr").content.decode(),
        _new_intake_page(front_desk_client, patient),
    ]
    staff, link, staff_for_a_man, link_in_french, staff_again = pages

    assert "The complaint" in staff and "Your complaint" not in staff
    assert "Your complaint" in link and "The complaint" not in link
    assert 'name="pregnant"' in staff and 'name="pregnant"' not in staff_for_a_man
    assert (
        "Votre motif de consultation" in link_in_french and "Your complaint" not in link_in_french
    )
    assert staff_again.count("required-to-submit") == len(REQUIRED_ON_SUBMIT)
    assert staff_again.count("<fieldset") == staff.count("<fieldset")


def test_every_required_question_is_marked_before_submit(front_desk_client, patient):
    page = _new_intake_page(front_desk_client, patient)

    assert page.count("required-to-submit") == len(REQUIRED_ON_SUBMIT)
    assert 'data-testid="required-note"' in page
    assert page.count('aria-required="true"') >= len(REQUIRED_ON_SUBMIT)


def test_the_marks_do_not_pile_up_from_one_page_to_the_next(front_desk_client, patient):
    _new_intake_page(front_desk_client, patient)

    page = _new_intake_page(front_desk_client, patient)

    assert page.count("required-to-submit") == len(REQUIRED_ON_SUBMIT)
