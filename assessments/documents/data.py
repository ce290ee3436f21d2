"""Plain data the documents are printed from.

The Django layer (plans, letters, clinic profile) fills these frozen dataclasses; the documents
never touch a model or the database, so they can be rendered, tested and benchmarked alone.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, date, datetime
from typing import Literal

from assessments.reasoning.vocabulary import COMPONENTS as PLAN_COMPONENTS

# The printed plan lists the practitioner's treatment first, then the medical referral, then what
# the patient does at home: the plan's own order with those two moved to the end.
_PRINTED_LAST = ("medical_referral", "home_care")
COMPONENTS = (*(c for c in PLAN_COMPONENTS if c not in _PRINTED_LAST), *_PRINTED_LAST)
LANGUAGES = ("en", "fr")
REFERRAL_KINDS = ("nutrition", "doctor")

FINGERPRINT_LENGTH = 12


@dataclasses.dataclass(frozen=True)
class Letterhead:
    name: str
    address: str
    phone: str
    # A path on the server (the clinic profile's uploaded logo), never text a patient typed.
    logo_path: str | None = None


@dataclasses.dataclass(frozen=True)
class PatientBlock:
    full_name: str
    date_of_birth: date
    record_number: str


@dataclasses.dataclass(frozen=True)
class PlanItemBlock:
    component: str
    title: str
    instructions: str
    dosage: str
    precautions: tuple[str, ...] = ()
    is_home_programme: bool = False

    def __post_init__(self) -> None:
        if self.component not in COMPONENTS:
            raise ValueError(
                f"Unknown plan component {self.component!r}; expected one of {COMPONENTS}"
            )


# The documents' data are built with keywords only, so a base's fields (some with defaults) can
# come before a subclass's.
@dataclasses.dataclass(frozen=True, kw_only=True)
class DocumentData:
    """What every printed document names: the clinic, the patient, the practitioner, the
    language it is printed in."""

    letterhead: Letterhead
    patient: PatientBlock
    practitioner_name: str
    language: str = "en"

    def __post_init__(self) -> None:
        _check_language(self.language)


@dataclasses.dataclass(frozen=True, kw_only=True)
class PlanDocumentData(DocumentData):
    """A document printed from one version of a plan: the care plan or the patient handout."""

    plan_date: date
    version: int
    signed_at: datetime | None  # None: the plan is a draft and prints as one
    precautions: tuple[str, ...]
    # While a red flag is open: what the patient must do, in plain words ("Go to an emergency
    # department today."); the plan is then the referral alone.
    see_doctor: str = ""

    @property
    def is_draft(self) -> bool:
        return self.signed_at is None


@dataclasses.dataclass(frozen=True, kw_only=True)
class CarePlanData(PlanDocumentData):
    summary: str
    items: tuple[PlanItemBlock, ...]
    goals: tuple[str, ...]
    visit_frequency: str
    review_date: date | None


@dataclasses.dataclass(frozen=True, kw_only=True)
class ReferralLetterData(DocumentData):
    letter_date: date
    kind: Literal["nutrition", "doctor"]
    recipient: str  # how the letter is addressed: "Dr Martin", "Dietitian"
    reasons: tuple[str, ...]
    notes: str = ""
    urgency: str = ""  # how soon, in plain words; blank for a routine referral
    salutation: str = ""  # the letter's opening line; blank: "Dear <recipient>,"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.kind not in REFERRAL_KINDS:
            raise ValueError(
                f"Unknown referral kind {self.kind!r}; expected one of {REFERRAL_KINDS}"
            )


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"Unsupported document language {language!r}; expected one of {LANGUAGES}")


def canonical_json(data: object) -> str:
    """One stable text for a document's content: same data, same text, in any process.

    The dataclass name is included so a care plan and a letter with equal fields differ.
    """
    payload = {"type": type(data).__name__, "content": dataclasses.asdict(data)}
    return json.dumps(
        payload, default=_json_value, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )


def content_fingerprint(data: object) -> str:
    """The first 12 hex characters of the SHA-256 of the document's content.

    It is printed in the footer, so it hashes the data and not the PDF bytes (a footer cannot
    contain the hash of itself). The archived PDF keeps its own full SHA-256 separately.
    """
    digest = hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


def _json_value(value: object) -> str:
    if isinstance(value, bytes):
        # A practitioner's photo in a handout: its fingerprint, not its bytes.
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, datetime):
        # The same instant gives the same fingerprint whichever time zone it was read in.
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"Cannot serialise {type(value).__name__} into a document fingerprint")
