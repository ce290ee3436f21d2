"""The signed-in user's own account: password and two-step sign-in."""

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from clinic import two_factor
from clinic.audit import record_event
from clinic.models import AuditAction
from clinic.roles import ROLE_LABELS, role_names


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


def _next_url(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse_lazy(default)


@login_required
def account(request):
    user = request.user
    return render(
        request,
        "clinic/account.html",
        {
            "roles": [ROLE_LABELS[name] for name in role_names(user)],
            "has_authenticator": two_factor.has_authenticator(user),
            "two_factor_required": two_factor.two_factor_required(user),
        },
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's own view (old password, new one twice, validators), in the app's pages."""

    template_name = "clinic/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session signed in
        record_event(
            request=self.request,
            action=AuditAction.PASSWORD_CHANGED,
            obj=self.request.user,
            detail=f"{self.request.user.get_username()} changed their own password",
        )
        messages.success(self.request, _("Your password has been changed."))
        return response


password_change = PasswordChangeView.as_view()


def _show_recovery_codes(request, codes, what_they_did, *, next_url):
    """Record that the user now holds new recovery codes, and show the codes, this once."""
    record_event(
        request=request,
        action=AuditAction.TWO_FACTOR_ENABLED,
        obj=request.user,
        detail=f"{request.user.get_username()} {what_they_did}",
    )
    return render(
        request, "clinic/two_factor_recovery_codes.html", {"codes": codes, "next": next_url}
    )


@login_required
def two_factor_setup(request):
    user = request.user
    if two_factor.has_authenticator(user):
        messages.info(request, _("Two-step sign-in is already set up for your account."))
        return redirect("account")
    device = two_factor.pending_authenticator(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.authenticator_confirm(
            user=user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            device.refresh_from_db()
            two_factor.mark_verified(request, device)
            return _show_recovery_codes(
                request, codes, "set up an authenticator app", next_url=_next_url(request)
            )
        form.add_error("code", _("That code is not right. Check the time on your phone."))
    return render(
        request,
        "clinic/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "secret": two_factor.secret_for_display(device),
            "required": two_factor.two_factor_required(user),
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


@login_required
@require_POST
def two_factor_recovery_codes(request):
    """A fresh set of recovery codes (the old ones stop working), shown once."""
    user = request.user
    if not (two_factor.has_authenticator(user) and user.is_verified()):
        raise PermissionDenied
    codes = two_factor.recovery_codes_replace(user=user)
    return _show_recovery_codes(
        request, codes, "replaced their recovery codes", next_url=reverse_lazy("account")
    )


@login_required
def two_factor_verify(request):
    user = request.user
    if user.is_verified() or two_factor.owed_step(user) != "verify":
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, throttled = two_factor.code_verify(user=user, code=form.cleaned_data["code"])
        if device is not None:
            two_factor.mark_verified(request, device)
            return redirect(_next_url(request))
        record_event(
            request=request,
            action=AuditAction.TWO_FACTOR_FAILED,
            detail="throttled" if throttled else "",
        )
        if throttled:
            form.add_error(None, _("Too many wrong codes. Wait a minute, then try again."))
        else:
            form.add_error("code", _("That code is not right."))
    return render(
        request,
        "clinic/two_factor_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )
