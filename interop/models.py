"""API keys: what an integration (a booking app, a kiosk, another vendor) signs in with.

A key acts through its own account (``user``), which has the key's role and no password: every
permission check and every service write of the pages works unchanged, and the audit trail names
the key through that account's username. Only the SHA-256 of the secret is stored; the secret is
shown once, when the key is issued.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.roles import FRONT_DESK, PRACTITIONER, ROLE_LABELS

# The roles a key may have: the clinic admin's rights (accounts, audit trail) stay with people.
KEY_ROLES = [(FRONT_DESK, ROLE_LABELS[FRONT_DESK]), (PRACTITIONER, ROLE_LABELS[PRACTITIONER])]


class ApiKey(models.Model):
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role"), max_length=40, choices=KEY_ROLES)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_key"
    )
    # The first characters of the key, shown in lists so the admin can tell keys apart.
    prefix = models.CharField(max_length=16, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    rate_limit_per_minute = models.PositiveIntegerField(_("requests a minute"), default=120)
    created_at = models.DateTimeField(_("issued"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.name

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self):
        return not self.is_revoked and not self.is_expired
