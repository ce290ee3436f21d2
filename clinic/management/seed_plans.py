"""The demo's signed plans, made through the plan services as a practitioner makes them."""

from assessments.models import ClearanceKind, ExamStatus
from assessments.plans import services as plan_services
from assessments.plans.snapshot import plan_snapshot
from intake.models import IntakeStatus

SEED_REASON = "Seeded demo data"


def sign_seed_plan(patient, practitioner):
    """A signed plan for this patient through the plan services, as a practitioner makes one:
    generate from the latest confirmed intake and finished exam, give the reason for each kept
    item's precautions and clear each red flag with an override, sign (which stores the PDF)."""
    intake = patient.intakes.filter(status=IntakeStatus.CONFIRMED).latest("confirmed_at", "pk")
    exam = patient.exams.filter(status=ExamStatus.FINISHED).latest("finished_at", "pk")
    plan = plan_services.plan_generate(patient=patient, intake=intake, exam=exam, by=practitioner)
    for flag in plan_snapshot(plan).red_flags:
        plan_services.red_flag_clear(
            plan=plan,
            flag_key=flag["key"],
            kind=ClearanceKind.OVERRIDE,
            reason=SEED_REASON,
            expected_version=plan.version,
            by=practitioner,
        )
        plan.refresh_from_db()
    for item in plan.items.filter(removed=False):
        for key in item.precaution_keys:
            plan_services.precaution_override(
                item=item,
                precaution_key=key,
                reason=SEED_REASON,
                expected_version=plan.version,
                by=practitioner,
            )
            plan.refresh_from_db()
    return plan_services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
