"""The patient handout's stored PDF and the practitioner's exercise photos."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from assessments.models.plans import (
    PlanItem,
    SignedPlanPDF,
    TreatmentPlan,
    _PlanPart,
    signed_plan_pdf_columns,
)
from clinic.model_helpers import protected_link, staff_link


class PlanHandoutDocument(SignedPlanPDF):
    """The patient handout of a signed plan, made once at signing with the care plan and, like
    it, kept with its SHA-256 and checked on every download."""

    plan, pdf, sha256, created_at = signed_plan_pdf_columns("signed_handout")

    class Meta(SignedPlanPDF.Meta):
        verbose_name = _("signed patient handout")
        verbose_name_plural = _("signed patient handouts")

    def __str__(self):
        return f"{self.plan} · handout · {self.sha256[:12]}"


class PlanItemPhoto(_PlanPart):
    """A practitioner's own photo of an exercise, printed on the handout instead of the drawing.

    Kept in the database like the signed PDFs (every server sees the same bytes); the bytes are
    the re-encoded image, never the upload as sent. Part of the plan: it changes only while the
    plan is a draft, and a newer photo of the same item replaces the older one.
    """

    plan = protected_link(TreatmentPlan, "item_photos")
    item = models.OneToOneField(PlanItem, on_delete=models.PROTECT, related_name="photo")
    image = models.BinaryField()
    content_type = models.CharField(max_length=20)
    sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = staff_link()

    class Meta:
        verbose_name = _("exercise photo")
        verbose_name_plural = _("exercise photos")
        base_manager_name = "objects"

    def __str__(self):
        return f"{self.item} · photo · {self.sha256[:12]}"
