"""Plain data the patient handout is printed from, every sentence already in the patient's
language (the Django layer renders the reasoning's texts before filling these).
"""

from __future__ import annotations

import dataclasses

from assessments.documents.data import PlanDocumentData

PAGE_SIZES = ("A4", "LETTER")


@dataclasses.dataclass(frozen=True)
class HandoutExercise:
    key: str
    title: str
    steps: tuple[str, ...]
    dosage: str
    feel: str = ""
    stop: str = ""
    figure: str | None = None  # a key of documents.figures.exercises.FIGURES
    # The practitioner's own photo (PNG or JPEG bytes, checked and re-encoded at upload),
    # printed instead of the drawing.
    photo: bytes | None = None


@dataclasses.dataclass(frozen=True, kw_only=True)
class HandoutData(PlanDocumentData):
    findings: tuple[str, ...]
    in_clinic: tuple[str, ...]
    visits: str
    exercises: tuple[HandoutExercise, ...]
    advice: tuple[str, ...]
    page_size: str = "A4"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"Unknown page size {self.page_size!r}; expected one of {PAGE_SIZES}")
