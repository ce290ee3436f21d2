"""Outcome scores (category survey) and exam findings (category exam) as Observations.

A finding that was not tested is not exported at all: a blank strength grade, range of motion,
reflex or pulse is "not tested", never "normal", and an unticked posture box is not a finding.
Only what the practitioner recorded leaves the clinic.
"""

from django.db import models
from django.utils.translation import gettext

from assessments import outcomes
from assessments.exams.services import NOT_FROM_FORMS
from assessments.models import Exam
from interop.fhir.codes import (
    LOINC,
    LOINC_BY_INSTRUMENT,
    OBSERVATION_CATEGORY,
    coding,
    concept,
    fhir_id,
    product_system,
    ref,
)
from interop.fhir.people import practitioner_ref

SURVEY = concept(OBSERVATION_CATEGORY, "survey", "Survey")
EXAM = concept(OBSERVATION_CATEGORY, "exam", "Exam")

# Fields of the exam that are about the exam, not findings: its bookkeeping, its date, and the
# spinal segments (one Observation per level, below).
_NOT_FINDINGS = {*NOT_FROM_FORMS, "examined_on", "segments"}
# Where on the body a finding is, by the start of its field name (the side comes from its end).
_BODY_SITES = (
    ("lumbar_lordosis", "Lumbar spine"),
    ("lumbar_", "Lumbar spine"),
    ("cervical_", "Cervical spine"),
    ("thoracic_kyphosis", "Thoracic spine"),
    ("head_forward", "Head and neck"),
    ("rounded_shoulders", "Shoulders"),
    ("pelvic_tilt", "Pelvis"),
    ("scoliosis", "Spine"),
    ("leg_length", "Lower limbs"),
    ("foot_posture", "Foot"),
    ("foot_pulse", "Foot"),
    ("slr_", "Lower limb"),
    ("slump", "Spine and lower limbs"),
    ("reflex_knee", "Knee"),
    ("reflex_ankle", "Ankle"),
    ("glute_max", "Gluteus maximus"),
    ("glute_med", "Gluteus medius"),
    ("calf_", "Calf"),
    ("hamstrings_", "Hamstrings"),
    ("hamstring_length", "Hamstrings"),
    ("quadriceps", "Quadriceps"),
    ("tibialis_anterior", "Tibialis anterior"),
    ("ankle_dorsiflexion", "Ankle"),
    ("thomas_test", "Hip"),
    ("plank", "Trunk"),
)
_UNITS = (("_degrees", "deg", "degrees"), ("_mm", "mm", "mm"), ("_seconds", "s", "s"))


def _side(name):
    for side in ("left", "right"):
        if name.endswith(f"_{side}") or f"_{side}_" in name:
            return side
    return ""


def body_site(name):
    """The body site of a finding as text ("Calf (left)"), or None when it has none."""
    for start, site in _BODY_SITES:
        if name.startswith(start):
            side = _side(name)
            return {"text": f"{site} ({side})" if side else site}
    return None


def _finding_value(field, value):
    """The Observation's value[x] for a recorded finding, or None when it was not recorded."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(field, models.BooleanField):
        # An unticked box is "not noted", which is not the same as "examined and normal".
        return {"valueBoolean": True} if value else None
    if field.choices:
        label = dict(field.choices).get(value, value)
        system = product_system("exam-value")
        return {"valueCodeableConcept": concept(system, value, str(label))}
    if isinstance(field, models.JSONField):  # nerve roots with a change
        return {"valueString": ", ".join(value)}
    if isinstance(field, (models.IntegerField, models.FloatField)):
        for ending, code, unit in _UNITS:
            if field.name.endswith(ending):
                return {
                    "valueQuantity": {
                        "value": value,
                        "unit": unit,
                        "system": "http://unitsofmeasure.org",
                        "code": code,
                    }
                }
        if isinstance(field, models.FloatField):
            return {"valueQuantity": {"value": value}}
        return {"valueInteger": int(value)}
    return {"valueString": str(value)}


def _status(exam):
    if not exam.is_finished:
        return "preliminary"
    return "amended" if exam.corrections.exists() else "final"


def exam_observations(exam):
    common = {
        "resourceType": "Observation",
        "status": _status(exam),
        "category": [EXAM],
        "subject": ref("Patient", exam.patient_id),
        "effectiveDateTime": exam.examined_on.isoformat(),
        "performer": [practitioner_ref(exam.practitioner)],
    }
    system = product_system("exam-finding")
    resources = []
    for field in Exam._meta.local_fields:
        if field.name in _NOT_FINDINGS:
            continue
        value = _finding_value(field, getattr(exam, field.name))
        if value is None:
            continue
        label = str(field.verbose_name)
        resource = {
            **common,
            "id": fhir_id("exam", exam.pk, field.name),
            "code": concept(system, field.name, label),
            **value,
        }
        site = body_site(field.name)
        if site:
            resource["bodySite"] = site
        resources.append(resource)
    for row in exam.segments or []:
        side = "" if row["side"] in ("central", "") else f" ({row['side']})"
        components = [
            {
                "code": concept(system, "segment_stiffness", gettext("stiffness")),
                "valueCodeableConcept": concept(
                    product_system("exam-value"), row["stiffness"], row["stiffness"]
                ),
            },
            {
                "code": concept(system, "segment_tender", gettext("tender")),
                "valueBoolean": bool(row["tender"]),
            },
        ]
        resources.append(
            {
                **common,
                "id": fhir_id("exam", exam.pk, "segment", row["level"]),
                "code": concept(system, "spinal_segment", gettext("spinal segment")),
                "bodySite": {"text": f"{row['level']}{side}"},
                "component": components,
            }
        )
    return resources


def outcome_code(instrument):
    """LOINC where the measure has a published code, always with the product's own coding."""
    own = coding(product_system("outcome-measure"), instrument.code, gettext(instrument.name))
    codings = [own]
    if instrument.code in LOINC_BY_INSTRUMENT:
        code, display = LOINC_BY_INSTRUMENT[instrument.code]
        codings.insert(0, coding(LOINC, code, display))
    return {"coding": codings, "text": gettext(instrument.name)}


def outcome_observation(measure):
    instrument = outcomes.get_instrument(measure.instrument)
    quantity = {"value": measure.score}
    if instrument.score_suffix.strip() == "%":
        quantity.update(unit="%", system="http://unitsofmeasure.org", code="%")
    else:
        quantity.update(unit="{score}", system="http://unitsofmeasure.org", code="{score}")
    resource = {
        "resourceType": "Observation",
        "id": fhir_id("outcome", measure.pk),
        "status": "final",
        "category": [SURVEY],
        "code": outcome_code(instrument),
        "subject": ref("Patient", measure.patient_id),
        "effectiveDateTime": measure.taken_on.isoformat(),
        "issued": measure.recorded_at.isoformat(timespec="seconds"),
        "valueQuantity": quantity,
        "derivedFrom": [ref("QuestionnaireResponse", fhir_id("outcome", measure.pk))],
    }
    if measure.recorded_by is not None:
        resource["performer"] = [practitioner_ref(measure.recorded_by)]
    return resource
