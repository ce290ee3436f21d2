"""The front desk emails the self-intake link (desktop); the patient opens it on a phone."""

from playwright.sync_api import expect

from clinic.models import AuditAction, AuditEvent, ClinicProfile
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, front_desk_user
from tests.smtp_server import body_of


def test_front_desk_emails_the_link_and_the_patient_sees_the_clinic_on_a_phone(
    page, phone_page, screenshot, smtp_inbox, transactional_db
):
    ClinicProfile.objects.create(name="Clinique du Parc", phone="514 555 0100")
    front_desk_user(username="desk")
    patient = PatientFactory(
        first_name="Zoë", last_name="Martin", email="zoe@example.org", preferred_language="en"
    )

    sign_in(page, "desk", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    page.get_by_role("button", name="Send self-intake link").click()

    # Copy link, for texting it from the clinic phone.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    url = page.get_by_test_id("self-intake-url").input_value()
    page.get_by_role("button", name="Copy link").click()
    # The clipboard answers asynchronously: wait for the status line (the button's own "Copied"
    # reverts after two seconds, which a loaded machine can outrun).
    expect(page.locator("[data-copy-status]")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == url

    # Email it: the address on file is already there.
    assert page.get_by_label("Patient's email").input_value() == "zoe@example.org"
    screenshot(page, "self-intake-link-desktop")
    page.get_by_role("button", name="Email the link").click()
    page.wait_for_url(f"**/patients/{patient.pk}/")
    assert "being emailed to zoe@example.org" in page.get_by_role("status").first.inner_text()

    [(recipients, message)] = smtp_inbox.messages
    assert recipients == ["zoe@example.org"]
    assert "Clinique du Parc" in message["Subject"]
    assert url in body_of(message)
    event = AuditEvent.objects.get(action=AuditAction.LINK_EMAILED)
    assert url.rstrip("/").rsplit("/", 1)[-1] not in event.detail

    # The patient opens the link from the email on their phone: the page names the clinic.
    emailed_url = next(word for word in body_of(message).split() if "/self-intake/" in word)
    phone_page.goto(emailed_url)
    header = phone_page.get_by_test_id("self-intake-clinic")
    assert "Clinique du Parc" in header.inner_text()
    assert header.is_visible()
    assert "Clinique du Parc asks you to answer these questions" in phone_page.content()
    box = header.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    screenshot(phone_page, "self-intake-clinic-phone")
