"""Plan items of the spinal_mobilisation component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import EACH_VISIT, ItemTemplate
from ..params import any_spinal_levels, cervical_levels, lumbar_levels, thoracic_levels

TEMPLATES = (
    ItemTemplate(
        "spinal_mobilisation.lumbar",
        "spinal_mobilisation",
        gettext_noop("Lower-back joint mobilisation"),
        gettext_noop(
            "Mobilise the stiff lower-back segments (%(levels)s) with sustained, direct pressure; "
            "recheck the cramping muscles afterwards."
        ),
        EACH_VISIT,
        lumbar_levels,
    ),
    ItemTemplate(
        "spinal_mobilisation.thoracic",
        "spinal_mobilisation",
        gettext_noop("Mid-back joint mobilisation"),
        gettext_noop(
            "Mobilise the sprained mid-back segments (%(levels)s) to settle the joint behind the "
            "protective spasm; recheck the spasm afterwards."
        ),
        EACH_VISIT,
        thoracic_levels,
    ),
    ItemTemplate(
        "spinal_mobilisation.cervical",
        "spinal_mobilisation",
        gettext_noop("Neck joint mobilisation"),
        gettext_noop(
            "Mobilise the stiff neck segments (%(levels)s) with sustained, direct pressure; "
            "recheck the forearm and hand afterwards."
        ),
        EACH_VISIT,
        cervical_levels,
    ),
    ItemTemplate(
        "spinal_mobilisation.gentle",
        "spinal_mobilisation",
        gettext_noop("Gentle spinal mobilisation"),
        gettext_noop(
            "Low-force, mid-range movement of the stiff spinal levels (%(levels)s): no sustained "
            "or forceful pressure and no manipulation."
        ),
        EACH_VISIT,
        any_spinal_levels,
    ),
)
