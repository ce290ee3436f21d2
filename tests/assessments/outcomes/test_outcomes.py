"""Outcome-measure scoring, MCID comparison and trend charts (pure Python, no database)."""

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.outcomes import (
    INSTRUMENTS,
    LEFS,
    ODI,
    ODI_BANDS,
    PSFS,
    ScoringError,
    TrendLabels,
    compare_to_baseline,
    get_instrument,
    odi_band,
    render_trend_svg,
    score_lefs,
    score_nprs,
    score_odi,
    score_psfs,
)

SVG = "{http://www.w3.org/2000/svg}"
ODI_KEYS = [item.key for item in ODI.items]
LEFS_KEYS = [item.key for item in LEFS.items]


def odi_answers(*scores):
    return dict(zip(ODI_KEYS, scores, strict=True))


def parse_svg(svg):
    return ET.fromstring(svg)


# --- Instrument definitions ----------------------------------------------------------------


def test_every_instrument_is_registered_under_its_code():
    assert sorted(INSTRUMENTS) == ["LEFS", "NPRS", "ODI", "PSFS"]
    assert get_instrument("ODI") is ODI
    with pytest.raises(ValueError, match="Unknown outcome instrument"):
        get_instrument("XYZ")


def test_odi_has_ten_sections_of_six_statements_in_published_order():
    assert len(ODI.items) == 10
    assert [item.text for item in ODI.items][:3] == [
        "Pain intensity",
        "Personal care (washing, dressing, etc.)",
        "Lifting",
    ]
    assert ODI.items[-1].text == "Travelling"
    assert all(len(item.statements) == 6 for item in ODI.items)
    # Statement index is the score: first is no disability, last the worst.
    assert ODI.item("pain_intensity").statements[0] == "I have no pain at the moment"
    assert ODI.item("pain_intensity").statements[5] == (
        "The pain is the worst imaginable at the moment"
    )


def test_lefs_has_twenty_activities_scored_zero_to_four():
    assert len(LEFS.items) == 20
    assert LEFS.items[0].text.startswith("Any of your usual work")
    assert LEFS.items[19].text == "Rolling over in bed"
    assert (LEFS.item_min, LEFS.item_max, LEFS.score_max) == (0, 4, 80)
    assert dict(LEFS.response_labels)[4] == "No difficulty"


def test_psfs_allows_three_to_five_activities_and_nprs_one_item():
    assert (PSFS.min_items, PSFS.max_items, PSFS.item_max) == (3, 5, 10)
    nprs = get_instrument("NPRS")
    assert [item.key for item in nprs.items] == ["pain_now"]
    assert (nprs.item_min, nprs.item_max) == (0, 10)


def test_a_fixed_form_holds_every_one_of_its_items():
    # min_items and max_items default to the item count: the ODI, LEFS and NPRS never declare it.
    counts = {code: get_instrument(code) for code in ("NPRS", "ODI", "LEFS")}
    assert {code: (i.min_items, i.max_items) for code, i in counts.items()} == {
        "NPRS": (1, 1),
        "ODI": (10, 10),
        "LEFS": (20, 20),
    }


def test_item_keys_are_unique_within_each_instrument():
    for instrument in INSTRUMENTS.values():
        keys = [item.key for item in instrument.items]
        assert len(keys) == len(set(keys)), instrument.code


def test_texts_are_marked_for_translation_in_the_source():
    # makemessages only extracts literals passed straight to gettext_noop.
    import assessments.outcomes as package

    # The instruments (one module per measure), their registry and the trends: no Django.
    root = Path(package.__file__).parent
    files = [root / "__init__.py", root / "trends.py", *sorted((root / "instruments").glob("*.py"))]
    source = "\n".join(path.read_text(encoding="utf-8") for path in files)
    assert "import django" not in source and "from django" not in source
    assert 'gettext_noop("I have no pain at the moment")' in source
    assert 'gettext_noop("Rolling over in bed")' in source
    assert 'gettext_noop("Pain now")' in source


# --- ODI -------------------------------------------------------------------------------------


def test_odi_all_sections_answered_uses_denominator_fifty():
    # Published example: 16 points out of a possible 50 is 32%.
    result = score_odi(odi_answers(2, 2, 2, 2, 2, 2, 1, 1, 1, 1))
    assert result.raw_total == 16
    assert result.value == pytest.approx(32.0)
    assert result.sections_answered == 10
    assert result.band.key == "moderate"


def test_odi_one_section_missing_is_scored_on_the_nine_answered():
    answers = odi_answers(2, 2, 2, 2, 2, 2, 2, None, 2, 2)
    result = score_odi(answers)
    assert result.raw_total == 18
    assert result.value == pytest.approx(40.0)  # 18 / 45
    assert result.unanswered_sections == ("sex_life",)
    assert result.band.key == "moderate"


def test_odi_absent_section_counts_as_unanswered_like_none():
    answers = odi_answers(2, 2, 2, 2, 2, 2, 2, 3, 1, 1)
    del answers["sex_life"]
    # Published example: 16 / 45 = 35.5...%
    assert score_odi(answers).value == pytest.approx(35.5556, abs=1e-3)


def test_odi_two_sections_missing_is_refused_naming_the_first_unanswered():
    answers = odi_answers(2, 2, 2, None, 2, 2, 2, None, 2, 2)
    with pytest.raises(ScoringError) as caught:
        score_odi(answers)
    assert caught.value.field == "walking"
    assert caught.value.params == {"allowed": 1, "missing": 2}
    assert "2 sections are unanswered" in str(caught.value)


def test_odi_blank_form_is_refused():
    with pytest.raises(ScoringError) as caught:
        score_odi({})
    assert caught.value.field == "pain_intensity"


def test_odi_several_statements_marked_scores_the_highest():
    answers = odi_answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
    answers["lifting"] = {1, 3}
    result = score_odi(answers)
    assert result.raw_total == 12
    assert result.value == pytest.approx(24.0)


def test_odi_empty_selection_counts_as_unanswered():
    answers = odi_answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
    answers["sleeping"] = []
    assert score_odi(answers).unanswered_sections == ("sleeping",)


@pytest.mark.parametrize("bad_value", [6, -1, 2.5, "3", True])
def test_odi_statement_outside_zero_to_five_names_the_section(bad_value):
    answers = odi_answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
    answers["standing"] = bad_value
    with pytest.raises(ScoringError) as caught:
        score_odi(answers)
    assert caught.value.field == "standing"
    assert caught.value.params == {"low": 0, "high": 5}


def test_odi_misspelt_section_is_refused_rather_than_treated_as_missing():
    answers = odi_answers(1, 1, 1, 1, 1, 1, 1, 1, 1, None)
    answers["traveling"] = 3
    with pytest.raises(ScoringError) as caught:
        score_odi(answers)
    assert caught.value.field == "traveling"


@pytest.mark.parametrize(
    ("percent", "band_key"),
    [
        (0, "minimal"),
        (20, "minimal"),
        (20.4, "moderate"),
        (40, "moderate"),
        (42, "severe"),
        (60, "severe"),
        (62, "crippled"),
        (80, "crippled"),
        (82, "bed_bound"),
        (100, "bed_bound"),
    ],
)
def test_odi_disability_bands_follow_fairbank_ranges(percent, band_key):
    assert odi_band(percent).key == band_key


def test_odi_band_refuses_impossible_percentages():
    with pytest.raises(ValueError):
        odi_band(100.1)


def test_odi_worst_answers_score_one_hundred_percent_bed_bound():
    result = score_odi(odi_answers(*[5] * 10))
    assert result.value == 100.0
    assert result.band is ODI_BANDS[-1]


# --- LEFS ------------------------------------------------------------------------------------


def test_lefs_total_is_the_sum_of_twenty_items_and_percent_of_eighty():
    answers = dict(zip(LEFS_KEYS, [3] * 16 + [2] * 4, strict=True))
    result = score_lefs(answers)
    assert result.value == 56
    assert result.percent_of_maximum == pytest.approx(70.0)


def test_lefs_no_difficulty_anywhere_scores_eighty():
    result = score_lefs(dict.fromkeys(LEFS_KEYS, 4))
    assert result.value == 80
    assert result.percent_of_maximum == 100.0


def test_lefs_with_an_unanswered_item_is_refused_naming_it():
    # Binkley 1999 defines no imputation; summing 19 items would understate function.
    answers = dict.fromkeys(LEFS_KEYS, 3)
    answers["item_7"] = None
    with pytest.raises(ScoringError) as caught:
        score_lefs(answers)
    assert caught.value.field == "item_7"


def test_lefs_with_an_absent_item_is_refused_naming_it():
    answers = dict.fromkeys(LEFS_KEYS, 3)
    del answers["item_20"]
    with pytest.raises(ScoringError) as caught:
        score_lefs(answers)
    assert caught.value.field == "item_20"


def test_lefs_answer_of_five_is_refused_naming_the_item():
    answers = dict.fromkeys(LEFS_KEYS, 3)
    answers["item_12"] = 5
    with pytest.raises(ScoringError) as caught:
        score_lefs(answers)
    assert caught.value.field == "item_12"
    assert caught.value.params == {"low": 0, "high": 4}


# --- NPRS ------------------------------------------------------------------------------------


@pytest.mark.parametrize("rating", [0, 7, 10])
def test_nprs_rating_is_the_score(rating):
    assert score_nprs(rating) == rating


@pytest.mark.parametrize("rating", [11, -1, 7.5, None, False])
def test_nprs_out_of_range_or_missing_rating_is_refused(rating):
    with pytest.raises(ScoringError) as caught:
        score_nprs(rating)
    assert caught.value.field == "pain_now"


# --- PSFS ------------------------------------------------------------------------------------


def test_psfs_three_activities_scores_their_mean():
    result = score_psfs([("Climbing stairs", 3), ("Gardening", 5), ("Running", 7)])
    assert result.value == pytest.approx(5.0)
    assert [a.name for a in result.activities] == ["Climbing stairs", "Gardening", "Running"]


def test_psfs_five_activities_scores_their_mean():
    rows = [("Stairs", 2), ("Kneeling", 4), ("Cycling", 6), ("Driving", 8), ("Walking", 10)]
    assert score_psfs(rows).value == pytest.approx(6.0)


def test_psfs_mean_is_not_rounded_to_whole_points():
    assert score_psfs([("A", 3), ("B", 4), ("C", 4)]).value == pytest.approx(11 / 3)


def test_psfs_six_activities_are_refused():
    rows = [(f"Activity {n}", 5) for n in range(6)]
    with pytest.raises(ScoringError) as caught:
        score_psfs(rows)
    assert caught.value.field == "activities"
    assert caught.value.params["count"] == 6


def test_psfs_two_activities_are_refused():
    with pytest.raises(ScoringError) as caught:
        score_psfs([("Stairs", 4), ("Running", 2)])
    assert caught.value.field == "activities"


def test_psfs_blank_name_with_a_score_names_that_row():
    with pytest.raises(ScoringError) as caught:
        score_psfs([("Stairs", 4), ("   ", 6), ("Running", 2)])
    assert caught.value.field == "activity_2_name"


def test_psfs_named_activity_without_a_score_names_that_row():
    with pytest.raises(ScoringError) as caught:
        score_psfs([("Stairs", 4), ("Squatting", 6), ("Running", None)])
    assert caught.value.field == "activity_3_score"


def test_psfs_score_of_eleven_names_that_row():
    with pytest.raises(ScoringError) as caught:
        score_psfs([("Stairs", 4), ("Squatting", 11), ("Running", 2)])
    assert caught.value.field == "activity_2_score"


def test_psfs_fully_blank_rows_of_a_five_row_form_are_ignored():
    rows = [("Stairs", 4), ("", None), ("Squatting", 6), (None, None), ("  Running ", 2)]
    result = score_psfs(rows)
    assert result.value == pytest.approx(4.0)
    assert [a.name for a in result.activities] == ["Stairs", "Squatting", "Running"]


# --- MCID comparison -------------------------------------------------------------------------


def test_odi_drop_of_ten_points_is_a_clinically_important_improvement():
    change = compare_to_baseline("ODI", 40.0, 30.0)
    assert change.delta == pytest.approx(-10.0)
    assert change.improved and change.reaches_mcid
    assert change.direction_text == "Clinically important improvement since baseline"


def test_odi_drop_of_eight_points_improves_without_reaching_mcid():
    change = compare_to_baseline("ODI", 40.0, 32.0)
    assert change.improved and not change.reaches_mcid
    assert "less than the minimal clinically important difference" in change.direction_text


def test_odi_rise_of_ten_points_is_a_clinically_important_worsening():
    change = compare_to_baseline("ODI", 30.0, 40.0)
    assert not change.improved and change.reaches_mcid
    assert change.direction_text == "Clinically important worsening since baseline"


def test_lefs_rise_of_nine_points_is_a_clinically_important_improvement():
    change = compare_to_baseline("LEFS", 40, 49)
    assert change.delta == 9
    assert change.improved and change.reaches_mcid


def test_lefs_rise_of_eight_points_is_below_mcid():
    change = compare_to_baseline("LEFS", 40, 48)
    assert change.improved and not change.reaches_mcid


def test_lefs_fall_of_nine_points_is_a_clinically_important_worsening():
    change = compare_to_baseline("LEFS", 49, 40)
    assert not change.improved and change.reaches_mcid


def test_nprs_fall_of_two_is_important_and_rise_of_one_is_small_worsening():
    assert compare_to_baseline("NPRS", 7, 5).improved
    assert compare_to_baseline("NPRS", 7, 5).reaches_mcid
    rise = compare_to_baseline("NPRS", 5, 6)
    assert not rise.improved and not rise.reaches_mcid
    assert rise.direction_text.startswith("Worse than baseline")


def test_psfs_two_point_rise_of_the_mean_reaches_mcid_despite_float_rounding():
    baseline = score_psfs([("A", 1), ("B", 2), ("C", 2)]).value  # 5/3
    later = score_psfs([("A", 4), ("B", 4), ("C", 3)]).value  # 11/3
    change = compare_to_baseline("PSFS", baseline, later)
    assert change.improved and change.reaches_mcid


def test_unchanged_score_is_neither_improved_nor_important():
    change = compare_to_baseline("LEFS", 50, 50)
    assert change.delta == 0
    assert not change.improved and not change.reaches_mcid
    assert change.direction_text == "No change since baseline"


def test_comparison_refuses_a_score_outside_the_instrument_range():
    with pytest.raises(ScoringError) as caught:
        compare_to_baseline("NPRS", 12, 4)
    assert caught.value.field == "baseline"
    with pytest.raises(ScoringError) as caught:
        compare_to_baseline("LEFS", 40, float("nan"))
    assert caught.value.field == "later"


# --- Trend chart -----------------------------------------------------------------------------

VISITS = [(date(2024, 1, 10), 44.0), (date(2024, 2, 7), 36.0), (date(2024, 3, 6), 28.0)]


def test_hostile_title_is_escaped_and_cannot_open_a_script():
    title = '<script>alert("x")</script> & co'
    svg = render_trend_svg(VISITS, max_value=100, lower_is_better=True, title=title)
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = parse_svg(svg)
    assert root.find(f"{SVG}title").text == title


def test_chart_contains_nothing_a_strict_csp_would_block():
    svg = render_trend_svg(VISITS, max_value=100, lower_is_better=True, title="ODI", mcid=10)
    root = parse_svg(svg)
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "title", "text", "line", "polyline", "circle"}
    for element in root.iter():
        for attribute in element.attrib:
            assert attribute != "style" and not attribute.startswith("on")
            assert "href" not in attribute
    assert "url(" not in svg and "javascript:" not in svg


def test_chart_output_is_deterministic_and_independent_of_input_order():
    first = render_trend_svg(VISITS, max_value=100, lower_is_better=True, title="ODI", mcid=10)
    again = render_trend_svg(
        list(reversed(VISITS)), max_value=100, lower_is_better=True, title="ODI", mcid=10
    )
    assert first == again


def test_chart_marks_the_earliest_visit_as_baseline():
    svg = render_trend_svg(list(reversed(VISITS)), max_value=100, lower_is_better=True, title="ODI")
    circles = parse_svg(svg).findall(f"{SVG}circle")
    assert len(circles) == 3
    baseline_circle = circles[0]
    assert baseline_circle.get("fill") == "#ffffff"  # hollow marker
    assert baseline_circle.find(f"{SVG}title").text == "2024-01-10: 44"
    assert all(c.get("fill") != "#ffffff" for c in circles[1:])
    assert ">Baseline<" in svg
    polyline = parse_svg(svg).find(f"{SVG}polyline")
    assert len(polyline.get("points").split()) == 3


def test_chart_with_one_point_has_no_line_but_a_baseline_marker():
    svg = render_trend_svg(
        [(date(2024, 5, 1), 6.0)], max_value=10, lower_is_better=True, title="Pain"
    )
    root = parse_svg(svg)
    assert root.find(f"{SVG}polyline") is None
    assert len(root.findall(f"{SVG}circle")) == 1
    assert "2024-05-01" in svg


def test_chart_with_visits_on_the_same_day_stacks_them_at_one_x():
    same_day = [(date(2024, 5, 1), 6.0), (date(2024, 5, 1), 4.0), (date(2024, 5, 1), 5.0)]
    svg = render_trend_svg(same_day, max_value=10, lower_is_better=True, title="Pain")
    circles = parse_svg(svg).findall(f"{SVG}circle")
    assert len({c.get("cx") for c in circles}) == 1
    # Same-day visits keep their recorded order; the first recorded is the baseline.
    assert circles[0].find(f"{SVG}title").text == "2024-05-01: 6"
    assert svg.count(">2024-05-01<") == 1


def test_mcid_line_sits_below_baseline_when_lower_is_better():
    svg = render_trend_svg(VISITS, max_value=100, lower_is_better=True, title="ODI", mcid=10)
    # Plot runs from y=216 (0) to y=48 (100): 44 -> 142.08, target 34 -> 158.88.
    assert 'y1="142.08"' in svg
    assert 'y1="158.88"' in svg
    assert "Clinically important change" in svg
    assert "Lower is better" in svg


def test_mcid_line_sits_above_baseline_when_higher_is_better():
    visits = [(date(2024, 1, 10), 40.0), (date(2024, 2, 7), 52.0)]
    svg = render_trend_svg(visits, max_value=80, lower_is_better=False, title="LEFS", mcid=9)
    # 40/80 -> y=132.00; target 49/80 -> y=113.10
    assert 'y1="113.10"' in svg
    assert "Higher is better" in svg


def test_mcid_target_off_the_scale_is_not_drawn():
    svg = render_trend_svg(
        [(date(2024, 1, 10), 1.0)], max_value=10, lower_is_better=True, title="Pain", mcid=2
    )
    assert "Clinically important change" not in svg


def test_chart_without_points_says_so():
    svg = render_trend_svg([], max_value=10, lower_is_better=True, title="Pain")
    assert "No measurements yet" in svg
    parse_svg(svg)


def test_chart_labels_can_be_replaced_and_are_escaped():
    labels = TrendLabels(baseline="Ausgangswert <1>", lower_is_better="Niedriger & besser")
    svg = render_trend_svg(VISITS, max_value=100, lower_is_better=True, title="ODI", labels=labels)
    assert "Ausgangswert &lt;1&gt;" in svg
    assert "Niedriger &amp; besser" in svg


@pytest.mark.parametrize("bad_value", [101.0, -1.0, float("nan")])
def test_chart_refuses_values_off_the_scale(bad_value):
    with pytest.raises(ValueError):
        render_trend_svg(
            [(date(2024, 1, 1), bad_value)], max_value=100, lower_is_better=True, title="ODI"
        )


# --- Properties ------------------------------------------------------------------------------


@st.composite
def odi_forms(draw):
    answers = {key: draw(st.integers(0, 5)) for key in ODI_KEYS}
    skipped = draw(st.sampled_from([None, *ODI_KEYS]))
    if skipped is not None:
        answers[skipped] = None
    return answers


@given(odi_forms())
def test_any_valid_odi_form_scores_between_0_and_100_in_a_matching_band(answers):
    result = score_odi(answers)
    assert 0.0 <= result.value <= 100.0
    assert result.band == odi_band(result.value)
    assert result.sections_answered in (9, 10)


@given(st.lists(st.integers(0, 4), min_size=20, max_size=20))
def test_any_complete_lefs_form_scores_between_0_and_80(values):
    result = score_lefs(dict(zip(LEFS_KEYS, values, strict=True)))
    assert 0 <= result.value <= 80
    assert result.percent_of_maximum == pytest.approx(result.value / 80 * 100)


@given(st.integers(0, 10))
def test_any_valid_nprs_rating_scores_between_0_and_10(rating):
    assert 0 <= score_nprs(rating) <= 10


@given(
    st.lists(
        st.tuples(st.text(min_size=1).filter(str.strip), st.integers(0, 10)),
        min_size=3,
        max_size=5,
    )
)
def test_any_valid_psfs_form_scores_between_0_and_10(rows):
    result = score_psfs(rows)
    assert 0.0 <= result.value <= 10.0
    assert min(score for _, score in rows) <= result.value <= max(score for _, score in rows)


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@given(
    title=st.text(),
    points=st.lists(
        st.tuples(
            st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)),
            st.floats(0, 50, allow_nan=False),
        ),
        max_size=12,
    ),
)
def test_any_title_and_points_give_well_formed_svg_with_the_title_intact(title, points):
    svg = render_trend_svg(points, max_value=50, lower_is_better=False, title=title, mcid=5)
    root = parse_svg(svg)
    # The XML parser normalises a lone carriage return to a newline.
    expected = _XML_FORBIDDEN.sub("", title).replace("\r\n", "\n").replace("\r", "\n")
    assert (root.find(f"{SVG}title").text or "") == expected
    assert len(root.findall(f"{SVG}circle")) == len(points)
