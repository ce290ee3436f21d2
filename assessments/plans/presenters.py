"""What the plan page shows: the stored assessment, decisions and items, arranged for the page."""

from django.utils.translation import gettext_lazy

from assessments import reasoning
from assessments.documents.plans import referral_letters
from assessments.models import (
    PlanComponent,
)
from assessments.plans import selectors
from assessments.plans.forms import (
    PlanDetailsForm,
    RedFlagClearForm,
)
from assessments.plans.snapshot import plan_snapshot
from assessments.plans.snapshot import shown_or_english as _shown

# How soon, for the practitioner; the patient's words come from the reasoning's patient_text.
URGENCY_LABELS = {
    "emergency": gettext_lazy("Emergency: same day"),
    "urgent": gettext_lazy("Urgent: within a day or two"),
    "soon": gettext_lazy("Soon: before treatment starts"),
}


def source_titles(sources):
    """Seeds named by their titles, never by file stems (the stems stay in the rule details)."""
    titles = getattr(reasoning, "SEED_TITLES", {})
    return [titles.get(source, source) for source in sources]


def _detail_context(plan):
    stored = plan_snapshot(plan)
    dismissed = {d.factor_key: d for d in plan.factor_decisions.select_related("decided_by")}
    cleared = {c.flag_key: c for c in plan.red_flag_clearances.select_related("cleared_by")}
    precautions = stored.precautions_by_key
    factor_titles = {f["key"]: _shown(f["title"]) for f in stored.factors}
    overrides = {}
    for override in plan.precaution_overrides.select_related("overridden_by"):
        overrides[(override.item_id, override.precaution_key)] = override

    items = list(plan.items.order_by("position", "pk"))
    in_plan = {item.key for item in items if item.key and not item.removed}
    withheld_titles = selectors.withheld_item_titles(plan)
    groups = []
    for component in PlanComponent:
        rows = []
        for item in items:
            if item.component != component.value:
                continue
            rows.append(
                {
                    "item": item,
                    "factors": [factor_titles.get(key, key) for key in item.factor_keys],
                    "sources": source_titles(item.sources),
                    "precautions": [
                        {
                            "key": key,
                            "text": _shown(precautions.get(key, {}).get("text")) or key,
                            "advice": precautions.get(key, {}).get("kind") == "advice",
                            "override": overrides.get((item.pk, key)),
                        }
                        for key in item.precaution_keys
                    ],
                }
            )
        if rows:
            groups.append({"label": component.label, "key": component.value, "rows": rows})
    return {
        "plan": plan,
        "patient": plan.patient,
        "sources": selectors.source_dates(plan),
        "complaint": _shown(stored.complaint),
        "red_flags": [
            {
                "key": flag["key"],
                "title": _shown(flag["title"]),
                "evidence": [_shown(text) for text in flag["evidence"]],
                "sources": flag["sources"],
                "urgency": flag.get("urgency", ""),
                "urgency_label": URGENCY_LABELS.get(flag.get("urgency"), ""),
                "patient_text": _shown(flag.get("patient_text")),
                "clearance": cleared.get(flag["key"]),
            }
            for flag in stored.red_flags
        ],
        "treatment_withheld": bool(selectors.open_red_flags(plan, cleared=cleared.keys())),
        "withheld_items": [
            {
                "item": row["item"],
                "title": withheld_titles.get(row["item"], row["item"]),
                "reason": _shown(row.get("text")),
                "alternative": withheld_titles.get(row.get("alternative") or "", ""),
                "in_plan": row["item"] in in_plan,
            }
            for row in stored.withheld_items
        ],
        "deferred_items": [
            {"item": key, "title": withheld_titles.get(key, key)}
            for key in stored.deferred_items
            if key not in in_plan
        ],
        "advice": [_shown(p["text"]) for p in stored.precautions if p.get("kind") == "advice"],
        "factors": [
            {
                "key": factor["key"],
                "rank": rank,
                "title": _shown(factor["title"]),
                "evidence": [_shown(text) for text in factor["evidence"]],
                "rule_ids": factor["rule_ids"],
                "sources": source_titles(factor["sources"]),
                "dismissed": dismissed.get(factor["key"]),
            }
            for rank, factor in enumerate(stored.factors, start=1)
        ],
        "referrals": [
            {
                "title": _shown(r["title"]),
                "reason": _shown(r["reason"]),
                "urgency": r["urgency"],
                "urgency_label": URGENCY_LABELS.get(r["urgency"], ""),
            }
            for r in stored.referrals
        ],
        "clearance_note": _shown(stored.clearance_note),
        "referral_letters": referral_letters(plan),
        "groups": groups,
        "goals": list(plan.goals.order_by("position", "pk")),
        "blockers": selectors.sign_blocker_links(plan) if plan.is_draft else [],
        "details_form": PlanDetailsForm(instance=plan, initial={"version": plan.version}),
        "clear_kinds": RedFlagClearForm.base_fields["kind"].choices,
        "version_count": selectors.series_version_count(plan),
    }
