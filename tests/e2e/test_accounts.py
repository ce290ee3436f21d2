"""Accounts in a real browser: the clinic admin's two-step sign-in and staff page, and a
practitioner changing their own password."""

import base64
import re

from django_otp.oath import totp

from clinic.models import AuditAction, AuditEvent, StaffProfile
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, clinic_admin_user, practitioner_user

NEW_PASSWORD = "a-fresh-long-passphrase-31"


def code_from_secret(secret, drift=0):
    """What an authenticator app shows for the key the page printed (groups of four)."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, drift=drift):06d}"


def test_the_clinic_admin_sets_up_totp_then_manages_a_colleague(page, screenshot, transactional_db):
    clinic_admin_user(username="boss", first_name="Ada", last_name="Admin")
    sign_in(page, "boss", TEST_PASSWORD)

    # First sign-in: nothing opens before the second step is set up.
    page.wait_for_url(re.compile(r"/accounts/two-step/setup/"))
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.get_by_label("Code").fill(code_from_secret(secret))
    page.get_by_role("button", name="Turn on").click()
    codes = page.get_by_test_id("recovery-codes").inner_text().split()
    assert len(codes) == 10
    screenshot(page, "two-step-recovery-codes")
    page.get_by_role("link", name="I have kept them: continue").click()

    # The staff page: add a practitioner with credentials.
    page.get_by_role("navigation").get_by_role("link", name="Staff", exact=True).click()
    page.get_by_role("link", name="Add a user").click()
    page.get_by_label("Username").fill("marie")
    page.get_by_label("First name").fill("Marie")
    page.get_by_label("Last name").fill("Tremblay")
    page.get_by_label("Role").select_option("Practitioner")
    page.get_by_label("Professional title").fill("Physiotherapist")
    page.get_by_label("Registration number").fill("PT-555")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Add user").click()
    staff = page.get_by_test_id("staff")
    assert "PT-555" in staff.inner_text()

    # Reopen, change the title, save, reopen and save again.
    staff.get_by_role("link", name="marie").click()
    assert page.get_by_label("Professional title").input_value() == "Physiotherapist"
    page.get_by_label("Professional title").fill("Physiotherapist, MSc")
    page.get_by_role("button", name="Save").click()
    page.reload()
    assert page.get_by_label("Professional title").input_value() == "Physiotherapist, MSc"
    page.get_by_role("button", name="Save").click()
    assert StaffProfile.objects.get(user__username="marie").title == "Physiotherapist, MSc"

    # Deactivate, then the admin's own account: the role cannot be changed, no deactivate button.
    page.get_by_role("button", name="Deactivate").click()
    assert "cannot sign in" in page.get_by_text("This account is deactivated").inner_text()
    page.get_by_role("navigation").get_by_role("link", name="Staff", exact=True).click()
    page.get_by_test_id("staff").get_by_role("link", name="boss").click()
    assert page.get_by_label("Role").is_disabled()
    assert page.get_by_role("button", name="Deactivate").count() == 0
    screenshot(page, "staff-own-account")

    # Sign out and back in: the password alone is not enough.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "boss", TEST_PASSWORD)
    page.wait_for_url(re.compile(r"/accounts/two-step/"))
    page.get_by_label("Code").fill(code_from_secret(secret, drift=1))
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(lambda url: "/accounts/two-step/" not in url)
    assert page.get_by_role("navigation").get_by_role("link", name="Staff", exact=True).is_visible()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        AuditAction.TWO_FACTOR_ENABLED,
        AuditAction.USER_ADDED,
        AuditAction.CREDENTIALS_CHANGED,
        AuditAction.USER_DEACTIVATED,
    } <= actions


def test_a_practitioner_changes_their_own_password(page, transactional_db):
    practitioner_user(username="paul", first_name="Paul", last_name="Roy")
    sign_in(page, "paul", TEST_PASSWORD)

    page.get_by_test_id("signed-in-as").click()
    page.get_by_role("link", name="Change your password").click()
    page.locator("#id_old_password").fill(TEST_PASSWORD)
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    assert page.get_by_text("Your password has been changed.").is_visible()

    page.get_by_role("button", name="Sign out").click()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("paul")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_text("did not match").is_visible()
    sign_in(page, "paul", NEW_PASSWORD)
    assert page.get_by_test_id("signed-in-as").inner_text().startswith("Paul Roy")
    assert AuditEvent.objects.filter(action=AuditAction.PASSWORD_CHANGED).count() == 1
