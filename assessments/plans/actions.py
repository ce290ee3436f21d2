"""The shape every plan page that changes a plan shares, written once.

A plan page looks the plan (and perhaps one of its items or goals) up through the patient,
validates what was posted, calls one service against the plan's ``version``, and shows the
outcome as a message on the plan page. ``plan_action`` builds such a POST-only view from its
form, its service and its success message; ``part_form_view`` serves the add/edit page of an
item or a goal.
"""

import re
from dataclasses import dataclass
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments.plans import services
from assessments.plans.selectors import get_goal, get_item, get_plan
from clinic.access import get_patient
from clinic.concurrency import save_form
from clinic.roles import permission_required

VIEW = "assessments.view_treatmentplan"
CHANGE = "assessments.change_treatmentplan"

# The URL keyword of a plan's part -> the service's keyword and the scoped lookup.
_PARTS = {"item_pk": ("item", get_item), "goal_pk": ("goal", get_goal)}


def _part_lookup(plan, part_pk):
    """{"item": item} or {"goal": goal} for the part the URL names, scoped to ``plan``."""
    found = {}
    for url_name, value in part_pk.items():
        name, lookup = _PARTS[url_name]
        found[name] = lookup(plan, value)
    return found


# An anchor of the plan page: "item-12", "goal-3", "red-flags" (letters, digits, hyphens).
_ANCHOR = re.compile(r"^[a-z][a-z0-9-]{0,40}$")


def to_detail(plan, anchor=""):
    """Back to the plan page, at the part just changed, so the practitioner keeps their place."""
    response = redirect("plan_detail", patient_pk=plan.patient_id, pk=plan.pk)
    if anchor and _ANCHOR.match(anchor):
        response["Location"] += f"#{anchor}"
    return response


def anchor_for(request, part_pk):
    """The plan page's anchor for an action: its item or goal, else the form's "return_to"."""
    for url_name, value in part_pk.items():
        return f"{_PARTS[url_name][0]}-{value}"
    return request.POST.get("return_to", "")


def run(request, plan, action, success, anchor=""):
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
    return to_detail(plan, anchor)


def invalid(request, plan, form, anchor=""):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return to_detail(plan, anchor)


def draft_or_redirect(request, plan):
    if plan.is_draft:
        return None
    messages.warning(
        request, _("This plan is signed and locked. Amend it to make a new version instead.")
    )
    return to_detail(plan)


def posted_version(request):
    """The plan version a bare button posts (None when missing: treated as stale)."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def plan_action(form_class, service, success):
    """A POST-only practitioner view: ``service`` gets the plan (or the item or goal the URL
    names), the form's fields with ``version`` as ``expected_version``, and the practitioner.
    The audit event takes the request from the middleware."""

    @permission_required(VIEW, CHANGE)
    @require_POST
    def view(request, patient_pk, pk, **part_pk):
        plan = get_plan(get_patient(patient_pk), pk)
        target = _part_lookup(plan, part_pk) or {"plan": plan}
        form = form_class(request.POST)
        anchor = anchor_for(request, part_pk)
        if not form.is_valid():
            return invalid(request, plan, form, anchor)
        data = dict(form.cleaned_data)
        data["expected_version"] = data.pop("version")
        return run(
            request, plan, lambda: service(**target, **data, by=request.user), success, anchor
        )

    view.__name__ = view.__qualname__ = service.__name__
    return view


@dataclass(frozen=True)
class PartPage:
    """The add/edit page of one kind of plan part (an item or a goal)."""

    name: str  # the services' keyword and the template's variable: "item" or "goal"
    form_class: type  # a ModelForm of the part's model
    add: object
    update: object
    add_title: str
    edit_title: str
    save_label: str
    saved: str


def part_form_view(page):
    """The add/edit page of ``page``'s kind of part: an edit when the URL names one."""

    @permission_required(VIEW, CHANGE)
    @require_http_methods(["GET", "POST"])
    def view(request, patient_pk, pk, **part_pk):
        plan = get_plan(get_patient(patient_pk), pk)
        part = _part_lookup(plan, part_pk).get(page.name)
        return _part_form_page(request, plan=plan, part=part, page=page)

    view.__name__ = view.__qualname__ = f"plan_{page.name}_form"
    return view


def _part_form_page(request, *, plan, part, page):
    locked = draft_or_redirect(request, plan)
    if locked:
        return locked
    form = page.form_class(
        request.POST if request.method == "POST" else None,
        instance=part or page.form_class._meta.model(plan=plan),
        initial={"version": plan.version},
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form._meta.fields}
        common = {
            "data": data,
            "expected_version": form.cleaned_data["version"],
            "by": request.user,
        }
        if part is None:
            write = partial(page.add, plan=plan, **common)
        else:
            write = partial(page.update, **{page.name: part}, **common)
        ok, saved = save_form(form, write)
        if ok:
            messages.success(request, page.saved)
            saved = saved if getattr(saved, "pk", None) else part
            return to_detail(plan, f"{page.name}-{saved.pk}" if saved is not None else "")
    context = {
        "patient": plan.patient,
        "plan": plan,
        page.name: part,
        "form": form,
        "title": page.edit_title if part else page.add_title,
        "save_label": page.save_label,
    }
    return render(request, "assessments/plan_part_form.html", context)
