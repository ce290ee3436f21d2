"""Reads of patients: search and the access helper every patient view calls."""

import re

from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.http import Http404
from django.utils.translation import gettext_lazy as _
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


def get_intake(patient, pk):
    """The patient's intake with this id; 404 when it is someone else's or does not exist."""
    from intake.models import Intake

    try:
        # Medications are prefetched once: the flags, the summary and the corrections read them.
        return (
            Intake.objects.select_related("patient")
            .prefetch_related("medications")
            .get(patient=patient, pk=pk)
        )
    except (Intake.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def can_edit_intake(user, intake):
    """Front desk edits its own drafts; practitioners also correct submitted ones before
    confirming. A patient's draft belongs to the patient until they submit it."""
    from intake.models import IntakeSource, IntakeStatus

    if intake.status == IntakeStatus.CONFIRMED or intake.patient.is_archived:
        return False
    if intake.status == IntakeStatus.SUBMITTED:
        return user.has_perm("intake.confirm_intake")
    return intake.source == IntakeSource.FRONT_DESK and user.has_perm("intake.change_intake")


def intake_flags(intake):
    """What the summary highlights: (kind, text) pairs, red flags first."""
    from django.utils.translation import gettext as _

    from intake.models import RED_FLAG_FIELDS, Intake, Thyroid

    flags = []
    for field in RED_FLAG_FIELDS:
        if getattr(intake, field):
            flags.append(
                (
                    "danger",
                    _("Red flag: %(sign)s") % {"sign": Intake._meta.get_field(field).verbose_name},
                )
            )
    for medication in intake.medications.all():
        for drug_class in medication.cramp_linked_classes:
            flags.append(
                (
                    "warning",
                    _("%(name)s is a %(class)s, linked to leg cramps")
                    % {"name": medication.name, "class": drug_class.label},
                )
            )
    if intake.pregnant:
        if intake.trimester:
            flags.append(
                (
                    "warning",
                    _("Pregnant, %(weeks)s weeks (trimester %(trimester)s)")
                    % {"weeks": intake.gestation_weeks, "trimester": intake.trimester},
                )
            )
        else:
            flags.append(("warning", _("Pregnant")))
    if intake.gave_birth_last_12_months:
        flags.append(("info", _("Gave birth in the last 12 months")))
    if intake.breastfeeding:
        flags.append(("info", _("Breastfeeding")))
    if intake.thyroid in {Thyroid.UNDERACTIVE, Thyroid.OVERACTIVE, Thyroid.UNSURE}:
        treated = {True: _("treated"), False: _("not treated"), None: _("treatment unknown")}
        flags.append(
            ("warning", f"{intake.get_thyroid_display()} · {treated[intake.thyroid_treated]}")
        )
    for field in (
        "pad_diagnosed",
        "diabetes",
        "liver_disease",
        "kidney_disease",
        "multiple_sclerosis",
        "motor_neurone_disease",
        "peripheral_neuropathy",
        "heart_circulation_disease",
        "osteoporosis",
        "stroke",
        "parkinsons_disease",
        "cancer_history",
        "recent_trauma",
    ):
        if getattr(intake, field):
            flags.append(("warning", str(Intake._meta.get_field(field).verbose_name)))
    if intake.stenosis_region:
        flags.append(
            (
                "warning",
                _("Spinal stenosis: %(where)s") % {"where": intake.get_stenosis_region_display()},
            )
        )
    if intake.disc_injury_region:
        flags.append(
            (
                "warning",
                _("Disc injury: %(where)s") % {"where": intake.get_disc_injury_region_display()},
            )
        )
    return flags


def intake_summary(intake):
    """The answers grouped by section as (title, [(label, shown value)]), answered ones only."""

    from intake.intake_forms import SECTIONS
    from intake.models import Intake

    def names(fields):
        for field in fields:
            if isinstance(field, str):
                yield field
            else:  # a crispy Row of Columns
                for column in field.fields:
                    yield from names(column.fields)

    sections = []
    for title, fields in SECTIONS:
        rows = []
        for name in names(fields):
            value = shown_answer(name, getattr(intake, name))
            if value:
                rows.append((Intake._meta.get_field(name).verbose_name, value))
        sections.append((title, rows))
    return sections


def shown_answer(name, value):
    """An intake answer as the summary shows it: labels for choices, Yes or No, blank if none."""
    from django.utils.translation import gettext as _

    from intake.models import CrampMuscle, CrampTiming, Intake

    if name == "cramp_muscles":
        return ", ".join(str(CrampMuscle(v).label) for v in value or [] if v in CrampMuscle.values)
    if name == "cramp_timing":
        return ", ".join(str(CrampTiming(v).label) for v in value or [] if v in CrampTiming.values)
    field = Intake._meta.get_field(name)
    if field.choices and value:
        return str(dict(field.flatchoices).get(value, value))
    if value is True:
        return _("Yes")
    if value is False:
        return _("No") if field.null else ""
    if value is None or value == "":
        return ""
    return str(value)


def intake_corrections(intake):
    """The patient's answers a practitioner has since changed: [(question, patient said, now)].

    Compared as values, not as text: the patient's "5" hours and the stored 5.0 are the same
    answer. Shown with the question's label and the answers as the summary shows them.
    """
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from intake.models import INTAKE_ANSWER_FIELDS, Intake

    original_answers = intake.original_answers or {}
    corrections = []
    # In the questionnaire's order (PostgreSQL's jsonb keeps keys in an order of its own).
    for name in INTAKE_ANSWER_FIELDS:
        if name not in original_answers:
            continue  # a question added since the patient answered
        original = original_answers[name]
        field = Intake._meta.get_field(name)
        now = getattr(intake, name)
        try:
            before = field.to_python(original)
        except ValidationError:
            before = original
        after = field.to_python(now)
        if isinstance(before, list) and isinstance(after, list) and set(before) == set(after):
            continue  # the same boxes ticked, whatever order they were stored in
        if before != after:
            corrections.append(
                (field.verbose_name, shown_answer(name, before), shown_answer(name, now))
            )
    if "medications" in original_answers:

        def lines(rows):
            return [
                " ".join(
                    str(row.get(key) or "").strip() for key in ("name", "dose", "frequency")
                ).strip()
                for row in rows
            ]

        said = lines(original_answers["medications"])
        now = lines(
            {"name": m.name, "dose": m.dose, "frequency": m.frequency}
            for m in intake.medications.all()
        )
        if said != now:
            corrections.append((_("Medications"), "; ".join(said), "; ".join(now)))
    return corrections


def intake_differences(saved, answers):
    """Where the saved intake now differs from what this person typed: [(label, saved value)].

    Shown when a save is refused because someone else saved first, so the other person's
    change is visible next to the form that still holds this person's answers.
    """
    from intake.models import INTAKE_ANSWER_FIELDS, Intake

    differences = []
    for name in INTAKE_ANSWER_FIELDS:
        if name in answers and getattr(saved, name) != answers[name]:
            value = getattr(saved, name)
            field = Intake._meta.get_field(name)
            if field.choices and value:
                value = getattr(saved, f"get_{name}_display")()
            differences.append((field.verbose_name, value))
    return differences


def record_history(patient):
    """Every saved change to the patient's own record and intakes, newest first.

    Each entry: (when, who, what, [(field label, old, new)]). Versions are paired in Python
    from one query per model, rather than asking simple-history for each previous record.
    """
    from intake.models import Intake

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
