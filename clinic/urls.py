"""The product's URL tree, in one place: each prefix is written once, and the pages under it are
a list included there (deepest lists first). The API and the FHIR export keep their own
(interop/)."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from assessments.documents import handout_views
from assessments.documents import views as document_views
from assessments.exams import views as exam_views
from assessments.outcomes import views as outcome_views
from assessments.plans import edit_views as plan_edit_views
from assessments.plans import views as plan_views
from assessments.visits import episode_views
from assessments.visits import views as visit_views
from clinic import account_views, views
from clinic.staff import views as staff_views
from intake.intakes import views as intake_views
from intake.patients import views as patient_views
from intake.self_intake import views as self_intake_views
from interop.api.main import api_urls

# A 403 says what the signed-in user's role may do (clinic/roles.py), not only "no".
handler403 = "clinic.views.permission_denied"

admin.site.site_header = _("Clinic administration")
admin.site.site_title = _("Clinic administration")

# Signing in and out, and the signed-in user's own account: "accounts/".
two_step_patterns = [
    path("", account_views.two_factor_verify, name="two_factor_verify"),
    path("setup/", account_views.two_factor_setup, name="two_factor_setup"),
    path(
        "recovery-codes/",
        account_views.two_factor_recovery_codes,
        name="two_factor_recovery_codes",
    ),
]
account_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", account_views.account, name="account"),
    path("password/", account_views.password_change, name="password_change"),
    path("two-step/", include(two_step_patterns)),
]

# The clinic admin's staff page: accounts, roles, credentials: "staff/".
staff_member_patterns = [
    path("", staff_views.staff_edit, name="staff_edit"),
    path("deactivate/", staff_views.staff_deactivate, name="staff_deactivate"),
    path("reactivate/", staff_views.staff_reactivate, name="staff_reactivate"),
    path("password/", staff_views.staff_password, name="staff_password"),
]
staff_patterns = [
    path("", staff_views.staff_list, name="staff_list"),
    path("add/", staff_views.staff_add, name="staff_add"),
    path("<int:pk>/", include(staff_member_patterns)),
]

# The front desk's pages of one patient: "patients/<int:pk>/".
intake_patterns = [
    path("", intake_views.intake_detail, name="intake_detail"),
    path("edit/", intake_views.intake_edit, name="intake_edit"),
    path("confirm/", intake_views.intake_confirm, name="intake_confirm"),
]
patient_patterns = [
    path("", patient_views.patient_chart, name="patient_chart"),
    path("edit/", patient_views.patient_edit, name="patient_edit"),
    path("archive/", patient_views.patient_archive, name="patient_archive"),
    path("history/", patient_views.patient_history, name="patient_history"),
    path("intakes/new/", intake_views.intake_new, name="intake_new"),
    path(
        "intakes/link/",
        self_intake_views.self_intake_link_issue,
        name="self_intake_link_issue",
    ),
    path(
        "intakes/link/<int:link_pk>/email/",
        self_intake_views.self_intake_link_email,
        name="self_intake_link_email",
    ),
    path("intakes/<int:intake_pk>/", include(intake_patterns)),
]

# The practitioner's records of one patient: "patients/<int:patient_pk>/".
exam_patterns = [
    path("", exam_views.exam_detail, name="exam_detail"),
    path("edit/", exam_views.exam_edit, name="exam_edit"),
    path("finish/", exam_views.exam_finish, name="exam_finish"),
    path("correct/", exam_views.exam_correct, name="exam_correct"),
]
# Treatment plans (practitioners only): one item, one goal, one plan version.
plan_item_patterns = [
    path("edit/", plan_edit_views.plan_item_form, name="plan_item_edit"),
    path("remove/", plan_edit_views.plan_item_remove, name="plan_item_remove"),
    path("move/", plan_edit_views.plan_item_move, name="plan_item_move"),
    path("override/", plan_views.plan_precaution_override, name="plan_precaution_override"),
    path("photo/", handout_views.plan_item_photo, name="plan_item_photo"),
]
plan_goal_patterns = [
    path("edit/", plan_edit_views.plan_goal_form, name="plan_goal_edit"),
    path("remove/", plan_edit_views.plan_goal_remove, name="plan_goal_remove"),
]
plan_patterns = [
    path("", plan_views.plan_detail, name="plan_detail"),
    path("versions/", plan_views.plan_versions, name="plan_versions"),
    path("regenerate/", plan_views.plan_regenerate, name="plan_regenerate"),
    path("details/", plan_views.plan_details, name="plan_details"),
    path("items/new/", plan_edit_views.plan_item_form, name="plan_item_add"),
    path("items/<int:item_pk>/", include(plan_item_patterns)),
    path("factors/dismiss/", plan_views.plan_factor_dismiss, name="plan_factor_dismiss"),
    path("red-flags/clear/", plan_views.plan_red_flag_clear, name="plan_red_flag_clear"),
    path("withheld/add/", plan_views.plan_withheld_item_add, name="plan_withheld_item_add"),
    path("deferred/add/", plan_views.plan_deferred_item_add, name="plan_deferred_item_add"),
    path("goals/new/", plan_edit_views.plan_goal_form, name="plan_goal_add"),
    path("goals/<int:goal_pk>/", include(plan_goal_patterns)),
    path("sign/", plan_views.plan_sign, name="plan_sign"),
    path("amend/", plan_views.plan_amend, name="plan_amend"),
    path("care-plan.pdf", document_views.plan_pdf, name="plan_pdf"),
    path("handout.pdf", handout_views.plan_handout_pdf, name="plan_handout_pdf"),
    path("letters/<str:key>/", document_views.plan_letter_pdf, name="plan_letter_pdf"),
]
# The episode of care after the plan: visits, re-assessment, discharge (issue 17). Its views
# name the plan "plan_pk".
episode_patterns = [
    path("visits/new/", visit_views.visit_new, name="visit_new"),
    path("episode/", episode_views.episode_detail, name="episode_detail"),
    path("reassess/", episode_views.reassessment_new, name="reassessment_new"),
    path("discharge/", episode_views.episode_discharge, name="episode_discharge"),
]
visit_patterns = [
    path("", visit_views.visit_detail, name="visit_detail"),
    path("edit/", visit_views.visit_edit, name="visit_edit"),
    path("addendum/", visit_views.visit_addendum, name="visit_addendum"),
]
record_patterns = [
    path("exams/new/", exam_views.exam_new, name="exam_new"),
    path("exams/<int:pk>/", include(exam_patterns)),
    path("outcomes/<str:code>/new/", outcome_views.outcome_new, name="outcome_new"),
    path("plans/new/", plan_views.plan_generate, name="plan_generate"),
    path("plans/<int:pk>/", include(plan_patterns)),
    path("plans/<int:plan_pk>/", include(episode_patterns)),
    path("visits/<int:pk>/", include(visit_patterns)),
    path(
        "reassessments/<int:pk>/",
        episode_views.reassessment_detail,
        name="reassessment_detail",
    ),
    path(
        "episodes/<int:episode_pk>/documents/<int:pk>/",
        episode_views.episode_document_pdf,
        name="episode_document_pdf",
    ),
]

patients_patterns = [
    path("", patient_views.patient_list, name="patient_list"),
    path("new/", patient_views.patient_register, name="patient_register"),
    path("<int:pk>/", include(patient_patterns)),
    path("<int:patient_pk>/", include(record_patterns)),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include(account_patterns)),
    path("session/keepalive/", views.session_keepalive, name="session_keepalive"),
    path("staff/", include(staff_patterns)),
    path("staff/api-keys/", include("interop.keys.urls")),
    # Records in standard form (issue 19): the REST API and the FHIR R4 export.
    path("api/v1/", api_urls()),
    path("fhir/", include("interop.fhir.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("patients/", include(patients_patterns)),
    # The patient's one-time link: no account, the token is the only key.
    path("self-intake/<str:token>/", self_intake_views.self_intake, name="self_intake"),
    path(
        "self-intake/<str:token>/questionnaires/<str:code>/",
        outcome_views.self_report,
        name="self_report",
    ),
    # The admin's own password form would skip the audit event: use the account page's.
    path("admin/password_change/", RedirectView.as_view(pattern_name="password_change")),
    path("admin/", admin.site.urls),
]
