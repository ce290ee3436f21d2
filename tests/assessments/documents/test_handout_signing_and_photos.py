"""The handout is stored with the signed plan (SHA-256 checked on download) and printed on its
own; a practitioner's own photo replaces a drawing only once it proves to be a real image."""

import hashlib
import io

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from PIL import Image

from assessments.documents.photo_services import clean_photo, plan_item_photo_attach
from assessments.models import PlanHandoutDocument, PlanItemPhoto, PlanLockedError
from assessments.plans import services
from clinic.models import AuditAction, AuditEvent
from tests.assessments.documents.handout_cases import figure_forms_per_page, png_bytes
from tests.assessments.documents.pdf_reading import flat, full_text
from tests.builders import answer_precautions, generate

pytestmark = pytest.mark.django_db


def handout_url(plan, **query):
    url = reverse("plan_handout_pdf", kwargs={"patient_pk": plan.patient_id, "pk": plan.pk})
    return url + ("?download=1" if query.get("download") else "")


def photo_url(item):
    kwargs = {"patient_pk": item.plan.patient_id, "pk": item.plan_id, "item_pk": item.pk}
    return reverse("plan_item_photo", kwargs=kwargs)


def sign(plan, practitioner):
    plan = answer_precautions(plan, practitioner)
    return services.plan_sign(plan=plan, expected_version=plan.version, by=practitioner)


def home_item(plan):
    return plan.items.filter(removed=False, key="stretching.calf_before_bed").get()


def test_signing_stores_the_handout_and_the_front_desk_downloads_it_byte_for_byte(
    practitioner, front_desk_client
):
    plan = sign(generate(practitioner), practitioner)

    document = PlanHandoutDocument.objects.get(plan=plan)
    stored = bytes(document.pdf)
    assert document.sha256 == hashlib.sha256(stored).hexdigest()
    response = front_desk_client.get(handout_url(plan, download=True))
    assert response.status_code == 200 and response.content == stored
    assert response["Content-Disposition"].startswith("attachment;")
    text = flat(full_text(stored))
    assert "Your exercises at home" in text and "Calf stretch at the wall" in text
    assert "DRAFT" not in text
    event = AuditEvent.objects.filter(action=AuditAction.DOCUMENT_PRINTED).latest("pk")
    assert event.detail == f"patient handout v1 sha256:{document.sha256[:12]}"


def test_a_tampered_stored_handout_is_refused_with_an_audit_event(practitioner, front_desk_client):
    plan = sign(generate(practitioner), practitioner)
    document = plan.signed_handout
    forged = bytes(document.pdf).replace(b"%PDF-1.4", b"%PDF-1.5", 1)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "UPDATE assessments_planhandoutdocument SET pdf = %s WHERE id = %s",
            [forged, document.pk],
        )

    response = front_desk_client.get(handout_url(plan))
    assert response.status_code == 409
    assert b"%PDF" not in response.content
    event = AuditEvent.objects.get(action=AuditAction.DOCUMENT_TAMPERED)
    assert document.sha256 in event.detail and "patient handout" in event.detail


def test_a_draft_handout_is_for_the_practitioner_only_and_says_draft(
    practitioner, practitioner_client, front_desk_client
):
    plan = generate(practitioner)
    assert front_desk_client.get(handout_url(plan)).status_code == 403
    response = practitioner_client.get(handout_url(plan))
    assert response.status_code == 200
    assert "DRAFT" in full_text(response.content)
    assert not PlanHandoutDocument.objects.filter(plan=plan).exists()


def test_a_practitioners_photo_replaces_the_drawing_and_is_re_encoded(
    practitioner, practitioner_client
):
    plan = generate(practitioner)
    item = home_item(plan)
    upload = png_bytes(secret=b"<script>alert(1)</script>")
    page = practitioner_client.get(photo_url(item))
    assert page.status_code == 200 and b"This item shows the drawing." in page.content

    response = practitioner_client.post(
        photo_url(item), {"photo": SimpleUploadedFile("calf.png", upload, "image/png")}
    )
    assert response.status_code == 302
    photo = PlanItemPhoto.objects.get(item=item)
    assert photo.content_type == "image/png" and (photo.width, photo.height) == (64, 48)
    assert bytes(photo.image) != upload and b"<script>" not in bytes(photo.image)
    event = AuditEvent.objects.filter(action=AuditAction.PLAN_EDITED).latest("pk")
    assert f"photo for item {item.pk}" in event.detail and event.user == practitioner

    signed = sign(plan, practitioner)
    pdf = bytes(signed.signed_handout.pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert sum(len(page.images) for page in reader.pages) == 1
    # The photo takes the drawing's place: still one picture per exercise.
    pictures = [name for page in figure_forms_per_page(pdf) for name in page]
    assert len(pictures) == len(set(pictures))
    assert any(name.endswith("calf_wall_stretch") for name in pictures)


def test_something_that_is_not_an_image_is_refused_and_nothing_is_stored(
    practitioner, practitioner_client
):
    plan = generate(practitioner)
    item = home_item(plan)
    before = AuditEvent.objects.count()
    fake = SimpleUploadedFile("calf.png", b"\x89PNG\r\n\x1a\n not really a png", "image/png")

    response = practitioner_client.post(photo_url(item), {"photo": fake})
    assert response.status_code == 200
    assert "Upload a photo as a PNG or JPEG image." in response.content.decode()
    assert not PlanItemPhoto.objects.exists() and AuditEvent.objects.count() == before
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, "GIF")
    with pytest.raises(Exception, match="PNG or JPEG"):
        clean_photo(gif.getvalue())


def test_a_large_photo_is_scaled_down_and_a_signed_plan_takes_no_photo(practitioner):
    image, content_type, width, height = clean_photo(png_bytes(size=(3000, 1500)))
    assert (width, height) == (1200, 600) and content_type == "image/png"
    plan = sign(generate(practitioner), practitioner)
    with pytest.raises(PlanLockedError):
        plan_item_photo_attach(item=home_item(plan), data=png_bytes(), by=practitioner)


def test_an_amendment_keeps_the_practitioners_photo(practitioner):
    plan = generate(practitioner)
    plan_item_photo_attach(item=home_item(plan), data=png_bytes(), by=practitioner)
    signed = sign(plan, practitioner)

    amendment = services.plan_amend(plan=signed, reason="Add a photo check", by=practitioner)
    photo = PlanItemPhoto.objects.get(plan=amendment)
    assert photo.item == home_item(amendment)
    assert PlanItemPhoto.objects.filter(plan=signed).count() == 1  # the signed one is kept


def test_the_photo_page_warns_when_the_item_is_not_an_exercise_on_the_handout(
    practitioner, practitioner_client
):
    plan = generate(practitioner)
    massage = plan.items.filter(removed=False, component="massage").first()
    page = practitioner_client.get(photo_url(massage)).content.decode()
    assert "a photo would not be printed" in page
    page = practitioner_client.get(photo_url(home_item(plan))).content.decode()
    assert "a photo would not be printed" not in page
