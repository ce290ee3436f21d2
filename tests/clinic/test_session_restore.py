"""The edges of keeping a form through an ended session (the flow itself: tests/e2e).

These post with the test client on purpose: they check what is kept, where, and for whom.
"""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clinic.session_restore import EXPIRED_KEY, MARKER_COOKIE, RESTORE_KEY
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

TYPED = "Épaules en avant, très raide"


def _signed_in(username):
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert MARKER_COOKIE in client.cookies
    return client


def _end_sessions():
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))


def _stored_sessions():
    return [session.get_decoded() for session in Session.objects.all()]


def _post_exam_after_expiry(client, patient, **extra):
    _end_sessions()
    url = reverse("exam_new", args=[patient.pk])
    data = {"posture_notes": TYPED, "pain_now": "4", "csrfmiddlewaretoken": "x", **extra}
    return url, client.post(url, data)


def test_a_form_posted_after_expiry_is_kept_server_side_without_secrets(practitioner, patient):
    client = _signed_in("paul")

    url, response = _post_exam_after_expiry(client, patient, new_password1="hunter2hunter2")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    [stash] = [data[RESTORE_KEY] for data in _stored_sessions() if RESTORE_KEY in data]
    fields = dict(stash["fields"])
    assert fields["posture_notes"] == [TYPED]
    assert "csrfmiddlewaretoken" not in fields and "new_password1" not in fields
    assert stash["owner"] == str(practitioner.pk)
    assert stash["path"] == url
    # Nothing typed travels in a cookie.
    assert all("raide" not in morsel.value for morsel in response.cookies.values())
    assert response.cookies[MARKER_COOKIE].value == ""  # the marker is spent


def test_the_same_user_gets_it_back_once_on_that_page_only(practitioner, patient):
    client = _signed_in("paul")
    url, _response = _post_exam_after_expiry(client, patient)
    sign_in_page = client.get(reverse("login") + f"?next={url}")
    assert "what you typed is kept" in sign_in_page.content.decode()
    client.post(reverse("login"), {"username": "paul", "password": TEST_PASSWORD})

    elsewhere = client.get(reverse("patient_chart", args=[patient.pk]))
    assert 'id="restored-form"' not in elsewhere.content.decode()
    page = client.get(url).content.decode()
    assert 'id="restored-form"' in page
    assert "We restored what you typed" in page
    assert "raide" in page  # (json_script writes the accents as \u escapes)
    again = client.get(url).content.decode()
    assert 'id="restored-form"' not in again
    assert not any(RESTORE_KEY in data for data in _stored_sessions())


def test_a_colleague_signing_in_next_drops_it(practitioner, patient):
    from tests.factories import practitioner_user

    practitioner_user(username="colleague")
    client = _signed_in("paul")
    url, _response = _post_exam_after_expiry(client, patient)

    client.post(reverse("login"), {"username": "colleague", "password": TEST_PASSWORD})

    assert not any(RESTORE_KEY in data for data in _stored_sessions())
    assert "raide" not in client.get(url).content.decode()


def test_a_stale_one_is_not_restored(practitioner, patient, settings):
    client = _signed_in("paul")
    url, _response = _post_exam_after_expiry(client, patient)
    client.post(reverse("login"), {"username": "paul", "password": TEST_PASSWORD})
    session = client.session
    stash = session[RESTORE_KEY]
    stash["at"] = time.time() - settings.FORM_RESTORE_MINUTES * 60 - 1
    session[RESTORE_KEY] = stash
    session.save()

    assert "raide" not in client.get(url).content.decode()
    assert RESTORE_KEY not in client.session


def test_signing_out_is_not_an_expiry(practitioner):
    client = _signed_in("paul")

    response = client.post(reverse("logout"))

    assert response.cookies[MARKER_COOKIE].value == ""
    page = client.get(reverse("login")).content.decode()
    assert "session expired" not in page
    assert not any(EXPIRED_KEY in data for data in _stored_sessions())


def test_the_absolute_lifetime_sign_out_keeps_the_form_too(practitioner, patient):
    client = _signed_in("paul")
    session = client.session
    session["signed_in_at"] = 0
    session.save()

    response = client.post(reverse("exam_new", args=[patient.pk]), {"posture_notes": TYPED})

    assert response.status_code == 302
    assert any(RESTORE_KEY in data for data in _stored_sessions())


def test_stay_signed_in_renews_the_session_and_answers_401_once_it_ended(
    practitioner_client, settings
):
    key = practitioner_client.session.session_key
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + timedelta(seconds=30)
    )
    url = reverse("session_keepalive")

    assert practitioner_client.get(url).status_code == 405
    answer = practitioner_client.post(url)

    assert answer.status_code == 200
    assert answer.json() == {"signed_in": True, "seconds_left": settings.SESSION_COOKIE_AGE}
    assert Session.objects.get(session_key=key).expire_date > timezone.now() + timedelta(minutes=14)
    _end_sessions()
    ended = practitioner_client.post(url)
    assert ended.status_code == 401
    assert ended.json() == {"signed_in": False}


def test_the_warning_and_notices_are_translated_and_need_no_inline_script(practitioner, patient):
    client = _signed_in("paul")
    client.cookies["django_language"] = "fr"
    page = client.get(reverse("patient_chart", args=[patient.pk])).content.decode()
    assert "Rester connecté" in page
    assert 'src="/static/clinic/session.js"' in page
    # Only data blocks (never run) may be inline: the CSP allows no inline script.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert all('type="application/json"' in attributes for attributes in inline)

    url, _response = _post_exam_after_expiry(client, patient)
    sign_in_page = client.get(reverse("login") + f"?next={url}").content.decode()
    assert "Votre session a expiré ; reconnectez-vous pour continuer" in sign_in_page
