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


def current_request():
    """The request being served on this thread (simple-history's middleware keeps it), or None.

    Services called without ``request`` still record where the change came from.
    """
    from simple_history.models import HistoricalRecords

    return getattr(HistoricalRecords.context, "request", None)


def record_event(
    *,
    request,
    action,
    patient=None,
    obj=None,
    detail="",
    user=None,
    username="",
    by_patient_link=False,
):
    """Append one event. ``user`` defaults to the request's signed-in user.

    ``by_patient_link`` marks the patient's own action through their self-intake link: no user,
    shown as "the patient, through the self-intake link", never as a blank name.
    """
    if request is None:
        request = current_request()
    if by_patient_link:
        user = None
    elif user is None and getattr(getattr(request, "user", None), "is_authenticated", False):
        user = request.user
    return AuditEvent.objects.create(
        user=user,
        by_patient_link=by_patient_link,
        username=username or (user.get_username() if user else ""),
        action=action,
        patient=patient,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail[:500],
        client_address=client_address(request) if request is not None else None,
    )


def record_change(obj, action, *, by, patient=None, request=None, detail="", **extra):
    """The event most services record: ``by`` did ``action`` to ``obj``, a record of one patient
    (``obj.patient`` unless the caller holds it already)."""
    return record_event(
        request=request,
        action=action,
        patient=patient if patient is not None else obj.patient,
        obj=obj,
        user=by,
        detail=detail,
        **extra,
    )


def record_view_event(request, action, obj=None, *, patient, detail=""):
    """The event a page records for its signed-in user: a patient's record opened, printed or
    refused. Views have the request and the patient at hand; services use ``record_change``."""
    return record_event(request=request, action=action, patient=patient, obj=obj, detail=detail)
