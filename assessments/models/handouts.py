"""The patient handout's stored PDF and the practitioner's exercise photos."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.models.plans import (
    PlanDocumentQuerySet,
    PlanItem,
    PlanLockedError,
    PlanPartQuerySet,
    TreatmentPlan,
    _PlanPart,
)


class PlanHandoutDocument(models.Model):
    """The patient handout of a signed plan, made once at signing with the care plan and, like
    it, kept with its SHA-256 and checked on every download."""

    plan = models.OneToOneField(
        TreatmentPlan, on_delete=models.PROTECT, related_name="signed_handout"
    )
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlanDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("signed patient handout")
        verbose_name_plural = _("signed patient handouts")
        base_manager_name = "objects"

    def __str__(self):
        return f"{self.plan} · handout · {self.sha256[:12]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PlanLockedError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PlanLockedError


class PlanItemPhoto(_PlanPart):
    """A practitioner's own photo of an exercise, printed on the handout instead of the drawing.

    Kept in the database like the signed PDFs (every server sees the same bytes); the bytes are
    the re-encoded image, never the upload as sent. Part of the plan: it changes only while the
    plan is a draft, and a newer photo of the same item replaces the older one.
    """

    plan = models.ForeignKey(TreatmentPlan, on_delete=models.PROTECT, related_name="item_photos")
    item = models.OneToOneField(PlanItem, on_delete=models.PROTECT, related_name="photo")
    image = models.BinaryField()
    content_type = models.CharField(max_length=20)
    sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("exercise photo")
        verbose_name_plural = _("exercise photos")
        base_manager_name = "objects"

    def __str__(self):
        return f"{self.item} · photo · {self.sha256[:12]}"
