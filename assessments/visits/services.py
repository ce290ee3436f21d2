"""Writes to visit notes: open the episode, save a draft, sign (locks it), add an addendum.

Each function is one transaction and records one audit event; every model is
``full_clean()``-ed before it is saved.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    Episode,
    EpisodeLockedError,
    PlanStatus,
    Visit,
    VisitAddendum,
    VisitLockedError,
    VisitStatus,
)
from assessments.plans.facts import facts_dict_for
from assessments.reasoning import CaseError, assess, facts_from_dict
from assessments.visits.selectors import current_plan, plan_items, red_flag_hold
from clinic import concurrency
from clinic.audit import record_change
from clinic.models import AuditAction
from intake.models import RED_FLAG_FIELDS

MIN_REASON_LENGTH = 5

# What the visit form writes (the rest is set by these services).
VISIT_FIELDS = (
    "visit_on",
    "cramps_per_week",
    "cramps_when",
    "pain_nprs",
    "adherence",
    "anything_new",
    "new_red_flags",
    "subjective",
    "objective",
    "assessment",
    "plan_next",
)


class ConcurrentEditError(concurrency.ConcurrentEditError):
    message = _(
        "Someone else changed this visit note while you were editing it. Your changes are still "
        "in the form; check them against the saved note and save again."
    )


def _save(record):
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def episode_open(*, intake, by, request=None):
    """The intake's episode, opened now if it has none yet (one audit event when opened)."""
    episode = Episode.objects.select_for_update().filter(intake=intake).first()
    if episode is not None:
        return episode
    episode = _save(
        Episode(
            patient=intake.patient,
            intake=intake,
            opened_on=timezone.localdate(intake.created_at),
            created_by=by,
        )
    )
    record_change(episode, AuditAction.EPISODE_OPENED, by=by, request=request)
    return episode


def treatment_rows(plan, given=None):
    """The plan's kept items as rows to tick, the dosage given prefilled from ``given`` (the last
    visit, when copying forward) or else from the plan."""
    given = {row["item"]: row for row in (given or [])}
    rows = []
    for item in plan_items(plan):
        earlier = given.get(item.pk) or {}
        rows.append(
            {
                "item": item.pk,
                "component": item.component,
                "title": item.title,
                "planned": item.dosage,
                "done": bool(earlier.get("done", False)),
                "dosage": earlier.get("dosage", item.dosage),
            }
        )
    return rows


def _checked_treatment(plan, treatment):
    """Only the plan's own kept items, in its order, with the title and planned dosage kept."""
    by_item = {row["item"]: row for row in treatment}
    rows = []
    for row in treatment_rows(plan):
        sent = by_item.get(row["item"], {})
        row["done"] = bool(sent.get("done"))
        row["dosage"] = str(sent.get("dosage", row["dosage"]) or "")[:300]
        rows.append(row)
    return rows


def red_flags_for(plan, answers):
    """What the reasoning makes of the red-flag questions answered yes at a visit:
    [{key, title, urgency}] in the plan's language (empty when none is answered yes).

    The intake's facts are read again with these answers set, and the flags the reasoning then
    raises beyond those of the intake alone are the visit's (all of them, when an answer repeats
    one the intake already had: it is open again).
    """
    answers = [name for name in answers if name in RED_FLAG_FIELDS]
    if not answers:
        return []
    data = facts_dict_for(plan.intake, plan.exam)
    try:
        before = {flag.key for flag in assess(facts_from_dict(data)).red_flags}
        for name in answers:
            data["red_flags"][name.removeprefix("red_flag_")] = True
        flags = assess(facts_from_dict(data)).red_flags
    except CaseError as error:
        raise ValidationError(str(error)) from error
    new = [flag for flag in flags if flag.key not in before] or list(flags)
    with translation.override(plan.language):
        return [
            {"key": flag.key, "title": flag.title.render(gettext), "urgency": flag.urgency}
            for flag in new
        ]


def _apply(visit, data, treatment):
    for name in VISIT_FIELDS:
        if name in data:
            setattr(visit, name, data[name])
    visit.new_red_flags = [name for name in visit.new_red_flags if name in RED_FLAG_FIELDS]
    visit.red_flags = red_flags_for(visit.plan, visit.new_red_flags)
    visit.treatment = _checked_treatment(visit.plan, treatment)


def _check_hold(visit):
    """While an earlier visit's red flag stands (no amendment signed since), nothing is treated."""
    hold = red_flag_hold(visit.episode, visit.plan)
    if hold is not None and hold.pk != visit.pk and any(row["done"] for row in visit.treatment):
        raise ValidationError(
            _(
                "A red flag is open: treatment stops until a doctor has seen the patient. "
                "Untick the treatment items."
            )
        )


def _open_plan(plan):
    if plan.status != PlanStatus.SIGNED:
        raise ValidationError(_("A visit note follows the signed, current version of a plan."))
    episode = Episode.objects.filter(intake=plan.intake_id).first()
    if episode is not None and episode.is_discharged:
        raise EpisodeLockedError


@transaction.atomic
def visit_record(*, plan, data, treatment, by, sign=False, copied_from=None, request=None):
    """A new visit note on the signed plan: a draft, or signed at once."""
    _open_plan(plan)
    episode = episode_open(intake=plan.intake, by=by, request=request)
    if copied_from is not None and copied_from.episode_id != episode.pk:
        raise ValidationError(_("Copy forward only from a visit of the same episode."))
    visit = Visit(
        episode=episode,
        patient=plan.patient,
        plan=plan,
        practitioner=by,
        copied_from=copied_from,
    )
    return _write(visit, data, treatment, by=by, sign=sign, request=request)


@transaction.atomic
def visit_save(*, visit, data, treatment, expected_version, by, sign=False, request=None):
    """Save a draft note (and sign it, when ``sign``) unless someone saved first."""
    current = concurrency.lock_for_edit(
        Visit, pk=visit.pk, expected_version=expected_version, error=ConcurrentEditError
    )
    if current.is_signed:
        raise VisitLockedError
    if current.episode.is_discharged:
        raise EpisodeLockedError
    # A draft follows the plan in force when it is saved (an amendment may have been signed).
    current.plan = current_plan(current.plan.intake_id) or current.plan
    current.version += 1
    return _write(current, data, treatment, by=by, sign=sign, request=request)


def _write(visit, data, treatment, *, by, sign, request):
    """The one way a note is written: the form's fields, no treatment while a red flag holds,
    signed when asked, saved and audited."""
    _apply(visit, data, treatment)
    _check_hold(visit)
    if sign:
        visit.status = VisitStatus.SIGNED
        visit.signed_at = timezone.now()
        visit.signed_by = by
    _save(visit)
    _audit(visit, by, request, signed=sign)
    return visit


def _audit(visit, by, request, *, signed):
    flags = f" red flags: {', '.join(f['key'] for f in visit.red_flags)}" if visit.red_flags else ""
    done = sum(1 for row in visit.treatment if row["done"])
    record_change(
        visit,
        AuditAction.VISIT_SIGNED if signed else AuditAction.VISIT_SAVED,
        by=by,
        request=request,
        detail=f"{visit.visit_on:%Y-%m-%d} plan v{visit.plan.number}: {done} items done{flags}",
    )


@transaction.atomic
def visit_addendum(*, visit, text, reason, by, request=None):
    """Add to a signed note: the note stays as signed, the addendum says what and why."""
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({"reason": _("Give a reason of at least a few words.")})
    if not (text or "").strip():
        raise ValidationError({"text": _("Write the addendum.")})
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    if not current.is_signed:
        raise ValidationError(_("A draft is edited, not corrected by an addendum."))
    addendum = _save(VisitAddendum(visit=current, text=text.strip(), reason=reason, added_by=by))
    record_change(current, AuditAction.VISIT_ADDENDUM, by=by, request=request, detail=reason)
    return addendum
