"""Questionnaires a patient fills in through their self-intake link, before sending it.

The link's token is the only key, as for the intake itself: an expired, used or made-up token
gets the same closed page. Scores are recorded as patient-reported.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments import outcomes
from assessments.forms import OutcomeForm
from assessments.self_report_services import (
    AlreadyAnsweredError,
    answered_questionnaires,
    self_report_record,
)
from intake.intakes.services import IntakeLockedError
from intake.self_intake.selectors import self_intake_link_for

# The ones a patient can answer alone; the practitioner-led PSFS stays with the practitioner.
SELF_REPORTED = ("NPRS", "ODI", "LEFS")


def _language(request, link):
    language = request.GET.get("lang") or request.POST.get("lang")
    return language if language in {"en", "fr"} else link.patient.preferred_language


@require_http_methods(["GET", "POST"])
def self_report(request, token, code):
    link = self_intake_link_for(token)
    if link is None:
        return render(request, "intake/self_intake_closed.html", status=410)
    instrument = outcomes.INSTRUMENTS.get(code)
    if instrument is None or code not in SELF_REPORTED:
        raise Http404
    language = _language(request, link)
    back = f"{reverse('self_intake', args=[token])}?lang={language}"
    with translation.override(language):
        if code in answered_questionnaires(link):
            messages.info(request, _("You have already answered this questionnaire. Thank you."))
            return redirect(back)
        form = OutcomeForm(request.POST or None, instrument=instrument)
        if request.method == "POST" and form.is_valid():
            try:
                self_report_record(link=link, instrument=code, answers=form.answers())
            except ValidationError as error:
                form.add_scoring_errors(error)
            except AlreadyAnsweredError:
                messages.info(
                    request, _("You have already answered this questionnaire. Thank you.")
                )
                return redirect(back)
            except IntakeLockedError:
                return render(request, "intake/self_intake_closed.html", status=410)
            else:
                return redirect(back)
        context = {
            "form": form,
            "instrument_name": _(instrument.name),
            "instructions": _(instrument.instructions),
            "language": language,
            "back": back,
        }
        response = render(request, "assessments/self_report.html", context)
    response.headers.setdefault("Content-Language", language)
    return response
