"""Issue 18: every home exercise the rule base can propose has patient wording and a drawing;
every other item, factor and precaution is either said plainly or kept for the practitioner."""

from reasoning_case_builder import CASES_DIR

from assessments.reasoning import assess
from assessments.reasoning.cases import load_case
from assessments.reasoning.handout import EXERCISES, HandoutItem, dosage_words, patient_handout
from assessments.reasoning.handout.programme import CLINIC_ITEMS, is_home
from assessments.reasoning.handout.wording import (
    FINDINGS,
    HOME_ADVICE,
    IN_CLINIC,
    ITEM_EXERCISES,
    PATIENT_PRECAUTIONS,
    STRETCH_BY_MUSCLE,
    STRETCH_ITEMS,
)
from assessments.reasoning.interventions import ITEM_TEMPLATES, PRECAUTIONS
from assessments.reasoning.vocabulary import CRAMP_MUSCLES

# How the practitioner treats: on the care plan only, never the patient's handout.
PRACTITIONER_ONLY_PRECAUTIONS = {
    "pregnancy_positioning",
    "pad_vigorous_massage",
    "nerve_irritation_first",
    "cancer_history",
}
ISSUE_EXERCISES = {
    "calf_wall_stretch",
    "heel_drop",
    "hamstring_stretch",
    "quadriceps_stretch",
    "bridge",
    "clamshell",
    "side_lying_hip_abduction",
    "plank",
    "curl_up",
    "heel_walking",
    "short_foot",
    "foam_roller_back",
    "ball_neck",
    "sitting_posture",
    "sleep_back_pillow",
    "sleep_side_pillow",
}


def _item(template):
    return HandoutItem(key=template.key, component=template.component)


def test_every_item_the_rules_can_propose_goes_home_as_words_or_stays_at_the_clinic():
    for template in ITEM_TEMPLATES:
        item = _item(template)
        if is_home(item):
            covered = (
                template.key in ITEM_EXERCISES
                or template.key in STRETCH_ITEMS
                or template.key in HOME_ADVICE
            )
            assert covered, template.key
        else:
            assert template.key in IN_CLINIC, template.key
    assert "posture.training" in CLINIC_ITEMS
    # Every cramping muscle a stretch can name has a home stretch (the spine is never stretched).
    assert set(STRETCH_BY_MUSCLE) == set(CRAMP_MUSCLES) - {"paraspinal"}


def test_the_exercises_the_issue_names_are_all_there():
    assert not ISSUE_EXERCISES - {exercise.key for exercise in EXERCISES}


def test_each_exercise_has_short_imperative_steps_and_says_what_to_feel_and_when_to_stop():
    for exercise in EXERCISES:
        assert 2 <= len(exercise.steps) <= 4, exercise.key
        for step in exercise.steps:
            assert len(step.msgid) <= 90, step.msgid
            assert "the patient" not in step.msgid.lower()
        assert exercise.feel.msgid and exercise.stop.msgid


def test_every_precaution_is_said_plainly_or_kept_for_the_practitioner():
    keys = {spec.key for spec in PRECAUTIONS}
    assert keys == set(PATIENT_PRECAUTIONS) | PRACTITIONER_ONLY_PRECAUTIONS
    assert not set(PATIENT_PRECAUTIONS) & PRACTITIONER_ONLY_PRECAUTIONS


def test_the_dosage_reads_as_sets_repetitions_hold_and_rest_days():
    strength = {"frequency": "alternate_days", "sets": 3, "reps": 10}
    stretch = {
        "frequency": "nightly",
        "sets": 3,
        "hold_seconds": 20,
        "hold_seconds_max": 30,
        "each_side": True,
    }
    assert str(dosage_words(strength)) == (
        "3 sets of 10 repetitions; every other day: rest on the days between"
    )
    assert str(dosage_words(stretch)) == (
        "3 times, hold 20-30 seconds, each side; every night before bed"
    )
    assert str(dosage_words({"frequency": "nightly"})) == "every night before bed"


def test_a_plan_with_nothing_found_says_so_and_posture_training_stays_at_the_clinic():
    assessment = assess(load_case(CASES_DIR / "true_leg_length_difference.json"))
    items = [
        HandoutItem(key=item.key, component=item.component, dosage=item.dosage.to_dict())
        for item in assessment.plan.items
    ]
    handout = patient_handout(items, factor_keys=[f.key for f in assessment.factors])
    assert [str(text) for text in handout.in_clinic] == [
        "Calming massage of the muscles that cramp (not deep massage).",
        "Posture exercises with us at each visit.",
    ]
    assert "posture" not in {block.key for block in handout.exercises}
    assert str(patient_handout([]).findings[0]).startswith("We found no single cause")
    assert set(FINDINGS)  # every factor key resolves through its own key or its topic
    for factor in assessment.factors:
        assert factor.key in FINDINGS or factor.key.split(".")[0] in FINDINGS
