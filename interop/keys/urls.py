from django.urls import path

from interop.keys import views

# Included under "staff/api-keys/" by clinic/urls.py: the clinic admin's staff area.
urlpatterns = [
    path("", views.api_key_list, name="api_key_list"),
    path("add/", views.api_key_add, name="api_key_add"),
    path("<int:pk>/revoke/", views.api_key_revoke, name="api_key_revoke"),
]
