"""Visit-note pages (practitioners only). Views are thin: a form, a service call, a message."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import EpisodeLockedError, PlanStatus
from assessments.plans.presenters import URGENCY_LABELS
from assessments.plans.selectors import get_plan
from assessments.visits import services
from assessments.visits.forms import AddendumForm, VisitForm
from assessments.visits.selectors import (
    current_plan,
    get_visit,
    last_signed_visit,
    red_flag_hold,
)
from clinic.access import get_active_patient, get_patient
from clinic.audit import record_event
from clinic.models import AuditAction
from clinic.roles import permission_required
from intake.models import RED_FLAG_FIELDS

VIEW = "assessments.view_visit"


def _episode_of(plan):
    from assessments.models import Episode

    return Episode.objects.filter(intake=plan.intake_id).first()


def _copy_initial(last):
    """What a copied-forward note starts from: the last visit's objective findings."""
    return {"objective": last.objective, "plan_next": last.plan_next}


def _render_form(request, *, patient, plan, form, visit=None, copied_from=None, hold=None):
    context = {
        "patient": patient,
        "plan": plan,
        "form": form,
        "visit": visit,
        "copied_from": copied_from,
        "hold": hold,
        "red_flag_fields": RED_FLAG_FIELDS,
    }
    return render(request, "assessments/visit_form.html", context)


def _save(request, action, form):
    try:
        return action()
    except services.ConcurrentEditError as error:
        form.add_error(None, error.message)
        form.take_version(error.current)
    except ValidationError as error:
        form.add_error(None, error)
    return None


@permission_required(VIEW, "assessments.add_visit")
@require_http_methods(["GET", "POST"])
def visit_new(request, patient_pk, plan_pk):
    patient = get_active_patient(patient_pk)
    plan = get_plan(patient, plan_pk)
    if plan.status != PlanStatus.SIGNED:
        messages.warning(request, _("A visit note follows the signed, current version of a plan."))
        return redirect("plan_detail", patient_pk=patient.pk, pk=plan.pk)
    episode = _episode_of(plan)
    if episode is not None and episode.is_discharged:
        messages.warning(request, str(EpisodeLockedError().messages[0]))
        return redirect("episode_detail", patient_pk=patient.pk, plan_pk=plan.pk)
    last = last_signed_visit(episode) if episode else None
    # The form posts back to its own address, so ?copy=1 holds for the save too.
    copy = last if request.GET.get("copy") else None
    if copy is not None:
        record_event(
            request=request,
            action=AuditAction.VISIT_VIEWED,
            patient=patient,
            obj=copy,
            detail="copied forward",
        )
    rows = services.treatment_rows(plan, copy.treatment if copy else None)
    initial = _copy_initial(copy) if copy else {}
    form = VisitForm(request.POST or None, rows=rows, initial=initial)
    if request.method == "POST" and form.is_valid():
        visit = _save(
            request,
            lambda: services.visit_record(
                plan=plan,
                data=form.data_for_service(),
                treatment=form.treatment(),
                by=request.user,
                sign="sign" in request.POST,
                copied_from=copy,
                request=request,
            ),
            form,
        )
        if visit is not None:
            messages.success(
                request,
                _("The visit note is signed and locked.")
                if visit.is_signed
                else _("The visit note is saved as a draft."),
            )
            return redirect("visit_detail", patient_pk=patient.pk, pk=visit.pk)
    return _render_form(
        request,
        patient=patient,
        plan=plan,
        form=form,
        copied_from=copy,
        hold=red_flag_hold(episode, plan),
    )


@permission_required(VIEW, "assessments.change_visit")
@require_http_methods(["GET", "POST"])
def visit_edit(request, patient_pk, pk):
    patient = get_active_patient(patient_pk)
    visit = get_visit(patient, pk)
    if visit.is_signed:
        messages.warning(
            request,
            _("This visit note is signed and locked. Add an addendum, with its reason, instead."),
        )
        return redirect("visit_detail", patient_pk=patient.pk, pk=visit.pk)
    plan = current_plan(visit.plan.intake) or visit.plan
    form = VisitForm(
        request.POST or None,
        instance=visit,
        rows=services.treatment_rows(plan, visit.treatment),
        initial={"new_red_flags": visit.new_red_flags},
    )
    if request.method == "GET":
        record_event(request=request, action=AuditAction.VISIT_VIEWED, patient=patient, obj=visit)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            lambda: services.visit_save(
                visit=visit,
                data=form.data_for_service(),
                treatment=form.treatment(),
                expected_version=form.expected_version,
                by=request.user,
                sign="sign" in request.POST,
                request=request,
            ),
            form,
        )
        if saved is not None:
            messages.success(
                request,
                _("The visit note is signed and locked.")
                if saved.is_signed
                else _("The visit note is saved as a draft."),
            )
            return redirect("visit_detail", patient_pk=patient.pk, pk=saved.pk)
    return _render_form(request, patient=patient, plan=plan, form=form, visit=visit)


@permission_required(VIEW)
def visit_detail(request, patient_pk, pk):
    patient = get_patient(patient_pk)
    visit = get_visit(patient, pk)
    record_event(request=request, action=AuditAction.VISIT_VIEWED, patient=patient, obj=visit)
    context = {
        "patient": patient,
        "visit": visit,
        "addenda": list(visit.addenda.select_related("added_by")),
        "addendum_form": AddendumForm(),
        "treatment_done": [row for row in visit.treatment if row.get("done")],
        "red_flags": [
            {**flag, "urgency_label": URGENCY_LABELS.get(flag["urgency"], flag["urgency"])}
            for flag in visit.red_flags
        ],
    }
    return render(request, "assessments/visit_detail.html", context)


@permission_required(VIEW, "assessments.change_visit")
@require_POST
def visit_addendum(request, patient_pk, pk):
    patient = get_active_patient(patient_pk)
    visit = get_visit(patient, pk)
    form = AddendumForm(request.POST)
    if form.is_valid():
        try:
            services.visit_addendum(
                visit=visit,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
                by=request.user,
                request=request,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The addendum is added; the note stays as signed."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("visit_detail", patient_pk=patient.pk, pk=visit.pk)
