"""Plan items of the nutrition_referral component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import Dosage, ItemTemplate
from ..params import nutrition_topics

TEMPLATES = (
    ItemTemplate(
        "nutrition_referral.dietitian",
        "nutrition_referral",
        gettext_noop("Refer to a dietitian or nutritionist"),
        gettext_noop(
            "Ask for advice on: %(topics)s. This plan does not prescribe salt, calcium or "
            "magnesium."
        ),
        Dosage("once"),
        nutrition_topics,
        recipient="dietitian_or_nutritionist",
        urgency="routine",
    ),
)
