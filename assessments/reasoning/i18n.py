"""Translatable text without Django.

The reasoning package cannot import Django, yet every sentence it produces must be translatable.
Each sentence is a `Text`: a msgid written in code as `gettext_noop("...")` (Django's
makemessages extracts that keyword) plus its parameters. The Django layer renders it with its own
gettext; tests and the terminal render it untranslated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Union


def gettext_noop(message: str) -> str:
    """Mark `message` for extraction by makemessages; return it unchanged."""
    return message


def _untranslated(message: str) -> str:
    return message


# A parameter is plain text (a drug name, a number), another Text (a muscle name that must be
# translated too), or a tuple of those, rendered as a comma-separated list.
ParamValue = Union[str, "Text", tuple[Union[str, "Text"], ...]]


@dataclass(frozen=True)
class Text:
    msgid: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Copy so that a caller mutating its dict later cannot change a finished assessment.
        object.__setattr__(self, "params", dict(self.params))

    def render(self, translate: Callable[[str], str] = _untranslated) -> str:
        values = {name: _render_value(value, translate) for name, value in self.params.items()}
        return translate(self.msgid) % values

    def to_dict(self) -> dict:
        return {
            "msgid": self.msgid,
            "params": {name: _value_to_json(value) for name, value in self.params.items()},
            "text": self.render(),
        }

    def __str__(self) -> str:
        return self.render()


def _render_value(value: ParamValue, translate: Callable[[str], str]) -> str:
    if isinstance(value, Text):
        return value.render(translate)
    if isinstance(value, tuple):
        return ", ".join(_render_value(part, translate) for part in value)
    return value


def _value_to_json(value: ParamValue):
    if isinstance(value, Text):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_value_to_json(part) for part in value]
    return value


def and_list(parts) -> ParamValue:
    """`calf`, `calf and foot`, `calf, foot and hamstring`: a list a person reads, translatable.

    Returns "" for no parts, the part itself for one, else a Text that nests the leading parts
    (comma-separated) and the last one around the translatable "and".
    """
    parts = tuple(parts)
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    head = parts[:-1] if len(parts) > 2 else parts[0]
    return Text(gettext_noop("%(first)s and %(last)s"), {"first": head, "last": parts[-1]})
