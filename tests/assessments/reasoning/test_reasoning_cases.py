"""Case files and facts: bad input names its field; good input survives a round trip."""

import json
from pathlib import Path

import pytest
from reasoning_case_builder import NO_RED_FLAGS, case_assessment, case_facts

from assessments.reasoning import RULES, SEEDS, CaseError, assess, facts_from_dict, facts_to_dict
from assessments.reasoning.cases import facts_from_case_json, load_case, render_text
from assessments.reasoning.catalogue import render_catalogue_markdown

DOCS = Path(__file__).resolve().parents[3] / "docs"
CASE_FILES = sorted((DOCS / "cases").glob("*.json"))


def _case_json(facts):
    return json.dumps({"vignette": "test", "facts": facts}, indent=2)


def _error(text):
    with pytest.raises(CaseError) as caught:
        facts_from_case_json(text)
    return str(caught.value)


def test_a_misspelt_stiffness_names_the_segment_and_the_allowed_grades():
    segments = [
        {"level": "L4", "stiffness": "mild"},
        {"level": "L5", "stiffness": "none"},
        {"level": "S1", "stiffness": "stif"},
    ]
    text = _case_json({"cramps": {}, "red_flags": NO_RED_FLAGS, "exam": {"segments": segments}})
    assert _error(text) == (
        "facts.exam.segments[2].stiffness: 'stif' is not one of none, mild, moderate, severe"
    )


def test_broken_json_reports_line_and_column():
    message = _error('{\n  "facts": {\n    "cramps": {,\n')
    assert message == (
        "not valid JSON at line 3, column 16: Expecting property name enclosed in double quotes"
    )


def test_an_unknown_answer_is_refused_by_name():
    facts = {"cramps": {"cramps_a_week": 3}, "red_flags": NO_RED_FLAGS}
    assert _error(_case_json(facts)).startswith("facts.cramps: unknown field(s) 'cramps_a_week'")


def test_an_unanswered_red_flag_question_is_an_error_not_a_no():
    red_flags = {name: False for name in NO_RED_FLAGS if name != "fever"}
    assert _error(_case_json({"cramps": {}, "red_flags": red_flags})) == (
        "facts.red_flags.fever: is required"
    )


@pytest.mark.parametrize(
    ("section", "answer", "message"),
    [
        (
            {"daily_life": {"sits_legs_crossed": "yes"}},
            None,
            "daily_life.sits_legs_crossed: expected true or false, got 'yes'",
        ),
        (
            {"pregnancy": {"pregnant": True, "gestation_weeks": 45}},
            None,
            "pregnancy.gestation_weeks: 45 is outside 1..44",
        ),
        (
            {"pregnancy": {"gestation_weeks": 20}},
            None,
            "pregnancy.gestation_weeks: is given but pregnant is false",
        ),
        (
            {"exam": {"strength": {"calf_left": 6}}},
            None,
            "exam.strength.calf_left: 6 is outside 0..5",
        ),
        (
            {"medications": [{"name": "x", "classes": ["beta_blocker"]}]},
            None,
            "medications[0].classes[0]: 'beta_blocker' is not one of statin, diuretic, "
            "nicotinic_acid, raloxifene, nifedipine",
        ),
        (
            {"thyroid": {"condition": "none", "treated": True}},
            None,
            "thyroid.treated: must be null when condition is 'none'",
        ),
        (
            None,
            {"sites": [{"muscle": "calf", "side": "left"}, {"muscle": "calf", "side": "right"}]},
            "cramps.sites: muscle 'calf' is listed more than once",
        ),
    ],
)
def test_facts_refuse_impossible_answers(section, answer, message):
    with pytest.raises(CaseError) as caught:
        case_facts(cramps=answer, **(section or {}))
    assert str(caught.value) == message


def test_post_term_pregnancy_is_accepted_and_flagged():
    assessment = case_assessment(
        cramps={"sites": [{"muscle": "calf", "side": "both"}], "cramps_per_week": 3},
        pregnancy={"pregnant": True, "gestation_weeks": 43},
    )
    (factor,) = [f for f in assessment.factors if f.key == "pregnancy.third_trimester"]
    assert "Post-term pregnancy: past 42 weeks" in [str(e) for e in factor.evidence]


@pytest.mark.parametrize("path", CASE_FILES, ids=[path.stem for path in CASE_FILES])
def test_example_cases_round_trip_through_plain_data(path):
    facts = load_case(path)
    assert facts_from_dict(json.loads(json.dumps(facts_to_dict(facts)))) == facts


def test_at_least_six_example_cases_are_documented():
    readme = (DOCS / "cases" / "README.md").read_text()
    assert len(CASE_FILES) >= 6
    for path in CASE_FILES:
        assert f"`{path.name}`" in readme


def test_terminal_text_shows_the_hold_then_red_flags_then_factors():
    text = render_text(assess(load_case(DOCS / "cases" / "red_flag_swollen_calf.json")))
    assert text.index("!! Red flags are open") < text.index("RED FLAGS") < text.index("FACTORS")
    assert "Calf swollen, red and warm: possible blood clot" in text


def test_catalogue_lists_every_rule_with_its_seed_files():
    markdown = render_catalogue_markdown(RULES)
    for rule in RULES:
        section = markdown.split(f"### {rule.id}\n", 1)[1].split("\n### ", 1)[0]
        assert rule.when.description in section
        for source in rule.sources:
            assert SEEDS[source] in section


def test_docs_rules_md_is_the_current_catalogue():
    # Regenerate with: python manage.py rule_catalogue --output docs/rules.md
    assert (DOCS / "rules.md").read_text() == render_catalogue_markdown(RULES)
