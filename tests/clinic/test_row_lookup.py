"""The session and the user are read with SQL compiled once: the same rows the ORM reads."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from clinic.auth_backend import ClinicBackend
from clinic.row_lookup import RowLookup
from clinic.session_store import SessionStore

pytestmark = pytest.mark.django_db


def _values(instance):
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_a_user_read_by_id_is_the_one_the_orm_reads_time_zones_included(practitioner):
    practitioner.last_login = timezone.now()
    practitioner.save()
    user_model = get_user_model()
    by_orm = user_model.objects.get(pk=practitioner.pk)
    found = RowLookup(user_model, "pk", 0).get(practitioner.pk)
    assert _values(found) == _values(by_orm)
    assert timezone.is_aware(found.last_login) and timezone.is_aware(found.date_joined)
    assert not found._state.adding  # saving it updates the row, as with the ORM's instance
    found.first_name = "Paulo"
    found.save()
    assert user_model.objects.get(pk=practitioner.pk).first_name == "Paulo"
    assert user_model.objects.count() == 1


def test_an_id_that_is_not_there_reads_nothing(practitioner):
    assert RowLookup(get_user_model(), "pk", 0).get(practitioner.pk + 1000) is None


def test_a_closed_account_is_not_signed_in_by_the_backend(practitioner):
    assert ClinicBackend().get_user(practitioner.pk) == practitioner
    practitioner.is_active = False
    practitioner.save()
    assert ClinicBackend().get_user(practitioner.pk) is None
    assert ClinicBackend().get_user(practitioner.pk + 1000) is None


def test_a_lookup_that_is_not_one_column_is_refused():
    with pytest.raises(ValueError):
        RowLookup(Session, "expire_date__range", (timezone.now(), timezone.now())).get(None)


def test_a_stored_session_is_read_back_and_an_expired_one_is_not():
    store = SessionStore()
    store["note"] = "kept"
    store.save()
    assert SessionStore(store.session_key).load() == {"note": "kept"}

    Session.objects.filter(pk=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None  # a new key is made on save, never the old one reused


def test_signing_in_and_opening_a_page_goes_through_the_compiled_reads(client, practitioner):
    from tests.factories import TEST_PASSWORD

    response = client.post(
        reverse("login"), {"username": practitioner.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("patient_list")).status_code == 200
    Session.objects.all().update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("patient_list")).status_code == 302  # back to the sign-in page


def test_a_values_query_compiled_once_returns_the_rows_the_orm_returns(practitioner, front_desk):
    from django.contrib.auth.models import Group

    from clinic.row_lookup import ValuesLookup

    def groups_of(user_id):
        return Group.objects.filter(user=user_id).values_list("name", "permissions__codename")

    lookup = ValuesLookup(groups_of, 0)
    for user in (practitioner, front_desk):
        assert sorted(lookup.rows(user.pk)) == sorted(groups_of(user.pk))
        assert lookup.rows(user.pk)  # each has a role with rights
    assert lookup.rows(practitioner.pk + front_desk.pk + 1000) == []


def test_a_values_query_that_needs_converting_or_has_other_parameters_is_refused(practitioner):
    from assessments.models import TreatmentPlan
    from clinic.row_lookup import ValuesLookup

    user_model = get_user_model()
    stored = ValuesLookup(
        lambda pk: TreatmentPlan.objects.filter(pk=pk).values_list("assessment"), 0
    )
    with pytest.raises(ValueError):  # JSON is decoded by the field's converter
        stored.rows(1)
    fixed = ValuesLookup(
        lambda pk: user_model.objects.filter(pk=pk, username="paul").values_list("pk"), 0
    )
    with pytest.raises(ValueError):
        fixed.rows(practitioner.pk)
