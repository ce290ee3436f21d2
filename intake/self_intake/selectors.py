"""Reads of self-intake links: the live link behind a token."""

import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from intake.models import IntakeStatus, SelfIntakeLink


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def token_for_salt(salt):
    """The link's token: a keyed hash of its random salt, so only this server can make it."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"self-intake-link:{salt}".encode(), hashlib.sha256
    )
    return digest.hexdigest()


def link_token(link):
    """The token of a link issued with a salt (the one the front desk was shown)."""
    return token_for_salt(link.token_salt)


def self_intake_link_for(token):
    """The live link for this token, or None when unknown, expired or already used."""
    if not token or len(token) > 100:
        return None
    link = (
        SelfIntakeLink.objects.select_related("patient", "intake")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if link is None or not link_is_live(link):
        return None
    return link


def link_is_live(link):
    return (
        link.used_at is None
        and link.expires_at > timezone.now()
        and not link.patient.is_archived
        and link.intake.status == IntakeStatus.DRAFT
    )
