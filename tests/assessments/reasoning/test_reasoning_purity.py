"""The reasoning package stands alone: no Django, and every sentence it emits is translatable."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reasoning_case_builder import case_assessment

from assessments.reasoning import Text

PACKAGE = Path(__file__).resolve().parents[3] / "assessments" / "reasoning"
MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_package_imports_with_django_made_unimportable():
    names = ", ".join(
        ".".join(("assessments", "reasoning", *path.relative_to(PACKAGE).with_suffix("").parts))
        for path in MODULES
        if path.stem != "__init__"
    )
    code = (
        "import sys; sys.modules['django'] = None\n"
        f"import assessments.reasoning, {names}\n"
        "loaded = [m for m in sys.modules if sys.modules[m] is not None]\n"
        "assert not [m for m in loaded if m.split('.')[0] == 'django'], loaded"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PACKAGE.parents[1], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_no_module_names_django_in_an_import():
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "django" for name in names), (path.name, names)


def _marked_msgids():
    marked = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "gettext_noop":
                (argument,) = node.args
                marked.add(ast.literal_eval(argument))
    return marked


def _texts(value):
    """Every Text inside an assessment (its dataclasses, tuples and Text parameters)."""
    if isinstance(value, Text):
        yield value
        for param in value.params.values():
            yield from _texts(param)
    elif isinstance(value, tuple):
        for part in value:
            yield from _texts(part)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _texts(getattr(value, name))
    elif hasattr(value, "text"):
        yield from _texts(value.text)


def _busy_assessment():
    """A patient touching most rules, so most sentences are produced."""
    return case_assessment(
        cramps={
            "sites": [
                {"muscle": "calf", "side": "left"},
                {"muscle": "hamstring", "side": "both"},
                {"muscle": "forearm_hand", "side": "right"},
            ],
            "timing": ["night", "exercise"],
            "cramps_per_week": 8,
        },
        red_flags={"fever": True},
        medications=[{"name": "atorvastatin", "classes": ["statin", "diuretic"]}],
        pregnancy={"pregnant": True, "gestation_weeks": 43},
        thyroid={"condition": "unsure"},
        spine={"stenosis_region": "lumbar", "disc_injury_region": "cervical"},
        conditions={"diabetes": True, "kidney_disease": True},
        daily_life={
            "water_litres_per_day": 1,
            "sitting_hours_per_day": 9,
            "sits_legs_crossed": True,
        },
        exam={
            "posture": {"foot_posture_right": "flat", "leg_length_difference_mm": 7},
            "segments": [
                {"level": "L5", "stiffness": "mild"},
                {"level": "C6", "stiffness": "severe"},
            ],
            "neuro": {"slump_positive": True, "reflex_ankle_left": "reduced"},
            "strength": {
                "glute_med_left": 2,
                "tibialis_anterior_left": 4,
                "tibialis_anterior_right": 5,
            },
            "vascular": {"foot_pulse_left": "weak", "ankle_brachial_index": 0.7},
            "pain_now": 5,
        },
    )


def test_every_sentence_in_an_assessment_is_marked_for_translation():
    marked = _marked_msgids()
    texts = list(_texts(_busy_assessment()))
    assert len(texts) > 100
    unmarked = {text.msgid for text in texts} - marked
    assert not unmarked


def test_rendering_goes_through_the_given_translation():
    assessment = _busy_assessment()

    def translate(msgid):
        return "«" + msgid + "»"

    for text in (
        *(factor.title for factor in assessment.factors),
        *(item.instructions for item in assessment.plan.items),
        *(item.dosage.text for item in assessment.plan.items),
        assessment.clearance_note,
    ):
        rendered = text.render(translate)
        assert rendered.startswith("«") and rendered.endswith("»"), rendered
    # Parameters that are sentences themselves (muscle names) are translated too.
    (night,) = [f for f in assessment.factors if f.key == "night_calf_cramps"]
    assert "«calf»" in night.title.render(translate)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_xgettext_extracts_exactly_the_marked_sentences(tmp_path):
    # The extraction makemessages runs: the gettext_noop keyword, Python source.
    pot = tmp_path / "reasoning.pot"
    subprocess.run(
        ["xgettext", "--language=Python", "--keyword=gettext_noop", "--from-code=UTF-8"]
        + ["-o", str(pot), *map(str, MODULES)],
        check=True,
    )
    extracted = {
        "".join(re.findall(r'"(.*)"', block)).replace('\\"', '"')
        for block in re.findall(r'^msgid ((?:".*"\n)+)', pot.read_text(), re.M)
    }
    assert extracted - {""} == _marked_msgids()
