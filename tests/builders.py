"""Builders the test modules share: records made through the services, as staff make them, and
form posts as the browser sends them. Test modules import from here (and from factories.py,
conftest.py and the per-area builders), never from one another.
"""

from django.urls import reverse

from assessments.plans import services
from tests.factories import MedicationFactory, confirmed_intake, finished_exam

# --- Plans ------------------------------------------------------------------------------------


def pregnant_calf_cramps(**kwargs):
    intake = confirmed_intake(
        cramp_muscles=["calf"],
        cramp_side="both",
        cramp_timing=["night"],
        cramps_per_week=5,
        pregnant=True,
        gestation_weeks=31,
        sleeps_feet_pointed_down=True,
        **kwargs,
    )
    return intake, finished_exam(intake, pain_now=2)


def generate(practitioner, **kwargs):
    intake, exam = pregnant_calf_cramps(**kwargs)
    return services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)


def answer_precautions(plan, by):
    for item in plan.items.filter(removed=False):
        for key in item.precaution_keys:
            plan.refresh_from_db()
            services.precaution_override(
                item=item,
                precaution_key=key,
                reason="Side lying, gentle; checked with the patient",
                expected_version=plan.version,
                by=by,
            )
    plan.refresh_from_db()
    return plan


def signed_plan(practitioner, *, hostile_note=None, statin=False):
    intake, exam = pregnant_calf_cramps()
    if statin:
        MedicationFactory(intake=intake, name="Atorvastatin")
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    if hostile_note:
        item = plan.items.filter(removed=False).first()
        services.plan_item_update(
            item=item,
            data={
                "component": item.component,
                "title": item.title,
                "instructions": hostile_note,
                "dosage": item.dosage,
            },
            expected_version=plan.version,
            by=practitioner,
        )
        plan.refresh_from_db()
    plan = answer_precautions(plan, practitioner)
    return services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)


def pdf_url(plan, **query):
    url = reverse("plan_pdf", kwargs={"patient_pk": plan.patient_id, "pk": plan.pk})
    return url + ("?download=1" if query.get("download") else "")


# --- Exams and outcome measures ----------------------------------------------------------------


def exam_post(**overrides):
    """A complete exam form as the browser posts it: defaults everywhere, one finding."""
    data = {
        "examined_on": "2026-11-20",
        "lumbar_lordosis": "normal",
        "pelvic_tilt": "none",
        "foot_posture_left": "normal",
        "foot_posture_right": "normal",
        "sitting_posture": "upright",
        "reflex_knee_left": "normal",
        "reflex_knee_right": "normal",
        "reflex_ankle_left": "normal",
        "reflex_ankle_right": "normal",
        "foot_pulse_left": "present",
        "foot_pulse_right": "present",
    }
    from assessments.models import SEGMENT_LEVELS

    for level in SEGMENT_LEVELS:
        data[f"seg-{level}_stiffness"] = "none"
        data[f"seg-{level}_side"] = "central"
    data.update(
        {
            "seg-L5_stiffness": "moderate",
            "seg-L5_side": "left",
            "seg-L5_tender": "on",
            "glute_med_left": "3",
            "glute_med_right": "5",
            "pain_now": "4",
        }
    )
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


ODI_SECTIONS = [
    "pain_intensity",
    "personal_care",
    "lifting",
    "walking",
    "sitting",
    "standing",
    "sleeping",
    "sex_life",
    "social_life",
    "travelling",
]


def report_url(token, code):
    return reverse("self_report", args=[token, code])
