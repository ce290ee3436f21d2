"""Fixtures for the document tests: rendered PDFs built from tests.…sample_data.

Nothing special happens here: Django settings come from pytest-django's DJANGO_SETTINGS_MODULE.
"""

import pytest

from assessments.documents import CarePlanDocument, ReferralLetterDocument
from tests.assessments.documents import sample_data


@pytest.fixture(scope="module")
def signed_plan():
    return sample_data.care_plan()


@pytest.fixture(scope="module")
def signed_plan_pdf(signed_plan) -> bytes:
    return CarePlanDocument(signed_plan).render()


@pytest.fixture(scope="module")
def draft_plan_pdf() -> bytes:
    return CarePlanDocument(sample_data.draft_care_plan()).render()


@pytest.fixture(scope="module")
def doctor_letter():
    return sample_data.referral_letter()


@pytest.fixture(scope="module")
def doctor_letter_pdf(doctor_letter) -> bytes:
    return ReferralLetterDocument(doctor_letter).render()


@pytest.fixture(scope="module")
def nutrition_letter_pdf() -> bytes:
    return ReferralLetterDocument(sample_data.nutrition_letter()).render()
