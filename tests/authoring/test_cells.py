"""One cell <-> one case value: the formats the workbook, the frames and the CSV share."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from negotiator.authoring._cells import format_score, is_blank, parse_flow, parse_id_list, parse_number, parse_score, flow_text

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(finite)
def test_a_point_score_reads_back_exactly(x):
    cell = format_score(x)
    assert parse_score(cell) == (float(x), None)


@given(st.lists(finite, min_size=3, max_size=3))
def test_a_range_cell_reads_back_exactly(values):
    cell = format_score(tuple(values))
    assert isinstance(cell, str) and cell.count(" / ") == 2
    assert parse_score(cell) == ([float(v) for v in values], None)


@given(st.recursive(st.none() | st.booleans() | finite | st.text(max_size=8), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=5), inner, max_size=3), max_leaves=8))
def test_yaml_cells_read_back_exactly(value):
    assert parse_flow(flow_text(value)) == (value, None)


def test_range_spellings():
    assert parse_score("5 / 6 / 7") == ([5.0, 6.0, 7.0], None)
    assert parse_score("5/6/7") == ([5.0, 6.0, 7.0], None)
    assert parse_score("[5, 6, 7]") == ([5.0, 6.0, 7.0], None)
    assert parse_score("5; 6; 7") == ([5.0, 6.0, 7.0], None)
    assert parse_score((5, 6, 7)) == ([5.0, 6.0, 7.0], None)
    assert parse_score(" 4.5 ") == (4.5, None)


def test_words_only_where_the_objective_has_levels():
    assert parse_score("high")[1] == "'high' is not a number (nor a range low / likely / high)"
    assert parse_score("high", words=True) == ("high", None)
    assert parse_score("low / 5 / high", words=True) == (["low", 5.0, "high"], None)
    assert format_score(("low", 5.0, "high")) == "low / 5 / high"


def test_what_is_not_a_score():
    assert parse_score(True)[1] == "True is not a number (nor a range low / likely / high)"
    assert parse_score("nan")[0] is None and parse_score("inf")[0] is None
    assert "date" in parse_score(datetime.datetime(2007, 5, 6))[1]
    assert "(got 2)" in parse_score("5 / 6")[1]
    assert parse_number("1,5") == (None, "'1,5' is not a number")


def test_blank_and_id_lists():
    assert is_blank(None) and is_blank("  ") and is_blank(float("nan")) and not is_blank(0)
    assert parse_id_list("a, b;c\nd") == ["a", "b", "c", "d"]
    assert parse_id_list(None) == []


def test_an_integer_past_floats_range_is_refused_not_a_crash():
    """A corrupted workbook cell can hold 10**400 (openpyxl reads it as an int): a complaint, never
    an OverflowError (the fuzz test found it)."""
    for value in (10**400, -(10**400)):
        number, complaint = parse_number(value)
        assert number is None and complaint is not None
        score, complaint = parse_score(value)
        assert complaint is not None
