"""What the intake's summary page shows: its flags, its answers by section, the corrections."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from intake.models import (
    INTAKE_ANSWER_FIELDS,
    RED_FLAG_FIELDS,
    CrampMuscle,
    CrampTiming,
    Intake,
    Thyroid,
)
from intake.questionnaire import MEDICAL_CONDITIONS, SECTIONS


def intake_flags(intake):
    """What the summary highlights: (kind, text) pairs, red flags first."""

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
    for field in ("pad_diagnosed", *MEDICAL_CONDITIONS):
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
