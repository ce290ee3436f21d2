"""Hostile input through the plan forms never gives a server error; markup stays text.

Same approach as tests/clinic/test_hostile_input.py: a valid post with some fields replaced
by hostile values, in a transaction rolled back after each example.
"""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from assessments.plans import services
from tests.assessments.documents.pdf_reading import flat, full_text
from tests.builders import pregnant_calf_cramps
from tests.hostile import (
    PROPERTY,
    SCRIPT,
    assert_no_server_error,
    hostile_overrides,
    rolled_back,
)

pytestmark = pytest.mark.django_db

FORMS = {
    "plan_details": {"impression": "Calf cramps", "visit_frequency": "weekly", "review_date": ""},
    "plan_item_add": {
        "component": "home_care",
        "title": "Heat",
        "instructions": "Warm pack",
        "dosage": "10 min",
    },
    "plan_goal_add": {"text": "Fewer cramps", "baseline": "5", "target": "2"},
    "plan_factor_dismiss": {"factor_key": "night_calf_cramps", "reason": "Not relevant here"},
    "plan_red_flag_clear": {
        "flag_key": "x",
        "kind": "doctor",
        "doctor_name": "Dr Roy",
        "seen_on": "2024-03-01",
        "reason": "Seen by GP",
    },
    "plan_withheld_item_add": {"item_key": "home_care.sleep_position", "reason": "Checked"},
    "plan_deferred_item_add": {"item_key": "stretching.calf"},
    "plan_amend": {"reason": "Change"},
}


@pytest.fixture
def plan(practitioner):
    intake, exam = pregnant_calf_cramps()
    return services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)


@PROPERTY
@given(name=st.sampled_from(sorted(FORMS)), data=st.data())
def test_plan_forms_never_fail_on_hostile_input(practitioner_client, plan, name, data):
    base = {**FORMS[name], "version": str(plan.version)}
    overrides = data.draw(hostile_overrides([*base]))
    url = reverse(name, kwargs={"patient_pk": plan.patient_id, "pk": plan.pk})
    with rolled_back():
        assert_no_server_error(practitioner_client.post(url, {**base, **overrides}))
        page = practitioner_client.get(reverse("plan_detail", args=[plan.patient_id, plan.pk]))
        assert page.status_code == 200
        assert SCRIPT not in page.content.decode()


def test_markup_in_the_impression_is_text_on_the_page_and_in_the_pdf(practitioner_client, plan):
    hostile = f"{SCRIPT} <b>bold</b> & S&P"
    details = reverse("plan_details", kwargs={"patient_pk": plan.patient_id, "pk": plan.pk})
    practitioner_client.post(
        details, {"impression": hostile, "visit_frequency": "weekly", "version": plan.version}
    )

    page = practitioner_client.get(reverse("plan_detail", args=[plan.patient_id, plan.pk]))
    pdf = practitioner_client.get(reverse("plan_pdf", args=[plan.patient_id, plan.pk]))

    assert SCRIPT not in page.content.decode()
    assert "&lt;script&gt;" in page.content.decode()
    assert flat(hostile) in flat(full_text(pdf.content))
