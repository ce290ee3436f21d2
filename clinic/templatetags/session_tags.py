"""The idle warning, the restored form and the sign-in page's expiry notice (see session.js)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from clinic import session_restore

register = template.Library()


@register.inclusion_tag("clinic/_session_warning.html", takes_context=True)
def session_warning(context):
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "seconds_left": session_restore.session_seconds_left(request),
        "warning_seconds": getattr(settings, "SESSION_IDLE_WARNING_SECONDS", 120),
        "keepalive_url": reverse("session_keepalive"),
        "login_url": f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}",
    }


@register.inclusion_tag("clinic/_form_restore.html", takes_context=True)
def form_restore(context):
    request = context.get("request")
    if request is None or request.method != "GET":
        return {"fields": None}
    return {"fields": session_restore.take_restore(request)}


@register.inclusion_tag("registration/_session_expired.html", takes_context=True)
def session_expired_notice(context):
    request = context.get("request")
    return {"notice": session_restore.expiry_notice(request) if request is not None else None}
