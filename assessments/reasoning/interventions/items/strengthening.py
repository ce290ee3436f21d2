"""Plan items of the strengthening component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import STRENGTH, Dosage, ItemTemplate

TEMPLATES = (
    ItemTemplate(
        "strengthening.core",
        "strengthening",
        gettext_noop("Core strengthening"),
        gettext_noop(
            "Planks and curl-ups with the spine held still; lengthen the hold as control improves."
        ),
        Dosage("alternate_days", sets=3, hold_seconds=20, hold_seconds_max=30),
    ),
    ItemTemplate(
        "strengthening.core_gentle",
        "strengthening",
        gettext_noop("Gentle deep-core activation"),
        gettext_noop(
            "Deep abdominal and pelvic-floor activation with the spine in neutral, lying on the "
            "side or on hands and knees: no curl-ups, sit-ups, planks or loaded bending. Progress "
            "only once the practitioner has checked it is safe."
        ),
        Dosage("daily", sets=3, reps=10),
    ),
    ItemTemplate(
        "strengthening.glutes",
        "strengthening",
        gettext_noop("Gluteal strengthening"),
        gettext_noop(
            "Bridges, side-lying hip abduction and clamshells; if the hamstring starts to cramp "
            "in a bridge, stop and rest."
        ),
        STRENGTH,
    ),
    ItemTemplate(
        "strengthening.calf",
        "strengthening",
        gettext_noop("Calf strengthening"),
        gettext_noop("Heel raises on both legs, progressing to one leg."),
        Dosage("alternate_days", sets=3, reps=12),
    ),
    ItemTemplate(
        "strengthening.hamstrings",
        "strengthening",
        gettext_noop("Hamstring strengthening"),
        gettext_noop("Bridge walk-outs or hamstring curls, once the gluteals work well."),
        STRENGTH,
    ),
    ItemTemplate(
        "strengthening.quadriceps",
        "strengthening",
        gettext_noop("Front-thigh strengthening"),
        gettext_noop("Sit-to-stand and wall sits."),
        STRENGTH,
    ),
    ItemTemplate(
        "strengthening.tibialis_anterior",
        "strengthening",
        gettext_noop("Shin (tibialis anterior) strengthening"),
        gettext_noop("Toe raises against a band; a strong shin muscle lets the calf relax."),
        Dosage("alternate_days", sets=3, reps=15),
    ),
    ItemTemplate(
        "strengthening.foot",
        "strengthening",
        gettext_noop("Foot-muscle strengthening"),
        gettext_noop("Toe curls and towel gathering with the toes, sitting, in socks."),
        Dosage("alternate_days", sets=3, reps=10),
    ),
    ItemTemplate(
        "strengthening.short_foot",
        "strengthening",
        gettext_noop("Short-foot exercise"),
        gettext_noop(
            "Draw the ball of the foot toward the heel without curling the toes, lifting the "
            "arch; walk barefoot on uneven ground when safe."
        ),
        Dosage("daily", sets=3, reps=10, each_side=True),
    ),
    ItemTemplate(
        "strengthening.short_foot_seated",
        "strengthening",
        gettext_noop("Short-foot exercise, seated and shod"),
        gettext_noop(
            "Sitting, in socks or shoes, draw the ball of the foot toward the heel without curling "
            "the toes, lifting the arch. No barefoot walking; check the feet for marks afterwards."
        ),
        Dosage("daily", sets=3, reps=10, each_side=True),
    ),
    ItemTemplate(
        "strengthening.forearm_grip",
        "strengthening",
        gettext_noop("Forearm and grip strengthening"),
        gettext_noop("Wrist curls and grip work with a light load."),
        Dosage("alternate_days", sets=3, reps=12),
    ),
    ItemTemplate(
        "strengthening.shoulder_girdle",
        "strengthening",
        gettext_noop("Shoulder-girdle strengthening"),
        gettext_noop("Rows and shoulder-blade setting."),
        STRENGTH,
    ),
    ItemTemplate(
        "strengthening.conditioning",
        "strengthening",
        gettext_noop("General conditioning"),
        gettext_noop("Walking or easy cycling, building up gradually."),
        Dosage("three_times_weekly", minutes=30),
    ),
)
