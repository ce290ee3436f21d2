"""Builders for the plain data the documents print: a realistic plan, a letter, and variants."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from assessments.documents.data import (
    CarePlanData,
    Letterhead,
    PatientBlock,
    PlanItemBlock,
    ReferralLetterData,
)

SIGNED_AT = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)  # 10:30 in Toronto, same day


def letterhead(**overrides) -> Letterhead:
    values = {
        "name": "Riverside Spine & Muscle Clinic",
        "address": "12 Rue Saint-Denis\nMontréal QC H2X 3K8",
        "phone": "+1 514 555 0199",
        "logo_path": None,
    }
    return Letterhead(**{**values, **overrides})


def patient(**overrides) -> PatientBlock:
    values = {
        "full_name": "Élodie Lefèvre",
        "date_of_birth": date(1984, 3, 7),
        "record_number": "RSM-00421",
    }
    return PatientBlock(**{**values, **overrides})


def typical_items() -> tuple[PlanItemBlock, ...]:
    """Twelve items across every component, given out of order on purpose."""
    return (
        PlanItemBlock(
            component="home_care",
            title="Sleeping position",
            instructions="Sleep on your back with a pillow under your knees so the feet do not "
            "point down all night.",
            dosage="Every night",
            is_home_programme=True,
        ),
        PlanItemBlock(
            component="spinal_mobilisation",
            title="Lumbar mobilisation L4-L5",
            instructions="Gentle joint mobilisation of the stiff lower-back segments.",
            dosage="Each visit, about 10 minutes",
        ),
        PlanItemBlock(
            component="stretching",
            title="Calf stretch before bed",
            instructions="Lean against a wall with the back leg straight and the heel down.",
            dosage="20-30 seconds, 3 times each leg",
            precautions=("Stop if the stretch turns into a cramp.",),
            is_home_programme=True,
        ),
        PlanItemBlock(
            component="massage",
            title="Calming massage of the calves and lower back",
            instructions="Soothing massage of the spinal muscles and the cramping muscles; "
            "not deep tissue.",
            dosage="Each visit, 15 minutes",
            precautions=("No vigorous massage of the legs until the circulation check.",),
        ),
        PlanItemBlock(
            component="stretching",
            title="Hamstring PNF stretch",
            instructions="Contract-relax stretching with the practitioner.",
            dosage="Each visit, 3 rounds each leg",
        ),
        PlanItemBlock(
            component="strengthening",
            title="Glute bridge",
            instructions="Lie on your back, knees bent, and lift your hips; keep the ribs down.",
            dosage="2 sets of 10, every other day",
            is_home_programme=True,
        ),
        PlanItemBlock(
            component="strengthening",
            title="Short foot exercise",
            instructions="Shorten the foot by drawing the ball of the foot toward the heel "
            "without curling the toes.",
            dosage="5 holds of 10 seconds, daily",
            is_home_programme=True,
        ),
        PlanItemBlock(
            component="posture",
            title="Get up every hour",
            instructions="When sitting for a long time, stand and walk for a minute every "
            "hour; do not sit with crossed legs and pointed toes.",
            dosage="Every hour of sitting",
            is_home_programme=True,
        ),
        PlanItemBlock(
            component="nutrition_referral",
            title="Dietitian referral",
            instructions="Review of fluid and food intake, including calcium and magnesium.",
            dosage="One appointment",
        ),
        PlanItemBlock(
            component="medical_referral",
            title="Medication review with your doctor",
            instructions="Your statin is linked to leg cramps; your doctor will decide whether "
            "to change anything.",
            dosage="Next appointment",
            precautions=("Never stop a prescribed medicine without your doctor.",),
        ),
        PlanItemBlock(
            component="home_care",
            title="Drink enough water",
            instructions="At least 2 litres of water a day; coffee and tea do not count.",
            dosage="Daily",
            is_home_programme=True,
        ),
        PlanItemBlock(
            component="spinal_mobilisation",
            title="Foam roller self-mobilisation",
            instructions="Rest the stiff part of your back on the roller and hold still; "
            "stationary pressure works better than rolling.",
            dosage="1-2 minutes, once a day",
            is_home_programme=True,
        ),
    )


def care_plan(**overrides) -> CarePlanData:
    values = {
        "letterhead": letterhead(),
        "patient": patient(),
        "practitioner_name": "Dr François Bélanger",
        "plan_date": date(2026, 11, 21),
        "summary": "Your calf cramps at night come mostly from a stiff lower back and short "
        "calf muscles. We will loosen the back, stretch and strengthen the legs, and check "
        "your medicines and diet.",
        "items": typical_items(),
        "goals": ("No night cramps for two weeks in a row", "Sit through a film without pain"),
        "visit_frequency": "Once a week for 6 weeks",
        "review_date": date(2027, 1, 9),
        "precautions": (
            "See a doctor at once if your calf becomes swollen, hot and red.",
            "Do not stop any prescribed medicine without your doctor.",
        ),
        "version": 3,
        "signed_at": SIGNED_AT,
        "language": "en",
    }
    return CarePlanData(**{**values, **overrides})


def draft_care_plan(**overrides) -> CarePlanData:
    return care_plan(**{"signed_at": None, **overrides})


def long_care_plan(item_count: int = 60) -> CarePlanData:
    """A plan with many numbered items; every third item is part of the home programme."""
    components = [item.component for item in typical_items()]
    items = tuple(
        PlanItemBlock(
            component=components[n % len(components)],
            title=f"Exercise {n:03d}",
            instructions=f"Instructions for exercise {n:03d}. " * 6,
            dosage=f"{n % 5 + 1} sets of 10",
            precautions=(f"Precaution for exercise {n:03d}.",),
            is_home_programme=n % 3 == 0,
        )
        for n in range(1, item_count + 1)
    )
    return care_plan(items=items)


def referral_letter(**overrides) -> ReferralLetterData:
    values = {
        "letterhead": letterhead(),
        "patient": patient(),
        "practitioner_name": "Dr François Bélanger",
        "letter_date": date(2026, 11, 21),
        "kind": "doctor",
        "recipient": "Dr Martin",
        "reasons": (
            "Takes atorvastatin (a statin); statins are linked to leg cramps: medication review",
            "Reports feeling cold and tired; thyroid function has never been checked",
            "Weak pulses at the ankle: please assess the circulation",
        ),
        "notes": "Night cramps in both calves for 4 months.\nNo red flags found today.",
        "language": "en",
    }
    return ReferralLetterData(**{**values, **overrides})


def nutrition_letter(**overrides) -> ReferralLetterData:
    values = {
        "kind": "nutrition",
        "recipient": "Dietitian",
        "reasons": (
            "Drinks under 1 litre of water a day",
            "Pregnant, 28 weeks: calcium and magnesium intake",
        ),
        "notes": "",
    }
    return referral_letter(**{**values, **overrides})


def replace(data, **changes):
    return dataclasses.replace(data, **changes)
