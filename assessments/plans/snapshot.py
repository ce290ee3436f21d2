"""The one reader of a plan's stored assessment snapshot (``TreatmentPlan.assessment``).

Generation stores ``Assessment.to_dict()`` on the plan, each text with its ``shown`` rendering in
the plan's language (plans/services/common.py). Pages, documents, selectors and services read it
through here, so the snapshot's shape, and how an older snapshot without a key is read, is
written down once.
"""


def shown(text):
    """A stored text as the plan shows it ("" when absent)."""
    return (text or {}).get("shown", "")


def shown_or_english(text):
    """A stored text as shown, or its untranslated English when it has no rendering."""
    return (text or {}).get("shown") or (text or {}).get("text", "")


class PlanSnapshot:
    """Read access to one stored (or freshly rendered) assessment tree."""

    def __init__(self, data):
        self.data = data or {}

    def _rows(self, name):
        return self.data.get(name, [])

    @property
    def factors(self):
        return self._rows("factors")

    @property
    def red_flags(self):
        return self._rows("red_flags")

    @property
    def precautions(self):
        return self._rows("precautions")

    @property
    def precautions_by_key(self):
        return {precaution["key"]: precaution for precaution in self.precautions}

    @property
    def referrals(self):
        return self._rows("referrals")

    @property
    def withheld_items(self):
        return self._rows("withheld_items")

    @property
    def deferred_items(self):
        """Keys of the items left out only to keep the plan short."""
        return self._rows("deferred_items")

    @property
    def proposed_items(self):
        """The items the reasoning proposed, as stored (not the plan's edited items)."""
        return self.data.get("plan", {}).get("items", [])

    @property
    def rule_ids(self):
        return self.data.get("rule_ids", [])

    @property
    def complaint(self):
        return self.data.get("complaint")

    @property
    def clearance_note(self):
        return self.data.get("clearance_note")

    @property
    def treatment_withheld(self):
        # An older snapshot without the key is read as withheld: the safe side.
        return self.data.get("treatment_withheld", True)

    def factor_keys(self):
        return [factor["key"] for factor in self.factors]

    def red_flag_keys(self):
        return [flag["key"] for flag in self.red_flags]


def plan_snapshot(plan):
    """The plan's stored assessment, to read."""
    return PlanSnapshot(plan.assessment)
