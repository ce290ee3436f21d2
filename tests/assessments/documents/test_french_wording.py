"""French PDFs read as French letters: a proper salutation, no space-broken colons."""

import pytest

from assessments.documents import ReferralLetterDocument
from assessments.documents.markup import french_spacing
from assessments.documents.plans import referral_letter_data
from assessments.plans import services
from tests.assessments.documents.pdf_reading import full_text
from tests.builders import pregnant_calf_cramps

pytestmark = pytest.mark.django_db


def _letter_text(practitioner, language):
    intake, exam = pregnant_calf_cramps(
        red_flag_saddle_numbness=True, patient__preferred_language=language
    )
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    referral = plan.assessment["referrals"][0]
    data = referral_letter_data(plan, referral["key"])
    return full_text(ReferralLetterDocument(data).render())


def test_a_french_letter_to_the_doctor_opens_with_madame_monsieur(practitioner):
    text = _letter_text(practitioner, "fr")

    assert "Madame, Monsieur," in text
    assert "Bonjour Médecin" not in text
    assert "Bonjour" not in text


def test_an_english_letter_to_the_doctor_opens_with_dear_doctor(practitioner):
    text = _letter_text(practitioner, "en")

    assert "Dear Doctor," in text


def test_french_documents_put_a_non_breaking_space_before_their_colons():
    # The extracted PDF text shows the space either way; what reportlab is given decides
    # whether the colon may wrap onto a line of its own.
    from tests.assessments.documents import sample_data

    french = ReferralLetterDocument(sample_data.referral_letter(language="fr"))
    english = ReferralLetterDocument(sample_data.referral_letter(language="en"))

    assert french.text("À :") == "À\u00a0:"
    assert french.text("Dans quel délai :") == "Dans quel délai\u00a0:"
    assert english.text("To:") == "To:"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("À :", "À\u00a0:"),
        ("Patient:", "Patient\u00a0:"),
        ("Quoi ?", "Quoi\u00a0?"),
        ("« oui »", "«\u00a0oui\u00a0»"),
        ("à 10:30", "à 10:30"),
        ("https://clinique.example", "https://clinique.example"),
        ("déjà\u00a0: espacé", "déjà\u00a0: espacé"),
    ],
)
def test_french_spacing(typed, printed):
    assert french_spacing(typed) == printed
