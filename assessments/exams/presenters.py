"""How an exam is shown: its findings by section, corrections and summary."""

from django.utils.text import capfirst
from django.utils.translation import gettext

from assessments.exams.forms import EXAM_SECTIONS, NOT_TESTED_FIELDS, _field_names
from assessments.models import (
    Exam,
)
from assessments.models.vocabulary import STRENGTH_GRADE_FIELDS, strength_grade_display


def finding_display(name, value):
    """One stored exam value as the read-only pages show it ("Not tested" when unexamined)."""
    field = Exam._meta.get_field(name)
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if name in NOT_TESTED_FIELDS and value is None:
        return gettext("Not tested")
    if value is None or value == "" or value == []:
        return "—"
    if name in STRENGTH_GRADE_FIELDS:
        return strength_grade_display(value)
    if field.choices:
        return str(dict(field.choices).get(value, value))
    if isinstance(value, list):
        return ", ".join(str(part) for part in value)
    return str(value)


def correction_rows(correction):
    """A correction's changes as (question label, before, after) for people to read."""
    rows = []
    for name, (before, after) in correction.changes.items():
        try:
            label = capfirst(Exam._meta.get_field(name).verbose_name)
        except Exception:  # a field since renamed: show its stored name
            label = name
        if name == "segments":
            rows.append((label, "…", "…"))
            continue
        rows.append((label, finding_display(name, before), finding_display(name, after)))
    return rows


def exam_summary(exam):
    """The exam's sections as (label, shown value) rows, for the read-only page."""
    sections = []
    for key, heading, layout in EXAM_SECTIONS:
        rows, notes = [], ""
        for name in _field_names(layout):
            if name.endswith("_notes"):
                notes = getattr(exam, name)
                continue
            field = Exam._meta.get_field(name)
            value = getattr(exam, name)
            if isinstance(value, bool):
                shown = gettext("Yes") if value else gettext("No")
            elif name in NOT_TESTED_FIELDS and value is None:
                shown = gettext("Not tested")
            elif name == "leg_length_short_side" and value is None:
                shown = gettext("Not measured")
            elif value is None or value == "" or value == []:
                shown = "—"
            elif name in STRENGTH_GRADE_FIELDS:
                shown = strength_grade_display(value)
            elif field.choices:
                shown = getattr(exam, f"get_{name}_display")()
            elif isinstance(value, list):
                shown = ", ".join(value)
            elif hasattr(value, "isoformat"):
                shown = value.isoformat()
            else:
                shown = f"{value:g}" if isinstance(value, float) else str(value)
            rows.append((capfirst(field.verbose_name), shown))
        sections.append({"key": key, "heading": heading, "rows": rows, "notes": notes})
    return sections
