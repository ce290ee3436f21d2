"""Roles and what each may do.

A role is a Django group. What a role may do is a set of Django permissions, declared here in
one table so that the data migrations, the navigation and the tests all read the same thing.
Views check permissions (``user.has_perm``), never group names, so a clinic can grant one
extra right to one person through the admin without a code change.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

FRONT_DESK = "Front desk"
PRACTITIONER = "Practitioner"
CLINIC_ADMIN = "Clinic admin"

ROLE_LABELS = {
    FRONT_DESK: _("Front desk"),
    PRACTITIONER: _("Practitioner"),
    CLINIC_ADMIN: _("Clinic admin"),
}

# What each role may do, in words, for the 403 page and the README's table.
ROLE_ABILITIES = {
    FRONT_DESK: [
        _("register, find and edit patients"),
        _("take intakes and send self-intake links"),
        _("print signed care plans"),
    ],
    PRACTITIONER: [
        _("everything the front desk does"),
        _("review and confirm intakes"),
        _("record exams and outcome measures"),
        _("generate, edit, sign, print and amend care plans"),
    ],
    CLINIC_ADMIN: [
        _("manage staff accounts and roles"),
        _("change the clinic's letterhead"),
        _("read the audit trail (no patient records)"),
    ],
}

# Permissions are "app_label.codename". A codename that does not exist yet (its model arrives
# in a later migration) is skipped by sync_group_permissions and granted when it exists.
_PATIENT_DESK = [
    "intake.view_patient",
    "intake.add_patient",
    "intake.change_patient",
    "intake.archive_patient",
    "intake.view_intake",
    "intake.add_intake",
    "intake.change_intake",
    "intake.issue_selfintakelink",
]
GROUP_PERMISSIONS = {
    FRONT_DESK: [
        *_PATIENT_DESK,
        "assessments.print_signed_plan",
        # The episode's dates (visit dates on the chart's timeline), never the notes.
        "assessments.view_episode",
    ],
    PRACTITIONER: [
        *_PATIENT_DESK,
        "intake.confirm_intake",
        "intake.view_patient_history",
        "assessments.view_exam",
        "assessments.add_exam",
        "assessments.change_exam",
        "assessments.view_treatmentplan",
        "assessments.add_treatmentplan",
        "assessments.change_treatmentplan",
        "assessments.sign_treatmentplan",
        "assessments.print_signed_plan",
        "assessments.print_draft_plan",
        "assessments.view_episode",
        "assessments.discharge_episode",
        "assessments.print_episode_document",
        "assessments.view_visit",
        "assessments.add_visit",
        "assessments.change_visit",
        "assessments.view_reassessment",
        "assessments.add_reassessment",
    ],
    CLINIC_ADMIN: [
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "auth.view_group",
        "clinic.view_clinicprofile",
        "clinic.change_clinicprofile",
        "clinic.view_auditevent",
        # API keys for integrations (interop/keys): issue, list, revoke.
        "interop.view_apikey",
        "interop.add_apikey",
        "interop.change_apikey",
    ],
}


def sync_group_permissions(apps):
    """Create the role groups and give each exactly the permissions the table names.

    Takes the migration's ``apps`` so it works at any point in the migration history. Called
    by data migrations; safe to run again.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; create them now so the
    # groups can be granted them in this migration.
    for app_config in apps.get_app_configs():
        # A migration's app configs are stubs without a models module, which makes
        # create_permissions skip them; mark them for the call and put the value back.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for group_name, permission_names in GROUP_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=group_name)
        wanted = []
        for name in permission_names:
            app_label, codename = name.split(".")
            wanted.extend(
                permission_model.objects.filter(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.set(wanted)


def permission_required(*perms):
    """Login first (anonymous users go to the login page), then 403 for the wrong role."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perms(perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator


def role_names(user):
    """The role groups a user belongs to, in the table's order (cached per request)."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_role_names"):
        from clinic.auth_backend import group_names  # the auth models: not at import time

        names = group_names(user)
        user._role_names = [role for role in GROUP_PERMISSIONS if role in names]
    return user._role_names
