"""Reads of the episode of care: scoped lookups (404 for another patient's), the plan in force,
the last visit to copy forward, whether a re-assessment is due, and the chart's timeline."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from assessments.models import (
    Episode,
    EpisodeDocument,
    Exam,
    ExamStatus,
    OutcomeMeasure,
    PlanStatus,
    Reassessment,
    TreatmentPlan,
    Visit,
    VisitStatus,
)
from assessments.reasoning.vocabulary import HOME_PROGRAMME_COMPONENTS


def _get(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def get_episode(patient, pk):
    return _get(
        Episode.objects.select_related("patient", "intake", "discharged_by"), pk=pk, patient=patient
    )


def get_visit(patient, pk):
    return _get(
        Visit.objects.select_related(
            "patient", "episode", "plan", "practitioner", "signed_by", "copied_from"
        ),
        pk=pk,
        patient=patient,
    )


def get_reassessment(patient, pk):
    return _get(
        Reassessment.objects.select_related("episode", "plan", "exam", "recorded_by"),
        pk=pk,
        episode__patient=patient,
    )


def get_document(episode, pk):
    return _get(EpisodeDocument.objects.select_related("episode"), pk=pk, episode=episode)


def current_plan(intake):
    """The signed version in force for the episode of this intake (an Intake or its id); None
    before signing."""
    return (
        TreatmentPlan.objects.filter(intake=intake, status=PlanStatus.SIGNED)
        .select_related("signed_by")
        .order_by("-signed_at", "-pk")
        .first()
    )


def first_signed_plan(intake):
    """The episode's first signed plan: its exam is the baseline the re-assessment compares."""
    return (
        TreatmentPlan.objects.filter(intake=intake, signed_at__isnull=False)
        .select_related("exam")
        .order_by("signed_at", "pk")
        .first()
    )


def plan_items(plan):
    return list(plan.items.filter(removed=False).order_by("position", "pk"))


def last_signed_visit(episode):
    return (
        Visit.objects.filter(episode=episode, status=VisitStatus.SIGNED)
        .order_by("-visit_on", "-pk")
        .first()
    )


def episode_visits(episode):
    return list(
        Visit.objects.filter(episode=episode)
        .select_related("practitioner")
        .order_by("visit_on", "pk")
    )


def planned_visits(plan):
    """Visits a week times weeks from the plan's schedule (None: the plan proposes none)."""
    schedule = ((plan.assessment or {}).get("plan") or {}).get("schedule")
    if not schedule:
        return None
    return int(schedule["visits_per_week"]) * int(schedule["weeks"])


@dataclass(frozen=True)
class Due:
    due: bool
    by_date: bool
    by_count: bool
    visits_done: int
    planned: int | None
    review_date: date | None


def reassessment_due(episode, plan, *, today=None):
    """Due at the plan's review date, or once the planned number of visits is signed; a
    re-assessment on or after the review date answers the date, and visits are counted again
    from the latest re-assessment."""
    today = today or timezone.localdate()
    latest = episode.reassessments.order_by("-assessed_on", "-pk").first() if episode else None
    visits = Visit.objects.filter(episode=episode, status=VisitStatus.SIGNED) if episode else None
    if latest is not None:
        visits = visits.filter(visit_on__gt=latest.assessed_on)
    done = visits.count() if visits is not None else 0
    planned = planned_visits(plan)
    by_date = bool(
        plan.review_date
        and plan.review_date <= today
        and (latest is None or latest.assessed_on < plan.review_date)
    )
    by_count = bool(planned and done >= planned)
    closed = episode is not None and episode.is_discharged
    return Due(
        due=not closed and (by_date or by_count),
        by_date=by_date,
        by_count=by_count,
        visits_done=done,
        planned=planned,
        review_date=plan.review_date,
    )


def reassessment_exams(episode, plan):
    """Finished exams since the plan was signed that no re-assessment has used yet."""
    used = Reassessment.objects.filter(episode=episode).values_list("exam_id", flat=True)
    since = timezone.localdate(plan.signed_at) if plan.signed_at else date.min
    return list(
        Exam.objects.filter(
            patient=episode.patient, status=ExamStatus.FINISHED, examined_on__gte=since
        )
        .exclude(pk__in=used)
        .exclude(pk=plan.exam_id)
        .order_by("-examined_on", "-pk")
    )


def exam_scores(exams):
    """{exam pk: {instrument: score}} for these exams (or their ids), the latest of each; one
    query."""
    scores = {}
    measures = OutcomeMeasure.objects.filter(exam__in=[e for e in exams if e]).order_by(
        "taken_on", "recorded_at", "pk"
    )
    for measure in measures:
        scores.setdefault(measure.exam_id, {})[measure.instrument] = measure.score
    return scores


def baseline_scores(plan):
    """The baseline of each instrument: the plan's exam's score, else the latest answered on or
    before the plan was signed (what the plan was written from), else the first one after."""
    scores = exam_scores([plan.exam_id]).get(plan.exam_id, {}) if plan.exam_id else {}
    signed_on = timezone.localdate(plan.signed_at) if plan.signed_at else timezone.localdate()
    before, after = {}, {}
    for measure in OutcomeMeasure.objects.filter(patient=plan.patient_id).order_by(
        "taken_on", "recorded_at", "pk"
    ):
        # Answered before the signing day, or typed in before the signature that day.
        if measure.taken_on < signed_on or (
            plan.signed_at
            and measure.taken_on == signed_on
            and measure.recorded_at <= plan.signed_at
        ):
            before[measure.instrument] = measure.score
        else:
            after.setdefault(measure.instrument, measure.score)
    return {**after, **before, **scores}


def latest_scores(patient):
    """The latest score of each instrument the patient has answered."""
    scores = {}
    for measure in OutcomeMeasure.objects.filter(patient=patient).order_by(
        "taken_on", "recorded_at", "pk"
    ):
        scores[measure.instrument] = measure.score
    return scores


def home_programme_text(plan):
    return "\n".join(
        f"{item.title}: {item.dosage}" if item.dosage else item.title
        for item in plan_items(plan)
        if item.component in HOME_PROGRAMME_COMPONENTS
    )


def red_flag_hold(episode, plan):
    """The signed visit with new red flags that no later signed plan version answers, or None.

    Treatment stops at such a visit, as the reasoning stops a plan with an open red flag; it
    resumes once the plan is amended (after the doctor's clearance) and the amendment signed.
    """
    if episode is None:
        return None
    flagged = (
        Visit.objects.filter(episode=episode, status=VisitStatus.SIGNED)
        .exclude(red_flags=[])
        .order_by("-signed_at")
        .first()
    )
    if flagged is None or (plan.signed_at and plan.signed_at > flagged.signed_at):
        return None
    return flagged


# --- The chart: episodes with their timeline ---------------------------------------------------


@dataclass
class TimelineEntry:
    on: date
    kind: str
    label: str
    url_name: str = ""
    url_args: tuple = ()
    status: str = ""
    # When it was written: orders the entries of one day (a visit, then its re-assessment).
    at: datetime | None = None


@dataclass
class EpisodeRow:
    intake_id: int
    episode: Episode | None
    opened_on: date
    is_current: bool = False
    entries: list = None
    plan: TreatmentPlan | None = None
    due: Due | None = None


def chart_episodes(patient, *, with_notes, with_exams):
    """The patient's episodes, current first, each with its timeline: a fixed number of queries
    however many visits. An episode is an intake with what followed it; the intake's Episode row
    (when one exists) holds its status and discharge."""
    from django.utils.translation import gettext as _

    # Narrow reads: the timeline needs dates and keys, not the wide intake, exam and plan rows
    # (an intake has some sixty answers, an exam about a hundred findings, a plan its whole
    # stored assessment, which only the current plan's re-assessment schedule reads).
    intakes = list(
        patient.intakes.only("pk", "patient_id", "created_at").order_by("created_at", "pk")
    )
    episodes = {e.intake_id: e for e in Episode.objects.filter(patient=patient)}
    plans = list(
        TreatmentPlan.objects.filter(patient=patient)
        .filter(Q(status=PlanStatus.SIGNED) | Q(status=PlanStatus.SUPERSEDED))
        .only(
            "pk",
            "patient_id",
            "intake_id",
            "exam_id",
            "number",
            "status",
            "signed_at",
            "review_date",
        )
    )
    # Only what the reader may see is read: the front desk's chart never queries an exam, a
    # note's text, a re-assessment or an episode document.
    exams = (
        list(
            Exam.objects.filter(patient=patient, status=ExamStatus.FINISHED).only(
                "pk", "patient_id", "intake_id", "examined_on", "finished_at"
            )
        )
        if with_exams
        else []
    )
    visits = list(
        Visit.objects.filter(patient=patient)
        .only("pk", "episode_id", "visit_on", "status", "signed_at", "created_at")
        .order_by("visit_on", "pk")
    )
    reassessments = (
        list(Reassessment.objects.filter(episode__patient=patient)) if with_notes else []
    )
    documents = (
        list(EpisodeDocument.objects.filter(episode__patient=patient).defer("pdf").order_by("pk"))
        if with_notes
        else []
    )
    rows = {}
    for intake in intakes:
        rows[intake.pk] = EpisodeRow(
            intake_id=intake.pk,
            episode=episodes.get(intake.pk),
            opened_on=timezone.localdate(intake.created_at),
            entries=[
                TimelineEntry(
                    timezone.localdate(intake.created_at),
                    "intake",
                    _("Intake"),
                    "intake_detail",
                    (patient.pk, intake.pk),
                    at=intake.created_at,
                )
            ],
        )
    by_episode = {e.pk: e.intake_id for e in episodes.values()}

    def add(intake_id, on, kind, label, url_name, url_args, *, at, status=""):
        """One entry on its episode's timeline (none for a record of no episode shown)."""
        row = rows.get(intake_id)
        if row is not None:
            row.entries.append(TimelineEntry(on, kind, label, url_name, url_args, status, at=at))
        return row

    # An exam without an intake joins the episode open on its date.
    for exam in exams:
        key = exam.intake_id or _open_on(rows, exam.examined_on)
        exam_args = (patient.pk, exam.pk)
        add(key, exam.examined_on, "exam", _("Exam"), "exam_detail", exam_args, at=exam.finished_at)
    for plan in plans:
        signed = _("Care plan, version %(number)s signed") % {"number": plan.number}
        on = timezone.localdate(plan.signed_at)
        row = add(
            plan.intake_id, on, "plan", signed, "plan_pdf", (patient.pk, plan.pk), at=plan.signed_at
        )
        if row is not None and plan.status == PlanStatus.SIGNED:
            row.plan = plan
    visit_url = "visit_detail" if with_notes else ""  # the front desk sees the date, not the note
    for visit in visits:
        key, args = by_episode.get(visit.episode_id), (patient.pk, visit.pk)
        at = visit.signed_at or visit.created_at
        add(key, visit.visit_on, "visit", _("Visit"), visit_url, args, status=visit.status, at=at)
    for reassessment in reassessments:
        key = by_episode.get(reassessment.episode_id)
        on, args = reassessment.assessed_on, (patient.pk, reassessment.pk)
        label, at = _("Re-assessment"), reassessment.recorded_at
        add(key, on, "reassessment", label, "reassessment_detail", args, at=at)
    for document in documents:
        on = timezone.localdate(document.created_at)
        args = (patient.pk, document.episode_id, document.pk)
        label = document.get_kind_display()
        key = by_episode.get(document.episode_id)
        add(key, on, "document", label, "episode_document_pdf", args, at=document.created_at)
    for row in rows.values():
        if row.episode and row.episode.is_discharged:
            row.entries.append(
                TimelineEntry(
                    row.episode.discharged_on,
                    "discharge",
                    _("Discharged: %(reason)s")
                    % {"reason": row.episode.get_discharge_reason_display()},
                )
            )
        row.entries.sort(key=lambda entry: (entry.on, entry.at or _END_OF_DAY))
    ordered = sorted(rows.values(), key=lambda row: (row.opened_on, row.intake_id), reverse=True)
    for row in ordered:
        if not (row.episode and row.episode.is_discharged):
            row.is_current = True
            break
    return ordered


_END_OF_DAY = datetime.max.replace(tzinfo=UTC)  # the discharge comes last on its day


def _open_on(rows, day):
    candidates = [row for row in rows.values() if row.opened_on <= day]
    return max(candidates, key=lambda row: row.opened_on).intake_id if candidates else None
