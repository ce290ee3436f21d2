"""Plans built from the whole example cases (docs/cases), stored as a real draft plan would be,
so the handout is printed through the same code as on the plan page."""

from __future__ import annotations

import re
from pathlib import Path

from assessments.models import TreatmentPlan
from assessments.plans.services.common import _item_from, _snapshot
from assessments.reasoning import assess
from assessments.reasoning.cases import load_case
from tests.factories import IntakeFactory, PatientFactory

CASES_DIR = Path(__file__).resolve().parents[3] / "docs" / "cases"
CASE_NAMES = sorted(path.stem for path in CASES_DIR.glob("*.json"))

# Words for the practitioner that must never reach the patient's handout.
CLINICIAN_ONLY = (
    "the patient",
    "le patient",
    "la patiente",
    "hypomobility",
    "hypomobilité",
    "teach ",
    "PNF",
    "contract-relax",
    "mobilise the",
    "segments",
    "L4",
    "L5",
    "C5",
    "gluteus",
    "tibialis",
    "ankle-brachial",
    "Posture training",
    "Alignment exercises",
    "seed",
)
SEED_NAME = re.compile(r"\b00\d_[0-9a-f]{16}\b")


def case_assessment(name):
    """The case's assessment; with its red flags cleared, so the treatment is printed."""
    facts = load_case(CASES_DIR / f"{name}.json")
    assessment = assess(facts)
    flags = frozenset(flag.key for flag in assessment.red_flags)
    return assess(facts, cleared_red_flags=flags) if flags else assessment


def case_plan(name, *, by, language="en", **patient):
    assessment = case_assessment(name)
    snapshot = _snapshot(assessment, language)
    patient_row = PatientFactory(preferred_language=language, **patient)
    plan = TreatmentPlan(
        patient=patient_row,
        intake=IntakeFactory(patient=patient_row),
        assessment=snapshot,
        language=language,
        visit_frequency=(snapshot["plan"]["schedule"] or {}).get("text", {}).get("shown", ""),
        created_by=by,
    )
    plan.full_clean()
    plan.save()
    for position, item in enumerate(snapshot["plan"]["items"]):
        _item_from(plan, position, item)
    return plan, assessment
