"""A signed plan with an ODI baseline, and the steps of an episode, for the visit tests."""

from datetime import timedelta

from django.utils import timezone

from assessments.plans import services as plan_services
from assessments.visits import services
from tests.builders import answer_precautions, pregnant_calf_cramps
from tests.factories import ExamFactory, OutcomeMeasureFactory


def odi(patient, score, *, exam=None, days_ago=0):
    day = timezone.localdate() - timedelta(days=days_ago)
    return OutcomeMeasureFactory(
        patient=patient, exam=exam, instrument="ODI", score=score, answers={}, taken_on=day
    )


def signed_plan_with_baseline(practitioner, *, odi_score=40.0, language="en"):
    intake, exam = pregnant_calf_cramps()
    if language != "en":
        intake.patient.preferred_language = language
        intake.patient.save()
    odi(intake.patient, odi_score, days_ago=30)
    plan = plan_services.plan_generate(
        patient=intake.patient, intake=intake, exam=exam, by=practitioner
    )
    plan = answer_precautions(plan, practitioner)
    return plan_services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)


def visit_data(**overrides):
    return {
        "visit_on": timezone.localdate(),
        "cramps_per_week": 3,
        "cramps_when": "night",
        "pain_nprs": 2,
        "adherence": "most_days",
        "anything_new": "",
        "new_red_flags": [],
        "subjective": "Sleeping better.",
        "objective": "Calf length improved; L5 less stiff.",
        "assessment": "Responding well.",
        "plan_next": "Continue.",
        **overrides,
    }


def all_done(plan, dosage_suffix=""):
    return [
        {"item": row["item"], "done": True, "dosage": row["dosage"] + dosage_suffix}
        for row in services.treatment_rows(plan)
    ]


def signed_visit(plan, by, **overrides):
    return services.visit_record(
        plan=plan, data=visit_data(**overrides), treatment=all_done(plan), by=by, sign=True
    )


def reassessment_exam(patient, practitioner, *, odi_score):
    exam = ExamFactory(patient=patient, practitioner=practitioner)
    odi(patient, odi_score, exam=exam)
    exam.status = "finished"
    exam.finished_at = timezone.now()
    exam.save()
    return exam
