"""Defect 4: nothing typed is lost when the idle session ends (issue 11).

Walked as a practitioner does: one tab, real clicks and typing. The idle timeout is made short
(settings) or the session is ended server-side, as fifteen idle minutes would.
"""

import re
import time
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from assessments.models import Exam
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, PatientFactory, practitioner_user

EXPIRED_KEPT = "Your session expired; sign in to continue — what you typed is kept."
RESTORED = "We restored what you typed"
NOTES = "Épaules en avant <b>slumped</b> & tired"


def _end_every_session():
    """What fifteen idle minutes do: the server no longer knows the session."""
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))


def _fill_exam(page):
    grid = page.get_by_test_id("spinal-grid")
    grid.get_by_label("L5 stiffness").select_option("moderate")
    grid.get_by_label("L5 side").select_option("left")
    grid.get_by_label("L5 tender").check()
    page.get_by_label("gluteus medius, left").fill("3")
    page.get_by_label("Pain now (0-10)").fill("4")
    page.get_by_label("posture notes").fill(NOTES)


def _sign_in_here(page, username):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_an_exam_typed_when_the_session_ended_is_kept_through_sign_in_and_then_saved(
    page, screenshot, transactional_db
):
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Élodie", last_name="Lefèvre")
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(error))
    # A first sign-in is not an expiry: the sign-in page says nothing about one.
    page.goto(f"/patients/{patient.pk}/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert page.get_by_test_id("session-expired").count() == 0
    _sign_in_here(page, "prac")
    page.get_by_role("link", name="New exam").click()
    form_url = page.url
    _fill_exam(page)

    _end_every_session()
    page.get_by_role("button", name="Save draft").click()

    page.wait_for_url(re.compile(r"/accounts/login/\?next="))
    assert page.get_by_test_id("session-expired").inner_text() == EXPIRED_KEPT
    assert Exam.objects.count() == 0
    screenshot(page, "session-expired-sign-in")
    _sign_in_here(page, "prac")

    # Back on the same exam form, with what was typed, not saved: nothing was submitted.
    assert page.url == form_url
    assert RESTORED in page.get_by_test_id("form-restored").inner_text()
    grid = page.get_by_test_id("spinal-grid")
    assert grid.get_by_label("L5 stiffness").input_value() == "moderate"
    assert grid.get_by_label("L5 side").input_value() == "left"
    assert grid.get_by_label("L5 tender").is_checked()
    assert not grid.get_by_label("L4 tender").is_checked()
    assert page.get_by_label("gluteus medius, left").input_value() == "3"
    assert page.get_by_label("Pain now (0-10)").input_value() == "4"
    assert page.get_by_label("posture notes").input_value() == NOTES
    assert Exam.objects.count() == 0
    screenshot(page, "session-expired-exam-restored")

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    assert page.get_by_test_id("exam-status").inner_text() == "Draft"
    exam = Exam.objects.get()
    assert exam.segments == [
        {"level": "L5", "stiffness": "moderate", "tender": True, "side": "left"}
    ]
    assert exam.glute_med_left == 3
    assert exam.pain_now == 4
    assert exam.posture_notes == NOTES

    # Reopened and saved again: no restore notice any more, the saved values, saved again.
    page.get_by_role("link", name="Edit").first.click()
    assert page.get_by_test_id("form-restored").count() == 0
    assert page.get_by_label("Pain now (0-10)").input_value() == "4"
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    exam.refresh_from_db()
    assert exam.pain_now == 4 and exam.glute_med_left == 3
    assert script_errors == []


def test_what_one_user_typed_is_never_shown_to_a_colleague_who_signs_in_next(
    page, transactional_db
):
    practitioner_user(username="prac")
    practitioner_user(username="colleague")
    patient = PatientFactory()
    sign_in(page, "prac", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/exams/new/")
    _fill_exam(page)
    _end_every_session()
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert page.get_by_test_id("session-expired").inner_text() == EXPIRED_KEPT

    _sign_in_here(page, "colleague")

    assert re.search(r"/exams/new/$", page.url)
    assert page.get_by_test_id("form-restored").count() == 0
    assert page.get_by_label("Pain now (0-10)").input_value() == ""
    assert page.get_by_label("posture notes").input_value() == ""
    # Not kept for later either: the first user signing in again finds nothing.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert page.get_by_test_id("session-expired").count() == 0
    sign_in(page, "prac", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/exams/new/")
    assert page.get_by_test_id("form-restored").count() == 0
    assert page.get_by_label("Pain now (0-10)").input_value() == ""


def test_the_idle_warning_comes_before_sign_out_and_stay_signed_in_keeps_the_session(
    page, screenshot, settings, transactional_db
):
    # 12 s of idle time, warned 9 s before: the warning shows 3 s after a page loads.
    settings.SESSION_COOKIE_AGE = 12
    settings.SESSION_IDLE_WARNING_SECONDS = 9
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Élodie", last_name="Lefèvre")
    sign_in(page, "prac", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/")
    loaded = time.monotonic()
    warning = page.get_by_role("alertdialog")
    assert not warning.is_visible()

    warning.wait_for(state="visible", timeout=8_000)
    assert "You will be signed out soon" in warning.inner_text()
    stay = warning.get_by_role("button", name="Stay signed in")
    # Keyboard first: the button has the focus, Enter presses it.
    assert stay.evaluate("button => document.activeElement === button")
    screenshot(page, "session-idle-warning")
    page.keyboard.press("Enter")
    warning.wait_for(state="hidden", timeout=5_000)

    # Past the moment the session would have ended without the button: still signed in.
    time.sleep(max(0, loaded + 13.5 - time.monotonic()))
    page.reload()
    assert "/accounts/login/" not in page.url
    assert "Practitioner" in page.get_by_test_id("signed-in-as").inner_text()

    # Left alone, the warning comes again, then says the session ended; the sign-in page too.
    warning.wait_for(state="visible", timeout=8_000)
    page.get_by_text("Your session has ended").wait_for(timeout=15_000)
    assert not warning.get_by_role("button", name="Stay signed in").is_visible()
    # No form on the chart, so nothing typed to keep: it says to sign in again.
    assert "Sign in again to continue." in warning.inner_text()
    assert "What you typed on this page is kept" not in warning.inner_text()
    page.reload()
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert page.get_by_test_id("session-expired").inner_text() == (
        "Your session expired; sign in to continue."
    )


def test_leaving_a_half_filled_exam_asks_first_and_a_clean_or_saved_one_does_not(
    page, transactional_db
):
    practitioner_user(username="prac")
    patient = PatientFactory(first_name="Élodie", last_name="Lefèvre")
    sign_in(page, "prac", TEST_PASSWORD)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        if len(dialogs) == 1:
            dialog.dismiss()  # "Stay on page"
        else:
            dialog.accept()

    page.on("dialog", answer)
    form_url = f"/patients/{patient.pk}/exams/new/"

    # A clean form: Cancel leaves without a question.
    page.goto(form_url)
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_url(re.compile(rf"/patients/{patient.pk}/$"))
    assert dialogs == []

    # Typed into: leaving asks; "stay" keeps the page and what was typed.
    page.goto(form_url)
    pain = page.get_by_label("Pain now (0-10)")
    pain.click()
    pain.press_sequentially("6")
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(form_url)
    assert pain.input_value() == "6"
    # Asked again, and this time leaving discards it.
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_url(re.compile(rf"/patients/{patient.pk}/$"))
    assert dialogs == ["beforeunload", "beforeunload"]
    assert Exam.objects.count() == 0

    # Saving is not leaving: no question.
    page.goto(form_url)
    pain = page.get_by_label("Pain now (0-10)")
    pain.click()
    pain.press_sequentially("5")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    assert dialogs == ["beforeunload", "beforeunload"]
    assert Exam.objects.get().pain_now == 5


def test_typing_on_a_form_counts_as_use_and_keeps_the_session(page, settings, transactional_db):
    settings.SESSION_COOKIE_AGE = 12
    settings.SESSION_IDLE_WARNING_SECONDS = 9
    practitioner_user(username="prac")
    patient = PatientFactory()
    sign_in(page, "prac", TEST_PASSWORD)
    page.goto(f"/patients/{patient.pk}/exams/new/")
    loaded = time.monotonic()
    warning = page.get_by_role("alertdialog")
    warning.wait_for(state="visible", timeout=8_000)

    # Back at the keyboard: typing renews the session and the warning goes away.
    pain = page.get_by_label("Pain now (0-10)")
    pain.click()
    pain.press_sequentially("7")
    warning.wait_for(state="hidden", timeout=5_000)

    time.sleep(max(0, loaded + 13.5 - time.monotonic()))
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/patients/\d+/exams/\d+/$"))
    assert Exam.objects.get().pain_now == 7
