from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clinic.access import get_patient
from clinic.audit import record_event
from clinic.models import AuditAction
from clinic.pagination import countless_page
from clinic.roles import permission_required
from intake.patients import services
from intake.patients.forms import (
    PatientArchiveForm,
    PatientForm,
    PatientSearchForm,
    registration_initial,
    registration_initial_from,
)
from intake.patients.selectors import near_patients, record_history, search_patients

PATIENTS_PER_PAGE = 25
# What the list shows of each patient (a patient row has some thirty columns, two of them phone
# numbers that are parsed as they are read).
LIST_COLUMNS = ("first_name", "last_name", "date_of_birth", "phone", "archived_at")
HISTORY_PER_PAGE = 50


@permission_required("intake.view_patient")
def patient_list(request):
    form = PatientSearchForm(request.GET or None)
    patients = search_patients()
    searched = False
    near = []
    if form.is_bound and form.is_valid():
        searched = bool(form.cleaned_data["q"] or form.cleaned_data["date_of_birth"])
        patients = search_patients(
            query=form.cleaned_data["q"],
            date_of_birth=form.cleaned_data["date_of_birth"],
            include_archived=form.cleaned_data["include_archived"],
            region=settings.PHONENUMBER_DEFAULT_REGION,
        )
    page = countless_page(patients.only(*LIST_COLUMNS), request.GET.get("page"), PATIENTS_PER_PAGE)
    if searched and page.number == 1 and not page.has_next:
        # Room left on the only page: names one typo away, after the exact matches.
        near = near_patients(
            query=form.cleaned_data["q"],
            exclude=[patient.pk for patient in page.object_list],
            limit=PATIENTS_PER_PAGE - len(page.object_list),
            date_of_birth=form.cleaned_data["date_of_birth"],
            include_archived=form.cleaned_data["include_archived"],
            columns=LIST_COLUMNS,
        )
    query_string = request.GET.copy()
    query_string.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "near": near,
        # Exact matches, then names one typo away (marked in the list).
        "rows": [(patient, False) for patient in page.object_list]
        + [(patient, True) for patient in near],
        "searched": searched,
        "query_string": query_string.urlencode(),
        "register_query": (
            urlencode(registration_initial(form.cleaned_data["q"])) if searched else ""
        ),
    }
    return render(request, "intake/patient_list.html", context)


@permission_required("intake.add_patient")
@require_http_methods(["GET", "POST"])
def patient_register(request):
    # From a search that found nobody: the name or phone typed there, to check and complete.
    # The duplicate check runs on the post as for any registration.
    initial = registration_initial_from(request.GET) if request.method == "GET" else None
    form = PatientForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        patient = services.patient_register(
            data=form.cleaned_data,
            consent_treatment=form.cleaned_data["consent_treatment"],
            consent_privacy=form.cleaned_data["consent_privacy"],
            by=request.user,
            request=request,
        )
        messages.success(
            request,
            _("%(name)s is registered with record number %(number)s.")
            % {"name": patient.full_name, "number": patient.record_number},
        )
        return redirect("patient_chart", pk=patient.pk)
    return render(request, "intake/patient_form.html", {"form": form, "patient": None})


@permission_required("intake.view_patient")
def patient_chart(request, pk):
    patient = get_patient(pk)
    record_event(request=request, action=AuditAction.PATIENT_VIEWED, patient=patient)
    context = {
        "patient": patient,
        # Only what the list shows (an intake row has about eighty columns).
        "intakes": patient.intakes.only(
            "pk", "patient_id", "created_at", "source", "status"
        ).order_by("-created_at", "-pk")[:20],
        "can_see_access_log": request.user.has_perm("intake.view_patient_history"),
        "recent_access": (
            patient.audit_events.select_related("user")[:10]
            if request.user.has_perm("intake.view_patient_history")
            else []
        ),
    }
    return render(request, "intake/patient_chart.html", context)


@permission_required("intake.change_patient")
@require_http_methods(["GET", "POST"])
def patient_edit(request, pk):
    patient = get_patient(pk)
    form = PatientForm(request.POST or None, instance=patient)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.patient_update(
                patient=patient,
                data=form.cleaned_data,
                expected_version=form.expected_version,
                consent_treatment=form.cleaned_data["consent_treatment"],
                consent_privacy=form.cleaned_data["consent_privacy"],
                by=request.user,
                request=request,
            )
        except services.ConcurrentEditError as error:
            conflict = error.current
            form.add_error(None, error.message)
            form.take_version(conflict)
        else:
            messages.success(request, _("The patient's details are saved."))
            return redirect("patient_chart", pk=patient.pk)
    return render(
        request,
        "intake/patient_form.html",
        {"form": form, "patient": patient, "conflict": conflict},
    )


@permission_required("intake.archive_patient")
@require_http_methods(["GET", "POST"])
def patient_archive(request, pk):
    patient = get_patient(pk)
    form = PatientArchiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.patient_archive(
            patient=patient, reason=form.cleaned_data["reason"], by=request.user, request=request
        )
        messages.success(request, _("The patient is archived. Their record is kept."))
        return redirect("patient_chart", pk=patient.pk)
    return render(request, "intake/patient_archive.html", {"form": form, "patient": patient})


@permission_required("intake.view_patient", "intake.view_patient_history")
def patient_history(request, pk):
    """Who changed what in the patient's record and intakes, with the old and new values."""
    patient = get_patient(pk)
    page = Paginator(record_history(patient), HISTORY_PER_PAGE).get_page(request.GET.get("page"))
    record_event(
        request=request,
        action=AuditAction.HISTORY_VIEWED,
        patient=patient,
        detail=f"page {page.number}",
    )
    return render(request, "intake/patient_history.html", {"patient": patient, "page": page})
