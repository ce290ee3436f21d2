"""Reads of patients: search, possible duplicates, the record's history."""

from django.utils.translation import gettext_lazy as _

from intake.models import Intake, Patient, fold_name
from intake.patients.search import near_patients, search_patients  # noqa: F401 (the reads)


def find_possible_duplicates(*, first_name, last_name, date_of_birth, exclude_pk=None):
    """Patients with the same name (ignoring case, accents, apostrophes and hyphens) and date
    of birth."""
    candidates = Patient.objects.filter(
        search_name=fold_name(f"{first_name} {last_name}"), date_of_birth=date_of_birth
    )
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    return list(candidates.order_by("pk")[:10])


def record_history(patient):
    """Every saved change to the patient's own record and intakes, newest first.

    Each entry: (when, who, what, [(field label, old, new)]). Versions are paired in Python
    from one query per model, rather than asking simple-history for each previous record.
    """

    entries = []
    sources = [
        (patient.history.select_related("history_user"), Patient, _("Patient details")),
        (
            Intake.history.filter(patient_id=patient.pk).select_related("history_user"),
            Intake,
            _("Intake"),
        ),
    ]
    for queryset, model, what in sources:
        previous_by_object = {}
        fields = [f for f in model._meta.local_fields if f.editable and f.name != "id"]
        for record in queryset.order_by("history_date", "history_id"):
            previous = previous_by_object.get(record.id)
            changes = []
            if previous is not None:
                for field in fields:
                    old, new = getattr(previous, field.attname), getattr(record, field.attname)
                    if old != new:
                        changes.append((field.verbose_name, old, new))
            previous_by_object[record.id] = record
            label = what if model is Patient else f"{what} {record.id}"
            entries.append((record.history_date, record.history_user, label, record, changes))
    entries.sort(key=lambda entry: entry[0], reverse=True)
    return entries
