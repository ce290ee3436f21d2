"""The seeded patients' reserved phone range: how `seed_demo --patients N` numbers its rows, so a
run can be repeated or extended without duplicating anyone."""

from django.db import connection

from assessments.models import ExamStatus
from intake.models import IntakeStatus, Patient

# The seeded patients' reserved phone range: patient number i (0-based) of the seed gets
# +1 438 EEE LLLL with EEE = 200 + i // 10000 and LLLL = i % 10000 (8,000,000 valid numbers).
# The demo patients (seed_demo) use other area codes, so a seeded row is recognised by its
# number alone.
SEED_AREA_CODE = "438"
SEED_FIRST_EXCHANGE = 200
SEED_CAPACITY = (1000 - SEED_FIRST_EXCHANGE) * 10_000


def seed_phone(index):
    return f"+1{SEED_AREA_CODE}{SEED_FIRST_EXCHANGE + index // 10_000}{index % 10_000:04d}"


def seed_index(phone):
    digits = str(phone)[len(f"+1{SEED_AREA_CODE}") :]
    return (int(digits[:3]) - SEED_FIRST_EXCHANGE) * 10_000 + int(digits[3:])


def existing_seed_indexes():
    """The seed numbers already in the registry, read from the reserved phone range."""
    table = Patient._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT phone FROM {table} WHERE phone >= %s AND phone <= %s",  # noqa: S608
            [seed_phone(0), seed_phone(SEED_CAPACITY - 1)],
        )
        return {seed_index(phone) for (phone,) in cursor.fetchall()}


def plan_candidates(count, plans):
    """The first `plans` generated patients (by seed number, below `count`) with a confirmed
    intake and a finished exam: the same patients on every run, whatever already has a plan."""
    return list(
        Patient.objects.filter(
            phone__gte=seed_phone(0),
            phone__lte=seed_phone(count - 1),
            intakes__status=IntakeStatus.CONFIRMED,
            exams__status=ExamStatus.FINISHED,
        )
        .distinct()
        .order_by("phone")[:plans]
    )
