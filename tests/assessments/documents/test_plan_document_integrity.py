"""A stored care-plan PDF is checked against the SHA-256 kept at signing on every download.

The tamper goes round every guard on purpose: raw SQL, and on PostgreSQL with the triggers
switched off for the statement (session_replication_role = replica, a superuser's setting), as
someone with direct access to the database would.
"""

import hashlib

import pytest
from django.db import connection, transaction

from clinic.models import AuditAction, AuditEvent
from tests.builders import pdf_url, signed_plan

pytestmark = pytest.mark.django_db


def tamper_with_stored_pdf(document, new_bytes):
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE assessments_plandocument SET pdf = %s WHERE id = %s", [new_bytes, document.pk]
        )


@pytest.fixture
def tampered_plan(practitioner):
    plan = signed_plan(practitioner)
    stored = bytes(plan.signed_document.pdf)
    # One byte of the header changed, the rest intact: it still opens as a PDF.
    forged = stored.replace(b"%PDF-1.4", b"%PDF-1.5", 1)
    assert forged != stored
    tamper_with_stored_pdf(plan.signed_document, forged)
    return plan


@pytest.mark.parametrize("client_fixture", ["front_desk_client", "practitioner_client"])
def test_a_tampered_stored_pdf_is_refused_with_a_page_and_an_audit_event(
    request, client_fixture, tampered_plan
):
    client = request.getfixturevalue(client_fixture)

    response = client.get(pdf_url(tampered_plan, download=True))

    assert response.status_code == 409
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    assert b"%PDF" not in response.content
    page = response.content.decode()
    assert "no longer matches the fingerprint recorded when it was signed" in page
    assert tampered_plan.patient.record_number in page
    event = AuditEvent.objects.get(action=AuditAction.DOCUMENT_TAMPERED)
    assert event.patient == tampered_plan.patient
    assert event.user is not None and event.client_address
    assert tampered_plan.signed_document.sha256 in event.detail
    assert not AuditEvent.objects.filter(action=AuditAction.DOCUMENT_PRINTED).exists()


def test_an_intact_stored_pdf_is_still_returned_byte_for_byte(practitioner, practitioner_client):
    plan = signed_plan(practitioner)
    stored = bytes(plan.signed_document.pdf)
    assert hashlib.sha256(stored).hexdigest() == plan.signed_document.sha256

    response = practitioner_client.get(pdf_url(plan))

    assert response.status_code == 200
    assert response.content == stored
    assert not AuditEvent.objects.filter(action=AuditAction.DOCUMENT_TAMPERED).exists()
