"""The patient handout in plain words: home exercises, advice, findings and precautions."""

from .exercises import EXERCISES, EXERCISES_BY_KEY, HomeExercise
from .programme import (
    ExerciseBlock,
    HandoutItem,
    PatientHandout,
    dosage_words,
    exercises_for,
    patient_handout,
)

__all__ = [
    "EXERCISES",
    "EXERCISES_BY_KEY",
    "ExerciseBlock",
    "HandoutItem",
    "HomeExercise",
    "PatientHandout",
    "dosage_words",
    "exercises_for",
    "patient_handout",
]
