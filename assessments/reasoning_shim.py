"""TEMPORARY bridge to the reasoning's issue-12 interface (CONTRACT.md), until it is merged.

DELETE THIS MODULE AT MERGE and import ``assess`` and ``contraindicated_items`` from
``assessments.reasoning`` where this module is imported (plan_services.py only).

When the reasoning already has the contract's interface (``assess(facts, *,
cleared_red_flags)`` and ``contraindicated_items``), both functions below simply call it. Until
then they reshape the older output to the contract's keys so the Django side can be built and
tested: red flags get an urgency, ``cleared`` and a ``patient_text``; while a flag is open the
plan has no items, goals or schedule and ``treatment_withheld`` is true; every older precaution
counts as a contraindication (a reason is still asked for); nothing is listed as withheld.
"""

from __future__ import annotations

import inspect

from assessments import reasoning
from assessments.reasoning import Text, gettext_noop

URGENCIES = ("emergency", "urgent", "soon")
_URGENCY_BY_FLAG = {
    "red_flag.calf_clot": "emergency",
    "red_flag.saddle_numbness": "emergency",
    "red_flag.bladder_bowel": "emergency",
    "red_flag.critical_abi": "urgent",
    "red_flag.progressive_weakness": "urgent",
}
_PATIENT_TEXT = {
    "emergency": gettext_noop("Go to an emergency department today."),
    "urgent": gettext_noop("See your doctor within a day or two."),
    "soon": gettext_noop("See your doctor soon, before starting treatment."),
}


def _native():
    return "cleared_red_flags" in inspect.signature(reasoning.assess).parameters


def assess(facts, *, cleared_red_flags=frozenset()):
    cleared = frozenset(cleared_red_flags)
    if _native():
        return reasoning.assess(facts, cleared_red_flags=cleared)
    return _Reshaped(reasoning.assess(facts), cleared)


def contraindicated_items(facts) -> dict[str, list[str]]:
    native = getattr(reasoning, "contraindicated_items", None)
    if native is not None:
        return native(facts)
    found: dict[str, list[str]] = {}
    for precaution in reasoning.assess(facts).precautions:
        for item_key in precaution.item_keys:
            found.setdefault(item_key, []).append(precaution.key)
    return found


class _Reshaped:
    def __init__(self, assessment, cleared):
        self._assessment = assessment
        self._cleared = cleared

    def to_dict(self) -> dict:
        data = self._assessment.to_dict()
        open_urgencies = []
        for flag in data["red_flags"]:
            urgency = _URGENCY_BY_FLAG.get(flag["key"], "soon")
            flag["urgency"] = urgency
            flag["cleared"] = flag["key"] in self._cleared
            flag["patient_text"] = Text(_PATIENT_TEXT[urgency]).to_dict()
            if not flag["cleared"]:
                open_urgencies.append(urgency)
        for precaution in data["precautions"]:
            precaution["kind"] = "contraindication"
        data["withheld_items"] = []
        withheld = bool(open_urgencies)
        data["treatment_withheld"] = withheld
        red_flag_referral = "medical_referral.red_flags"
        if withheld:
            highest = min(open_urgencies, key=URGENCIES.index)
            data["referrals"] = [
                {**referral, "urgency": highest}
                for referral in data["referrals"]
                if referral["key"] == red_flag_referral
            ]
            data["plan"] = {"schedule": None, "review_after_days": None, "goals": [], "items": []}
        else:
            data["referrals"] = [r for r in data["referrals"] if r["key"] != red_flag_referral]
            data["plan"]["items"] = [
                item for item in data["plan"]["items"] if item["key"] != red_flag_referral
            ]
        return data
