from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from clinic.middleware import database_answers
from clinic.roles import ROLE_ABILITIES, ROLE_LABELS, role_names
from clinic.session_restore import mark_renewed, session_seconds_left
from clinic.today import today_queue


@login_required
def home(request):
    """Where each role's day starts: for the clinical roles, what is waiting for them today."""
    if request.user.has_perm("intake.view_patient"):
        return render(request, "clinic/today.html", {"queue": today_queue(request.user)})
    return render(request, "clinic/home.html")


def permission_denied(request, exception=None):
    """The 403 page: this page is not for your role; here is what your role may do."""
    roles = [
        {"name": ROLE_LABELS[role], "abilities": ROLE_ABILITIES[role]}
        for role in role_names(request.user)
    ]
    return render(request, "403.html", {"roles": roles}, status=403)


@require_POST
def session_keepalive(request):
    """ "Stay signed in": renew the idle timeout. No login redirect: the page's script asks."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False}, status=401)
    mark_renewed(request.session)  # a change, so the session is saved with a new expiry
    return JsonResponse({"signed_in": True, "seconds_left": session_seconds_left(request)})


@never_cache
def healthz(request):
    """For the reverse proxy: 200 when the database answers, 503 when it does not."""
    if not database_answers():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
