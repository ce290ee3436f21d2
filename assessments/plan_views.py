"""Treatment-plan pages: generate, read the assessment, edit the draft, sign, amend, compare.

Practitioners only (assessments.view_treatmentplan); the front desk gets 403 on every one of
them. Every page looks the plan up through ``get_plan`` (404 for another patient's plan).
Edits are POSTs carrying the plan's version; a signed plan is read-only here and in the
services and models below.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from assessments import plan_services as services
from assessments import reasoning
from assessments.models import (
    Exam,
    ExamStatus,
    PlanComponent,
    PlanGoal,
    PlanItem,
    TreatmentPlan,
)
from assessments.plan_documents import referral_letters
from assessments.plan_forms import (
    AmendForm,
    DeferredItemForm,
    FactorDismissForm,
    GenerateForm,
    MoveForm,
    PlanDetailsForm,
    PlanGoalForm,
    PlanItemForm,
    PrecautionOverrideForm,
    ReasonForm,
    RedFlagClearForm,
    WithheldItemForm,
)
from clinic.access import get_patient
from clinic.audit import record_event
from clinic.models import AuditAction
from clinic.roles import permission_required
from intake.models import Intake, IntakeStatus

VIEW = "assessments.view_treatmentplan"
CHANGE = "assessments.change_treatmentplan"


def get_plan(patient, pk):
    """The patient's plan with this id, or 404 (never someone else's)."""
    try:
        return TreatmentPlan.objects.select_related(
            "patient", "intake", "exam", "signed_by", "created_by", "previous"
        ).get(pk=pk, patient=patient)
    except (TreatmentPlan.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def get_item(plan, pk):
    try:
        return PlanItem.objects.select_related("plan").get(pk=pk, plan=plan)
    except (PlanItem.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def series_versions(plan):
    """Every version of the plan's series, oldest first."""
    series = Q(pk=plan.series_id) | Q(first_version=plan.series_id)
    return list(
        TreatmentPlan.objects.filter(series, patient=plan.patient_id)
        .select_related("signed_by")
        .order_by("number")
    )


def _shown(text):
    return text.get("shown", text.get("text", "")) if text else ""


def _to_detail(request, plan):
    return redirect("plan_detail", patient_pk=plan.patient_id, pk=plan.pk)


def _run(request, plan, action, success):
    """Call a service; report a conflict, a lock or invalid input as a message."""
    try:
        action()
    except services.ConcurrentEditError as error:
        messages.error(request, error.message)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return _to_detail(request, plan)


# How soon, for the practitioner; the patient's words come from the reasoning's patient_text.
URGENCY_LABELS = {
    "emergency": gettext_lazy("Emergency: same day"),
    "urgent": gettext_lazy("Urgent: within a day or two"),
    "soon": gettext_lazy("Soon: before treatment starts"),
}


def source_titles(sources):
    """Seeds named by their titles, never by file stems (the stems stay in the rule details)."""
    titles = getattr(reasoning, "SEED_TITLES", {})
    return [titles.get(source, source) for source in sources]


def _detail_context(plan):
    snapshot = plan.assessment or {}
    dismissed = {d.factor_key: d for d in plan.factor_decisions.select_related("decided_by")}
    cleared = {c.flag_key: c for c in plan.red_flag_clearances.select_related("cleared_by")}
    precautions = {p["key"]: p for p in snapshot.get("precautions", [])}
    factor_titles = {f["key"]: _shown(f["title"]) for f in snapshot.get("factors", [])}
    overrides = {}
    for override in plan.precaution_overrides.select_related("overridden_by"):
        overrides[(override.item_id, override.precaution_key)] = override

    items = list(plan.items.order_by("position", "pk"))
    in_plan = {item.key for item in items if item.key and not item.removed}
    withheld_titles = services.withheld_item_titles(plan)
    groups = []
    for component in PlanComponent:
        rows = []
        for item in items:
            if item.component != component.value:
                continue
            rows.append(
                {
                    "item": item,
                    "factors": [factor_titles.get(key, key) for key in item.factor_keys],
                    "sources": source_titles(item.sources),
                    "precautions": [
                        {
                            "key": key,
                            "text": _shown(precautions.get(key, {}).get("text")) or key,
                            "advice": precautions.get(key, {}).get("kind") == "advice",
                            "override": overrides.get((item.pk, key)),
                        }
                        for key in item.precaution_keys
                    ],
                }
            )
        if rows:
            groups.append({"label": component.label, "key": component.value, "rows": rows})
    return {
        "plan": plan,
        "patient": plan.patient,
        "complaint": _shown(snapshot.get("complaint")),
        "red_flags": [
            {
                "key": flag["key"],
                "title": _shown(flag["title"]),
                "evidence": [_shown(text) for text in flag["evidence"]],
                "sources": flag["sources"],
                "urgency": flag.get("urgency", ""),
                "urgency_label": URGENCY_LABELS.get(flag.get("urgency"), ""),
                "patient_text": _shown(flag.get("patient_text")),
                "clearance": cleared.get(flag["key"]),
            }
            for flag in snapshot.get("red_flags", [])
        ],
        "treatment_withheld": bool(services.open_red_flags(plan)),
        "withheld_items": [
            {
                "item": row["item"],
                "title": withheld_titles.get(row["item"], row["item"]),
                "reason": _shown(row.get("text")),
                "alternative": withheld_titles.get(row.get("alternative") or "", ""),
                "in_plan": row["item"] in in_plan,
            }
            for row in snapshot.get("withheld_items", [])
        ],
        "deferred_items": [
            {"item": key, "title": withheld_titles.get(key, key)}
            for key in snapshot.get("deferred_items", [])
            if key not in in_plan
        ],
        "advice": [
            _shown(p["text"]) for p in snapshot.get("precautions", []) if p.get("kind") == "advice"
        ],
        "factors": [
            {
                "key": factor["key"],
                "rank": rank,
                "title": _shown(factor["title"]),
                "evidence": [_shown(text) for text in factor["evidence"]],
                "rule_ids": factor["rule_ids"],
                "sources": source_titles(factor["sources"]),
                "dismissed": dismissed.get(factor["key"]),
            }
            for rank, factor in enumerate(snapshot.get("factors", []), start=1)
        ],
        "referrals": [
            {
                "title": _shown(r["title"]),
                "reason": _shown(r["reason"]),
                "urgency": r["urgency"],
                "urgency_label": URGENCY_LABELS.get(r["urgency"], ""),
            }
            for r in snapshot.get("referrals", [])
        ],
        "clearance_note": _shown(snapshot.get("clearance_note")),
        "referral_letters": referral_letters(plan),
        "groups": groups,
        "goals": list(plan.goals.order_by("position", "pk")),
        "blockers": services.sign_blockers(plan) if plan.is_draft else [],
        "details_form": PlanDetailsForm(instance=plan, initial={"version": plan.version}),
        "clear_kinds": RedFlagClearForm.base_fields["kind"].choices,
        "versions": series_versions(plan),
    }


# --- Generating ---------------------------------------------------------------------------------


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
            plan = services.plan_generate(
                patient=patient,
                intake=form.cleaned_data["intake"],
                exam=form.cleaned_data["exam"],
                by=request.user,
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The draft plan is ready: review, edit and sign it."))
            return _to_detail(request, plan)
    return render(request, "assessments/plan_generate.html", {"patient": patient, "form": form})


# --- Reading ------------------------------------------------------------------------------------


@permission_required(VIEW)
def plan_detail(request, patient_pk, pk):
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    record_event(request=request, action=AuditAction.PLAN_VIEWED, patient=patient, obj=plan)
    return render(request, "assessments/plan_detail.html", _detail_context(plan))


@permission_required(VIEW)
def plan_versions(request, patient_pk, pk):
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    record_event(
        request=request,
        action=AuditAction.PLAN_VIEWED,
        patient=patient,
        obj=plan,
        detail="versions",
    )
    return render(
        request,
        "assessments/plan_versions.html",
        {"patient": patient, "plan": plan, "versions": series_versions(plan)},
    )


@permission_required(VIEW)
def plan_regenerate(request, patient_pk, pk):
    """What the reasoning would propose now, beside the plan; changes nothing."""
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    record_event(
        request=request,
        action=AuditAction.PLAN_VIEWED,
        patient=patient,
        obj=plan,
        detail="what the reasoning proposes now",
    )
    try:
        preview = services.plan_regenerate_preview(plan=plan)
    except ValidationError as error:
        preview, problem = None, error.messages
    else:
        problem = []
    context = {"patient": patient, "plan": plan, "preview": preview, "problem": problem}
    return render(request, "assessments/plan_regenerate.html", context)


# --- Editing the draft --------------------------------------------------------------------------


def _draft_or_redirect(request, plan):
    if plan.is_draft:
        return None
    messages.warning(
        request, _("This plan is signed and locked. Amend it to make a new version instead.")
    )
    return _to_detail(request, plan)


def _item_form_page(request, *, plan, item):
    locked = _draft_or_redirect(request, plan)
    if locked:
        return locked
    initial = {"version": plan.version}
    form = PlanItemForm(
        request.POST if request.method == "POST" else None,
        instance=item or PlanItem(plan=plan),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in ("component", "title", "instructions")}
        data["dosage"] = form.cleaned_data["dosage"]
        try:
            if item is None:
                services.plan_item_add(
                    plan=plan,
                    data=data,
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                )
            else:
                services.plan_item_update(
                    item=item,
                    data=data,
                    expected_version=form.cleaned_data["version"],
                    by=request.user,
                )
        except services.ConcurrentEditError as error:
            form.add_error(None, error.message)
            form.data = form.data.copy()
            form.data["version"] = error.current.version
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan item is saved."))
            return _to_detail(request, plan)
    context = {"patient": plan.patient, "plan": plan, "item": item, "form": form}
    return render(request, "assessments/plan_item_form.html", context)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_item_add(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return _item_form_page(request, plan=plan, item=None)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_item_edit(request, patient_pk, pk, item_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return _item_form_page(request, plan=plan, item=get_item(plan, item_pk))


def get_goal(plan, pk):
    try:
        return PlanGoal.objects.select_related("plan").get(pk=pk, plan=plan)
    except (PlanGoal.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def _goal_form_page(request, *, plan, goal):
    locked = _draft_or_redirect(request, plan)
    if locked:
        return locked
    form = PlanGoalForm(
        request.POST if request.method == "POST" else None,
        instance=goal or PlanGoal(plan=plan),
        initial={"version": plan.version},
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.GOAL_FIELDS}
        version = form.cleaned_data["version"]
        try:
            if goal is None:
                services.plan_goal_add(
                    plan=plan, data=data, expected_version=version, by=request.user
                )
            else:
                services.plan_goal_update(
                    goal=goal, data=data, expected_version=version, by=request.user
                )
        except services.ConcurrentEditError as error:
            form.add_error(None, error.message)
            form.data = form.data.copy()
            form.data["version"] = error.current.version
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The goal is saved."))
            return _to_detail(request, plan)
    context = {"patient": plan.patient, "plan": plan, "goal": goal, "form": form}
    return render(request, "assessments/plan_goal_form.html", context)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_goal_add(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return _goal_form_page(request, plan=plan, goal=None)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_goal_edit(request, patient_pk, pk, goal_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return _goal_form_page(request, plan=plan, goal=get_goal(plan, goal_pk))


@permission_required(VIEW, CHANGE)
@require_POST
def plan_goal_remove(request, patient_pk, pk, goal_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    goal = get_goal(plan, goal_pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    return _run(
        request,
        plan,
        lambda: services.plan_goal_remove(goal=goal, expected_version=version, by=request.user),
        _("The goal is removed."),
    )


def _invalid(request, plan, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return _to_detail(request, plan)


@permission_required(VIEW, CHANGE)
@require_POST
def plan_item_remove(request, patient_pk, pk, item_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    item = get_item(plan, item_pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form)
    return _run(
        request,
        plan,
        lambda: services.plan_item_remove(
            item=item,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
        _("The item is removed from the plan; it stays on record with the reason."),
    )


@permission_required(VIEW, CHANGE)
@require_POST
def plan_item_move(request, patient_pk, pk, item_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    item = get_item(plan, item_pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form)
    return _run(
        request,
        plan,
        lambda: services.plan_item_move(
            item=item,
            direction=form.cleaned_data["direction"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
        _("The item is moved."),
    )


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
    return _run(
        request,
        plan,
        lambda: services.plan_update_details(
            plan=plan, data=data, expected_version=form.cleaned_data["version"], by=request.user
        ),
        _("The impression, visit frequency and review date are saved."),
    )


@permission_required(VIEW, CHANGE)
@require_POST
def plan_factor_dismiss(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    form = FactorDismissForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form)
    return _run(
        request,
        plan,
        lambda: services.factor_dismiss(
            plan=plan,
            factor_key=form.cleaned_data["factor_key"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
        ),
        _("The factor is dismissed, with your reason."),
    )


@permission_required(VIEW, CHANGE)
@require_POST
def plan_precaution_override(request, patient_pk, pk, item_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    item = get_item(plan, item_pk)
    form = PrecautionOverrideForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form)
    return _run(
        request,
        plan,
        lambda: services.precaution_override(
            item=item,
            precaution_key=form.cleaned_data["precaution_key"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
            request=request,
        ),
        _("The item is kept with the precaution; your reason is recorded."),
    )


@permission_required(VIEW, CHANGE)
@require_POST
def plan_red_flag_clear(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    form = RedFlagClearForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form)
    return _run(
        request,
        plan,
        lambda: services.red_flag_clear(
            plan=plan,
            flag_key=form.cleaned_data["flag_key"],
            kind=form.cleaned_data["kind"],
            doctor_name=form.cleaned_data["doctor_name"],
            seen_on=form.cleaned_data["seen_on"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
            request=request,
        ),
        _("The red flag is cleared."),
    )


@permission_required(VIEW, CHANGE)
@require_POST
def plan_withheld_item_add(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    form = WithheldItemForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form)
    return _run(
        request,
        plan,
        lambda: services.plan_withheld_item_add(
            plan=plan,
            item_key=form.cleaned_data["item_key"],
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
            request=request,
        ),
        _("The item is added against the contraindication; your reason is recorded."),
    )


# --- Signing and amending -----------------------------------------------------------------------


@permission_required(VIEW, "assessments.sign_treatmentplan")
@require_POST
def plan_sign(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    return _run(
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
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    if not plan.is_signed:
        messages.warning(request, _("Only the signed, current version of a plan can be amended."))
        return _to_detail(request, plan)
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
            return _to_detail(request, amendment)
    context = {"patient": patient, "plan": plan, "form": form}
    return render(request, "assessments/plan_amend.html", context)


@permission_required(VIEW, CHANGE)
@require_POST
def plan_deferred_item_add(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    form = DeferredItemForm(request.POST)
    if not form.is_valid():
        return _invalid(request, plan, form)
    return _run(
        request,
        plan,
        lambda: services.plan_deferred_item_add(
            plan=plan,
            item_key=form.cleaned_data["item_key"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
            request=request,
        ),
        _("The item is added to the plan."),
    )
