"""The rule base, declared as data: one module per topic, each rule next to its condition.

Each `Rule` has an id, a named condition with a sentence a clinician can check, what it
contributes (a factor or a red flag, plan items, precautions, goals) and the seeds it rests on.
Seeds are the clinical texts in shared/seeds; "clinical-screening" marks the red flags and safety
checks that any clinic screens for although the seeds do not name them. Seed 000 is one
physiotherapist's clinical experience: what rests on it alone is worded as a hypothesis to examine.

Item keys may hold a placeholder, e.g. "strengthening.{exercise}": the condition's match names
the values (`scope`), one item per value.

`RULES` below is the order the engine and the catalogue (docs/rules.md) follow. To add a rule:
write its condition and its `Rule` in the topic's module, then name it here.
"""

from __future__ import annotations

from . import (
    circulation,
    cramp_pattern,
    exercise,
    feet,
    hydration,
    imbalance,
    medications,
    night_cramps,
    other_causes,
    posture,
    pregnancy,
    protocol,
    red_flags,
    spine,
    thyroid,
)
from .base import (
    SEED_TITLES,
    SEEDS,
    URGENCIES,
    Condition,
    FactorSpec,
    Match,
    RedFlagSpec,
    Rule,
    condition,
)

RULES: tuple[Rule, ...] = (
    # Red flags: while one is open the proposal is a medical referral with its urgency, alone.
    red_flags.RF_CALF_CLOT,
    red_flags.RF_SADDLE_NUMBNESS,
    red_flags.RF_BLADDER_BOWEL,
    red_flags.RF_ABI_CRITICAL,
    red_flags.RF_PROGRESSIVE_WEAKNESS,
    red_flags.RF_ABSENT_PULSE_CLAUDICATION,
    red_flags.RF_BRISK_REFLEXES,
    red_flags.RF_WEIGHT_LOSS,
    red_flags.RF_FEVER,
    red_flags.RF_CANCER_HISTORY,
    red_flags.RF_RECENT_TRAUMA,
    # Contraindications: the item is withheld and its safe alternative proposed.
    pregnancy.CI_PREGNANCY_AFTER_T1,
    pregnancy.CI_AFTER_BIRTH_CORE,
    circulation.CI_REDUCED_FOOT_SENSATION,
    other_causes.CI_OSTEOPOROSIS_SPINE,
    red_flags.CI_CRITICAL_ISCHAEMIA_HEAT,
    cramp_pattern.CI_PARASPINAL_NO_SPINAL_STRETCH,
    cramp_pattern.CI_CRAMPS_WHILE_STRETCHING,
    hydration.CI_FLUIDS_SET_BY_DOCTOR,
    # Medications.
    medications.MED_STATIN,
    medications.MED_DIURETIC,
    medications.MED_NICOTINIC_ACID,
    medications.MED_RALOXIFENE,
    medications.MED_NIFEDIPINE,
    medications.MED_NEVER_STOP,
    # Circulation.
    circulation.PAD_DIAGNOSED,
    circulation.PAD_CLAUDICATION,
    circulation.PAD_EXAM_PULSES,
    circulation.PAD_EXAM_ABI,
    # Thyroid.
    thyroid.THYROID_UNDERACTIVE_UNTREATED,
    thyroid.THYROID_OVERACTIVE_UNTREATED,
    thyroid.THYROID_UNSURE,
    thyroid.THYROID_TREATED,
    # Other causes that need a doctor.
    other_causes.OTHER_NEUROLOGICAL,
    other_causes.OTHER_LIVER_KIDNEY,
    other_causes.OTHER_DIABETES,
    other_causes.OTHER_HEART_CIRCULATION,
    cramp_pattern.CRAMPS_LONG_EPISODES,
    red_flags.SCREEN_CANCER_HISTORY,
    # Pregnancy.
    pregnancy.PREG_T3_CRAMPS,
    pregnancy.PREG_T2_CRAMPS,
    pregnancy.PREG_POSITIONING,
    pregnancy.PREG_AFTER_BIRTH,
    pregnancy.BREASTFEEDING_NUTRITION,
    # The spine.
    spine.SPINE_LUMBAR_CALF,
    spine.SPINE_NECK_FOREARM,
    spine.SPINE_SPRAIN_SPASM,
    spine.SPINE_ROOT_SIGNS_LEG,
    spine.SPINE_ROOT_SIGNS_ARM,
    spine.SPINE_NERVE_FIRST,
    spine.STIFF_LOWER_BACK_LEG,
    spine.STIFF_NECK_ARM,
    # Muscle imbalance.
    imbalance.IMBALANCE_GLUTES_HAMSTRING,
    imbalance.IMBALANCE_WEAK_ANTAGONIST,
    imbalance.WEAKNESS_TARGETED,
    other_causes.INJURY_PAST_LEG_MUSCLE,
    other_causes.INJURY_RECENT,
    # Night calf cramps.
    night_cramps.NIGHT_CALF_CRAMPS,
    night_cramps.NIGHT_CRAMPS_AGE,
    circulation.SAFETY_HEAT_REDUCED_FEELING,
    # Hydration and food.
    hydration.HYDRATION_LOW_WATER,
    hydration.HYDRATION_FLUIDS_LIMITED,
    hydration.HYDRATION_SWEATING,
    hydration.EXERCISE_CRAMPS_FUEL,
    # Exercise load.
    exercise.EXERCISE_OVEREXERTION,
    exercise.EXERCISE_INACTIVE,
    # Posture.
    posture.POSTURE_LONG_SITTING,
    posture.POSTURE_NO_SITTING_BREAKS,
    posture.POSTURE_CROSSED_POINTED,
    posture.POSTURE_LONG_STANDING,
    posture.POSTURE_SLUMPED_SITTING,
    posture.POSTURE_SLEEP_FEET_DOWN,
    posture.POSTURE_ALIGNMENT,
    # Feet and leg length.
    feet.FEET_FLAT,
    feet.FEET_FOOTWEAR,
    feet.LEG_LENGTH_TRUE,
    feet.LEG_LENGTH_APPARENT,
    feet.LEG_LENGTH_UNTYPED,
    # Flexibility.
    exercise.FLEX_SHORT_CALF,
    exercise.FLEX_SHORT_HIP_FLEXORS,
    # Which side cramps (seed 000): a hint for the examination, not a cause.
    cramp_pattern.PATTERN_ONE_SIDED,
    cramp_pattern.PATTERN_BOTH_SIDES,
    # The core treatment protocol of seed 000, for recurring cramps.
    protocol.PROTOCOL_CALMING_MASSAGE,
    protocol.PROTOCOL_PNF_STRETCHING,
    protocol.PROTOCOL_STRENGTH_CRAMPING_MUSCLES,
    # When nothing else explains the cramps (seeds 002, 003): say so, invent no cause.
    protocol.NO_CAUSE_FOUND,
    # Goals.
    protocol.GOAL_CRAMP_FREQUENCY,
    protocol.GOAL_PAIN,
    protocol.GOAL_OSWESTRY,
)

__all__ = [
    "RULES",
    "SEEDS",
    "SEED_TITLES",
    "URGENCIES",
    "Condition",
    "FactorSpec",
    "Match",
    "RedFlagSpec",
    "Rule",
    "condition",
]
