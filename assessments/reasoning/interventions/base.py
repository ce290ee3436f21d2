"""What an item is made of: its dosage and its template."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..facts import Facts
from ..i18n import ParamValue, Text, gettext_noop
from ..labels import SIDE_NAMES

FREQUENCY_NAMES = {
    "once": Text(gettext_noop("once")),
    "each_visit": Text(gettext_noop("at each visit")),
    "daily": Text(gettext_noop("once a day")),
    "nightly": Text(gettext_noop("every night before bed")),
    "hourly": Text(gettext_noop("every hour of sitting")),
    "three_times_weekly": Text(gettext_noop("three times a week")),
    "alternate_days": Text(gettext_noop("every other day, with a rest day between")),
    "every_day": Text(gettext_noop("every day")),
}


@dataclass(frozen=True)
class Dosage:
    frequency: str
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    hold_seconds_max: int | None = None
    minutes: int | None = None
    each_side: bool = False
    # Set by the engine when only one side cramps: "on the left" instead of "each side".
    side: str | None = None

    @property
    def amount(self) -> Text | None:
        hold = None
        if self.hold_seconds is not None:
            hold = str(self.hold_seconds)
            if self.hold_seconds_max is not None:
                hold = f"{self.hold_seconds}-{self.hold_seconds_max}"
        if self.sets and self.reps:
            return Text(
                gettext_noop("%(sets)s sets of %(reps)s"),
                {"sets": str(self.sets), "reps": str(self.reps)},
            )
        if self.sets and hold:
            return Text(
                gettext_noop("%(sets)s holds of %(hold)s s"), {"sets": str(self.sets), "hold": hold}
            )
        if self.reps:
            return Text(gettext_noop("%(reps)s repetitions"), {"reps": str(self.reps)})
        if hold:
            return Text(gettext_noop("hold %(hold)s s"), {"hold": hold})
        if self.minutes:
            return Text(gettext_noop("%(minutes)s min"), {"minutes": str(self.minutes)})
        return None

    @property
    def text(self) -> Text:
        frequency = FREQUENCY_NAMES[self.frequency]
        amount = self.amount
        if amount is None:
            return frequency
        if self.side is not None:
            return Text(
                gettext_noop("%(amount)s on the %(side)s, %(frequency)s"),
                {"amount": amount, "side": SIDE_NAMES[self.side], "frequency": frequency},
            )
        if self.each_side:
            return Text(
                gettext_noop("%(amount)s each side, %(frequency)s"),
                {"amount": amount, "frequency": frequency},
            )
        return Text(
            gettext_noop("%(amount)s, %(frequency)s"), {"amount": amount, "frequency": frequency}
        )

    def to_dict(self) -> dict:
        return {
            "frequency": self.frequency,
            "sets": self.sets,
            "reps": self.reps,
            "hold_seconds": self.hold_seconds,
            "hold_seconds_max": self.hold_seconds_max,
            "minutes": self.minutes,
            "each_side": self.each_side,
            "side": self.side,
            "text": self.text.to_dict(),
        }


def _no_params(facts: Facts) -> Mapping[str, ParamValue]:
    return {}


@dataclass(frozen=True)
class ItemTemplate:
    key: str
    component: str
    title: str
    instructions: str
    dosage: Dosage
    params: Callable[[Facts], Mapping[str, ParamValue]] = _no_params
    # Referral items only: who receives it, and whether treatment waits for the answer.
    recipient: str | None = None
    urgency: str | None = None
    # For sentences that depend on what else the plan holds (a stretch merged into another).
    params_in_plan: Callable[[Facts, frozenset[str]], Mapping[str, ParamValue]] | None = None

    def sentence_params(self, facts: Facts, in_plan: frozenset[str]) -> Mapping[str, ParamValue]:
        if self.params_in_plan is not None:
            return self.params_in_plan(facts, in_plan)
        return self.params(facts)


EACH_VISIT = Dosage("each_visit")
# Strengthening with a rest day between sessions (issue 12: strengthening with rest days).
STRENGTH = Dosage("alternate_days", sets=3, reps=10)
STRETCH = Dosage("daily", sets=3, hold_seconds=20, hold_seconds_max=30, each_side=True)
