"""Properties that hold for any valid facts, checked on random intakes and exams."""

import dataclasses
import json
import types
import typing

from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.reasoning import RULES, SEEDS, assess, facts_from_dict, facts_to_dict
from assessments.reasoning.cases import render_text
from assessments.reasoning.facts import Facts

RULE_IDS = {rule.id for rule in RULES}
SOURCE_STEMS = set(SEEDS.values())
RED_FLAG_FOR_ANSWER = {
    "calf_swollen_red_warm": "red_flag.calf_clot",
    "saddle_numbness": "red_flag.saddle_numbness",
    "bladder_bowel_change": "red_flag.bladder_bowel",
    "progressive_weakness": "red_flag.progressive_weakness",
    "unexplained_weight_loss": "red_flag.weight_loss",
    "fever": "red_flag.fever",
}
# Keep generated lists unique where the facts refuse repeats.
UNIQUE_BY = {"sites": lambda site: site["muscle"], "segments": lambda s: (s["level"], s["side"])}


def _value(hint, spec_meta, name):
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return st.none() | _value(inner, spec_meta, name)
    if typing.get_origin(hint) is tuple:
        (item,) = typing.get_args(hint)[:1]
        if dataclasses.is_dataclass(item):
            return st.lists(_section(item), max_size=4, unique_by=UNIQUE_BY.get(name))
        return st.lists(st.sampled_from(spec_meta["choices"]), unique=True, max_size=4)
    if dataclasses.is_dataclass(hint):
        return _section(hint)
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(int(spec_meta["min"]), int(spec_meta["max"]))
    if hint is float:
        return st.floats(spec_meta["min"], spec_meta["max"], allow_nan=False)
    if "choices" in spec_meta:
        return st.sampled_from(spec_meta["choices"])
    return st.text(st.characters(codec="utf-8"), min_size=1, max_size=20).filter(str.strip)


def _section(cls):
    hints = typing.get_type_hints(cls)
    return st.fixed_dictionaries(
        {f.name: _value(hints[f.name], f.metadata, f.name) for f in dataclasses.fields(cls)}
    )


@st.composite
def valid_facts_data(draw):
    data = draw(_section(Facts))
    # Repair the cross-field combinations that the facts rightly refuse.
    if not data["pregnancy"]["pregnant"]:
        data["pregnancy"]["gestation_weeks"] = None
    if data["thyroid"]["condition"] == "none":
        data["thyroid"]["treated"] = None
    if data["spine"]["stenosis_region"] is None:
        data["spine"]["stenosis_imaging_confirmed"] = False
    return data


@settings(max_examples=300, deadline=None)
@given(valid_facts_data())
def test_any_valid_facts_give_a_complete_traceable_deterministic_assessment(data):
    facts = facts_from_dict(data)
    assessment = assess(facts)
    as_dict = assessment.to_dict()
    json.dumps(as_dict)
    text = render_text(assessment)

    # Same facts, same output; also after a trip through plain data.
    assert assess(facts).to_dict() == as_dict
    assert facts_from_dict(facts_to_dict(facts)) == facts
    assert (
        assess(facts_from_dict(json.loads(json.dumps(facts_to_dict(facts))))).to_dict() == as_dict
    )

    # Every red-flag answer surfaces as a red flag, first in the summary and the plan.
    flag_keys = [flag.key for flag in assessment.red_flags]
    for answer, key in RED_FLAG_FOR_ANSWER.items():
        assert (key in flag_keys) == data["red_flags"][answer]
    assert assessment.requires_medical_clearance == bool(flag_keys)
    if flag_keys:
        assert assessment.plan.items[0].key == "medical_referral.red_flags"
        assert text.index("RED FLAGS") < text.index("FACTORS")
        assert list(as_dict).index("red_flags") < list(as_dict).index("factors")

    # Everything shown names the rules and sources behind it, and those exist.
    plan = assessment.plan
    for finding in (
        *assessment.red_flags,
        *assessment.factors,
        *assessment.precautions,
        *assessment.referrals,
        *plan.goals,
        *plan.items,
    ):
        assert finding.rule_ids and set(finding.rule_ids) <= RULE_IDS
        assert finding.sources and set(finding.sources) <= SOURCE_STEMS
    assert set(assessment.rule_ids) <= RULE_IDS

    # Factors are ranked by weight; items' precautions and factors are ones the summary shows.
    weights = [factor.weight for factor in assessment.factors]
    assert weights == sorted(weights, reverse=True)
    shown = {f.key for f in assessment.factors} | set(flag_keys)
    precaution_keys = {p.key for p in assessment.precautions}
    for item in plan.items:
        assert set(item.factor_keys) <= shown
        assert set(item.precaution_keys) <= precaution_keys
    assert (plan.schedule is None) == (not plan.items)
