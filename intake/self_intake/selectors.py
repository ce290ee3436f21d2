"""Reads of self-intake links: the live link behind a token."""

import hashlib

from django.utils import timezone

from intake.models import IntakeStatus, SelfIntakeLink


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


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
