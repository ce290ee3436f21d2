"""Emailing the self-intake link: through Django's tasks API and a real SMTP server."""

import pytest
from django.urls import reverse

from clinic.models import AuditAction, AuditEvent, ClinicProfile
from intake.models import SelfIntakeLink
from intake.self_intake.services import self_intake_link_issue
from tests.smtp_server import body_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic(db):
    return ClinicProfile.objects.create(name="Clinique du Parc", phone="514 555 0100")


def _email(client, link, address, capture):
    with capture(execute=True):
        return client.post(
            reverse("self_intake_link_email", args=[link.patient_id, link.pk]),
            {"email": address},
        )


def test_the_link_page_offers_email_prefilled_and_a_copy_button(front_desk_client, patient):
    patient.email = "elodie@example.org"
    patient.save()
    response = front_desk_client.post(reverse("self_intake_link_issue", args=[patient.pk]))

    page = response.content.decode()
    assert 'value="elodie@example.org"' in page
    assert "Copy link" in page
    assert "clinic/copy_link.js" in page


def test_the_patient_receives_the_link_by_smtp_with_the_clinics_name(
    front_desk_client, front_desk, patient, clinic, smtp_inbox, django_capture_on_commit_callbacks
):
    link, token = self_intake_link_issue(patient=patient, by=front_desk)

    response = _email(
        front_desk_client, link, "elodie@example.org", django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    [(recipients, message)] = smtp_inbox.messages
    assert recipients == ["elodie@example.org"]
    assert "Clinique du Parc" in message["Subject"]
    body = body_of(message)
    assert "Clinique du Parc" in body
    assert f"http://testserver/self-intake/{token}/" in body or token in body
    assert "Hello Élodie" in body
    # The patient opens the link from the email and their page names the clinic.
    url = next(word for word in body.split() if token in word)
    page = front_desk_client.get(url.replace("http://testserver", ""))
    assert 'data-testid="self-intake-clinic"' in page.content.decode()
    assert "Clinique du Parc" in page.content.decode()


def test_the_email_is_in_the_patients_language(
    front_desk_client, front_desk, patient, clinic, smtp_inbox, django_capture_on_commit_callbacks
):
    patient.preferred_language = "fr"
    patient.save()
    link, _token = self_intake_link_issue(patient=patient, by=front_desk)

    _email(front_desk_client, link, "elodie@example.org", django_capture_on_commit_callbacks)

    [(_recipients, message)] = smtp_inbox.messages
    assert "Bonjour Élodie" in body_of(message)
    assert "questionnaire" in message["Subject"]


def test_the_audit_trail_records_the_email_but_never_the_token(
    front_desk_client, front_desk, patient, clinic, smtp_inbox, django_capture_on_commit_callbacks
):
    link, token = self_intake_link_issue(patient=patient, by=front_desk)

    _email(front_desk_client, link, "elodie@example.org", django_capture_on_commit_callbacks)

    event = AuditEvent.objects.get(action=AuditAction.LINK_EMAILED)
    assert event.patient == patient
    assert event.user == front_desk
    assert "elodie@example.org" in event.detail
    for stored in AuditEvent.objects.values_list("detail", "object_id"):
        assert token not in " ".join(stored)


def test_a_link_replaced_since_is_not_emailed(
    front_desk_client, front_desk, patient, clinic, smtp_inbox, django_capture_on_commit_callbacks
):
    old, _token = self_intake_link_issue(patient=patient, by=front_desk)
    SelfIntakeLink.objects.filter(pk=old.pk).update(issued_at=old.issued_at.replace(year=2000))
    self_intake_link_issue(patient=patient, by=front_desk)  # revokes the first

    response = _email(
        front_desk_client, old, "elodie@example.org", django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    assert smtp_inbox.messages == []
    assert not AuditEvent.objects.filter(action=AuditAction.LINK_EMAILED).exists()


def test_a_bad_address_is_refused_with_the_link_still_shown(
    front_desk_client, front_desk, patient, smtp_inbox
):
    link, token = self_intake_link_issue(patient=patient, by=front_desk)

    response = front_desk_client.post(
        reverse("self_intake_link_email", args=[patient.pk, link.pk]), {"email": "not an address"}
    )

    assert response.status_code == 400
    assert token in response.content.decode()
    assert smtp_inbox.messages == []


def test_another_patients_link_is_not_found(front_desk_client, front_desk, patient):
    from tests.factories import PatientFactory

    link, _token = self_intake_link_issue(patient=patient, by=front_desk)
    other = PatientFactory()

    response = front_desk_client.post(
        reverse("self_intake_link_email", args=[other.pk, link.pk]), {"email": "a@example.org"}
    )

    assert response.status_code == 404


def test_email_url_configures_djangos_smtp_backend():
    import environ

    config = environ.Env.email_url_config("smtp://127.0.0.1:1025")

    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"]) == ("127.0.0.1", 1025)


# The worker closes its database connection after each task, as a long-lived worker must; inside
# a test's transaction that would end the transaction, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_in_production_the_database_worker_sends_it_and_the_queue_holds_no_token(
    front_desk, patient, clinic, smtp_inbox, settings, django_capture_on_commit_callbacks
):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from intake.self_intake.services import self_intake_link_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    link, token = self_intake_link_issue(patient=patient, by=front_desk)
    with django_capture_on_commit_callbacks(execute=True):
        self_intake_link_email(
            link=link, to="elodie@example.org", base_url="https://clinic.example/", by=front_desk
        )

    [queued] = DBTaskResult.objects.all()
    assert token not in str(queued.args_kwargs)
    assert smtp_inbox.messages == []  # nothing sent inside the request

    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)

    [(_recipients, message)] = smtp_inbox.messages
    assert f"https://clinic.example/self-intake/{token}/" in body_of(message)
