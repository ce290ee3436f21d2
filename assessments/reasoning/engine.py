"""assess(facts) -> Assessment: run the rules, merge what they propose, order it stably."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from .facts import Facts
from .findings import cramp_sites_text
from .i18n import Text, gettext_noop
from .interventions import (
    COMPONENTS,
    GOALS,
    ITEM_TEMPLATES,
    ITEMS_BY_KEY,
    PRECAUTIONS,
    Dosage,
)
from .labels import TIMING_NAMES
from .rules import RULES, SEEDS, Match, Rule

_RULE_ORDER = {rule.id: index for index, rule in enumerate(RULES)}
_SOURCE_ORDER = {short: index for index, short in enumerate(SEEDS)}


# --- Output -------------------------------------------------------------------------------------


def _texts(texts: tuple[Text, ...]) -> list[dict]:
    return [text.to_dict() for text in texts]


@dataclass(frozen=True)
class RedFlag:
    key: str
    title: Text
    evidence: tuple[Text, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title.to_dict(),
            "evidence": _texts(self.evidence),
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Factor:
    key: str
    title: Text
    evidence: tuple[Text, ...]
    weight: int
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "title": self.title.to_dict(),
            "evidence": _texts(self.evidence),
            "weight": self.weight,
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Precaution:
    key: str
    text: Text
    components: tuple[str, ...]
    item_keys: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "text": self.text.to_dict(),
            "components": list(self.components),
            "item_keys": list(self.item_keys),
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class PlanItem:
    key: str
    component: str
    title: Text
    instructions: Text
    dosage: Dosage
    factor_keys: tuple[str, ...]
    precaution_keys: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "component": self.component,
            "title": self.title.to_dict(),
            "instructions": self.instructions.to_dict(),
            "dosage": self.dosage.to_dict(),
            "factor_keys": list(self.factor_keys),
            "precaution_keys": list(self.precaution_keys),
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Referral:
    """A referral letter to write: one per referral item of the plan."""

    key: str
    recipient: str
    urgency: str
    title: Text
    reason: Text
    factor_keys: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "recipient": self.recipient,
            "urgency": self.urgency,
            "title": self.title.to_dict(),
            "reason": self.reason.to_dict(),
            "factor_keys": list(self.factor_keys),
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Goal:
    key: str
    measure: str
    text: Text
    baseline: str | None
    target: str | None
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "measure": self.measure,
            "text": self.text.to_dict(),
            "baseline": self.baseline,
            "target": self.target,
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Schedule:
    visits_per_week: int
    weeks: int
    review_after_days: int
    text: Text

    def to_dict(self) -> dict:
        return {
            "visits_per_week": self.visits_per_week,
            "weeks": self.weeks,
            "review_after_days": self.review_after_days,
            "text": self.text.to_dict(),
        }


@dataclass(frozen=True)
class Plan:
    schedule: Schedule | None
    goals: tuple[Goal, ...]
    items: tuple[PlanItem, ...]

    @property
    def review_after_days(self) -> int | None:
        return None if self.schedule is None else self.schedule.review_after_days

    def items_for(self, component: str) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.component == component)

    def to_dict(self) -> dict:
        return {
            "schedule": None if self.schedule is None else self.schedule.to_dict(),
            "review_after_days": self.review_after_days,
            "goals": [goal.to_dict() for goal in self.goals],
            "items": [item.to_dict() for item in self.items],
        }


@dataclass(frozen=True)
class Assessment:
    complaint: Text | None
    red_flags: tuple[RedFlag, ...]
    factors: tuple[Factor, ...]
    precautions: tuple[Precaution, ...]
    referrals: tuple[Referral, ...]
    plan: Plan
    requires_medical_clearance: bool
    clearance_note: Text | None
    rule_ids: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "requires_medical_clearance": self.requires_medical_clearance,
            "clearance_note": None
            if self.clearance_note is None
            else self.clearance_note.to_dict(),
            "red_flags": [flag.to_dict() for flag in self.red_flags],
            "complaint": None if self.complaint is None else self.complaint.to_dict(),
            "factors": [factor.to_dict() for factor in self.factors],
            "precautions": [precaution.to_dict() for precaution in self.precautions],
            "referrals": [referral.to_dict() for referral in self.referrals],
            "plan": self.plan.to_dict(),
            "rule_ids": list(self.rule_ids),
        }


# --- Merging what the rules propose -------------------------------------------------------------


@dataclass
class _Found:
    """One factor, red flag, item, precaution or goal while rules are still adding to it."""

    first_rule: Rule
    match: Match
    rule_ids: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    evidence: list[Text] = field(default_factory=list)
    factor_keys: list[str] = field(default_factory=list)

    def add(self, rule: Rule, match: Match, factor_key: str | None = None) -> None:
        if rule.id not in self.rule_ids:
            self.rule_ids.append(rule.id)
        self.sources.update(rule.sources)
        for text in match.evidence:
            if text not in self.evidence:
                self.evidence.append(text)
        if factor_key is not None and factor_key not in self.factor_keys:
            self.factor_keys.append(factor_key)

    @property
    def ordered_rule_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self.rule_ids, key=_RULE_ORDER.__getitem__))

    @property
    def source_stems(self) -> tuple[str, ...]:
        return tuple(SEEDS[s] for s in sorted(self.sources, key=_SOURCE_ORDER.__getitem__))


def _found(table: dict[str, _Found], key: str, rule: Rule, match: Match, factor_key=None) -> None:
    if key not in table:
        table[key] = _Found(rule, match)
    table[key].add(rule, match, factor_key)


def _expand(key_template: str, match: Match) -> tuple[str, ...]:
    names = [name for _, name, _, _ in string.Formatter().parse(key_template) if name]
    if not names:
        return (key_template,)
    (name,) = names
    return tuple(key_template.format(**{name: value}) for value in match.scope.get(name, ()))


def assess(facts: Facts) -> Assessment:
    """The assessment and draft plan for one patient. Same facts, same output, same order."""
    red_flags: dict[str, _Found] = {}
    factors: dict[str, _Found] = {}
    items: dict[str, _Found] = {}
    precautions: dict[str, _Found] = {}
    goals: dict[str, _Found] = {}
    fired: list[str] = []

    for rule in RULES:
        match = rule.when(facts)
        if match is None:
            continue
        fired.append(rule.id)
        finding_key = None
        if rule.red_flag is not None:
            finding_key = rule.red_flag.key
            _found(red_flags, finding_key, rule, match)
        if rule.factor is not None:
            finding_key = rule.factor.key
            _found(factors, finding_key, rule, match)
        for key_template in rule.items:
            for key in _expand(key_template, match):
                if key not in ITEMS_BY_KEY:
                    raise KeyError(f"rule {rule.id} proposes unknown item {key!r}")
                _found(items, key, rule, match, finding_key)
        for key in rule.precautions:
            _found(precautions, key, rule, match)
        for key in rule.goals:
            _found(goals, key, rule, match)

    plan_items = _plan_items(facts, items, precautions)
    built_factors = _factors(factors)
    plan = Plan(
        schedule=_schedule(facts, built_factors, plan_items),
        goals=_goals(facts, goals),
        items=plan_items,
    )
    built_red_flags = tuple(
        RedFlag(
            key=key,
            title=Text(found.first_rule.red_flag.title, found.match.params),
            evidence=tuple(found.evidence),
            rule_ids=found.ordered_rule_ids,
            sources=found.source_stems,
        )
        for key, found in red_flags.items()
    )
    clearance_note = None
    if built_red_flags:
        clearance_note = Text(
            gettext_noop(
                "Red flags are open: do not sign this plan until a medical referral or an "
                "override with a reason is recorded."
            )
        )
    return Assessment(
        complaint=_complaint(facts),
        red_flags=built_red_flags,
        factors=built_factors,
        precautions=_precautions(precautions, plan_items),
        referrals=_referrals(items, plan_items),
        plan=plan,
        requires_medical_clearance=bool(built_red_flags),
        clearance_note=clearance_note,
        rule_ids=tuple(fired),
    )


def _factors(found: dict[str, _Found]) -> tuple[Factor, ...]:
    built = [
        Factor(
            key=key,
            title=Text(entry.first_rule.factor.title, entry.match.params),
            evidence=tuple(entry.evidence),
            weight=entry.first_rule.factor.weight,
            rule_ids=entry.ordered_rule_ids,
            sources=entry.source_stems,
        )
        for key, entry in found.items()
    ]
    # Heaviest first; among equals, the order the rules are declared in.
    return tuple(sorted(built, key=lambda f: (-f.weight, _RULE_ORDER[f.rule_ids[0]])))


def _plan_items(
    facts: Facts, found: dict[str, _Found], precautions: dict[str, _Found]
) -> tuple[PlanItem, ...]:
    built = []
    for template in ITEM_TEMPLATES:
        entry = found.get(template.key)
        if entry is None:
            continue
        params = template.params(facts)
        built.append(
            PlanItem(
                key=template.key,
                component=template.component,
                title=Text(template.title, params),
                instructions=Text(template.instructions, params),
                dosage=template.dosage,
                factor_keys=tuple(entry.factor_keys),
                precaution_keys=tuple(
                    spec.key
                    for spec in PRECAUTIONS
                    if spec.key in precautions and spec.concerns(template)
                ),
                rule_ids=entry.ordered_rule_ids,
                sources=entry.source_stems,
            )
        )
    return tuple(sorted(built, key=lambda item: COMPONENTS.index(item.component)))


def _precautions(found: dict[str, _Found], items: tuple[PlanItem, ...]) -> tuple[Precaution, ...]:
    return tuple(
        Precaution(
            key=spec.key,
            text=Text(spec.text),
            components=spec.components,
            item_keys=tuple(item.key for item in items if spec.key in item.precaution_keys),
            rule_ids=found[spec.key].ordered_rule_ids,
            sources=found[spec.key].source_stems,
        )
        for spec in PRECAUTIONS
        if spec.key in found
    )


def _referrals(found: dict[str, _Found], items: tuple[PlanItem, ...]) -> tuple[Referral, ...]:
    referrals = []
    for item in items:
        template = ITEMS_BY_KEY[item.key]
        if template.recipient is None:
            continue
        referrals.append(
            Referral(
                key=item.key,
                recipient=template.recipient,
                urgency=template.urgency,
                title=item.title,
                reason=item.instructions,
                factor_keys=item.factor_keys,
                rule_ids=item.rule_ids,
                sources=item.sources,
            )
        )
    return tuple(referrals)


def _goals(facts: Facts, found: dict[str, _Found]) -> tuple[Goal, ...]:
    goals = []
    for spec in GOALS:
        if spec.key not in found:
            continue
        baseline, target = spec.values(facts)
        params = {
            name: value for name, value in (("baseline", baseline), ("target", target)) if value
        }
        goals.append(
            Goal(
                key=spec.key,
                measure=spec.measure,
                text=Text(spec.text, params),
                baseline=baseline,
                target=target,
                rule_ids=found[spec.key].ordered_rule_ids,
                sources=found[spec.key].source_stems,
            )
        )
    return tuple(goals)


# Visit schedule by severity: the number of factors found, plus 1 for 3-6 cramps a week and 2 for
# 7 or more. A clinic default for the practitioner to adjust, not a rule from the seeds.
SCHEDULES = ((2, 1, 4), (5, 2, 4), (None, 2, 6))  # (highest score, visits a week, weeks)


def _schedule(
    facts: Facts, factors: tuple[Factor, ...], items: tuple[PlanItem, ...]
) -> Schedule | None:
    if not items:
        return None
    per_week = facts.cramps.cramps_per_week
    score = len(factors) + (2 if per_week >= 7 else 1 if per_week >= 3 else 0)
    visits, weeks = next(
        (visits, weeks)
        for highest, visits, weeks in SCHEDULES
        if highest is None or score <= highest
    )
    return Schedule(
        visits_per_week=visits,
        weeks=weeks,
        review_after_days=weeks * 7,
        text=Text(
            gettext_noop("%(visits)s visits a week for %(weeks)s weeks, then review."),
            {"visits": str(visits), "weeks": str(weeks)},
        ),
    )


def _complaint(facts: Facts) -> Text | None:
    cramps = facts.cramps
    if not cramps.sites:
        return None
    params = {"sites": cramp_sites_text(facts), "per_week": str(cramps.cramps_per_week)}
    if cramps.timing:
        params["timing"] = tuple(TIMING_NAMES[t] for t in cramps.timing)
        return Text(
            gettext_noop("Cramps in the %(sites)s, %(per_week)s a week, %(timing)s."), params
        )
    return Text(gettext_noop("Cramps in the %(sites)s, %(per_week)s a week."), params)
