"""Plan items of the medical_referral component."""

from __future__ import annotations

from ...i18n import gettext_noop
from ..base import Dosage, ItemTemplate
from ..params import cramp_linked_drugs, episode_length, secondary_conditions

TEMPLATES = (
    # Medical referrals first: they can change what the rest of the plan may do.
    ItemTemplate(
        "medical_referral.red_flags",
        "medical_referral",
        gettext_noop("Medical referral before treatment"),
        gettext_noop(
            "Red flags were found (listed above): the patient must see a doctor before any "
            "treatment. No treatment is proposed until a doctor has seen the patient or the flag "
            "is cleared with a reason."
        ),
        Dosage("once"),
        recipient="doctor",
        urgency="soon",
    ),
    ItemTemplate(
        "medical_referral.medication_review",
        "medical_referral",
        gettext_noop("Medication review with the prescriber"),
        gettext_noop(
            "Ask the prescribing doctor whether %(drugs)s may be adding to the cramps. The patient "
            "must not stop or change a prescribed drug unless the doctor advises it."
        ),
        Dosage("once"),
        cramp_linked_drugs,
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.thyroid",
        "medical_referral",
        gettext_noop("Thyroid check with the doctor"),
        gettext_noop(
            "Ask the doctor to check thyroid function: an untreated or unknown thyroid condition "
            "can cause nerve symptoms and cramps in the legs."
        ),
        Dosage("once"),
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.vascular",
        "medical_referral",
        gettext_noop("Circulation check with the doctor"),
        gettext_noop(
            "Ask the doctor for a vascular assessment of the legs (circulation, ankle-brachial "
            "index)."
        ),
        Dosage("once"),
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.secondary_causes",
        "medical_referral",
        gettext_noop("Doctor's review of other conditions"),
        gettext_noop(
            "These conditions can cause cramps and need a doctor: %(conditions)s. Ask the doctor "
            "to review them alongside this plan."
        ),
        Dosage("once"),
        secondary_conditions,
        recipient="doctor",
        urgency="routine",
    ),
    ItemTemplate(
        "medical_referral.long_cramps",
        "medical_referral",
        gettext_noop("Doctor's review of long-lasting cramps"),
        gettext_noop(
            "Cramps that last %(minutes)s minutes are longer than usual: ask the doctor to look "
            "for an underlying cause."
        ),
        Dosage("once"),
        episode_length,
        recipient="doctor",
        urgency="routine",
    ),
)
