"""Exam pages: start, edit, finish and correct an exam."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from assessments import outcomes
from assessments.exams import services
from assessments.exams.forms import (
    ExamCorrectionForm,
    ExamForm,
    SpinalGridForm,
)
from assessments.exams.presenters import correction_rows, exam_summary
from assessments.exams.selectors import get_exam
from assessments.models import Exam, SegmentSide, Stiffness
from assessments.outcomes.selectors import exam_outcomes
from clinic.access import get_intake, get_patient, get_patient_record, get_viewed_record
from clinic.audit import record_view_event
from clinic.concurrency import save_form
from clinic.models import AuditAction
from clinic.roles import permission_required
from intake.models import IntakeStatus


def _exam_forms(request, *, exam=None, form_class=ExamForm):
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=exam or Exam())
    grid = SpinalGridForm(data, segments=exam.segments if exam else ())
    return form, grid


def _data(form, grid):
    return {**form.cleaned_data, "segments": grid.segments()}


def _render_exam_form(request, *, patient, exam, form, grid, mode, conflict=None):
    if exam is not None and request.method == "GET":
        # Opening a saved exam to edit or correct it shows its findings: a view, audited.
        record_view_event(
            request, AuditAction.EXAM_VIEWED, exam, patient=patient, detail=f"{mode} form"
        )
    context = {
        "patient": patient,
        "exam": exam,
        "form": form,
        "grid": grid,
        "mode": mode,
        "conflict": conflict,
    }
    return render(request, "assessments/exam_form.html", context)


@permission_required("assessments.view_exam", "assessments.add_exam")
@require_http_methods(["GET", "POST"])
def exam_new(request, patient_pk):
    # Starts from the patient chart, or from a confirmed intake (?intake=<pk>) that it follows.
    patient = get_patient(patient_pk)
    intake = None
    intake_pk = request.GET.get("intake")
    if intake_pk:
        intake = get_intake(patient, intake_pk)  # 404 for another patient's intake
        if intake.status != IntakeStatus.CONFIRMED:
            messages.warning(request, _("Confirm the intake before recording an exam from it."))
            return redirect("intake_detail", pk=patient.pk, intake_pk=intake.pk)
    form, grid = _exam_forms(request)
    if request.method == "POST" and form.is_valid() & grid.is_valid():
        with transaction.atomic():  # started and finished together, or not at all
            exam = services.exam_start(
                patient=patient,
                by=request.user,
                data=_data(form, grid),
                intake=intake,
                request=request,
            )
            if "finish" in request.POST:
                services.exam_finish(
                    exam=exam, by=request.user, expected_version=exam.version, request=request
                )
        if "finish" in request.POST:
            messages.success(request, _("The exam is finished and locked."))
        else:
            messages.success(request, _("The exam is saved as a draft."))
        return redirect("exam_detail", patient_pk=patient.pk, pk=exam.pk)
    return _render_exam_form(request, patient=patient, exam=None, form=form, grid=grid, mode="new")


@permission_required("assessments.view_exam")
def exam_detail(request, patient_pk, pk):
    patient, exam = get_viewed_record(request, patient_pk, get_exam, pk, AuditAction.EXAM_VIEWED)
    context = {
        "patient": patient,
        "exam": exam,
        "sections": exam_summary(exam),
        "segments": [
            {
                "level": row["level"],
                "stiffness": Stiffness(row["stiffness"]).label,
                "tender": row["tender"],
                "side": SegmentSide(row["side"]).label,
            }
            for row in exam.segments
        ],
        "outcome_measures": exam_outcomes(exam),
        "corrections": [
            (correction, correction_rows(correction))
            for correction in exam.corrections.select_related("corrected_by")
        ],
        "instruments": list(outcomes.INSTRUMENTS.values()),
    }
    return render(request, "assessments/exam_detail.html", context)


@permission_required("assessments.view_exam", "assessments.change_exam")
@require_http_methods(["GET", "POST"])
def exam_edit(request, patient_pk, pk):
    patient, exam = get_patient_record(patient_pk, get_exam, pk)
    if exam.is_finished:
        messages.warning(
            request,
            _("This exam is finished and locked. Record a correction, with its reason, instead."),
        )
        return redirect("exam_correct", patient_pk=patient.pk, pk=exam.pk)
    form, grid = _exam_forms(request, exam=exam)
    conflict = None
    if request.method == "POST" and form.is_valid() & grid.is_valid():
        finish = "finish" in request.POST
        service = services.exam_finish if finish else services.exam_save_draft
        saved, conflict = save_form(
            form,
            lambda: service(
                exam=exam,
                data=_data(form, grid),
                expected_version=form.cleaned_data["version"],
                by=request.user,
                request=request,
            ),
        )
        if saved:
            if finish:
                messages.success(request, _("The exam is finished and locked."))
            else:
                messages.success(request, _("The exam is saved as a draft."))
            return redirect("exam_detail", patient_pk=patient.pk, pk=exam.pk)
    return _render_exam_form(
        request, patient=patient, exam=exam, form=form, grid=grid, mode="edit", conflict=conflict
    )


@permission_required("assessments.view_exam", "assessments.change_exam")
@require_http_methods(["GET", "POST"])
def exam_finish(request, patient_pk, pk):
    patient, exam = get_patient_record(patient_pk, get_exam, pk)
    if exam.is_finished:
        messages.info(request, _("This exam is already finished."))
        return redirect("exam_detail", patient_pk=patient.pk, pk=exam.pk)
    error = None
    if request.method == "POST":
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        try:
            services.exam_finish(
                exam=exam, by=request.user, expected_version=version, request=request
            )
        except services.ConcurrentEditError:
            error = _("Someone else changed this exam since you opened it. Check it and finish.")
            exam = get_exam(patient, pk)
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            messages.success(request, _("The exam is finished and locked."))
            return redirect("exam_detail", patient_pk=patient.pk, pk=exam.pk)
    context = {"patient": patient, "exam": exam, "error": error}
    return render(request, "assessments/exam_finish.html", context)


@permission_required("assessments.view_exam", "assessments.change_exam")
@require_http_methods(["GET", "POST"])
def exam_correct(request, patient_pk, pk):
    patient, exam = get_patient_record(patient_pk, get_exam, pk)
    if not exam.is_finished:
        return redirect("exam_edit", patient_pk=patient.pk, pk=exam.pk)
    form, grid = _exam_forms(request, exam=exam, form_class=ExamCorrectionForm)
    conflict = None
    if request.method == "POST" and form.is_valid() & grid.is_valid():
        saved, conflict = save_form(
            form,
            lambda: services.exam_correct(
                exam=exam,
                data=_data(form, grid),
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
                by=request.user,
                request=request,
            ),
        )
        if saved:
            messages.success(request, _("The correction is saved; the earlier values are kept."))
            return redirect("exam_detail", patient_pk=patient.pk, pk=exam.pk)
    return _render_exam_form(
        request,
        patient=patient,
        exam=exam,
        form=form,
        grid=grid,
        mode="correct",
        conflict=conflict,
    )
