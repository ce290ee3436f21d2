"""Plan pages that edit a draft's items and goals (practitioners only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import (
    PlanGoal,
    PlanItem,
)
from assessments.plans import services
from assessments.plans.forms import (
    MoveForm,
    PlanGoalForm,
    PlanItemForm,
    ReasonForm,
)
from assessments.plans.selectors import get_goal, get_item, get_plan
from assessments.plans.views import CHANGE, VIEW, _draft_or_redirect, _invalid, _run, _to_detail
from clinic.access import get_patient
from clinic.roles import permission_required


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
