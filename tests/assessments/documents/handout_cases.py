"""Plans built from the whole example cases (docs/cases), stored as a real draft plan would be,
so the handout is printed through the same code as on the plan page."""

from __future__ import annotations

import re
from pathlib import Path

from assessments.models import ClearanceKind, RedFlagClearance, TreatmentPlan
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
    "PNF",
    "contract-relax",
    "mobilise the",
    "segments",
    "gluteus",
    "tibialis",
    "ankle-brachial",
    "Posture training",
    "Alignment exercises",
    "seed",
)
# Spinal levels ("L4", "C5-C6"): case-sensitive, so the footer's hex fingerprint cannot match.
SPINAL_LEVEL = re.compile(r"\b[CTLS]\d{1,2}\b")
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
    for flag in assessment.red_flags:  # cleared as a practitioner would record it
        RedFlagClearance.objects.create(
            plan=plan,
            flag_key=flag.key,
            kind=ClearanceKind.OVERRIDE,
            reason="Seen and cleared by the family doctor",
            cleared_by=by,
        )
    return plan, assessment


def figure_forms_per_page(pdf: bytes) -> list[list[str]]:
    """The pictures on each page: the handout draws each inside a form XObject named fig<n>_."""
    import io

    import pypdf

    pages = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        pages.append(sorted(name for name in xobjects if name.startswith("/FormXob.fig")))
    return pages


def png_bytes(size=(64, 48), secret=b""):
    """A real PNG, with an optional text chunk that re-encoding must drop."""
    import io

    from PIL import Image, PngImagePlugin

    image = Image.new("RGB", size, (200, 120, 40))
    info = PngImagePlugin.PngInfo()
    if secret:
        info.add_text("Comment", secret.decode())
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()
