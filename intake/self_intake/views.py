"""The self-intake link: the front desk issues it; the patient, with no account, fills in their
own questionnaire through it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clinic.access import get_patient, get_self_intake_link
from clinic.models import ClinicProfile
from clinic.roles import permission_required
from intake.intakes.forms import IntakeForm, MedicationFormSet, bound_intake_forms, medication_rows
from intake.intakes.services import IntakeLockedError
from intake.self_intake import selectors, services
from intake.self_intake.forms import SelfIntakeEmailForm


@permission_required("intake.issue_selfintakelink")
@require_POST
def self_intake_link_issue(request, pk):
    patient = get_patient(pk)
    try:
        link, token = services.self_intake_link_issue(
            patient=patient, by=request.user, request=request
        )
    except services.PatientArchivedError:
        raise PermissionDenied from None
    # Only the token's hash is stored; a second click within a minute shows this same link.
    form = SelfIntakeEmailForm(initial={"email": patient.email})
    return _link_page(request, patient, link, token, form)


def _link_page(request, patient, link, token, form, status=200):
    url = request.build_absolute_uri(reverse("self_intake", args=[token]))
    return render(
        request,
        "intake/self_intake_link.html",
        {"patient": patient, "link": link, "url": url, "email_form": form},
        status=status,
    )


@permission_required("intake.issue_selfintakelink")
@require_POST
def self_intake_link_email(request, pk, link_pk):
    patient = get_patient(pk)
    link = get_self_intake_link(patient, link_pk)
    form = SelfIntakeEmailForm(request.POST)
    if not form.is_valid():
        if not selectors.link_is_live(link) or not link.token_salt:
            raise PermissionDenied
        return _link_page(request, patient, link, selectors.link_token(link), form, status=400)
    try:
        services.self_intake_link_email(
            link=link,
            to=form.cleaned_data["email"],
            base_url=request.build_absolute_uri("/"),
            by=request.user,
            request=request,
        )
    except services.LinkNotLiveError:
        messages.error(
            request,
            _("This link no longer works (used, replaced or expired): send a new one."),
        )
        return redirect("patient_chart", pk=patient.pk)
    messages.success(
        request,
        _("The self-intake link is being emailed to %(email)s.")
        % {"email": form.cleaned_data["email"]},
    )
    return redirect("patient_chart", pk=patient.pk)


# --- The patient's own pages: no account, only the link's token -----------------------------


@require_http_methods(["GET", "POST"])
def self_intake(request, token):
    link = selectors.self_intake_link_for(token)
    if link is None:
        # Expired, used or made up: the same plain page, revealing nothing about anyone.
        return render(request, "intake/self_intake_closed.html", status=410)
    language = (
        request.GET.get("lang") or request.POST.get("lang") or link.patient.preferred_language
    )
    if language not in {"en", "fr"}:
        language = link.patient.preferred_language
    with translation.override(language):
        response = _self_intake_page(request, link, token, language)
    response.headers.setdefault("Content-Language", language)
    return response


def _self_intake_page(request, link, token, language):
    intake = link.intake
    if request.method == "POST":
        form, formset, submitting = bound_intake_forms(request, intake, check_version=False)
        if form.is_valid() and formset.is_valid():
            try:
                services.self_intake_save(
                    link=link,
                    answers=form.cleaned_data,
                    medication_rows=medication_rows(formset),
                    submit=submitting,
                    request=request,
                )
            except IntakeLockedError:
                # Sent a moment ago (a second tap, or another tab): nothing more is changed.
                link.refresh_from_db()
                if link.used_at is not None:
                    return _done_page(request, language)
                return render(request, "intake/self_intake_closed.html", status=410)
            if submitting:
                return _done_page(request, language)
            messages.success(
                request, _("Your answers are saved. You can finish later with the same link.")
            )
            return redirect(f"{reverse('self_intake', args=[token])}?lang={language}")
    else:
        services.self_intake_link_opened(link=link, request=request)
        form = IntakeForm(instance=intake)
        formset = MedicationFormSet(instance=intake, prefix="medications")
    return render(
        request,
        "intake/self_intake.html",
        {
            "form": form,
            "formset": formset,
            "link": link,
            "token": token,
            "language": language,
            "first_name": link.patient.first_name,
            "clinic": ClinicProfile.current(),
        },
        status=400 if request.method == "POST" else 200,
    )


def _done_page(request, language):
    return render(
        request,
        "intake/self_intake_done.html",
        {"language": language, "clinic": ClinicProfile.current()},
    )
