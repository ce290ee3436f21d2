"""The clinic admin's API-key page, in the staff area: issue a key (its secret shown once),
see the keys, revoke one."""

from datetime import datetime, time

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clinic.roles import permission_required
from interop.keys import selectors, services
from interop.keys.forms import ApiKeyForm


@permission_required("interop.view_apikey")
def api_key_list(request):
    return render(request, "interop/api_keys.html", {"keys": selectors.api_key_list()})


@permission_required("interop.view_apikey", "interop.add_apikey")
def api_key_add(request):
    form = ApiKeyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Valid through the whole of the last day, in the clinic's time zone.
        expires_at = timezone.make_aware(datetime.combine(data["expires_on"], time.max))
        key, secret = services.api_key_issue(
            name=data["name"],
            role=data["role"],
            expires_at=expires_at,
            rate_limit_per_minute=data["rate_limit_per_minute"],
            by=request.user,
            request=request,
        )
        # Rendered, not redirected: the secret must not be kept anywhere (not in the session).
        return render(request, "interop/api_key_issued.html", {"key": key, "secret": secret})
    return render(request, "interop/api_key_form.html", {"form": form})


@permission_required("interop.view_apikey", "interop.change_apikey")
@require_POST
def api_key_revoke(request, pk):
    key = selectors.api_key_get(pk)
    services.api_key_revoke(key=key, by=request.user, request=request)
    messages.success(request, _("The key “%(name)s” is revoked.") % {"name": key.name})
    return redirect("api_key_list")
