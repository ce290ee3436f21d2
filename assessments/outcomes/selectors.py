"""Reads of outcome measures: an exam's questionnaires and the patient's summaries over time."""

from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from assessments import outcomes
from assessments.models import OutcomeMeasure


@dataclass(frozen=True)
class OutcomeSummary:
    """One instrument on the chart: first and latest scores, the change and the trend."""

    instrument: outcomes.Instrument
    name: str
    first: OutcomeMeasure
    latest: OutcomeMeasure
    count: int
    change: outcomes.Change | None
    change_text: str
    trend_svg: str
    measures: tuple = ()  # every score, oldest first: its date, and the exam it was part of


def exam_outcomes(exam):
    return list(
        exam.outcome_measures.select_related("recorded_by").order_by("taken_on", "recorded_at")
    )


def outcome_summaries(patient):
    """Per instrument the patient has answered, in a fixed order: one query in all.

    Every questionnaire of the patient counts, whether taken in an exam or recorded on the chart
    on its own date; the baseline is the earliest answered (``taken_on``), not the first typed.
    """
    # Of the exam, only its day: the rest of its hundred columns is not shown here.
    own_fields = [field.attname for field in OutcomeMeasure._meta.concrete_fields]
    measures = list(
        OutcomeMeasure.objects.filter(patient=patient)
        .select_related("exam")
        .only(*own_fields, "exam__id", "exam__examined_on")
        .order_by("instrument", "taken_on", "recorded_at", "pk")
    )
    by_code = {}
    for measure in measures:
        by_code.setdefault(measure.instrument, []).append(measure)
    labels = outcomes.TrendLabels(
        baseline=gettext(outcomes.TrendLabels.baseline),
        mcid=gettext(outcomes.TrendLabels.mcid),
        lower_is_better=gettext(outcomes.TrendLabels.lower_is_better),
        higher_is_better=gettext(outcomes.TrendLabels.higher_is_better),
        no_data=gettext(outcomes.TrendLabels.no_data),
    )
    summaries = []
    for code, instrument in outcomes.INSTRUMENTS.items():
        series = by_code.get(code)
        if not series:
            continue
        first, latest = series[0], series[-1]
        change = None
        if len(series) > 1:
            change = outcomes.compare_to_baseline(code, first.score, latest.score)
        name = gettext(instrument.name)
        svg = outcomes.render_trend_svg(
            [(measure.taken_on, measure.score) for measure in series],
            max_value=instrument.score_max,
            lower_is_better=instrument.lower_is_better,
            title=name,
            mcid=instrument.mcid,
            labels=labels,
        )
        summaries.append(
            OutcomeSummary(
                instrument=instrument,
                name=name,
                first=first,
                latest=latest,
                count=len(series),
                change=change,
                change_text=gettext(change.direction_text) if change else "",
                # render_trend_svg XML-escapes every text it draws (tested in test_outcomes.py),
                # so its output is safe to insert as markup; no user text reaches it unescaped.
                trend_svg=mark_safe(svg),  # noqa: S308
                measures=tuple(series),
            )
        )
    return summaries
