"""Reads of patients: search, possible duplicates, the record's history."""

import re

from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _
from phonenumbers import (
    NumberParseException,
    PhoneNumberFormat,
    format_number,
    is_valid_number,
    parse,
)

from intake.models import RECORD_NUMBER_DIGITS, Intake, Patient, fold_for_search

_DIGITS_ONLY = re.compile(r"[\d\s().+-]+")


def _as_phone(query, region):
    try:
        number = parse(query, region)
    except NumberParseException:
        return None
    return format_number(number, PhoneNumberFormat.E164) if is_valid_number(number) else None


def search_patients(*, query="", date_of_birth=None, include_archived=False, region="CA"):
    """Patients matching every word of the query by name, or the whole query as a phone number
    or record number, and the date of birth when given. Uses indexed columns only.
    """
    patients = Patient.objects.all() if include_archived else Patient.objects.active()
    query = query.strip()
    if date_of_birth is not None:
        patients = patients.filter(date_of_birth=date_of_birth)
    if not query:
        return patients.order_by("last_name", "first_name", "pk")

    matches = Q()
    words = fold_for_search(query).split()
    if words:
        name_match = Q()
        for word in words:
            # search_name is already folded to lower case, so a plain LIKE suffices and the
            # trigram index on PostgreSQL can serve it.
            name_match &= Q(search_name__contains=word)
        matches |= name_match
    if _DIGITS_ONLY.fullmatch(query):
        digits = re.sub(r"\D", "", query)
        if digits and len(digits) <= RECORD_NUMBER_DIGITS + 3:
            matches |= Q(pk=int(digits))
        phone = _as_phone(query, region)
        if phone:
            matches |= Q(phone=phone)
    ordering = ["last_name", "first_name", "pk"]
    if words and all(len(word) >= 3 for word in words):
        # On PostgreSQL, ordering by the indexed name columns tempts the planner to walk that
        # index, filtering every patient until a page of matches is found (70 ms for a name late
        # in the alphabet at 100,000 patients). An expression no index serves makes it use the
        # trigram index and sort the few matches instead (a few ms). Same order. Words under
        # three letters have no trigram to look up, so those keep the index walk.
        ordering[0] = Concat("last_name", Value(""))
    return patients.filter(matches).order_by(*ordering)


def find_possible_duplicates(*, first_name, last_name, date_of_birth, exclude_pk=None):
    """Patients with the same name (ignoring case and accents) and date of birth."""
    candidates = Patient.objects.filter(
        search_name=fold_for_search(f"{first_name} {last_name}"), date_of_birth=date_of_birth
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
