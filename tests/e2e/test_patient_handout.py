"""Issue 18 in the browser: a practitioner attaches a photo to an exercise, signs the plan and
downloads the patient handout; PNG previews of it (and of every drawing) are written under
test-artifacts/ for a person to look at."""

import re
import shutil
import subprocess

import pytest

from assessments.documents.handout import HandoutDocument
from assessments.documents.handout_plans import handout_data
from assessments.models import PlanHandoutDocument, PlanItemPhoto
from assessments.reasoning.handout import EXERCISES
from tests.assessments.documents.handout_cases import case_plan, figure_forms_per_page, png_bytes
from tests.assessments.documents.pdf_reading import flat, full_text, pages_text
from tests.builders import answer_precautions
from tests.e2e.conftest import ARTIFACTS, sign_in
from tests.factories import TEST_PASSWORD, practitioner_user


def previews(pdf, name):
    """PNG pages of a PDF under test-artifacts/, through poppler's pdftoppm."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail("pdftoppm is required (apt-get install poppler-utils)")
    ARTIFACTS.mkdir(exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run([pdftoppm, "-r", "80", "-png", str(source), str(ARTIFACTS / name)], check=True)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


def test_practitioner_attaches_a_photo_signs_and_downloads_the_patient_handout(
    page, screenshot, tmp_path, transactional_db
):
    practitioner = practitioner_user(username="prac")
    plan, _assessment = case_plan(
        "lumbar_stenosis_weak_glutes", by=practitioner, first_name="Zoé", last_name="Ouellet"
    )
    plan = answer_precautions(plan, practitioner)
    photo = tmp_path / "my-bridge.png"
    photo.write_bytes(png_bytes(size=(400, 300)))
    sign_in(page, "prac", TEST_PASSWORD)

    page.goto(f"/patients/{plan.patient_id}/plans/{plan.pk}/")
    page.get_by_role("link", name="Photo for Gluteal strengthening").click()
    assert page.get_by_test_id("photo-state").inner_text() == "This item shows the drawing."
    page.get_by_label("Photo of the exercise").set_input_files(str(photo))
    page.get_by_role("button", name="Save photo").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/$"))
    # Reopen what was saved, and save it again with another photo: it replaces the first.
    page.get_by_role("link", name="Photo for Gluteal strengthening").click()
    assert page.get_by_test_id("photo-state").inner_text() == "This item has your photo."
    photo.write_bytes(png_bytes(size=(300, 300)))
    page.get_by_label("Photo of the exercise").set_input_files(str(photo))
    page.get_by_role("button", name="Save photo").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/$"))
    stored = PlanItemPhoto.objects.get()
    assert (stored.width, stored.height) == (300, 300)

    page.get_by_role("button", name="Sign plan").click()
    page.wait_for_url(re.compile(r"/patients/\d+/plans/\d+/$"))
    assert page.get_by_test_id("plan-status").inner_text() == "Signed"
    screenshot(page, "practitioner-plan-with-handout-link")
    # The link opens the PDF in Chromium's viewer; the same URL, fetched in the same session,
    # gives the bytes to check.
    page.get_by_test_id("handout-pdf").click()
    page.wait_for_url(re.compile(r"/handout\.pdf$"))
    response = page.request.get(page.url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    pdf = response.body()
    assert pdf == bytes(PlanHandoutDocument.objects.get(plan=plan).pdf)
    text = flat(full_text(pdf))
    assert "Zoé Ouellet" in text and "Your exercises at home" in text
    assert len(pages_text(pdf)) <= 2
    forms = [name for page_forms in figure_forms_per_page(pdf) for name in page_forms]
    assert len(forms) == 8  # eight exercises, the bridge shown by the photo
    assert previews(pdf, "handout-signed")


def test_every_drawing_is_printed_once_for_review(transactional_db):
    """A handout holding every home exercise, written as PNG pages for a person to review."""
    practitioner = practitioner_user(username="prac")
    plan, _assessment = case_plan("healthy_control_occasional_cramps", by=practitioner)
    data = handout_data(plan)
    template = data.exercises[0]
    everything = tuple(
        type(template)(
            key=exercise.key,
            title=str(exercise.title),
            steps=tuple(str(step) for step in exercise.steps),
            dosage=template.dosage,
            feel=str(exercise.feel),
            stop=str(exercise.stop),
            figure=exercise.figure,
        )
        for exercise in EXERCISES
    )
    pdf = HandoutDocument(type(data)(**{**data.__dict__, "exercises": everything})).render()
    forms = [name for page_forms in figure_forms_per_page(pdf) for name in page_forms]
    assert len(forms) == len(EXERCISES)
    assert len(previews(pdf, "handout-every-drawing")) >= 3
