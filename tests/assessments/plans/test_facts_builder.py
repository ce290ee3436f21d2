"""The records become the reasoning's facts: field by field, and the vignettes round trip."""

import datetime
import json
from pathlib import Path

import pytest
from django.utils import timezone

from assessments.plans.facts import facts_dict_for, facts_for
from assessments.reasoning import assess, facts_from_dict
from assessments.reasoning.facts import RED_FLAG_FIELDS
from tests.factories import ExamFactory, IntakeFactory, MedicationFactory, PatientFactory

pytestmark = pytest.mark.django_db

CASES = Path(__file__).resolve().parents[3] / "docs" / "cases"
NO_RED_FLAGS = {f"red_flag_{name}": False for name in RED_FLAG_FIELDS}


def test_a_confirmed_intake_and_a_finished_exam_give_the_expected_facts():
    intake = IntakeFactory(
        status="confirmed",
        cramp_muscles=["hamstring", "calf"],
        cramp_side="right",
        cramp_timing=["night", "exercise"],
        cramps_per_week=3,
        thyroid="underactive",
        thyroid_treated=False,
        pregnant=True,
        gestation_weeks=31,
        calf_pain_walking=True,
        stenosis_region="lumbar",
        sitting_hours_per_day="8.5",
        water_litres_per_day="1.2",
        **NO_RED_FLAGS,
    )
    MedicationFactory(intake=intake, name="Atorvastatin 20 mg")
    MedicationFactory(intake=intake, name="Paracetamol")
    exam = ExamFactory(
        patient=intake.patient,
        intake=intake,
        status="finished",
        finished_at=timezone.now(),
        segments=[{"level": "L5", "stiffness": "moderate", "tender": True, "side": "right"}],
        glute_max_right=3,
        foot_pulse_left="weak",
        ankle_brachial_index=0.8,
        sensation_change_roots=["S1"],
        pain_now=4,
    )
    facts = facts_for(intake, exam)

    assert [(s.muscle, s.side) for s in facts.cramps.sites] == [
        ("calf", "right"),
        ("hamstring", "right"),
    ]
    assert facts.cramps.timing == ("night", "exercise")
    assert facts.cramps.cramps_per_week == 3
    assert facts.thyroid.condition == "underactive"
    assert facts.thyroid.treated is False
    assert facts.pregnancy.trimester == 3
    assert facts.circulation.calf_pain_walking_eases_with_rest is True
    assert facts.spine.stenosis_region == "lumbar"
    assert facts.spine.disc_injury_region is None
    assert facts.daily_life.sitting_hours_per_day == 8.5
    assert facts.daily_life.water_litres_per_day == 1.2
    assert facts.daily_life.exercise_level is None
    assert [(m.name, m.classes) for m in facts.medications] == [
        ("Atorvastatin 20 mg", ("statin",)),
        ("Paracetamol", ()),
    ]
    assert facts.red_flags.calf_swollen_red_warm is False
    assert facts.exam.segments[0].level == "L5"
    assert facts.exam.segments[0].tender is True
    assert facts.exam.strength.glute_max_right == 3
    assert facts.exam.vascular.foot_pulse_left == "weak"
    assert facts.exam.vascular.ankle_brachial_index == 0.8
    assert facts.exam.neuro.sensation_change_roots == ("S1",)
    assert facts.exam.pain_now == 4


def test_without_an_exam_the_facts_have_none_and_thyroid_none_has_no_treatment():
    intake = IntakeFactory(status="confirmed", thyroid="", thyroid_treated=True, **NO_RED_FLAGS)
    facts = facts_for(intake)
    assert facts.exam is None
    assert facts.thyroid.condition == "none"
    assert facts.thyroid.treated is None


def test_an_unanswered_red_flag_is_refused_by_name():
    from assessments.reasoning import CaseError

    intake = IntakeFactory(**{**NO_RED_FLAGS, "red_flag_fever": None})
    with pytest.raises(CaseError, match="red_flags.fever"):
        facts_for(intake)


# --- The vignettes: store each case's facts in the models, read them back, assess ------------


def _store(facts):
    """An Intake (and Exam) holding the case's facts, as the forms would have saved them."""
    sites = facts["cramps"].get("sites", [])
    sides = {site["side"] for site in sites}
    intake_fields = {
        "status": "confirmed",
        "cramp_muscles": [site["muscle"] for site in sites],
        "cramp_side": sides.pop() if len(sides) == 1 else "both",
        "cramp_timing": facts["cramps"].get("timing", []),
        "cramps_per_week": facts["cramps"].get("cramps_per_week", 0),
        "episode_minutes": facts["cramps"].get("episode_minutes"),
        "months_since_onset": facts["cramps"].get("months_since_onset"),
        **{f"red_flag_{k}": v for k, v in facts["red_flags"].items()},
        **facts.get("pregnancy", {}),
        **facts.get("conditions", {}),
        **facts.get("symptoms", {}),
    }
    thyroid = facts.get("thyroid", {})
    intake_fields["thyroid"] = thyroid.get("condition", "none")
    intake_fields["thyroid_treated"] = thyroid.get("treated")
    circulation = facts.get("circulation", {})
    intake_fields["pad_diagnosed"] = circulation.get("pad_diagnosed", False)
    intake_fields["calf_pain_walking"] = circulation.get("calf_pain_walking_eases_with_rest", False)
    for name, value in facts.get("spine", {}).items():
        intake_fields[name] = "" if value is None else value
    for name, value in facts.get("daily_life", {}).items():
        intake_fields[name] = (
            "" if value is None and name in ("exercise_level", "footwear") else value
        )
    person = facts.get("person") or {}
    patient_fields = {}
    if person.get("age_years") is not None:
        today = timezone.localdate()
        born = today.replace(year=today.year - person["age_years"], day=1)
        patient_fields["date_of_birth"] = born - datetime.timedelta(days=1)
    if person.get("sex"):
        patient_fields["sex"] = person["sex"]
    intake = IntakeFactory(patient=PatientFactory(**patient_fields), **intake_fields)
    for medication in facts.get("medications", []):
        name = medication["name"]
        MedicationFactory(intake=intake, name=name)
    exam = None
    if facts.get("exam"):
        data = facts["exam"]
        fields = {
            **data.get("posture", {}),
            **data.get("neuro", {}),
            **data.get("strength", {}),
            **data.get("flexibility", {}),
            **data.get("vascular", {}),
            "segments": [
                {"tender": False, "side": "central", **row} for row in data.get("segments", [])
            ],
        }
        for name in ("pain_now", "cramp_reproduced", "cramp_reproduced_where"):
            if name in data:
                fields[name] = data[name]
        exam = ExamFactory(
            patient=intake.patient,
            intake=intake,
            status="finished",
            finished_at=timezone.now(),
            **fields,
        )
        exam.full_clean()
    intake.refresh_from_db()
    return intake, exam


def _summary(assessment):
    return {
        "red_flags": [flag.key for flag in assessment.red_flags],
        "factors": [factor.key for factor in assessment.factors],
        "precautions": [precaution.key for precaution in assessment.precautions],
        "referrals": [referral.key for referral in assessment.referrals],
        "items": [(item.key, item.dosage.text.render()) for item in assessment.plan.items],
        "goals": [goal.key for goal in assessment.plan.goals],
    }


@pytest.mark.parametrize(
    "case",
    [
        "third_trimester_night_calf",
        "statin_and_diuretic",
        "untreated_underactive_thyroid",
        "pad_weak_pulses",
        "lumbar_stenosis_weak_glutes",
        "forearm_cramps_neck_disc",
        "red_flag_swollen_calf",
    ],
)
def test_the_vignettes_key_findings_survive_the_round_trip(case):
    facts = json.loads((CASES / f"{case}.json").read_text())["facts"]
    intake, exam = _store(facts)
    # The patient record always has an age and a sex; the case may not give them.
    facts = {**facts, "person": facts_dict_for(intake)["person"]}
    expected = assess(facts_from_dict(facts))
    got = assess(facts_for(intake, exam))
    assert _summary(got) == _summary(expected)
    assert facts_dict_for(intake, exam)["cramps"]["sites"] == facts["cramps"]["sites"]


# --- Not tested is None; the new facts are carried -----------------------------------------------


def test_an_exam_that_tested_no_reflex_or_pulse_gives_none_never_normal():
    intake = IntakeFactory(status="confirmed", **NO_RED_FLAGS)
    exam = ExamFactory(patient=intake.patient, intake=intake)
    facts = facts_for(intake, exam)
    neuro, vascular, posture = facts.exam.neuro, facts.exam.vascular, facts.exam.posture
    assert neuro.reflex_knee_left is None
    assert neuro.reflex_ankle_right is None
    assert vascular.foot_pulse_left is None
    assert vascular.foot_pulse_right is None
    assert posture.lumbar_lordosis is None
    assert posture.pelvic_tilt is None
    assert posture.foot_posture_left is None
    assert posture.sitting_posture is None
    assert posture.leg_length_short_side is None
    assert "normal" not in {neuro.reflex_knee_left, posture.lumbar_lordosis}


def test_the_new_intake_answers_and_the_patient_record_reach_the_facts():
    patient = PatientFactory(date_of_birth=datetime.date(1960, 6, 15), sex="male")
    intake = IntakeFactory(
        patient=patient,
        status="confirmed",
        tingling=True,
        numbness=False,
        radiating_leg_pain=True,
        osteoporosis=True,
        stroke=True,
        parkinsons_disease=True,
        cancer_history=True,
        recent_trauma=True,
        past_leg_muscle_injury=True,
        pregnant=False,
        breastfeeding=True,
        standing_hours_per_day="6.5",
        heavy_sweating_or_heat=True,
        fluid_limit_set_by_doctor=True,
        past_sprain_region="thoracic",
        **NO_RED_FLAGS,
    )
    # Taken the day before the 2025 birthday: 64, not 65.
    intake.created_at = timezone.make_aware(datetime.datetime(2025, 6, 14, 12, 0))
    exam = ExamFactory(
        patient=patient,
        intake=intake,
        leg_length_difference_mm=9,
        leg_length_type="true",
        leg_length_short_side="left",
    )
    facts = facts_for(intake, exam)
    assert facts.person.age_years == 64
    assert facts.person.sex == "male"
    assert (facts.symptoms.tingling, facts.symptoms.numbness) == (True, False)
    assert facts.symptoms.radiating_leg_pain is True
    assert facts.symptoms.radiating_arm_pain is None  # not asked, not "no"
    conditions = facts.conditions
    assert conditions.osteoporosis and conditions.stroke and conditions.parkinsons_disease
    assert conditions.cancer_history and conditions.recent_trauma
    assert conditions.past_leg_muscle_injury
    assert facts.pregnancy.breastfeeding is True
    assert facts.daily_life.standing_hours_per_day == 6.5
    assert facts.daily_life.heavy_sweating_or_heat is True
    assert facts.daily_life.fluid_limit_set_by_doctor is True
    assert facts.daily_life.takes_sitting_breaks is None
    assert facts.spine.past_sprain_region == "thoracic"
    assert facts.exam.posture.leg_length_short_side == "left"
    assert facts.exam.posture.leg_length_type == "true"


def test_the_latest_recorded_oswestry_and_pain_scores_are_the_baselines():
    from assessments.plans.facts import baseline_scores
    from tests.factories import OutcomeMeasureFactory

    patient = PatientFactory()
    assert baseline_scores(patient) == {"oswestry_percent": None, "pain_nprs": None}
    earlier = timezone.now() - datetime.timedelta(days=30)
    OutcomeMeasureFactory(patient=patient, instrument="NPRS", score=7.0, recorded_at=earlier)
    OutcomeMeasureFactory(patient=patient, instrument="NPRS", score=4.0)
    OutcomeMeasureFactory(
        patient=patient, instrument="ODI", score=36.0, answers={}, recorded_at=earlier
    )
    OutcomeMeasureFactory(patient=PatientFactory(), instrument="ODI", score=80.0, answers={})
    assert baseline_scores(patient) == {"oswestry_percent": 36.0, "pain_nprs": 4}
