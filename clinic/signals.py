"""Sign-in events for the audit trail."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from clinic.audit import record_event
from clinic.models import AuditAction


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    record_event(request=request, action=AuditAction.LOGIN, user=user)


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record_event(request=request, action=AuditAction.LOGOUT, user=user)


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    record_event(
        request=request,
        action=AuditAction.LOGIN_FAILED,
        username=str(credentials.get("username", ""))[:150],
    )


@receiver(user_locked_out)
def audit_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    record_event(request=request, action=AuditAction.LOCKED_OUT, username=str(username or "")[:150])
