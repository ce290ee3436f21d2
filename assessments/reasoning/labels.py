"""Translatable names for the vocabulary values that appear inside sentences."""

from __future__ import annotations

from .i18n import Text, gettext_noop

MUSCLE_NAMES = {
    "calf": Text(gettext_noop("calf")),
    "foot": Text(gettext_noop("foot")),
    "hamstring": Text(gettext_noop("hamstring")),
    "thigh_front": Text(gettext_noop("front of the thigh")),
    "forearm_hand": Text(gettext_noop("forearm and hand")),
    "paraspinal": Text(gettext_noop("muscles beside the spine")),
    "shoulder_girdle": Text(gettext_noop("shoulder girdle")),
    "buttock_hip": Text(gettext_noop("buttock and hip")),
}

STRENGTH_MUSCLE_NAMES = {
    "glute_max": Text(gettext_noop("gluteus maximus")),
    "glute_med": Text(gettext_noop("gluteus medius")),
    "calf": Text(gettext_noop("calf")),
    "hamstrings": Text(gettext_noop("hamstrings")),
    "quadriceps": Text(gettext_noop("quadriceps")),
    "tibialis_anterior": Text(gettext_noop("tibialis anterior")),
}

SIDE_NAMES = {
    "left": Text(gettext_noop("left")),
    "right": Text(gettext_noop("right")),
    "both": Text(gettext_noop("both sides")),
    "central": Text(gettext_noop("central")),
}

TIMING_NAMES = {
    "night": Text(gettext_noop("at night")),
    "exercise": Text(gettext_noop("during exercise")),
    "rest": Text(gettext_noop("at rest")),
    "stretching": Text(gettext_noop("when stretching")),
}

MEDICATION_CLASS_NAMES = {
    "statin": Text(gettext_noop("statin")),
    "diuretic": Text(gettext_noop("diuretic")),
    "nicotinic_acid": Text(gettext_noop("nicotinic acid")),
    "raloxifene": Text(gettext_noop("raloxifene")),
    "nifedipine": Text(gettext_noop("nifedipine")),
}

STIFFNESS_NAMES = {
    "none": Text(gettext_noop("no")),
    "mild": Text(gettext_noop("mild")),
    "moderate": Text(gettext_noop("moderate")),
    "severe": Text(gettext_noop("severe")),
}

REGION_NAMES = {
    "lumbar": Text(gettext_noop("lower back")),
    "thoracic": Text(gettext_noop("mid-back")),
    "cervical": Text(gettext_noop("neck")),
}

PULSE_NAMES = {
    "present": Text(gettext_noop("present")),
    "weak": Text(gettext_noop("weak")),
    "absent": Text(gettext_noop("absent")),
}

REFLEX_NAMES = {
    "normal": Text(gettext_noop("normal")),
    "reduced": Text(gettext_noop("reduced")),
    "absent": Text(gettext_noop("absent")),
    "brisk": Text(gettext_noop("brisk")),
}

CONDITION_NAMES = {
    "diabetes": Text(gettext_noop("diabetes")),
    "liver_disease": Text(gettext_noop("liver disease")),
    "kidney_disease": Text(gettext_noop("kidney disease")),
    "multiple_sclerosis": Text(gettext_noop("multiple sclerosis")),
    "motor_neurone_disease": Text(gettext_noop("motor neurone disease")),
    "peripheral_neuropathy": Text(gettext_noop("peripheral neuropathy")),
    "heart_circulation_disease": Text(gettext_noop("heart or circulation disease")),
    "stroke": Text(gettext_noop("stroke")),
    "parkinsons_disease": Text(gettext_noop("Parkinson's disease")),
    "osteoporosis": Text(gettext_noop("osteoporosis")),
    "cancer_history": Text(gettext_noop("a history of cancer")),
    "recent_trauma": Text(gettext_noop("a recent injury or fall")),
    "past_leg_muscle_injury": Text(gettext_noop("a past leg muscle tear or strain")),
}

# The conditions that need a doctor's review alongside the plan (seeds 002, 003): every named
# condition but these, in CONDITION_NAMES' order.
_NOT_REFERRED = {"osteoporosis", "cancer_history", "recent_trauma", "past_leg_muscle_injury"}
REFERRAL_CONDITIONS = tuple(name for name in CONDITION_NAMES if name not in _NOT_REFERRED)
