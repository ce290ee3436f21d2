"""The rule base as Markdown, so a clinician can review it without reading code."""

from __future__ import annotations

from collections.abc import Iterable

from .engine import SCHEDULES
from .interventions import (
    GOALS_BY_KEY,
    ITEM_TEMPLATES,
    ITEMS_BY_KEY,
    PRECAUTIONS,
    PRECAUTIONS_BY_KEY,
)
from .rules import SEEDS, Rule


def _sources(rule: Rule) -> str:
    return ", ".join(f"`{SEEDS[source]}`" for source in rule.sources)


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
        lines.append(f"- **Red flag** `{rule.red_flag.key}`: {rule.red_flag.title}")
    if rule.factor is not None:
        factor = rule.factor
        lines.append(f"- **Factor** `{factor.key}` (weight {factor.weight}): {factor.title}")
    if rule.items:
        lines.append("- **Plan items:**")
        lines.extend(f"  - {_item_line(key)}" for key in rule.items)
    if rule.precautions:
        lines.append("- **Precautions:**")
        lines.extend(f"  - `{key}`: {PRECAUTIONS_BY_KEY[key].text}" for key in rule.precautions)
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
        "Generated from `assessments/reasoning/rules.py` by `python manage.py rule_catalogue`;",
        "do not edit by hand. Every rule names the seed texts it rests on "
        "(`shared/seeds/<name>.txt`);",
        "`clinical-screening` marks red flags and safety checks any clinic screens "
        "for although the",
        "seeds do not name them. Sentences show `%(name)s` where the patient's details go.",
        "",
        f"{len(rules)} rules. Red flags are listed first in every assessment; while "
        f"one is open the",
        "plan cannot be signed until a medical referral or an override with a reason is recorded.",
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
    lines.extend(["", "## Precautions", "", "| key | applies to | text |", "|---|---|---|"])
    for spec in PRECAUTIONS:
        scope = ", ".join(spec.item_keys or spec.components)
        lines.append(f"| `{spec.key}` | {scope} | {spec.text} |")
    lines.extend(
        [
            "",
            "## Visit schedule",
            "",
            "A clinic default for the practitioner to adjust, not a rule from the seeds.",
            "Score = the number of factors found, plus 1 for 3-6 cramps a week or 2 for 7 or more.",
            "The review falls at the end of the block.",
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
