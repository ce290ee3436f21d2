"""Writing the audit trail: one call per meaningful event, never per query."""

from clinic.models import AuditEvent


def client_address(request):
    """The client's address as the proxy reports it (PROXY_COUNT trusted hops), else the peer.

    The one helper for the audit trail and for axes' lockout (AXES_CLIENT_IP_CALLABLE). Hops are
    counted from the right: the left end of X-Forwarded-For is whatever the client sent.
    """
    from django.conf import settings

    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies and _is_address(hops[-proxies]):
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _is_address(text):
    import ipaddress

    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def record_event(*, request, action, patient=None, obj=None, detail="", user=None, username=""):
    """Append one event. ``user`` defaults to the request's signed-in user."""
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    return AuditEvent.objects.create(
        user=user,
        username=username or (user.get_username() if user else ""),
        action=action,
        patient=patient,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail[:500],
        client_address=client_address(request) if request is not None else None,
    )
