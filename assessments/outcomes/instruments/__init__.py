"""The outcome measures, found by module: each module of this package that defines
``INSTRUMENT`` (its items, how it is asked and shown, whether a patient may answer it) and
``score(answers)`` is a measure; ``kept_answers(answers)`` is optional. Adding a measure is adding
a module here (and its translations): the forms, the scoring, the chart and the patient's link
read the registry. Pure Python: no Django import.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from assessments.outcomes.instruments.base import Instrument, Item, ScoringError, gettext_noop

__all__ = [
    "INSTRUMENTS",
    "Instrument",
    "Item",
    "ScoringError",
    "discover",
    "get_instrument",
    "gettext_noop",
    "kept_answers",
    "score",
    "self_reported_codes",
    "temporary_registry",
]

# code -> Instrument, in display order. One dict, changed in place, so every reader sees the
# measures a temporary registry adds.
INSTRUMENTS: dict[str, Instrument] = {}
_MODULES: dict[str, ModuleType] = {}


def discover(package: ModuleType) -> list[ModuleType]:
    """The measure modules of a package: those that define ``INSTRUMENT`` and ``score``."""
    modules = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(module, "INSTRUMENT") and callable(getattr(module, "score", None)):
            modules.append(module)
    return modules


def _register(modules: Iterable[ModuleType]) -> None:
    by_code = dict(_MODULES)
    for module in modules:
        by_code[module.INSTRUMENT.code] = module
    ordered = sorted(by_code.values(), key=lambda m: (m.INSTRUMENT.order, m.INSTRUMENT.code))
    _MODULES.clear()
    INSTRUMENTS.clear()
    for module in ordered:
        _MODULES[module.INSTRUMENT.code] = module
        INSTRUMENTS[module.INSTRUMENT.code] = module.INSTRUMENT


@contextmanager
def temporary_registry(package: ModuleType) -> Iterator[None]:
    """Offer the measures of ``package`` as well, for the duration (tests)."""
    saved = dict(_MODULES)
    _register(discover(package))
    try:
        yield
    finally:
        _MODULES.clear()
        INSTRUMENTS.clear()
        _register(saved.values())


def get_instrument(code: str) -> Instrument:
    try:
        return INSTRUMENTS[code]
    except KeyError:
        known = ", ".join(sorted(INSTRUMENTS))
        raise ValueError(f"Unknown outcome instrument {code!r}; known: {known}") from None


def score(code: str, answers: Mapping[str, Any]) -> float:
    """The score by the instrument's published rules; ScoringError names the offending item."""
    return _MODULES[code].score(answers)


def kept_answers(code: str, answers: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answers as stored (an instrument may drop blank rows)."""
    keep = getattr(_MODULES[code], "kept_answers", None)
    return keep(answers) if keep else answers


def self_reported_codes() -> tuple[str, ...]:
    """The instruments a patient may answer alone through their link, in display order."""
    offered = [instrument for instrument in INSTRUMENTS.values() if instrument.self_reported]
    return tuple(i.code for i in sorted(offered, key=lambda i: (i.self_report_order, i.order)))


_register(discover(sys.modules[__name__]))
