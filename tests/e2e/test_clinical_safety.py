"""Clinical safety in the browser: untested findings stay "Not tested", a red flag makes the
plan a referral until a doctor clears treatment, and a pregnancy plan signs without reasons."""

import re

from assessments.models import Exam, PlanStatus, PrecautionOverride, TreatmentPlan
from assessments.plans.facts import facts_for
from tests.assessments.documents.pdf_reading import flat, full_text
from tests.e2e.conftest import sign_in
from tests.factories import (
    TEST_PASSWORD,
    PatientFactory,
    confirmed_intake,
    finished_exam,
    practitioner_user,
)

PLAN_URL = re.compile(r"/patients/\d+/plans/\d+/(#[a-z0-9-]+)?$")
EXAM_URL = re.compile(r"/patients/\d+/exams/\d+/$")
UNTOUCHED = (
    "Knee reflex, left",
    "Ankle reflex, left",
    "Ankle reflex, right",
    "Foot pulse, right",
    "Lumbar lordosis",
    "Pelvic tilt",
    "Sitting posture",
    "Foot posture, left",
)


def _shown(page, label):
    """The value the read-only exam page shows next to a label."""
    term = page.locator("dt", has_text=re.compile(f"^{re.escape(label)}$"))
    return term.locator("xpath=following-sibling::dd[1]").inner_text()


def test_an_exam_saved_without_touching_reflexes_or_pulses_shows_not_tested(
    page, screenshot, transactional_db
):
    practitioner_user(username="prac")
    intake = confirmed_intake(patient=PatientFactory(first_name="Marc", last_name="Roy"))
    sign_in(page, "prac", TEST_PASSWORD)

    page.goto(f"/patients/{intake.patient_id}/intakes/{intake.pk}/")
    page.get_by_role("link", name="Record exam").click()
    # Every finding that may go unexamined starts at "Not tested".
    for label in (*UNTOUCHED, "Knee reflex, right", "Foot pulse, left"):
        select = page.get_by_label(label, exact=True)
        assert select.evaluate("el => el.options[el.selectedIndex].text") == "Not tested"
    # Two findings examined; everything else left alone.
    page.get_by_label("Knee reflex, right", exact=True).select_option("reduced")
    page.get_by_label("Foot pulse, left", exact=True).select_option("weak")
    page.get_by_label("Pain now (0-10)").fill("3")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(EXAM_URL)

    page.get_by_role("link", name="Finish exam").click()
    page.get_by_role("button", name="Finish and lock").click()
    page.wait_for_url(EXAM_URL)
    assert page.get_by_test_id("exam-status").inner_text() == "Finished"

    # Reopened from the chart.
    page.get_by_role("link", name="Marc Roy").first.click()
    page.get_by_test_id("chart-exams").get_by_role("link", name=re.compile("^Exam of")).click()
    page.wait_for_url(EXAM_URL)
    screenshot(page, "exam-not-tested-findings")
    for label in UNTOUCHED:
        assert _shown(page, label) == "Not tested", label
    assert _shown(page, "Knee reflex, right") == "Reduced"
    assert _shown(page, "Foot pulse, left") == "Weak"
    neuro = page.locator("section.card", has=page.get_by_role("heading", name="Neurological"))
    assert "Normal" not in neuro.inner_text()

    # The correction form opens on the same values: nothing invented there either.
    page.get_by_role("link", name="Correct").click()
    knee = page.get_by_label("Knee reflex, left", exact=True)
    assert knee.evaluate("el => el.options[el.selectedIndex].text") == "Not tested"
    assert page.get_by_label("Knee reflex, right", exact=True).input_value() == "reduced"

    exam = Exam.objects.get()
    assert exam.reflex_knee_left is None and exam.foot_pulse_right is None
    assert exam.lumbar_lordosis is None and exam.sitting_posture is None
    facts = facts_for(intake, exam)
    assert facts.exam.neuro.reflex_knee_left is None
    assert facts.exam.neuro.reflex_knee_right == "reduced"
    assert facts.exam.vascular.foot_pulse_right is None
    assert facts.exam.vascular.foot_pulse_left == "weak"
    assert facts.exam.posture.lumbar_lordosis is None
    assert facts.exam.posture.foot_posture_left is None


def _pdf_text(page, link):
    """The text of the PDF a link on the page opens, fetched in the signed-in session."""
    response = page.request.get(link.get_attribute("href"))
    assert response.ok
    return flat(full_text(response.body()))


def _generate(page, patient, intake, exam):
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("link", name="Generate a plan").click()
    page.get_by_label("Confirmed intake").select_option(str(intake.pk))
    page.get_by_label("Finished exam").select_option(str(exam.pk))
    page.get_by_role("button", name="Generate draft plan").click()
    page.wait_for_url(PLAN_URL)


def test_practitioner_signs_a_second_trimester_pregnancy_plan_without_giving_any_reason(
    page, screenshot, transactional_db
):
    """Needs the reasoning of issue 12 (contraindications withheld, advice only informs)."""
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Sophie", last_name="Tremblay", sex="female")
    intake = confirmed_intake(
        patient=patient,
        complaint="Calf cramps at night and low back pain since the pregnancy",
        cramp_muscles=["calf"],
        cramp_side="both",
        cramp_timing=["night"],
        cramps_per_week=4,
        episode_minutes=2,
        months_since_onset=2,
        pregnant=True,
        gestation_weeks=22,
        disc_injury_region="lumbar",
        current_back_pain=True,
        sleeps_feet_pointed_down=True,
        sitting_hours_per_day="6",
        takes_sitting_breaks=False,
        exercise_level="light",
        water_litres_per_day="1.5",
        coffee_tea_cups_per_day=1,
        footwear="supportive",
    )
    exam = finished_exam(
        intake,
        segments=[{"level": "L5", "stiffness": "mild", "tender": True, "side": "central"}],
        pain_now=3,
    )
    sign_in(page, "prac", TEST_PASSWORD)
    _generate(page, patient, intake, exam)
    assert "trimester" in page.get_by_test_id("factors").inner_text().lower()
    titles = page.get_by_test_id("plan-item").locator("strong").all_inner_texts()
    items_text = " ".join(page.get_by_test_id("plan-item").all_inner_texts()).lower()
    withheld = page.get_by_test_id("withheld-items").inner_text()
    # Present: side-lying, the safe alternative, and gentle core work.
    assert "Sleeping on the side" in titles
    assert "Gentle deep-core activation" in titles
    # Absent from the plan, listed as withheld with the reason: lying on the back, loaded core
    # work, lying on a roller.
    for title in ("Sleeping position", "Core strengthening", "Home self-mobilisation"):
        assert not any(shown.startswith(title) for shown in titles), title
        assert f"{title}" in withheld
    assert "sleep on the back" not in items_text
    assert "not proposed because pregnancy after the first trimester" in withheld.lower()
    # No reason is asked for anywhere; the plan signs as it is.
    assert page.get_by_role("button", name="Keep with reason").count() == 0
    assert page.get_by_test_id("sign-blockers").count() == 0
    screenshot(page, "pregnancy-plan-before-signing")
    page.get_by_role("button", name="Sign plan").click()
    page.wait_for_url(PLAN_URL)
    assert page.get_by_test_id("plan-status").inner_text() == "Signed"

    plan = TreatmentPlan.objects.get()
    assert plan.status == PlanStatus.SIGNED
    assert not PrecautionOverride.objects.exists()
    kept = set(plan.items.filter(removed=False).values_list("key", flat=True))
    withheld_keys = {row["item"] for row in plan.assessment["withheld_items"]}
    assert kept and withheld_keys
    assert not kept & withheld_keys


def test_a_red_flag_plan_is_a_referral_until_the_doctor_clears_treatment(
    page, screenshot, transactional_db
):
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Jean", last_name="Gagnon", sex="male")
    intake = confirmed_intake(
        patient=patient,
        cramp_muscles=["calf"],
        cramp_side="left",
        cramp_timing=["night"],
        cramps_per_week=5,
        red_flag_calf_swollen_red_warm=True,
    )
    exam = finished_exam(intake, pain_now=4)
    sign_in(page, "prac", TEST_PASSWORD)
    _generate(page, patient, intake, exam)

    flags = page.get_by_test_id("red-flags")
    assert "Emergency: same day" in flags.get_by_test_id("red-flag-urgency").inner_text()
    assert "emergency department" in flags.get_by_test_id("red-flag-patient-text").inner_text()
    assert page.get_by_test_id("treatment-withheld").is_visible()
    assert page.get_by_test_id("plan-item").count() == 0
    assert page.get_by_role("link", name="Add item").count() == 0
    assert "Emergency" in page.get_by_test_id("referral-urgency").first.inner_text()
    assert page.get_by_test_id("plan-details").get_by_label("Visit frequency").input_value() == ""
    screenshot(page, "red-flag-plan-referral-only")

    # The draft PDF tells the patient, in plain words, how soon; so does the letter.
    text = _pdf_text(page, page.get_by_test_id("plan-pdf"))
    assert "emergency department" in text.lower()
    assert "No treatment until a doctor has seen you" in text
    letter = _pdf_text(page, page.get_by_role("link", name=re.compile("^Letter:")).first)
    assert "How soon: Today" in letter

    # A referral alone does not clear it: the doctor's clearance names who and when.
    form = page.get_by_test_id("red-flag-clear-form")
    form.get_by_label("A doctor has seen the patient and cleared treatment").check()
    form.get_by_label("Doctor who cleared treatment").fill("Dr Anne Roy")
    form.get_by_label("Date the doctor saw the patient").fill("2024-03-01")
    form.get_by_role("button", name="Record clearance").click()
    page.wait_for_url(PLAN_URL)

    cleared = page.get_by_test_id("red-flag-cleared").inner_text()
    assert "Cleared by Dr Anne Roy, who saw the patient on 2024-03-01" in cleared
    assert page.get_by_test_id("treatment-withheld").count() == 0
    assert page.get_by_test_id("plan-item").count() > 0
    assert "calf" in " ".join(page.get_by_test_id("plan-item").all_inner_texts()).lower()
    assert page.get_by_test_id("plan-details").get_by_label("Visit frequency").input_value()
    screenshot(page, "red-flag-plan-after-clearance")

    # Reopened: the clearance and the proposal are kept.
    page.reload()
    assert "Dr Anne Roy" in page.get_by_test_id("red-flag-cleared").inner_text()
    plan = TreatmentPlan.objects.get()
    assert plan.status == PlanStatus.DRAFT
    clearance = plan.red_flag_clearances.get()
    assert (clearance.kind, clearance.doctor_name) == ("doctor", "Dr Anne Roy")
    assert plan.assessment["treatment_withheld"] is False
    assert plan.items.exists()


def test_a_plan_signed_while_a_red_flag_is_open_is_the_referral_alone(page, transactional_db):
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Luc", last_name="Côté", sex="male")
    intake = confirmed_intake(
        patient=patient,
        cramp_muscles=["calf"],
        cramp_side="both",
        cramp_timing=["night"],
        cramps_per_week=3,
        red_flag_saddle_numbness=True,
        red_flag_bladder_bowel_change=True,
        stenosis_region="lumbar",
    )
    exam = finished_exam(intake, pain_now=5)
    sign_in(page, "prac", TEST_PASSWORD)
    _generate(page, patient, intake, exam)
    assert page.get_by_test_id("plan-item").count() == 0
    page.get_by_role("button", name="Sign plan").click()
    page.wait_for_url(PLAN_URL)
    assert page.get_by_test_id("plan-status").inner_text() == "Signed"

    text = _pdf_text(page, page.get_by_test_id("plan-pdf"))
    assert "emergency department" in text.lower()
    assert "Your home programme" not in text
    assert "Visits:" not in text
    plan = TreatmentPlan.objects.get()
    assert plan.status == PlanStatus.SIGNED and not plan.items.exists()


def test_the_intake_asks_the_new_questions_and_shows_the_answers(
    page, screenshot, transactional_db
):
    from intake.models import Intake
    from tests.factories import front_desk_user

    front_desk_user(username="desk")
    patient = PatientFactory(first_name="Anne", last_name="Roy")
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/intakes/new/")
    page.locator("input[name=tingling][value=yes]").check()
    page.locator("input[name=radiating_leg_pain][value=no]").check()
    page.locator("input[name=takes_sitting_breaks][value=no]").check()
    page.get_by_label("Breastfeeding now").check()
    page.locator("input[name=osteoporosis][value=yes]").check()
    page.locator("input[name=past_leg_muscle_injury][value=yes]").check()
    page.get_by_label("Hours standing a day").fill("7")
    page.get_by_label("A doctor has limited how much to drink").check()
    page.get_by_label("Past back or neck sprain").select_option("thoracic")
    screenshot(page, "intake-new-questions")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/patients/\d+/intakes/\d+/edit/$"))
    intake = Intake.objects.get()
    page.goto(f"/patients/{patient.pk}/intakes/{intake.pk}/")

    shown = page.locator("main, body").first.inner_text()
    for text in (
        "Do you have tingling (pins and needles)?",
        "Osteoporosis (thin or fragile bones)",
        "Hours standing a day",
        "Mid-back",
        "A doctor has limited how much to drink",
    ):
        assert text in shown, text
    # Not answered stays not answered; it is not shown as "No".
    assert "Do you have numbness?" not in shown

    intake.refresh_from_db()
    assert (intake.tingling, intake.numbness, intake.radiating_leg_pain) == (True, None, False)
    assert intake.takes_sitting_breaks is False
    assert intake.breastfeeding and intake.osteoporosis and intake.past_leg_muscle_injury
    assert intake.fluid_limit_set_by_doctor and not intake.heavy_sweating_or_heat
    assert float(intake.standing_hours_per_day) == 7.0
    assert intake.past_sprain_region == "thoracic"

    # Reopened, the form shows the answers as given (and "Not answered" where none was).
    page.goto(f"/patients/{patient.pk}/intakes/{intake.pk}/edit/")
    assert page.locator("input[name=tingling][value=yes]").is_checked()
    assert page.locator("input[name=numbness][value='']").is_checked()
    assert page.locator("input[name=osteoporosis][value=yes]").is_checked()
    assert page.get_by_label("Hours standing a day").input_value() == "7.0"
