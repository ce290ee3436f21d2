"""The intake's medical history as Conditions, its medications as MedicationStatements, and
each medication linked to leg cramps as a Flag (the clinical sources' list: intake/medications).

Only conditions the intake reports are exported; a condition the patient did not tick is not
exported as absent (the intake asks, it does not examine).
"""

from django.utils.translation import gettext

from intake.models import Intake, Thyroid
from intake.questionnaire import MEDICAL_CONDITIONS
from interop.fhir.codes import (
    CONDITION_CATEGORY,
    CONDITION_CLINICAL,
    CONDITION_VERIFICATION,
    FLAG_CATEGORY,
    base_url,
    concept,
    fhir_id,
    instant,
    product_system,
    ref,
)

# Ticked yes/no conditions of the intake, in the questionnaire's order. A recent injury or fall
# is not exported: it is an event the reasoning screens, not a lasting condition.
_YES_CONDITIONS = (
    "pad_diagnosed",
    *(name for name in MEDICAL_CONDITIONS if name != "recent_trauma"),
    "past_leg_muscle_injury",
)
# Spinal conditions, with the region they are in.
_REGION_CONDITIONS = ("stenosis_region", "disc_injury_region", "past_sprain_region")


def _label(name):
    return str(Intake._meta.get_field(name).verbose_name)


def _condition(intake, code, text, *, confirmed=False, note=None, body_site=None):
    resource = {
        "resourceType": "Condition",
        "id": fhir_id("intake", intake.pk, code),
        "clinicalStatus": concept(CONDITION_CLINICAL, "active", "Active"),
        # The history is what the patient reports; only imaging confirms a stenosis here.
        "verificationStatus": concept(
            CONDITION_VERIFICATION,
            "confirmed" if confirmed else "unconfirmed",
            "Confirmed" if confirmed else "Unconfirmed",
        ),
        "category": [concept(CONDITION_CATEGORY, "problem-list-item", "Problem List Item")],
        "code": concept(product_system("history"), code, text),
        "subject": ref("Patient", intake.patient_id),
        "recordedDate": instant(intake.submitted_at or intake.created_at),
    }
    if note:
        resource["note"] = [{"text": note}]
    if body_site:
        resource["bodySite"] = [{"text": body_site}]
    return resource


def conditions(intake):
    resources = []
    if intake.thyroid in (Thyroid.UNDERACTIVE, Thyroid.OVERACTIVE):
        treated = {True: gettext("treated"), False: gettext("not treated")}.get(
            intake.thyroid_treated, gettext("treatment not known")
        )
        resources.append(
            _condition(
                intake,
                f"thyroid_{intake.thyroid}",
                intake.get_thyroid_display(),
                note=treated,
            )
        )
    for name in _REGION_CONDITIONS:
        region = getattr(intake, name)
        if region:
            resources.append(
                _condition(
                    intake,
                    name.removesuffix("_region"),
                    _label(name),
                    confirmed=name == "stenosis_region" and intake.stenosis_imaging_confirmed,
                    body_site=getattr(intake, f"get_{name}_display")(),
                )
            )
    for name in _YES_CONDITIONS:
        if getattr(intake, name):
            resources.append(_condition(intake, name, _label(name)))
    return resources


def medication_resources(intake):
    """One MedicationStatement per medication line, and a Flag for each cramp-linked one."""
    resources = []
    for medication in intake.medications.all():
        statement_id = fhir_id("medication", medication.pk)
        statement = {
            "resourceType": "MedicationStatement",
            "id": statement_id,
            # As the patient reported it on the intake: taking it then.
            "status": "active",
            "medicationCodeableConcept": {"text": medication.name},
            "subject": ref("Patient", intake.patient_id),
            "dateAsserted": instant(intake.submitted_at or intake.created_at),
            "informationSource": ref("Patient", intake.patient_id),
            "derivedFrom": [ref("QuestionnaireResponse", fhir_id("intake", intake.pk))],
        }
        dosage = " ".join(part for part in (medication.dose, medication.frequency) if part)
        if dosage:
            statement["dosage"] = [{"text": dosage}]
        if medication.since:
            statement["note"] = [
                {"text": gettext("Since: %(since)s") % {"since": medication.since}}
            ]
        resources.append(statement)
        for linked in medication.cramp_linked_classes:
            text = gettext("%(medication)s (%(class)s): linked to leg cramps") % {
                "medication": medication.name,
                "class": linked.label,
            }
            resources.append(
                {
                    "resourceType": "Flag",
                    "id": fhir_id("medication", medication.pk, "cramp", linked.code),
                    "status": "active",
                    "category": [concept(FLAG_CATEGORY, "drug", "Drug")],
                    "code": concept(product_system("flag"), "cramp_linked_medication", text=text),
                    "subject": ref("Patient", intake.patient_id),
                    "extension": [
                        {
                            "url": f"{base_url()}/StructureDefinition/flag-medication",
                            "valueReference": ref("MedicationStatement", statement_id),
                        }
                    ],
                }
            )
    return resources
