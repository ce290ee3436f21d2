"""The records become the reasoning's facts: field by field, and the vignettes round trip."""

import json
from pathlib import Path

import pytest
from django.utils import timezone

from assessments.facts_builder import facts_dict_for, facts_for
from assessments.reasoning import assess, facts_from_dict
from assessments.reasoning.facts import RED_FLAG_FIELDS
from tests.factories import ExamFactory, IntakeFactory, MedicationFactory, PatientFactory

pytestmark = pytest.mark.django_db

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
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
        "takes_sitting_breaks": True,
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
    intake = IntakeFactory(patient=PatientFactory(), **intake_fields)
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
    expected = assess(facts_from_dict(facts))
    intake, exam = _store(facts)
    got = assess(facts_for(intake, exam))
    assert _summary(got) == _summary(expected)
    assert facts_dict_for(intake, exam)["cramps"]["sites"] == facts["cramps"]["sites"]
