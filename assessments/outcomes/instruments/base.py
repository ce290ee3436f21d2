"""The shape of an outcome measure (its items and how it is asked, scored and shown) and the
validation every instrument shares. Pure Python: no Django import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation without translating it.

    Defined locally (not imported from Django) so this module stays framework-free; the name is
    one of the keywords Django's ``makemessages`` passes to xgettext, so the strings are still
    extracted into the catalogue.
    """
    return message


class ScoringError(ValueError):
    """The answers cannot be scored by the instrument's published rules.

    ``field`` is the key of the offending item (e.g. ``"walking"``, ``"item_7"``,
    ``"activity_2_name"``) so a form can attach the error to the right input. ``message`` is an
    untranslated template marked with ``gettext_noop`` and ``params`` its %-interpolation values,
    which is exactly the shape ``django.core.exceptions.ValidationError(message, params=...)``
    expects.
    """

    def __init__(self, field: str, message: str, params: Mapping[str, Any] | None = None):
        self.field = field
        self.message = message
        self.params = dict(params or {})
        super().__init__(f"{field}: {self.rendered_message}")

    @property
    def rendered_message(self) -> str:
        return self.message % self.params if self.params else self.message


@dataclass(frozen=True)
class Item:
    """One question of an instrument.

    For the ODI, ``statements`` holds the six statements of the section in printed order; the
    index of a statement is its score (first = 0, last = 5), per Fairbank & Pynsent 2000.
    """

    key: str
    text: str
    statements: tuple[str, ...] = ()
    # The question as the form asks it, when it says more than ``text`` (marked gettext_noop).
    form_label: str = ""


# Keyword-only, so the fields every measure shares a value for can have it as a default.
@dataclass(frozen=True, kw_only=True)
class Instrument:
    code: str
    name: str
    instructions: str
    # How many items a completed form holds; by default every one of ``items`` (PSFS: 3 to 5).
    min_items: int | None = None
    max_items: int | None = None
    # Every scale here starts at 0 (no pain, no difficulty, no disability, unable).
    item_min: int = 0
    item_max: int
    score_min: float = 0.0
    score_max: float
    lower_is_better: bool
    mcid: float
    mcid_citation: str
    citation: str
    items: tuple[Item, ...]
    # Labels for the ends/points of a numeric response scale, as (value, label) pairs.
    response_labels: tuple[tuple[int, str], ...] = ()
    # How the form asks it: "statements" (one radio list of statements per item), "scale" (each
    # item on the response_labels scale), "number" (one number per item, item_min to item_max),
    # "activities" (up to max_items named activities, each rated item_min to item_max).
    form: str = "scale"
    # Whether a patient may answer it alone through their link (else the practitioner leads).
    self_reported: bool = True
    # Place in the list of questionnaires on the patient's link.
    self_report_order: int = 100
    # How a score is shown after its number ("%", "/10", " / 80").
    score_suffix: str = ""
    # A note shown above the form, marked with gettext_noop.
    form_note: str = ""
    # Place in every list of instruments (chart, exam page, trends).
    order: int = 100
    # Scored on the sections answered when some are left blank (ODI): the score then says how
    # many sections it rests on, so a partial score is never read as a whole one.
    scores_partial_forms: bool = False

    def __post_init__(self):
        # Frozen: the defaults are filled in the only way a frozen dataclass allows.
        for name in ("min_items", "max_items"):
            if getattr(self, name) is None:
                object.__setattr__(self, name, len(self.items))

    def sections_answered(self, answers: Mapping[str, object]) -> int:
        """How many items have an answer (a blank or an empty selection is no answer)."""
        return sum(
            1 for item in self.items if answers.get(item.key) not in (None, "", [], (), set())
        )

    def display_score(self, score: float) -> str:
        value = round(score, 1)
        text = str(int(value)) if float(value).is_integer() else f"{value:.1f}"
        return f"{text}{self.score_suffix}"

    def checked_answer(self, value: object, field_name: str) -> int:
        """One item's answer, a whole number from item_min to item_max (else ScoringError)."""
        return checked_item_value(value, field_name, self.item_min, self.item_max)

    def refuse_unknown_keys(self, answers: Mapping[str, object]) -> None:
        # A misspelt key would otherwise look like an unanswered item and change the score.
        known = {item.key for item in self.items}
        for key in answers:
            if key not in known:
                raise ScoringError(
                    key,
                    gettext_noop("This is not a question of the %(instrument)s."),
                    {"instrument": self.code},
                )

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)


_MESSAGE_WHOLE_NUMBER = gettext_noop("Enter a whole number from %(low)d to %(high)d.")


def checked_item_value(value: object, field_name: str, low: int, high: int) -> int:
    # bool is a subclass of int; True must not silently score as 1.
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ScoringError(field_name, _MESSAGE_WHOLE_NUMBER, {"low": low, "high": high})
    return value
