"""The plan page is worked top to bottom without losing one's place."""

import pytest
from django.urls import reverse

from assessments.plans import services
from tests.assessments.plans.test_plan_services import with_stub_precautions
from tests.builders import pregnant_calf_cramps

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(practitioner):
    intake, exam = pregnant_calf_cramps()
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=practitioner)
    plan, _massage = with_stub_precautions(plan)  # one contraindication to answer
    return plan


def url(name, plan, **extra):
    return reverse(name, kwargs={"patient_pk": plan.patient_id, "pk": plan.pk, **extra})


def _blocked_item(plan):
    return next(item for item in plan.items.filter(removed=False) if item.precaution_keys)


def test_what_blocks_signing_is_listed_at_the_top_with_a_link_to_each_item(
    practitioner_client, plan
):
    item = _blocked_item(plan)

    page = practitioner_client.get(url("plan_detail", plan)).content.decode()

    top = page.index('data-testid="sign-blockers-top"')
    assert top < page.index('id="assessment"')
    assert f'href="#item-{item.pk}"' in page[top : page.index("</nav>", top)]
    assert f'id="item-{item.pk}"' in page


def test_a_precaution_answered_returns_to_its_item(practitioner_client, plan):
    item = _blocked_item(plan)

    response = practitioner_client.post(
        url("plan_precaution_override", plan, item_pk=item.pk),
        {
            "precaution_key": "stub.no_deep_pressure",
            "reason": "Side-lying only",
            "version": plan.version,
        },
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{item.pk}")


def test_an_edited_item_returns_to_itself(practitioner_client, plan):
    item = plan.items.filter(removed=False).first()

    response = practitioner_client.post(
        url("plan_item_edit", plan, item_pk=item.pk),
        {
            "component": item.component,
            "title": item.title,
            "instructions": "Three times a day.",
            "dosage": item.dosage,
            "version": plan.version,
        },
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{item.pk}")


def test_a_forged_anchor_is_ignored(practitioner_client, plan):
    response = practitioner_client.post(
        url("plan_red_flag_clear", plan),
        {"return_to": '"><script>', "flag_key": "nope", "kind": "override", "version": 0},
    )

    assert "#" not in response["Location"]


def test_reasons_and_sources_are_folded_and_assessment_and_plan_are_split(
    practitioner_client, plan
):
    page = practitioner_client.get(url("plan_detail", plan)).content.decode()

    assert 'data-testid="item-why"' in page
    assert page.index('id="assessment"') < page.index('id="plan"')
