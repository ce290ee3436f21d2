import pytest

from tests.factories import (
    PatientFactory,
    UserFactory,
    clinic_admin_user,
    front_desk_user,
    practitioner_user,
    sign_in_with_second_step,
)
from tests.smtp_server import smtp_inbox  # noqa: F401  (a fixture for every test)


@pytest.fixture
def front_desk(db):
    return front_desk_user(username="fiona")


@pytest.fixture
def practitioner(db):
    return practitioner_user(username="paul")


@pytest.fixture
def clinic_admin(db):
    return clinic_admin_user(username="ada")


@pytest.fixture
def no_role_user(db):
    return UserFactory(username="norole")


@pytest.fixture
def patient(db):
    return PatientFactory(first_name="Élodie", last_name="Lefèvre")


def _client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


@pytest.fixture
def front_desk_client(front_desk):
    from django.test import Client

    return _client_for(Client, front_desk)


@pytest.fixture
def practitioner_client(practitioner):
    from django.test import Client

    return _client_for(Client, practitioner)


@pytest.fixture
def clinic_admin_client(clinic_admin):
    from django.test import Client

    # The clinic admin must pass the second step (TOTP) before any page opens.
    return sign_in_with_second_step(Client(), clinic_admin)


def _register_clinic_date_strategy():
    """hypothesis.extra.django.from_form looks fields up by exact type: teach it ours.

    ClinicDateField (clinic/dates.py) takes what a DateField takes; the range is one every date
    field on the forms accepts (a birth date is at most 120 years ago and not in the future).
    """
    from datetime import date

    from hypothesis import strategies as st
    from hypothesis.extra.django import register_field_strategy

    from clinic.dates import ClinicDateField

    register_field_strategy(
        ClinicDateField, st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31))
    )


_register_clinic_date_strategy()
