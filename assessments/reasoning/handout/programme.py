"""From a plan's items to the patient's handout, as translatable text.

`patient_handout()` is pure: it takes what the plan holds (item keys, their structured
dosages, the muscles a stretch names, the factor and precaution keys) and returns every line
the handout prints. Items the practitioner wrote themselves (no key) come back as typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..i18n import Text, gettext_noop
from ..interventions.base import FREQUENCY_NAMES
from ..vocabulary import COMPONENTS
from .exercises import EXERCISES_BY_KEY, HomeExercise
from .wording import (
    ALWAYS_PRECAUTION,
    FINDINGS,
    HOME_ADVICE,
    IN_CLINIC,
    ITEM_EXERCISES,
    NOTHING_FOUND,
    PATIENT_PRECAUTIONS,
    STRETCH_BY_MUSCLE,
    STRETCH_EXTRA_STEP,
    STRETCH_ITEMS,
)

MAX_FINDINGS = 3
# Components done at the clinic or by another professional; the rest can go home.
CLINIC_COMPONENTS = ("spinal_mobilisation", "massage", "medical_referral", "nutrition_referral")
# Items of a home component that are nonetheless done at the visits.
CLINIC_ITEMS = ("posture.training",)

# How often, in the patient's words: the plan's words, except where those read as a
# practitioner's note.
FREQUENCY_WORDS = {
    **FREQUENCY_NAMES,
    "daily": Text(gettext_noop("every day")),
    "hourly": Text(gettext_noop("every hour you sit")),
    "alternate_days": Text(gettext_noop("every other day: rest on the days between")),
}


@dataclass(frozen=True)
class HandoutItem:
    """One kept plan item as the handout needs it."""

    key: str  # "" for the practitioner's own item
    component: str
    title: str = ""  # as typed: printed only for the practitioner's own items
    instructions: str = ""
    dosage_text: str = ""  # as shown on the plan (the practitioner may have edited it)
    dosage: Mapping | None = None  # the reasoning's structured dosage, when not edited
    muscles: tuple[str, ...] = ()
    item_id: int | None = None


@dataclass(frozen=True)
class ExerciseBlock:
    key: str  # the exercise key, or "own-<item id>" for the practitioner's own item
    figure: str | None
    title: Text | str
    steps: tuple[Text | str, ...]
    dosage: Text | str
    feel: Text | str | None
    stop: Text | str | None
    item_id: int | None = None


@dataclass(frozen=True)
class PatientHandout:
    findings: tuple[Text, ...]
    in_clinic: tuple[Text | str, ...]
    exercises: tuple[ExerciseBlock, ...]
    advice: tuple[Text | str, ...]
    precautions: tuple[Text, ...] = field(default_factory=tuple)


def dosage_words(dosage: Mapping) -> Text:
    """Sets, repetitions, hold and how often, in the patient's words."""
    hold = None
    if dosage.get("hold_seconds") is not None:
        hold = str(dosage["hold_seconds"])
        if dosage.get("hold_seconds_max") is not None:
            hold = f"{dosage['hold_seconds']}-{dosage['hold_seconds_max']}"
    sets, reps, minutes = dosage.get("sets"), dosage.get("reps"), dosage.get("minutes")
    if sets and reps:
        amount = Text(
            gettext_noop("%(sets)s sets of %(reps)s repetitions"),
            {"sets": str(sets), "reps": str(reps)},
        )
    elif sets and hold:
        amount = Text(
            gettext_noop("%(sets)s times, hold %(hold)s seconds"),
            {"sets": str(sets), "hold": hold},
        )
    elif reps:
        amount = Text(gettext_noop("%(reps)s repetitions"), {"reps": str(reps)})
    elif hold:
        amount = Text(gettext_noop("hold %(hold)s seconds"), {"hold": hold})
    elif minutes:
        amount = Text(gettext_noop("%(minutes)s min"), {"minutes": str(minutes)})
    else:
        amount = None
    how_often = FREQUENCY_WORDS.get(dosage.get("frequency"), FREQUENCY_WORDS["daily"])
    if amount is None:
        return how_often
    if dosage.get("side") in ("left", "right"):
        side = {"left": Text(gettext_noop("left")), "right": Text(gettext_noop("right"))}
        return Text(
            gettext_noop("%(amount)s, %(side)s side only; %(often)s"),
            {"amount": amount, "side": side[dosage["side"]], "often": how_often},
        )
    if dosage.get("each_side"):
        return Text(
            gettext_noop("%(amount)s, each side; %(often)s"),
            {"amount": amount, "often": how_often},
        )
    return Text(gettext_noop("%(amount)s; %(often)s"), {"amount": amount, "often": how_often})


def is_home(item: HandoutItem) -> bool:
    return item.component not in CLINIC_COMPONENTS and item.key not in CLINIC_ITEMS


def exercises_for(item: HandoutItem) -> tuple[HomeExercise, ...]:
    if item.key in STRETCH_ITEMS:
        keys = tuple(STRETCH_BY_MUSCLE[m] for m in item.muscles if m in STRETCH_BY_MUSCLE)
    else:
        keys = ITEM_EXERCISES.get(item.key, ())
    return tuple(EXERCISES_BY_KEY[key] for key in keys)


def _dosage(item: HandoutItem) -> Text | str:
    return dosage_words(item.dosage) if item.dosage is not None else item.dosage_text


def _blocks(items: Sequence[HandoutItem]) -> list[ExerciseBlock]:
    blocks: list[ExerciseBlock] = []
    seen: set[str] = set()
    for item in items:
        if not item.key:
            blocks.append(
                ExerciseBlock(
                    key=f"own-{item.item_id}",
                    figure=None,
                    title=item.title,
                    steps=(item.instructions,) if item.instructions.strip() else (),
                    dosage=item.dosage_text,
                    feel=None,
                    stop=None,
                    item_id=item.item_id,
                )
            )
            continue
        extra = STRETCH_EXTRA_STEP.get(item.key)
        for exercise in exercises_for(item):
            if exercise.key in seen:  # the calf stretch of two items, sitting of two posture items
                continue
            seen.add(exercise.key)
            blocks.append(
                ExerciseBlock(
                    key=exercise.key,
                    figure=exercise.figure,
                    title=exercise.title,
                    steps=(*exercise.steps, *((extra,) if extra else ())),
                    dosage=_dosage(item),
                    feel=exercise.feel,
                    stop=exercise.stop,
                    item_id=item.item_id,
                )
            )
    return blocks


def _finding(factor_key: str) -> str:
    if factor_key in FINDINGS:
        return FINDINGS[factor_key]
    return FINDINGS.get(factor_key.split(".")[0], "")


def findings(factor_keys: Sequence[str]) -> tuple[Text, ...]:
    sentences: list[str] = []
    for key in factor_keys:
        sentence = _finding(key)
        if sentence and sentence not in sentences:
            sentences.append(sentence)
    if not sentences:
        sentences = [NOTHING_FOUND]
    return tuple(Text(s) for s in sentences[:MAX_FINDINGS])


def patient_handout(
    items: Sequence[HandoutItem],
    *,
    factor_keys: Sequence[str] = (),
    precaution_keys: Sequence[str] = (),
) -> PatientHandout:
    ordered = sorted(items, key=lambda item: COMPONENTS.index(item.component))
    in_clinic: list[Text | str] = []
    advice: list[Text | str] = []
    home: list[HandoutItem] = []
    for item in ordered:
        if not is_home(item):
            in_clinic.append(IN_CLINIC.get(item.key) or item.title)
        elif item.key in HOME_ADVICE:
            advice.append(HOME_ADVICE[item.key])
        elif item.key and not exercises_for(item):
            advice.append(item.title)  # a stretch whose muscles have no home drawing
        else:
            home.append(item)
    precautions: list[Text] = []
    for key in precaution_keys:
        text = PATIENT_PRECAUTIONS.get(key)
        if text is not None and text not in precautions:
            precautions.append(text)
    precautions.append(ALWAYS_PRECAUTION)
    return PatientHandout(
        findings=findings(factor_keys),
        in_clinic=tuple(in_clinic),
        exercises=tuple(_blocks(home)),
        advice=tuple(advice),
        precautions=tuple(precautions),
    )
