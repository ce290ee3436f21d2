"""The home page's "Today" queue, at the front desk's desktop and for the practitioner."""

import re

from django.utils import timezone

from assessments.plans import services as plan_services
from tests.e2e.conftest import sign_in
from tests.factories import (
    TEST_PASSWORD,
    IntakeFactory,
    PatientFactory,
    confirmed_intake,
    finished_exam,
    front_desk_user,
    practitioner_user,
)


def test_each_role_starts_the_day_from_what_waits_for_it(page, screenshot, transactional_db):
    desk = front_desk_user(username="desk")
    doc = practitioner_user(username="doc")
    draft = IntakeFactory(
        patient=PatientFactory(first_name="Lise", last_name="Dufour"),
        status="draft",
        source="front_desk",
        created_by=desk,
    )
    IntakeFactory(
        patient=PatientFactory(first_name="Omar", last_name="Haddad"),
        status="submitted",
        submitted_at=timezone.now(),
    )
    intake = confirmed_intake(patient=PatientFactory(first_name="Rita", last_name="Lamy"))
    plan = plan_services.plan_generate(
        patient=intake.patient, intake=intake, exam=finished_exam(intake), by=doc
    )
    plan = plan_services.plan_sign(plan=plan, expected_version=plan.version, by=doc)

    # The front desk: its unfinished draft and the signed plan to print; no clinical review.
    sign_in(page, "desk", TEST_PASSWORD)
    page.goto("/")
    assert page.get_by_role("heading", name="Today").is_visible()
    assert page.get_by_test_id("today-intakes-to-review").count() == 0
    to_print = page.get_by_test_id("today-plans-to-print")
    assert "Rita Lamy" in to_print.inner_text()
    screenshot(page, "today-front-desk-desktop")
    pdf = page.request.get(to_print.get_by_role("link", name="Print").get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    page.reload()
    assert "Rita Lamy" not in page.get_by_test_id("today-plans-to-print").inner_text()
    page.get_by_test_id("today-drafts").get_by_role("link", name="Lise Dufour").click()
    page.wait_for_url(re.compile(rf"/patients/{draft.patient_id}/intakes/{draft.pk}/edit/$"))
    page.get_by_role("button", name="Sign out").click()

    # The practitioner: the submitted intake waits for review; one click opens it.
    sign_in(page, "doc", TEST_PASSWORD)
    page.goto("/")
    review = page.get_by_test_id("today-intakes-to-review")
    assert "Omar Haddad" in review.inner_text()
    assert "Lise Dufour" not in page.get_by_test_id("today-drafts").inner_text()
    screenshot(page, "today-practitioner-desktop")
    review.get_by_role("link", name="Omar Haddad").click()
    assert page.get_by_test_id("intake-status").inner_text() == "Submitted, awaiting review"
