"""Person-facing text: lists, plurals, sides, capitals, and sources named by their titles."""

import pytest
from reasoning_case_builder import case_assessment

from assessments.reasoning import RULES, SEED_TITLES, SEEDS, Text
from assessments.reasoning.i18n import and_list

CALF = Text("calf")
FOOT = Text("foot")
HAMSTRING = Text("hamstring")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((), ""),
        ((CALF,), "calf"),
        ((CALF, FOOT), "calf and foot"),
        ((CALF, FOOT, HAMSTRING), "calf, foot and hamstring"),
    ],
)
def test_lists_read_as_a_person_writes_them(parts, expected):
    value = and_list(parts)
    assert (value if isinstance(value, str) else value.render()) == expected


def test_the_and_of_a_list_is_translated():
    french = {"%(first)s and %(last)s": "%(first)s et %(last)s", "calf": "mollet", "foot": "pied"}
    assert and_list((CALF, FOOT)).render(lambda s: french.get(s, s)) == "mollet et pied"


def _items(assessment):
    return {item.key: item for item in assessment.plan.items}


def test_each_side_only_when_both_sides_cramp():
    one = case_assessment(
        cramps={
            "sites": [{"muscle": "calf", "side": "left"}],
            "timing": ["night"],
            "cramps_per_week": 3,
        }
    )
    both = case_assessment(
        cramps={
            "sites": [{"muscle": "calf", "side": "both"}],
            "timing": ["night"],
            "cramps_per_week": 3,
        }
    )
    assert str(_items(one)["stretching.calf_before_bed"].dosage.text) == (
        "3 holds of 20-30 s on the left, every night before bed"
    )
    assert str(_items(both)["stretching.calf_before_bed"].dosage.text) == (
        "3 holds of 20-30 s each side, every night before bed"
    )


def test_complaint_and_factor_lists_use_and():
    assessment = case_assessment(
        cramps={
            "sites": [{"muscle": "calf", "side": "left"}, {"muscle": "foot", "side": "left"}],
            "timing": ["night", "rest"],
            "cramps_per_week": 3,
        }
    )
    assert str(assessment.complaint) == (
        "Cramps in the calf (left) and foot (left), 3 a week, at night and at rest."
    )
    (night,) = [f for f in assessment.factors if f.key == "night_calf_cramps"]
    assert str(night.title).startswith("Cramps in the calf and foot at night")


def test_one_visit_a_week_is_singular():
    # One musculoskeletal finding, 1-2 cramps a week: one visit a week.
    assessment = case_assessment(
        cramps={"sites": [{"muscle": "calf", "side": "both"}], "cramps_per_week": 2},
        exam={"flexibility": {"ankle_dorsiflexion_left_degrees": 4}},
    )
    assert str(assessment.plan.schedule.text) == "1 visit a week for 4 weeks, then review."


def test_condition_lists_start_with_a_capital():
    assessment = case_assessment(
        cramps={"sites": [{"muscle": "calf", "side": "both"}], "cramps_per_week": 2},
        conditions={"multiple_sclerosis": True, "stroke": True},
    )
    (neuro,) = [f for f in assessment.factors if f.key == "other.neurological"]
    assert str(neuro.title) == (
        "Neurological disease (multiple sclerosis and stroke) can cause cramps and spasm; this "
        "needs a doctor."
    )


def test_every_source_a_rule_cites_has_a_title_a_person_can_read():
    stems = {SEEDS[source] for rule in RULES for source in rule.sources}
    assert stems <= set(SEED_TITLES)
    for stem, title in SEED_TITLES.items():
        assert stem not in title and title.strip()
