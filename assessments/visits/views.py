"""Visit-note pages (practitioners only). Views are thin: a form, a service call, a message."""

from functools import partial

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
from clinic.access import get_active_patient, get_patient_record, get_viewed_record
from clinic.audit import record_view_event
from clinic.concurrency import save_form
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


def _save_note(request, patient, form, write):
    """Save (and, when asked, sign) the note the form holds through ``write``, a service given
    the form's contents: then the note's page with a message saying which it was, or None to
    show the form again with the refusal."""
    saved, visit = save_form(
        form,
        lambda: write(
            data=form.data_for_service(),
            treatment=form.treatment(),
            by=request.user,
            sign="sign" in request.POST,
            request=request,
        ),
    )
    if not saved:
        return None
    messages.success(
        request,
        _("The visit note is signed and locked.")
        if visit.is_signed
        else _("The visit note is saved as a draft."),
    )
    return redirect("visit_detail", patient_pk=patient.pk, pk=visit.pk)


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
        record_view_event(
            request, AuditAction.VISIT_VIEWED, copy, patient=patient, detail="copied forward"
        )
    rows = services.treatment_rows(plan, copy.treatment if copy else None)
    initial = _copy_initial(copy) if copy else {}
    form = VisitForm(request.POST or None, rows=rows, initial=initial)
    if request.method == "POST" and form.is_valid():
        write = partial(services.visit_record, plan=plan, copied_from=copy)
        if saved := _save_note(request, patient, form, write):
            return saved
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
    patient, visit = get_patient_record(patient_pk, get_visit, pk, active=True)
    if visit.is_signed:
        messages.warning(
            request,
            _("This visit note is signed and locked. Add an addendum, with its reason, instead."),
        )
        return redirect("visit_detail", patient_pk=patient.pk, pk=visit.pk)
    plan = current_plan(visit.plan.intake_id) or visit.plan
    form = VisitForm(
        request.POST or None,
        instance=visit,
        rows=services.treatment_rows(plan, visit.treatment),
        initial={"new_red_flags": visit.new_red_flags},
    )
    if request.method == "GET":
        record_view_event(request, AuditAction.VISIT_VIEWED, visit, patient=patient)
    if request.method == "POST" and form.is_valid():
        write = partial(services.visit_save, visit=visit, expected_version=form.expected_version)
        if saved := _save_note(request, patient, form, write):
            return saved
    return _render_form(request, patient=patient, plan=plan, form=form, visit=visit)


@permission_required(VIEW)
def visit_detail(request, patient_pk, pk):
    patient, visit = get_viewed_record(request, patient_pk, get_visit, pk, AuditAction.VISIT_VIEWED)
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
    patient, visit = get_patient_record(patient_pk, get_visit, pk, active=True)
    form = AddendumForm(request.POST)
    if form.is_valid():
        try:
            # The form's fields are the service's: the addendum's text and its reason.
            services.visit_addendum(
                visit=visit, **form.cleaned_data, by=request.user, request=request
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
