"""Plan items of the massage component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import EACH_VISIT, ItemTemplate
from ..params import cervical_levels, cramping_muscles, lumbar_levels, thoracic_levels

TEMPLATES = (
    ItemTemplate(
        "massage.spinal_muscles.lumbar",
        "massage",
        gettext_noop("Calming massage of the lower-back muscles"),
        gettext_noop(
            "Relaxing massage of the muscles beside the stiff lower-back levels (%(levels)s) to "
            "calm an irritated nervous system; not deep tissue."
        ),
        EACH_VISIT,
        lumbar_levels,
    ),
    ItemTemplate(
        "massage.spinal_muscles.thoracic",
        "massage",
        gettext_noop("Calming massage of the mid-back and shoulder-girdle muscles"),
        gettext_noop(
            "Relaxing massage of the muscles beside the mid-back levels (%(levels)s) and of the "
            "shoulder girdle to ease the protective spasm; not deep tissue."
        ),
        EACH_VISIT,
        thoracic_levels,
    ),
    ItemTemplate(
        "massage.spinal_muscles.cervical",
        "massage",
        gettext_noop("Calming massage of the neck muscles"),
        gettext_noop(
            "Relaxing massage of the muscles beside the stiff neck levels (%(levels)s) to calm an "
            "irritated nervous system; not deep tissue."
        ),
        EACH_VISIT,
        cervical_levels,
    ),
    ItemTemplate(
        "massage.cramping_muscles",
        "massage",
        gettext_noop("Calming massage of the cramping muscles"),
        gettext_noop(
            "Relaxing massage of the %(muscles)s to ease soreness after cramps and speed "
            "recovery; not deep tissue."
        ),
        EACH_VISIT,
        cramping_muscles,
    ),
    ItemTemplate(
        "massage.pelvis_trunk",
        "massage",
        gettext_noop("Pelvis and trunk release"),
        gettext_noop(
            "Release the shortened pelvis and trunk muscles that draw one leg up, then recheck the "
            "leg length. No shoe lift: the legs are the same length."
        ),
        EACH_VISIT,
    ),
)
