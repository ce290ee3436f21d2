"""Sections of the patient chart that belong to the assessments app.

The chart page lives in intake, which must not import assessments; these inclusion tags let
its template pull in exams and plans without that import.
"""

from django import template

from assessments import outcomes
from assessments.exams.selectors import chart_exam_rows
from assessments.outcomes.selectors import outcome_summaries
from assessments.plans.selectors import chart_plan_rows

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
