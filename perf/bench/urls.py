"""The app's URLs plus the floor: the cheapest page Django can serve through the same stack."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import include, path


@login_required
def floor(request):
    """One line of text behind the same middleware and login as every page."""
    return HttpResponse("floor\n", content_type="text/plain")


urlpatterns = [
    path("bench/floor", floor, name="bench_floor"),
    path("", include("clinic.urls")),
]
