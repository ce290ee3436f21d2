"""Whole vignettes end to end: the example case files in docs/cases, asserted in full.

Each expectation is the complete summary a practitioner would read: factors in rank order, red
flags, precautions, referrals, schedule, goals, and every plan item with its dosage.
"""

from pathlib import Path

from reasoning_case_builder import summary

from assessments.reasoning import assess
from assessments.reasoning.cases import load_case

CASES_DIR = Path(__file__).resolve().parents[3] / "docs" / "cases"

NIGHT_CALF_STRETCH = (
    "stretching.calf_before_bed",
    "3 holds of 20-30 s each side, every night before bed",
)
PNF = ("stretching.pnf", "3 holds of 20-30 s each side, once a day")
CALMING_MASSAGE = ("massage.cramping_muscles", "at each visit")
CALF_STRENGTH = ("strengthening.calf", "3 sets of 12, once a day")
NIGHT_HOME_CARE = [
    ("home_care.sleep_position", "every night before bed"),
    ("home_care.easy_cycling", "5 min, every night before bed"),
    ("home_care.heel_walking", "1 min, every night before bed"),
    ("home_care.heat", "15 min, every night before bed"),
]


def _assess(name):
    return assess(load_case(CASES_DIR / f"{name}.json"))


def _item(assessment, key):
    (item,) = [item for item in assessment.plan.items if item.key == key]
    return item


def test_third_trimester_pregnancy_with_night_calf_cramps():
    assessment = _assess("third_trimester_night_calf")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "red_flags": [],
        "factors": ["pregnancy.third_trimester", "night_calf_cramps", "posture.sleep_feet_down"],
        "precautions": [
            "pregnancy_positioning",
            "pregnancy_abdominal_work",
            "no_spinal_stretching",
            "nutrition_no_prescription",
        ],
        "referrals": ["nutrition_referral.dietitian"],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": [
            "Cramps per week: from 5 down to 2 by the review (at least halved).",
            "Pain (0-10): from 2 down to 0 by the review.",
            "Pregnancy cramps should pass after the birth: recheck after the birth and look for "
            "another cause if they continue.",
        ],
        "items": {
            "massage": [CALMING_MASSAGE],
            "stretching": [NIGHT_CALF_STRETCH, PNF],
            "strengthening": [CALF_STRENGTH],
            "nutrition_referral": [("nutrition_referral.dietitian", "once")],
            "home_care": NIGHT_HOME_CARE,
        },
    }
    assert str(assessment.factors[0].title).startswith("Third trimester of pregnancy (31 weeks)")
    assert "calcium and magnesium in pregnancy" in str(
        _item(assessment, "nutrition_referral.dietitian").instructions
    )
    assert _item(assessment, "massage.cramping_muscles").precaution_keys == (
        "pregnancy_positioning",
        "pregnancy_abdominal_work",
    )


def test_statin_and_diuretic():
    assessment = _assess("statin_and_diuretic")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "red_flags": [],
        "factors": [
            "medication.statin",
            "medication.diuretic",
            "night_calf_cramps",
            "hydration.low_water",
        ],
        "precautions": [
            "never_stop_medication",
            "no_spinal_stretching",
            "nutrition_no_prescription",
        ],
        "referrals": ["medical_referral.medication_review", "nutrition_referral.dietitian"],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": ["Cramps per week: from 4 down to 2 by the review (at least halved)."],
        "items": {
            "medical_referral": [("medical_referral.medication_review", "once")],
            "massage": [CALMING_MASSAGE],
            "stretching": [NIGHT_CALF_STRETCH, PNF],
            "strengthening": [CALF_STRENGTH],
            "nutrition_referral": [("nutrition_referral.dietitian", "once")],
            "home_care": [*NIGHT_HOME_CARE, ("home_care.water", "every day")],
        },
    }
    assert str(assessment.factors[0].title) == (
        "Takes atorvastatin, a statin; statins are linked to leg cramps."
    )
    review = _item(assessment, "medical_referral.medication_review")
    assert review.factor_keys == ("medication.statin", "medication.diuretic")
    assert review.rule_ids == ("MED-STATIN", "MED-DIURETIC")
    assert review.precaution_keys == ("never_stop_medication",)
    assert "atorvastatin (statin), bendroflumethiazide (diuretic)" in str(review.instructions)
    assert [str(e) for e in assessment.factors[3].evidence] == [
        "Intake: 1.2 L of water a day",
        "Intake: 4 cups of coffee or tea a day, which do not count",
    ]


def test_untreated_underactive_thyroid_with_numbness():
    assessment = _assess("untreated_underactive_thyroid")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "red_flags": [],
        # The numb feet are put down to the thyroid, not to the lower back.
        "factors": ["thyroid.underactive_untreated", "night_calf_cramps"],
        "precautions": ["no_spinal_stretching", "heat_reduced_feeling"],
        "referrals": ["medical_referral.thyroid"],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": [
            "Cramps per week: from 6 down to 3 by the review (at least halved).",
            "Pain (0-10): from 2 down to 0 by the review.",
        ],
        "items": {
            "medical_referral": [("medical_referral.thyroid", "once")],
            "massage": [CALMING_MASSAGE],
            "stretching": [NIGHT_CALF_STRETCH, PNF],
            "strengthening": [
                CALF_STRENGTH,
                ("strengthening.short_foot", "3 sets of 10 each side, once a day"),
            ],
            "home_care": NIGHT_HOME_CARE,
        },
    }
    assert [str(e) for e in assessment.factors[0].evidence] == [
        "Intake: underactive thyroid, not treated",
        "Exam: altered sensation in L5, S1",
    ]
    assert _item(assessment, "home_care.heat").precaution_keys == ("heat_reduced_feeling",)


def test_pad_with_weak_pulses():
    assessment = _assess("pad_weak_pulses")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "red_flags": [],
        "factors": ["circulation.pad", "night_calf_cramps"],
        "precautions": ["pad_vigorous_massage", "no_spinal_stretching", "heat_reduced_feeling"],
        "referrals": ["medical_referral.vascular"],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": ["Cramps per week: from 3 down to 1 by the review (at least halved)."],
        "items": {
            "medical_referral": [("medical_referral.vascular", "once")],
            "massage": [CALMING_MASSAGE],
            "stretching": [NIGHT_CALF_STRETCH, PNF],
            "strengthening": [CALF_STRENGTH],
            "home_care": NIGHT_HOME_CARE,
        },
    }
    pad = assessment.factors[0]
    assert pad.rule_ids == ("PAD-CLAUDICATION", "PAD-EXAM-PULSES", "PAD-EXAM-ABI")
    assert [str(e) for e in pad.evidence] == [
        "Intake: calf pain on walking that eases with rest",
        "Exam: foot pulse weak on the left",
        "Exam: ankle-brachial index 0.78",
        "Exam: capillary refill 4 s",
    ]
    assert _item(assessment, "massage.cramping_muscles").precaution_keys == (
        "pad_vigorous_massage",
    )


def test_lumbar_stenosis_with_stiff_l5_s1_weak_glutes_and_hamstring_cramps_in_a_bridge():
    assessment = _assess("lumbar_stenosis_weak_glutes")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "red_flags": [],
        "factors": [
            "spine.lower_back_nerve",
            "stiffness.lower_back",
            "imbalance.glutes_hamstrings",
            "exercise.fuel",
        ],
        "precautions": ["no_spinal_stretching", "nutrition_no_prescription"],
        "referrals": [],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": [
            "Cramps per week: from 2 down to 1 by the review (at least halved).",
            "Pain (0-10): from 3 down to 1 by the review.",
            "Oswestry Disability Index: record it at the first visit; aim for at least 10 points "
            "lower by the review.",
        ],
        "items": {
            "spinal_mobilisation": [("spinal_mobilisation.lumbar", "at each visit")],
            "massage": [("massage.spinal_muscles.lumbar", "at each visit"), CALMING_MASSAGE],
            "stretching": [PNF],
            "strengthening": [
                ("strengthening.core", "3 holds of 20-30 s, once a day"),
                ("strengthening.glutes", "3 sets of 10, once a day"),
                ("strengthening.hamstrings", "3 sets of 10, once a day"),
            ],
            "posture": [("posture.awareness", "every hour of sitting")],
            "home_care": [
                ("home_care.self_mobilisation.lumbar", "hold 30-60 s, once a day"),
                ("home_care.carbohydrate", "every day"),
            ],
        },
    }
    assert "(L5)" in str(_item(assessment, "spinal_mobilisation.lumbar").instructions)
    assert "not rolling" in str(
        _item(assessment, "home_care.self_mobilisation.lumbar").instructions
    )
    glutes = _item(assessment, "strengthening.glutes")
    assert glutes.factor_keys == (
        "spine.lower_back_nerve",
        "stiffness.lower_back",
        "imbalance.glutes_hamstrings",
    )
    assert "Exam: gluteus maximus strength left 5/5, right 3/5" in [
        str(e) for e in assessment.factors[2].evidence
    ]


def test_forearm_cramps_after_a_neck_disc_injury():
    assessment = _assess("forearm_cramps_neck_disc")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "red_flags": [],
        "factors": [
            "spine.neck_nerve",
            "stiffness.neck",
            "posture.long_sitting",
            "posture.slumped",
            "posture.alignment",
        ],
        "precautions": ["no_spinal_stretching"],
        "referrals": [],
        "schedule": "2 visits a week for 6 weeks, then review.",
        "goals": [
            "Cramps per week: from 4 down to 2 by the review (at least halved).",
            "Pain (0-10): from 3 down to 1 by the review.",
        ],
        "items": {
            "spinal_mobilisation": [("spinal_mobilisation.cervical", "at each visit")],
            "massage": [("massage.spinal_muscles.cervical", "at each visit"), CALMING_MASSAGE],
            "stretching": [PNF],
            "strengthening": [("strengthening.forearm_grip", "3 sets of 12, once a day")],
            "posture": [
                ("posture.awareness", "every hour of sitting"),
                ("posture.sitting", "every day"),
                ("posture.training", "at each visit"),
            ],
            "home_care": [("home_care.self_mobilisation.cervical", "hold 30-60 s, once a day")],
        },
    }
    assert "(C5, C6)" in str(_item(assessment, "spinal_mobilisation.cervical").instructions)
    assert "Exam: altered sensation in C6" in [str(e) for e in assessment.factors[0].evidence]


def test_swollen_red_warm_calf_holds_the_plan_for_a_doctor():
    assessment = _assess("red_flag_swollen_calf")
    assert summary(assessment) == {
        "requires_medical_clearance": True,
        "red_flags": ["red_flag.calf_clot"],
        "factors": ["posture.long_sitting", "posture.no_breaks", "stiffness.suspected_lower_back"],
        "precautions": ["suspected_clot", "no_spinal_stretching"],
        "referrals": ["medical_referral.red_flags"],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": ["Cramps per week: from 1 down to 0 by the review (at least halved)."],
        "items": {
            "medical_referral": [("medical_referral.red_flags", "once")],
            "massage": [CALMING_MASSAGE],
            "stretching": [PNF],
            "strengthening": [CALF_STRENGTH],
            "posture": [
                ("posture.awareness", "every hour of sitting"),
                ("posture.sitting", "every day"),
            ],
            "home_care": [("home_care.hourly_breaks", "2 min, every hour of sitting")],
        },
    }
    assert str(assessment.clearance_note) == (
        "Red flags are open: do not sign this plan until a medical referral or an override with "
        "a reason is recorded."
    )
    assert assessment.referrals[0].urgency == "before_treatment"
    for key in ("massage.cramping_muscles", "stretching.pnf", "strengthening.calf"):
        assert "suspected_clot" in _item(assessment, key).precaution_keys
