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


def _orm_plan(plan):
    from assessments.models import TreatmentPlan

    return (
        TreatmentPlan.objects.select_related("signed_by", "created_by", "previous")
        .defer("previous__assessment")
        .get(pk=plan.pk, patient=plan.patient_id)
    )


def test_a_plan_read_with_its_joins_compiled_once_is_the_one_the_orm_reads(practitioner):
    from assessments.plans import services as plan_services
    from assessments.plans.selectors import get_plan
    from tests.interop.records import whole_patient

    record = whole_patient(practitioner)
    v1, v2, patient = record["v1"], record["v2"], record["patient"]
    draft = plan_services.plan_amend(plan=v2, reason="Back at work", by=practitioner)
    for plan in (v1, v2, draft):
        read, orm = get_plan(patient, plan.pk), _orm_plan(plan)
        assert _values(read) == _values(orm)
        assert read.get_deferred_fields() == orm.get_deferred_fields() == set()
        for related in ("signed_by", "created_by", "previous"):
            mine, theirs = getattr(read, related), getattr(orm, related)
            assert mine == theirs
            assert read._state.fields_cache.keys() >= {related}  # joined, not read on access
            if theirs is not None:
                assert _values_loaded(mine) == _values_loaded(theirs)
                assert mine.get_deferred_fields() == theirs.get_deferred_fields()
    # The amendment's previous version came with the join, its stored assessment left unread.
    assert get_plan(patient, v2.pk).previous.get_deferred_fields() == {"assessment"}
    assert get_plan(patient, draft.pk).signed_by is None
    assert get_plan(patient, v2.pk).signed_at == v2.signed_at  # time zone converted


def _values_loaded(instance):
    deferred = instance.get_deferred_fields()
    return {
        f.attname: getattr(instance, f.attname)
        for f in type(instance)._meta.concrete_fields
        if f.attname not in deferred
    }


@pytest.mark.parametrize("guess", ["abc", None, -1, 0, 2**63, 10**30])
def test_a_guessed_plan_id_or_another_patients_plan_is_not_found(practitioner, guess):
    from django.http import Http404

    from assessments.plans.selectors import get_plan
    from tests.interop.records import whole_patient

    record = whole_patient(practitioner)
    other = whole_patient(practitioner)
    with pytest.raises(Http404):
        get_plan(record["patient"], guess)
    with pytest.raises(Http404):
        get_plan(record["patient"], other["v1"].pk)
    assert get_plan(other["patient"], other["v1"].pk) == other["v1"]


def test_a_query_whose_ids_are_not_each_one_parameter_is_refused(practitioner):
    from clinic.row_lookup import CompiledGet

    user_model = get_user_model()
    with pytest.raises(ValueError):
        CompiledGet(lambda pk, other: user_model.objects.filter(pk=pk), pk=5, other=5)
    with pytest.raises(ValueError):  # an id the query never uses
        CompiledGet(lambda pk, other: user_model.objects.filter(pk=pk), pk=5, other=6).get(
            pk=practitioner.pk, other=1
        )
    with pytest.raises(ValueError):  # a value of the query's own that is not an id
        CompiledGet(lambda pk: user_model.objects.filter(pk=pk, username="someone"), pk=5).get(
            pk=practitioner.pk
        )
    found = CompiledGet(lambda pk: user_model.objects.filter(pk=pk), pk=5).get(pk=practitioner.pk)
    assert found == practitioner
    with pytest.raises(user_model.DoesNotExist):
        CompiledGet(lambda pk: user_model.objects.filter(pk=pk), pk=5).get(pk=practitioner.pk + 99)
