"""reportlab documents printed from plain data: the care plan and referral letters.

from assessments.documents import CarePlanDocument
pdf_bytes = CarePlanDocument(care_plan_data).render()
"""

from assessments.documents.careplan import CarePlanDocument
from assessments.documents.data import (
    CarePlanData,
    Letterhead,
    PatientBlock,
    PlanItemBlock,
    ReferralLetterData,
    canonical_json,
    content_fingerprint,
)
from assessments.documents.letters import ReferralLetterDocument

__all__ = [
    "CarePlanData",
    "CarePlanDocument",
    "Letterhead",
    "PatientBlock",
    "PlanItemBlock",
    "ReferralLetterData",
    "ReferralLetterDocument",
    "canonical_json",
    "content_fingerprint",
]
