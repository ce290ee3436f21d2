"""Properties that hold for any valid facts, checked on random intakes and exams."""

import dataclasses
import json
import types
import typing

from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.reasoning import (
    RULES,
    SEEDS,
    assess,
    contraindicated_items,
    facts_from_dict,
    facts_to_dict,
)
from assessments.reasoning.cases import render_text
from assessments.reasoning.engine import MAX_TREATMENT_ITEMS
from assessments.reasoning.facts import Facts
from assessments.reasoning.interventions import ITEMS_BY_KEY, PRECAUTIONS_BY_KEY

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
    treatment = [item for item in plan.items if ITEMS_BY_KEY[item.key].recipient is None]
    assert (plan.schedule is None) == (not treatment)
    assert len(treatment) <= MAX_TREATMENT_ITEMS


URGENCY_ORDER = ("emergency", "urgent", "soon")


@settings(max_examples=100, deadline=None)
@given(valid_facts_data(), st.data())
def test_an_open_red_flag_leaves_only_the_referral_with_its_urgency(data, draw):
    facts = facts_from_dict(data)
    keys = [flag.key for flag in assess(facts).red_flags]
    cleared = frozenset(draw.draw(st.lists(st.sampled_from(keys), unique=True)) if keys else [])
    assessment = assess(facts, cleared_red_flags=cleared)
    open_flags = [flag for flag in assessment.red_flags if flag.key not in cleared]
    assert [flag.cleared for flag in assessment.red_flags] == [
        flag.key in cleared for flag in assessment.red_flags
    ]
    if open_flags:
        # No treatment item, no visit schedule, no exercise, no goal: the referral alone.
        assert assessment.treatment_withheld and assessment.requires_medical_clearance
        assert assessment.plan.items == () and assessment.plan.schedule is None
        assert assessment.plan.goals == () and assessment.withheld_items == ()
        most_urgent = min(URGENCY_ORDER.index(flag.urgency) for flag in open_flags)
        (referral,) = assessment.referrals
        assert referral.key == "medical_referral.red_flags"
        assert referral.urgency == URGENCY_ORDER[most_urgent]
        assert referral.patient_text is not None
    else:
        assert not assessment.treatment_withheld and not assessment.requires_medical_clearance
        assert "medical_referral.red_flags" not in {r.key for r in assessment.referrals}
    for flag in assessment.red_flags:
        assert flag.urgency in URGENCY_ORDER
        assert flag.to_dict()["patient_text"]["text"]


def _expected_contraindications(facts):
    """Written out from the issue, independently of the rules: facts -> items that must not be
    proposed."""
    banned = set()
    pregnancy = facts.pregnancy
    if pregnancy.pregnant and (pregnancy.gestation_weeks is None or pregnancy.gestation_weeks > 13):
        banned |= {
            "home_care.sleep_position",
            "strengthening.core",
            "home_care.self_mobilisation.lumbar",
            "home_care.self_mobilisation.cervical",
        }
    if pregnancy.gave_birth_last_12_months and not pregnancy.pregnant:
        banned.add("strengthening.core")
    if facts.conditions.peripheral_neuropathy or facts.symptoms.numbness:
        banned.add("strengthening.short_foot")
    if facts.conditions.osteoporosis or any("raloxifene" in m.classes for m in facts.medications):
        banned |= {
            "spinal_mobilisation.lumbar",
            "spinal_mobilisation.thoracic",
            "spinal_mobilisation.cervical",
            "home_care.self_mobilisation.lumbar",
            "home_care.self_mobilisation.cervical",
            "strengthening.core",
        }
    abi = None if facts.exam is None else facts.exam.vascular.ankle_brachial_index
    if abi is not None and abi < 0.5:
        banned.add("home_care.heat")
    if "stretching" in facts.cramps.timing and facts.cramps.sites:
        banned.add("stretching.pnf")
    if (
        facts.conditions.kidney_disease
        or facts.conditions.heart_circulation_disease
        or facts.daily_life.fluid_limit_set_by_doctor
        or any("diuretic" in m.classes for m in facts.medications)
    ):
        banned.add("home_care.water")
    return banned


@settings(max_examples=300, deadline=None)
@given(valid_facts_data())
def test_a_contraindicated_item_never_appears(data):
    facts = facts_from_dict(data)
    every_flag = frozenset(flag.key for flag in assess(facts).red_flags)
    assessment = assess(facts, cleared_red_flags=every_flag)
    proposed = {item.key for item in assessment.plan.items}
    banned = _expected_contraindications(facts)
    assert not proposed & banned, proposed & banned
    listed = contraindicated_items(facts)
    assert banned <= set(listed)
    assert not proposed & set(listed)
    for entry in assessment.withheld_items:
        assert entry.item in listed and entry.precaution in listed[entry.item]
        assert PRECAUTIONS_BY_KEY[entry.precaution].kind == "contraindication"
        if entry.alternative is not None:
            assert entry.alternative not in listed
    # Advice never stands in the way: items carry advice keys only.
    for item in assessment.plan.items:
        for key in item.precaution_keys:
            assert PRECAUTIONS_BY_KEY[key].kind == "advice"
    # Progressive weakness is never read as a muscle imbalance to strengthen.
    if facts.red_flags.progressive_weakness:
        factor_keys = {factor.key for factor in assessment.factors}
        assert not factor_keys & {
            "imbalance.glutes_hamstrings",
            "imbalance.weak_antagonist",
            "weakness.other",
        }


INTERNAL = [
    *RULE_IDS,
    *(stem for stem in SOURCE_STEMS if stem != "clinical-screening"),
    *ITEMS_BY_KEY,
    *PRECAUTIONS_BY_KEY,
    *(rule.factor.key for rule in RULES if rule.factor is not None),
    *(rule.red_flag.key for rule in RULES if rule.red_flag is not None),
]


def _person_facing_texts(assessment):
    texts = [flag.title for flag in assessment.red_flags]
    texts += [flag.patient_text for flag in assessment.red_flags]
    texts += [factor.title for factor in assessment.factors]
    texts += [p.text for p in assessment.precautions]
    texts += [r.title for r in assessment.referrals] + [r.reason for r in assessment.referrals]
    texts += [goal.text for goal in assessment.plan.goals]
    for item in assessment.plan.items:
        texts += [item.title, item.instructions]
    if assessment.plan.schedule is not None:
        texts.append(assessment.plan.schedule.text)
    return [str(text) for text in texts]


@settings(max_examples=100, deadline=None)
@given(valid_facts_data())
def test_person_facing_text_has_no_internal_keys_and_reads_right(data):
    # Only the engine's own sentences are checked: free text typed by a person is replaced.
    for index, medication in enumerate(data["medications"]):
        medication["name"] = f"drug{index}"
    if data["exam"] is not None:
        data["exam"]["cramp_reproduced_where"] = "calf"
    facts = facts_from_dict(data)
    every_flag = frozenset(flag.key for flag in assess(facts).red_flags)
    for assessment in (assess(facts), assess(facts, cleared_red_flags=every_flag)):
        for text in _person_facing_texts(assessment):
            assert not any(key in text for key in INTERNAL), text
            assert text[0] == text[0].upper() or text[0].isdigit(), text
            assert "(s)" not in text and ",," not in text and "  " not in text, text
        sides = {site.side for site in facts.cramps.sites}
        one_side = sides in ({"left"}, {"right"})
        for item in assessment.plan.items:
            assert not any(key in str(item.dosage.text) for key in INTERNAL), item.key
            if one_side:
                assert "each side" not in str(item.dosage.text), item.key
        schedule = assessment.plan.schedule
        if schedule is not None:
            assert " 1 visits " not in f" {schedule.text} " and " 1 weeks" not in str(schedule.text)
