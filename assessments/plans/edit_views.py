"""Plan pages that edit a draft's items and goals (practitioners only)."""

from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.models import PlanGoal, PlanItem
from assessments.plans import services
from assessments.plans.actions import (
    CHANGE,
    VIEW,
    PartPage,
    part_form_page,
    plan_action,
    posted_version,
    run,
)
from assessments.plans.forms import MoveForm, PlanGoalForm, PlanItemForm, ReasonForm
from assessments.plans.selectors import get_goal, get_item, get_plan
from clinic.access import get_patient
from clinic.roles import permission_required

ITEM_PAGE = PartPage(
    name="item",
    form_class=PlanItemForm,
    model=PlanItem,
    add=services.plan_item_add,
    update=services.plan_item_update,
    add_title=_("Add plan item"),
    edit_title=_("Edit plan item"),
    save_label=_("Save item"),
    saved=_("The plan item is saved."),
)
GOAL_PAGE = PartPage(
    name="goal",
    form_class=PlanGoalForm,
    model=PlanGoal,
    add=services.plan_goal_add,
    update=services.plan_goal_update,
    add_title=_("Add goal"),
    edit_title=_("Edit goal"),
    save_label=_("Save goal"),
    saved=_("The goal is saved."),
)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_item_add(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return part_form_page(request, plan=plan, part=None, page=ITEM_PAGE)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_item_edit(request, patient_pk, pk, item_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return part_form_page(request, plan=plan, part=get_item(plan, item_pk), page=ITEM_PAGE)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_goal_add(request, patient_pk, pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return part_form_page(request, plan=plan, part=None, page=GOAL_PAGE)


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_goal_edit(request, patient_pk, pk, goal_pk):
    plan = get_plan(get_patient(patient_pk), pk)
    return part_form_page(request, plan=plan, part=get_goal(plan, goal_pk), page=GOAL_PAGE)


@permission_required(VIEW, CHANGE)
@require_POST
def plan_goal_remove(request, patient_pk, pk, goal_pk):
    # A bare button: no reason to give, only the version it was shown at.
    plan = get_plan(get_patient(patient_pk), pk)
    goal = get_goal(plan, goal_pk)
    version = posted_version(request)
    return run(
        request,
        plan,
        lambda: services.plan_goal_remove(goal=goal, expected_version=version, by=request.user),
        _("The goal is removed."),
    )


plan_item_remove = plan_action(
    ReasonForm,
    services.plan_item_remove,
    _("The item is removed from the plan; it stays on record with the reason."),
)
plan_item_move = plan_action(MoveForm, services.plan_item_move, _("The item is moved."))
