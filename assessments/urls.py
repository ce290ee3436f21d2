from django.urls import path

from assessments.documents import handout_views
from assessments.documents import views as document_views
from assessments.exams import views
from assessments.outcomes import views as outcome_views
from assessments.plans import edit_views as plan_edit_views
from assessments.plans import views as plan_views
from assessments.visits import episode_views
from assessments.visits import views as visit_views

# Included under "patients/" by clinic/urls.py.
urlpatterns = [
    path("<int:patient_pk>/exams/new/", views.exam_new, name="exam_new"),
    path("<int:patient_pk>/exams/<int:pk>/", views.exam_detail, name="exam_detail"),
    path("<int:patient_pk>/exams/<int:pk>/edit/", views.exam_edit, name="exam_edit"),
    path("<int:patient_pk>/exams/<int:pk>/finish/", views.exam_finish, name="exam_finish"),
    path("<int:patient_pk>/exams/<int:pk>/correct/", views.exam_correct, name="exam_correct"),
    path(
        "<int:patient_pk>/outcomes/<str:code>/new/", outcome_views.outcome_new, name="outcome_new"
    ),
    # Treatment plans (practitioners only).
    path("<int:patient_pk>/plans/new/", plan_views.plan_generate, name="plan_generate"),
    path("<int:patient_pk>/plans/<int:pk>/", plan_views.plan_detail, name="plan_detail"),
    path(
        "<int:patient_pk>/plans/<int:pk>/versions/",
        plan_views.plan_versions,
        name="plan_versions",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/regenerate/",
        plan_views.plan_regenerate,
        name="plan_regenerate",
    ),
    path("<int:patient_pk>/plans/<int:pk>/details/", plan_views.plan_details, name="plan_details"),
    path(
        "<int:patient_pk>/plans/<int:pk>/items/new/",
        plan_edit_views.plan_item_form,
        name="plan_item_add",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/items/<int:item_pk>/edit/",
        plan_edit_views.plan_item_form,
        name="plan_item_edit",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/items/<int:item_pk>/remove/",
        plan_edit_views.plan_item_remove,
        name="plan_item_remove",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/items/<int:item_pk>/move/",
        plan_edit_views.plan_item_move,
        name="plan_item_move",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/items/<int:item_pk>/override/",
        plan_views.plan_precaution_override,
        name="plan_precaution_override",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/factors/dismiss/",
        plan_views.plan_factor_dismiss,
        name="plan_factor_dismiss",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/red-flags/clear/",
        plan_views.plan_red_flag_clear,
        name="plan_red_flag_clear",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/withheld/add/",
        plan_views.plan_withheld_item_add,
        name="plan_withheld_item_add",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/deferred/add/",
        plan_views.plan_deferred_item_add,
        name="plan_deferred_item_add",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/goals/new/",
        plan_edit_views.plan_goal_form,
        name="plan_goal_add",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/goals/<int:goal_pk>/edit/",
        plan_edit_views.plan_goal_form,
        name="plan_goal_edit",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/goals/<int:goal_pk>/remove/",
        plan_edit_views.plan_goal_remove,
        name="plan_goal_remove",
    ),
    path("<int:patient_pk>/plans/<int:pk>/sign/", plan_views.plan_sign, name="plan_sign"),
    path("<int:patient_pk>/plans/<int:pk>/amend/", plan_views.plan_amend, name="plan_amend"),
    path("<int:patient_pk>/plans/<int:pk>/care-plan.pdf", document_views.plan_pdf, name="plan_pdf"),
    path(
        "<int:patient_pk>/plans/<int:pk>/handout.pdf",
        handout_views.plan_handout_pdf,
        name="plan_handout_pdf",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/items/<int:item_pk>/photo/",
        handout_views.plan_item_photo,
        name="plan_item_photo",
    ),
    path(
        "<int:patient_pk>/plans/<int:pk>/letters/<str:key>/",
        document_views.plan_letter_pdf,
        name="plan_letter_pdf",
    ),
    # The episode of care after the plan: visits, re-assessment, discharge (issue 17).
    path(
        "<int:patient_pk>/plans/<int:plan_pk>/visits/new/",
        visit_views.visit_new,
        name="visit_new",
    ),
    path("<int:patient_pk>/visits/<int:pk>/", visit_views.visit_detail, name="visit_detail"),
    path("<int:patient_pk>/visits/<int:pk>/edit/", visit_views.visit_edit, name="visit_edit"),
    path(
        "<int:patient_pk>/visits/<int:pk>/addendum/",
        visit_views.visit_addendum,
        name="visit_addendum",
    ),
    path(
        "<int:patient_pk>/plans/<int:plan_pk>/episode/",
        episode_views.episode_detail,
        name="episode_detail",
    ),
    path(
        "<int:patient_pk>/plans/<int:plan_pk>/reassess/",
        episode_views.reassessment_new,
        name="reassessment_new",
    ),
    path(
        "<int:patient_pk>/reassessments/<int:pk>/",
        episode_views.reassessment_detail,
        name="reassessment_detail",
    ),
    path(
        "<int:patient_pk>/plans/<int:plan_pk>/discharge/",
        episode_views.episode_discharge,
        name="episode_discharge",
    ),
    path(
        "<int:patient_pk>/episodes/<int:episode_pk>/documents/<int:pk>/",
        episode_views.episode_document_pdf,
        name="episode_document_pdf",
    ),
]
