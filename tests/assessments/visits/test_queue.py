"""The practitioner's queue of re-assessments due agrees with the episode page's prompt."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.visits import review_services
from assessments.visits.queue import reassessments_due
from assessments.visits.selectors import planned_visits, reassessment_due
from tests.assessments.visits.episode_builder import (
    reassessment_exam,
    signed_plan_with_baseline,
    signed_visit,
)

pytestmark = pytest.mark.django_db


def test_due_by_visit_count_until_re_assessed(practitioner):
    plan = signed_plan_with_baseline(practitioner)
    other = signed_plan_with_baseline(practitioner)  # no visit, no review date reached
    for _ in range(planned_visits(plan)):
        visit = signed_visit(plan, practitioner)

    assert [row.plan_id for row in reassessments_due()] == [plan.pk]
    assert reassessment_due(visit.episode, plan).due
    review_services.reassessment_record(
        plan=plan,
        exam=reassessment_exam(plan.patient, practitioner, odi_score=25.0),
        goals_met={goal.pk: True for goal in plan.goals.all()},
        decision="continue",
        notes="",
        by=practitioner,
    )
    assert reassessments_due() == []
    assert not reassessment_due(visit.episode, plan).due
    assert other.pk not in [row.plan_id for row in reassessments_due()]


def test_due_at_the_review_date_and_shown_to_practitioners_only(
    practitioner, practitioner_client, front_desk_client
):
    plan = signed_plan_with_baseline(practitioner)
    # The review date passes (a signed plan is never edited: the clock is what moves).
    later = timezone.localdate() + timedelta(days=400)
    assert plan.review_date and plan.review_date < later
    assert [row.plan_id for row in reassessments_due(today=later)] == [plan.pk]
    assert reassessments_due() == []

    signed_visit(plan, practitioner)
    url = reverse("patient_list")
    for _ in range(planned_visits(plan)):
        signed_visit(plan, practitioner)
    assert 'data-testid="reassessment-queue"' in practitioner_client.get(url).content.decode()
    assert 'data-testid="reassessment-queue"' not in front_desk_client.get(url).content.decode()
    # A search is for one patient: the worklist stays on the list page itself, unread.
    with CaptureQueriesContext(connection) as searching:
        page = practitioner_client.get(url, {"q": plan.patient.last_name}).content.decode()
    assert 'data-testid="reassessment-queue"' not in page
    assert "assessments_treatmentplan" not in " ".join(q["sql"] for q in searching)
    assert plan.patient.last_name in page
    with CaptureQueriesContext(connection) as captured:
        reassessments_due()
    assert len(captured) == 1
