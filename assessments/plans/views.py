"""Treatment plan pages (practitioners only). Views are thin: a form, a service call, a message."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import (
    Exam,
    ExamStatus,
)
from assessments.plans import services
from assessments.plans.actions import (
    CHANGE,
    VIEW,
    plan_action,
    posted_version,
    run,
    to_detail,
)
from assessments.plans.forms import (
    AmendForm,
    DeferredItemForm,
    FactorDismissForm,
    GenerateForm,
    PlanDetailsForm,
    PrecautionOverrideForm,
    RedFlagClearForm,
    WithheldItemForm,
)
from assessments.plans.presenters import _detail_context
from assessments.plans.selectors import get_plan, series_versions
from clinic.access import get_patient, get_patient_record, get_viewed_record
from clinic.models import AuditAction
from clinic.roles import permission_required
from intake.models import Intake, IntakeStatus


@permission_required(VIEW, "assessments.add_treatmentplan")
@require_http_methods(["GET", "POST"])
def plan_generate(request, patient_pk):
    patient = get_patient(patient_pk)
    intakes = Intake.objects.filter(patient=patient, status=IntakeStatus.CONFIRMED)
    exams = Exam.objects.filter(patient=patient, status=ExamStatus.FINISHED)
    latest_intake = intakes.order_by("-confirmed_at", "-pk").first()
    latest_exam = exams.order_by("-examined_on", "-pk").first()
    initial = {
        "intake": latest_intake.pk if latest_intake else None,
        "exam": latest_exam.pk if latest_exam else None,
    }
    if request.GET.get("exam"):
        exam = (
            exams.filter(pk=request.GET["exam"]).first() if request.GET["exam"].isdigit() else None
        )
        if exam is not None:
            initial = {"exam": exam.pk, "intake": exam.intake_id or initial["intake"]}
    form = GenerateForm(
        request.POST if request.method == "POST" else None,
        intakes=intakes,
        exams=exams,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            # The form's fields are the service's: the intake and the exam to reason from.
            plan = services.plan_generate(
                patient=patient, **form.cleaned_data, by=request.user, request=request
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft plan is ready: review, edit and sign it."))
            return to_detail(plan)
    return render(request, "assessments/plan_generate.html", {"patient": patient, "form": form})


def _viewed_plan(request, patient_pk, pk, detail=""):
    """The patient and their plan, its reading recorded as an audit event."""
    return get_viewed_record(request, patient_pk, get_plan, pk, AuditAction.PLAN_VIEWED, detail)


@permission_required(VIEW)
def plan_detail(request, patient_pk, pk):
    _patient, plan = _viewed_plan(request, patient_pk, pk)
    return render(request, "assessments/plan_detail.html", _detail_context(plan))


@permission_required(VIEW)
def plan_versions(request, patient_pk, pk):
    patient, plan = _viewed_plan(request, patient_pk, pk, detail="versions")
    return render(
        request,
        "assessments/plan_versions.html",
        {"patient": patient, "plan": plan, "versions": series_versions(plan)},
    )


@permission_required(VIEW)
def plan_regenerate(request, patient_pk, pk):
    """What the reasoning would propose now, beside the plan; changes nothing."""
    patient, plan = _viewed_plan(request, patient_pk, pk, detail="what the reasoning proposes now")
    try:
        preview = services.plan_regenerate_preview(plan=plan)
    except ValidationError as error:
        preview, problem = None, error.messages
    else:
        problem = []
    context = {"patient": patient, "plan": plan, "preview": preview, "problem": problem}
    return render(request, "assessments/plan_regenerate.html", context)


@permission_required(VIEW, CHANGE)
@require_POST
def plan_details(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    form = PlanDetailsForm(request.POST, instance=plan)
    if not form.is_valid():
        # Shown again as typed, each error beside its field: nothing typed is lost.
        context = {**_detail_context(plan), "details_form": form}
        return render(request, "assessments/plan_detail.html", context)
    data = {name: form.cleaned_data[name] for name in services.DETAIL_FIELDS}
    return run(
        request,
        plan,
        lambda: services.plan_update_details(
            plan=plan, data=data, expected_version=form.cleaned_data["version"], by=request.user
        ),
        _("The impression, visit frequency and review date are saved."),
    )


@permission_required(VIEW, "assessments.sign_treatmentplan")
@require_POST
def plan_sign(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    version = posted_version(request)
    return run(
        request,
        plan,
        lambda: services.plan_sign(
            plan=plan, expected_version=version, by=request.user, request=request
        ),
        _("The plan is signed and locked."),
    )


@permission_required(VIEW, CHANGE, "assessments.add_treatmentplan")
@require_http_methods(["GET", "POST"])
def plan_amend(request, patient_pk, pk):
    patient, plan = get_patient_record(patient_pk, get_plan, pk)
    if not plan.is_signed:
        messages.warning(request, _("Only the signed, current version of a plan can be amended."))
        return to_detail(plan)
    form = AmendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            amendment = services.plan_amend(
                plan=plan, reason=form.cleaned_data["reason"], by=request.user, request=request
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Version %(number)s is a draft: edit it and sign it to replace version %(old)s.")
                % {"number": amendment.number, "old": plan.number},
            )
            return to_detail(amendment)
    context = {"patient": patient, "plan": plan, "form": form}
    return render(request, "assessments/plan_amend.html", context)


plan_factor_dismiss = plan_action(
    FactorDismissForm,
    services.factor_dismiss,
    gettext_lazy("The factor is dismissed, with your reason."),
)
plan_precaution_override = plan_action(
    PrecautionOverrideForm,
    services.precaution_override,
    gettext_lazy("The item is kept with the precaution; your reason is recorded."),
)
plan_red_flag_clear = plan_action(
    RedFlagClearForm, services.red_flag_clear, gettext_lazy("The red flag is cleared.")
)
plan_withheld_item_add = plan_action(
    WithheldItemForm,
    services.plan_withheld_item_add,
    gettext_lazy("The item is added against the contraindication; your reason is recorded."),
)
plan_deferred_item_add = plan_action(
    DeferredItemForm,
    services.plan_deferred_item_add,
    gettext_lazy("The item is added to the plan."),
)
