"""Reads of treatment plans: scoped lookups (404 for another patient's), versions, open red flags,
withheld items and what still blocks signing.
"""

from django.db.models import F, Q
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext

from assessments.models import (
    PlanGoal,
    PlanItem,
    PlanStatus,
    TreatmentPlan,
)
from assessments.plans.snapshot import plan_snapshot, shown_or_english
from assessments.reasoning.interventions import ITEMS_BY_KEY
from clinic.row_lookup import CompiledGet


def cleared_flag_keys(plan):
    return frozenset(plan.red_flag_clearances.values_list("flag_key", flat=True))


def open_red_flags(plan, cleared=None):
    """The plan's red flags that no clearance answers yet (``cleared``: the flag keys already
    read by the caller, else read here)."""
    cleared = cleared_flag_keys(plan) if cleared is None else cleared
    return [flag for flag in plan_snapshot(plan).red_flags if flag["key"] not in cleared]


def withheld_item_titles(plan):
    """The titles, in the plan's language, of the items (and alternatives) it withholds."""
    stored = plan_snapshot(plan)
    keys = set(stored.deferred_items)
    for row in stored.withheld_items:
        keys.add(row["item"])
        if row.get("alternative"):
            keys.add(row["alternative"])
    titles = {}
    with translation.override(plan.language):
        for key in keys:
            template = ITEMS_BY_KEY.get(key)
            # The title's parameters come from the facts; the bare title names the item well.
            titles[key] = gettext(template.title) % _Blank() if template else key
    return titles


def _is_advice(precaution):
    # An older snapshot has no kind: its precautions are treated as contraindications.
    return precaution.get("kind") == "advice"


def sign_blocker_links(plan):
    """Why the plan cannot be signed yet, each with the page anchor of what to fix: a list of
    {"text", "anchor"} (empty when it can be signed).

    An open red flag does not block signing: the plan is then signed as the referral alone, so
    it must hold no treatment item. Advice never blocks; an item kept against a contraindication
    needs the practitioner's reason.
    """
    blockers = []
    kept = list(plan.items.filter(removed=False))
    flags = open_red_flags(plan)
    if flags and kept:
        titles = ", ".join(shown_or_english(flag["title"]) for flag in flags)
        text = gettext(
            "A red flag is open (%(flags)s): while it is, the plan is the medical referral "
            "alone. Record the doctor's clearance, or remove the treatment items."
        ) % {"flags": titles}
        blockers.append({"text": text, "anchor": "red-flags"})
    overridden = set(plan.precaution_overrides.values_list("item_id", "precaution_key"))
    precautions = plan_snapshot(plan).precautions_by_key
    for item in kept:
        for key in item.precaution_keys:
            precaution = precautions.get(key, {})
            if _is_advice(precaution) or (item.pk, key) in overridden:
                continue
            text = gettext(
                "“%(item)s” is kept against a contraindication (%(precaution)s): give the "
                "reason, or remove the item."
            ) % {
                "item": item.title,
                "precaution": shown_or_english(precaution.get("text")) or key,
            }
            blockers.append({"text": text, "anchor": f"item-{item.pk}"})
    return blockers


def sign_blockers(plan):
    """Why the plan cannot be signed yet: a list of sentences (empty when it can)."""
    return [blocker["text"] for blocker in sign_blocker_links(plan)]


# Compiled once (clinic.row_lookup): the ORM spent 1 ms compiling this read, several times
# what the database takes to answer it, on every plan, visit-note and API plan page.
_PLAN_BY_ID = CompiledGet(
    lambda pk, patient: (
        # Not the intake and the exam: wide rows (most pages never read them) whose ORM
        # compiling cost the print and visit pages 3 ms; code that needs them loads them.
        TreatmentPlan.objects.select_related("signed_by", "created_by", "previous")
        # Of the version it amends, pages show the number: its stored assessment (the
        # widest column there is) stays unread.
        .defer("previous__assessment")
        .filter(pk=pk, patient=patient)
    ),
    pk=1_000_001,
    patient=1_000_002,
)


def get_plan(patient, pk):
    """The patient's plan with this id, or 404 (never someone else's)."""
    try:
        plan = _PLAN_BY_ID.get(pk=pk, patient=patient.pk)
    except (TreatmentPlan.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    plan.patient = patient  # already read by the caller: no second copy of the row
    return plan


def get_plan_intake_id(patient, pk):
    """The intake of the patient's plan with this id (its episode), or 404; the plan itself
    unread, for pages that show the version in force whichever version's address they were
    opened at."""
    try:
        return TreatmentPlan.objects.values_list("intake_id", flat=True).get(pk=pk, patient=patient)
    except (TreatmentPlan.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def get_plan_to_print(patient, pk, stored):
    """The patient's plan with this id for printing, or 404: its number and status, with the
    copy stored at signing (``stored``, the name of the document's one-to-one) read in the same
    query. A signed plan's download needs nothing else; a draft is rendered from the whole
    plan, which the caller then reads with get_plan."""
    try:
        plan = (
            TreatmentPlan.objects.select_related(stored)
            .only("pk", "patient_id", "number", "status", f"{stored}__pdf", f"{stored}__sha256")
            .get(pk=pk, patient=patient)
        )
    except (TreatmentPlan.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None
    plan.patient = patient
    return plan


def source_dates(plan):
    """The day of the intake and of the exam the plan was made from, for its page's header.

    get_plan leaves the intake and the exam unread (about 170 columns between them, most pages
    never look at them): the header needs one column of each."""
    return (
        TreatmentPlan.objects.filter(pk=plan.pk)
        .values(intake_on=F("intake__created_at"), exam_on=F("exam__examined_on"))
        .get()
    )


def get_item(plan, pk):
    try:
        return PlanItem.objects.select_related("plan").get(pk=pk, plan=plan)
    except (PlanItem.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def _series(plan):
    series = Q(pk=plan.series_id) | Q(first_version=plan.series_id)
    return TreatmentPlan.objects.filter(series, patient=plan.patient_id)


def series_versions(plan):
    """Every version of the plan's series, oldest first, for the list of versions (each one's
    stored assessment, the widest column, is not read)."""
    return list(_series(plan).select_related("signed_by").defer("assessment").order_by("number"))


def series_version_count(plan):
    """How many versions the plan's series has (the plan page's "N versions" button)."""
    return _series(plan).count()


def get_goal(plan, pk):
    try:
        return PlanGoal.objects.select_related("plan").get(pk=pk, plan=plan)
    except (PlanGoal.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


class _Blank(dict):
    """Fills any %(name)s of a title with nothing rather than failing."""

    def __missing__(self, key):
        return "…"


def chart_plan_rows(patient, *, with_drafts):
    """The patient's care plans for the chart, each series with its current version first.

    One query. The current version is the newest signed one (an amendment in draft waits beside
    it), or the draft when nothing is signed yet; without drafts, only signed versions.
    """
    plans = TreatmentPlan.objects.filter(patient=patient).select_related("signed_by")
    if not with_drafts:
        plans = plans.filter(status=PlanStatus.SIGNED)
    series = {}
    for plan in plans.order_by("-created_at", "-pk"):
        series.setdefault(plan.series_id, []).append(plan)
    rows = []
    for versions in series.values():
        versions.sort(key=lambda plan: -plan.number)
        signed = [plan for plan in versions if plan.status == PlanStatus.SIGNED]
        current = signed[0] if signed else versions[0]
        for plan in [current, *(plan for plan in versions if plan is not current)]:
            rows.append({"plan": plan, "is_current": plan is current})
    return rows
