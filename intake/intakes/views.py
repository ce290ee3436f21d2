"""Intake pages: the questionnaire at the front desk, its summary, review and confirmation."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.access import (
    can_edit_intake,
    get_active_patient,
    get_editable_intake,
    get_intake,
    get_patient,
    get_patient_record,
    get_viewed_record,
)
from clinic.audit import record_view_event
from clinic.models import AuditAction
from clinic.roles import permission_required
from intake.intakes import services
from intake.intakes.forms import (
    STAFF,
    IntakeForm,
    MedicationFormSet,
    bound_intake_forms,
    medication_rows,
)
from intake.intakes.presenters import intake_corrections, intake_flags, intake_summary
from intake.intakes.selectors import intake_differences
from intake.models import Intake, IntakeStatus


def _render_form(request, template, context):
    return render(request, template, context, status=400 if request.method == "POST" else 200)


@permission_required("intake.add_intake")
@require_http_methods(["GET", "POST"])
def intake_new(request, pk):
    patient = get_active_patient(pk)
    blank = Intake(patient=patient)
    if request.method == "POST":
        form, formset, submitting = bound_intake_forms(request, blank, audience=STAFF)
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
        form = IntakeForm(instance=blank, audience=STAFF)
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
    intake = get_editable_intake(request.user, patient, intake_pk)
    conflict, differences = None, []
    if request.method == "POST":
        form, formset, submitting = bound_intake_forms(request, intake, audience=STAFF)
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
        form = IntakeForm(instance=intake, audience=STAFF)
        formset = MedicationFormSet(instance=intake, prefix="medications")
        record_view_event(
            request, AuditAction.INTAKE_VIEWED, intake, patient=patient, detail="edit form"
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
    patient, intake = get_viewed_record(
        request, pk, get_intake, intake_pk, AuditAction.INTAKE_VIEWED
    )
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
    patient, intake = get_patient_record(pk, get_intake, intake_pk)
    try:
        services.intake_confirm(intake=intake, by=request.user, request=request)
    except services.IntakeLockedError:
        messages.error(request, _("Only a submitted intake can be confirmed."))
    else:
        messages.success(request, _("Intake confirmed."))
    return redirect("intake_detail", pk=patient.pk, intake_pk=intake.pk)
