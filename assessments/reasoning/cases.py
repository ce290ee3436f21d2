"""Case files (JSON) in, and assessments out as terminal text.

A case file is `{"vignette": "...", "facts": {...}}`; the facts are those of facts_from_dict.
See docs/cases/README.md.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .engine import Assessment
from .facts import CaseError, Facts, facts_from_dict
from .i18n import Text, gettext_noop
from .interventions import ITEMS_BY_KEY, PRECAUTIONS_BY_KEY

_CASE_KEYS = ("vignette", "facts")

COMPONENT_NAMES = {
    "medical_referral": Text(gettext_noop("Medical referral")),
    "spinal_mobilisation": Text(gettext_noop("Spinal mobilisation")),
    "massage": Text(gettext_noop("Massage")),
    "stretching": Text(gettext_noop("Stretching")),
    "strengthening": Text(gettext_noop("Strengthening")),
    "posture": Text(gettext_noop("Posture")),
    "nutrition_referral": Text(gettext_noop("Nutrition referral")),
    "home_care": Text(gettext_noop("Home care")),
}


URGENCY_NAMES = {
    "emergency": Text(gettext_noop("emergency, same day")),
    "urgent": Text(gettext_noop("urgent")),
    "soon": Text(gettext_noop("soon")),
    "routine": Text(gettext_noop("routine")),
}
KIND_NAMES = {
    "contraindication": Text(gettext_noop("contraindication")),
    "advice": Text(gettext_noop("advice")),
}


def facts_from_case_json(text: str) -> Facts:
    """Parse a case file's text; CaseError names the bad field, or the line and column."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseError(
            "", f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from error
    if not isinstance(data, dict):
        raise CaseError("", "a case file holds an object with 'facts' (and optionally 'vignette')")
    unknown = sorted(set(data) - set(_CASE_KEYS))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise CaseError("", f"unknown field(s) {names}; allowed: {', '.join(_CASE_KEYS)}")
    if "facts" not in data:
        raise CaseError("facts", "is required")
    if not isinstance(data.get("vignette", ""), str):
        raise CaseError("vignette", "expected text")
    try:
        return facts_from_dict(data["facts"])
    except CaseError as error:
        raise CaseError(f"facts.{error.path}" if error.path else "facts", error.problem) from None


def load_case(path: str | Path) -> Facts:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise CaseError("", f"cannot read {path}: {error.strerror}") from error
    return facts_from_case_json(text)


def render_text(assessment: Assessment, translate: Callable[[str], str] = lambda s: s) -> str:
    """The assessment as plain text for a terminal."""

    def say(text: Text) -> str:
        return text.render(translate)

    lines = [say(Text(gettext_noop("ASSESSMENT (draft: review, edit and sign)")))]
    if assessment.complaint is not None:
        lines.append(say(assessment.complaint))
    if assessment.requires_medical_clearance:
        lines.extend(["", "!! " + say(assessment.clearance_note)])
    lines.append("")
    if assessment.red_flags:
        lines.append(say(Text(gettext_noop("RED FLAGS"))))
        for number, flag in enumerate(assessment.red_flags, 1):
            state = URGENCY_NAMES[flag.urgency]
            if flag.cleared:
                state = Text(gettext_noop("%(urgency)s, cleared"), {"urgency": state})
            lines.append(f"  {number}. [{say(state)}] {say(flag.title)}")
            lines.append(f"     > {say(flag.patient_text)}")
            lines.extend(f"     - {say(e)}" for e in flag.evidence)
            lines.append(f"     [{', '.join(flag.rule_ids)}; {', '.join(flag.sources)}]")
        lines.append("")
    lines.append(say(Text(gettext_noop("FACTORS (most important first)"))))
    if not assessment.factors:
        lines.append("  " + say(Text(gettext_noop("None found."))))
    for number, factor in enumerate(assessment.factors, 1):
        lines.append(f"  {number}. {say(factor.title)}")
        lines.extend(f"     - {say(e)}" for e in factor.evidence)
        lines.append(f"     [{', '.join(factor.rule_ids)}; {', '.join(factor.sources)}]")
    if assessment.precautions:
        lines.extend(["", say(Text(gettext_noop("PRECAUTIONS")))])
        lines.extend(
            f"  - [{say(KIND_NAMES[p.kind])}] {say(p.text)} [{', '.join(p.rule_ids)}]"
            for p in assessment.precautions
        )
    if assessment.withheld_items:
        lines.extend(["", say(Text(gettext_noop("WITHHELD (contraindicated)")))])
        for entry in assessment.withheld_items:
            title = Text(ITEMS_BY_KEY[entry.item].title)
            if entry.alternative is None:
                lines.append(f"  - {say(title)}")
            else:
                alternative = Text(ITEMS_BY_KEY[entry.alternative].title)
                lines.append(
                    "  - "
                    + say(
                        Text(
                            gettext_noop("%(item)s, replaced by: %(alternative)s"),
                            {"item": title, "alternative": alternative},
                        )
                    )
                )
    if assessment.referrals:
        lines.extend(["", say(Text(gettext_noop("REFERRALS")))])
        lines.extend(
            f"  - [{say(URGENCY_NAMES.get(r.urgency, URGENCY_NAMES['routine']))}] "
            f"{say(r.title)}: {say(r.reason)}"
            for r in assessment.referrals
        )
    plan = assessment.plan
    lines.extend(["", say(Text(gettext_noop("DRAFT PLAN")))])
    if assessment.treatment_withheld:
        lines.append(
            "  " + say(Text(gettext_noop("No treatment is proposed while a red flag is open.")))
        )
    if plan.schedule is not None:
        lines.append("  " + say(plan.schedule.text))
    for goal in plan.goals:
        lines.append(f"  * {say(goal.text)}")
    for component, name in COMPONENT_NAMES.items():
        items = plan.items_for(component)
        if not items:
            continue
        lines.extend(["", f"  {say(name)}"])
        for item in items:
            lines.append(f"    - {say(item.title)}: {say(item.dosage.text)}")
            lines.append(f"      {say(item.instructions)}")
            for key in item.precaution_keys:
                lines.append(f"      ! {say(Text(PRECAUTIONS_BY_KEY[key].text))}")
            lines.append(f"      [{', '.join(item.rule_ids)}]")
    if assessment.deferred_items:
        titles = tuple(Text(ITEMS_BY_KEY[key].title) for key in assessment.deferred_items)
        lines.extend(
            [
                "",
                "  "
                + say(
                    Text(
                        gettext_noop(
                            "Left out to keep the plan short (add by hand if needed): %(items)s"
                        ),
                        {"items": titles},
                    )
                ),
            ]
        )
    return "\n".join(lines) + "\n"
