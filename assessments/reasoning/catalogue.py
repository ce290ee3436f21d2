"""The rule base as Markdown, so a clinician can review it without reading code."""

from __future__ import annotations

from collections.abc import Iterable

from .assessment import URGENCY_PATIENT_TEXTS
from .engine import MAX_TREATMENT_ITEMS, MERGED_INTO, URGENCY_REFERRAL_TITLES
from .interventions import (
    GOALS_BY_KEY,
    ITEM_TEMPLATES,
    ITEMS_BY_KEY,
    PRECAUTIONS,
    PRECAUTIONS_BY_KEY,
)
from .rules import SEED_TITLES, SEEDS, URGENCIES, Rule
from .schedule import HOME_PROGRAMME_REVIEW_DAYS, SCHEDULES


def _sources(rule: Rule) -> str:
    return ", ".join(f"`{SEEDS[source]}`" for source in rule.sources)


def _precaution_line(key: str) -> str:
    spec = PRECAUTIONS_BY_KEY[key]
    line = f"`{key}` ({spec.kind}): {spec.text}"
    if spec.withholds:
        withheld = "; ".join(
            f"`{item}` → " + (f"`{alternative}`" if alternative else "no alternative")
            for item, alternative in spec.withholds.items()
        )
        line += f" Withholds: {withheld}."
    return line


def _item_line(key: str) -> str:
    if "{" in key:
        family = key.split("{")[0]
        choices = ", ".join(f"`{t.key}`" for t in ITEM_TEMPLATES if t.key.startswith(family))
        return f"`{key}`: one per match, from {choices}"
    template = ITEMS_BY_KEY[key]
    return f"`{key}`: {template.title} ({template.dosage.text})"


def _rule_section(rule: Rule) -> list[str]:
    lines = [f"### {rule.id}", "", f"- **When:** {rule.when.description} (`{rule.when.name}`)"]
    if rule.red_flag is not None:
        lines.append(
            f"- **Red flag** `{rule.red_flag.key}` (urgency: {rule.red_flag.urgency}): "
            f"{rule.red_flag.title}"
        )
    if rule.factor is not None:
        factor = rule.factor
        notes = [f"weight {factor.weight}"]
        if not factor.cause:
            notes.append("context, not a cause")
        if factor.musculoskeletal:
            notes.append("musculoskeletal")
        lines.append(f"- **Factor** `{factor.key}` ({', '.join(notes)}): {factor.title}")
    if rule.fallback:
        lines.append("- **Runs only when no other rule found a cause.**")
    if rule.items:
        lines.append("- **Plan items:**")
        lines.extend(f"  - {_item_line(key)}" for key in rule.items)
    if rule.precautions:
        lines.append("- **Precautions:**")
        lines.extend(f"  - {_precaution_line(key)}" for key in rule.precautions)
    if rule.goals:
        lines.append("- **Goals:**")
        lines.extend(f"  - `{key}`: {GOALS_BY_KEY[key].text}" for key in rule.goals)
    lines.extend([f"- **Sources:** {_sources(rule)}", ""])
    return lines


def render_catalogue_markdown(rules: Iterable[Rule]) -> str:
    rules = tuple(rules)
    lines = [
        "# Clinical rule catalogue",
        "",
        "Generated from the topic modules of `assessments/reasoning/rules/`, in the order of",
        "`RULES`, by `python manage.py rule_catalogue --output docs/rules.md`;",
        "do not edit by hand. Every rule names the seed texts it rests on "
        "(`shared/seeds/<name>.txt`);",
        "`clinical-screening` marks red flags and safety checks any clinic screens "
        "for although the",
        "seeds do not name them. Sentences show `%(name)s` where the patient's details go.",
        "Seed 000 is one physiotherapist's clinical experience: what rests on it alone is worded",
        "as a hypothesis to examine. The seeds name no spinal levels for muscles: L4-S1 for the",
        "leg and C5-T1 for the forearm and hand is the clinic's convention, and the texts say so.",
        "",
        "| source | title (what people read) |",
        "|---|---|",
        *(f"| `{stem}` | {title} |" for stem, title in SEED_TITLES.items()),
        "",
        f"{len(rules)} rules. Red flags are listed first in every assessment, most urgent first.",
        "While one is open (not cleared by a doctor's clearance or an override with a reason) the",
        "proposal is one medical referral with the highest urgency, and nothing else: no treatment",
        "item, no visit schedule, no goal, no precaution.",
        "",
        "| urgency | referral | the patient is told |",
        "|---|---|---|",
        *(
            f"| {u} | {URGENCY_REFERRAL_TITLES[u]} | {URGENCY_PATIENT_TEXTS[u]} |"
            for u in URGENCIES
        ),
        "",
        "A contraindication withholds items (listed in `withheld_items`) and proposes its safe",
        "alternative instead; advice is shown with the items it concerns and never blocks signing.",
        "Overlapping items are merged ("
        + ", ".join(f"`{a}` into `{b}`" for a, b in MERGED_INTO.items())
        + "; PNF leaves out",
        "the calf when a calf stretch is in the plan, and never stretches the spine).",
        f"Treatment items are capped at {MAX_TREATMENT_ITEMS}, highest-weight factors first;",
        "referrals are never dropped; what is left out is listed in `deferred_items`.",
        "",
        "## Rules",
        "",
    ]
    for rule in rules:
        lines.extend(_rule_section(rule))
    lines.extend(["## Plan items", "", "| key | component | title | dosage |", "|---|---|---|---|"])
    lines.extend(
        f"| `{t.key}` | {t.component} | {t.title} | {t.dosage.text} |" for t in ITEM_TEMPLATES
    )
    lines.extend(
        ["", "## Precautions", "", "| key | kind | applies to | text |", "|---|---|---|---|"]
    )
    for spec in PRECAUTIONS:
        if spec.withholds:
            scope = ", ".join(
                f"{item} → {alternative or 'none'}" for item, alternative in spec.withholds.items()
            )
        else:
            scope = ", ".join(spec.item_keys or spec.components) or "(shown only)"
        lines.append(f"| `{spec.key}` | {spec.kind} | {scope} | {spec.text} |")
    lines.extend(
        [
            "",
            "## Visit schedule",
            "",
            "A clinic default for the practitioner to adjust, not a rule from the seeds.",
            "It follows the musculoskeletal findings, not the medical ones (a drug-related",
            "cramp is a referral, not weeks of visits). With no musculoskeletal factor: one",
            f"visit to teach the home programme, review after {HOME_PROGRAMME_REVIEW_DAYS} days.",
            "Otherwise score = the number of musculoskeletal factors, plus 1 for 3-6 cramps",
            "a week or 2 for 7 or more;",
            "the review falls at the end of the block.",
            "",
            "| score | visits a week | weeks |",
            "|---|---|---|",
        ]
    )
    low = 0
    for highest, visits, weeks in SCHEDULES:
        score = f"{low} or more" if highest is None else f"{low}-{highest}"
        lines.append(f"| {score} | {visits} | {weeks} |")
        low = (highest or 0) + 1
    lines.append("")
    return "\n".join(lines)
