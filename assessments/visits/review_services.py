"""Writes at the end of a stretch of care: the re-assessment (with its progress report) and
discharge (with its summary and the doctor's letter). One transaction and one audit event each.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    DischargeReason,
    Episode,
    EpisodeLockedError,
    EpisodeStatus,
    ExamStatus,
    Reassessment,
    ReassessmentDecision,
    Visit,
    VisitStatus,
)
from assessments.visits import reports
from assessments.visits.comparison import comparison, outcome_rows
from assessments.visits.selectors import (
    baseline_scores,
    first_signed_plan,
    last_signed_visit,
    latest_scores,
    reassessment_due,
)
from assessments.visits.services import ConcurrentEditError, episode_open
from clinic import concurrency
from clinic.audit import record_change
from clinic.models import AuditAction


@transaction.atomic
def reassessment_record(*, plan, exam, goals_met, decision, notes, by, request=None):
    """Compare a finished exam with the baseline, record it and store its progress report.

    ``goals_met`` maps each of the plan's goal ids to True (met) or False (not met).
    """
    episode = episode_open(intake=plan.intake, by=by, request=request)
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    if episode.is_discharged:
        raise EpisodeLockedError
    if exam.patient_id != plan.patient_id or exam.status != ExamStatus.FINISHED:
        raise ValidationError({"exam": _("Finish the re-assessment exam first.")})
    if decision not in ReassessmentDecision.values:
        raise ValidationError({"decision": _("Choose what comes next.")})
    compared = comparison(episode, plan, exam)
    goals = []
    for row in compared["goals"]:
        if goals_met.get(row["goal"]) is None:
            raise ValidationError({"goals": _("Say for each goal whether it is met.")})
        goals.append({**row, "met": bool(goals_met[row["goal"]])})
    reassessment = Reassessment(
        episode=episode,
        plan=plan,
        exam=exam,
        baseline_exam=compared["baseline_exam"],
        assessed_on=exam.examined_on,
        goals=goals,
        outcomes=compared["outcomes"],
        cramps_then=compared["cramps_then"],
        cramps_now=compared["cramps_now"],
        visits_done=reassessment_due(episode, plan).visits_done,
        decision=decision,
        notes=(notes or "").strip(),
        recorded_by=by,
    )
    reassessment.full_clean()
    reassessment.save()
    document = reports.store_progress_report(reassessment=reassessment, by=by)
    met = sum(1 for goal in goals if goal["met"])
    record_change(
        reassessment,
        AuditAction.REASSESSMENT_RECORDED,
        by=by,
        patient=episode.patient,
        request=request,
        detail=(
            f"{met}/{len(goals)} goals met; {decision}; progress report "
            f"sha256:{document.sha256[:12]}"
        ),
    )
    return reassessment


@transaction.atomic
def episode_discharge(
    *, episode, reason, notes, home_programme, doctor_name, expected_version, by, request=None
):
    """Discharge: final scores against baseline, the summary and (with a doctor) the letter
    stored; the episode is read-only from then on."""
    current = concurrency.lock_for_edit(
        Episode, pk=episode.pk, expected_version=expected_version, error=ConcurrentEditError
    )
    if current.is_discharged:
        raise EpisodeLockedError
    if reason not in DischargeReason.values:
        raise ValidationError({"reason": _("Choose the reason for discharge.")})
    if Visit.objects.filter(episode=current, status=VisitStatus.DRAFT).exists():
        raise ValidationError(_("Sign or finish the draft visit notes before discharge."))
    first = first_signed_plan(current.intake)
    rows = outcome_rows(baseline_scores(first), latest_scores(current.patient)) if first else []
    last = last_signed_visit(current)
    visits_done = Visit.objects.filter(episode=current, status=VisitStatus.SIGNED).count()
    current.status = EpisodeStatus.DISCHARGED
    current.discharged_on = timezone.localdate()
    current.discharge_reason = reason
    current.discharge_notes = (notes or "").strip()
    current.home_programme = (home_programme or "").strip()
    current.doctor_name = (doctor_name or "").strip()
    current.final_scores = [
        {key: row[key] for key in ("instrument", "baseline", "now", "delta", "reaches_mcid")}
        for row in rows
    ]
    current.discharged_by = by
    current.version += 1
    current.full_clean()
    current.save()  # the last write it takes: Episode.save refuses any after discharge
    documents = reports.store_discharge_documents(
        episode=current,
        outcome_rows=rows,
        cramps_now=last.cramps_per_week if last else None,
        visits_done=visits_done,
        by=by,
    )
    record_change(
        current,
        AuditAction.EPISODE_DISCHARGED,
        by=by,
        request=request,
        detail=f"{reason}; " + ", ".join(f"{d.kind} sha256:{d.sha256[:12]}" for d in documents),
    )
    return current
