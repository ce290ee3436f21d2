"""Writes to API keys: issue one (the secret is returned once) and revoke one.

Each key acts through an account of its own with the key's role and no usable password, so the
pages' permission table and services apply to it unchanged and the audit trail names it.
"""

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from clinic.audit import record_event
from clinic.models import AuditAction
from interop.models import KEY_ROLES, ApiKey

KEY_START = "ck_"


def hash_secret(secret):
    # The secret is 256 random bits: a fast hash is enough (nothing to guess), and lets a call
    # find its key with one indexed lookup.
    return hashlib.sha256(secret.encode()).hexdigest()


def _account_username(name, pk):
    return f"api-key-{pk}-{slugify(name)}"[:150]


@transaction.atomic
def api_key_issue(*, name, role, expires_at, by, rate_limit_per_minute=120, request=None):
    """A new key and its secret, which is shown once and never stored."""
    if role not in dict(KEY_ROLES):
        raise ValueError(role)
    secret = KEY_START + secrets.token_urlsafe(32)
    account = get_user_model()(username=f"api-key-new-{secrets.token_hex(8)}", first_name=name)
    account.set_unusable_password()
    account.save()
    account.groups.set([Group.objects.get(name=role)])
    key = ApiKey(
        name=name,
        role=role,
        user=account,
        prefix=secret[:10],
        secret_hash=hash_secret(secret),
        expires_at=expires_at,
        rate_limit_per_minute=rate_limit_per_minute,
        created_by=by,
    )
    key.full_clean()
    key.save()
    # The account's username is what every audit event of the key shows: its name and number.
    account.username = _account_username(name, key.pk)
    account.save(update_fields=["username"])
    _record(
        key,
        AuditAction.API_KEY_ISSUED,
        by,
        request,
        f"{name} ({role}), expires {expires_at:%Y-%m-%d}",
    )
    return key, secret


@transaction.atomic
def api_key_revoke(*, key, by, request=None):
    """Revoke a key for good: calls with it get 401 from now on. Nothing is deleted."""
    current = ApiKey.objects.select_for_update().get(pk=key.pk)
    if current.revoked_at is not None:
        return current
    current.revoked_at = timezone.now()
    current.revoked_by = by
    current.save(update_fields=["revoked_at", "revoked_by"])
    account = current.user
    account.is_active = False
    account.save(update_fields=["is_active"])
    _record(current, AuditAction.API_KEY_REVOKED, by, request, current.name)
    return current


def _record(key, action, by, request, detail):
    """The clinic admin's event about a key: it concerns no patient."""
    record_event(request=request, action=action, user=by, obj=key, detail=detail)
