"""Writes for the staff page: who may sign in, with which role, and how they sign documents.

The clinic admin manages people, not privileges: a role is one of clinic.roles' groups and
nothing else; superuser status, raw permissions and other groups are for a superuser made on
the command line (``manage.py createsuperuser``), and a superuser's account is not changed here.
Nobody changes their own role or deactivates themselves. Every change is an audit event whose
user is who did it and whose object is the account it was done to.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clinic.audit import record_event
from clinic.models import AuditAction, StaffProfile
from clinic.roles import CLINIC_ADMIN, GROUP_PERMISSIONS
from clinic.staff.selectors import role_of

CREDENTIAL_FIELDS = ("title", "registration_number")
NAME_FIELDS = ("first_name", "last_name", "email")


def _check_may_manage(*, by, user):
    if user.is_superuser and not by.is_superuser:
        raise PermissionDenied(_("A superuser's account is managed on the command line."))


def _set_role(user, role):
    if role not in GROUP_PERMISSIONS:
        raise ValidationError(_("Choose one of the roles."))
    user.groups.set([Group.objects.get(name=role)])
    # The clinic admin reaches the letterhead and the audit trail in the administration pages.
    user.is_staff = role == CLINIC_ADMIN or user.is_superuser
    user.save(update_fields=["is_staff"])


def _describe(user):
    return f"{user.get_username()} (#{user.pk})"


def _audit(request, by, user, action, detail):
    """One audit event about a staff account, naming the account first."""
    record_event(
        request=request, user=by, action=action, obj=user, detail=f"{_describe(user)} {detail}"
    )


@transaction.atomic
def staff_add(*, by, request, username, password, role, **details):
    """A new account with a role and a first password the admin gives them."""
    user = get_user_model()(username=username, **{k: details.get(k, "") for k in NAME_FIELDS})
    user.set_password(password)
    user.full_clean()
    user.save()
    _set_role(user, role)
    StaffProfile.objects.create(user=user, **{k: details.get(k, "") for k in CREDENTIAL_FIELDS})
    _audit(request, by, user, AuditAction.USER_ADDED, f"role={role}")
    return user


@transaction.atomic
def staff_update(*, by, request, user, role, **details):
    """Name, credentials and role; each kind of change is its own audit event."""
    _check_may_manage(by=by, user=user)
    old_role = role_of(user)
    if role != old_role and user.pk == by.pk:
        raise ValidationError(_("You cannot change your own role."))
    changed = [name for name in NAME_FIELDS if getattr(user, name) != details.get(name, "")]
    for name in changed:
        setattr(user, name, details.get(name, ""))
    if changed:
        user.full_clean()
        user.save(update_fields=changed)
    profile, _created = StaffProfile.objects.get_or_create(user=user)
    changed_credentials = [
        name for name in CREDENTIAL_FIELDS if getattr(profile, name) != details.get(name, "")
    ]
    for name in changed_credentials:
        setattr(profile, name, details.get(name, ""))
    if changed_credentials:
        profile.full_clean()
        profile.save()
    if changed or changed_credentials:
        _audit(
            request,
            by,
            user,
            AuditAction.CREDENTIALS_CHANGED,
            f"changed: {', '.join(changed + changed_credentials)}",
        )
    if role != old_role:
        _set_role(user, role)
        # New rights, new sign-in: a session opened under the old role (perhaps without the
        # second step the new one requires) does not carry over.
        ended = sessions_end(user=user)
        _audit(
            request,
            by,
            user,
            AuditAction.ROLE_CHANGED,
            f"role {old_role or '-'} -> {role}; {ended} session(s) ended",
        )
    return user


def sessions_end(*, user):
    """Sign the user out everywhere: delete every stored session that belongs to them."""
    ended = 0
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            # Through the session store, not the row: a cached_db store must drop its cached
            # copy too, or the session would live on in the cache.
            store_class(session_key=session.session_key).delete()
            ended += 1
    return ended


@transaction.atomic
def staff_deactivate(*, by, request, user):
    """The account can no longer sign in, and its open sessions end now. Nothing is deleted."""
    _check_may_manage(by=by, user=user)
    if user.pk == by.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    if not user.is_active:
        return user
    user.is_active = False
    user.save(update_fields=["is_active"])
    ended = sessions_end(user=user)
    _audit(
        request, by, user, AuditAction.USER_DEACTIVATED, f"deactivated; {ended} session(s) ended"
    )
    return user


@transaction.atomic
def staff_reactivate(*, by, request, user):
    _check_may_manage(by=by, user=user)
    if user.is_active:
        return user
    user.is_active = True
    user.save(update_fields=["is_active"])
    _audit(request, by, user, AuditAction.USER_REACTIVATED, "reactivated")
    return user


@transaction.atomic
def staff_password_reset(*, by, request, user, password):
    """A new password set by the admin; the user's open sessions end."""
    _check_may_manage(by=by, user=user)
    if user.pk == by.pk:
        raise ValidationError(_("Change your own password from your account page."))
    user.set_password(password)
    user.save(update_fields=["password"])
    sessions_end(user=user)
    _audit(request, by, user, AuditAction.PASSWORD_RESET, "password reset")
    return user
