"""Intake pages: the questionnaire at the front desk, its summary, review and confirmation,
and the patient's own self-intake link."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.audit import record_event
from clinic.models import AuditAction
from clinic.roles import permission_required
from intake import services
from intake.intake_forms import IntakeForm, MedicationFormSet, medication_rows
from intake.models import Intake, IntakeStatus
from intake.selectors import (
    can_edit_intake,
    get_intake,
    get_patient,
    intake_corrections,
    intake_differences,
    intake_flags,
    intake_summary,
)


def _bound_forms(request, intake, *, check_version=True):
    submitting = "submit" in request.POST
    form = IntakeForm(
        request.POST, instance=intake, submitting=submitting, check_version=check_version
    )
    formset = MedicationFormSet(request.POST, instance=intake, prefix="medications")
    return form, formset, submitting


def _render_form(request, template, context):
    return render(request, template, context, status=400 if request.method == "POST" else 200)


@permission_required("intake.add_intake")
@require_http_methods(["GET", "POST"])
def intake_new(request, pk):
    patient = get_patient(pk)
    if patient.is_archived:
        raise PermissionDenied
    blank = Intake(patient=patient)
    if request.method == "POST":
        form, formset, submitting = _bound_forms(request, blank)
        if form.is_valid() and formset.is_valid():
            intake = services.intake_record(
                patient=patient,
                answers=form.cleaned_data,
                medication_rows=medication_rows(formset),
                by=request.user,
                submit=submitting,
                request=request,
            )
            return _after_save(request, intake, submitting)
    else:
        form = IntakeForm(instance=blank)
        formset = MedicationFormSet(instance=blank, prefix="medications")
    return _render_form(
        request,
        "intake/intake_form.html",
        {"patient": patient, "intake": None, "form": form, "formset": formset},
    )


def _after_save(request, intake, submitted):
    if submitted:
        messages.success(request, _("The intake is submitted for the practitioner's review."))
        return redirect("intake_detail", pk=intake.patient_id, intake_pk=intake.pk)
    messages.success(request, _("Draft saved. You can come back to it at any time."))
    return redirect("intake_edit", pk=intake.patient_id, intake_pk=intake.pk)


@permission_required("intake.change_intake")
@require_http_methods(["GET", "POST"])
def intake_edit(request, pk, intake_pk):
    patient = get_patient(pk)
    intake = get_intake(patient, intake_pk)
    if not can_edit_intake(request.user, intake):
        raise PermissionDenied
    conflict, differences = None, []
    if request.method == "POST":
        form, formset, submitting = _bound_forms(request, intake)
        if form.is_valid() and formset.is_valid():
            try:
                saved = services.intake_save(
                    intake=intake,
                    answers=form.cleaned_data,
                    medication_rows=medication_rows(formset),
                    expected_version=form.expected_version,
                    by=request.user,
                    submit=submitting,
                    request=request,
                )
            except services.IntakeLockedError:
                # Confirmed by the practitioner a moment ago: confirmed intakes are not edited.
                messages.error(request, _("This intake was confirmed meanwhile; it is locked."))
                return redirect("intake_detail", pk=patient.pk, intake_pk=intake.pk)
            except services.ConcurrentEditError as error:
                conflict = error.current
                differences = intake_differences(conflict, form.cleaned_data)
                form.add_error(None, error.message)
                form.take_version(conflict)
            else:
                return _after_save(request, saved, submitting)
    else:
        form = IntakeForm(instance=intake)
        formset = MedicationFormSet(instance=intake, prefix="medications")
        record_event(
            request=request,
            action=AuditAction.INTAKE_VIEWED,
            patient=patient,
            obj=intake,
            detail="edit form",
        )
    return _render_form(
        request,
        "intake/intake_form.html",
        {
            "patient": patient,
            "intake": intake,
            "form": form,
            "formset": formset,
            "conflict": conflict,
            "differences": differences,
        },
    )


@permission_required("intake.view_intake")
def intake_detail(request, pk, intake_pk):
    patient = get_patient(pk)
    intake = get_intake(patient, intake_pk)
    record_event(request=request, action=AuditAction.INTAKE_VIEWED, patient=patient, obj=intake)
    context = {
        "patient": patient,
        "intake": intake,
        "flags": intake_flags(intake),
        "sections": intake_summary(intake),
        "medications": list(intake.medications.all()),
        "corrections": intake_corrections(intake),
        "can_edit": can_edit_intake(request.user, intake),
        "can_confirm": intake.status == IntakeStatus.SUBMITTED
        and request.user.has_perm("intake.confirm_intake"),
    }
    return render(request, "intake/intake_detail.html", context)


@permission_required("intake.confirm_intake")
@require_POST
def intake_confirm(request, pk, intake_pk):
    patient = get_patient(pk)
    intake = get_intake(patient, intake_pk)
    try:
        services.intake_confirm(intake=intake, by=request.user, request=request)
    except services.IntakeLockedError:
        messages.error(request, _("Only a submitted intake can be confirmed."))
    else:
        messages.success(request, _("Intake confirmed."))
    return redirect("intake_detail", pk=patient.pk, intake_pk=intake.pk)


@permission_required("intake.issue_selfintakelink")
@require_POST
def self_intake_link_issue(request, pk):
    patient = get_patient(pk)
    try:
        link, token = services.self_intake_link_issue(
            patient=patient, by=request.user, request=request
        )
    except services.PatientArchivedError:
        raise PermissionDenied from None
    url = request.build_absolute_uri(reverse("self_intake", args=[token]))
    # Only the token's hash is stored; a second click within a minute shows this same link.
    return render(
        request, "intake/self_intake_link.html", {"patient": patient, "link": link, "url": url}
    )


# --- The patient's own pages: no account, only the link's token -----------------------------


@require_http_methods(["GET", "POST"])
def self_intake(request, token):
    link = services.self_intake_link_for(token)
    if link is None:
        # Expired, used or made up: the same plain page, revealing nothing about anyone.
        return render(request, "intake/self_intake_closed.html", status=410)
    language = (
        request.GET.get("lang") or request.POST.get("lang") or link.patient.preferred_language
    )
    if language not in {"en", "fr"}:
        language = link.patient.preferred_language
    with translation.override(language):
        response = _self_intake_page(request, link, token, language)
    response.headers.setdefault("Content-Language", language)
    return response


def _self_intake_page(request, link, token, language):
    intake = link.intake
    if request.method == "POST":
        form, formset, submitting = _bound_forms(request, intake, check_version=False)
        if form.is_valid() and formset.is_valid():
            try:
                services.self_intake_save(
                    link=link,
                    answers=form.cleaned_data,
                    medication_rows=medication_rows(formset),
                    submit=submitting,
                    request=request,
                )
            except services.IntakeLockedError:
                # Sent a moment ago (a second tap, or another tab): nothing more is changed.
                link.refresh_from_db()
                if link.used_at is not None:
                    return render(request, "intake/self_intake_done.html", {"language": language})
                return render(request, "intake/self_intake_closed.html", status=410)
            if submitting:
                return render(request, "intake/self_intake_done.html", {"language": language})
            messages.success(
                request, _("Your answers are saved. You can finish later with the same link.")
            )
            return redirect(f"{reverse('self_intake', args=[token])}?lang={language}")
    else:
        services.self_intake_link_opened(link=link, request=request)
        form = IntakeForm(instance=intake)
        formset = MedicationFormSet(instance=intake, prefix="medications")
    return _render_form(
        request,
        "intake/self_intake.html",
        {
            "form": form,
            "formset": formset,
            "link": link,
            "token": token,
            "language": language,
            "first_name": link.patient.first_name,
        },
    )
