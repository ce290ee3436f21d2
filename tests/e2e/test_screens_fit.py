"""Every main screen fits phones, tablets and desktops; screenshots for review.

The demo's whole-episode patient (seed_demo) is opened at three sizes: the chart (with its
outcome charts), the intake, the exam form (with the spinal grid) and the plan page. Nothing
may overflow the screen sideways; the screenshots land in test-artifacts/ (git-ignored).
"""

import pytest
from django.core.management import call_command

from assessments.models import ExamStatus
from intake.models import Patient
from tests.e2e.conftest import sign_in
from tests.factories import ExamFactory

SIZES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "tablet": {"viewport": {"width": 820, "height": 1180}, "has_touch": True},
    "desktop": {"viewport": {"width": 1366, "height": 900}},
}


def _overflow(page):
    """How many CSS pixels the page is wider than the screen (0 when it fits)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def _fits(page, locator):
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1


@pytest.mark.parametrize("size", list(SIZES))
def test_chart_intake_exam_and_plan_fit_the_screen(
    size, browser, live_server, screenshot, transactional_db, settings
):
    from django.apps import apps

    from clinic.roles import sync_group_permissions

    settings.DEBUG = True  # seed_demo runs on a development setup only
    sync_group_permissions(apps)  # the role groups, emptied by the previous browser test
    call_command("seed_demo", verbosity=0)
    patient = Patient.objects.get(first_name="Zoë", last_name="Martin")
    intake = patient.intakes.get()
    plan = patient.treatment_plans.get()
    draft_exam = ExamFactory(
        patient=patient, intake=intake, practitioner=plan.created_by, status=ExamStatus.DRAFT
    )
    context = browser.new_context(base_url=live_server.url, locale="en-GB", **SIZES[size])
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        sign_in(page, "practitioner", "demo-clinic-2026")

        page.goto(f"/patients/{patient.pk}/")
        assert page.get_by_test_id("patient-age").is_visible()
        chart = page.locator(".trend-chart svg").first
        chart.scroll_into_view_if_needed()
        assert _fits(page, chart), "the outcome chart is wider than the screen"
        assert _overflow(page) == 0
        screenshot(page, f"screen-chart-{size}")

        page.goto(f"/patients/{patient.pk}/intakes/{intake.pk}/")
        assert _overflow(page) == 0
        screenshot(page, f"screen-intake-{size}")

        page.goto(f"/patients/{patient.pk}/exams/{draft_exam.pk}/edit/")
        grid = page.get_by_test_id("spinal-grid")
        grid.scroll_into_view_if_needed()
        assert _fits(page, page.locator(".table-responsive", has=grid)), "spinal grid overflows"
        assert _overflow(page) == 0
        # The field being typed is never under the sticky buttons: reached from above, the
        # browser scrolls it just into view (as Tab does), and the page's scroll padding keeps
        # it above the sticky bar.
        page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
        field = page.get_by_label("Pain now (0-10)")
        field.evaluate("e => e.scrollIntoView({block: 'nearest', behavior: 'instant'})")
        field_box = field.bounding_box()
        bar = page.locator(".sticky-actions").bounding_box()
        assert field_box["y"] + field_box["height"] <= bar["y"] + 1
        screenshot(page, f"screen-exam-{size}")

        page.goto(f"/patients/{patient.pk}/plans/{plan.pk}/")
        assert _overflow(page) == 0
        screenshot(page, f"screen-plan-{size}")
    finally:
        context.close()
