"""The visit schedule a draft plan proposes (a clinic default, not a rule from the seeds)."""

from __future__ import annotations

from .assessment import Factor, PlanItem, Schedule
from .facts import Facts
from .i18n import Text, gettext_noop
from .interventions import ITEMS_BY_KEY
from .rules import RULES

_FACTOR_SPECS = {rule.factor.key: rule.factor for rule in RULES if rule.factor is not None}

# Visit schedule from the musculoskeletal findings (a drug-related or medical cause is a referral,
# not weeks of visits): the number of musculoskeletal factors, plus 1 for 3-6 cramps a week and 2
# for 7 or more. A clinic default for the practitioner to adjust, not a rule from the seeds.
# (highest score, visits a week, weeks); with no musculoskeletal factor, one visit teaches the home
# programme and the review follows after HOME_PROGRAMME_REVIEW_DAYS.
SCHEDULES = ((2, 1, 4), (5, 2, 4), (None, 2, 6))
HOME_PROGRAMME_REVIEW_DAYS = 28
_SCHEDULE_TEXTS = {
    (True, True): gettext_noop("%(visits)s visit a week for %(weeks)s week, then review."),
    (True, False): gettext_noop("%(visits)s visit a week for %(weeks)s weeks, then review."),
    (False, True): gettext_noop("%(visits)s visits a week for %(weeks)s week, then review."),
    (False, False): gettext_noop("%(visits)s visits a week for %(weeks)s weeks, then review."),
}


def propose_schedule(
    facts: Facts, factors: tuple[Factor, ...], items: tuple[PlanItem, ...]
) -> Schedule | None:
    if not any(ITEMS_BY_KEY[item.key].recipient is None for item in items):
        return None  # referrals only: nothing to treat in the clinic yet
    musculoskeletal = sum(1 for factor in factors if _FACTOR_SPECS[factor.key].musculoskeletal)
    if not musculoskeletal:
        return Schedule(
            visits_per_week=1,
            weeks=1,
            review_after_days=HOME_PROGRAMME_REVIEW_DAYS,
            text=Text(
                gettext_noop(
                    "One visit to teach the home programme, then review in %(weeks)s weeks."
                ),
                {"weeks": str(HOME_PROGRAMME_REVIEW_DAYS // 7)},
            ),
        )
    per_week = facts.cramps.cramps_per_week
    score = musculoskeletal + (2 if per_week >= 7 else 1 if per_week >= 3 else 0)
    visits, weeks = next(
        (visits, weeks)
        for highest, visits, weeks in SCHEDULES
        if highest is None or score <= highest
    )
    return Schedule(
        visits_per_week=visits,
        weeks=weeks,
        review_after_days=weeks * 7,
        text=Text(
            _SCHEDULE_TEXTS[(visits == 1, weeks == 1)],
            {"visits": str(visits), "weeks": str(weeks)},
        ),
    )
