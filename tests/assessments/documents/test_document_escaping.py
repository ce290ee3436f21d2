"""User text prints exactly as typed: never as markup, never as a link or a server file."""

import pytest

from assessments.documents import CarePlanDocument, PlanItemBlock, ReferralLetterDocument
from assessments.documents.base import FONT_DIR
from tests.assessments.documents import sample_data
from tests.assessments.documents.pdf_reading import (
    assert_qpdf_accepts,
    body_text,
    full_text,
    image_count,
    link_annotations,
    page_fonts,
    reader,
)

HOSTILE_TEXT = [
    "x <b>bold",
    "S&P 500 & friends < 3 > 2",
    'She said "stop" & it\'s fine',
    "</para> after the paragraph",
    '<a href="javascript:alert(1)">click me</a>',
    '<img src="/etc/passwd"/> and <img src="/etc/passwd">',
    "<font name=Helvetica>Łukasz</font>",
    "&amp; &lt;b&gt; &#60;",
    "<br/><br/> <para> <!-- comment --> <![CDATA[x]]>",
]


def render_plan_with_everywhere(text: str) -> bytes:
    """A plan where the patient's name, an item and the summary all carry the same text."""
    item = PlanItemBlock(
        component="stretching",
        title=text,
        instructions=text,
        dosage=text,
        precautions=(text,),
        is_home_programme=True,
    )
    plan = sample_data.care_plan(
        patient=sample_data.patient(full_name=text),
        summary=text,
        items=(item,),
        goals=(text,),
        precautions=(text,),
        practitioner_name=text,
    )
    return CarePlanDocument(plan).render()


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_markup_in_user_text_prints_as_typed(text, tmp_path):
    pdf = render_plan_with_everywhere(text)

    printed = full_text(pdf)
    # Name, item title, instructions, dosage, item and plan precautions, summary, goal,
    # practitioner (twice), home programme line, running header on later pages.
    assert printed.count(text) >= 8
    assert link_annotations(pdf) == []
    assert image_count(pdf) == 0
    assert_qpdf_accepts(pdf, tmp_path)


def test_a_letter_recipient_with_markup_prints_as_typed():
    letter = sample_data.referral_letter(
        recipient='Dr <b>Martin</b> & "Associates"',
        reasons=('<a href="javascript:alert(1)">thyroid</a>',),
        notes='<img src="/etc/passwd"/>',
    )

    pdf = ReferralLetterDocument(letter).render()

    text = full_text(pdf)
    assert 'Dear Dr <b>Martin</b> & "Associates",' in text
    assert '<a href="javascript:alert(1)">thyroid</a>' in text
    assert '<img src="/etc/passwd"/>' in text
    assert link_annotations(pdf) == []
    assert image_count(pdf) == 0


def test_control_characters_are_dropped_and_the_rest_is_kept():
    name = "Zo\x00ë\x07 Dvo\x1břák\x7f\x85"

    text = full_text(render_plan_with_everywhere(name))

    assert "Zoë Dvořák" in text
    assert not any(ch in text for ch in "\x00\x07\x1b\x7f\x85")


def test_newlines_in_user_text_become_line_breaks():
    plan = sample_data.care_plan(summary="First line\r\nSecond line\rThird line\nFourth line")

    lines = full_text(CarePlanDocument(plan).render()).splitlines()

    for expected in ("First line", "Second line", "Third line", "Fourth line"):
        assert expected in lines


def test_a_very_long_word_wraps_inside_the_page_instead_of_overflowing(tmp_path):
    word = "Ab" * 2500  # 5,000 characters without a space
    plan = sample_data.care_plan(summary=word, patient=sample_data.patient(full_name="Zoë " + word))

    pdf = CarePlanDocument(plan).render()

    # The name is so long that its table row continues on the next page.
    assert body_text(pdf).replace("\n", "").count(word) >= 2
    text = full_text(pdf)
    # Wrapped at the frame's width: no printed line is anywhere near 5,000 characters.
    assert max(len(line) for line in text.splitlines()) < 150
    assert_qpdf_accepts(pdf, tmp_path)


ACCENTED_NAMES = ["Élodie Lefèvre", "Zoë Brontë", "François Côté", "Łukasz Żółć", "Antonín Dvořák"]


@pytest.mark.parametrize("name", ACCENTED_NAMES)
def test_accented_names_print_and_extract_exactly(name):
    plan = sample_data.care_plan(patient=sample_data.patient(full_name=name))

    text = full_text(CarePlanDocument(plan).render())

    assert name in text


def test_every_letter_of_the_accented_names_has_a_glyph_in_the_bundled_font():
    # A letter the font lacks would print as an empty box even though extraction finds it.
    from reportlab.pdfbase.ttfonts import TTFontFile

    for font_file in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        char_map = TTFontFile(str(FONT_DIR / font_file)).charToGlyph
        missing = {ch for name in ACCENTED_NAMES for ch in name if ord(ch) not in char_map}
        assert missing == set(), font_file


def test_every_font_in_the_pdf_is_embedded_dejavu(signed_plan_pdf, doctor_letter_pdf):
    for pdf in (signed_plan_pdf, doctor_letter_pdf):
        for page in reader(pdf).pages:
            fonts = page_fonts(page)
            assert fonts
            for font in fonts:
                base_name = str(font["/BaseFont"]).split("+")[-1]
                assert base_name in {"DejaVuSans", "DejaVuSans-Bold"}
                descriptor = font["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor  # embedded, not left to the reader


def test_the_bundled_fonts_ship_with_their_licence():
    licence = (FONT_DIR / "LICENSE").read_text()

    assert "Bitstream Vera" in licence
    assert "Permission is hereby granted" in licence


def test_a_plan_full_of_hostile_text_still_renders_identically_twice():
    # Escaping must not introduce anything random (ids, timestamps) into the output.
    assert render_plan_with_everywhere(HOSTILE_TEXT[4]) == render_plan_with_everywhere(
        HOSTILE_TEXT[4]
    )
