"""Issue 12 acceptance: whole cases, the assessment and the plan asserted whole, present and absent.

Each case file in docs/cases is run through the engine; the summary (what a practitioner reads) is
compared in full, then what must NOT be proposed is asserted on its own so that a regression that
adds an unsafe item fails by name.
"""

from reasoning_case_builder import CASES_DIR, summary
from reasoning_case_builder import assess_case as _assess
from reasoning_case_builder import item_keys as _keys
from reasoning_case_builder import plan_item as _item

from assessments.reasoning import contraindicated_items
from assessments.reasoning.cases import load_case
from assessments.reasoning.interventions import PRECAUTIONS_BY_KEY


def test_suspected_clot_is_an_emergency_referral_and_nothing_else():
    assessment = _assess("red_flag_swollen_calf")
    assert summary(assessment) == {
        "requires_medical_clearance": True,
        "treatment_withheld": True,
        "red_flags": [("red_flag.calf_clot", "emergency", False)],
        "factors": ["posture.no_breaks", "posture.long_sitting", "pattern.one_sided"],
        "precautions": [],
        "withheld": [],
        "referrals": [("medical_referral.red_flags", "emergency")],
        "deferred": [],
        "schedule": None,
        "goals": [],
        "items": {},
    }

    # Absent: calf massage, PNF, heel raises, "walk every hour", any schedule or goal.
    assert assessment.plan.items == () and assessment.plan.goals == ()
    assert assessment.plan.schedule is None and assessment.precautions == ()
    (flag,) = assessment.red_flags
    assert str(flag.patient_text) == (
        "Go to an emergency department today. Do not wait for your next appointment here."
    )
    (referral,) = assessment.referrals
    assert str(referral.title) == "Same-day emergency medical assessment"
    assert "emergency department" in str(referral.reason)
    assert str(referral.patient_text) == str(flag.patient_text)
    data = assessment.to_dict()
    assert data["treatment_withheld"] is True and data["withheld_items"] == []
    assert data["red_flags"][0]["urgency"] == "emergency"


def test_suspected_clot_ruled_out_by_the_doctor_shows_the_treatment():
    assessment = _assess("red_flag_swollen_calf", cleared=("red_flag.calf_clot",))
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [("red_flag.calf_clot", "emergency", True)],
        "factors": ["posture.no_breaks", "posture.long_sitting", "pattern.one_sided"],
        "precautions": [],
        "withheld": [],
        "referrals": [],
        "deferred": [],
        "schedule": "1 visit a week for 4 weeks, then review.",
        "goals": ["Cramps per week: from 1 down to 0 by the review (at least halved)."],
        "items": {
            "posture": [
                ("posture.awareness", "every hour of sitting"),
                ("posture.sitting", "every day"),
            ],
            "home_care": [("home_care.hourly_breaks", "2 min, every hour of sitting")],
        },
    }

    assert assessment.red_flags[0].cleared
    assert "medical_referral.red_flags" not in {r.key for r in assessment.referrals}


def test_cauda_equina_signs_with_stenosis():
    assessment = _assess("cauda_equina_stenosis")
    assert summary(assessment) == {
        "requires_medical_clearance": True,
        "treatment_withheld": True,
        "red_flags": [
            ("red_flag.saddle_numbness", "emergency", False),
            ("red_flag.bladder_bowel", "emergency", False),
            ("red_flag.progressive_weakness", "urgent", False),
        ],
        "factors": [
            "spine.lower_back_nerve",
            "night_calf_cramps",
            "hydration.low_water",
            "stiffness.lower_back",
            "night_cramps.age",
            "pattern.both_sides",
        ],
        "precautions": [],
        "withheld": [],
        "referrals": [("medical_referral.red_flags", "emergency")],
        "deferred": [],
        "schedule": None,
        "goals": [],
        "items": {},
    }

    # Absent: lumbar mobilisation, planks, bridges, two visits a week; the referral is an
    # emergency, not "before treatment".
    assert assessment.plan.items == () and assessment.plan.schedule is None
    assert assessment.referrals[0].urgency == "emergency"
    assert str(assessment.referrals[0].patient_text).startswith(
        "Go to an emergency department today"
    )
    # The worsening weakness is never read as a muscle imbalance to strengthen.
    keys = {f.key for f in assessment.factors}
    assert keys.isdisjoint(
        {"imbalance.glutes_hamstrings", "imbalance.weak_antagonist", "weakness.other"}
    )
    cleared = _assess(
        "cauda_equina_stenosis",
        cleared=(
            "red_flag.saddle_numbness",
            "red_flag.bladder_bowel",
            "red_flag.progressive_weakness",
        ),
    )
    assert {f.key for f in cleared.factors}.isdisjoint(
        {"imbalance.glutes_hamstrings", "imbalance.weak_antagonist", "weakness.other"}
    )
    # Clearing only the emergency flags still leaves the urgent one open.
    partly = _assess(
        "cauda_equina_stenosis", cleared=("red_flag.saddle_numbness", "red_flag.bladder_bowel")
    )
    assert partly.treatment_withheld and partly.plan.items == ()
    assert [r.urgency for r in partly.referrals] == ["urgent"]


def test_critical_ischaemia_is_an_urgent_referral():
    assessment = _assess("critical_ischaemia")
    assert summary(assessment) == {
        "requires_medical_clearance": True,
        "treatment_withheld": True,
        "red_flags": [("red_flag.critical_abi", "urgent", False)],
        "factors": [
            "circulation.pad",
            "night_calf_cramps",
            "night_cramps.age",
            "pattern.one_sided",
        ],
        "precautions": [],
        "withheld": [],
        "referrals": [("medical_referral.red_flags", "urgent")],
        "deferred": [],
        "schedule": None,
        "goals": [],
        "items": {},
    }

    # Absent: nightly heat, and everything else.
    assert assessment.plan.items == () and assessment.plan.schedule is None
    assert str(assessment.red_flags[0].patient_text).startswith(
        "See your doctor within a day or two"
    )


def test_critical_ischaemia_once_cleared_gets_no_heat():
    assessment = _assess("critical_ischaemia", cleared=("red_flag.critical_abi",))
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [("red_flag.critical_abi", "urgent", True)],
        "factors": [
            "circulation.pad",
            "night_calf_cramps",
            "night_cramps.age",
            "pattern.one_sided",
        ],
        "precautions": [
            ("critical_ischaemia_heat", "contraindication"),
            ("pad_vigorous_massage", "advice"),
            ("no_spinal_stretching", "advice"),
        ],
        "withheld": [("home_care.heat", "critical_ischaemia_heat", None)],
        "referrals": [("medical_referral.vascular", "routine")],
        "deferred": [],
        "schedule": "One visit to teach the home programme, then review in 4 weeks.",
        "goals": [
            "Cramps per week: from 4 down to 2 by the review (at least halved).",
            "Pain (0-10): from 4 down to 2 by the review.",
        ],
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
                ("home_care.easy_cycling", "5 min, every night before bed"),
                ("home_care.heel_walking", "1 min, every night before bed"),
            ],
        },
    }

    assert "home_care.heat" not in _keys(assessment)
    assert "home_care.heat" in contraindicated_items(
        load_case(CASES_DIR / "critical_ischaemia.json")
    )


def test_second_trimester_pregnancy_with_a_lumbar_disc_injury():
    assessment = _assess("pregnancy_second_trimester_lumbar_disc")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "pregnancy.second_trimester",
            "spine.lower_back_nerve",
            "night_calf_cramps",
            "stiffness.lower_back",
            "pattern.one_sided",
        ],
        "precautions": [
            ("pregnancy_after_first_trimester", "contraindication"),
            ("pregnancy_positioning", "advice"),
            ("no_spinal_stretching", "advice"),
            ("nerve_irritation_first", "advice"),
            ("nutrition_no_prescription", "advice"),
        ],
        "withheld": [
            (
                "home_care.sleep_position",
                "pregnancy_after_first_trimester",
                "home_care.sleep_side_lying",
            ),
            ("strengthening.core", "pregnancy_after_first_trimester", "strengthening.core_gentle"),
            ("home_care.self_mobilisation.lumbar", "pregnancy_after_first_trimester", None),
        ],
        "referrals": [("nutrition_referral.dietitian", "routine")],
        "deferred": [
            "stretching.pnf",
            "strengthening.calf",
            "strengthening.foot",
            "home_care.heat",
            "home_care.easy_cycling",
            "home_care.heel_walking",
        ],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": [
            "Cramps per week: from 4 down to 2 by the review (at least halved).",
            "Pain (0-10): from 5 down to 3 by the review.",
            "Oswestry Disability Index: from 32% down to 22% by the review.",
            "Pregnancy cramps should pass after the birth: recheck after the birth and "
            "look for another cause if they continue.",
        ],
        "items": {
            "spinal_mobilisation": [("spinal_mobilisation.lumbar", "at each visit")],
            "massage": [
                ("massage.spinal_muscles.lumbar", "at each visit"),
                ("massage.cramping_muscles", "at each visit"),
            ],
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s on the left, every night before bed",
                )
            ],
            "strengthening": [
                ("strengthening.core_gentle", "3 sets of 10, once a day"),
                ("strengthening.glutes", "3 sets of 10, every other day, with a rest day between"),
            ],
            "posture": [("posture.awareness", "every hour of sitting")],
            "nutrition_referral": [("nutrition_referral.dietitian", "once")],
            "home_care": [("home_care.sleep_side_lying", "every night before bed")],
        },
    }

    keys = _keys(assessment)
    # Absent: back-lying sleep, curl-ups/planks, lying on a foam roller.
    assert keys.isdisjoint(
        {"home_care.sleep_position", "strengthening.core", "home_care.self_mobilisation.lumbar"}
    )
    # Present instead: side-lying with a pillow between the knees; gentle deep-core work.
    assert {"home_care.sleep_side_lying", "strengthening.core_gentle"} <= keys
    # The recorded Oswestry and pain scores are the baselines.
    oswestry = [g for g in assessment.plan.goals if g.key == "oswestry"][0]
    assert (oswestry.baseline, oswestry.target) == ("32", "22")
    assert "record it" not in str(oswestry.text)
    # Advice only on the items: the practitioner signs without giving any reason.
    for item in assessment.plan.items:
        for key in item.precaution_keys:
            assert PRECAUTIONS_BY_KEY[key].kind == "advice", (item.key, key)


def test_after_giving_birth():
    assessment = _assess("after_giving_birth")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "night_calf_cramps",
            "hydration.low_water",
            "stiffness.lower_back",
            "exercise.inactive",
            "pregnancy.after_birth",
            "pattern.both_sides",
        ],
        "precautions": [
            ("after_birth_core", "contraindication"),
            ("no_spinal_stretching", "advice"),
            ("nutrition_no_prescription", "advice"),
        ],
        "withheld": [("strengthening.core", "after_birth_core", "strengthening.core_gentle")],
        "referrals": [("nutrition_referral.dietitian", "routine")],
        "deferred": [
            "strengthening.conditioning",
            "strengthening.core_gentle",
            "home_care.easy_cycling",
            "strengthening.glutes",
            "home_care.heel_walking",
            "posture.awareness",
            "home_care.self_mobilisation.lumbar",
        ],
        "schedule": "1 visit a week for 4 weeks, then review.",
        "goals": [
            "Cramps per week: from 3 down to 1 by the review (at least halved).",
            "Pain (0-10): from 3 down to 1 by the review.",
            "Oswestry Disability Index: at least 10 points lower at the review than its "
            "first score.",
        ],
        "items": {
            "spinal_mobilisation": [("spinal_mobilisation.lumbar", "at each visit")],
            "massage": [
                ("massage.cramping_muscles", "at each visit"),
                ("massage.spinal_muscles.lumbar", "at each visit"),
            ],
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
                ("home_care.water", "every day"),
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
            ],
        },
    }

    keys = _keys(assessment)
    # Absent: core loading until abdominal separation is checked.
    assert "strengthening.core" not in keys
    assert "what breastfeeding needs in food and fluids" in str(
        _item(assessment, "nutrition_referral.dietitian").instructions
    )
    assert "Intake: breastfeeding" in [
        str(e) for f in assessment.factors if f.key == "pregnancy.after_birth" for e in f.evidence
    ]


def test_osteoporosis_on_raloxifene_and_nicotinic_acid():
    assessment = _assess("osteoporosis_raloxifene_nicotinic_acid")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "medication.nicotinic_acid",
            "medication.raloxifene",
            "night_calf_cramps",
            "stiffness.lower_back",
            "flexibility.short_calf",
            "night_cramps.age",
            "pattern.one_sided",
        ],
        "precautions": [
            ("osteoporosis_spine", "contraindication"),
            ("never_stop_medication", "advice"),
            ("no_spinal_stretching", "advice"),
        ],
        "withheld": [
            ("spinal_mobilisation.lumbar", "osteoporosis_spine", "spinal_mobilisation.gentle"),
            ("home_care.self_mobilisation.lumbar", "osteoporosis_spine", None),
            ("strengthening.core", "osteoporosis_spine", "strengthening.core_gentle"),
        ],
        "referrals": [("medical_referral.medication_review", "routine")],
        "deferred": [
            "home_care.easy_cycling",
            "strengthening.glutes",
            "home_care.heel_walking",
            "posture.awareness",
        ],
        "schedule": "2 visits a week for 4 weeks, then review.",
        "goals": ["Cramps per week: from 5 down to 2 by the review (at least halved)."],
        "items": {
            "medical_referral": [("medical_referral.medication_review", "once")],
            "spinal_mobilisation": [("spinal_mobilisation.gentle", "at each visit")],
            "massage": [
                ("massage.cramping_muscles", "at each visit"),
                ("massage.spinal_muscles.lumbar", "at each visit"),
            ],
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s on the right, every night before bed",
                )
            ],
            "strengthening": [
                ("strengthening.calf", "3 sets of 12, every other day, with a rest day between"),
                ("strengthening.core_gentle", "3 sets of 10, once a day"),
            ],
            "home_care": [
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
            ],
        },
    }

    keys = _keys(assessment)
    # Absent: sustained or forceful spinal pressure, roller under the spine, loaded bending.
    assert keys.isdisjoint(
        {"spinal_mobilisation.lumbar", "home_care.self_mobilisation.lumbar", "strengthening.core"}
    )
    assert "spinal_mobilisation.gentle" in keys
    review = _item(assessment, "medical_referral.medication_review")
    assert "raloxifene (raloxifene) and niacin (nicotinic acid)" in str(review.instructions)
    assert "must not stop" in str(review.instructions)
    # The never-stop rule is advice: shown, never a reason to give.
    never_stop = [p for p in assessment.precautions if p.key == "never_stop_medication"][0]
    assert never_stop.kind == "advice"


def test_diabetic_neuropathy_with_kidney_disease_on_a_diuretic():
    assessment = _assess("diabetic_neuropathy_kidney_diuretic")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "medication.diuretic",
            "other.neurological",
            "other.liver_kidney",
            "other.diabetes",
            "night_calf_cramps",
            "hydration.fluids_limited",
            "feet.flat",
            "feet.footwear",
            "night_cramps.age",
            "pattern.both_sides",
        ],
        "precautions": [
            ("reduced_foot_sensation", "contraindication"),
            ("fluids_set_by_doctor", "contraindication"),
            ("never_stop_medication", "advice"),
            ("no_spinal_stretching", "advice"),
            ("nutrition_no_prescription", "advice"),
            ("heat_reduced_feeling", "advice"),
        ],
        "withheld": [
            (
                "strengthening.short_foot",
                "reduced_foot_sensation",
                "strengthening.short_foot_seated",
            ),
            ("home_care.water", "fluids_set_by_doctor", "home_care.fluids_agreed"),
        ],
        "referrals": [
            ("medical_referral.medication_review", "routine"),
            ("medical_referral.secondary_causes", "routine"),
            ("nutrition_referral.dietitian", "routine"),
        ],
        "deferred": [
            "strengthening.short_foot_seated",
            "home_care.easy_cycling",
            "home_care.heel_walking",
            "home_care.footwear",
            "home_care.orthotics",
        ],
        "schedule": "1 visit a week for 4 weeks, then review.",
        "goals": [
            "Cramps per week: from 5 down to 2 by the review (at least halved).",
            "Pain (0-10): from 2 down to 0 by the review.",
        ],
        "items": {
            "medical_referral": [
                ("medical_referral.medication_review", "once"),
                ("medical_referral.secondary_causes", "once"),
            ],
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
            "nutrition_referral": [("nutrition_referral.dietitian", "once")],
            "home_care": [
                ("home_care.fluids_agreed", "every day"),
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
            ],
        },
    }

    keys = _keys(assessment)
    # Absent: barefoot exercise, "at least 2 litres".
    assert keys.isdisjoint({"strengthening.short_foot", "home_care.water"})
    for item in assessment.plan.items:
        assert "walk barefoot" not in str(item.instructions), item.key
    (hydration,) = [f for f in assessment.factors if f.key == "hydration.fluids_limited"]
    assert "2 L" not in str(hydration.title) and "the doctor sets" in str(hydration.title)
    fluids = str(_item(assessment, "home_care.fluids_agreed").instructions)
    assert fluids.startswith("Because of kidney disease and a diuretic, agree with the doctor")
    assert "2 litres" not in fluids
    # Medical factors are referrals: one visit a week, not weeks of two.
    assert assessment.plan.schedule.visits_per_week == 1


def test_true_leg_length_difference():
    assessment = _assess("true_leg_length_difference")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": ["feet.leg_length", "posture.alignment", "pattern.one_sided"],
        "precautions": [("no_spinal_stretching", "advice"), ("shoe_lift_scoliosis", "advice")],
        "withheld": [],
        "referrals": [],
        "deferred": [],
        "schedule": "1 visit a week for 4 weeks, then review.",
        "goals": ["Cramps per week: from 2 down to 1 by the review (at least halved)."],
        "items": {
            "massage": [("massage.cramping_muscles", "at each visit")],
            "stretching": [("stretching.pnf", "3 holds of 20-30 s on the left, once a day")],
            "strengthening": [
                (
                    "strengthening.hamstrings",
                    "3 sets of 10, every other day, with a rest day between",
                )
            ],
            "posture": [("posture.training", "at each visit")],
            "home_care": [("home_care.shoe_lift", "every day")],
        },
    }

    keys = _keys(assessment)
    assert "home_care.shoe_lift" in keys
    assert "left, shorter" in str(_item(assessment, "home_care.shoe_lift").instructions)
    # Absent: short-foot exercise and orthotics (the feet are not flat).
    assert keys.isdisjoint({"strengthening.short_foot", "home_care.orthotics"})
    # Exercise cramps in a well-hydrated runner: no glycogen or dehydration factor.
    assert "exercise.fuel" not in [f.key for f in assessment.factors]


def test_mid_back_facet_sprain_with_shoulder_girdle_spasm():
    assessment = _assess("thoracic_facet_sprain")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "spine.sprain_spasm",
            "posture.no_breaks",
            "posture.long_sitting",
            "posture.slumped",
            "posture.alignment",
            "pattern.one_sided",
        ],
        "precautions": [("no_spinal_stretching", "advice")],
        "withheld": [],
        "referrals": [],
        "deferred": ["posture.sitting", "posture.training"],
        "schedule": "2 visits a week for 6 weeks, then review.",
        "goals": [
            "Cramps per week: from 7 down to 3 by the review (at least halved).",
            "Pain (0-10): from 5 down to 3 by the review.",
        ],
        "items": {
            "spinal_mobilisation": [("spinal_mobilisation.thoracic", "at each visit")],
            "massage": [
                ("massage.spinal_muscles.thoracic", "at each visit"),
                ("massage.cramping_muscles", "at each visit"),
            ],
            "stretching": [("stretching.pnf", "3 holds of 20-30 s on the right, once a day")],
            "strengthening": [
                (
                    "strengthening.core",
                    "3 holds of 20-30 s, every other day, with a rest day between",
                ),
                (
                    "strengthening.shoulder_girdle",
                    "3 sets of 10, every other day, with a rest day between",
                ),
            ],
            "posture": [("posture.awareness", "every hour of sitting")],
            "home_care": [("home_care.hourly_breaks", "2 min, every hour of sitting")],
        },
    }

    sprain = assessment.factors[0]
    assert str(sprain.title).startswith(
        "Sprain of the mid-back with spasm in the muscles beside the spine and shoulder girdle"
    )
    assert "(T5, T6)" in str(_item(assessment, "spinal_mobilisation.thoracic").instructions)
    # The spine itself is never stretched: PNF for the shoulder girdle only.
    pnf = str(_item(assessment, "stretching.pnf").instructions)
    assert "shoulder girdle" in pnf and "beside the spine" not in pnf
    assert "spinal_mobilisation.lumbar" not in _keys(assessment)


def test_sedentary_older_adult():
    assessment = _assess("sedentary_older_adult")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": [
            "night_calf_cramps",
            "hydration.low_water",
            "exercise.inactive",
            "posture.no_breaks",
            "posture.long_sitting",
            "night_cramps.age",
            "pattern.both_sides",
        ],
        "precautions": [
            ("no_spinal_stretching", "advice"),
            ("nutrition_no_prescription", "advice"),
        ],
        "withheld": [],
        "referrals": [("nutrition_referral.dietitian", "routine")],
        "deferred": [
            "home_care.easy_cycling",
            "posture.awareness",
            "home_care.heel_walking",
            "posture.sitting",
        ],
        "schedule": "1 visit a week for 4 weeks, then review.",
        "goals": ["Cramps per week: from 3 down to 1 by the review (at least halved)."],
        "items": {
            "massage": [("massage.cramping_muscles", "at each visit")],
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s each side, every night before bed",
                )
            ],
            "strengthening": [
                ("strengthening.calf", "3 sets of 12, every other day, with a rest day between"),
                ("strengthening.conditioning", "30 min, three times a week"),
            ],
            "nutrition_referral": [("nutrition_referral.dietitian", "once")],
            "home_care": [
                ("home_care.water", "every day"),
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
                ("home_care.hourly_breaks", "2 min, every hour of sitting"),
            ],
        },
    }

    keys = _keys(assessment)
    # No exam yet: no invented spinal-stiffness factor, no spinal treatment.
    factor_keys = {f.key for f in assessment.factors}
    assert not any(k.startswith(("stiffness.", "spine.")) for k in factor_keys)
    assert not any(k.startswith("spinal_mobilisation") for k in keys)
    assert {"strengthening.conditioning", "home_care.hourly_breaks", "home_care.water"} <= keys


def test_healthy_control_with_occasional_cramps():
    assessment = _assess("healthy_control_occasional_cramps")
    assert summary(assessment) == {
        "requires_medical_clearance": False,
        "treatment_withheld": False,
        "red_flags": [],
        "factors": ["night_calf_cramps", "no_cause_found"],
        "precautions": [],
        "withheld": [],
        "referrals": [],
        "deferred": [],
        "schedule": "One visit to teach the home programme, then review in 4 weeks.",
        "goals": ["Cramps per week: from 1 down to 0 by the review (at least halved)."],
        "items": {
            "stretching": [
                (
                    "stretching.calf_before_bed",
                    "3 holds of 20-30 s on the right, every night before bed",
                )
            ],
            "home_care": [
                ("home_care.sleep_position", "every night before bed"),
                ("home_care.heat", "15 min, every night before bed"),
                ("home_care.easy_cycling", "5 min, every night before bed"),
                ("home_care.heel_walking", "1 min, every night before bed"),
            ],
        },
    }

    (no_cause,) = [f for f in assessment.factors if f.key == "no_cause_found"]
    assert str(no_cause.title).startswith("No cause found")
    assert "more so with age" in str(no_cause.title)
    # No invented cause, no clinic treatment, no PNF or massage for an occasional cramp.
    assert [f.key for f in assessment.factors] == ["night_calf_cramps", "no_cause_found"]
    assert {i.component for i in assessment.plan.items} == {"stretching", "home_care"}
    assert assessment.plan.schedule.visits_per_week == 1
    assert assessment.plan.schedule.weeks == 1
