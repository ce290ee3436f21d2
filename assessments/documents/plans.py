"""From a treatment plan to the documents the patient and the doctors receive.

The reportlab documents (assessments/documents/) take plain data; this module fills it from
the plan as the practitioner left it (their edits, not the raw proposal) and keeps the signed
care plan: generated once at signing, stored with its SHA-256, returned byte for byte after.
"""

import hashlib

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from assessments.documents import (
    CarePlanData,
    CarePlanDocument,
    Letterhead,
    PatientBlock,
    PlanItemBlock,
    ReferralLetterData,
    ReferralLetterDocument,
)
from assessments.models import PlanDocument
from assessments.plans.selectors import open_red_flags
from assessments.plans.snapshot import plan_snapshot
from assessments.plans.snapshot import shown as _shown
from assessments.reasoning.vocabulary import HOME_PROGRAMME_COMPONENTS
from clinic.models import ClinicProfile, signer_line

# Summary: the practitioner's own words first, else the leading factors as the rules put them.
SUMMARY_FACTORS = 3


def _letterhead():
    profile = ClinicProfile.current()
    logo = profile.logo.path if profile.logo else None
    return Letterhead(
        name=profile.name, address=profile.address, phone=profile.phone, logo_path=logo
    )


def _patient_block(patient):
    return PatientBlock(
        full_name=patient.full_name,
        date_of_birth=patient.date_of_birth,
        record_number=patient.record_number,
    )


def _practitioner_name(plan):
    # The signer's name line with their title and registration number (clinic.StaffProfile).
    return signer_line(plan.signed_by or plan.created_by)


def _summary(plan, dismissed):
    if plan.impression.strip():
        return plan.impression
    factors = [
        _shown(factor["title"])
        for factor in plan_snapshot(plan).factors
        if factor["key"] not in dismissed
    ]
    return " ".join(factors[:SUMMARY_FACTORS])


URGENCIES = ("emergency", "urgent", "soon")
# How soon, in words a patient (and the doctor reading the letter) understands.
URGENCY_WORDS = {
    "emergency": _("Today: go to an emergency department (same day)."),
    "urgent": _("Within a day or two: see a doctor urgently."),
    "soon": _("Soon: see a doctor before treatment starts."),
}


def see_doctor_text(plan):
    """What the patient must do while a red flag is open, in plain words ("" when none is)."""
    flags = open_red_flags(plan)
    if not flags:
        return ""
    first = min(
        flags,
        key=lambda f: URGENCIES.index(f["urgency"]) if f.get("urgency") in URGENCIES else 99,
    )
    shown = _shown(first.get("patient_text"))
    if shown:
        return shown
    with translation.override(plan.language if plan.language in {"en", "fr"} else "en"):
        return str(URGENCY_WORDS.get(first.get("urgency"), URGENCY_WORDS["soon"]))


def care_plan_data(plan):
    """The care plan as the document prints it: kept items in order, goals, precautions."""
    precaution_texts = {
        precaution["key"]: _shown(precaution["text"])
        for precaution in plan_snapshot(plan).precautions
    }
    dismissed = set(plan.factor_decisions.values_list("factor_key", flat=True))
    items = tuple(
        PlanItemBlock(
            component=item.component,
            title=item.title,
            instructions=item.instructions,
            dosage=item.dosage,
            precautions=tuple(
                precaution_texts[key] for key in item.precaution_keys if key in precaution_texts
            ),
            is_home_programme=item.component in HOME_PROGRAMME_COMPONENTS,
        )
        for item in plan.items.filter(removed=False).order_by("position", "pk")
    )
    goals = tuple(goal.text for goal in plan.goals.order_by("position", "pk"))
    return CarePlanData(
        letterhead=_letterhead(),
        patient=_patient_block(plan.patient),
        practitioner_name=_practitioner_name(plan),
        plan_date=timezone.localdate(plan.signed_at) if plan.signed_at else timezone.localdate(),
        summary=_summary(plan, dismissed),
        items=items,
        goals=goals,
        visit_frequency=plan.visit_frequency,
        review_date=plan.review_date,
        precautions=tuple(precaution_texts.values()),
        version=plan.number,
        signed_at=plan.signed_at,
        language=plan.language if plan.language in {"en", "fr"} else "en",
        see_doctor=see_doctor_text(plan),
    )


def render_care_plan(plan):
    """A draft's PDF, made fresh each time and marked DRAFT; never stored as the record."""
    return CarePlanDocument(care_plan_data(plan)).render()


def store_signed_care_plan(*, plan):
    """Render the signed plan once and keep the bytes with their SHA-256 (inside signing's
    transaction, so a plan is never signed without its document)."""
    pdf = CarePlanDocument(care_plan_data(plan)).render()
    document = PlanDocument(plan=plan, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest())
    document.full_clean()
    document.save()
    return document


# The reasoning names recipients by role; the letter addresses them in the plan's language,
# with the salutation a letter to them opens with ("Dear Doctor," / "Madame, Monsieur,": a
# French letter does not open with "Bonjour Médecin,").
RECIPIENTS = {
    "doctor": ("doctor", _("Doctor"), _("Dear Doctor,")),
    "dietitian_or_nutritionist": (
        "nutrition",
        _("Dietitian or nutritionist"),
        _("Dear colleague,"),
    ),
}


def referral_letters(plan):
    """The referrals the assessment proposes for this plan: [(key, title)]."""
    return [
        (referral["key"], _shown(referral["title"])) for referral in plan_snapshot(plan).referrals
    ]


def referral_letter_data(plan, key):
    """The letter for one referral of the plan, or None when the plan has no such referral."""
    for referral in plan_snapshot(plan).referrals:
        if referral["key"] != key:
            continue
        kind, addressee, opening = RECIPIENTS.get(referral["recipient"], RECIPIENTS["doctor"])
        language = plan.language if plan.language in {"en", "fr"} else "en"
        with translation.override(language):
            recipient = str(addressee)
            salutation = str(opening)
            urgency = URGENCY_WORDS.get(referral.get("urgency"))
            urgency = str(urgency) if urgency else ""
        return ReferralLetterData(
            letterhead=_letterhead(),
            patient=_patient_block(plan.patient),
            practitioner_name=_practitioner_name(plan),
            letter_date=timezone.localdate(),
            kind=kind,
            recipient=recipient,
            salutation=salutation,
            reasons=(_shown(referral["title"]), _shown(referral["reason"])),
            notes=plan.impression,
            language=language,
            urgency=urgency,
        )
    return None


def render_referral_letter(plan, key):
    data = referral_letter_data(plan, key)
    return ReferralLetterDocument(data).render() if data else None
