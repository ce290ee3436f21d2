"""The episode's pages: its visits and whether a re-assessment is due, the re-assessment beside
the baseline, discharge, and the stored documents (progress report, summary, letter)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments.documents.views import refuse_tampered, serve_pdf
from assessments.models import Episode, EpisodeLockedError, PlanStatus
from assessments.plans.selectors import get_plan, get_plan_intake_id
from assessments.visits import review_services, services
from assessments.visits.comparison import comparison
from assessments.visits.forms import DischargeForm, ReassessmentForm
from assessments.visits.reports import document_filename
from assessments.visits.selectors import (
    current_plan,
    episode_visits,
    get_document,
    get_episode,
    get_reassessment,
    home_programme_text,
    reassessment_due,
    reassessment_exams,
    red_flag_hold,
)
from clinic.access import get_patient, get_patient_record, get_viewed_record
from clinic.audit import record_view_event
from clinic.files import matches_sha256, sha256_of
from clinic.models import AuditAction
from clinic.roles import permission_required

VIEW = "assessments.view_visit"


def _plan_and_episode(patient_pk, plan_pk, *, active):
    """The patient, the current version of the plan and its episode (None until one is opened).

    ``active``: the page adds to the record (403 once the patient is archived)."""
    patient, intake_id = get_patient_record(patient_pk, get_plan_intake_id, plan_pk, active=active)
    # The version in force; the one at this address only while none is signed yet.
    plan = current_plan(intake_id) or get_plan(patient, plan_pk)
    plan.patient = patient
    return patient, plan, Episode.objects.filter(intake=intake_id).first()


def _viewed(request, patient, episode_or_plan, page):
    """Each episode page's reading is in the audit trail, saying which page it was."""
    record_view_event(
        request, AuditAction.EPISODE_VIEWED, episode_or_plan, patient=patient, detail=page
    )


@permission_required(VIEW)
def episode_detail(request, patient_pk, plan_pk):
    patient, plan, episode = _plan_and_episode(patient_pk, plan_pk, active=False)
    _viewed(request, patient, episode or plan, "visits")
    context = {
        "patient": patient,
        "plan": plan,
        "episode": episode,
        "visits": episode_visits(episode) if episode else [],
        "due": reassessment_due(episode, plan) if plan.status == PlanStatus.SIGNED else None,
        "hold": red_flag_hold(episode, plan),
        "reassessments": list(episode.reassessments.all()) if episode else [],
        "documents": list(episode.documents.defer("pdf")) if episode else [],
    }
    return render(request, "assessments/episode_detail.html", context)


@permission_required(VIEW, "assessments.add_reassessment")
@require_http_methods(["GET", "POST"])
def reassessment_new(request, patient_pk, plan_pk):
    patient, plan, episode = _plan_and_episode(patient_pk, plan_pk, active=True)
    if plan.status != PlanStatus.SIGNED or (episode and episode.is_discharged):
        messages.warning(request, _("A re-assessment follows a signed plan of an open episode."))
        return redirect("episode_detail", patient_pk=patient.pk, plan_pk=plan.pk)
    if episode is None:
        episode = services.episode_open(intake=plan.intake, by=request.user, request=request)
    exams = reassessment_exams(episode, plan)
    chosen = next((e for e in exams if str(e.pk) == request.GET.get("exam")), None)
    chosen = chosen or (exams[0] if exams else None)
    compared = comparison(episode, plan, chosen) if chosen else None
    form = ReassessmentForm(
        request.POST or None,
        exams=exams,
        goals=compared["goals"] if compared else [],
        initial={"exam": chosen.pk if chosen else None},
    )
    if request.method == "POST" and chosen is not None and form.is_valid():
        exam = next(e for e in exams if e.pk == form.cleaned_data["exam"])
        try:
            reassessment = review_services.reassessment_record(
                plan=plan,
                exam=exam,
                goals_met=form.goals_met(),
                decision=form.cleaned_data["decision"],
                notes=form.cleaned_data["notes"],
                by=request.user,
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The re-assessment is recorded with its progress report."))
            return _after_reassessment(patient, plan, reassessment)
    if request.method == "GET":
        _viewed(request, patient, episode, "re-assessment beside the baseline")
    context = {
        "patient": patient,
        "plan": plan,
        "episode": episode,
        "exams": exams,
        "exam": chosen,
        "compared": compared,
        "form": form,
    }
    return render(request, "assessments/reassessment_form.html", context)


def _after_reassessment(patient, plan, reassessment):
    if reassessment.decision == "amend":
        return redirect("plan_amend", patient_pk=patient.pk, pk=plan.pk)
    if reassessment.decision == "discharge":
        return redirect("episode_discharge", patient_pk=patient.pk, plan_pk=plan.pk)
    return redirect("reassessment_detail", patient_pk=patient.pk, pk=reassessment.pk)


@permission_required(VIEW, "assessments.view_reassessment")
def reassessment_detail(request, patient_pk, pk):
    patient, reassessment = get_viewed_record(
        request, patient_pk, get_reassessment, pk, AuditAction.REASSESSMENT_VIEWED
    )
    documents = list(reassessment.documents.defer("pdf"))  # the list, not the PDFs' bytes
    context = {"patient": patient, "reassessment": reassessment, "documents": documents}
    return render(request, "assessments/reassessment_detail.html", context)


@permission_required(VIEW, "assessments.discharge_episode")
@require_http_methods(["GET", "POST"])
def episode_discharge(request, patient_pk, plan_pk):
    patient, plan, episode = _plan_and_episode(patient_pk, plan_pk, active=True)
    if episode is not None and episode.is_discharged:
        messages.warning(request, str(EpisodeLockedError().messages[0]))
        return redirect("episode_detail", patient_pk=patient.pk, plan_pk=plan.pk)
    initial = {
        "home_programme": home_programme_text(plan),
        "version": episode.version if episode else 1,
    }
    form = DischargeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if episode is None:
                episode = services.episode_open(
                    intake=plan.intake, by=request.user, request=request
                )
            review_services.episode_discharge(
                episode=episode,
                reason=form.cleaned_data["reason"],
                notes=form.cleaned_data["notes"],
                home_programme=form.cleaned_data["home_programme"],
                doctor_name=form.cleaned_data["doctor_name"],
                expected_version=form.expected_version,
                by=request.user,
                request=request,
            )
        except services.ConcurrentEditError as error:
            form.add_error(None, error.message)
            form.take_version(error.current)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The episode is discharged; its documents are stored."))
            return redirect("episode_detail", patient_pk=patient.pk, plan_pk=plan.pk)
    if request.method == "GET":
        _viewed(request, patient, episode or plan, "discharge form")
    context = {"patient": patient, "plan": plan, "episode": episode, "form": form}
    return render(request, "assessments/episode_discharge.html", context)


@permission_required("assessments.print_episode_document")
def episode_document_pdf(request, patient_pk, episode_pk, pk):
    """The stored document, byte for byte, refused if it fails its SHA-256 check."""
    patient = get_patient(patient_pk)
    episode = get_episode(patient, episode_pk)
    document = get_document(episode, pk)
    pdf = bytes(document.pdf)
    if not matches_sha256(pdf, document.sha256):
        detail = f"{document.kind}: stored sha256:{document.sha256} now sha256:{sha256_of(pdf)}"
        context = {"patient": patient, "document": document}
        template = "assessments/episode_document_tampered.html"
        return refuse_tampered(request, template, context, obj=document, detail=detail)
    detail = f"{document.kind} sha256:{document.sha256[:12]}"
    filename = document_filename(document)
    return serve_pdf(request, pdf, filename, patient=patient, obj=document, detail=detail)
