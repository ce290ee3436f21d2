"""The practitioner works the plan page top to bottom on a tablet without losing their place."""

from playwright.sync_api import expect

from assessments.plans import services
from tests.assessments.plans.test_plan_services import with_stub_precautions
from tests.builders import pregnant_calf_cramps
from tests.e2e.conftest import sign_in
from tests.factories import TEST_PASSWORD, practitioner_user


def test_blockers_at_the_top_lead_to_the_item_and_answering_it_comes_back_there(
    tablet_page, screenshot, transactional_db
):
    page = tablet_page
    doc = practitioner_user(username="doc")
    intake, exam = pregnant_calf_cramps()
    plan = services.plan_generate(patient=intake.patient, intake=intake, exam=exam, by=doc)
    plan, massage = with_stub_precautions(plan)
    sign_in(page, "doc", TEST_PASSWORD)
    page.goto(f"/patients/{plan.patient_id}/plans/{plan.pk}/")

    top = page.get_by_test_id("sign-blockers-top")
    assert "1 thing still blocks signing" in top.inner_text()
    assert page.get_by_role("button", name="Sign plan").is_disabled()
    screenshot(page, "plan-blockers-tablet")
    top.get_by_role("link").click()
    page.wait_for_url(f"**#item-{massage.pk}")
    item = page.locator(f"#item-{massage.pk}")
    expect(item).to_be_in_viewport()  # after Bootstrap's smooth scroll

    # Reasons and sources are folded until asked for.
    why = item.get_by_test_id("item-why")
    assert not why.get_by_text("Sources: ").is_visible()
    why.locator("summary").click()
    assert why.get_by_text("Sources: ").is_visible()

    item.get_by_role("textbox", name="Reason for keeping").fill(
        "Side lying with pillows, gentle pressure only"
    )
    item.get_by_role("button", name="Keep with reason").click()
    page.wait_for_url(f"**#item-{massage.pk}")
    expect(page.locator(f"#item-{massage.pk}")).to_be_in_viewport()
    assert page.get_by_test_id("sign-blockers-top").count() == 0
    assert "Kept, with reason" in page.locator(f"#item-{massage.pk}").inner_text()

    # Reopened and signed.
    page.reload()
    page.get_by_role("button", name="Sign plan").click()
    assert page.get_by_test_id("plan-status").inner_text() == "Signed"
