"""The assess and rule_catalogue commands: thin wrappers that never touch the database.

No test here is marked for database access, so any query would fail the test.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.reasoning import RULES
from assessments.reasoning.catalogue import render_catalogue_markdown

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"


def _run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_assess_prints_the_assessment_for_a_practitioner():
    text = _run("assess", str(CASES / "statin_and_diuretic.json"))
    assert "Takes atorvastatin, a statin; statins are linked to leg cramps." in text
    assert "Medication review with the prescriber: once" in text


def test_assess_json_holds_the_whole_assessment():
    data = json.loads(_run("assess", str(CASES / "red_flag_swollen_calf.json"), "--json"))
    assert data["requires_medical_clearance"] is True
    assert [flag["key"] for flag in data["red_flags"]] == ["red_flag.calf_clot"]
    assert data["treatment_withheld"] is True
    assert data["plan"]["items"] == [] and data["plan"]["schedule"] is None
    assert [(r["key"], r["urgency"]) for r in data["referrals"]] == [
        ("medical_referral.red_flags", "emergency")
    ]


def test_assess_with_a_cleared_red_flag_shows_the_treatment_proposal():
    data = json.loads(
        _run(
            "assess",
            str(CASES / "red_flag_swollen_calf.json"),
            "--json",
            "--cleared",
            "red_flag.calf_clot",
        )
    )
    assert data["treatment_withheld"] is False
    assert data["red_flags"][0]["cleared"] is True
    assert data["plan"]["items"] and data["plan"]["schedule"] is not None


def test_assess_names_the_bad_field(tmp_path):
    case = json.loads((CASES / "lumbar_stenosis_weak_glutes.json").read_text())
    case["facts"]["exam"]["segments"][0]["stiffness"] = "stif"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(case))
    with pytest.raises(CommandError) as caught:
        call_command("assess", str(path))
    assert "facts.exam.segments[0].stiffness: 'stif' is not one of" in str(caught.value)


def test_assess_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("assess", str(tmp_path / "nowhere.json"))


def test_rule_catalogue_writes_markdown_to_stdout_or_a_file(tmp_path):
    assert _run("rule_catalogue") == render_catalogue_markdown(RULES)
    output = tmp_path / "rules.md"
    _run("rule_catalogue", "--output", str(output))
    assert output.read_text() == render_catalogue_markdown(RULES)
