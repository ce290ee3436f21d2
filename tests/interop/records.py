"""A whole patient, built through the product's own services: an intake the patient sent
through their link, confirmed; a finished exam; four outcome measures; a signed plan with a
referral, amended and signed again. And API keys for each role."""

from datetime import timedelta

from django.utils import timezone

from assessments import outcomes
from assessments.models import OutcomeSource
from assessments.outcomes import services as outcome_services
from assessments.plans import services as plan_services
from intake.intakes import services as intake_services
from intake.models import IntakeSource
from interop.keys.services import api_key_issue
from tests.factories import (
    NO_RED_FLAGS,
    ExamFactory,
    IntakeFactory,
    MedicationFactory,
    PatientFactory,
    clinic_admin_user,
)


def issue_key(role, *, name=None, days=30, **kwargs):
    admin = kwargs.pop("by", None) or clinic_admin_user()
    key, secret = api_key_issue(
        name=name or f"{role} integration",
        role=role,
        expires_at=timezone.now() + timedelta(days=days),
        by=admin,
        **kwargs,
    )
    return key, secret


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def whole_patient(practitioner):
    patient = PatientFactory(
        first_name="Élodie",
        last_name="O'Brien <b>",
        email="elodie@example.org",
        address="12 rue des Lilas\nMontréal",
        emergency_contact_name="Marc",
    )
    intake = IntakeFactory(
        patient=patient,
        source=IntakeSource.PATIENT,
        status="submitted",
        submitted_at=timezone.now(),
        complaint="Calf cramps at night",
        cramp_muscles=["calf", "hamstring"],
        cramp_side="left",
        cramp_timing=["night"],
        thyroid="underactive",
        thyroid_treated=False,
        pad_diagnosed=True,
        stenosis_region="lumbar",
        stenosis_imaging_confirmed=True,
        tingling=True,
        numbness=None,
        **NO_RED_FLAGS,
    )
    MedicationFactory(intake=intake, name="Atorvastatin", dose="20 mg", frequency="daily")
    MedicationFactory(intake=intake, name="Vitamin D", dose="1000 IU")
    intake = intake_services.intake_confirm(intake=intake, by=practitioner)
    exam = ExamFactory(
        patient=patient,
        intake=intake,
        practitioner=practitioner,
        glute_max_left=3,
        reflex_ankle_left="reduced",
        lumbar_flexion="reduced_painful",
        ankle_dorsiflexion_left_degrees=5,
        head_forward=True,
        segments=[{"level": "L5", "stiffness": "moderate", "tender": True, "side": "left"}],
        # Not tested: left blank (foot pulses, the knee reflexes, the right glute).
    )
    exam.status, exam.finished_at, exam.finished_by = "finished", timezone.now(), practitioner
    exam.save()
    answers = {
        "ODI": {item.key: 2 for item in outcomes.ODI.items},
        "LEFS": {item.key: 3 for item in outcomes.LEFS.items},
        "NPRS": {"pain_now": 6},
        "PSFS": {
            "activities": [
                {"name": "Walking the dog", "score": 4},
                {"name": "Climbing stairs", "score": 5},
                {"name": "Sleeping", "score": 3},
            ]
        },
    }
    measures = {}
    for code, given in answers.items():
        source = OutcomeSource.PATIENT if code == "NPRS" else OutcomeSource.PRACTITIONER
        measures[code] = outcome_services.outcome_record(
            patient=patient,
            instrument=code,
            answers=given,
            by=None if source == OutcomeSource.PATIENT else practitioner,
            source=source,
        )
    v1 = plan_services.plan_generate(patient=patient, intake=intake, exam=exam, by=practitioner)
    v1 = plan_services.plan_sign(plan=v1, expected_version=v1.version, by=practitioner)
    v2 = plan_services.plan_amend(plan=v1, reason="Sleeps on her side now", by=practitioner)
    v2 = plan_services.plan_sign(plan=v2, expected_version=v2.version, by=practitioner)
    v1.refresh_from_db()
    return {
        "patient": patient,
        "intake": intake,
        "exam": exam,
        "measures": measures,
        "v1": v1,
        "v2": v2,
    }
