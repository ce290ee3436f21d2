"""The patient handout: its PDF (stored at signing, checked against its SHA-256; a draft's made
fresh) and the page where a practitioner attaches their own exercise photo to a plan item.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from assessments.documents.handout_plans import prints_as_exercise
from assessments.documents.photo_services import (
    MAX_UPLOAD_BYTES,
    plan_item_photo_attach,
    plan_item_photo_remove,
)
from assessments.documents.views import HANDOUT, plan_pdf_response
from assessments.models import PlanItemPhoto
from assessments.plans.selectors import get_item, get_plan
from clinic.access import get_patient
from clinic.roles import permission_required

VIEW = "assessments.view_treatmentplan"
CHANGE = "assessments.change_treatmentplan"


@permission_required("intake.view_patient")
def plan_handout_pdf(request, patient_pk, pk):
    return plan_pdf_response(request, patient_pk, pk, HANDOUT)


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
