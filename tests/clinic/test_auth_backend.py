"""The sign-in backend answers what Django's ModelBackend answers, with one query, per request.

Each case compares ClinicBackend with ModelBackend on two fresh copies of the same user (the
caches live on the user object), so a difference in any permission or role shows.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clinic.auth_backend import ClinicBackend
from clinic.roles import CLINIC_ADMIN, FRONT_DESK, PRACTITIONER, role_names
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def _both(user):
    """(ModelBackend's answer, ClinicBackend's answer) for every question a page asks."""
    answers = []
    for backend in (ModelBackend(), ClinicBackend()):
        copy = _fresh(user)
        answers.append(
            {
                "all": backend.get_all_permissions(copy),
                "user": backend.get_user_permissions(copy),
                "group": backend.get_group_permissions(copy),
                "confirm": backend.has_perm(copy, "intake.confirm_intake"),
                "sign": backend.has_perm(copy, "assessments.sign_treatmentplan"),
            }
        )
    return answers


def test_a_practitioner_gets_the_same_rights_as_from_model_backend(practitioner):
    model, clinic = _both(practitioner)
    assert clinic == model
    assert clinic["sign"] is True
    assert "auth.change_user" not in clinic["all"]


def test_a_right_granted_to_one_person_outside_any_group_counts(front_desk):
    front_desk.user_permissions.add(_permission("intake.confirm_intake"))
    model, clinic = _both(front_desk)
    assert clinic == model
    assert clinic["confirm"] is True
    assert clinic["user"] == {"intake.confirm_intake"}
    assert "intake.confirm_intake" not in clinic["group"]
    assert clinic["sign"] is False


def test_two_roles_add_up_and_the_roles_are_listed_in_the_table_order(front_desk):
    front_desk.groups.add(Group.objects.get(name=CLINIC_ADMIN))
    model, clinic = _both(front_desk)
    assert clinic == model
    assert "auth.change_user" in clinic["all"] and "intake.add_patient" in clinic["all"]
    assert role_names(_fresh(front_desk)) == [FRONT_DESK, CLINIC_ADMIN]


def test_a_user_with_no_role_may_do_nothing(no_role_user):
    model, clinic = _both(no_role_user)
    assert clinic == model
    assert clinic["all"] == set()
    assert role_names(_fresh(no_role_user)) == []


def test_a_closed_account_may_do_nothing_even_with_a_role(practitioner):
    practitioner.is_active = False
    practitioner.save()
    model, clinic = _both(practitioner)
    assert clinic == model
    assert clinic["all"] == set() and clinic["sign"] is False


def test_a_superuser_has_every_permission_as_with_model_backend():
    root = UserFactory(username="root", is_superuser=True)
    model, clinic = _both(root)
    assert clinic == model
    assert clinic["all"] == {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    }


def test_rights_and_roles_are_read_with_one_query(practitioner):
    user = _fresh(practitioner)
    with CaptureQueriesContext(connection) as queries:
        assert user.has_perm("assessments.sign_treatmentplan")
        assert not user.has_perm("auth.change_user")
        assert role_names(user) == [PRACTITIONER]
    assert len(queries) == 1


def test_a_role_taken_away_counts_on_the_very_next_page(practitioner, practitioner_client):
    """Nothing is kept between requests: the next page reads the groups again."""
    page = reverse("patient_list")
    assert practitioner_client.get(page).status_code == 200
    practitioner.groups.clear()
    assert practitioner_client.get(page).status_code == 403


def test_the_navigation_shows_the_role_read_with_the_rights(practitioner_client):
    body = practitioner_client.get(reverse("patient_list")).content.decode()
    signed_in_as = re.search(r'data-testid="signed-in-as"[^>]*>(.*?)</a>', body, re.S).group(1)
    assert " ".join(signed_in_as.split()).endswith("· Practitioner")
