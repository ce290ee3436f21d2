"""Sections of the patient chart that belong to the assessments app.

The chart page lives in intake, which must not import assessments; these inclusion tags let
its template pull in exams and plans without that import.
"""

from django import template
from django.urls import reverse

from assessments import outcomes
from assessments.exams.selectors import chart_exam_rows
from assessments.outcomes.selectors import outcome_summaries
from assessments.plans.selectors import chart_plan_rows
from assessments.visits.queue import reassessments_due
from assessments.visits.selectors import chart_episodes as chart_episodes_rows
from assessments.visits.selectors import reassessment_due

register = template.Library()


@register.inclusion_tag("assessments/chart_exams.html", takes_context=True)
def chart_exams(context, patient):
    """The patient's exams and outcome measures; nothing at all without assessments.view_exam.

    Two queries whatever the number of visits: the exams, and every outcome measure.
    """
    perms = context["perms"]
    if "assessments.view_exam" not in perms:
        return {"patient": patient, "perms": perms, "exams": [], "outcome_summaries": []}
    return {
        "patient": patient,
        "perms": perms,
        "exams": list(chart_exam_rows(patient)),
        "outcome_summaries": outcome_summaries(patient),
        "instruments": list(outcomes.INSTRUMENTS.values()),
    }


@register.inclusion_tag("assessments/chart_plans.html", takes_context=True)
def chart_plans(context, patient):
    """The patient's care plans, each series with its current version first; one query.

    The current version is the newest signed one (an amendment in draft waits beside it), or
    the draft when nothing is signed yet. Practitioners see every version; the front desk
    (assessments.print_signed_plan) only signed ones; anyone else nothing.
    """
    perms = context["perms"]
    sees_drafts = "assessments.view_treatmentplan" in perms
    if not sees_drafts and "assessments.print_signed_plan" not in perms:
        return {"patient": patient, "perms": perms, "plans": []}
    rows = chart_plan_rows(patient, with_drafts=sees_drafts)
    return {"patient": patient, "perms": perms, "plans": rows, "sees_drafts": sees_drafts}


# Which permission lets a chart reader follow a timeline entry's link (none: shown as text).
_ENTRY_PERMS = {
    "intake": "intake.view_intake",
    "exam": "assessments.view_exam",
    "plan": "assessments.print_signed_plan",
    "visit": "assessments.view_visit",
    "reassessment": "assessments.view_reassessment",
    "document": "assessments.print_episode_document",
}


@register.inclusion_tag("assessments/chart_episodes.html", takes_context=True)
def chart_episodes(context, patient):
    """The chart grouped by episode (intake to discharge), the current one first, each with its
    timeline. The front desk (assessments.view_episode alone) sees the dates of visits and the
    plan's printouts, never the notes. A fixed number of queries however many visits."""
    perms = context["perms"]
    if "assessments.view_episode" not in perms:
        return {"patient": patient, "perms": perms, "episodes": []}
    with_notes = "assessments.view_visit" in perms
    rows = chart_episodes_rows(
        patient, with_notes=with_notes, with_exams="assessments.view_exam" in perms
    )
    for row in rows:
        for entry in row.entries:
            allowed = entry.url_name and _ENTRY_PERMS.get(entry.kind, "") in perms
            entry.url = reverse(entry.url_name, args=entry.url_args) if allowed else ""
        if row.is_current and row.plan is not None and with_notes:
            row.due = reassessment_due(row.episode, row.plan)
    return {"patient": patient, "perms": perms, "episodes": rows, "with_notes": with_notes}


@register.inclusion_tag("assessments/reassessment_queue.html", takes_context=True)
def reassessment_queue(context):
    """The practitioner's queue of re-assessments due (nothing for other roles); one query."""
    perms = context["perms"]
    if "assessments.view_visit" not in perms:
        return {"rows": []}
    return {"rows": reassessments_due()}
