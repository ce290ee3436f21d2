"""A draft plan generated from the reasoning over the intake and the exam, and the preview of a
regeneration.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from assessments.models import PlanOrigin, TreatmentPlan
from assessments.plans.selectors import cleared_flag_keys
from assessments.plans.services.common import (
    _assessment_for,
    _check_sources,
    _goal_from,
    _item_from,
    _next_position,
    _save,
    _snapshot,
)
from assessments.plans.snapshot import PlanSnapshot, plan_snapshot
from clinic.audit import record_change
from clinic.models import AuditAction


def _add_proposal(plan, snapshot):
    """Add the snapshot's proposed items and goals that the plan does not hold yet, after the
    ones it has (the practitioner's own items and edits are kept). While a red flag is open the
    snapshot proposes none."""
    _add_missing(plan, plan.items, snapshot["plan"]["items"], _item_from)
    _add_missing(plan, plan.goals, snapshot["plan"]["goals"], _goal_from)


def _add_missing(plan, rows, proposed, add):
    """Add, after ``rows``, each of ``proposed`` whose key the plan does not hold yet."""
    have = set(rows.exclude(key="").values_list("key", flat=True))
    position = _next_position(rows)
    for proposal in proposed:
        if proposal["key"] in have:
            continue
        add(plan, position, proposal)
        position += 1


def _schedule_fields(snapshot):
    schedule = snapshot["plan"]["schedule"]
    review_days = snapshot["plan"]["review_after_days"]
    return {
        "visit_frequency": schedule["text"]["shown"] if schedule else "",
        "review_date": (
            timezone.localdate() + datetime.timedelta(days=review_days) if review_days else None
        ),
    }


@transaction.atomic
def plan_generate(*, patient, intake, exam=None, by, request=None):
    """A new draft plan (version 1 of its series) from the reasoning over intake and exam."""
    _check_sources(patient=patient, intake=intake, exam=exam)
    assessment = _assessment_for(intake, exam)
    language = patient.preferred_language or "en"
    snapshot = _snapshot(assessment, language)
    plan = _save(
        TreatmentPlan(
            patient=patient,
            intake=intake,
            exam=exam,
            number=1,
            assessment=snapshot,
            language=language,
            created_by=by,
            **_schedule_fields(snapshot),
        )
    )
    _add_proposal(plan, snapshot)
    record_change(
        plan,
        AuditAction.PLAN_GENERATED,
        by=by,
        patient=patient,
        request=request,
        detail=f"intake {intake.pk}" + (f", exam {exam.pk}" if exam is not None else ""),
    )
    return plan


def plan_regenerate_preview(*, plan, intake=None, exam=None):
    """What the reasoning would propose now, beside the plan as the practitioner left it.

    Reads only; never changes the plan. ``intake`` and ``exam`` default to the plan's own (whose
    answers may have been corrected since). Returns a dict of lists keyed by what changed.
    """
    intake = intake or plan.intake
    exam = exam if exam is not None else plan.exam
    now = PlanSnapshot(
        _snapshot(_assessment_for(intake, exam, cleared_flag_keys(plan)), plan.language)
    )
    then = plan_snapshot(plan)

    def keyed(rows):
        return {row["key"]: row for row in rows}

    then_items, now_items = keyed(then.proposed_items), keyed(now.proposed_items)
    then_factors, now_factors = keyed(then.factors), keyed(now.factors)
    then_flags, now_flags = keyed(then.red_flags), keyed(now.red_flags)
    plan_items = list(plan.items.order_by("position", "pk"))
    in_plan = {item.key for item in plan_items if item.key and not item.removed}
    return {
        "items_added": [now_items[key] for key in now_items if key not in then_items],
        "items_dropped": [then_items[key] for key in then_items if key not in now_items],
        "items_missing_from_plan": [
            now_items[key] for key in now_items if key in then_items and key not in in_plan
        ],
        "factors_added": [now_factors[key] for key in now_factors if key not in then_factors],
        "factors_dropped": [then_factors[key] for key in then_factors if key not in now_factors],
        "red_flags_added": [now_flags[key] for key in now_flags if key not in then_flags],
        "red_flags_dropped": [then_flags[key] for key in then_flags if key not in now_flags],
        "practitioner_items": [
            item for item in plan_items if item.origin == PlanOrigin.PRACTITIONER
        ],
        "changed": now.rule_ids != then.rule_ids
        or list(now_items) != list(then_items)
        or list(now_factors) != list(then_factors),
    }
