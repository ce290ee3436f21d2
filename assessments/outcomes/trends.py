"""Change against the baseline (MCID) and the inline SVG trend chart. Pure Python."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assessments.outcomes.instruments import get_instrument
from assessments.outcomes.instruments.base import ScoringError, gettext_noop

# Scores such as 44.444...% - 34.444...% are not exact in binary floating point; a change that
# equals the MCID on paper must still count as reaching it.
_FLOAT_TOLERANCE = 1e-9


_NO_CHANGE = gettext_noop("No change since baseline")


_IMPORTANT_IMPROVEMENT = gettext_noop("Clinically important improvement since baseline")


_SMALL_IMPROVEMENT = gettext_noop(
    "Improved since baseline, but by less than the minimal clinically important difference"
)


_IMPORTANT_WORSENING = gettext_noop("Clinically important worsening since baseline")


_SMALL_WORSENING = gettext_noop(
    "Worse than baseline, but by less than the minimal clinically important difference"
)


@dataclass(frozen=True)
class Change:
    delta: float  # later - baseline, in the instrument's own units (sign as measured)
    improved: bool
    reaches_mcid: bool  # |delta| >= MCID, in whichever direction the patient moved
    direction_text: str  # untranslated, marked with gettext_noop


def compare_to_baseline(code: str, baseline: float, later: float) -> Change:
    """Classify the change from ``baseline`` to ``later`` against the instrument's MCID.

    Direction matters: ODI and NPRS improve downwards, LEFS and PSFS upwards. The MCID figures
    were established for improvement; they are applied symmetrically to flag a clinically
    important worsening as well, which is the usual clinical reading.
    """
    instrument = get_instrument(code)
    for field_name, value in (("baseline", baseline), ("later", later)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ScoringError(field_name, gettext_noop("A score must be a number."))
        if not (math.isfinite(value) and instrument.score_min <= value <= instrument.score_max):
            raise ScoringError(
                field_name,
                gettext_noop("A %(instrument)s score must lie between %(low)s and %(high)s."),
                {
                    "instrument": instrument.code,
                    "low": _format_number(instrument.score_min),
                    "high": _format_number(instrument.score_max),
                },
            )

    delta = float(later) - float(baseline)
    if abs(delta) <= _FLOAT_TOLERANCE:
        return Change(0.0, improved=False, reaches_mcid=False, direction_text=_NO_CHANGE)

    improved = delta < 0 if instrument.lower_is_better else delta > 0
    reaches_mcid = abs(delta) >= instrument.mcid - _FLOAT_TOLERANCE
    if improved:
        text = _IMPORTANT_IMPROVEMENT if reaches_mcid else _SMALL_IMPROVEMENT
    else:
        text = _IMPORTANT_WORSENING if reaches_mcid else _SMALL_WORSENING
    return Change(delta, improved=improved, reaches_mcid=reaches_mcid, direction_text=text)


@dataclass(frozen=True)
class TrendLabels:
    """Texts drawn inside the chart; pass translated ones from the Django layer."""

    baseline: str = gettext_noop("Baseline")
    mcid: str = gettext_noop("Clinically important change")
    lower_is_better: str = gettext_noop("Lower is better")
    higher_is_better: str = gettext_noop("Higher is better")
    no_data: str = gettext_noop("No measurements yet")


# Characters XML 1.0 forbids even when escaped (C0 controls other than tab/newline/return,
# surrogates, U+FFFE/U+FFFF); a title containing one would make the whole page's SVG invalid.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    text = _XML_FORBIDDEN.sub("", str(text))
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _format_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def _coord(value: float) -> str:
    return f"{value:.2f}"


_WIDTH = 480


_HEIGHT = 260


_PLOT_LEFT = 48.0


_PLOT_RIGHT = 424.0


_PLOT_TOP = 48.0


_PLOT_BOTTOM = 216.0


_LINE_COLOUR = "#1f5fa8"


_GRID_COLOUR = "#d9d9d9"


_MUTED_COLOUR = "#595959"


_MCID_COLOUR = "#2e7d32"


def render_trend_svg(
    points: Sequence[tuple[date, float]],
    *,
    max_value: float,
    lower_is_better: bool,
    title: str,
    mcid: float | None = None,
    labels: TrendLabels | None = None,
) -> str:
    """Return a self-contained inline SVG line chart of one measure over visits.

    Safe under a strict Content-Security-Policy: no script, no ``style`` attribute or element
    (colours are SVG presentation attributes), no links or external resources. Every text is
    XML-escaped. The earliest point is the baseline: drawn hollow, with a dashed reference line;
    if ``mcid`` is given, a second line shows the level that would be a clinically important
    improvement. Points are placed by date; same-day points share an x position. The output
    depends only on the arguments.
    """
    if not (math.isfinite(max_value) and max_value > 0):
        raise ValueError(f"max_value must be a positive number, not {max_value!r}")
    if mcid is not None and not (math.isfinite(mcid) and mcid > 0):
        raise ValueError(f"mcid must be a positive number, not {mcid!r}")
    for when, value in points:
        if not (math.isfinite(value) and 0 <= value <= max_value):
            raise ValueError(f"value {value!r} on {when} is outside 0..{max_value}")
    labels = labels or TrendLabels()
    # Stable sort: several visits on one day keep the order they were recorded in.
    ordered = sorted(points, key=lambda point: point[0])

    def y_of(value: float) -> float:
        return _PLOT_BOTTOM - (value / max_value) * (_PLOT_BOTTOM - _PLOT_TOP)

    parts: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {_HEIGHT}" '
        f'width="{_WIDTH}" height="{_HEIGHT}" role="img" '
        f'font-family="sans-serif" font-size="11">',
        f"<title>{_xml_text(title)}</title>",
        f'<text x="8" y="18" font-size="14" font-weight="bold">{_xml_text(title)}</text>',
        f'<text x="{_WIDTH - 8}" y="18" text-anchor="end" fill="{_MUTED_COLOUR}">'
        f"{_xml_text(labels.lower_is_better if lower_is_better else labels.higher_is_better)}"
        "</text>",
    ]

    # Horizontal grid with y-axis labels at 0, 25, 50, 75 and 100% of the scale.
    for quarter in range(5):
        value = max_value * quarter / 4
        y = _coord(y_of(value))
        parts.append(
            f'<line x1="{_coord(_PLOT_LEFT)}" y1="{y}" x2="{_coord(_PLOT_RIGHT)}" y2="{y}" '
            f'stroke="{_GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{_coord(_PLOT_LEFT - 6)}" y="{y}" text-anchor="end" '
            f'dominant-baseline="middle" fill="{_MUTED_COLOUR}">{_format_number(value)}</text>'
        )
    parts.append(
        f'<line x1="{_coord(_PLOT_LEFT)}" y1="{_coord(_PLOT_TOP)}" x2="{_coord(_PLOT_LEFT)}" '
        f'y2="{_coord(_PLOT_BOTTOM)}" stroke="{_MUTED_COLOUR}" stroke-width="1"/>'
    )
    parts.append(
        f'<line x1="{_coord(_PLOT_LEFT)}" y1="{_coord(_PLOT_BOTTOM)}" '
        f'x2="{_coord(_PLOT_RIGHT)}" y2="{_coord(_PLOT_BOTTOM)}" '
        f'stroke="{_MUTED_COLOUR}" stroke-width="1"/>'
    )

    if not ordered:
        parts.append(
            f'<text x="{_coord((_PLOT_LEFT + _PLOT_RIGHT) / 2)}" '
            f'y="{_coord((_PLOT_TOP + _PLOT_BOTTOM) / 2)}" text-anchor="middle" '
            f'fill="{_MUTED_COLOUR}">{_xml_text(labels.no_data)}</text>'
        )
        parts.append("</svg>")
        return "\n".join(parts)

    first_day, last_day = ordered[0][0], ordered[-1][0]
    span_days = (last_day - first_day).days

    def x_of(day: date) -> float:
        if span_days == 0:
            return (_PLOT_LEFT + _PLOT_RIGHT) / 2
        return _PLOT_LEFT + (day - first_day).days / span_days * (_PLOT_RIGHT - _PLOT_LEFT)

    # Date labels for the first and last visit only: more would overlap on a 400px axis.
    label_days = [first_day] if span_days == 0 else [first_day, last_day]
    for index, day in enumerate(label_days):
        anchor = "middle" if span_days == 0 else ("start" if index == 0 else "end")
        parts.append(
            f'<text x="{_coord(x_of(day))}" y="{_coord(_PLOT_BOTTOM + 18)}" '
            f'text-anchor="{anchor}" fill="{_MUTED_COLOUR}">{_xml_text(day.isoformat())}</text>'
        )

    baseline_value = ordered[0][1]
    baseline_y = _coord(y_of(baseline_value))
    parts.append(
        f'<line x1="{_coord(_PLOT_LEFT)}" y1="{baseline_y}" x2="{_coord(_PLOT_RIGHT)}" '
        f'y2="{baseline_y}" stroke="{_MUTED_COLOUR}" stroke-width="1" '
        f'stroke-dasharray="4 3"/>'
    )
    parts.append(
        # Inside the plot, above its line from the left: right of the plot it was cut off at
        # the chart's edge ("référence init" in French).
        f'<text x="{_coord(_PLOT_LEFT + 4)}" y="{_coord(y_of(baseline_value) - 4)}" '
        f'font-size="9" fill="{_MUTED_COLOUR}">{_xml_text(labels.baseline)}</text>'
    )

    if mcid is not None:
        target = baseline_value - mcid if lower_is_better else baseline_value + mcid
        # A target off the scale cannot be reached; drawing it clamped would mislead.
        if 0 <= target <= max_value:
            target_y = _coord(y_of(target))
            parts.append(
                f'<line x1="{_coord(_PLOT_LEFT)}" y1="{target_y}" x2="{_coord(_PLOT_RIGHT)}" '
                f'y2="{target_y}" stroke="{_MCID_COLOUR}" stroke-width="1" '
                f'stroke-dasharray="2 3"/>'
            )
            parts.append(
                f'<text x="{_coord(_PLOT_RIGHT - 4)}" y="{_coord(y_of(target) - 4)}" '
                f'text-anchor="end" font-size="9" fill="{_MCID_COLOUR}">'
                f"{_xml_text(labels.mcid)}</text>"
            )

    coordinates = [(x_of(day), y_of(value)) for day, value in ordered]
    if len(ordered) > 1:
        polyline = " ".join(f"{_coord(x)},{_coord(y)}" for x, y in coordinates)
        parts.append(
            f'<polyline points="{polyline}" fill="none" stroke="{_LINE_COLOUR}" '
            f'stroke-width="2" stroke-linejoin="round"/>'
        )

    for index, ((day, value), (x, y)) in enumerate(zip(ordered, coordinates, strict=True)):
        tooltip = f"<title>{_xml_text(day.isoformat())}: {_format_number(value)}</title>"
        if index == 0:
            circle = f'fill="#ffffff" stroke="{_LINE_COLOUR}" stroke-width="2" r="5"'
        else:
            circle = f'fill="{_LINE_COLOUR}" r="3.5"'
        parts.append(f'<circle cx="{_coord(x)}" cy="{_coord(y)}" {circle}>{tooltip}</circle>')

    # Print the baseline and latest values; every value is in the tooltips.
    value_label_indexes = [0] if len(ordered) == 1 else [0, len(ordered) - 1]
    for index in value_label_indexes:
        (x, y), value = coordinates[index], ordered[index][1]
        parts.append(
            f'<text x="{_coord(x)}" y="{_coord(y - 9)}" text-anchor="middle" '
            f'font-weight="bold" fill="{_LINE_COLOUR}">{_format_number(value)}</text>'
        )

    parts.append("</svg>")
    return "\n".join(parts)
