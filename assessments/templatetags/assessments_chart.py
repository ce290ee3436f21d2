"""Sections of the patient chart that belong to the assessments app.

The chart page lives in intake, which must not import assessments; these inclusion tags let
its template pull in exams and plans without that import.
"""

from django import template

from assessments import outcomes
from assessments.selectors import outcome_summaries, patient_exams

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
        "exams": list(patient_exams(patient)),
        "outcome_summaries": outcome_summaries(patient),
        "instruments": list(outcomes.INSTRUMENTS.values()),
    }


@register.inclusion_tag("assessments/chart_plans.html", takes_context=True)
def chart_plans(context, patient):
    return {"patient": patient, "perms": context["perms"], "plans": []}
