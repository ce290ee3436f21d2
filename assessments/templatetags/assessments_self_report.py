"""The optional questionnaires offered on the patient's self-intake page.

The page belongs to intake, which must not import assessments; this tag brings them in.
"""

from django import template
from django.utils.translation import gettext as _

from assessments import outcomes
from assessments.outcomes import instruments
from assessments.outcomes.self_report import answered_questionnaires

register = template.Library()


@register.inclusion_tag("assessments/self_report_links.html")
def self_report_links(link, token, language):
    answered = answered_questionnaires(link)
    return {
        "questionnaires": [
            (code, _(outcomes.INSTRUMENTS[code].name), code in answered)
            for code in instruments.self_reported_codes()
        ],
        "token": token,
        "language": language,
    }
