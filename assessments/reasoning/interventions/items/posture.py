"""Plan items of the posture component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import EACH_VISIT, Dosage, ItemTemplate
from ..params import posture_findings

TEMPLATES = (
    ItemTemplate(
        "posture.awareness",
        "posture",
        gettext_noop("Postural awareness"),
        gettext_noop(
            "Teach the patient to notice slumping and reset to an upright, supported position: "
            "the spine stiffens in the shape it is held in most."
        ),
        Dosage("hourly"),
    ),
    ItemTemplate(
        "posture.sitting",
        "posture",
        gettext_noop("Sitting position"),
        gettext_noop(
            "Feet flat and uncrossed, ankles relaxed rather than toes pointed, back supported."
        ),
        Dosage("every_day"),
    ),
    ItemTemplate(
        "posture.standing",
        "posture",
        gettext_noop("Long standing"),
        gettext_noop(
            "Shift weight between the legs, use a footrest, and take short sitting or "
            "walking breaks."
        ),
        Dosage("every_day"),
    ),
    ItemTemplate(
        "posture.training",
        "posture",
        gettext_noop("Posture training"),
        gettext_noop("Alignment exercises and cueing for: %(findings)s."),
        EACH_VISIT,
        posture_findings,
    ),
)
