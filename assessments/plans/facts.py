"""From the records to the reasoning: a confirmed intake and a finished exam as reasoning Facts.

The reasoning (``assessments/reasoning``) knows nothing of Django; this module is the one place
that reads the models' fields and turns them into the plain data ``facts_from_dict`` validates,
so a value the reasoning does not accept fails here with the path of the bad field
(``CaseError``), never deep inside a rule.
"""

import dataclasses

from django.utils import timezone

from assessments.reasoning import Facts, facts_from_dict
from assessments.reasoning.facts import CRAMP_MUSCLES, CRAMP_TIMINGS, RED_FLAG_FIELDS
from assessments.reasoning.vocabulary import STRENGTH_MUSCLES
from intake.questionnaire import MEDICAL_CONDITIONS

# The intake asks one "which side?" for all the cramping muscles; unanswered means both.
_UNKNOWN_SIDE = "both"


def _number(value):
    return None if value is None else float(value)


def intake_day(intake):
    """The day the intake was taken, in the clinic's time zone."""
    return timezone.localdate(intake.created_at) if intake.created_at else timezone.localdate()


def age_on(date_of_birth, day):
    """Whole years of age on ``day`` (None when the birth date is unknown)."""
    if date_of_birth is None:
        return None
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def person_facts(patient, day):
    age = age_on(patient.date_of_birth, day)
    return {
        "age_years": age if age is not None and 0 <= age <= 130 else None,
        "sex": patient.sex or None,
    }


_CONDITIONS = (*MEDICAL_CONDITIONS, "past_leg_muscle_injury")
_SYMPTOMS = ("tingling", "numbness", "radiating_leg_pain", "radiating_arm_pain")


def intake_facts(intake):
    """The intake's part of the facts, as plain data (every section but ``exam``)."""
    side = intake.cramp_side or _UNKNOWN_SIDE
    muscles = [m for m in CRAMP_MUSCLES if m in (intake.cramp_muscles or [])]
    thyroid = intake.thyroid or "none"
    return {
        "person": person_facts(intake.patient, intake_day(intake)),
        # None: the question was not asked (an older intake), never read as "no".
        "symptoms": {name: getattr(intake, name) for name in _SYMPTOMS},
        "cramps": {
            "sites": [{"muscle": muscle, "side": side} for muscle in muscles],
            "timing": [t for t in CRAMP_TIMINGS if t in (intake.cramp_timing or [])],
            "cramps_per_week": intake.cramps_per_week or 0,
            "episode_minutes": intake.episode_minutes,
            "months_since_onset": intake.months_since_onset,
        },
        # Every answer must have been given: a None here fails validation by name.
        "red_flags": {name: getattr(intake, f"red_flag_{name}") for name in RED_FLAG_FIELDS},
        "medications": [
            {"name": medication.name, "classes": [c.code for c in medication.cramp_linked_classes]}
            for medication in intake.medications.all()
        ],
        "pregnancy": {
            "pregnant": intake.pregnant,
            "gestation_weeks": intake.gestation_weeks if intake.pregnant else None,
            "gave_birth_last_12_months": intake.gave_birth_last_12_months,
            "breastfeeding": intake.breastfeeding,
        },
        "thyroid": {
            "condition": thyroid,
            "treated": None if thyroid == "none" else intake.thyroid_treated,
        },
        # The medical history is asked yes / no; "not asked" (None) is not a reported
        # condition, so the rules see it as absent, as they did when these were tick boxes.
        "circulation": {
            "pad_diagnosed": bool(intake.pad_diagnosed),
            "calf_pain_walking_eases_with_rest": bool(intake.calf_pain_walking),
        },
        "spine": {
            "stenosis_region": intake.stenosis_region or None,
            "stenosis_imaging_confirmed": intake.stenosis_imaging_confirmed,
            "disc_injury_region": intake.disc_injury_region or None,
            "past_sprain_region": intake.past_sprain_region or None,
            "current_back_pain": bool(intake.current_back_pain),
            "current_neck_pain": bool(intake.current_neck_pain),
        },
        "conditions": {name: bool(getattr(intake, name)) for name in _CONDITIONS},
        "daily_life": {
            "sitting_hours_per_day": _number(intake.sitting_hours_per_day),
            "long_standing_at_work": intake.long_standing_at_work,
            "standing_hours_per_day": _number(intake.standing_hours_per_day),
            "sits_legs_crossed": intake.sits_legs_crossed,
            "sits_toes_pointed": intake.sits_toes_pointed,
            "sleeps_feet_pointed_down": intake.sleeps_feet_pointed_down,
            "takes_sitting_breaks": intake.takes_sitting_breaks,
            "exercise_level": intake.exercise_level or None,
            "recent_overexertion": intake.recent_overexertion,
            "water_litres_per_day": _number(intake.water_litres_per_day),
            "coffee_tea_cups_per_day": intake.coffee_tea_cups_per_day or 0,
            "heavy_sweating_or_heat": intake.heavy_sweating_or_heat,
            "fluid_limit_set_by_doctor": intake.fluid_limit_set_by_doctor,
            "footwear": intake.footwear or None,
            "uses_orthotics": intake.uses_orthotics,
            "flat_feet_known": intake.flat_feet_known,
        },
    }


_POSTURE = (
    "head_forward",
    "rounded_shoulders",
    "thoracic_kyphosis",
    "lumbar_lordosis",
    "pelvic_tilt",
    "scoliosis",
    "leg_length_difference_mm",
    "leg_length_type",
    "leg_length_short_side",
    "foot_posture_left",
    "foot_posture_right",
    "sitting_posture",
)
_NEURO = (
    "slr_left_degrees",
    "slr_right_degrees",
    "slr_reproduces_left",
    "slr_reproduces_right",
    "slump_positive",
    "reflex_knee_left",
    "reflex_knee_right",
    "reflex_ankle_left",
    "reflex_ankle_right",
    "sensation_change_roots",
    "strength_change_roots",
)
_STRENGTH = (
    *(f"{muscle}_{side}" for muscle in STRENGTH_MUSCLES for side in ("left", "right")),
    "plank_seconds",
)
_FLEXIBILITY = (
    "ankle_dorsiflexion_left_degrees",
    "ankle_dorsiflexion_right_degrees",
    "hamstring_length_left_degrees",
    "hamstring_length_right_degrees",
    "thomas_test_positive_left",
    "thomas_test_positive_right",
)
_VASCULAR = (
    "foot_pulse_left",
    "foot_pulse_right",
    "capillary_refill_seconds",
    "ankle_brachial_index",
)


def exam_facts(exam):
    """The exam's part of the facts, as plain data."""

    def section(names):
        return {name: getattr(exam, name) for name in names}

    return {
        "posture": section(_POSTURE),
        "segments": [
            {
                "level": row["level"],
                "stiffness": row["stiffness"],
                "tender": row["tender"],
                "side": row["side"],
            }
            for row in exam.segments
        ],
        "neuro": {
            **section(_NEURO),
            "sensation_change_roots": list(exam.sensation_change_roots),
            "strength_change_roots": list(exam.strength_change_roots),
        },
        "strength": section(_STRENGTH),
        "flexibility": section(_FLEXIBILITY),
        "vascular": section(_VASCULAR),
        "pain_now": exam.pain_now,
        "cramp_reproduced": exam.cramp_reproduced,
        "cramp_reproduced_where": exam.cramp_reproduced_where,
    }


def baseline_scores(patient):
    """The latest Oswestry and pain scores already recorded for the patient (None: none)."""
    from assessments.models import OutcomeMeasure

    def latest(instrument):
        measure = (
            OutcomeMeasure.objects.filter(patient=patient, instrument=instrument)
            .order_by("-recorded_at", "-pk")
            .first()
        )
        return None if measure is None else measure.score

    oswestry, pain = latest("ODI"), latest("NPRS")
    return {
        "oswestry_percent": None if oswestry is None else float(oswestry),
        "pain_nprs": None if pain is None else round(pain),
    }


# The Facts of the reasoning in use: an older reasoning has no baseline scores (CONTRACT_CHANGES).
_FACT_SECTIONS = {field.name for field in dataclasses.fields(Facts)}


def facts_dict_for(intake, exam=None):
    data = {**intake_facts(intake), "exam": None if exam is None else exam_facts(exam)}
    if "baseline_scores" in _FACT_SECTIONS:
        data["baseline_scores"] = baseline_scores(intake.patient)
    return data


def facts_for(intake, exam=None) -> Facts:
    """The reasoning's Facts for this intake and (optional) exam; raises CaseError if invalid."""
    return facts_from_dict(facts_dict_for(intake, exam))
