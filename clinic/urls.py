from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from assessments.outcomes import views as self_report_views
from clinic import account_views, views
from intake.self_intake.views import self_intake
from interop.api.main import api_urls

# A 403 says what the signed-in user's role may do (clinic/roles.py), not only "no".
handler403 = "clinic.views.permission_denied"

admin.site.site_header = _("Clinic administration")
admin.site.site_title = _("Clinic administration")

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("session/keepalive/", views.session_keepalive, name="session_keepalive"),
    # The signed-in user's own account: password and two-step sign-in.
    path("accounts/", account_views.account, name="account"),
    path("accounts/password/", account_views.password_change, name="password_change"),
    path("accounts/two-step/setup/", account_views.two_factor_setup, name="two_factor_setup"),
    path("accounts/two-step/", account_views.two_factor_verify, name="two_factor_verify"),
    path(
        "accounts/two-step/recovery-codes/",
        account_views.two_factor_recovery_codes,
        name="two_factor_recovery_codes",
    ),
    # The clinic admin's staff page: accounts, roles, credentials.
    path("staff/", include("clinic.staff.urls")),
    path("staff/api-keys/", include("interop.keys.urls")),
    # Records in standard form (issue 19): the REST API and the FHIR R4 export.
    path("api/v1/", api_urls()),
    path("fhir/", include("interop.fhir.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", views.healthz, name="healthz"),
    path("patients/", include("intake.urls")),
    path("patients/", include("assessments.urls")),
    # The patient's one-time link: no account, the token is the only key.
    path("self-intake/<str:token>/", self_intake, name="self_intake"),
    path(
        "self-intake/<str:token>/questionnaires/<str:code>/",
        self_report_views.self_report,
        name="self_report",
    ),
    # The admin's own password form would skip the audit event: use the account page's.
    path("admin/password_change/", RedirectView.as_view(pattern_name="password_change")),
    path("admin/", admin.site.urls),
]
