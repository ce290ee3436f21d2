"""Outcome measure pages: the practitioner records a questionnaire; the patient answers one
through their self-intake link (no account, the link is the key).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods

from assessments import outcomes
from assessments.exams.selectors import get_exam
from assessments.models import ExamLockedError
from assessments.outcomes import instruments
from assessments.outcomes import services as outcome_services
from assessments.outcomes.forms import OutcomeForm
from assessments.outcomes.self_report import (
    AlreadyAnsweredError,
    answered_questionnaires,
    self_report_record,
)
from clinic.access import get_patient
from clinic.roles import permission_required
from intake.intakes.services import IntakeLockedError
from intake.self_intake.selectors import self_intake_link_for

FINISHED_EXAM_NOTE = gettext_noop(
    "This exam is finished, so it takes no new questionnaire. Save to record this one on the "
    "patient's chart with the date it was answered, or start a new exam."
)


@permission_required("assessments.view_exam", "assessments.add_exam")
@require_http_methods(["GET", "POST"])
def outcome_new(request, patient_pk, code):
    patient = get_patient(patient_pk)
    instrument = outcomes.INSTRUMENTS.get(code)
    if instrument is None:
        raise Http404
    exam_pk = request.POST.get("exam") or request.GET.get("exam")
    exam = get_exam(patient, exam_pk) if exam_pk else None
    if exam is not None and exam.is_finished and request.method == "GET":
        # A finished exam takes no new questionnaire: this one goes on the chart, on its date.
        messages.info(request, _(FINISHED_EXAM_NOTE))
        return redirect("outcome_new", patient_pk=patient.pk, code=instrument.code)
    today = timezone.localdate()
    form = OutcomeForm(
        request.POST or None,
        instrument=instrument,
        taken_on=exam.examined_on if exam is not None else today,
    )
    if request.method == "POST" and form.is_valid():
        try:
            measure = outcome_services.outcome_record(
                patient=patient,
                instrument=instrument.code,
                answers=form.answers(),
                by=request.user,
                exam=exam,
                taken_on=form.cleaned_data["taken_on"],
                request=request,
            )
        except ExamLockedError:
            # Finished while this was being filled in: keep the answers, offer the chart.
            form.add_error(None, _(FINISHED_EXAM_NOTE))
            exam = None
        except ValidationError as error:
            form.add_scoring_errors(error)
        else:
            messages.success(
                request,
                _("%(name)s recorded: %(score)s.")
                % {"name": _(instrument.name), "score": measure.score_display},
            )
            if exam is not None:
                return redirect("exam_detail", patient_pk=patient.pk, pk=exam.pk)
            return redirect("patient_chart", pk=patient.pk)
    context = {
        "patient": patient,
        "exam": exam,
        "form": form,
        "instrument": instrument,
        "instrument_name": _(instrument.name),
        "instructions": _(instrument.instructions),
    }
    return render(request, "assessments/outcome_form.html", context)


def _language(request, link):
    language = request.GET.get("lang") or request.POST.get("lang")
    return language if language in {"en", "fr"} else link.patient.preferred_language


@require_http_methods(["GET", "POST"])
def self_report(request, token, code):
    link = self_intake_link_for(token)
    if link is None:
        return render(request, "intake/self_intake_closed.html", status=410)
    instrument = outcomes.INSTRUMENTS.get(code)
    if instrument is None or code not in instruments.self_reported_codes():
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
