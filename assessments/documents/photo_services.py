"""Attaching a practitioner's own exercise photo to a plan item (printed on the handout).

An upload is trusted for nothing: it must open and verify as a PNG or JPEG, stay under the size
and pixel caps, and is re-encoded from its pixels, so what is stored (and later embedded in a
PDF) is an image this server wrote, never the bytes as sent (no EXIF, no trailing payload).
"""

import hashlib
import io
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from assessments.models import PlanItemPhoto, PlanLockedError
from clinic.audit import record_change
from clinic.models import AuditAction

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
MAX_SIDE = 1200  # stored size: plenty for a 45 mm picture, small in the PDF
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


def _not_an_image():
    return ValidationError(_("Upload a photo as a PNG or JPEG image."), code="not_an_image")


class CleanPhoto(NamedTuple):
    """An upload checked and re-encoded, named as PlanItemPhoto stores it."""

    image: bytes
    content_type: str
    width: int
    height: int


def clean_photo(data: bytes) -> CleanPhoto:
    """The upload checked and re-encoded: (bytes, content type, width, height)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is too large (at most 5 MB)."), code="too_large")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
            probe.verify()
        if kind not in FORMATS:
            raise _not_an_image()
        if width * height > MAX_PIXELS:
            raise ValidationError(_("The photo has too many pixels."), code="too_many_pixels")
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            if kind == "JPEG":
                image.convert("RGB").save(out, "JPEG", quality=85)
            else:
                mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
                image.convert(mode).save(out, "PNG", optimize=True)
            size = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _not_an_image() from None
    return CleanPhoto(out.getvalue(), FORMATS[kind], size[0], size[1])


@transaction.atomic
def plan_item_photo_attach(*, item, data, by, request=None):
    """Attach (or replace) the photo of a draft plan's item; one audit event."""
    if not item.plan.is_draft:
        raise PlanLockedError
    cleaned = clean_photo(data)
    sha256 = hashlib.sha256(cleaned.image).hexdigest()
    PlanItemPhoto.objects.filter(item=item).delete()
    photo = PlanItemPhoto(
        plan=item.plan, item=item, sha256=sha256, uploaded_by=by, **cleaned._asdict()
    )
    photo.full_clean()
    photo.save()
    size = f"{cleaned.width}x{cleaned.height}"
    detail = f"photo for item {item.pk} ({cleaned.content_type}, {size}) sha256:{sha256[:12]}"
    record_change(item.plan, AuditAction.PLAN_EDITED, by=by, request=request, detail=detail)
    return photo


@transaction.atomic
def plan_item_photo_remove(*, item, by, request=None):
    """Take the photo off a draft plan's item: the handout shows the drawing again."""
    if not item.plan.is_draft:
        raise PlanLockedError
    removed, _counts = PlanItemPhoto.objects.filter(item=item).delete()
    detail = f"photo removed from item {item.pk}" if removed else f"no photo on item {item.pk}"
    record_change(item.plan, AuditAction.PLAN_EDITED, by=by, request=request, detail=detail)
    return bool(removed)
