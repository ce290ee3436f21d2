"""assess(facts) -> Assessment: run the rules, merge what they propose, order it stably."""

from __future__ import annotations

import dataclasses
import string
from dataclasses import dataclass, field

from .assessment import (
    URGENCY_PATIENT_TEXTS,
    Assessment,
    Factor,
    Goal,
    Plan,
    PlanItem,
    Precaution,
    RedFlag,
    Referral,
    WithheldItem,
)
from .facts import Facts
from .findings import cramp_sides, cramp_sites_text
from .i18n import Text, and_list, gettext_noop
from .interventions import (
    COMPONENTS,
    GOALS,
    ITEM_TEMPLATES,
    ITEMS_BY_KEY,
    PRECAUTIONS,
    PRECAUTIONS_BY_KEY,
    Dosage,
    stretchable_muscles,
)
from .labels import TIMING_NAMES
from .rules import RULES, SEEDS, URGENCIES, Match, Rule
from .schedule import propose_schedule

# About six to eight treatment items (issue 12): referrals are not counted and never dropped.
MAX_TREATMENT_ITEMS = 8

URGENCY_REFERRAL_TITLES = {
    "emergency": gettext_noop("Same-day emergency medical assessment"),
    "urgent": gettext_noop("Urgent medical referral (within a day or two)"),
    "soon": gettext_noop("Medical referral before treatment"),
}
URGENCY_REFERRAL_REASONS = {
    "emergency": gettext_noop(
        "Red flags (listed above) need a doctor today: send the patient to an emergency "
        "department. No treatment is proposed until a doctor has seen the patient or each flag "
        "is cleared with a reason."
    ),
    "urgent": gettext_noop(
        "Red flags (listed above) need a doctor within a day or two. No treatment is proposed "
        "until a doctor has seen the patient or each flag is cleared with a reason."
    ),
    "soon": gettext_noop(
        "Red flags (listed above) need a doctor before any treatment. No treatment is proposed "
        "until a doctor has seen the patient or each flag is cleared with a reason."
    ),
}
# Stretches that overlap: when both are proposed the first is merged into the second.
MERGED_INTO = {"stretching.calf": "stretching.calf_before_bed"}

_RULE_ORDER = {rule.id: index for index, rule in enumerate(RULES)}
_SOURCE_ORDER = {short: index for index, short in enumerate(SEEDS)}


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

    def absorb(self, other: _Found, *, factor_keys: bool = True) -> None:
        """Take in another entry's rules and seeds (and, unless told not to, its factors)."""
        self.rule_ids.extend(rule_id for rule_id in other.rule_ids if rule_id not in self.rule_ids)
        self.sources.update(other.sources)
        if factor_keys:
            self.factor_keys.extend(k for k in other.factor_keys if k not in self.factor_keys)

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


def _run(rule: Rule, facts: Facts, tables: dict[str, dict[str, _Found]], fired: list[str]) -> None:
    match = rule.when(facts)
    if match is None:
        return
    fired.append(rule.id)
    finding_key = None
    if rule.red_flag is not None:
        finding_key = rule.red_flag.key
        _found(tables["red_flags"], finding_key, rule, match)
    if rule.factor is not None:
        finding_key = rule.factor.key
        _found(tables["factors"], finding_key, rule, match)
    for key_template in rule.items:
        for key in _expand(key_template, match):
            if key not in ITEMS_BY_KEY:
                raise KeyError(f"rule {rule.id} proposes unknown item {key!r}")
            _found(tables["items"], key, rule, match, finding_key)
    for key in rule.precautions:
        _found(tables["precautions"], key, rule, match)
    for key in rule.goals:
        _found(tables["goals"], key, rule, match)


def contraindicated_items(facts: Facts) -> dict[str, list[str]]:
    """Every item key the facts contraindicate, with the precaution keys that do so.

    Pure: the Django side calls it to demand a reason when a practitioner adds such an item by
    hand. Independent of what the plan proposes.
    """
    found: dict[str, list[str]] = {}
    for rule in RULES:
        keys = [k for k in rule.precautions if PRECAUTIONS_BY_KEY[k].kind == "contraindication"]
        if not keys or rule.when(facts) is None:
            continue
        for key in keys:
            for item in PRECAUTIONS_BY_KEY[key].withholds:
                found.setdefault(item, [])
                if key not in found[item]:
                    found[item].append(key)
    return found


def assess(facts: Facts, *, cleared_red_flags: frozenset[str] = frozenset()) -> Assessment:
    """The assessment and draft plan for one patient. Same facts, same output, same order.

    `cleared_red_flags`: keys of red flags a practitioner has cleared (a doctor's clearance or an
    override with a reason). While any red flag is not cleared, the proposal is the medical
    referral with the highest urgency and nothing else.
    """
    tables: dict[str, dict[str, _Found]] = {
        name: {} for name in ("red_flags", "factors", "items", "precautions", "goals")
    }
    fired: list[str] = []
    for rule in RULES:
        if not rule.fallback:
            _run(rule, facts, tables, fired)
    # "No cause found" only when nothing was found: no red flag and no factor that is a cause.
    if not tables["red_flags"] and not any(
        entry.first_rule.factor.cause for entry in tables["factors"].values()
    ):
        for rule in RULES:
            if rule.fallback:
                _run(rule, facts, tables, fired)

    built_red_flags = _red_flags(tables["red_flags"], frozenset(cleared_red_flags))
    built_factors = _factors(tables["factors"])
    open_flags = tuple(flag for flag in built_red_flags if not flag.cleared)
    if open_flags:
        return Assessment(
            complaint=_complaint(facts),
            red_flags=built_red_flags,
            factors=built_factors,
            precautions=(),
            referrals=(_red_flag_referral(open_flags),),
            plan=Plan(schedule=None, goals=(), items=()),
            requires_medical_clearance=True,
            clearance_note=Text(
                gettext_noop(
                    "Red flags are open: no treatment is proposed. Record the doctor's clearance "
                    "or an override with a reason for each flag to see the treatment proposal."
                )
            ),
            rule_ids=tuple(fired),
            treatment_withheld=True,
        )

    items, withheld = _withhold(tables["items"], tables["precautions"])
    _merge(items)
    # An alternative ranks where the item it replaces would have.
    replaced = {w.alternative: w.item for w in withheld if w.alternative is not None}
    plan_items, deferred = _plan_items(facts, items, tables["precautions"], built_factors, replaced)
    plan = Plan(
        schedule=propose_schedule(facts, built_factors, plan_items),
        goals=_goals(facts, tables["goals"]),
        items=plan_items,
    )
    return Assessment(
        complaint=_complaint(facts),
        red_flags=built_red_flags,
        factors=built_factors,
        precautions=_precautions(tables["precautions"], plan_items),
        referrals=_referrals(plan_items),
        plan=plan,
        requires_medical_clearance=False,
        clearance_note=None,
        rule_ids=tuple(fired),
        treatment_withheld=False,
        withheld_items=withheld,
        deferred_items=deferred,
    )


def _finding_fields(key: str, entry: _Found, title: str) -> dict:
    """What a red flag and a factor take alike from the rules that found them."""
    return {
        "key": key,
        "title": Text(title, entry.match.params),
        "evidence": tuple(entry.evidence),
        "rule_ids": entry.ordered_rule_ids,
        "sources": entry.source_stems,
    }


def _red_flags(found: dict[str, _Found], cleared: frozenset[str]) -> tuple[RedFlag, ...]:
    flags = [
        RedFlag(
            **_finding_fields(key, entry, entry.first_rule.red_flag.title),
            urgency=entry.first_rule.red_flag.urgency,
            cleared=key in cleared,
        )
        for key, entry in found.items()
    ]
    # Most urgent first; among equals, the order the rules are declared in.
    return tuple(sorted(flags, key=lambda f: URGENCIES.index(f.urgency)))


def _red_flag_referral(open_flags: tuple[RedFlag, ...]) -> Referral:
    urgency = open_flags[0].urgency  # sorted most urgent first
    rule_ids: list[str] = []
    sources: list[str] = []
    for flag in open_flags:
        rule_ids.extend(r for r in flag.rule_ids if r not in rule_ids)
        sources.extend(s for s in flag.sources if s not in sources)
    return Referral(
        key="medical_referral.red_flags",
        recipient="doctor",
        urgency=urgency,
        title=Text(URGENCY_REFERRAL_TITLES[urgency]),
        reason=Text(URGENCY_REFERRAL_REASONS[urgency]),
        factor_keys=tuple(flag.key for flag in open_flags),
        rule_ids=tuple(sorted(rule_ids, key=_RULE_ORDER.__getitem__)),
        sources=tuple(sources),
        patient_text=Text(URGENCY_PATIENT_TEXTS[urgency]),
    )


def _factors(found: dict[str, _Found]) -> tuple[Factor, ...]:
    built = [
        Factor(
            **_finding_fields(key, entry, entry.first_rule.factor.title),
            weight=entry.first_rule.factor.weight,
        )
        for key, entry in found.items()
    ]
    # Heaviest first; among equals, the order the rules are declared in.
    return tuple(sorted(built, key=lambda f: (-f.weight, _RULE_ORDER[f.rule_ids[0]])))


def _withhold(
    items: dict[str, _Found], precautions: dict[str, _Found]
) -> tuple[dict[str, _Found], tuple[WithheldItem, ...]]:
    """Take contraindicated items out; put their safe alternative in, carrying their reasons."""
    kept = dict(items)
    withheld: list[WithheldItem] = []
    for spec in PRECAUTIONS:
        if spec.kind != "contraindication" or spec.key not in precautions:
            continue
        for item_key, alternative in spec.withholds.items():
            entry = items.get(item_key)
            if entry is None:
                continue
            kept.pop(item_key, None)
            withheld.append(WithheldItem(item_key, spec.key, Text(spec.text), alternative))
    for entry in withheld:
        original = items[entry.item]
        alternative = entry.alternative
        if alternative is None or any(alternative == w.item for w in withheld):
            continue
        if alternative not in kept:
            kept[alternative] = _Found(original.first_rule, original.match)
        kept[alternative].absorb(original)
        kept[alternative].absorb(precautions[entry.precaution], factor_keys=False)
    # One entry per (item, precaution); the alternative is named once per item.
    return kept, tuple(withheld)


def _merge(items: dict[str, _Found]) -> None:
    """Merge overlapping items: one calf stretch, not three."""
    for source, target in MERGED_INTO.items():
        if source in items and target in items:
            items[target].absorb(items.pop(source))


def _dosage(facts: Facts, dosage: Dosage) -> Dosage:
    """ "each side" only when both sides cramp; otherwise the side that does."""
    if not dosage.each_side:
        return dosage
    sides = cramp_sides(facts)
    if len(sides) == 1:
        (side,) = sides
        return dataclasses.replace(dosage, each_side=False, side=side)
    return dosage


def _plan_items(
    facts: Facts,
    found: dict[str, _Found],
    precautions: dict[str, _Found],
    factors: tuple[Factor, ...],
    replaced: dict[str, str],
) -> tuple[tuple[PlanItem, ...], tuple[str, ...]]:
    in_plan = frozenset(found)
    weights = {factor.key: factor.weight for factor in factors}
    candidates = []
    for order, template in enumerate(ITEM_TEMPLATES):
        entry = found.get(template.key)
        if entry is None:
            continue
        if template.params_in_plan is not None and not stretchable_muscles(facts, in_plan):
            continue  # everything it would stretch is covered by another item (or is the spine)
        params = template.sentence_params(facts, in_plan)
        item = PlanItem(
            key=template.key,
            component=template.component,
            title=Text(template.title, params),
            instructions=Text(template.instructions, params),
            dosage=_dosage(facts, template.dosage),
            factor_keys=tuple(entry.factor_keys),
            precaution_keys=tuple(
                spec.key
                for spec in PRECAUTIONS
                if spec.key in precautions and spec.concerns(template)
            ),
            rule_ids=entry.ordered_rule_ids,
            sources=entry.source_stems,
        )
        # The core protocol of seed 000 (no factor of its own) ranks with mid-weight factors; a
        # rule lists its items by priority, so each later one ranks a little lower.
        weight = max((weights.get(k, 0) for k in entry.factor_keys), default=0) or 40
        index = _index_in_rule(entry, replaced.get(item.key, item.key))
        rank = (-(weight - 5 * index), _RULE_ORDER[item.rule_ids[0]], index, order)
        candidates.append((item, rank))
    referrals = [item for item, _ in candidates if ITEMS_BY_KEY[item.key].recipient is not None]
    treatment = sorted(
        ((item, rank) for item, rank in candidates if item not in referrals),
        key=lambda pair: pair[1],
    )
    kept = [item for item, _ in treatment[:MAX_TREATMENT_ITEMS]]
    deferred = tuple(item.key for item, _ in treatment[MAX_TREATMENT_ITEMS:])
    rank = {item.key: r for item, r in candidates}
    chosen = sorted(
        [*referrals, *kept],
        key=lambda item: (COMPONENTS.index(item.component), rank[item.key]),
    )
    return tuple(chosen), deferred


def _index_in_rule(entry: _Found, key: str) -> int:
    """Where the first rule proposing the item lists it: a rule lists its items by priority."""
    for index, template in enumerate(entry.first_rule.items):
        if template == key or ("{" in template and key.startswith(template.split("{")[0])):
            return index
    return len(entry.first_rule.items)


def _precautions(found: dict[str, _Found], items: tuple[PlanItem, ...]) -> tuple[Precaution, ...]:
    return tuple(
        Precaution(
            key=spec.key,
            text=Text(spec.text),
            components=spec.components,
            item_keys=tuple(item.key for item in items if spec.key in item.precaution_keys),
            rule_ids=found[spec.key].ordered_rule_ids,
            sources=found[spec.key].source_stems,
            kind=spec.kind,
            withheld_item_keys=tuple(spec.withholds),
        )
        for spec in PRECAUTIONS
        if spec.key in found and (spec.kind == "contraindication" or _shown(spec, items))
    )


def _shown(spec, items: tuple[PlanItem, ...]) -> bool:
    """Advice is shown when it concerns an item in the plan, or when it concerns no item."""
    if not spec.components:
        return True
    return any(spec.key in item.precaution_keys for item in items)


def _referrals(items: tuple[PlanItem, ...]) -> tuple[Referral, ...]:
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
        if spec.measure == "pain_0_10" and baseline is None:
            continue
        params = {
            name: value for name, value in (("baseline", baseline), ("target", target)) if value
        }
        text = spec.text
        if baseline is None and spec.text_without_baseline is not None:
            text = spec.text_without_baseline
        goals.append(
            Goal(
                key=spec.key,
                measure=spec.measure,
                text=Text(text, params),
                baseline=baseline,
                target=target,
                rule_ids=found[spec.key].ordered_rule_ids,
                sources=found[spec.key].source_stems,
            )
        )
    return tuple(goals)


def _complaint(facts: Facts) -> Text | None:
    cramps = facts.cramps
    if not cramps.sites:
        return None
    params = {"sites": cramp_sites_text(facts), "per_week": str(cramps.cramps_per_week)}
    if cramps.timing:
        params["timing"] = and_list(TIMING_NAMES[t] for t in cramps.timing)
        return Text(
            gettext_noop("Cramps in the %(sites)s, %(per_week)s a week, %(timing)s."), params
        )
    return Text(gettext_noop("Cramps in the %(sites)s, %(per_week)s a week."), params)
