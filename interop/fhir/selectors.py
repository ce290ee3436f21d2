"""Reads of one patient's whole record for the export, through the pages' own selectors.

The patient comes from clinic.access (a guessed id is a 404); exams, outcome measures and plans
from their selectors. Visit notes (the episode issue) are not exported yet: no Encounter.
"""

from dataclasses import dataclass

from assessments.exams.selectors import patient_exams
from assessments.models import OutcomeMeasure, TreatmentPlan
from intake.models import IntakeStatus


@dataclass
class PatientRecord:
    patient: object
    intakes: list
    history_intake: object  # the intake the history, medications and flags are read from
    exams: list
    outcomes: list
    plans: list


def _history_intake(intakes):
    """The newest confirmed intake, else the newest submitted one: a draft is not yet history."""
    answered = [i for i in intakes if i.status != IntakeStatus.DRAFT]
    confirmed = [i for i in answered if i.status == IntakeStatus.CONFIRMED]
    return (confirmed or answered or [None])[-1]


def patient_record(patient):
    intakes = list(
        # Each person is named with their title and registration number (signer_line).
        patient.intakes.select_related("created_by__staff_profile", "confirmed_by__staff_profile")
        .prefetch_related("medications")
        .order_by("created_at", "pk")
    )
    return PatientRecord(
        patient=patient,
        intakes=intakes,
        history_intake=_history_intake(intakes),
        exams=list(
            patient_exams(patient)
            .select_related("finished_by", "practitioner__staff_profile")
            .prefetch_related("corrections")
        ),
        outcomes=list(
            OutcomeMeasure.objects.filter(patient=patient)
            .select_related("recorded_by__staff_profile", "patient")
            .order_by("taken_on", "recorded_at", "pk")
        ),
        plans=list(
            TreatmentPlan.objects.filter(patient=patient)
            .select_related(
                "signed_by__staff_profile",
                "created_by__staff_profile",
                "previous",
                "signed_document",
            )
            .prefetch_related("items", "goals", "red_flag_clearances", "previous__signed_document")
            .order_by("created_at", "pk")
        ),
    )
