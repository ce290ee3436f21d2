"""The patient handout's render time against the minimal reportlab document of its length.

Part of `make bench` (called from pdf_bench.main). The handout is built from the example case
docs/cases/lumbar_stenosis_weak_glutes.json through the same pure reasoning as a real plan:
eight exercises with their drawings, two pages. Its renderer may lay the story out more than
once (largest layout first, until it fits two pages), and this measures that whole cost.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from perf.bench.pdf_bench import (
    TARGET_RATIO,
    interleaved_medians_ms,
    minimal_paragraphs_for,
    page_count,
    render_minimal,
)

CASE = Path(__file__).resolve().parents[2] / "docs" / "cases" / "lumbar_stenosis_weak_glutes.json"


def typical_handout():
    from assessments.documents import Letterhead, PatientBlock
    from assessments.documents.handout_data import HandoutData, HandoutExercise
    from assessments.reasoning import assess
    from assessments.reasoning.cases import load_case
    from assessments.reasoning.handout import HandoutItem, patient_handout
    from assessments.reasoning.interventions import stretchable_muscles

    facts = load_case(CASE)
    assessment = assess(facts)
    in_plan = frozenset(item.key for item in assessment.plan.items)
    items = [
        HandoutItem(
            key=item.key,
            component=item.component,
            dosage=item.dosage.to_dict(),
            muscles=stretchable_muscles(facts, in_plan),
        )
        for item in assessment.plan.items
    ]
    content = patient_handout(
        items,
        factor_keys=[f.key for f in assessment.factors],
        precaution_keys=[p.key for p in assessment.precautions],
    )
    exercises = tuple(
        HandoutExercise(
            key=block.key,
            title=str(block.title),
            steps=tuple(str(step) for step in block.steps),
            dosage=str(block.dosage),
            feel=str(block.feel),
            stop=str(block.stop),
            figure=block.figure,
        )
        for block in content.exercises
    )
    return HandoutData(
        letterhead=Letterhead("Riverside Spine & Muscle Clinic", "12 Rue Saint-Denis", "555 0199"),
        patient=PatientBlock("Élodie Lefèvre", date(1984, 3, 7), "RSM-00421"),
        practitioner_name="Dr François Bélanger",
        plan_date=date(2026, 11, 21),
        version=1,
        signed_at=datetime(2026, 11, 21, 15, 30, tzinfo=UTC),
        findings=tuple(str(t) for t in content.findings),
        in_clinic=tuple(str(t) for t in content.in_clinic),
        visits="2 visits a week for 4 weeks, then review.",
        exercises=exercises,
        advice=tuple(str(t) for t in content.advice),
        precautions=tuple(str(t) for t in content.precautions),
    )


def run_handout_benchmark(rounds: int = 7) -> dict:
    from assessments.documents.handout import HandoutDocument

    data = typical_handout()
    pages = page_count(HandoutDocument(data).render())
    paragraphs = minimal_paragraphs_for(pages)
    medians = interleaved_medians_ms(
        {
            "handout": lambda: HandoutDocument(data).render(),
            "minimal": lambda: render_minimal(paragraphs),
        },
        rounds,
    )
    return {
        "handout_pages": pages,
        "handout_exercises": len(data.exercises),
        "handout_ms": round(medians["handout"], 1),
        "handout_minimal_ms": round(medians["minimal"], 1),
        "handout_ratio": round(medians["handout"] / medians["minimal"], 2),
        "target_ratio": TARGET_RATIO,
    }


def report(rounds: int = 7) -> str:
    result = run_handout_benchmark(rounds)
    return (
        f"patient handout ({result['handout_exercises']} exercises with drawings, "
        f"{result['handout_pages']} pages): {result['handout_ms']} ms against "
        f"{result['handout_minimal_ms']} ms for the minimal document of as many pages, "
        f"ratio {result['handout_ratio']}"
    )
