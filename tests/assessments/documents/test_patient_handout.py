"""Issue 18: the patient handout printed from the whole example cases, read back as a patient
(and a checker) would: plain words only, one picture per home exercise, two pages at most."""

import io

import pypdf
import pytest
from django.test import override_settings
from django.utils import translation

from assessments.documents.handout import HandoutDocument
from assessments.documents.handout_plans import handout_data, render_handout
from assessments.reasoning.handout import EXERCISES
from clinic.models import ClinicProfile, PageSize, default_page_size
from tests.assessments.documents.handout_cases import (
    CASE_NAMES,
    CLINICIAN_ONLY,
    SEED_NAME,
    SPINAL_LEVEL,
    case_plan,
    figure_forms_per_page,
)
from tests.assessments.documents.pdf_reading import flat, full_text, pages_text

pytestmark = pytest.mark.django_db


def _assert_plain(text, assessment):
    lowered = text.lower()
    for phrase in CLINICIAN_ONLY:
        assert phrase.lower() not in lowered, phrase
    for rule_id in assessment.rule_ids:
        assert rule_id not in text, rule_id
    assert not SEED_NAME.search(text)
    assert not SPINAL_LEVEL.search(text), SPINAL_LEVEL.search(text)


@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_example_case_prints_a_plain_handout_with_one_picture_per_exercise(name, practitioner):
    plan, assessment = case_plan(name, by=practitioner)
    data = handout_data(plan)
    document = HandoutDocument(data)
    pdf = document.render()
    text = flat(full_text(pdf))

    _assert_plain(text, assessment)
    assert len(pages_text(pdf)) <= 2
    if len(pages_text(pdf)) == 2:  # no near-empty last page
        assert document._last_page_fill() >= 0.3
    forms = figure_forms_per_page(pdf)
    assert sum(len(page) for page in forms) == len(data.exercises)
    # Each picture is its exercise's: the form names carry the exercise keys, in order.
    printed = [name.split("_", 1)[1] for page in forms for name in page]
    assert sorted(printed) == sorted(exercise.key for exercise in data.exercises)
    for exercise in data.exercises:
        assert flat(exercise.title) in text
    # In-clinic work is never in the home programme.
    home = text.split("Your exercises at home", 1)[-1]
    for clinic_word in ("massage", "mobilisation", "Posture exercises with us"):
        assert clinic_word not in home


def test_a_typical_plan_is_two_pages_with_no_near_empty_last_page(practitioner):
    plan, _assessment = case_plan("lumbar_stenosis_weak_glutes", by=practitioner)
    document = HandoutDocument(handout_data(plan))
    pdf = document.render()

    assert len(pages_text(pdf)) == 2
    assert document._last_page_fill() >= 0.3
    text = flat(full_text(pdf))
    # Eight exercises for this plan: glutes (three), core (two), a stretch, hamstrings, sitting.
    for title in ("Bridge", "Clamshell", "Side-lying leg lift", "Plank", "Curl-up", "Sitting well"):
        assert title in text
    assert "3 sets of 10 repetitions; every other day: rest on the days between" in text
    assert "Practitioner:" in text and "Patient:" in text


def test_the_handout_says_what_we_found_what_we_do_here_and_the_precautions_in_plain_words(
    practitioner,
):
    plan, _assessment = case_plan("statin_and_diuretic", by=practitioner)
    text = flat(full_text(render_handout(plan)))

    assert "What we found" in text
    assert "One of your medicines can cause cramps in some people." in text
    assert "We will ask your doctor whether one of your medicines adds to the cramps." in text
    assert "Do not stop any medicine your doctor prescribed without asking them first." in text
    # The practitioner's version of that advice stays on the care plan.
    assert "must never stop" not in text
    assert "3 times, hold 20-30 seconds, left side only; every night before bed" in text


def test_a_french_speaking_patient_gets_the_handout_in_french(practitioner):
    plan, assessment = case_plan("lumbar_stenosis_weak_glutes", by=practitioner, language="fr")
    pdf = render_handout(plan)
    text = flat(full_text(pdf))

    assert "Vos exercices à la maison" in text
    assert "Pont" in text and "Ce que nous avons trouvé" in text
    for english in ("Your exercises at home", "Bridge", "What we found", "Tick", "every other"):
        assert english not in text
    _assert_plain(text, assessment)
    assert len(pages_text(pdf)) <= 2


def test_a_hostile_patient_name_prints_as_typed(practitioner):
    hostile = '<img src="/etc/passwd"/> & <b>Bold'
    plan, _assessment = case_plan("healthy_control_occasional_cramps", by=practitioner)
    plan.patient.last_name = hostile
    plan.patient.save()
    plan.refresh_from_db()

    pdf = render_handout(plan)
    text = flat(full_text(pdf))
    assert hostile in text
    assert sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages) == 0


def test_the_page_size_comes_from_the_clinic_profile(practitioner):
    plan, _assessment = case_plan("healthy_control_occasional_cramps", by=practitioner)
    ClinicProfile.objects.create(name="Clinique du Parc", page_size=PageSize.A4)
    a4 = pypdf.PdfReader(io.BytesIO(render_handout(plan))).pages[0].mediabox
    ClinicProfile.objects.update(page_size=PageSize.LETTER)
    letter = pypdf.PdfReader(io.BytesIO(render_handout(plan))).pages[0].mediabox

    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert "Clinique du Parc" in full_text(render_handout(plan))


def test_the_default_paper_follows_the_clinics_region():
    with override_settings(PHONENUMBER_DEFAULT_REGION="CA"):
        assert default_page_size() == PageSize.LETTER
    with override_settings(PHONENUMBER_DEFAULT_REGION="FR"):
        assert default_page_size() == PageSize.A4
    with override_settings(PHONENUMBER_DEFAULT_REGION=""):
        assert default_page_size() == PageSize.A4


def test_every_exercise_is_translated_into_french():
    with translation.override("fr"):
        for exercise in EXERCISES:
            for text in (exercise.title, *exercise.steps, exercise.feel, exercise.stop):
                assert text.render(translation.gettext) != text.msgid, text.msgid


def test_a_practitioners_own_home_item_prints_as_typed_without_a_drawing(practitioner):
    from assessments.plans import services

    plan, _assessment = case_plan("healthy_control_occasional_cramps", by=practitioner)
    hostile = 'Towel <b>stretch</b> & <img src="/etc/passwd"/>'
    services.plan_item_add(
        plan=plan,
        data={
            "component": "home_care",
            "title": hostile,
            "instructions": "Sit <i>tall</i> & pull",
            "dosage": "Twice a day",
        },
        expected_version=plan.version,
        by=practitioner,
    )
    plan.refresh_from_db()
    data = handout_data(plan)
    pdf = render_handout(plan)
    text = flat(full_text(pdf))

    assert hostile in text and "Sit <i>tall</i> & pull" in text and "Twice a day" in text
    drawn = sum(1 for exercise in data.exercises if exercise.figure)
    assert sum(len(page) for page in figure_forms_per_page(pdf)) == drawn
    assert sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages) == 0
