"""The staff page: the clinic admin's accounts and roles, inside the product."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clinic.models import StaffProfile
from clinic.roles import ROLE_LABELS, permission_required
from clinic.staff import selectors, services
from clinic.staff.forms import PasswordResetForm, StaffAddForm, StaffForm

MANAGE = ("auth.view_user", "auth.change_user")


def _managed(request, pk):
    """The account to change: 403 for a superuser's (managed on the command line only)."""
    user = selectors.staff_get(pk)
    if user.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    return user


def _form_page(request, form, **context):
    """The add and the edit page share one form template."""
    return render(request, "clinic/staff/form.html", {"form": form, **context})


def _form_error(form, error):
    for message in error.messages:
        form.add_error(None, message)


@permission_required(*MANAGE)
def staff_list(request):
    people = [
        {
            "user": user,
            "role": ROLE_LABELS.get(selectors.role_of(user), ""),
            "profile": getattr(user, "staff_profile", None),
            "is_self": user.pk == request.user.pk,
        }
        for user in selectors.staff_list()
    ]
    return render(request, "clinic/staff/list.html", {"people": people})


@permission_required(*MANAGE, "auth.add_user")
def staff_add(request):
    form = StaffAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        password = data.pop("password1")
        data.pop("password2")
        try:
            user = services.staff_add(by=request.user, request=request, password=password, **data)
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("%(name)s can now sign in.") % {"name": user.username})
            return redirect("staff_list")
    return _form_page(request, form, adding=True)


@permission_required(*MANAGE)
def staff_edit(request, pk):
    user = _managed(request, pk)
    profile = getattr(user, "staff_profile", None) or StaffProfile(user=user)
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": selectors.role_of(user),
        "title": profile.title,
        "registration_number": profile.registration_number,
    }
    is_self = user.pk == request.user.pk
    form = StaffForm(request.POST or None, initial=initial, lock_role=is_self)
    if request.method == "POST" and form.is_valid():
        try:
            services.staff_update(by=request.user, request=request, user=user, **form.cleaned_data)
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("staff_edit", pk=user.pk)
    return _form_page(request, form, person=user, is_self=is_self, adding=False)


@permission_required(*MANAGE)
@require_POST
def staff_deactivate(request, pk):
    user = _managed(request, pk)
    try:
        services.staff_deactivate(by=request.user, request=request, user=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s can no longer sign in.") % {"name": user.username})
    return redirect("staff_edit", pk=user.pk)


@permission_required(*MANAGE)
@require_POST
def staff_reactivate(request, pk):
    user = _managed(request, pk)
    services.staff_reactivate(by=request.user, request=request, user=user)
    messages.success(request, _("%(name)s can sign in again.") % {"name": user.username})
    return redirect("staff_edit", pk=user.pk)


@permission_required(*MANAGE)
def staff_password(request, pk):
    user = _managed(request, pk)
    if user.pk == request.user.pk:
        return redirect("password_change")
    form = PasswordResetForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.staff_password_reset(
            by=request.user, request=request, user=user, password=form.cleaned_data["password1"]
        )
        messages.success(
            request,
            _("New password set for %(name)s; they were signed out everywhere.")
            % {"name": user.username},
        )
        return redirect("staff_edit", pk=user.pk)
    return render(request, "clinic/staff/password.html", {"form": form, "person": user})
