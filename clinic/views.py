from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache


@login_required
def home(request):
    """Send each role to where its day starts."""
    if request.user.has_perm("intake.view_patient"):
        return redirect("patient_list")
    return render(request, "clinic/home.html")


@never_cache
def healthz(request):
    """For the reverse proxy: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"; the proxy only needs that
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
