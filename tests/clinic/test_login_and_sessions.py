import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from clinic.models import AuditAction, AuditEvent
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db
PROJECT = Path(__file__).resolve().parents[2]


def login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_then_logout(front_desk):
    client = Client()
    response = login(client, "fiona", TEST_PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("patient_list")).status_code == 200

    client.post(reverse("logout"))

    assert client.get(reverse("patient_list")).status_code == 302
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [AuditAction.LOGIN, AuditAction.LOGOUT]


def test_wrong_password_is_refused_and_audited(front_desk):
    response = login(Client(), "fiona", "wrong-password")
    assert response.status_code == 200
    assert "did not match" in response.content.decode()
    event = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert event.username == "fiona"


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_that_user_at_that_address_only(front_desk, practitioner):
    attacker = Client(REMOTE_ADDR="10.0.0.9")
    for _attempt in range(3):
        login(attacker, "fiona", "wrong-password")

    locked = login(attacker, "fiona", TEST_PASSWORD)

    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.LOCKED_OUT, username="fiona").exists()
    # A colleague behind the same clinic router still signs in.
    assert login(Client(REMOTE_ADDR="10.0.0.9"), "paul", TEST_PASSWORD).status_code == 302


def test_deactivated_user_loses_their_open_session(front_desk):
    client = Client()
    login(client, "fiona", TEST_PASSWORD)
    front_desk.is_active = False
    front_desk.save()

    assert client.get(reverse("patient_list")).status_code == 302


def test_idle_session_expires_and_requests_renew_it_at_most_once_a_minute(
    front_desk_client, settings
):
    import time
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from clinic.session_restore import RENEWED_KEY

    assert settings.SESSION_COOKIE_AGE == 15 * 60
    key = front_desk_client.session.session_key

    def expires_at():
        return Session.objects.get(session_key=key).expire_date

    # Renewed within the last minute: the next page costs no session write.
    assert front_desk_client.get(reverse("patient_list")).status_code == 200
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + timedelta(minutes=14, seconds=30)
    )
    before = expires_at()
    assert front_desk_client.get(reverse("patient_list")).status_code == 200
    assert expires_at() == before

    # A minute later a request renews it for the full idle time.
    session = front_desk_client.session
    session[RENEWED_KEY] = time.time() - 61
    session.save()
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + timedelta(seconds=30)
    )
    assert front_desk_client.get(reverse("patient_list")).status_code == 200
    assert expires_at() > timezone.now() + timedelta(minutes=14)

    # Fifteen idle minutes later the session is gone.
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert front_desk_client.get(reverse("patient_list")).status_code == 302


def test_session_ends_after_the_absolute_lifetime(front_desk_client):
    session = front_desk_client.session
    session["signed_in_at"] = 0  # long ago
    session.save()

    response = front_desk_client.get(reverse("patient_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert front_desk_client.get(reverse("patient_list")).status_code == 302


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_audit_trail_cannot_be_edited_or_deleted(front_desk):
    login(Client(), "fiona", TEST_PASSWORD)
    event = AuditEvent.objects.get()
    from django.core.exceptions import ValidationError

    event.detail = "tampered"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    with pytest.raises(ValidationError):
        AuditEvent.objects.all().delete()
    with pytest.raises(ValidationError):
        AuditEvent.objects.update(detail="tampered")


# The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a "production" check.
_NOT_INHERITED = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _run_check(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_check({"DEBUG": "false", "ALLOWED_HOSTS": "clinic.example"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    env = {
        "DEBUG": "false",
        "ALLOWED_HOSTS": "clinic.example",
        "SECRET_KEY": secrets.token_urlsafe(50),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={**{k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_database_outage_gives_a_try_again_page_not_a_server_error(front_desk):
    from unittest import mock

    from django.db import OperationalError

    client = Client(raise_request_exception=False)
    client.force_login(front_desk)
    with mock.patch(
        "intake.patients.views.search_patients",
        side_effect=OperationalError("server closed the connection"),
    ):
        response = client.get(reverse("patient_list"))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Try again in a few seconds" in response.content.decode()
