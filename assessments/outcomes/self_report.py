"""The patient answers a questionnaire through their self-intake link: what they have answered,
and the record of a new answer (once per questionnaire and link).
"""

from django.db import transaction

from assessments.models import (
    OutcomeMeasure,
    OutcomeSource,
)
from assessments.outcomes.services import outcome_record
from intake.intakes.services import IntakeLockedError
from intake.models import SelfIntakeLink
from intake.self_intake.selectors import link_is_live


class AlreadyAnsweredError(Exception):
    """Each questionnaire is answered at most once through one link."""


def answered_questionnaires(link):
    """The instruments this link's patient has answered since the link was issued.

    A patient has one live link at a time (a new one revokes the old), so these came through it.
    """
    return set(
        OutcomeMeasure.objects.filter(
            patient=link.patient, source=OutcomeSource.PATIENT, recorded_at__gte=link.issued_at
        ).values_list("instrument", flat=True)
    )


@transaction.atomic
def self_report_record(*, link, instrument, answers):
    """Score and keep the patient's answers, once per questionnaire and link, or raise.

    The link's row is locked, so two posts of the same questionnaire (a double tap, two tabs)
    run one after the other and the second finds it answered.
    """
    locked = (
        SelfIntakeLink.objects.select_for_update()
        .select_related("patient", "intake")
        .get(pk=link.pk)
    )
    if not link_is_live(locked):
        raise IntakeLockedError
    if instrument in answered_questionnaires(locked):
        raise AlreadyAnsweredError
    return outcome_record(
        patient=locked.patient,
        instrument=instrument,
        answers=answers,
        source=OutcomeSource.PATIENT,
    )
