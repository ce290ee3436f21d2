"""Reads of patients: search and the access helper every patient view calls."""

import re

from django.http import Http404
from phonenumbers import (
    NumberParseException,
    PhoneNumberFormat,
    format_number,
    is_valid_number,
    parse,
)

from intake.models import RECORD_NUMBER_DIGITS, Patient, fold_for_search

_DIGITS_ONLY = re.compile(r"[\d\s().+-]+")


def get_patient(pk):
    """The patient with this id, or 404. Archived patients stay reachable: records are kept."""
    try:
        return Patient.objects.get(pk=pk)
    except (Patient.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


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

    from django.db.models import Q

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
    return patients.filter(matches).order_by("last_name", "first_name", "pk")


def find_possible_duplicates(*, first_name, last_name, date_of_birth, exclude_pk=None):
    """Patients with the same name (ignoring case and accents) and date of birth."""
    candidates = Patient.objects.filter(
        search_name=fold_for_search(f"{first_name} {last_name}"), date_of_birth=date_of_birth
    )
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    return list(candidates.order_by("pk")[:10])
