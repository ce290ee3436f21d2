"""Sections of the patient chart that belong to the assessments app.

The chart page lives in intake, which must not import assessments; these inclusion tags let
its template pull in exams and plans without that import.
"""

from django import template

register = template.Library()


@register.inclusion_tag("assessments/chart_exams.html", takes_context=True)
def chart_exams(context, patient):
    return {"patient": patient, "perms": context["perms"], "exams": []}


@register.inclusion_tag("assessments/chart_plans.html", takes_context=True)
def chart_plans(context, patient):
    return {"patient": patient, "perms": context["perms"], "plans": []}
