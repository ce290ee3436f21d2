"""The patient handout: its PDF (stored at signing, checked against its SHA-256; a draft's made
fresh) and the page where a practitioner attaches their own exercise photo to a plan item.
"""

import hashlib
import hmac
import logging

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from assessments.documents.handout_plans import prints_as_exercise, render_handout
from assessments.documents.photo_services import (
    MAX_UPLOAD_BYTES,
    plan_item_photo_attach,
    plan_item_photo_remove,
)
from assessments.documents.views import TAMPERED_STATUS, _filename, _pdf_response
from assessments.models import PlanHandoutDocument, PlanItemPhoto, PlanStatus
from assessments.plans.selectors import get_item, get_plan
from clinic.access import get_patient
from clinic.audit import record_event
from clinic.models import AuditAction
from clinic.roles import permission_required

logger = logging.getLogger(__name__)

VIEW = "assessments.view_treatmentplan"
CHANGE = "assessments.change_treatmentplan"


@permission_required("intake.view_patient")
def plan_handout_pdf(request, patient_pk, pk):
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    if plan.status == PlanStatus.DRAFT:
        if not request.user.has_perm("assessments.print_draft_plan"):
            raise PermissionDenied
        pdf, detail = render_handout(plan), f"patient handout v{plan.number} draft"
    else:
        if not request.user.has_perm("assessments.print_signed_plan"):
            raise PermissionDenied
        try:
            document = plan.signed_handout
        except PlanHandoutDocument.DoesNotExist:
            raise Http404 from None  # plans signed before handouts existed
        pdf = bytes(document.pdf)
        found = hashlib.sha256(pdf).hexdigest()
        if not hmac.compare_digest(found, document.sha256):
            record_event(
                request=request,
                action=AuditAction.DOCUMENT_TAMPERED,
                patient=patient,
                obj=plan,
                detail=(
                    f"patient handout v{plan.number} document {document.pk}: "
                    f"signed sha256:{document.sha256} stored sha256:{found}"
                ),
            )
            logger.error(
                "Signed handout %s (plan %s) fails its SHA-256 check", document.pk, plan.pk
            )
            context = {"patient": patient, "plan": plan}
            return render(
                request,
                "assessments/plan_document_tampered.html",
                context,
                status=TAMPERED_STATUS,
            )
        detail = f"patient handout v{plan.number} sha256:{document.sha256[:12]}"
    record_event(
        request=request,
        action=AuditAction.DOCUMENT_PRINTED,
        patient=patient,
        obj=plan,
        detail=detail,
    )
    what = f"handout-v{plan.number}" + ("-draft" if plan.status == PlanStatus.DRAFT else "")
    return _pdf_response(pdf, _filename(plan, what), download="download" in request.GET)


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=gettext_lazy("Photo of the exercise (PNG or JPEG, at most 5 MB)"),
        required=False,
    )
    remove = forms.BooleanField(label=gettext_lazy("Use the drawing again"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("photo")
        if upload is None and not cleaned.get("remove"):
            raise ValidationError(_("Choose a photo, or tick “Use the drawing again”."))
        if upload is not None and upload.size > MAX_UPLOAD_BYTES:
            self.add_error("photo", _("The photo is too large (at most 5 MB)."))
        return cleaned


@permission_required(VIEW, CHANGE)
@require_http_methods(["GET", "POST"])
def plan_item_photo(request, patient_pk, pk, item_pk):
    patient = get_patient(patient_pk)
    plan = get_plan(patient, pk)
    item = get_item(plan, item_pk)
    if not plan.is_draft or item.removed:
        messages.warning(request, _("Photos can be changed only on a draft plan's kept items."))
        return redirect("plan_detail", patient_pk=patient.pk, pk=plan.pk)
    form = PhotoForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["photo"] is not None:
                data = form.cleaned_data["photo"].read(MAX_UPLOAD_BYTES + 1)
                plan_item_photo_attach(item=item, data=data, by=request.user, request=request)
                messages.success(request, _("The photo will print on the patient handout."))
            else:
                plan_item_photo_remove(item=item, by=request.user, request=request)
                messages.success(request, _("The handout shows the drawing again."))
        except ValidationError as error:
            form.add_error("photo", error)
        else:
            return redirect("plan_detail", patient_pk=patient.pk, pk=plan.pk)
    has_photo = PlanItemPhoto.objects.filter(item=item).exists()
    context = {
        "patient": patient,
        "plan": plan,
        "item": item,
        "form": form,
        "has_photo": has_photo,
        "on_handout": prints_as_exercise(item),
    }
    return render(request, "assessments/plan_item_photo.html", context)
