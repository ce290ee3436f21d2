"""The staff page: the clinic admin manages people and roles, never privileges.

Cast: ada the clinic admin (signed in with her second step), fiona at the front desk, paul the
practitioner, root a superuser made on the command line.
"""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from clinic.models import AuditAction, AuditEvent, StaffProfile, signer_line
from clinic.roles import CLINIC_ADMIN, FRONT_DESK, PRACTITIONER
from tests.assessments.documents.pdf_reading import flat, full_text
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-brand-new-passphrase-42"


@pytest.fixture
def root(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


def signs_in(username, password, client=None):
    client = client or Client()
    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


def role_of(user):
    return list(user.groups.values_list("name", flat=True))


def edit(client, user, **changes):
    data = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": FRONT_DESK,
        "title": "",
        "registration_number": "",
        **changes,
    }
    return client.post(reverse("staff_edit", args=[user.pk]), data)


def test_the_clinic_admin_adds_a_user_with_a_role_and_credentials(
    clinic_admin_client, clinic_admin
):
    response = clinic_admin_client.post(
        reverse("staff_add"),
        {
            "username": "marie",
            "first_name": "Marie",
            "last_name": "Tremblay",
            "email": "marie@example.org",
            "role": PRACTITIONER,
            "title": "Physiotherapist",
            "registration_number": "PT-12345",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    marie = get_user_model().objects.get(username="marie")
    assert role_of(marie) == [PRACTITIONER]
    assert not marie.is_superuser and not marie.is_staff
    assert not marie.user_permissions.exists()
    assert marie.staff_profile.registration_number == "PT-12345"
    assert signs_in("marie", NEW_PASSWORD)
    event = AuditEvent.objects.get(action=AuditAction.USER_ADDED)
    assert event.user == clinic_admin
    assert event.object_id == str(marie.pk) and "marie" in event.detail
    listing = clinic_admin_client.get(reverse("staff_list")).content.decode()
    assert "marie" in listing and "PT-12345" in listing


def test_a_role_change_is_audited_naming_who_and_whom(
    clinic_admin_client, clinic_admin, front_desk
):
    fiona = Client()
    assert signs_in("fiona", TEST_PASSWORD, fiona)

    response = edit(clinic_admin_client, front_desk, role=PRACTITIONER)

    # New rights, new sign-in: fiona's open session ends.
    assert fiona.get(reverse("patient_list")).status_code == 302

    assert response.status_code == 302
    front_desk.refresh_from_db()
    assert role_of(front_desk) == [PRACTITIONER]
    event = AuditEvent.objects.get(action=AuditAction.ROLE_CHANGED)
    assert event.user == clinic_admin
    assert (event.object_type, event.object_id) == ("user", str(front_desk.pk))
    assert "fiona" in event.detail and FRONT_DESK in event.detail and PRACTITIONER in event.detail


def test_only_the_roles_can_be_given(clinic_admin_client, front_desk):
    superuser_group = Group.objects.create(name="Everything")
    superuser_group.permissions.set(Permission.objects.all())

    response = edit(clinic_admin_client, front_desk, role="Everything")

    assert response.status_code == 200
    assert role_of(front_desk) == [FRONT_DESK]


def test_the_clinic_admin_cannot_change_their_own_role_or_deactivate_themselves(
    clinic_admin_client, clinic_admin
):
    edit(clinic_admin_client, clinic_admin, role=FRONT_DESK)
    clinic_admin_client.post(reverse("staff_deactivate", args=[clinic_admin.pk]))

    clinic_admin.refresh_from_db()
    assert role_of(clinic_admin) == [CLINIC_ADMIN]
    assert clinic_admin.is_active
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.ROLE_CHANGED, AuditAction.USER_DEACTIVATED]
    ).exists()


def test_deactivating_ends_the_users_sessions_and_reactivating_lets_them_back(
    clinic_admin_client, clinic_admin, front_desk
):
    fiona = Client()
    assert signs_in("fiona", TEST_PASSWORD, fiona)
    assert fiona.get(reverse("patient_list")).status_code == 200

    clinic_admin_client.post(reverse("staff_deactivate", args=[front_desk.pk]))

    front_desk.refresh_from_db()
    assert not front_desk.is_active
    assert fiona.get(reverse("patient_list")).status_code == 302
    assert not [
        s
        for s in Session.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(front_desk.pk)
    ]
    assert not signs_in("fiona", TEST_PASSWORD)
    event = AuditEvent.objects.get(action=AuditAction.USER_DEACTIVATED)
    assert event.user == clinic_admin and event.object_id == str(front_desk.pk)

    clinic_admin_client.post(reverse("staff_reactivate", args=[front_desk.pk]))

    assert signs_in("fiona", TEST_PASSWORD)
    event = AuditEvent.objects.get(action=AuditAction.USER_REACTIVATED)
    assert event.user == clinic_admin and event.object_id == str(front_desk.pk)


def test_a_password_reset_sets_the_new_password_and_is_audited(
    clinic_admin_client, clinic_admin, front_desk
):
    response = clinic_admin_client.post(
        reverse("staff_password", args=[front_desk.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert signs_in("fiona", NEW_PASSWORD)
    assert not signs_in("fiona", TEST_PASSWORD)
    event = AuditEvent.objects.get(action=AuditAction.PASSWORD_RESET)
    assert event.user == clinic_admin and event.object_id == str(front_desk.pk)
    assert NEW_PASSWORD not in event.detail


def test_a_superusers_account_is_not_managed_from_the_staff_page(clinic_admin_client, root):
    for name in ["staff_edit", "staff_password"]:
        assert clinic_admin_client.get(reverse(name, args=[root.pk])).status_code == 403
    for name in ["staff_deactivate", "staff_password"]:
        response = clinic_admin_client.post(
            reverse(name, args=[root.pk]), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
        )
        assert response.status_code == 403
    root.refresh_from_db()
    assert root.is_active and root.check_password(TEST_PASSWORD)


def test_other_roles_cannot_use_the_staff_page(front_desk_client, practitioner_client, front_desk):
    for client in (front_desk_client, practitioner_client):
        assert edit(client, front_desk, role=CLINIC_ADMIN).status_code == 403
    assert role_of(front_desk) == [FRONT_DESK]


# --- The Django admin: no form the clinic admin can reach widens anyone's access -------------


class FormValues(HTMLParser):
    """What a browser would submit from the page's main form, as a dict for the test client."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self._add(name, attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def submitted_form(page):
    parser = FormValues()
    parser.feed(page.content.decode())
    return parser.data


def escalation_attempt(page):
    """The page's own form as the browser would send it, plus every way up: superuser,
    staff, every permission, every group, a password the attacker knows."""
    data = submitted_form(page)
    every_permission = [str(pk) for pk in Permission.objects.values_list("pk", flat=True)]
    every_group = [str(pk) for pk in Group.objects.values_list("pk", flat=True)]
    data.update(
        {
            "is_superuser": ["on"],
            "is_staff": ["on"],
            "is_active": ["on"],
            "user_permissions": every_permission,
            "permissions": every_permission,
            "groups": every_group,
            "password1": [NEW_PASSWORD],
            "password2": [NEW_PASSWORD],
            "usable_password": ["true"],
        }
    )
    return data


def admin_urls_for_every_model(obj_for):
    """(url, model) for the add and change page of every model registered in the admin."""
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        yield reverse("admin:{}_{}_add".format(*info)), model
        obj = obj_for(model)
        if obj is not None:
            yield reverse("admin:{}_{}_change".format(*info), args=[obj.pk]), model
        if model is get_user_model():
            yield reverse("admin:auth_user_password_change", args=[obj.pk]), model
    yield reverse("admin:password_change"), None  # the admin's own (redirects to ours)


def test_no_admin_form_the_clinic_admin_reaches_makes_anyone_a_superuser(
    clinic_admin_client, clinic_admin, front_desk
):
    from clinic.models import ClinicProfile

    ClinicProfile.objects.create(name="Clinique")

    def obj_for(model):
        if model is get_user_model():
            return clinic_admin
        if model is Group:
            return Group.objects.get(name=CLINIC_ADMIN)
        return model._default_manager.order_by("pk").first()

    def group_rights():
        return {
            g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()
        }

    rights_before = group_rights()
    reached = []
    for url, _model in admin_urls_for_every_model(obj_for):
        page = clinic_admin_client.get(url)
        if page.status_code == 200:
            reached.append(url)
            data = escalation_attempt(page)
        else:  # not reachable: try the escalation blind
            data = escalation_attempt(type("Page", (), {"content": b""})())
            data.update({"username": ["ada"], "name": ["x"]})
        response = clinic_admin_client.post(url, data)
        for user in (clinic_admin, front_desk):
            user.refresh_from_db()
            assert not user.is_superuser, url
            assert not user.user_permissions.exists(), url
            assert not user.check_password(NEW_PASSWORD), url
        assert role_of(clinic_admin) == [CLINIC_ADMIN], url
        assert role_of(front_desk) == [FRONT_DESK], url
        assert response.status_code in {200, 302, 403, 404}, url
        assert group_rights() == rights_before, url
    group = Group.objects.get(name=CLINIC_ADMIN)
    # The auth pages themselves are closed to the clinic admin.
    for url in [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[clinic_admin.pk]),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_change", args=[group.pk]),
    ]:
        assert clinic_admin_client.get(url).status_code == 403, url
    # The letterhead is still theirs.
    assert any("clinicprofile" in url for url in reached)


def test_a_superuser_still_manages_users_in_the_django_admin(root, front_desk):
    client = Client()
    client.force_login(root)
    assert client.get(reverse("admin:auth_user_change", args=[front_desk.pk])).status_code == 200


def test_a_letterhead_change_is_audited(clinic_admin_client, clinic_admin):
    from clinic.models import ClinicProfile

    profile = ClinicProfile.objects.create(name="Clinique")
    response = clinic_admin_client.post(
        reverse("admin:clinic_clinicprofile_change", args=[profile.pk]),
        {
            "name": "Clinique du Parc",
            "address": "1 rue X",
            "phone": "",
            "email": "",
            "page_size": "A4",
        },
    )

    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditAction.LETTERHEAD_CHANGED)
    assert event.user == clinic_admin and "name" in event.detail


def test_the_handout_paper_size_is_set_beside_the_letterhead(clinic_admin_client):
    from clinic.models import ClinicProfile, PageSize

    profile = ClinicProfile.objects.create(name="Clinique", page_size=PageSize.A4)
    url = reverse("admin:clinic_clinicprofile_change", args=[profile.pk])
    assert b'name="page_size"' in clinic_admin_client.get(url).content
    response = clinic_admin_client.post(
        url, {"name": "Clinique", "address": "", "phone": "", "email": "", "page_size": "LETTER"}
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.page_size == PageSize.LETTER
    event = AuditEvent.objects.get(action=AuditAction.LETTERHEAD_CHANGED)
    assert "page_size" in event.detail


# --- Credentials on documents ----------------------------------------------------------------


def test_the_signer_line_carries_title_and_registration_number(practitioner):
    practitioner.first_name, practitioner.last_name = "Paul", "Roy"
    assert signer_line(practitioner) == "Paul Roy"
    StaffProfile.objects.create(
        user=practitioner, title="Physiotherapist", registration_number="PT-9"
    )
    practitioner = get_user_model().objects.get(pk=practitioner.pk)
    practitioner.first_name, practitioner.last_name = "Paul", "Roy"
    assert signer_line(practitioner) == "Paul Roy, Physiotherapist (Reg. no. PT-9)"


def test_credentials_set_on_the_staff_page_print_on_the_care_plan_and_the_letter(
    clinic_admin_client, practitioner, practitioner_client
):
    from tests.builders import signed_plan

    edit(
        clinic_admin_client,
        practitioner,
        role=PRACTITIONER,
        first_name="Paul",
        last_name="Roy",
        title="Physiotherapist",
        registration_number="PT-77881",
    )
    practitioner.refresh_from_db()
    plan = signed_plan(practitioner, statin=True)

    care_plan = flat(full_text(bytes(plan.signed_document.pdf)))
    letter = practitioner_client.get(
        reverse(
            "plan_letter_pdf",
            kwargs={
                "patient_pk": plan.patient_id,
                "pk": plan.pk,
                "key": "medical_referral.medication_review",
            },
        )
    )
    letter_text = flat(full_text(letter.content))
    for text in (care_plan, letter_text):
        assert "Paul Roy, Physiotherapist" in text
        assert "PT-77881" in text
    assert AuditEvent.objects.filter(
        action=AuditAction.CREDENTIALS_CHANGED, object_id=str(practitioner.pk)
    ).exists()
