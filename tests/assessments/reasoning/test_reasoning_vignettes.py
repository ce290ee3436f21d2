"""Whole vignettes end to end: the example case files in docs/cases, asserted in full.

Each expectation is the complete summary a practitioner would read: whether treatment is withheld,
red flags with their urgency, factors in rank order, precautions with their kind, withheld items
and their alternatives, referrals with their urgency, items left out to keep the plan short, the
schedule, goals, and every plan item with its dosage. The acceptance cases of issue 12 are in
test_reasoning_whole_cases.py.
"""

from reasoning_case_builder import assess_case as _assess
from reasoning_case_builder import item_keys as _keys
from reasoning_case_builder import plan_item as _item
from reasoning_case_builder import summary


def test_third_trimester_pregnancy_with_night_calf_cramps():
    assessment = _assess("third_trimester_night_calf")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "pregnancy.third_trimester",
            "night_calf_cramps",
            "posture.sleep_feet_down",
            "pattern.both_sides",
        ],
        "precautions": [
            ("pregnancy_after_first_trimester", "contraindication"),
            ("pregnancy_positioning", "advice"),
            ("no_spinal_stretching", "advice"),
            ("nutrition_no_prescription", "advice"),
        ],
        "withheld": [
            (
                "home_care.sleep_position",
                "pregnancy_after_first_trimester",
                "home_care.sleep_side_lying",
            )
        ],
        "referrals": [("nutrition_referral.dietitian", "routine")],
        "deferred": [],
        "schedule": "One visit to teach the home programme, then review in 4 weeks.",
        "goals": [
            "Cramps per week: from 5 down to 2 by the review (at least halved).",
            "Pain (0-10): from 2 down to 0 by the review.",
            "Pregnancy cramps should pass after the birth: recheck after the birth and "
            "look for another cause if they continue.",
        ],
        "items": {
            "massage": [("massage.cramping_muscles", "at each visit")],
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s each side, every night before bed",
                )
            ],
            "strengthening": [
                ("strengthening.calf", "3 sets of 12, every other day, with a rest day between")
            ],
            "nutrition_referral": [("nutrition_referral.dietitian", "once")],
            "home_care": [
                ("home_care.sleep_side_lying", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
                ("home_care.easy_cycling", "5 min, every night before bed"),
                ("home_care.heel_walking", "1 min, every night before bed"),
            ],
        },
    }

    assert str(assessment.factors[0].title).startswith("Third trimester of pregnancy (31 weeks)")
    assert "calcium and magnesium in pregnancy" in str(
        _item(assessment, "nutrition_referral.dietitian").instructions
    )
    # Side-lying with a pillow between the knees, never "sleep on the back".
    assert "pillow between the knees" in str(
        _item(assessment, "home_care.sleep_side_lying").instructions
    )
    assert _keys(assessment).isdisjoint(
        {"home_care.sleep_position", "strengthening.core", "home_care.self_mobilisation.lumbar"}
    )
    assert _item(assessment, "massage.cramping_muscles").precaution_keys == (
        "pregnancy_positioning",
    )


def test_statin_and_diuretic():
    assessment = _assess("statin_and_diuretic")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "medication.statin",
            "medication.diuretic",
            "night_calf_cramps",
            "hydration.fluids_limited",
            "pattern.one_sided",
        ],
        "precautions": [
            ("fluids_set_by_doctor", "contraindication"),
            ("never_stop_medication", "advice"),
            ("no_spinal_stretching", "advice"),
            ("nutrition_no_prescription", "advice"),
        ],
        "withheld": [("home_care.water", "fluids_set_by_doctor", "home_care.fluids_agreed")],
        "referrals": [
            ("medical_referral.medication_review", "routine"),
            ("nutrition_referral.dietitian", "routine"),
        ],
        "deferred": [],
        "schedule": "One visit to teach the home programme, then review in 4 weeks.",
        "goals": ["Cramps per week: from 4 down to 2 by the review (at least halved)."],
        "items": {
            "medical_referral": [("medical_referral.medication_review", "once")],
            "massage": [("massage.cramping_muscles", "at each visit")],
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s on the left, every night before bed",
                )
            ],
            "strengthening": [
                ("strengthening.calf", "3 sets of 12, every other day, with a rest day between")
            ],
            "nutrition_referral": [("nutrition_referral.dietitian", "once")],
            "home_care": [
                ("home_care.fluids_agreed", "every day"),
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
                ("home_care.easy_cycling", "5 min, every night before bed"),
                ("home_care.heel_walking", "1 min, every night before bed"),
            ],
        },
    }

    assert str(assessment.factors[0].title) == (
        "Takes atorvastatin, a statin; statins are linked to leg cramps."
    )
    review = _item(assessment, "medical_referral.medication_review")
    assert review.factor_keys == ("medication.statin", "medication.diuretic")
    assert review.rule_ids == ("MED-STATIN", "MED-DIURETIC")
    assert review.precaution_keys == ("never_stop_medication",)
    assert "atorvastatin (statin) and bendroflumethiazide (diuretic)" in str(review.instructions)
    # On a diuretic the doctor sets the fluids: no "at least 2 litres" (seed 003).
    assert "home_care.water" not in _keys(assessment)
    assert "a diuretic" in str(_item(assessment, "home_care.fluids_agreed").instructions)
    # A drug-related cramp is a referral, not weeks of visits.
    assert assessment.plan.schedule.visits_per_week == 1


def test_untreated_underactive_thyroid_with_numbness():
    assessment = _assess("untreated_underactive_thyroid")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": ["thyroid.underactive_untreated", "night_calf_cramps", "pattern.both_sides"],
        "precautions": [
            ("reduced_foot_sensation", "contraindication"),
            ("no_spinal_stretching", "advice"),
            ("heat_reduced_feeling", "advice"),
        ],
        "withheld": [],
        "referrals": [("medical_referral.thyroid", "routine")],
        "deferred": ["home_care.heel_walking"],
        "schedule": "One visit to teach the home programme, then review in 4 weeks.",
        "goals": [
            "Cramps per week: from 6 down to 3 by the review (at least halved).",
            "Pain (0-10): from 2 down to 0 by the review.",
        ],
        "items": {
            "medical_referral": [("medical_referral.thyroid", "once")],
            "massage": [("massage.cramping_muscles", "at each visit")],
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s each side, every night before bed",
                ),
                ("stretching.pnf", "3 holds of 20-30 s each side, once a day"),
            ],
            "strengthening": [
                ("strengthening.calf", "3 sets of 12, every other day, with a rest day between"),
                ("strengthening.foot", "3 sets of 10, every other day, with a rest day between"),
            ],
            "home_care": [
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
                ("home_care.easy_cycling", "5 min, every night before bed"),
            ],
        },
    }

    # The numb feet are put down to the thyroid, not to the lower back.
    assert [str(e) for e in assessment.factors[0].evidence] == [
        "Intake: underactive thyroid, not treated",
        "Exam: altered sensation in L5, S1",
    ]
    assert "spine.leg_root_signs" not in [f.key for f in assessment.factors]
    assert _item(assessment, "home_care.heat").precaution_keys == ("heat_reduced_feeling",)


def test_pad_with_weak_pulses():
    assessment = _assess("pad_weak_pulses")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": ["circulation.pad", "night_calf_cramps", "pattern.one_sided"],
        "precautions": [
            ("pad_vigorous_massage", "advice"),
            ("no_spinal_stretching", "advice"),
            ("heat_reduced_feeling", "advice"),
        ],
        "withheld": [],
        "referrals": [("medical_referral.vascular", "routine")],
        "deferred": [],
        "schedule": "One visit to teach the home programme, then review in 4 weeks.",
        "goals": ["Cramps per week: from 3 down to 1 by the review (at least halved)."],
        "items": {
            "medical_referral": [("medical_referral.vascular", "once")],
            "massage": [("massage.cramping_muscles", "at each visit")],
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s on the left, every night before bed",
                )
            ],
            "strengthening": [
                ("strengthening.calf", "3 sets of 12, every other day, with a rest day between")
            ],
            "home_care": [
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
                ("home_care.easy_cycling", "5 min, every night before bed"),
                ("home_care.heel_walking", "1 min, every night before bed"),
            ],
        },
    }

    pad = assessment.factors[0]
    assert pad.rule_ids == ("PAD-CLAUDICATION", "PAD-EXAM-PULSES", "PAD-EXAM-ABI")
    assert "reduces blood flow to the working leg muscles" in str(pad.title)
    assert "electrolytes" not in str(pad.title)
    assert [str(e) for e in pad.evidence] == [
        "Intake: calf pain on walking that eases with rest",
        "Exam: foot pulse weak on the left",
        "Exam: ankle-brachial index 0.78",
        "Exam: capillary refill 4 s",
    ]
    assert _item(assessment, "massage.cramping_muscles").precaution_keys == (
        "pad_vigorous_massage",
    )


def test_lumbar_stenosis_with_stiff_l5_weak_glutes_and_hamstring_cramps_in_a_bridge():
    assessment = _assess("lumbar_stenosis_weak_glutes")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "spine.lower_back_nerve",
            "imbalance.glutes_hamstrings",
            "stiffness.lower_back",
            "pattern.one_sided",
        ],
        "precautions": [("no_spinal_stretching", "advice"), ("nerve_irritation_first", "advice")],
        "withheld": [],
        "referrals": [],
        "deferred": ["home_care.self_mobilisation.lumbar"],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": [
            "Cramps per week: from 2 down to 1 by the review (at least halved).",
            "Pain (0-10): from 3 down to 1 by the review.",
            "Oswestry Disability Index: at least 10 points lower at the review than its "
            "first score.",
        ],
        "items": {
            "spinal_mobilisation": [("spinal_mobilisation.lumbar", "at each visit")],
            "massage": [
                ("massage.spinal_muscles.lumbar", "at each visit"),
                ("massage.cramping_muscles", "at each visit"),
            ],
            "stretching": [("stretching.pnf", "3 holds of 20-30 s on the right, once a day")],
            "strengthening": [
                (
                    "strengthening.core",
                    "3 holds of 20-30 s, every other day, with a rest day between",
                ),
                ("strengthening.glutes", "3 sets of 10, every other day, with a rest day between"),
                (
                    "strengthening.hamstrings",
                    "3 sets of 10, every other day, with a rest day between",
                ),
            ],
            "posture": [("posture.awareness", "every hour of sitting")],
        },
    }

    assert "(L5)" in str(_item(assessment, "spinal_mobilisation.lumbar").instructions)
    glutes = _item(assessment, "strengthening.glutes")
    assert glutes.factor_keys == (
        "spine.lower_back_nerve",
        "stiffness.lower_back",
        "imbalance.glutes_hamstrings",
    )
    assert glutes.precaution_keys == ("nerve_irritation_first",)
    # Stenosis pain on exertion is not put down to fuel (glycogen) or dehydration.
    assert "exercise.fuel" not in [f.key for f in assessment.factors]
    assert "home_care.carbohydrate" not in _keys(assessment)
    stiffness = [f for f in assessment.factors if f.key == "stiffness.lower_back"][0]
    assert "may be linked" in str(stiffness.title) and "ties" not in str(stiffness.title)


def test_forearm_cramps_after_a_neck_disc_injury():
    assessment = _assess("forearm_cramps_neck_disc")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "spine.neck_nerve",
            "stiffness.neck",
            "posture.long_sitting",
            "posture.slumped",
            "posture.alignment",
            "pattern.one_sided",
        ],
        "precautions": [("no_spinal_stretching", "advice"), ("nerve_irritation_first", "advice")],
        "withheld": [],
        "referrals": [],
        "deferred": ["posture.training"],
        "schedule": "2 visits a week for 6 weeks, then review.",
        "goals": [
            "Cramps per week: from 4 down to 2 by the review (at least halved).",
            "Pain (0-10): from 3 down to 1 by the review.",
        ],
        "items": {
            "spinal_mobilisation": [("spinal_mobilisation.cervical", "at each visit")],
            "massage": [
                ("massage.spinal_muscles.cervical", "at each visit"),
                ("massage.cramping_muscles", "at each visit"),
            ],
            "stretching": [("stretching.pnf", "3 holds of 20-30 s on the right, once a day")],
            "strengthening": [
                (
                    "strengthening.forearm_grip",
                    "3 sets of 12, every other day, with a rest day between",
                )
            ],
            "posture": [
                ("posture.awareness", "every hour of sitting"),
                ("posture.sitting", "every day"),
            ],
            "home_care": [("home_care.self_mobilisation.cervical", "hold 30-60 s, once a day")],
        },
    }

    assert "(C5, C6)" in str(_item(assessment, "spinal_mobilisation.cervical").instructions)
    assert "Exam: altered sensation in C6" in [str(e) for e in assessment.factors[0].evidence]
    # One side cramps: the stretch is for that side, not "each side".
    assert str(_item(assessment, "stretching.pnf").dosage.text) == (
        "3 holds of 20-30 s on the right, once a day"
    )
