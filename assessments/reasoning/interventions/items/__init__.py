"""Every plan item template, one module per plan component, listed in the components' order."""

from __future__ import annotations

from ...vocabulary import COMPONENTS
from . import (
    home_care,
    massage,
    medical_referral,
    nutrition_referral,
    posture,
    spinal_mobilisation,
    strengthening,
    stretching,
)

_BY_COMPONENT = {
    "medical_referral": medical_referral.TEMPLATES,
    "spinal_mobilisation": spinal_mobilisation.TEMPLATES,
    "massage": massage.TEMPLATES,
    "stretching": stretching.TEMPLATES,
    "strengthening": strengthening.TEMPLATES,
    "posture": posture.TEMPLATES,
    "nutrition_referral": nutrition_referral.TEMPLATES,
    "home_care": home_care.TEMPLATES,
}
# Medical referrals first: they can change what the rest of the plan may do.
ITEM_TEMPLATES = tuple(template for c in COMPONENTS for template in _BY_COMPONENT[c])
ITEMS_BY_KEY = {template.key: template for template in ITEM_TEMPLATES}
