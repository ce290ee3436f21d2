"""The re-assessment beside the baseline: each goal (met or not, as the numbers suggest), each
outcome's change against its MCID, cramps a week then and now. Reads only."""

from django.utils.translation import gettext

from assessments import outcomes
from assessments.visits.selectors import (
    baseline_scores,
    exam_scores,
    first_signed_plan,
    last_signed_visit,
    latest_scores,
)

# A goal's measure -> how its "now" value is read (lower is better for each of these).
GOAL_INSTRUMENTS = {"oswestry": "ODI", "pain_0_10": "NPRS"}


def _number(text):
    try:
        return float(str(text).strip().rstrip("%"))
    except (TypeError, ValueError):
        return None


def outcome_rows(baseline, now):
    """[{instrument, name, baseline, now, ...}] for every instrument with both scores."""
    rows = []
    for code, instrument in outcomes.INSTRUMENTS.items():
        if code not in baseline or code not in now:
            continue
        change = outcomes.compare_to_baseline(code, baseline[code], now[code])
        rows.append(
            {
                "instrument": code,
                "name": gettext(instrument.name),
                "baseline": baseline[code],
                "now": now[code],
                "baseline_text": instrument.display_score(baseline[code]),
                "now_text": instrument.display_score(now[code]),
                "delta": round(change.delta, 1),
                "mcid": instrument.mcid,
                "mcid_citation": instrument.mcid_citation,
                "score_max": instrument.score_max,
                "improved": change.improved,
                "reaches_mcid": change.reaches_mcid,
                "change_text": gettext(change.direction_text),
            }
        )
    return rows


def goal_rows(plan, now_scores, cramps_now):
    rows = []
    for goal in plan.goals.order_by("position", "pk"):
        target = _number(goal.target)
        if goal.measure == "cramps_per_week":
            value = cramps_now
        elif goal.measure in GOAL_INSTRUMENTS:
            value = now_scores.get(GOAL_INSTRUMENTS[goal.measure])
        else:
            value = None
        suggested = None if value is None or target is None else value <= target
        rows.append(
            {
                "goal": goal.pk,
                "text": goal.text,
                "target": goal.target,
                "now": "" if value is None else f"{value:g}",
                "suggested": suggested,
            }
        )
    return rows


def comparison(episode, plan, exam):
    """Everything the re-assessment page shows and the progress report prints."""
    first = first_signed_plan(episode.intake) or plan
    baseline = baseline_scores(first)
    now = {**latest_scores(episode.patient), **exam_scores([exam]).get(exam.pk, {})}
    last = last_signed_visit(episode)
    cramps_now = last.cramps_per_week if last is not None else None
    return {
        "baseline_exam": first.exam,
        "outcomes": outcome_rows(baseline, now),
        "goals": goal_rows(plan, now, cramps_now),
        "cramps_then": episode.intake.cramps_per_week,
        "cramps_now": cramps_now,
    }
