"""Plain data the patient handout is printed from, every sentence already in the patient's
language (the Django layer renders the reasoning's texts before filling these).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from assessments.documents.data import LANGUAGES, Letterhead, PatientBlock

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


@dataclasses.dataclass(frozen=True)
class HandoutData:
    letterhead: Letterhead
    patient: PatientBlock
    practitioner_name: str
    plan_date: date
    version: int
    signed_at: datetime | None  # None: a draft, printed with the DRAFT mark
    findings: tuple[str, ...]
    in_clinic: tuple[str, ...]
    visits: str
    exercises: tuple[HandoutExercise, ...]
    advice: tuple[str, ...]
    precautions: tuple[str, ...]
    language: str = "en"
    page_size: str = "A4"
    see_doctor: str = ""

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"Unsupported document language {self.language!r}")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"Unknown page size {self.page_size!r}; expected one of {PAGE_SIZES}")

    @property
    def is_draft(self) -> bool:
        return self.signed_at is None
