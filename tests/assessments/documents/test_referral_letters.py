"""What a doctor or a dietitian reads in a referral letter."""

import pytest

from assessments.documents import ReferralLetterDocument, content_fingerprint
from tests.assessments.documents import sample_data
from tests.assessments.documents.pdf_reading import (
    assert_qpdf_accepts,
    flat,
    full_text,
    pages_text,
    reader,
    rotated_strings,
)


def test_the_doctor_letter_is_addressed_dated_and_says_why(doctor_letter, doctor_letter_pdf):
    text = flat(full_text(doctor_letter_pdf))

    assert "To: Dr Martin" in text
    assert "Dear Dr Martin," in text
    assert "21 November 2026" in text
    assert "Referral for a medical review" in text
    assert "Élodie Lefèvre" in text
    assert "7 March 1984" in text
    assert "RSM-00421" in text
    assert "Reasons for referral" in text
    for reason in doctor_letter.reasons:
        assert reason in text
    assert "Night cramps in both calves for 4 months." in text


def test_the_doctor_letter_says_the_patient_will_not_stop_medicines_alone(doctor_letter_pdf):
    text = flat(full_text(doctor_letter_pdf))

    assert "not to stop or change any prescribed medicine without speaking to you first" in text


def test_the_letter_is_signed_by_the_practitioner_for_the_clinic(doctor_letter_pdf):
    lines = full_text(doctor_letter_pdf).splitlines()

    closing = lines.index("Yours sincerely,")
    assert lines[closing + 1] == "Dr François Bélanger"
    assert lines[closing + 2] == "Riverside Spine & Muscle Clinic"


def test_the_nutrition_letter_goes_to_the_dietitian_with_its_reasons(nutrition_letter_pdf):
    text = flat(full_text(nutrition_letter_pdf))

    assert "Dear Dietitian," in text
    assert "Referral for a nutrition assessment" in text
    assert "Drinks under 1 litre of water a day" in text
    assert "Pregnant, 28 weeks: calcium and magnesium intake" in text
    assert "Dr François Bélanger" in text
    assert "medical review" not in text
    assert "Notes" not in text  # no empty notes heading


def test_the_letter_footer_shows_page_count_and_fingerprint(doctor_letter, doctor_letter_pdf):
    pages = pages_text(doctor_letter_pdf)

    assert len(pages) == 1
    assert "Page 1 of 1" in pages[0]
    assert f"Fingerprint {content_fingerprint(doctor_letter)}" in pages[0]


def test_a_letter_has_no_draft_watermark(doctor_letter_pdf):
    assert "DRAFT" not in full_text(doctor_letter_pdf)
    assert rotated_strings(reader(doctor_letter_pdf).pages[0]) == []


def test_a_letter_with_many_reasons_continues_on_a_numbered_second_page():
    reasons = tuple(f"Reason number {n} for the referral" for n in range(80))
    letter = sample_data.referral_letter(reasons=reasons)

    pages = pages_text(ReferralLetterDocument(letter).render())

    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    text = "\n".join(pages)
    assert all(text.count(reason + "\n") == 1 for reason in reasons)


def test_the_same_letter_gives_byte_identical_pdfs(doctor_letter, doctor_letter_pdf):
    assert ReferralLetterDocument(doctor_letter).render() == doctor_letter_pdf


def test_a_nutrition_and_a_doctor_letter_have_different_fingerprints(doctor_letter):
    nutrition = sample_data.replace(doctor_letter, kind="nutrition")

    assert content_fingerprint(nutrition) != content_fingerprint(doctor_letter)


def test_the_letter_prints_its_date_in_the_patients_language():
    letter = sample_data.referral_letter(language="fr")

    text = full_text(ReferralLetterDocument(letter).render())

    assert "21 novembre 2026" in text


def test_letter_data_refuses_an_unknown_kind():
    with pytest.raises(ValueError, match="kind"):
        sample_data.referral_letter(kind="surgeon")


@pytest.mark.parametrize("fixture_name", ["doctor_letter_pdf", "nutrition_letter_pdf"])
def test_qpdf_finds_no_errors_in_the_letter(fixture_name, request, tmp_path):
    assert_qpdf_accepts(request.getfixturevalue(fixture_name), tmp_path)
