"""Reads of API keys: the list for the clinic admin, and the key a call presents."""

from django.shortcuts import get_object_or_404

from interop.keys.services import KEY_START, hash_secret
from interop.models import ApiKey


def api_key_list():
    return ApiKey.objects.select_related("created_by", "revoked_by").order_by(
        "revoked_at", "-created_at", "-pk"
    )


def api_key_get(pk):
    return get_object_or_404(ApiKey, pk=pk)


def key_for_secret(secret):
    """The key with this secret, usable or not (the caller tells expired from revoked), or None."""
    if not secret or not secret.startswith(KEY_START) or len(secret) > 200:
        return None
    return ApiKey.objects.select_related("user").filter(secret_hash=hash_secret(secret)).first()
