"""The app's URLs plus the two floors: the cheapest pages Django can serve, with and without the
app's stack."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path


@login_required
def floor(request):
    """One line of text behind the same middleware and login as every page."""
    return HttpResponse("floor\n", content_type="text/plain")


def bare(request):
    """One line of text; perf.bench.wsgi serves it with no middleware (no session, no user)."""
    return HttpResponse("bare\n", content_type="text/plain")


urlpatterns = [
    path("bench/floor", floor, name="bench_floor"),
    path("bench/bare", bare, name="bench_bare"),
    path("", include("clinic.urls")),
]
