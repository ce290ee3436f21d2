"""The exam form, its sections and the spinal segment grid."""

from crispy_forms.bootstrap import InlineCheckboxes
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.functional import lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from assessments.exams.services import EXAM_FIELDS, MIN_REASON_LENGTH
from assessments.models import (
    NERVE_ROOTS,
    SEGMENT_LEVELS,
    Exam,
    LegLengthType,
    LegSide,
    RangeOfMotion,
    SegmentSide,
    Stiffness,
)
from clinic.concurrency import VersionedFormMixin
from clinic.dates import ClinicDateField
from clinic.form_fields import copy_fields_per_form
from clinic.form_layout import escape as _e
from clinic.widgets import FastCheckbox, FastSelect

# The roots a lower- and upper-quarter screen tests; the model accepts any of C1..S5.
SCREENED_ROOTS = ("C5", "C6", "C7", "C8", "T1", "L2", "L3", "L4", "L5", "S1", "S2")


def _cols(*names, css_class="col-sm"):
    return Row(*(Column(name, css_class=css_class) for name in names))


def _rom_rows(region):
    return [
        _cols(f"{region}_flexion", f"{region}_extension", css_class="col-6 col-lg-3"),
        _cols(
            f"{region}_side_bending_left",
            f"{region}_side_bending_right",
            f"{region}_rotation_left",
            f"{region}_rotation_right",
            css_class="col-6 col-lg-3",
        ),
    ]


def _strength_rows():
    muscles = ("glute_max", "glute_med", "calf", "hamstrings", "quadriceps", "tibialis_anterior")
    return [
        _cols(
            *(f"{m}_{side}" for m in pair for side in ("left", "right")), css_class="col-6 col-lg-3"
        )
        for pair in (muscles[0:2], muscles[2:4], muscles[4:6])
    ]


# Findings that may not have been examined: "Not tested" is a choice and the initial value.
NOT_TESTED_FIELDS = (
    "lumbar_lordosis",
    "pelvic_tilt",
    "foot_posture_left",
    "foot_posture_right",
    "sitting_posture",
    "reflex_knee_left",
    "reflex_knee_right",
    "reflex_ankle_left",
    "reflex_ankle_right",
    "foot_pulse_left",
    "foot_pulse_right",
)


# (key, heading, layout of the fields). The spinal grid is its own form, shown in "segments".
EXAM_SECTIONS = [
    (
        "general",
        _("Visit"),
        [_cols("examined_on", css_class="col-sm-6 col-lg-3")],
    ),
    (
        "posture",
        _("Posture"),
        [
            _cols("head_forward", "rounded_shoulders", "thoracic_kyphosis", "scoliosis"),
            _cols("lumbar_lordosis", "pelvic_tilt", "sitting_posture"),
            _cols("leg_length_difference_mm", "leg_length_type", "leg_length_short_side"),
            _cols("foot_posture_left", "foot_posture_right"),
            "posture_notes",
        ],
    ),
    ("segments", _("Spinal segments"), ["segments_notes"]),
    (
        "rom",
        _("Range of motion"),
        [*_rom_rows("lumbar"), *_rom_rows("cervical"), "rom_notes"],
    ),
    (
        "neuro",
        _("Neurological screen"),
        [
            _cols("slr_left_degrees", "slr_right_degrees"),
            _cols("slr_reproduces_left", "slr_reproduces_right", "slump_positive"),
            _cols(
                "reflex_knee_left",
                "reflex_knee_right",
                "reflex_ankle_left",
                "reflex_ankle_right",
                css_class="col-6 col-lg-3",
            ),
            InlineCheckboxes("sensation_change_roots"),
            InlineCheckboxes("strength_change_roots"),
            "neuro_notes",
        ],
    ),
    (
        "strength",
        _("Muscle strength (0-5)"),
        [*_strength_rows(), _cols("plank_seconds", css_class="col-6 col-lg-3"), "strength_notes"],
    ),
    (
        "flexibility",
        _("Flexibility"),
        [
            _cols("ankle_dorsiflexion_left_degrees", "ankle_dorsiflexion_right_degrees"),
            _cols("hamstring_length_left_degrees", "hamstring_length_right_degrees"),
            _cols("thomas_test_positive_left", "thomas_test_positive_right"),
            "flexibility_notes",
        ],
    ),
    (
        "vascular",
        _("Vascular screen"),
        [
            _cols("foot_pulse_left", "foot_pulse_right"),
            _cols("capillary_refill_seconds", "ankle_brachial_index"),
            "vascular_notes",
        ],
    ),
    (
        "pain",
        _("Pain and cramp"),
        [
            _cols("pain_now", "cramp_reproduced", "cramp_reproduced_where"),
            "pain_notes",
        ],
    ),
]


_GENERIC_MESSAGES = (MinValueValidator.message, MaxValueValidator.message)


_NUMBER_LIMITS = {
    "leg_length_difference_mm": (0, 100, "1"),
    "slr_left_degrees": (0, 120, "1"),
    "slr_right_degrees": (0, 120, "1"),
    "plank_seconds": (0, 3600, "1"),
    "ankle_dorsiflexion_left_degrees": (-30, 60, "1"),
    "ankle_dorsiflexion_right_degrees": (-30, 60, "1"),
    "hamstring_length_left_degrees": (0, 180, "1"),
    "hamstring_length_right_degrees": (0, 180, "1"),
    "capillary_refill_seconds": (0, 60, "0.1"),
    "ankle_brachial_index": (0.2, 2.0, "0.01"),
    "pain_now": (0, 10, "1"),
}


def _prepare_fields(fields):
    """What every exam form's fields carry, set once on the class's fields (each form copies
    them): done per request it was two thirds of building the form, most of it translating
    validator messages only to compare them."""
    for name, field in fields.items():
        if isinstance(field, (forms.IntegerField, forms.FloatField)):
            # One clear message per field (the model's), not Django's generic ones.
            field.validators = [
                validator
                for validator in Exam._meta.get_field(name).validators
                if not any(validator.message is generic for generic in _GENERIC_MESSAGES)
            ]
    for name, (low, high, step) in _NUMBER_LIMITS.items():
        widget = fields[name].widget
        widget.attrs.update({"min": low, "max": high, "step": step})
        widget.attrs["inputmode"] = "decimal" if step != "1" else "numeric"
    for muscle_field in (n for n in fields if n.endswith(("_left", "_right"))):
        if isinstance(fields[muscle_field], forms.IntegerField):
            fields[muscle_field].widget.attrs.update(
                {"min": 0, "max": 5, "step": 1, "inputmode": "numeric"}
            )
    for name in fields:
        if name.startswith(("lumbar_", "cervical_")) and name != "lumbar_lordosis":
            fields[name].choices = [("", _("Not tested")), *RangeOfMotion.choices]
    fields["leg_length_type"].choices = [("", _("Not measured")), *LegLengthType.choices]
    fields["leg_length_short_side"].choices = [("", _("Not measured")), *LegSide.choices]
    for name in NOT_TESTED_FIELDS:
        model_field = Exam._meta.get_field(name)
        fields[name].choices = [("", _("Not tested")), *model_field.choices]


class ExamForm(VersionedFormMixin, forms.ModelForm):
    """Every structured field of the exam and the notes beside each section."""

    sensation_change_roots = forms.MultipleChoiceField(
        label=_("Sensation changed at roots"),
        choices=[(root, root) for root in SCREENED_ROOTS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    strength_change_roots = forms.MultipleChoiceField(
        label=_("Strength changed at roots"),
        choices=[(root, root) for root in SCREENED_ROOTS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Exam
        fields = [name for name in EXAM_FIELDS if name != "segments"]
        field_classes = {"examined_on": ClinicDateField}
        widgets = {
            **{
                name: forms.Textarea(attrs={"rows": 2})
                for name in EXAM_FIELDS
                if name.endswith("_notes")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("sensation_change_roots", "strength_change_roots"):
            # Keep any root already recorded visible, even outside the usual screen.
            stored = [root for root in getattr(self.instance, name) or [] if root in NERVE_ROOTS]
            roots = [r for r in NERVE_ROOTS if r in SCREENED_ROOTS or r in stored]
            self.fields[name].choices = [(root, root) for root in roots]
        self.helpers = {}
        for key, _heading, layout in EXAM_SECTIONS:
            helper = FormHelper()
            helper.form_tag = False
            helper.disable_csrf = True
            helper.layout = Layout(*layout, *(["version"] if key == "pain" else []))
            self.helpers[key] = helper

    def sections(self):
        return [(key, heading, self.helpers[key]) for key, heading, _layout in EXAM_SECTIONS]


class ExamCorrectionForm(ExamForm):
    reason = forms.CharField(
        label=_("Why is this finished exam being corrected?"),
        help_text=_(
            "For example: the left and right calf grades were entered the wrong way round."
        ),
        min_length=MIN_REASON_LENGTH,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helpers["general"].layout = Layout("reason", *self.helpers["general"].layout)


# A ModelForm subclass makes its own fields: both classes' are prepared.
for _form_class in (ExamForm, ExamCorrectionForm):
    _prepare_fields(_form_class.base_fields)
    copy_fields_per_form(_form_class)


def _grid_widget(form, name, options):
    """One grid field's widget as Django would render it (same attributes and order), with the
    options' labels translated once per grid instead of once per level."""
    bound_field = form[name]
    auto_id = _e(bound_field.auto_id)
    aria = ""
    if form.errors.get(name):
        aria = f' aria-describedby="{auto_id}_error" aria-invalid="true"'
    css = _e(bound_field.field.widget.attrs["class"])
    opening = f'{aria} class="{css}" id="{auto_id}" name="{_e(bound_field.html_name)}"'
    value = bound_field.value()
    if options is None:  # the tender checkbox
        checked = " checked" if bound_field.field.widget.check_test(value) else ""
        return f'<input{opening} type="checkbox"{checked}>'
    selected = "" if value is None else str(value)
    return (
        f"<select{opening}>"
        + "".join(
            f'<option value="{option}"{" selected" if raw == selected else ""}>{label}</option>'
            for raw, option, label in options
        )
        + "</select>"
    )


def _grid_cell(form, name, options):
    """A grid cell: the field's hidden label (for screen readers), its widget, its errors."""
    bound_field = form[name]
    errors = "".join(
        f'<div class="invalid-feedback d-block">{_e(error)}</div>'
        for error in form.errors.get(name, ())
    )
    if errors:  # the id the widget's aria-describedby names
        errors = f'<div id="{_e(bound_field.auto_id)}_error">{errors}</div>'
    return (
        f'<td><label class="visually-hidden" for="{_e(bound_field.id_for_label)}">'
        f"{_e(bound_field.label)}</label>{_grid_widget(form, name, options)}{errors}</td>"
    )


def _level_label(text, level):
    """A grid field's label, translated when shown (the fields are built once, at import)."""
    return lazy(lambda: gettext(text) % {"level": level}, str)()


def _grid_fields():
    """Three fields per level, built once: ~100 fields per form were 3 ms of every exam page."""
    fields = {}
    for level in SEGMENT_LEVELS:
        fields[f"{level}_stiffness"] = forms.ChoiceField(
            label=_level_label(gettext_noop("%(level)s stiffness"), level),
            choices=Stiffness.choices,
            initial=Stiffness.NONE,
            widget=FastSelect(attrs={"class": "form-select form-select-sm stiffness"}),
        )
        fields[f"{level}_tender"] = forms.BooleanField(
            label=_level_label(gettext_noop("%(level)s tender"), level),
            required=False,
            widget=FastCheckbox(attrs={"class": "form-check-input"}),
        )
        fields[f"{level}_side"] = forms.ChoiceField(
            label=_level_label(gettext_noop("%(level)s side"), level),
            choices=SegmentSide.choices,
            initial=SegmentSide.CENTRAL,
            widget=FastSelect(attrs={"class": "form-select form-select-sm"}),
        )
    return fields


def _region(level):
    """The row's shading class: C, T, L, S, or SIJ."""
    return "SIJ" if level == "SIJ" else level.rstrip("0123456789")


def _options(choices):
    return [(str(value), _e(value), _e(label)) for value, label in choices]


class SpinalGridForm(forms.Form):
    """One compact row per level, C1 to SIJ: stiffness (default none), tender, side.

    Only the rows with a finding are stored; an untouched grid stores nothing.
    """

    prefix = "seg"

    def __init__(self, *args, segments=(), **kwargs):
        initial = {}
        for row in segments:
            for part in ("stiffness", "tender", "side"):
                initial[f"{row['level']}_{part}"] = row[part]
        super().__init__(*args, initial=initial, **kwargs)

    def rows_html(self):
        """The grid's table rows, written in Python: ~30 levels of three fields each were a
        third of the exam form's time as a template loop (issue 15's profile)."""
        stiffness, side = _options(Stiffness.choices), _options(SegmentSide.choices)
        return mark_safe(
            "".join(
                f'<tr class="region-{_e(_region(level))}"><th scope="row">{_e(level)}</th>'
                + _grid_cell(self, f"{level}_stiffness", stiffness)
                + _grid_cell(self, f"{level}_tender", None)
                + _grid_cell(self, f"{level}_side", side)
                + "</tr>"
                for level in SEGMENT_LEVELS
            )
        )

    def segments(self):
        """The rows as the model stores them: only levels with a finding."""
        rows = []
        for level in SEGMENT_LEVELS:
            stiffness = self.cleaned_data[f"{level}_stiffness"]
            tender = self.cleaned_data[f"{level}_tender"]
            if stiffness != Stiffness.NONE or tender:
                rows.append(
                    {
                        "level": level,
                        "stiffness": stiffness,
                        "tender": tender,
                        "side": self.cleaned_data[f"{level}_side"],
                    }
                )
        return rows


def _field_names(items):
    for item in items:
        if isinstance(item, str):
            yield item
        else:
            yield from _field_names(item.fields)


SpinalGridForm.base_fields = _grid_fields()
copy_fields_per_form(SpinalGridForm)
