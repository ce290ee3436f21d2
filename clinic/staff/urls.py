from django.urls import path

from clinic.staff import views

urlpatterns = [
    path("", views.staff_list, name="staff_list"),
    path("add/", views.staff_add, name="staff_add"),
    path("<int:pk>/", views.staff_edit, name="staff_edit"),
    path("<int:pk>/deactivate/", views.staff_deactivate, name="staff_deactivate"),
    path("<int:pk>/reactivate/", views.staff_reactivate, name="staff_reactivate"),
    path("<int:pk>/password/", views.staff_password, name="staff_password"),
]
