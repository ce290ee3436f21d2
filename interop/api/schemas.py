"""What the REST API reads and returns (pydantic 2 through django-ninja)."""

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from intake.models import Language, Sex


class PatientOut(Schema):
    id: int
    record_number: str
    first_name: str
    last_name: str
    date_of_birth: date
    sex: Sex
    phone: str
    email: str
    address: str
    emergency_contact_name: str
    emergency_contact_phone: str
    preferred_language: Language
    archived: bool
    consent_treatment_at: datetime | None
    consent_privacy_at: datetime | None

    @staticmethod
    def from_patient(patient):
        return PatientOut(
            id=patient.pk,
            record_number=patient.record_number,
            first_name=patient.first_name,
            last_name=patient.last_name,
            date_of_birth=patient.date_of_birth,
            sex=patient.sex,
            phone=patient.phone.as_e164 if patient.phone else "",
            email=patient.email,
            address=patient.address,
            emergency_contact_name=patient.emergency_contact_name,
            emergency_contact_phone=(
                patient.emergency_contact_phone.as_e164 if patient.emergency_contact_phone else ""
            ),
            preferred_language=patient.preferred_language,
            archived=patient.is_archived,
            consent_treatment_at=patient.consent_treatment_at,
            consent_privacy_at=patient.consent_privacy_at,
        )


class PatientIn(Schema):
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    date_of_birth: str = Field(description="yyyy-mm-dd", max_length=20)
    sex: Sex
    phone: str = Field(max_length=40, description="As the clinic types it; +1 416 555 0100")
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=2000)
    emergency_contact_name: str = Field("", max_length=200)
    emergency_contact_phone: str = Field("", max_length=40)
    preferred_language: Language = Language.ENGLISH
    consent_treatment: bool = False
    consent_privacy: bool = False
    confirm_not_duplicate: bool = Field(
        False,
        description="A patient with the same name and date of birth exists: register anyway.",
    )


class Medication(Schema):
    name: str = Field(max_length=200)
    dose: str = Field("", max_length=100)
    frequency: str = Field("", max_length=100)
    since: str = Field("", max_length=100)


class IntakeSummary(Schema):
    id: int
    status: str
    source: str
    created_at: datetime
    submitted_at: datetime | None
    confirmed_at: datetime | None
    version: int


class IntakeOut(IntakeSummary):
    answers: dict[str, Any]
    medications: list[Medication]
    cramp_linked_medications: list[str]


class IntakeIn(Schema):
    answers: dict[str, Any] = Field(
        default_factory=dict,
        description="Questionnaire answers by field name (see the intake Questionnaire in the "
        "FHIR export); yes/no questions take true, false or null.",
    )
    medications: list[Medication] | None = Field(
        None, description="Replaces the medication lines when given.", max_length=30
    )


class IntakeSubmitIn(IntakeIn):
    version: int | None = Field(
        None, ge=0, description="The version read; a stale one is refused with 409."
    )


class OutcomeOut(Schema):
    id: int
    instrument: str
    name: str
    score: float
    score_display: str
    answers: dict[str, Any]
    taken_on: date
    recorded_at: datetime
    source: str
    exam_id: int | None


class OutcomeIn(Schema):
    instrument: str = Field(max_length=8, description="ODI, LEFS, NPRS or PSFS")
    answers: dict[str, Any]
    taken_on: date | None = None


class PlanItemOut(Schema):
    component: str
    title: str
    instructions: str
    dosage: str


class PlanGoalOut(Schema):
    text: str
    measure: str
    baseline: str
    target: str


class PlanSummary(Schema):
    id: int
    number: int
    status: str
    amends: int | None
    signed_at: datetime | None
    has_document: bool


class PlanOut(PlanSummary):
    impression: str
    visit_frequency: str
    review_date: date | None
    amendment_reason: str
    items: list[PlanItemOut]
    goals: list[PlanGoalOut]
