"""What a patient and a clinician see in a printed care plan."""

import re
from datetime import date

import pytest
from PIL import Image as PILImage

from assessments.documents import CarePlanDocument, PlanItemBlock, content_fingerprint
from assessments.documents.careplan import COMPONENT_HEADINGS
from assessments.documents.data import COMPONENTS
from tests.assessments.documents import sample_data
from tests.assessments.documents.pdf_reading import (
    assert_qpdf_accepts,
    body_text,
    flat,
    full_text,
    image_count,
    pages_text,
    reader,
    rotated_strings,
)


def test_the_plan_names_the_patient_practitioner_and_dates(signed_plan_pdf):
    text = full_text(signed_plan_pdf)

    assert "Riverside Spine & Muscle Clinic" in text
    assert "Montréal QC H2X 3K8" in text
    assert "+1 514 555 0199" in text
    assert "Élodie Lefèvre" in text
    assert "7 March 1984" in text
    assert "RSM-00421" in text
    assert "Dr François Bélanger" in text
    assert "21 November 2026" in text


def test_every_plan_item_is_printed_with_its_instructions_and_dosage(signed_plan, signed_plan_pdf):
    text = flat(full_text(signed_plan_pdf))

    for item in signed_plan.items:
        assert item.title in text
        assert flat(item.instructions) in text
        assert f"How much and how often: {item.dosage}" in text
        for precaution in item.precautions:
            assert precaution in text


def test_components_are_grouped_under_headings_in_the_fixed_clinical_order(signed_plan_pdf):
    text = full_text(signed_plan_pdf)

    positions = [text.index(str(COMPONENT_HEADINGS[c])) for c in COMPONENTS]
    assert positions == sorted(positions)
    # The sample gives "Sleeping position" (care at home) first; it must print last.
    assert text.index("Lumbar mobilisation") < text.index("Sleeping position")


def test_every_component_has_a_heading():
    assert tuple(COMPONENT_HEADINGS) == COMPONENTS


def test_the_home_programme_lists_only_what_the_patient_does_at_home(signed_plan, signed_plan_pdf):
    text = flat(full_text(signed_plan_pdf))
    home_section = text[text.index("Your home programme") : text.index("Goals")]

    for item in signed_plan.items:
        if item.is_home_programme:
            assert f"{item.title}: {item.dosage}" in home_section
        else:
            assert item.title not in home_section


def test_goals_visits_review_date_and_precautions_are_printed(signed_plan, signed_plan_pdf):
    text = flat(full_text(signed_plan_pdf))

    for goal in signed_plan.goals:
        assert goal in text
    assert "Visits: Once a week for 6 weeks" in text
    assert "Review date: 9 January 2027" in text
    for precaution in signed_plan.precautions:
        assert precaution in text


def test_every_page_footer_shows_page_version_signature_and_fingerprint(
    signed_plan, signed_plan_pdf
):
    pages = pages_text(signed_plan_pdf)
    fingerprint = content_fingerprint(signed_plan)

    assert len(pages) >= 2
    assert re.fullmatch("[0-9a-f]{12}", fingerprint)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Version 3" in page
        assert "Signed 21 November 2026" in page
        assert f"Fingerprint {fingerprint}" in page


def test_later_pages_repeat_who_the_plan_is_for(signed_plan_pdf):
    for page in pages_text(signed_plan_pdf)[1:]:
        assert "Care plan — Élodie Lefèvre — RSM-00421" in page


def test_a_signed_plan_shows_its_signature_and_no_draft_mark(signed_plan_pdf):
    text = flat(full_text(signed_plan_pdf))

    assert "Practitioner: Dr François Bélanger" in text
    assert "Status: Signed 21 November 2026" in text
    assert "DRAFT" not in text
    assert "draft" not in text
    assert all(rotated_strings(page) == [] for page in reader(signed_plan_pdf).pages)


def test_the_signed_date_is_the_clinic_local_day():
    # 02:30 UTC on 22 November is still 21 November in Toronto, where the clinic signs.
    from datetime import UTC, datetime

    plan = sample_data.care_plan(signed_at=datetime(2026, 11, 22, 2, 30, tzinfo=UTC))

    text = full_text(CarePlanDocument(plan).render())

    assert "Signed 21 November 2026" in text


def test_a_draft_has_a_diagonal_watermark_and_draft_footer_on_every_page(draft_plan_pdf):
    pdf = reader(draft_plan_pdf)

    assert len(pdf.pages) >= 2
    for page in pdf.pages:
        assert rotated_strings(page) == ["DRAFT"]
        footer = page.extract_text().splitlines()
        assert any("Version 3  ·  DRAFT  ·  Fingerprint" in line for line in footer)
    assert "Status: Not signed — draft" in flat(full_text(draft_plan_pdf))
    assert "Signed 21 November" not in full_text(draft_plan_pdf)


def test_a_long_plan_flows_over_pages_without_losing_or_cutting_an_item():
    plan = sample_data.long_care_plan(60)

    pages = pages_text(CarePlanDocument(plan).render())

    assert len(pages) >= 5
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    for item in plan.items:
        # Once in the plan, and once more in the home programme for home items.
        expected = 2 if item.is_home_programme else 1
        assert sum(page.count(item.title) for page in pages) == expected, item.title
        # Short items are kept together: title and dosage land on the same page.
        assert any(
            item.title in page and f"How much and how often: {item.dosage}" in page
            for page in pages
        ), item.title


def test_no_heading_is_left_alone_at_the_foot_of_a_page():
    headings = {str(heading) for heading in COMPONENT_HEADINGS.values()}
    headings |= {"Your treatment plan", "Your home programme", "Goals", "Please take care"}
    # A summary one line longer each time walks every heading down the page, so some heading
    # reaches the foot of page 1 in one of these plans.
    for line_count in range(20, 56):
        summary = "\n".join(f"Summary line {n}" for n in range(line_count))
        pages = pages_text(CarePlanDocument(sample_data.care_plan(summary=summary)).render())

        for page in pages[:-1]:
            body = [line for line in page.splitlines() if "Fingerprint" not in line]
            last_line = body[-2]  # the line above "Page X of Y"
            assert last_line not in headings, (line_count, last_line)


def test_an_item_longer_than_a_page_splits_over_pages_instead_of_failing():
    sentences = [f"Step {n:03d} of the long instructions." for n in range(300)]
    long_item = PlanItemBlock(
        component="stretching",
        title="Very long routine",
        instructions=" ".join(sentences),
        dosage="Once a day",
    )
    plan = sample_data.care_plan(items=(long_item,))

    pdf = CarePlanDocument(plan).render()

    text = flat(body_text(pdf))
    missing = [sentence for sentence in sentences if sentence not in text]
    assert missing == []
    assert len(pages_text(pdf)) >= 3


def test_a_plan_without_items_or_extras_still_prints():
    plan = sample_data.draft_care_plan(items=(), goals=(), precautions=(), summary="")

    text = full_text(CarePlanDocument(plan).render())

    assert "No treatment has been planned yet." in text
    assert "Your home programme" not in text


def test_the_same_data_gives_byte_identical_pdfs(signed_plan, signed_plan_pdf):
    assert CarePlanDocument(signed_plan).render() == signed_plan_pdf


def test_different_data_gives_a_different_fingerprint_in_the_footer(signed_plan):
    amended = sample_data.replace(signed_plan, version=4, goals=("Walk 5 km without cramps",))

    text = full_text(CarePlanDocument(amended).render())

    assert content_fingerprint(amended) != content_fingerprint(signed_plan)
    assert f"Fingerprint {content_fingerprint(amended)}" in text
    assert "Version 4" in text


@pytest.mark.parametrize("fixture_name", ["signed_plan_pdf", "draft_plan_pdf"])
def test_qpdf_finds_no_errors_in_the_plan(fixture_name, request, tmp_path):
    assert_qpdf_accepts(request.getfixturevalue(fixture_name), tmp_path)


def test_the_plan_prints_dates_in_the_patients_language():
    plan = sample_data.care_plan(language="fr")

    text = full_text(CarePlanDocument(plan).render())

    assert "21 novembre 2026" in text
    assert "7 mars 1984" in text
    assert "21 November 2026" not in text


def test_the_clinic_logo_is_printed_in_the_letterhead(tmp_path):
    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (300, 120), (20, 90, 160)).save(logo)
    plan = sample_data.care_plan(letterhead=sample_data.letterhead(logo_path=str(logo)))

    pdf = CarePlanDocument(plan).render()

    assert image_count(pdf) == 1
    assert "Riverside Spine & Muscle Clinic" in full_text(pdf)


def test_a_missing_logo_file_does_not_stop_the_plan_printing(tmp_path, caplog):
    missing = tmp_path / "gone.png"
    plan = sample_data.care_plan(letterhead=sample_data.letterhead(logo_path=str(missing)))

    pdf = CarePlanDocument(plan).render()

    assert image_count(pdf) == 0
    assert "Élodie Lefèvre" in full_text(pdf)
    assert "could not be read" in caplog.text


def test_plan_data_refuses_an_unknown_component_or_language():
    with pytest.raises(ValueError, match="component"):
        PlanItemBlock("acupuncture", "Needles", "", "", (), False)
    with pytest.raises(ValueError, match="language"):
        sample_data.care_plan(language="de")


def test_the_fingerprint_is_the_same_for_the_same_instant_in_any_time_zone(signed_plan):
    from zoneinfo import ZoneInfo

    in_toronto = signed_plan.signed_at.astimezone(ZoneInfo("America/Toronto"))

    assert content_fingerprint(
        sample_data.replace(signed_plan, signed_at=in_toronto)
    ) == content_fingerprint(signed_plan)
    assert content_fingerprint(
        sample_data.replace(signed_plan, plan_date=date(2026, 11, 22))
    ) != content_fingerprint(signed_plan)
