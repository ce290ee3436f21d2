"""Reads of intakes: what changed under someone's feet."""

from intake.models import INTAKE_ANSWER_FIELDS, Intake


def intake_differences(saved, answers):
    """Where the saved intake now differs from what this person typed: [(label, saved value)].

    Shown when a save is refused because someone else saved first, so the other person's
    change is visible next to the form that still holds this person's answers.
    """

    differences = []
    for name in INTAKE_ANSWER_FIELDS:
        if name in answers and getattr(saved, name) != answers[name]:
            value = getattr(saved, name)
            field = Intake._meta.get_field(name)
            if field.choices and value:
                value = getattr(saved, f"get_{name}_display")()
            differences.append((field.verbose_name, value))
    return differences
