"""Plan items of the stretching component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import STRETCH, Dosage, ItemTemplate
from ..params import stretch_muscles

TEMPLATES = (
    ItemTemplate(
        "stretching.calf_before_bed",
        "stretching",
        gettext_noop("Calf stretch before bed"),
        gettext_noop(
            "Wall lean (leg to stretch behind, lean forward against a wall) or heel drop "
            "(forefoot on a step, slowly lower the heels) until the stretch is felt; knee "
            "straight, then bent."
        ),
        Dosage("nightly", sets=3, hold_seconds=20, hold_seconds_max=30, each_side=True),
    ),
    ItemTemplate(
        "stretching.pnf",
        "stretching",
        gettext_noop("PNF stretching of the cramping muscles"),
        gettext_noop(
            "Contract-relax (PNF) stretching of the %(muscles)s, with a band to bias the joint: "
            "after a gentle 6-second contraction, relax into the stretch."
        ),
        STRETCH,
        params_in_plan=stretch_muscles,
    ),
    ItemTemplate(
        "stretching.gentle",
        "stretching",
        gettext_noop("Gentle stretching of the cramping muscles"),
        gettext_noop(
            "Slow, gentle stretch of the %(muscles)s, stopping short of the point where a cramp "
            "starts; no contract-relax into the cramp."
        ),
        STRETCH,
        params_in_plan=stretch_muscles,
    ),
    ItemTemplate(
        "stretching.calf",
        "stretching",
        gettext_noop("Progressive calf stretching"),
        gettext_noop(
            "Calf stretch against a wall, knee straight then bent, going a little "
            "further each week."
        ),
        STRETCH,
    ),
    ItemTemplate(
        "stretching.hip_flexors",
        "stretching",
        gettext_noop("Hip-flexor stretch"),
        gettext_noop("Half-kneeling hip-flexor stretch with the pelvis tucked under."),
        STRETCH,
    ),
)
