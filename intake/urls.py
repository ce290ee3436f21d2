from django.urls import path

from intake.intakes import views as intake_views
from intake.patients import views
from intake.self_intake import views as self_intake_views

urlpatterns = [
    path("", views.patient_list, name="patient_list"),
    path("new/", views.patient_register, name="patient_register"),
    path("<int:pk>/", views.patient_chart, name="patient_chart"),
    path("<int:pk>/edit/", views.patient_edit, name="patient_edit"),
    path("<int:pk>/archive/", views.patient_archive, name="patient_archive"),
    path("<int:pk>/history/", views.patient_history, name="patient_history"),
    path("<int:pk>/intakes/new/", intake_views.intake_new, name="intake_new"),
    path(
        "<int:pk>/intakes/link/",
        self_intake_views.self_intake_link_issue,
        name="self_intake_link_issue",
    ),
    path(
        "<int:pk>/intakes/link/<int:link_pk>/email/",
        self_intake_views.self_intake_link_email,
        name="self_intake_link_email",
    ),
    path("<int:pk>/intakes/<int:intake_pk>/", intake_views.intake_detail, name="intake_detail"),
    path("<int:pk>/intakes/<int:intake_pk>/edit/", intake_views.intake_edit, name="intake_edit"),
    path(
        "<int:pk>/intakes/<int:intake_pk>/confirm/",
        intake_views.intake_confirm,
        name="intake_confirm",
    ),
]
