"""The practitioner's queue: which open episodes are due a re-assessment, in one query.

Due at the plan's review date (unless a re-assessment on or after it answered it) or once the
planned number of visits is signed since the latest re-assessment, as on the episode's page
(selectors.reassessment_due, which this must agree with: tests/assessments/visits/test_queue.py).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, DateField, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from assessments.models import EpisodeStatus, PlanStatus, Reassessment, TreatmentPlan, Visit

QUEUE_LENGTH = 20


@dataclass(frozen=True)
class QueueRow:
    patient_id: int
    patient_name: str
    plan_id: int
    by_date: bool
    visits_done: int
    planned: int | None
    review_date: date | None


def reassessments_due(*, today=None, limit=QUEUE_LENGTH):
    today = today or timezone.localdate()
    latest = Subquery(
        Reassessment.objects.filter(episode__intake=OuterRef("intake"))
        .order_by("-assessed_on")
        .values("assessed_on")[:1],
        output_field=DateField(),
    )
    done = Subquery(
        Visit.objects.filter(
            episode__intake=OuterRef("intake"),
            status="signed",
            visit_on__gt=OuterRef("since"),
        )
        .values("episode")
        .annotate(count=Count("pk"))
        .values("count")[:1],
        output_field=IntegerField(),
    )
    rows = (
        TreatmentPlan.objects.filter(status=PlanStatus.SIGNED, patient__archived_at__isnull=True)
        .exclude(intake__episode__status=EpisodeStatus.DISCHARGED)
        .annotate(last_reassessed=latest)
        .annotate(since=Coalesce("last_reassessed", Value(date.min, output_field=DateField())))
        .annotate(visits_done=Coalesce(done, Value(0)))
        .filter(Q(review_date__lte=today) | Q(visits_done__gte=1))
        .order_by("review_date", "pk")
        .values(
            "pk",
            "patient_id",
            "patient__first_name",
            "patient__last_name",
            "review_date",
            "last_reassessed",
            "visits_done",
            "assessment__plan__schedule__visits_per_week",
            "assessment__plan__schedule__weeks",
        )
    )
    due = []
    for row in rows.iterator():
        per_week = row["assessment__plan__schedule__visits_per_week"]
        weeks = row["assessment__plan__schedule__weeks"]
        planned = int(per_week) * int(weeks) if per_week and weeks else None
        by_date = bool(
            row["review_date"]
            and row["review_date"] <= today
            and (row["last_reassessed"] is None or row["last_reassessed"] < row["review_date"])
        )
        by_count = bool(planned and row["visits_done"] >= planned)
        if by_date or by_count:
            due.append(
                QueueRow(
                    patient_id=row["patient_id"],
                    patient_name=f"{row['patient__last_name']}, {row['patient__first_name']}",
                    plan_id=row["pk"],
                    by_date=by_date,
                    visits_done=row["visits_done"],
                    planned=planned,
                    review_date=row["review_date"],
                )
            )
            if len(due) >= limit:
                break
    return due
