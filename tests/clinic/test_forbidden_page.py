"""A 403 says what the user's role may do, and the console shows no traceback for it."""

import logging

import pytest
from django.urls import reverse

from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db


def test_the_front_desk_is_told_what_its_role_may_do(front_desk_client):
    patient = PatientFactory()

    response = front_desk_client.get(reverse("exam_new", args=[patient.pk]))

    assert response.status_code == 403
    page = response.content.decode()
    assert "Front desk" in page
    assert "Register, find and edit patients" in page
    assert "Print signed care plans" in page
    assert "Record exams" not in page  # another role's
    assert "Traceback" not in page


def test_the_clinic_admin_is_told_their_role_has_no_patient_records(clinic_admin_client):
    response = clinic_admin_client.get(reverse("patient_list"))

    assert response.status_code == 403
    assert "Manage staff accounts and roles" in response.content.decode()


def test_a_user_without_a_role_is_told_to_ask_for_one(no_role_user, client):
    client.force_login(no_role_user)

    response = client.get(reverse("patient_list"))

    assert response.status_code == 403
    assert "no role yet" in response.content.decode()


def test_a_403_is_one_line_in_the_console_with_no_traceback(front_desk_client, capsys):
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
    patient = PatientFactory()

    front_desk_client.get(reverse("exam_new", args=[patient.pk]))

    console = capsys.readouterr().err
    assert "Forbidden" in console
    assert "Traceback" not in console
