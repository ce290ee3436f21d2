"""What every plan service shares: reasons, the locked draft, saving, touching, the audit line,
the assessment snapshot in the patient's language, and the item built from a proposal.

The generated texts are rendered with Django's gettext in the patient's preferred language:
the plan is written for the patient and printed for them. The plan records that language; the
untranslated English of every text stays in the assessment snapshot too.
"""

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.models import (
    ExamStatus,
    PlanGoal,
    PlanItem,
    PlanLockedError,
    PlanOrigin,
    TreatmentPlan,
)
from assessments.plans.facts import facts_for
from assessments.reasoning import CaseError, assess
from clinic import concurrency
from clinic.audit import record_change
from clinic.models import AuditAction
from intake.models import IntakeStatus

MIN_REASON_LENGTH = 5


ITEM_FIELDS = ("component", "title", "instructions", "dosage")


DETAIL_FIELDS = ("impression", "visit_frequency", "review_date")


class ConcurrentEditError(concurrency.ConcurrentEditError):
    message = _(
        "Someone else changed this plan while you were editing it. Check the plan as it is now "
        "and make your change again."
    )


def _render_text(data, translate):
    """Render a Text's to_dict() form ({msgid, params, text}) with ``translate``."""
    values = {name: _render_value(value, translate) for name, value in data["params"].items()}
    return translate(data["msgid"]) % values


def _render_value(value, translate):
    if isinstance(value, dict):
        return _render_text(value, translate)
    if isinstance(value, list):
        return ", ".join(_render_value(part, translate) for part in value)
    return value


def _with_shown(tree, translate):
    """A copy of an Assessment.to_dict() tree where every text also has ``shown``."""
    if isinstance(tree, dict):
        copy = {key: _with_shown(value, translate) for key, value in tree.items()}
        if "msgid" in tree and "params" in tree:
            copy["shown"] = _render_text(tree, translate)
        return copy
    if isinstance(tree, list):
        return [_with_shown(value, translate) for value in tree]
    return tree


def _snapshot(assessment, language):
    with translation.override(language):
        return _with_shown(assessment.to_dict(), gettext)


def _reason(reason, field="reason"):
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError({field: _("Give a reason of at least a few words.")})
    return reason


def _facts(intake, exam):
    try:
        return facts_for(intake, exam)
    except CaseError as error:
        raise ValidationError(
            _("The intake or exam cannot be read by the reasoning: %(problem)s")
            % {"problem": error}
        ) from error


def _assessment_for(intake, exam, cleared=frozenset()):
    try:
        return assess(facts_for(intake, exam), cleared_red_flags=frozenset(cleared))
    except CaseError as error:
        raise ValidationError(
            _("The intake or exam cannot be read by the reasoning: %(problem)s")
            % {"problem": error}
        ) from error


def _check_sources(*, patient, intake, exam):
    if intake.patient_id != patient.pk:
        raise ValidationError({"intake": _("This intake belongs to another patient.")})
    if intake.status != IntakeStatus.CONFIRMED:
        raise ValidationError({"intake": _("Confirm the intake before generating a plan.")})
    if exam is not None:
        if exam.patient_id != patient.pk:
            raise ValidationError({"exam": _("This exam belongs to another patient.")})
        if exam.status != ExamStatus.FINISHED:
            raise ValidationError({"exam": _("Finish the exam before generating a plan.")})


def _save(record):
    record.full_clean()
    record.save()
    return record


def _next_position(rows):
    """The position after the last of ``rows`` (a plan's items or goals), 0 for the first."""
    last = rows.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _touch(plan):
    """Bump the plan's version after a change to it or its parts."""
    plan.version += 1
    _save(plan)
    return plan


def _audit_edit(plan, *, by, what):
    """One audit event for one edit of a draft (the request comes from the middleware)."""
    record_change(plan, AuditAction.PLAN_EDITED, by=by, detail=f"v{plan.number}: {what}")


def _locked_draft(plan, expected_version):
    current = concurrency.lock_for_edit(
        TreatmentPlan, pk=plan.pk, expected_version=expected_version, error=ConcurrentEditError
    )
    if not current.is_draft:
        raise PlanLockedError
    return current


def _placed(plan, position, proposed, origin):
    """Where a proposed item or goal stands in the plan, and the rules and sources behind it."""
    return {
        "plan": plan,
        "position": position,
        "key": proposed["key"],
        "rule_ids": proposed.get("rule_ids", []),
        "sources": proposed.get("sources", []),
        "origin": origin,
    }


def _item_from(plan, position, item, origin=PlanOrigin.GENERATED):
    return _save(
        PlanItem(
            **_placed(plan, position, item, origin),
            component=item["component"],
            title=item["title"]["shown"],
            instructions=item["instructions"]["shown"],
            dosage=item["dosage"]["text"]["shown"],
            factor_keys=item.get("factor_keys", []),
            precaution_keys=item.get("precaution_keys", []),
        )
    )


def _goal_from(plan, position, goal, origin=PlanOrigin.GENERATED):
    return _save(
        PlanGoal(
            **_placed(plan, position, goal, origin),
            measure=goal["measure"],
            text=goal["text"]["shown"],
            baseline=goal["baseline"] or "",
            target=goal["target"] or "",
        )
    )
