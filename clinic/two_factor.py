"""Two-step sign-in: a time-based code (TOTP) from an authenticator app, and recovery codes.

The cryptography and the throttling of wrong codes are django-otp's (TOTPDevice, StaticDevice);
this module only decides who owes a second factor and keeps the devices. The clinic admin must
use one (settings.TWO_FACTOR_REQUIRED_ROLES); anyone else may turn it on from their account page.

Flow: the ordinary sign-in page checks the password; then, until the session is verified,
TwoFactorRequiredMiddleware sends a user with a device to the code page and a user who must have
one and has none to the set-up page. Nothing else opens in between.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.roles import role_names

RECOVERY_CODE_COUNT = 10
# Pages a signed-in user may open before the second step: the step itself and the ways out.
OPEN_BEFORE_SECOND_STEP = {
    "two_factor_verify",
    "two_factor_setup",
    "login",
    "logout",
    "set_language",
    "healthz",
    "self_intake",
    "self_report",
}
# Session value: what this session still owes ("verify", "setup") or "" for nothing.
SESSION_KEY = "two_factor_owed"


def two_factor_required(user):
    if not user.is_authenticated:
        return False
    return any(role in settings.TWO_FACTOR_REQUIRED_ROLES for role in role_names(user))


def has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def owed_step(user):
    """What a freshly signed-in user owes: "verify", "setup" or ""."""
    if has_authenticator(user):
        return "verify"
    if two_factor_required(user):
        return "setup"
    return ""


def mark_verified(request, device):
    """The session passed its second step with this device."""
    from django_otp import login as otp_login

    otp_login(request, device)
    request.session[SESSION_KEY] = ""


def pending_authenticator(*, user):
    """The user's authenticator being set up (not yet confirmed), created on first call."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def secret_for_display(device):
    """The shared secret in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    """The otpauth:// URL as a QR code: an SVG drawn on the server, as a data: URI (CSP img-src)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def normalised(code):
    return "".join(code.split()).lower()


@transaction.atomic
def authenticator_confirm(*, user, device, code):
    """Confirm the app with its first code; returns the new recovery codes, or None if wrong."""
    if device.user_id != user.pk or device.confirmed:
        return None
    if not device.verify_token(normalised(code)):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return recovery_codes_replace(user=user)


@transaction.atomic
def recovery_codes_replace(*, user):
    """A fresh set of single-use recovery codes (the old ones stop working)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def code_verify(*, user, code):
    """The device that accepts this code (6 digits: the app; otherwise a recovery code).

    Returns (device or None, refused_for_now): django-otp throttles a device after wrong codes.
    """
    code = normalised(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in model.objects.devices_for_user(user, confirmed=True):
        allowed, _detail = device.verify_is_allowed()
        if not allowed:
            return None, True
        verified = verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified, False
    return None, False
