"""Reads for the home page's "Today" queue: what is waiting for the signed-in user's role.

Each list is one query (its patient joined), whatever its length, so the page costs the same
for a quiet morning and a busy one. Archived patients' records wait for no one.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils import timezone

from assessments.models import Exam, ExamStatus, PlanStatus, TreatmentPlan
from clinic.models import AuditAction, AuditEvent
from intake.models import Intake, IntakeSource, IntakeStatus

# The most each list shows; a longer list ends with a link to the patients' list.
QUEUE_LENGTH = 15
# A signed plan not printed within this many days no longer waits at the front desk.
PRINT_WINDOW_DAYS = 14


@dataclass
class TodayQueue:
    # Each list is set whole when the user's role acts on it: none is ever appended to, so an
    # empty tuple serves every queue as its default.
    intakes_to_review: Sequence = ()
    intake_drafts: Sequence = ()
    exam_drafts: Sequence = ()
    plans_to_sign: Sequence = ()
    plans_to_print: Sequence = ()
    shown: set = field(default_factory=set)

    @property
    def drafts_count(self):
        return len(self.intake_drafts) + len(self.exam_drafts)

    @property
    def is_empty(self):
        return not any(
            (
                self.intakes_to_review,
                self.intake_drafts,
                self.exam_drafts,
                self.plans_to_sign,
                self.plans_to_print,
            )
        )


def _first(queryset):
    return list(queryset.select_related("patient")[:QUEUE_LENGTH])


def _care_plan_printed():
    """A care-plan PDF of this plan was printed or downloaded (referral letters do not count)."""
    return AuditEvent.objects.filter(
        action=AuditAction.DOCUMENT_PRINTED,
        object_type="treatmentplan",
        object_id=Cast(OuterRef("pk"), CharField()),
        detail__startswith="care plan",
    )


def today_queue(user):
    """What waits for this user, list by list, each only when their role acts on it."""
    queue = TodayQueue()
    if user.has_perm("intake.confirm_intake"):
        queue.shown.add("intakes_to_review")
        queue.intakes_to_review = _first(
            Intake.objects.filter(
                status=IntakeStatus.SUBMITTED, patient__archived_at__isnull=True
            ).order_by("submitted_at", "pk")
        )
    if user.has_perm("intake.change_intake"):
        # Drafts this person started at the desk (a patient's own draft is theirs to finish).
        queue.shown.add("intake_drafts")
        queue.intake_drafts = _first(
            Intake.objects.filter(
                status=IntakeStatus.DRAFT,
                source=IntakeSource.FRONT_DESK,
                created_by=user,
                patient__archived_at__isnull=True,
            ).order_by("-updated_at", "-pk")
        )
    if user.has_perm("assessments.change_exam"):
        queue.shown.add("exam_drafts")
        queue.exam_drafts = _first(
            Exam.objects.filter(
                status=ExamStatus.DRAFT, practitioner=user, patient__archived_at__isnull=True
            ).order_by("-pk")
        )
    if user.has_perm("assessments.sign_treatmentplan"):
        queue.shown.add("plans_to_sign")
        queue.plans_to_sign = _first(
            TreatmentPlan.objects.filter(
                status=PlanStatus.DRAFT, created_by=user, patient__archived_at__isnull=True
            ).order_by("-updated_at", "-pk")
        )
    if user.has_perm("assessments.print_signed_plan"):
        queue.shown.add("plans_to_print")
        since = timezone.now() - timedelta(days=PRINT_WINDOW_DAYS)
        queue.plans_to_print = _first(
            TreatmentPlan.objects.filter(
                status=PlanStatus.SIGNED,
                signed_at__gte=since,
                patient__archived_at__isnull=True,
            )
            .exclude(Exists(_care_plan_printed()))
            .order_by("signed_at", "pk")
        )
    return queue
