"""The plan pages: generate, read, edit, sign, amend, compare; roles and other patients."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import PrecautionOverride, TreatmentPlan
from assessments.plans import services
from clinic.models import AuditAction, AuditEvent
from tests.builders import answer_precautions, pregnant_calf_cramps
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(practitioner):
    intake, exam = pregnant_calf_cramps()
    return services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)


def url(name, plan, **extra):
    return reverse(name, kwargs={"patient_pk": plan.patient_id, "pk": plan.pk, **extra})


def test_generating_from_the_exam_shows_factors_items_and_precautions(practitioner_client):
    intake, exam = pregnant_calf_cramps()
    generate_url = reverse("plan_generate", args=[intake.patient_id])
    page = practitioner_client.get(generate_url + f"?exam={exam.pk}")
    assert page.status_code == 200
    response = practitioner_client.post(generate_url, {"intake": intake.pk, "exam": exam.pk})
    plan = TreatmentPlan.objects.get()
    assert response["Location"] == url("plan_detail", plan)
    page = practitioner_client.get(response["Location"]).content.decode()
    assert "Third trimester of pregnancy" in page
    assert "Calf stretch before bed" in page
    assert "Pregnancy: no lying face down" in page
    assert AuditEvent.objects.filter(action=AuditAction.PLAN_VIEWED, patient=plan.patient).exists()


def test_the_chart_lists_plans_with_constant_queries(
    practitioner_client, front_desk_client, plan, practitioner
):
    chart = reverse("patient_chart", args=[plan.patient_id])
    page = practitioner_client.get(chart).content.decode()
    assert "Care plan, version 1" in page
    assert "Care plan, version 1" not in front_desk_client.get(chart).content.decode()
    plan = answer_precautions(plan, practitioner)
    signed = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    services.plan_amend(plan=signed, reason="Sleeps on her side now", by=practitioner)
    desk_page = front_desk_client.get(chart).content.decode()
    assert "Care plan, version 1" in desk_page
    assert "version 2" not in desk_page
    with CaptureQueriesContext(connection) as two_plans:
        practitioner_client.get(chart)
    services.plan_generate(
        patient=plan.patient, intake=plan.intake, exam=plan.exam, by=practitioner
    )
    with CaptureQueriesContext(connection) as three_plans:
        page = practitioner_client.get(chart).content.decode()
    assert len(three_plans) == len(two_plans)
    assert page.index("Care plan, version 1") < page.index("Care plan, version 2")


def test_practitioner_edits_an_item_and_keeps_it_with_a_reason(practitioner_client, plan):
    item = plan.items.get(component="massage")
    response = practitioner_client.post(
        url("plan_item_edit", plan, item_pk=item.pk),
        {
            "version": plan.version,
            "component": "massage",
            "title": "Gentle calf massage, side lying",
            "instructions": "Calming strokes only.",
            "dosage": "10 minutes at each visit",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Gentle calf massage, side lying"
    plan.refresh_from_db()
    blank = practitioner_client.post(
        url("plan_precaution_override", plan, item_pk=item.pk),
        {"version": plan.version, "precaution_key": "pregnancy_positioning", "reason": ""},
    )
    assert blank.status_code == 302
    assert not PrecautionOverride.objects.exists()
    practitioner_client.post(
        url("plan_precaution_override", plan, item_pk=item.pk),
        {
            "version": plan.version,
            "precaution_key": "pregnancy_positioning",
            "reason": "Side lying with pillows",
        },
    )
    assert PrecautionOverride.objects.get().reason == "Side lying with pillows"
    assert AuditEvent.objects.filter(action=AuditAction.PRECAUTION_OVERRIDDEN).count() == 1


def test_a_stale_version_is_refused_with_a_message(practitioner_client, plan):
    item = plan.items.first()
    response = practitioner_client.post(
        url("plan_item_remove", plan, item_pk=item.pk),
        {"version": plan.version - 1, "reason": "Not needed now"},
        follow=True,
    )
    assert "Someone else changed this plan" in response.content.decode()
    item.refresh_from_db()
    assert not item.removed


def test_a_red_flag_plan_shows_the_referral_then_the_doctors_clearance_brings_treatment(
    practitioner_client, practitioner
):
    intake, exam = pregnant_calf_cramps(red_flag_calf_swollen_red_warm=True)
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    page = practitioner_client.get(url("plan_detail", plan)).content.decode()
    assert "Emergency: same day" in page
    assert 'data-testid="treatment-withheld"' in page
    assert 'data-testid="plan-item"' not in page
    flag = plan.assessment["red_flags"][0]
    missing_doctor = practitioner_client.post(
        url("plan_red_flag_clear", plan),
        {"version": plan.version, "flag_key": flag["key"], "kind": "doctor"},
        follow=True,
    ).content.decode()
    assert "Name the doctor who cleared treatment." in missing_doctor
    assert not plan.red_flag_clearances.exists()
    practitioner_client.post(
        url("plan_red_flag_clear", plan),
        {
            "version": plan.version,
            "flag_key": flag["key"],
            "kind": "doctor",
            "doctor_name": "Dr Anne Roy",
            "seen_on": "2024-03-01",
        },
    )
    page = practitioner_client.get(url("plan_detail", plan)).content.decode()
    assert "Cleared by Dr Anne Roy, who saw the patient on 2024-03-01" in page
    assert 'data-testid="plan-item"' in page
    assert 'data-testid="treatment-withheld"' not in page


def test_a_signed_plan_cannot_be_edited_and_amending_keeps_version_one(
    practitioner_client, plan, practitioner
):
    plan = answer_precautions(plan, practitioner)
    plan = services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)
    item = plan.items.first()
    edit = practitioner_client.get(url("plan_item_edit", plan, item_pk=item.pk))
    assert edit.status_code == 302
    practitioner_client.post(
        url("plan_item_remove", plan, item_pk=item.pk),
        {"version": plan.version, "reason": "Try to change it"},
    )
    item.refresh_from_db()
    assert not item.removed

    response = practitioner_client.post(url("plan_amend", plan), {"reason": "New exam findings"})
    v2 = TreatmentPlan.objects.get(number=2)
    assert response["Location"] == url("plan_detail", v2)
    assert practitioner_client.get(url("plan_detail", plan)).status_code == 200
    versions = practitioner_client.get(url("plan_versions", v2)).content.decode()
    assert "Version 1" in versions and "Version 2" in versions
    assert AuditEvent.objects.filter(action=AuditAction.PLAN_AMENDED).count() == 1


def test_regenerate_shows_differences_without_overwriting(practitioner_client, plan):
    intake = plan.intake
    intake.pregnant = False
    intake.gestation_weeks = None
    intake.save()
    version = plan.version
    page = practitioner_client.get(url("plan_regenerate", plan)).content.decode()
    assert 'data-testid="factors-dropped"' in page
    assert "Third trimester" in page
    plan.refresh_from_db()
    assert plan.version == version


def test_front_desk_gets_403_and_another_patients_plan_is_404(
    front_desk_client, practitioner_client, plan
):
    assert front_desk_client.get(url("plan_detail", plan)).status_code == 403
    assert front_desk_client.post(url("plan_sign", plan), {"version": 1}).status_code == 403
    other = PatientFactory()
    wrong = reverse("plan_detail", kwargs={"patient_pk": other.pk, "pk": plan.pk})
    assert practitioner_client.get(wrong).status_code == 404
    item = plan.items.first()
    other_plan_item = reverse(
        "plan_item_edit", kwargs={"patient_pk": other.pk, "pk": plan.pk, "item_pk": item.pk}
    )
    assert practitioner_client.get(other_plan_item).status_code == 404


def test_user_text_is_escaped(practitioner_client, plan):
    plan.refresh_from_db()
    practitioner_client.post(
        url("plan_details", plan),
        {
            "version": plan.version,
            "impression": "<script>alert(1)</script>",
            "visit_frequency": "twice a week",
            "review_date": "2026-12-20",
        },
    )
    plan.refresh_from_db()
    assert plan.impression == "<script>alert(1)</script>"
    page = practitioner_client.get(url("plan_detail", plan)).content.decode()
    assert "<script>alert(1)</script>" not in page


def test_practitioner_adds_rewrites_and_removes_goals(practitioner_client, plan):
    response = practitioner_client.post(
        url("plan_goal_add", plan),
        {"version": plan.version, "text": "Walk 30 minutes without a cramp", "target": "30 min"},
    )
    assert response.status_code == 302
    goal = plan.goals.get(text="Walk 30 minutes without a cramp")
    assert goal.origin == "practitioner"
    plan.refresh_from_db()
    practitioner_client.post(
        url("plan_goal_edit", plan, goal_pk=goal.pk),
        {"version": plan.version, "text": "Walk 45 minutes without a cramp", "target": "45 min"},
    )
    goal.refresh_from_db()
    assert goal.text == "Walk 45 minutes without a cramp"
    plan.refresh_from_db()
    practitioner_client.post(
        url("plan_goal_remove", plan, goal_pk=goal.pk), {"version": plan.version}
    )
    assert not plan.goals.filter(pk=goal.pk).exists()


def test_the_plan_header_names_the_intake_and_exam_days_it_was_made_from(
    practitioner_client, practitioner
):
    from datetime import date

    from intake.models import Intake
    from tests.factories import finished_exam

    intake, _exam = pregnant_calf_cramps()
    Intake.objects.filter(pk=intake.pk).update(created_at="2026-03-02T15:00:00Z")
    exam = finished_exam(intake, pain_now=2, examined_on=date(2026, 3, 9))
    with_exam = services.plan_generate(
        patient=intake.patient, intake=intake, exam=exam, by=practitioner
    )
    header = practitioner_client.get(url("plan_detail", with_exam)).content.decode()
    assert "intake of 2026-03-02" in header
    assert "exam of 2026-03-09" in header

    without_exam = services.plan_generate(
        patient=intake.patient, intake=intake, exam=None, by=practitioner
    )
    header = practitioner_client.get(url("plan_detail", without_exam)).content.decode()
    assert "intake of 2026-03-02" in header
    assert "exam of" not in header
