from django.urls import path

from intake import views

urlpatterns = [
    path("", views.patient_list, name="patient_list"),
    path("new/", views.patient_register, name="patient_register"),
    path("<int:pk>/", views.patient_chart, name="patient_chart"),
    path("<int:pk>/edit/", views.patient_edit, name="patient_edit"),
    path("<int:pk>/archive/", views.patient_archive, name="patient_archive"),
]
