"""What assess() returns: the assessment and its draft plan, as plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Text, gettext_noop
from .interventions import Dosage

# What the patient is told to do, by urgency (a plain sentence for the care plan and letters).
URGENCY_PATIENT_TEXTS = {
    "emergency": gettext_noop(
        "Go to an emergency department today. Do not wait for your next appointment here."
    ),
    "urgent": gettext_noop(
        "See your doctor within a day or two; if you cannot get an appointment, go to an urgent "
        "care centre."
    ),
    "soon": gettext_noop("See your doctor soon, before starting any treatment here."),
}


def _texts(texts: tuple[Text, ...]) -> list[dict]:
    return [text.to_dict() for text in texts]


@dataclass(frozen=True)
class RuleFinding:
    """What the rules found about the patient (a red flag or a factor): its wording, the
    evidence for it, and the rules and sources behind it."""

    key: str
    title: Text
    evidence: tuple[Text, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def _to_dict(self, **own) -> dict:
        # ``own``: the fields of the kind of finding, between its evidence and its rules.
        return {
            "key": self.key,
            "title": self.title.to_dict(),
            "evidence": _texts(self.evidence),
            **own,
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class RedFlag(RuleFinding):
    urgency: str = "soon"
    cleared: bool = False

    @property
    def patient_text(self) -> Text:
        return Text(URGENCY_PATIENT_TEXTS[self.urgency])

    def to_dict(self) -> dict:
        return self._to_dict(
            urgency=self.urgency,
            cleared=self.cleared,
            patient_text=self.patient_text.to_dict(),
        )


@dataclass(frozen=True)
class Factor(RuleFinding):
    weight: int

    def to_dict(self) -> dict:
        return self._to_dict(weight=self.weight)


@dataclass(frozen=True)
class Precaution:
    key: str
    text: Text
    components: tuple[str, ...]
    item_keys: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]
    kind: str = "advice"
    # Contraindications only: the items it keeps out of the plan (whether proposed or not).
    withheld_item_keys: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "text": self.text.to_dict(),
            "components": list(self.components),
            "item_keys": list(self.item_keys),
            "withheld_item_keys": list(self.withheld_item_keys),
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class WithheldItem:
    """An item the rules would propose that a contraindication keeps out of the plan."""

    item: str
    precaution: str
    text: Text
    alternative: str | None

    def to_dict(self) -> dict:
        return {
            "item": self.item,
            "precaution": self.precaution,
            "text": self.text.to_dict(),
            "alternative": self.alternative,
        }


@dataclass(frozen=True)
class PlanItem:
    key: str
    component: str
    title: Text
    instructions: Text
    dosage: Dosage
    factor_keys: tuple[str, ...]
    precaution_keys: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "component": self.component,
            "title": self.title.to_dict(),
            "instructions": self.instructions.to_dict(),
            "dosage": self.dosage.to_dict(),
            "factor_keys": list(self.factor_keys),
            "precaution_keys": list(self.precaution_keys),
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Referral:
    """A referral letter to write: one per referral item of the plan."""

    key: str
    recipient: str
    urgency: str
    title: Text
    reason: Text
    factor_keys: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]
    # Red-flag referral only: what the patient is told to do, in plain words.
    patient_text: Text | None = None

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "recipient": self.recipient,
            "urgency": self.urgency,
            "title": self.title.to_dict(),
            "reason": self.reason.to_dict(),
            "patient_text": None if self.patient_text is None else self.patient_text.to_dict(),
            "factor_keys": list(self.factor_keys),
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Goal:
    key: str
    measure: str
    text: Text
    baseline: str | None
    target: str | None
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "measure": self.measure,
            "text": self.text.to_dict(),
            "baseline": self.baseline,
            "target": self.target,
            "rule_ids": list(self.rule_ids),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Schedule:
    visits_per_week: int
    weeks: int
    review_after_days: int
    text: Text

    def to_dict(self) -> dict:
        return {
            "visits_per_week": self.visits_per_week,
            "weeks": self.weeks,
            "review_after_days": self.review_after_days,
            "text": self.text.to_dict(),
        }


@dataclass(frozen=True)
class Plan:
    schedule: Schedule | None
    goals: tuple[Goal, ...]
    items: tuple[PlanItem, ...]

    @property
    def review_after_days(self) -> int | None:
        return None if self.schedule is None else self.schedule.review_after_days

    def items_for(self, component: str) -> tuple[PlanItem, ...]:
        return tuple(item for item in self.items if item.component == component)

    def to_dict(self) -> dict:
        return {
            "schedule": None if self.schedule is None else self.schedule.to_dict(),
            "review_after_days": self.review_after_days,
            "goals": [goal.to_dict() for goal in self.goals],
            "items": [item.to_dict() for item in self.items],
        }


@dataclass(frozen=True)
class Assessment:
    complaint: Text | None
    red_flags: tuple[RedFlag, ...]
    factors: tuple[Factor, ...]
    precautions: tuple[Precaution, ...]
    referrals: tuple[Referral, ...]
    plan: Plan
    requires_medical_clearance: bool
    clearance_note: Text | None
    rule_ids: tuple[str, ...]
    treatment_withheld: bool = False
    withheld_items: tuple[WithheldItem, ...] = ()
    # Items left out to keep the plan short (lowest priority first out); the practitioner can
    # add them back by hand.
    deferred_items: tuple[str, ...] = ()

    @property
    def open_red_flags(self) -> tuple[RedFlag, ...]:
        return tuple(flag for flag in self.red_flags if not flag.cleared)

    def to_dict(self) -> dict:
        return {
            "requires_medical_clearance": self.requires_medical_clearance,
            "treatment_withheld": self.treatment_withheld,
            "clearance_note": None
            if self.clearance_note is None
            else self.clearance_note.to_dict(),
            "red_flags": [flag.to_dict() for flag in self.red_flags],
            "complaint": None if self.complaint is None else self.complaint.to_dict(),
            "factors": [factor.to_dict() for factor in self.factors],
            "precautions": [precaution.to_dict() for precaution in self.precautions],
            "referrals": [referral.to_dict() for referral in self.referrals],
            "withheld_items": [entry.to_dict() for entry in self.withheld_items],
            "deferred_items": list(self.deferred_items),
            "plan": self.plan.to_dict(),
            "rule_ids": list(self.rule_ids),
        }
