"""Accounts: your own password, two-step sign-in (TOTP and recovery codes), demo-seed safety."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic.models import AuditAction, AuditEvent
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "another-long-passphrase-77"


def sign_in(client, username, password=TEST_PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def current_code(device, drift=0):
    """The app's code now; drift=1 is the next 30-second step's (a used step is refused)."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{code:06d}"


def set_up_authenticator(client):
    """Open the set-up page, read the device it made, confirm with a computed code."""
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("two_factor_setup"), {"code": current_code(device)})
    assert response.status_code == 200
    return TOTPDevice.objects.get(pk=device.pk), response


# --- your own password ------------------------------------------------------------------------


def test_every_user_changes_their_own_password_and_it_is_audited(front_desk):
    client = Client()
    sign_in(client, "fiona")

    response = client.post(
        reverse("password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert client.get(reverse("patient_list")).status_code == 200  # still signed in
    front_desk.refresh_from_db()
    assert front_desk.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(action=AuditAction.PASSWORD_CHANGED)
    assert event.user == front_desk and event.object_id == str(front_desk.pk)


def test_a_wrong_old_password_changes_nothing(front_desk):
    client = Client()
    sign_in(client, "fiona")
    response = client.post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    front_desk.refresh_from_db()
    assert front_desk.check_password(TEST_PASSWORD)
    assert not AuditEvent.objects.filter(action=AuditAction.PASSWORD_CHANGED).exists()


# --- two-step sign-in ------------------------------------------------------------------------


def test_the_clinic_admin_must_set_up_a_second_step_before_anything_opens(clinic_admin):
    client = Client()
    assert sign_in(client, "ada").status_code == 302

    for url in [reverse("home"), reverse("staff_list"), reverse("admin:index"), reverse("account")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor_setup")), url

    device, page = set_up_authenticator(client)

    assert device.confirmed
    codes = page.context["codes"]
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert client.get(reverse("staff_list")).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.TWO_FACTOR_ENABLED, user=clinic_admin
    ).exists()


def test_with_an_authenticator_the_password_alone_opens_nothing(clinic_admin):
    client = Client()
    sign_in(client, "ada")
    device, _page = set_up_authenticator(client)
    client.post(reverse("logout"))

    sign_in(client, "ada")
    response = client.get(reverse("staff_list"))
    assert response["Location"].startswith(reverse("two_factor_verify"))

    wrong = client.post(reverse("two_factor_verify"), {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get(reverse("staff_list")).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.TWO_FACTOR_FAILED).exists()

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above throttles the next try
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(
        reverse("two_factor_verify"),
        {"code": current_code(device, drift=1), "next": reverse("staff_list")},
    )
    assert right.status_code == 302 and right["Location"] == reverse("staff_list")
    assert client.get(reverse("staff_list")).status_code == 200


def test_a_spent_code_is_refused(practitioner):
    client = Client()
    sign_in(client, "paul")
    device, _page = set_up_authenticator(client)
    client.post(reverse("logout"))
    sign_in(client, "paul")

    assert (
        client.post(reverse("two_factor_verify"), {"code": current_code(device)}).status_code == 200
    )
    assert client.get(reverse("patient_list")).status_code == 302


def test_a_recovery_code_signs_in_once(clinic_admin):
    client = Client()
    sign_in(client, "ada")
    _device, page = set_up_authenticator(client)
    code = page.context["codes"][0]
    client.post(reverse("logout"))

    sign_in(client, "ada")
    assert client.post(reverse("two_factor_verify"), {"code": code}).status_code == 302
    assert client.get(reverse("staff_list")).status_code == 200
    client.post(reverse("logout"))

    sign_in(client, "ada")
    assert client.post(reverse("two_factor_verify"), {"code": code}).status_code == 200
    assert client.get(reverse("staff_list")).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(clinic_admin):
    client = Client()
    sign_in(client, "ada")
    _device, page = set_up_authenticator(client)
    old = page.context["codes"]

    response = client.post(reverse("two_factor_recovery_codes"))

    new = response.context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)


def test_no_recovery_codes_without_an_authenticator(front_desk):
    client = Client()
    sign_in(client, "fiona")
    assert client.post(reverse("two_factor_recovery_codes")).status_code == 403
    assert not StaticToken.objects.exists()


def test_a_second_step_is_optional_for_other_roles_and_kept_once_chosen(practitioner):
    client = Client()
    sign_in(client, "paul")
    assert client.get(reverse("patient_list")).status_code == 200  # not required

    device, _page = set_up_authenticator(client)
    client.post(reverse("logout"))
    sign_in(client, "paul")

    response = client.get(reverse("patient_list"))
    assert response["Location"].startswith(reverse("two_factor_verify"))
    # The code that set it up is spent; the next step's code (within the tolerance) works.
    client.post(reverse("two_factor_verify"), {"code": current_code(device, drift=1)})
    assert client.get(reverse("patient_list")).status_code == 200


def test_the_set_up_page_draws_the_qr_code_on_the_server(practitioner):
    client = Client()
    sign_in(client, "paul")
    page = client.get(reverse("two_factor_setup")).content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    assert "http" not in page.split('src="data:image/svg+xml;base64,')[0].rsplit("<img", 1)[-1]


def test_an_unverified_session_cannot_replace_the_authenticator(practitioner):
    client = Client()
    sign_in(client, "paul")
    set_up_authenticator(client)
    client.post(reverse("logout"))
    sign_in(client, "paul")

    response = client.get(reverse("two_factor_setup"))

    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=practitioner).count() == 1


# --- seed_demo -------------------------------------------------------------------------------


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    from django.contrib.auth import get_user_model

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not get_user_model().objects.filter(username="clinicadmin").exists()


def test_without_the_second_step_no_clinic_admin_page_opens(clinic_admin, front_desk):
    client = Client()
    client.force_login(clinic_admin)  # password only
    urls = [
        reverse("staff_list"),
        reverse("staff_add"),
        reverse("staff_edit", args=[front_desk.pk]),
        reverse("staff_password", args=[front_desk.pk]),
        reverse("admin:index"),
        reverse("admin:clinic_auditevent_changelist"),
        reverse("admin:clinic_clinicprofile_add"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor_setup")), url
    response = client.post(reverse("staff_deactivate", args=[front_desk.pk]))
    assert response["Location"].startswith(reverse("two_factor_setup"))
    front_desk.refresh_from_db()
    assert front_desk.is_active
