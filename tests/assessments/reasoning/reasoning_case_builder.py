"""Build facts for the reasoning tests from only the answers a vignette mentions."""

from pathlib import Path

from assessments.reasoning import assess, facts_from_dict
from assessments.reasoning.cases import load_case
from assessments.reasoning.facts import RED_FLAG_FIELDS

NO_RED_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def case_facts(cramps=None, red_flags=None, **sections):
    """Facts through the real validator: no red flags and no cramps unless the vignette says so."""
    data = {
        "cramps": cramps or {},
        "red_flags": {**NO_RED_FLAGS, **(red_flags or {})},
        **sections,
    }
    return facts_from_dict(data)


def case_assessment(**kwargs):
    return assess(case_facts(**kwargs))


def summary(assessment):
    """What a practitioner reads, reduced to comparable keys and strings."""
    return {
        "requires_medical_clearance": assessment.requires_medical_clearance,
        "treatment_withheld": assessment.treatment_withheld,
        "red_flags": [(flag.key, flag.urgency, flag.cleared) for flag in assessment.red_flags],
        "factors": [factor.key for factor in assessment.factors],
        "precautions": [(precaution.key, precaution.kind) for precaution in assessment.precautions],
        "withheld": [
            (entry.item, entry.precaution, entry.alternative) for entry in assessment.withheld_items
        ],
        "referrals": [(referral.key, referral.urgency) for referral in assessment.referrals],
        "deferred": list(assessment.deferred_items),
        "schedule": None
        if assessment.plan.schedule is None
        else str(assessment.plan.schedule.text),
        "goals": [str(goal.text) for goal in assessment.plan.goals],
        "items": {
            component: [
                (item.key, str(item.dosage.text)) for item in assessment.plan.items_for(component)
            ]
            for component in dict.fromkeys(item.component for item in assessment.plan.items)
        },
    }


CASES_DIR = Path(__file__).resolve().parents[3] / "docs" / "cases"


def assess_case(name, cleared=()):
    """The assessment of docs/cases/<name>.json, with those red flags cleared."""
    return assess(load_case(CASES_DIR / f"{name}.json"), cleared_red_flags=frozenset(cleared))


def plan_item(assessment, key):
    (item,) = [item for item in assessment.plan.items if item.key == key]
    return item


def item_keys(assessment):
    return {item.key for item in assessment.plan.items}
