"""How much slower is our care plan than the plainest reportlab document of the same length?

    DJANGO_SETTINGS_MODULE=clinic.settings .venv/bin/python -m perf.bench.pdf_bench

Renders a typical signed care plan (12 items, 2-3 pages) and a minimal reportlab document
(SimpleDocTemplate, Helvetica paragraphs) with the same page count, in the same run, and prints
the median times and their ratio. Target: the care plan takes at most twice as long.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

TARGET_RATIO = 2.0
FILLER = (
    "The patient reports cramps in both calves at night, mostly after long days standing at "
    "work, easing with a walk and a stretch against the wall. "
) * 3

# A typical plan holds a dozen items from across the catalogue; every fourth template spans it.
TYPICAL_ITEM_COUNT = 12


def typical_care_plan():
    from assessments.documents import CarePlanData, Letterhead, PatientBlock, PlanItemBlock
    from assessments.reasoning.interventions.items import ITEM_TEMPLATES
    from assessments.reasoning.vocabulary import HOME_PROGRAMME_COMPONENTS

    items = tuple(
        PlanItemBlock(
            component=template.component,
            title=str(template.title),
            instructions=FILLER[:160],
            dosage=template.dosage.frequency.replace("_", " ").capitalize(),
            precautions=("Stop if it hurts or a cramp starts.",) if n % 4 == 0 else (),
            is_home_programme=template.component in HOME_PROGRAMME_COMPONENTS,
        )
        for n, template in enumerate(ITEM_TEMPLATES[::4][:TYPICAL_ITEM_COUNT])
    )
    return CarePlanData(
        letterhead=Letterhead("Riverside Spine & Muscle Clinic", "12 Rue Saint-Denis", "555 0199"),
        patient=PatientBlock("Élodie Lefèvre", date(1984, 3, 7), "RSM-00421"),
        practitioner_name="Dr François Bélanger",
        plan_date=date(2026, 11, 21),
        summary=FILLER,
        items=items,
        goals=("No night cramps for two weeks", "Sit through a film without pain"),
        visit_frequency="Once a week for 6 weeks",
        review_date=date(2027, 1, 9),
        precautions=("See a doctor at once if your calf becomes swollen, hot and red.",),
        version=1,
        signed_at=datetime(2026, 11, 21, 15, 30, tzinfo=UTC),
    )


def render_minimal(paragraph_count: int) -> bytes:
    """The baseline: reportlab's simplest route, built-in Helvetica, no page furniture."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph(FILLER, style) for _ in range(paragraph_count)])
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader  # a dev dependency, like this benchmark

    return len(PdfReader(io.BytesIO(pdf)).pages)


def minimal_paragraphs_for(pages: int) -> int:
    """The most filler paragraphs that still fit in `pages` pages: full pages, like the plan."""
    count = 1
    while page_count(render_minimal(count + 1)) <= pages:
        count += 1
    return count


def interleaved_medians_ms(renders: dict[str, Callable[[], bytes]], rounds: int) -> dict:
    """Median milliseconds per render, taking turns so a busy machine slows both alike."""
    timings: dict[str, list[float]] = {name: [] for name in renders}
    for _ in range(rounds):
        for name, render in renders.items():
            start = time.perf_counter()
            render()
            timings[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in timings.items()}


def run_pdf_benchmark(rounds: int = 7) -> dict:
    """Median render times of the care plan and the minimal document (Django must be set up)."""
    from assessments.documents import CarePlanDocument

    plan = typical_care_plan()
    start = time.perf_counter()
    plan_pdf = CarePlanDocument(plan).render()  # also registers the fonts, once per process
    first_render_ms = (time.perf_counter() - start) * 1000
    pages = page_count(plan_pdf)
    paragraphs = minimal_paragraphs_for(pages)
    assert page_count(render_minimal(paragraphs)) == pages

    medians = interleaved_medians_ms(
        {
            "care_plan": lambda: CarePlanDocument(plan).render(),
            "minimal": lambda: render_minimal(paragraphs),
        },
        rounds,
    )
    care_plan_ms, minimal_ms = medians["care_plan"], medians["minimal"]
    return {
        "rounds": rounds,
        "pages": pages,
        "care_plan_items": len(plan.items),
        "minimal_paragraphs": paragraphs,
        "first_care_plan_ms": round(first_render_ms, 1),
        "care_plan_ms": round(care_plan_ms, 1),
        "minimal_ms": round(minimal_ms, 1),
        "ratio": round(care_plan_ms / minimal_ms, 2),
        "target_ratio": TARGET_RATIO,
    }


def main() -> None:
    import django

    django.setup()
    result = run_pdf_benchmark()
    print(
        f"{result['pages']} pages each, median of {result['rounds']} rounds\n"
        f"care plan ({result['care_plan_items']} items): {result['care_plan_ms']} ms "
        f"(first render in this process, with font loading: {result['first_care_plan_ms']} ms)\n"
        f"minimal reportlab document ({result['minimal_paragraphs']} paragraphs): "
        f"{result['minimal_ms']} ms\n"
        f"ratio: {result['ratio']} (target at most {TARGET_RATIO})"
    )
    from perf.bench.handout_bench import report  # issue 18: the patient handout

    print(report())


if __name__ == "__main__":
    main()
