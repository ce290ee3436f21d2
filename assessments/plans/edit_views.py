"""Plan pages that edit a draft's items and goals (practitioners only)."""

from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from assessments.plans import services
from assessments.plans.actions import (
    CHANGE,
    VIEW,
    PartPage,
    part_form_view,
    plan_action,
    posted_version,
    run,
)
from assessments.plans.forms import MoveForm, PlanGoalForm, PlanItemForm, ReasonForm
from assessments.plans.selectors import get_goal, get_plan
from clinic.access import get_patient
from clinic.roles import permission_required

ITEM_PAGE = PartPage(
    name="item",
    form_class=PlanItemForm,
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
    add=services.plan_goal_add,
    update=services.plan_goal_update,
    add_title=_("Add goal"),
    edit_title=_("Edit goal"),
    save_label=_("Save goal"),
    saved=_("The goal is saved."),
)


# Each serves both the add page (no part in the URL) and the edit page of one part.
plan_item_form = part_form_view(ITEM_PAGE)
plan_goal_form = part_form_view(GOAL_PAGE)


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
