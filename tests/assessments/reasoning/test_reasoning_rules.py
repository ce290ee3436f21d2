"""One test per rule, each from a short vignette in the seeds (or clinical screening).

Each case states what a clinician should see: the factor or red flag, the plan items and
precautions the rule adds, and the seeds it cites (written out here, not read from the rule).
"""

from dataclasses import dataclass

import pytest
from reasoning_case_builder import case_facts

from assessments.reasoning import RULES, SEEDS, assess
from assessments.reasoning.interventions import GOALS_BY_KEY, ITEMS_BY_KEY, PRECAUTIONS_BY_KEY

CALF_NIGHT = {
    "sites": [{"muscle": "calf", "side": "left"}],
    "timing": ["night"],
    "cramps_per_week": 3,
}
CALF = {"sites": [{"muscle": "calf", "side": "right"}], "cramps_per_week": 2}
HAMSTRING = {"sites": [{"muscle": "hamstring", "side": "right"}], "cramps_per_week": 2}
FOREARM = {"sites": [{"muscle": "forearm_hand", "side": "right"}], "cramps_per_week": 3}
FOOT = {"sites": [{"muscle": "foot", "side": "left"}], "cramps_per_week": 2}
LUMBAR_CARE = (
    "spinal_mobilisation.lumbar",
    "massage.spinal_muscles.lumbar",
    "strengthening.core",
    "strengthening.glutes",
    "posture.awareness",
)
CERVICAL_CARE = (
    "spinal_mobilisation.cervical",
    "massage.spinal_muscles.cervical",
    "posture.awareness",
)
NIGHT_CALF_CARE = (
    "stretching.calf_before_bed",
    "home_care.sleep_position",
    "home_care.easy_cycling",
    "home_care.heel_walking",
    "home_care.heat",
)


@dataclass(frozen=True)
class RuleCase:
    rule_id: str
    vignette: str
    facts: dict
    finding: str | None
    sources: tuple[str, ...]
    items: tuple[str, ...] = ()
    precautions: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    urgency: str | None = None  # red flags: how soon the doctor must see the patient
    # Contraindications: item -> the alternative proposed instead (None: none).
    withheld: tuple[tuple[str, str | None], ...] = ()
    cleared: tuple[str, ...] = ()  # red flags a doctor has cleared


def _red_flag_case(rule_id, vignette, flag, key, urgency):
    return RuleCase(
        rule_id,
        vignette,
        {"cramps": CALF, "red_flags": {flag: True}},
        key,
        ("clinical-screening",),
        urgency=urgency,
    )


def _medication_case(rule_id, vignette, name, drug_class, key, sources):
    return RuleCase(
        rule_id,
        vignette,
        {"cramps": CALF_NIGHT, "medications": [{"name": name, "classes": [drug_class]}]},
        key,
        sources,
        items=("medical_referral.medication_review",),
    )


CASES = [
    RuleCase(
        "RF-CALF-CLOT",
        "Calf cramp that has not settled since a long flight; the calf is swollen, red and warm.",
        {"cramps": CALF, "red_flags": {"calf_swollen_red_warm": True}},
        "red_flag.calf_clot",
        ("clinical-screening",),
        urgency="emergency",
    ),
    _red_flag_case(
        "RF-SADDLE-NUMBNESS",
        "Calf cramps with new numbness between the legs (saddle area).",
        "saddle_numbness",
        "red_flag.saddle_numbness",
        "emergency",
    ),
    _red_flag_case(
        "RF-BLADDER-BOWEL",
        "Calf cramps and, since last week, trouble holding urine.",
        "bladder_bowel_change",
        "red_flag.bladder_bowel",
        "emergency",
    ),
    _red_flag_case(
        "RF-PROGRESSIVE-WEAKNESS",
        "Calf cramps and a foot that has been getting weaker each week.",
        "progressive_weakness",
        "red_flag.progressive_weakness",
        "urgent",
    ),
    _red_flag_case(
        "RF-WEIGHT-LOSS",
        "Calf cramps and 8 kg lost in three months without trying.",
        "unexplained_weight_loss",
        "red_flag.weight_loss",
        "soon",
    ),
    _red_flag_case(
        "RF-FEVER",
        "Calf cramps with a fever (seed 002 lists infection among secondary causes).",
        "fever",
        "red_flag.fever",
        "soon",
    ),
    RuleCase(
        "RF-ABSENT-PULSE-CLAUDICATION",
        "Calf pain on walking that eases with rest; no pulse can be felt at the left foot.",
        {
            "cramps": CALF,
            "circulation": {"calf_pain_walking_eases_with_rest": True},
            "exam": {"vascular": {"foot_pulse_left": "absent"}},
        },
        "red_flag.absent_pulse_claudication",
        ("clinical-screening",),
        urgency="soon",
    ),
    RuleCase(
        "RF-ABI-CRITICAL",
        "Night calf cramps; ankle-brachial index 0.45.",
        {"cramps": CALF_NIGHT, "exam": {"vascular": {"ankle_brachial_index": 0.45}}},
        "red_flag.critical_abi",
        ("clinical-screening",),
        urgency="urgent",
    ),
    RuleCase(
        "RF-BRISK-REFLEXES",
        "Forearm cramps with cervical stenosis; the left knee reflex is brisk.",
        {
            "cramps": FOREARM,
            "spine": {"stenosis_region": "cervical"},
            "exam": {"neuro": {"reflex_knee_left": "brisk"}},
        },
        "red_flag.brisk_reflexes",
        ("clinical-screening",),
        urgency="soon",
    ),
    _medication_case(
        "MED-STATIN",
        "Seed 002/003: night calf cramps since starting atorvastatin for cholesterol.",
        "atorvastatin",
        "statin",
        "medication.statin",
        ("002", "003"),
    ),
    _medication_case(
        "MED-DIURETIC",
        "Seed 002/003: night calf cramps on furosemide for high blood pressure.",
        "furosemide",
        "diuretic",
        "medication.diuretic",
        ("002", "003"),
    ),
    _medication_case(
        "MED-NICOTINIC-ACID",
        "Seed 002: calf cramps on niacin (nicotinic acid) for cholesterol.",
        "niacin",
        "nicotinic_acid",
        "medication.nicotinic_acid",
        ("002",),
    ),
    _medication_case(
        "MED-RALOXIFENE",
        "Seed 002: calf cramps on Evista to prevent osteoporosis.",
        "Evista",
        "raloxifene",
        "medication.raloxifene",
        ("002",),
    ),
    _medication_case(
        "MED-NIFEDIPINE",
        "Seed 002: calf cramps on nifedipine for Raynaud's phenomenon.",
        "Adalat",
        "nifedipine",
        "medication.nifedipine",
        ("002",),
    ),
    RuleCase(
        "MED-NEVER-STOP",
        "Seed 002: on simvastatin; never stop a prescribed drug unless the GP advises it.",
        {"cramps": CALF_NIGHT, "medications": [{"name": "simvastatin", "classes": ["statin"]}]},
        None,
        ("002",),
        precautions=("never_stop_medication",),
    ),
    RuleCase(
        "PAD-DIAGNOSED",
        "Seed 004: known peripheral artery disease and calf cramps.",
        {"cramps": CALF, "circulation": {"pad_diagnosed": True}},
        "circulation.pad",
        ("004", "003"),
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    RuleCase(
        "PAD-CLAUDICATION",
        "Calf pain on walking that eases with rest, no diagnosis yet (vascular screen, seed 004).",
        {"cramps": CALF, "circulation": {"calf_pain_walking_eases_with_rest": True}},
        "circulation.pad",
        ("004", "clinical-screening"),
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    RuleCase(
        "PAD-EXAM-PULSES",
        "Seed 004/003: calf cramps; the right foot pulse is weak on examination.",
        {"cramps": CALF, "exam": {"vascular": {"foot_pulse_right": "weak"}}},
        "circulation.pad",
        ("004", "003"),
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    RuleCase(
        "PAD-EXAM-ABI",
        "Seed 004/003: calf cramps; ankle-brachial index 0.8.",
        {"cramps": CALF, "exam": {"vascular": {"ankle_brachial_index": 0.8}}},
        "circulation.pad",
        ("004", "003"),
        items=("medical_referral.vascular",),
        precautions=("pad_vigorous_massage",),
    ),
    RuleCase(
        "THYROID-UNDERACTIVE-UNTREATED",
        "Seed 001/004: low thyroid, never treated; tingling feet and frequent cramps.",
        {"cramps": CALF_NIGHT, "thyroid": {"condition": "underactive", "treated": False}},
        "thyroid.underactive_untreated",
        ("001", "003", "004"),
        items=("medical_referral.thyroid",),
    ),
    RuleCase(
        "THYROID-OVERACTIVE-UNTREATED",
        "Seed 003: overactive thyroid, not treated; night leg cramps.",
        {"cramps": CALF_NIGHT, "thyroid": {"condition": "overactive", "treated": None}},
        "thyroid.overactive_untreated",
        ("003",),
        items=("medical_referral.thyroid",),
    ),
    RuleCase(
        "THYROID-UNSURE",
        "Seed 003: not sure whether the thyroid was ever checked; night leg cramps.",
        {"cramps": CALF_NIGHT, "thyroid": {"condition": "unsure"}},
        "thyroid.unsure",
        ("001", "003", "004"),
        items=("medical_referral.thyroid",),
    ),
    RuleCase(
        "THYROID-TREATED",
        "Seed 003: underactive thyroid on levothyroxine; night leg cramps.",
        {"cramps": CALF_NIGHT, "thyroid": {"condition": "underactive", "treated": True}},
        "thyroid.treated",
        ("003",),
    ),
    RuleCase(
        "OTHER-NEUROLOGICAL",
        "Seed 002: multiple sclerosis with calf cramps.",
        {"cramps": CALF, "conditions": {"multiple_sclerosis": True}},
        "other.neurological",
        ("002", "003"),
        items=("medical_referral.secondary_causes",),
    ),
    RuleCase(
        "OTHER-LIVER-KIDNEY",
        "Seed 002: cirrhosis of the liver with cramps.",
        {"cramps": CALF, "conditions": {"liver_disease": True}},
        "other.liver_kidney",
        ("002", "003"),
        items=("medical_referral.secondary_causes",),
    ),
    RuleCase(
        "OTHER-DIABETES",
        "Seed 003: type 2 diabetes and night leg cramps.",
        {"cramps": CALF_NIGHT, "conditions": {"diabetes": True}},
        "other.diabetes",
        ("003",),
        items=("medical_referral.secondary_causes",),
    ),
    RuleCase(
        "OTHER-HEART-CIRCULATION",
        "Seed 003: heart failure and night leg cramps.",
        {"cramps": CALF_NIGHT, "conditions": {"heart_circulation_disease": True}},
        "other.heart_circulation",
        ("003",),
        items=("medical_referral.secondary_causes",),
    ),
    RuleCase(
        "PREG-T3-CRAMPS",
        "Seed 002: last trimester (30 weeks), the extra weight strains the legs; calf cramps.",
        {"cramps": CALF_NIGHT, "pregnancy": {"pregnant": True, "gestation_weeks": 30}},
        "pregnancy.third_trimester",
        ("001", "002", "004"),
        items=("nutrition_referral.dietitian",),
        precautions=("nutrition_no_prescription",),
        goals=("pregnancy_after_birth",),
    ),
    RuleCase(
        "PREG-T2-CRAMPS",
        "Seed 001/004: second trimester (20 weeks), calcium and magnesium shortfall; calf cramps.",
        {"cramps": CALF_NIGHT, "pregnancy": {"pregnant": True, "gestation_weeks": 20}},
        "pregnancy.second_trimester",
        ("001", "002", "004"),
        items=("nutrition_referral.dietitian",),
        precautions=("nutrition_no_prescription",),
        goals=("pregnancy_after_birth",),
    ),
    RuleCase(
        "PREG-POSITIONING",
        "10 weeks pregnant with calf cramps: positioning precautions from the first visit.",
        {"cramps": CALF, "pregnancy": {"pregnant": True, "gestation_weeks": 10}},
        None,
        ("001", "004", "clinical-screening"),
        precautions=("pregnancy_positioning",),
    ),
    RuleCase(
        "PREG-AFTER-BIRTH",
        "Seed 002: cramps should pass after the birth, yet they continue five months later.",
        {"cramps": CALF_NIGHT, "pregnancy": {"gave_birth_last_12_months": True}},
        "pregnancy.after_birth",
        ("002",),
    ),
    RuleCase(
        "SPINE-LUMBAR-CALF",
        "Seed 002: lower-back disc injury with calf and foot cramps.",
        {"cramps": CALF, "spine": {"disc_injury_region": "lumbar"}},
        "spine.lower_back_nerve",
        ("000", "002", "003"),
        items=LUMBAR_CARE,
    ),
    RuleCase(
        "SPINE-NECK-FOREARM",
        "Seed 000: cervical stenosis with forearm and hand cramps.",
        {"cramps": FOREARM, "spine": {"stenosis_region": "cervical"}},
        "spine.neck_nerve",
        ("000", "002"),
        items=CERVICAL_CARE,
    ),
    RuleCase(
        "SPINE-SPRAIN-SPASM",
        "Seed 002: facet sprain of the lower back, spasm in the muscles beside the spine.",
        {
            "cramps": {"sites": [{"muscle": "paraspinal", "side": "both"}], "cramps_per_week": 3},
            "spine": {"past_sprain_region": "lumbar"},
        },
        "spine.sprain_spasm",
        ("002", "001"),
        items=("spinal_mobilisation.lumbar", "massage.spinal_muscles.lumbar", "posture.awareness"),
    ),
    RuleCase(
        "SPINE-ROOT-SIGNS-LEG",
        "Seed 000: no back diagnosis, but the left straight-leg raise reproduces the calf pain.",
        {
            "cramps": CALF,
            "exam": {"neuro": {"slr_left_degrees": 50, "slr_reproduces_left": True}},
        },
        "spine.leg_root_signs",
        ("000", "001", "002"),
        items=LUMBAR_CARE,
    ),
    RuleCase(
        "SPINE-ROOT-SIGNS-ARM",
        "Seed 000: forearm cramps with altered C7 sensation, no neck diagnosis.",
        {"cramps": FOREARM, "exam": {"neuro": {"sensation_change_roots": ["C7"]}}},
        "spine.arm_root_signs",
        ("000", "002"),
        items=CERVICAL_CARE,
    ),
    RuleCase(
        "STIFF-LOWER-BACK-LEG",
        "Seed 000: foot cramps in the pool; S1 mildly stiff and painless.",
        {"cramps": FOOT, "exam": {"segments": [{"level": "S1", "stiffness": "mild"}]}},
        "stiffness.lower_back",
        ("000",),
        items=(*LUMBAR_CARE, "home_care.self_mobilisation.lumbar"),
    ),
    RuleCase(
        "STIFF-NECK-ARM",
        "Seed 000: hand cramps; C6 stiff on the right.",
        {
            "cramps": FOREARM,
            "exam": {"segments": [{"level": "C6", "stiffness": "moderate", "side": "right"}]},
        },
        "stiffness.neck",
        ("000",),
        items=(*CERVICAL_CARE, "home_care.self_mobilisation.cervical"),
    ),
    RuleCase(
        "IMBALANCE-GLUTES-HAMSTRING",
        "Seed 002: weak buttock muscles; the hamstring cramps in a bridge.",
        {
            "cramps": {**HAMSTRING, "timing": ["exercise"]},
            "exam": {
                "strength": {"glute_max_left": 3, "glute_max_right": 3},
                "cramp_reproduced": True,
                "cramp_reproduced_where": "hamstring in a bridge",
            },
        },
        "imbalance.glutes_hamstrings",
        ("000", "002"),
        items=("strengthening.glutes",),
    ),
    RuleCase(
        "IMBALANCE-WEAK-ANTAGONIST",
        "Seed 002: weak antagonist; tibialis anterior 3/5 opposite a cramping calf.",
        {"cramps": CALF, "exam": {"strength": {"tibialis_anterior_right": 3}}},
        "imbalance.weak_antagonist",
        ("002",),
        items=("strengthening.tibialis_anterior",),
    ),
    RuleCase(
        "WEAKNESS-TARGETED",
        "Seed 002/003: calf cramps; quadriceps 4/5 on the left against 5/5 on the right.",
        {"cramps": CALF, "exam": {"strength": {"quadriceps_left": 4, "quadriceps_right": 5}}},
        "weakness.other",
        ("002", "003"),
        items=("strengthening.quadriceps",),
    ),
    RuleCase(
        "NIGHT-CALF-CRAMPS",
        "Seed 002/003: woken by calf cramps; the foot points down in bed.",
        {"cramps": CALF_NIGHT},
        "night_calf_cramps",
        ("002", "003"),
        items=NIGHT_CALF_CARE,
    ),
    RuleCase(
        "SAFETY-HEAT-REDUCED-FEELING",
        "Night calf cramps in a patient with diabetes: heat on numb skin can burn.",
        {"cramps": CALF_NIGHT, "conditions": {"diabetes": True}},
        None,
        ("clinical-screening",),
        precautions=("heat_reduced_feeling",),
    ),
    RuleCase(
        "HYDRATION-LOW-WATER",
        "Seed 002: drinks 1 L of water and five coffees a day.",
        {"cramps": CALF, "daily_life": {"water_litres_per_day": 1.0, "coffee_tea_cups_per_day": 5}},
        "hydration.low_water",
        ("000", "002", "003"),
        items=("home_care.water", "nutrition_referral.dietitian"),
        precautions=("nutrition_no_prescription",),
    ),
    RuleCase(
        "EXERCISE-CRAMPS-FUEL",
        "Seed 002: calf cramps in the last minutes of a football match.",
        {"cramps": {**CALF, "timing": ["exercise"]}},
        "exercise.fuel",
        ("000", "002"),
        items=("home_care.carbohydrate",),
        precautions=("nutrition_no_prescription",),
    ),
    RuleCase(
        "EXERCISE-OVEREXERTION",
        "Seed 003: cramps since doubling running mileage last week.",
        {"cramps": CALF, "daily_life": {"recent_overexertion": True}},
        "exercise.overexertion",
        ("002", "003"),
        items=("home_care.load_management",),
    ),
    RuleCase(
        "EXERCISE-INACTIVE",
        "Seed 003: no exercise at all; calf cramps.",
        {"cramps": CALF, "daily_life": {"exercise_level": "none"}},
        "exercise.inactive",
        ("003",),
        items=("strengthening.conditioning",),
    ),
    RuleCase(
        "POSTURE-LONG-SITTING",
        "Seed 000/001: office worker sitting 8 hours a day.",
        {"cramps": CALF, "daily_life": {"sitting_hours_per_day": 8}},
        "posture.long_sitting",
        ("000", "001"),
        items=("posture.awareness", "posture.sitting"),
    ),
    RuleCase(
        "POSTURE-NO-SITTING-BREAKS",
        "Seed 001: sits 5 hours at a stretch without getting up.",
        {"cramps": CALF, "daily_life": {"sitting_hours_per_day": 5, "takes_sitting_breaks": False}},
        "posture.no_breaks",
        ("001",),
        items=("home_care.hourly_breaks",),
    ),
    RuleCase(
        "POSTURE-CROSSED-POINTED",
        "Seed 003: sits with the legs crossed and the toes pointed.",
        {"cramps": CALF, "daily_life": {"sits_legs_crossed": True, "sits_toes_pointed": True}},
        "posture.crossed_or_pointed",
        ("003",),
        items=("posture.sitting",),
    ),
    RuleCase(
        "POSTURE-LONG-STANDING",
        "Seed 003: shop assistant standing all day.",
        {"cramps": CALF_NIGHT, "daily_life": {"long_standing_at_work": True}},
        "posture.long_standing",
        ("003",),
        items=("posture.standing",),
    ),
    RuleCase(
        "POSTURE-SLUMPED-SITTING",
        "Seed 000: sits slumped in the exam.",
        {"cramps": CALF, "exam": {"posture": {"sitting_posture": "slumped"}}},
        "posture.slumped",
        ("000",),
        items=("posture.awareness", "posture.sitting"),
    ),
    RuleCase(
        "POSTURE-SLEEP-FEET-DOWN",
        "Seed 003: sleeps face down with the feet pointed.",
        {"cramps": CALF_NIGHT, "daily_life": {"sleeps_feet_pointed_down": True}},
        "posture.sleep_feet_down",
        ("003",),
        items=("home_care.sleep_position",),
    ),
    RuleCase(
        "POSTURE-ALIGNMENT",
        "Seed 001: forward head and rounded shoulders.",
        {"cramps": CALF, "exam": {"posture": {"head_forward": True, "rounded_shoulders": True}}},
        "posture.alignment",
        ("000", "001"),
        items=("posture.training",),
    ),
    RuleCase(
        "FEET-FLAT",
        "Seed 001/003: flat left foot in the exam.",
        {"cramps": CALF, "exam": {"posture": {"foot_posture_left": "flat"}}},
        "feet.flat",
        ("001", "003"),
        items=("strengthening.short_foot", "home_care.footwear", "home_care.orthotics"),
    ),
    RuleCase(
        "FEET-FOOTWEAR",
        "Seed 003: wears high heels at work.",
        {"cramps": CALF, "daily_life": {"footwear": "high_heels"}},
        "feet.footwear",
        ("003",),
        items=("home_care.footwear",),
    ),
    RuleCase(
        "LEG-LENGTH-TRUE",
        "Seed 001: true short left leg of 10 mm with a scoliosis: a lift only if it helps.",
        {
            "cramps": CALF,
            "exam": {
                "posture": {
                    "leg_length_difference_mm": 10,
                    "leg_length_type": "true",
                    "leg_length_short_side": "left",
                    "scoliosis": True,
                }
            },
        },
        "feet.leg_length",
        ("001",),
        items=("home_care.shoe_lift",),
        precautions=("shoe_lift_scoliosis",),
    ),
    RuleCase(
        "LEG-LENGTH-APPARENT",
        "Seed 001: apparent leg-length difference of 8 mm: the pelvis draws one leg up; no lift.",
        {
            "cramps": CALF,
            "exam": {"posture": {"leg_length_difference_mm": 8, "leg_length_type": "apparent"}},
        },
        "feet.leg_length_apparent",
        ("001",),
        items=("massage.pelvis_trunk",),
    ),
    RuleCase(
        "LEG-LENGTH-UNTYPED",
        "Seed 001: a 9 mm difference not yet typed: check true or apparent before any lift.",
        {"cramps": CALF, "exam": {"posture": {"leg_length_difference_mm": 9}}},
        "feet.leg_length_untyped",
        ("001",),
    ),
    RuleCase(
        "FLEX-SHORT-CALF",
        "Seed 003: calf cramps; ankle dorsiflexion 5 degrees on the right.",
        {"cramps": CALF, "exam": {"flexibility": {"ankle_dorsiflexion_right_degrees": 5}}},
        "flexibility.short_calf",
        ("003",),
        items=("stretching.calf",),
    ),
    RuleCase(
        "FLEX-SHORT-HIP-FLEXORS",
        "Seed 003: Thomas test positive on the left.",
        {"cramps": CALF, "exam": {"flexibility": {"thomas_test_positive_left": True}}},
        "flexibility.short_hip_flexors",
        ("003",),
        items=("stretching.hip_flexors",),
    ),
    RuleCase(
        "PROTOCOL-CALMING-MASSAGE",
        "Seed 000: persistent calf cramps; calming, not deep-tissue, massage.",
        {"cramps": CALF},
        None,
        ("000", "001", "003"),
        items=("massage.cramping_muscles",),
    ),
    RuleCase(
        "PROTOCOL-PNF-STRETCHING",
        "Seed 000: persistent calf cramps; PNF stretching, never the spine (seed 002).",
        {"cramps": CALF},
        None,
        ("000", "002"),
        items=("stretching.pnf",),
        precautions=("no_spinal_stretching",),
    ),
    RuleCase(
        "PROTOCOL-STRENGTH-CRAMPING-MUSCLES",
        "Seed 000: persistent hamstring cramps; strengthen the cramping muscle.",
        {"cramps": HAMSTRING},
        None,
        ("000",),
        items=("strengthening.hamstrings",),
    ),
    RuleCase(
        "GOAL-CRAMP-FREQUENCY",
        "Seed 000: better back function lowers how often cramps come; 6 a week now.",
        {"cramps": {**CALF, "cramps_per_week": 6}},
        None,
        ("000",),
        goals=("cramps_per_week",),
    ),
    RuleCase(
        "GOAL-PAIN",
        "Seed 001: pain and tenderness linger after cramps; pain 6/10 today.",
        {"cramps": CALF, "exam": {"pain_now": 6}},
        None,
        ("001",),
        goals=("pain",),
    ),
    RuleCase(
        "GOAL-OSWESTRY",
        "Seed 000: calf cramps with a current low back ache.",
        {"cramps": CALF, "spine": {"current_back_pain": True}},
        None,
        ("000",),
        goals=("oswestry",),
    ),
    RuleCase(
        "RF-CANCER-HISTORY",
        "Clinical screening: breast cancer ten years ago, now back pain with the calf cramps.",
        {
            "cramps": CALF,
            "conditions": {"cancer_history": True},
            "spine": {"current_back_pain": True},
        },
        "red_flag.cancer_history",
        ("clinical-screening",),
        urgency="soon",
    ),
    RuleCase(
        "RF-RECENT-TRAUMA",
        "Clinical screening: a fall last week in a woman with osteoporosis; calf cramps since.",
        {"cramps": CALF, "conditions": {"recent_trauma": True, "osteoporosis": True}},
        "red_flag.recent_trauma",
        ("clinical-screening",),
        urgency="soon",
    ),
    RuleCase(
        "CI-PREGNANCY-AFTER-T1",
        "20 weeks pregnant, night calf cramps: side-lying, not back-lying, in bed.",
        {"cramps": CALF_NIGHT, "pregnancy": {"pregnant": True, "gestation_weeks": 20}},
        None,
        ("001", "004", "clinical-screening"),
        precautions=("pregnancy_after_first_trimester",),
        withheld=(("home_care.sleep_position", "home_care.sleep_side_lying"),),
    ),
    RuleCase(
        "CI-AFTER-BIRTH-CORE",
        "Gave birth four months ago, lower-back disc injury: no core loading yet.",
        {
            "cramps": CALF,
            "pregnancy": {"gave_birth_last_12_months": True},
            "spine": {"disc_injury_region": "lumbar"},
        },
        None,
        ("clinical-screening",),
        precautions=("after_birth_core",),
        withheld=(("strengthening.core", "strengthening.core_gentle"),),
    ),
    RuleCase(
        "CI-REDUCED-FOOT-SENSATION",
        "Seeds 002/003: peripheral neuropathy and flat feet: short-foot work, never barefoot.",
        {
            "cramps": FOOT,
            "conditions": {"peripheral_neuropathy": True},
            "daily_life": {"flat_feet_known": True},
        },
        None,
        ("002", "003", "clinical-screening"),
        precautions=("reduced_foot_sensation",),
        withheld=(("strengthening.short_foot", "strengthening.short_foot_seated"),),
    ),
    RuleCase(
        "CI-OSTEOPOROSIS-SPINE",
        "Osteoporosis, stiff L5 with calf cramps: no forceful spinal pressure, no roller.",
        {
            "cramps": CALF,
            "conditions": {"osteoporosis": True},
            "exam": {"segments": [{"level": "L5", "stiffness": "moderate"}]},
        },
        None,
        ("clinical-screening",),
        precautions=("osteoporosis_spine",),
        withheld=(
            ("spinal_mobilisation.lumbar", "spinal_mobilisation.gentle"),
            ("home_care.self_mobilisation.lumbar", None),
            ("strengthening.core", "strengthening.core_gentle"),
        ),
    ),
    RuleCase(
        "CI-CRITICAL-ISCHAEMIA-HEAT",
        "ABI 0.45, seen by the vascular team and cleared for care: still no heat on the legs.",
        {"cramps": CALF_NIGHT, "exam": {"vascular": {"ankle_brachial_index": 0.45}}},
        None,
        ("clinical-screening",),
        precautions=("critical_ischaemia_heat",),
        withheld=(("home_care.heat", None),),
        cleared=("red_flag.critical_abi",),
    ),
    RuleCase(
        "CI-PARASPINAL-NO-SPINAL-STRETCH",
        "Seed 002: spasm beside the spine after a lumbar sprain: do not stretch the spine.",
        {
            "cramps": {"sites": [{"muscle": "paraspinal", "side": "both"}], "cramps_per_week": 4},
            "spine": {"past_sprain_region": "lumbar"},
        },
        None,
        ("002",),
        precautions=("paraspinal_no_spinal_stretch",),
        withheld=(("stretching.pnf", None),),
    ),
    RuleCase(
        "CI-CRAMPS-WHILE-STRETCHING",
        "Seed 000: the couch stretch brings on a hamstring cramp: no PNF into the cramp.",
        {"cramps": {**HAMSTRING, "timing": ["stretching"]}},
        None,
        ("000", "clinical-screening"),
        precautions=("cramps_while_stretching",),
        withheld=(("stretching.pnf", "stretching.gentle"),),
    ),
    RuleCase(
        "CI-FLUIDS-SET-BY-DOCTOR",
        "Seed 003: heart failure with a fluid limit, drinks 1 L: the doctor sets the amount.",
        {
            "cramps": CALF,
            "conditions": {"heart_circulation_disease": True},
            "daily_life": {"water_litres_per_day": 1.0, "fluid_limit_set_by_doctor": True},
        },
        None,
        ("002", "003"),
        precautions=("fluids_set_by_doctor",),
        withheld=(("home_care.water", "home_care.fluids_agreed"),),
    ),
    RuleCase(
        "CRAMPS-LONG-EPISODES",
        "Seeds 001/004, 003: each calf cramp lasts 15 minutes: a reason to see a doctor.",
        {"cramps": {**CALF, "episode_minutes": 15}},
        "cramps.long_episodes",
        ("001", "003", "004"),
        items=("medical_referral.long_cramps",),
    ),
    RuleCase(
        "SCREEN-CANCER-HISTORY",
        "Clinical screening: cancer treated at 30, now 40, no back pain: screen each visit.",
        {"person": {"age_years": 40}, "cramps": CALF, "conditions": {"cancer_history": True}},
        None,
        ("clinical-screening",),
        precautions=("cancer_history",),
    ),
    RuleCase(
        "BREASTFEEDING-NUTRITION",
        "Breastfeeding with night calf cramps: a dietitian for food and fluids.",
        {
            "cramps": CALF_NIGHT,
            "pregnancy": {"gave_birth_last_12_months": True, "breastfeeding": True},
        },
        None,
        ("clinical-screening", "000"),
        items=("nutrition_referral.dietitian",),
        precautions=("nutrition_no_prescription",),
    ),
    RuleCase(
        "SPINE-NERVE-FIRST",
        "Seed 002: calf cramps with pain down the leg: settle the nerve before strengthening.",
        {"cramps": CALF, "symptoms": {"radiating_leg_pain": True}},
        None,
        ("002",),
        precautions=("nerve_irritation_first",),
    ),
    RuleCase(
        "INJURY-PAST-LEG-MUSCLE",
        "Seed 001/004: a torn hamstring two years ago; hamstring cramps since.",
        {"cramps": HAMSTRING, "conditions": {"past_leg_muscle_injury": True}},
        "injury.past_leg_muscle",
        ("001", "004"),
    ),
    RuleCase(
        "INJURY-RECENT",
        "Seed 001/004: a calf strain playing football last month, 30 years old; cramps since.",
        {"person": {"age_years": 30}, "cramps": CALF, "conditions": {"recent_trauma": True}},
        "injury.recent",
        ("001", "004"),
    ),
    RuleCase(
        "NIGHT-CRAMPS-AGE",
        "Seeds 002/003: 78-year-old woman with night calf cramps.",
        {"person": {"age_years": 78, "sex": "female"}, "cramps": CALF_NIGHT},
        "night_cramps.age",
        ("002", "003"),
    ),
    RuleCase(
        "HYDRATION-FLUIDS-LIMITED",
        "Seed 003: on furosemide, drinks 1 L a day: the doctor sets the fluids, not 2 L.",
        {
            "cramps": CALF,
            "medications": [{"name": "furosemide", "classes": ["diuretic"]}],
            "daily_life": {"water_litres_per_day": 1.0},
        },
        "hydration.fluids_limited",
        ("002", "003"),
        items=("nutrition_referral.dietitian",),
        precautions=("nutrition_no_prescription",),
        withheld=(("home_care.water", "home_care.fluids_agreed"),),
    ),
    RuleCase(
        "HYDRATION-SWEATING",
        "Seeds 001/004, 002: a roofer working in the summer heat, sweating heavily.",
        {"cramps": CALF, "daily_life": {"heavy_sweating_or_heat": True}},
        "hydration.sweating",
        ("001", "002", "004"),
        items=("home_care.water",),
        precautions=("nutrition_no_prescription",),
    ),
    RuleCase(
        "PATTERN-ONE-SIDED",
        "Seed 000: cramps only ever in the right calf.",
        {"cramps": CALF},
        "pattern.one_sided",
        ("000",),
    ),
    RuleCase(
        "PATTERN-BOTH-SIDES",
        "Seed 000: cramps in both calves alike.",
        {"cramps": {"sites": [{"muscle": "calf", "side": "both"}], "cramps_per_week": 2}},
        "pattern.both_sides",
        ("000",),
    ),
    RuleCase(
        "NO-CAUSE-FOUND",
        "Seeds 002/003: an occasional night calf cramp in a healthy adult; nothing else found.",
        {"cramps": {**CALF_NIGHT, "cramps_per_week": 1}},
        "no_cause_found",
        ("002", "003"),
    ),
]


def test_every_rule_refers_only_to_declared_items_precautions_goals_and_seeds():
    for rule in RULES:
        for key in rule.items:
            family = key.split("{")[0]
            assert any(item_key.startswith(family) for item_key in ITEMS_BY_KEY), (rule.id, key)
        assert set(rule.precautions) <= set(PRECAUTIONS_BY_KEY), rule.id
        assert set(rule.goals) <= set(GOALS_BY_KEY), rule.id
        assert rule.sources and set(rule.sources) <= set(SEEDS), rule.id
        assert (rule.factor is None) or (rule.red_flag is None), rule.id
    assert len({rule.id for rule in RULES}) == len(RULES)


def test_every_rule_has_a_vignette():
    assert sorted(case.rule_id for case in CASES) == sorted(rule.id for rule in RULES)
    assert len({case.rule_id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.rule_id for case in CASES])
def test_rule(case):
    assessment = assess(case_facts(**case.facts), cleared_red_flags=frozenset(case.cleared))
    assert case.rule_id in assessment.rule_ids, case.vignette
    stems = {SEEDS[source] for source in case.sources}

    if case.finding is not None:
        findings = {f.key: f for f in (*assessment.red_flags, *assessment.factors)}
        finding = findings[case.finding]
        assert case.rule_id in finding.rule_ids
        assert stems <= set(finding.sources)
        assert all(str(text) for text in finding.evidence)

    if case.urgency is not None:
        (flag,) = [f for f in assessment.red_flags if f.key == case.finding]
        assert flag.urgency == case.urgency
        # An open red flag: the referral with its urgency and nothing else.
        assert assessment.treatment_withheld
        assert assessment.plan.items == () and assessment.plan.schedule is None
        assert [(r.key, r.urgency) for r in assessment.referrals] == [
            ("medical_referral.red_flags", case.urgency)
        ]

    items = {item.key: item for item in assessment.plan.items}
    for key in case.items:
        if key in assessment.deferred_items:
            continue  # proposed, left out only to keep the plan short
        assert case.rule_id in items[key].rule_ids, key
        assert stems <= set(items[key].sources), key
        if case.finding is not None:
            assert case.finding in items[key].factor_keys, key

    withheld = {(w.item, w.alternative) for w in assessment.withheld_items}
    for item, alternative in case.withheld:
        assert (item, alternative) in withheld, item
        assert item not in items, item
        if alternative is not None:
            assert alternative in items or alternative in assessment.deferred_items, alternative

    precautions = {p.key: p for p in assessment.precautions}
    for key in case.precautions:
        assert case.rule_id in precautions[key].rule_ids, key
        assert stems <= set(precautions[key].sources), key

    goals = {g.key: g for g in assessment.plan.goals}
    for key in case.goals:
        assert case.rule_id in goals[key].rule_ids, key
        assert stems <= set(goals[key].sources), key


def test_every_rule_declared_in_a_topic_module_is_in_rules_once():
    import importlib
    import pkgutil

    import assessments.reasoning.rules as package
    from assessments.reasoning import Rule

    declared = [
        value
        for info in pkgutil.iter_modules(package.__path__)
        for value in vars(importlib.import_module(f"{package.__name__}.{info.name}")).values()
        if isinstance(value, Rule)
    ]
    assert len(declared) == len(RULES)
    assert {id(rule) for rule in declared} == {id(rule) for rule in RULES}


def test_each_item_module_holds_only_its_own_component_and_every_component_has_one():
    from assessments.reasoning.interventions import COMPONENTS, ITEM_TEMPLATES
    from assessments.reasoning.interventions.items import _BY_COMPONENT

    assert tuple(_BY_COMPONENT) == COMPONENTS
    for component, templates in _BY_COMPONENT.items():
        assert templates and {t.component for t in templates} == {component}
    assert [t.component for t in ITEM_TEMPLATES] == sorted(
        (t.component for t in ITEM_TEMPLATES), key=COMPONENTS.index
    )
