"""Any page number in a list's address gives a page (the last one past the end), never a 500."""

import pytest
from django.urls import reverse

from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db

ODD_PAGE_NUMBERS = [
    "99999999999999999999999",
    "9223372036854775808",  # one past SQLite's and PostgreSQL's biggest integer
    "1000001",
    "abc",
    "-3",
    "0",
    "",
    "1.5",
    "9" * 5000,  # more digits than Python will turn into an int
]


@pytest.fixture
def thirty_patients(db):
    return [PatientFactory(last_name=f"Name{n:02d}") for n in range(30)]


@pytest.mark.parametrize("number", ODD_PAGE_NUMBERS)
def test_the_patient_list_answers_any_page_number(front_desk_client, thirty_patients, number):
    response = front_desk_client.get(reverse("patient_list"), {"page": number})

    assert response.status_code == 200
    assert response.context["page"].object_list  # never an empty page while there are patients


def test_a_page_past_the_end_is_the_last_page(front_desk_client, thirty_patients):
    response = front_desk_client.get(reverse("patient_list"), {"page": "99999999999999999999999"})

    page = response.context["page"]
    assert page.number == 2
    assert [p.last_name for p in page.object_list] == [
        "Name25",
        "Name26",
        "Name27",
        "Name28",
        "Name29",
    ]
    assert not page.has_next


def test_a_search_with_a_page_past_the_end_keeps_the_search(front_desk_client, thirty_patients):
    response = front_desk_client.get(reverse("patient_list"), {"q": "name2", "page": "7"})

    page = response.context["page"]
    assert page.number == 1
    assert {p.last_name for p in page.object_list} == {f"Name2{n}" for n in range(10)}


def test_an_empty_list_is_page_one(front_desk_client):
    response = front_desk_client.get(reverse("patient_list"), {"page": "99999999999999999999999"})

    assert response.status_code == 200
    assert response.context["page"].number == 1


@pytest.mark.parametrize("number", ODD_PAGE_NUMBERS)
def test_the_change_history_answers_any_page_number(practitioner_client, patient, number):
    response = practitioner_client.get(
        reverse("patient_history", args=[patient.pk]), {"page": number}
    )

    assert response.status_code == 200
