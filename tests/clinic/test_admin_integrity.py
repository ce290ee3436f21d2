"""The admin is no back door: the audit trail is append-only and clinical records are read-only
there, even for a superuser."""

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from assessments.models import Exam
from clinic.audit import record_event
from clinic.models import AuditAction, AuditEvent
from intake.models import Intake, Patient
from tests.factories import ExamFactory, IntakeFactory, UserFactory

pytestmark = pytest.mark.django_db

CLINICAL_APPS = ["intake", "assessments"]


@pytest.fixture
def event(patient, front_desk):
    return record_event(
        request=None, action=AuditAction.PATIENT_VIEWED, patient=patient, user=front_desk
    )


@pytest.fixture
def superuser_client():
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


@pytest.fixture(params=["clinic_admin", "superuser"])
def admin_client_(request, clinic_admin_client):
    if request.param == "clinic_admin":
        return clinic_admin_client
    return request.getfixturevalue("superuser_client")


def test_the_admin_cannot_change_or_delete_an_audit_event(admin_client_, event):
    change = reverse("admin:clinic_auditevent_change", args=[event.pk])
    delete = reverse("admin:clinic_auditevent_delete", args=[event.pk])
    before = AuditEvent.objects.filter(pk=event.pk).values().get()

    assert admin_client_.post(change, {"action": "login", "detail": "edited"}).status_code == 403
    assert admin_client_.get(delete).status_code == 403
    assert admin_client_.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client_.get(reverse("admin:clinic_auditevent_add")).status_code == 403

    assert AuditEvent.objects.filter(pk=event.pk).values().get() == before


def test_the_bulk_delete_action_is_not_offered_for_audit_events(admin_client_, event):
    changelist = reverse("admin:clinic_auditevent_changelist")

    page = admin_client_.get(changelist)
    response = admin_client_.post(
        changelist, {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"}
    )

    assert page.status_code == 200
    assert "delete_selected" not in page.content.decode()
    assert response.status_code in {200, 302, 403}
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.parametrize("model", [Patient, Intake, Exam])
def test_patients_intakes_and_exams_are_not_editable_in_the_admin(model):
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        return  # not in the admin at all
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(username="root", is_staff=True, is_superuser=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_every_clinical_model_in_the_admin_is_read_only():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(username="root", is_staff=True, is_superuser=True)
    editable = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in CLINICAL_APPS
        and (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        )
    ]
    assert editable == []


def test_a_posted_change_to_a_patient_intake_or_exam_through_the_admin_is_refused(
    superuser_client, patient, practitioner
):
    intake = IntakeFactory(patient=patient)
    exam = ExamFactory(patient=patient, practitioner=practitioner)
    for obj in (patient, intake, exam):
        meta = obj._meta
        url_name = f"admin:{meta.app_label}_{meta.model_name}_change"
        if obj.__class__ not in admin.site._registry:
            continue
        response = superuser_client.post(reverse(url_name, args=[obj.pk]), {"status": "x"})
        assert response.status_code == 403, meta.label
        delete = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])
        assert superuser_client.post(delete, {"post": "yes"}).status_code == 403, meta.label
    assert Patient.objects.filter(pk=patient.pk).exists()
    assert Intake.objects.filter(pk=intake.pk).exists()
    assert Exam.objects.filter(pk=exam.pk).exists()
