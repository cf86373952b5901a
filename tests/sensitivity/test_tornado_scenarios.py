"""Tornado and scenario comparison against hand-computed numbers."""

from __future__ import annotations

import csv
import json

import pytest
from sensitivity_cases import INTEGRAL, THREE, load

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case
from negotiator.errors import UsageError
from negotiator.sensitivity import scenarios, tornado


def test_tornado_by_hand():
    # Profile `even` (w = .5, .5): A = .5 a1 + .1 with a1 in [.1, .5, .9]; B = .5; C = .4.
    # Top B, runner-up C, lead .1. a1 = .1: A = .15, lead stays .1 (over C).
    # a1 = .9: A = .55 > B: lead -.05, A becomes the winner.
    r = tornado(load(INTEGRAL), profile="even")
    assert (r.top, r.runner_up, r.base_lead) == ("B", "C", pytest.approx(0.1))
    (bar,) = r.bars
    assert (bar.option, bar.objective, bar.low, bar.likely, bar.high) == ("A", "g", 0.1, 0.5, 0.9)
    assert bar.lead_at_low == pytest.approx(0.1) and bar.lead_at_high == pytest.approx(-0.05)
    assert bar.can_flip and bar.winner_at_high == "A" and bar.winner_at_low == "B"
    assert bar.swing == pytest.approx(0.15)


def test_tornado_without_ranges_says_so():
    r = tornado(load(THREE))
    assert r.bars == [] and any("no score has a [low, likely, high] range" in w for w in r.warnings)


def test_tornado_bars_are_sorted_widest_first_on_the_bundled_case():
    r = tornado()
    swings = [b.swing for b in r.bars]
    assert swings == sorted(swings, reverse=True) and len(r.bars) > 10


def test_scenarios_by_hand_on_the_tiny_case(cases_dir):
    # tests/cases/tiny.yaml, profile main (w = .5, .25, .25); c breaks the red line risk <= 8.
    # a = .4 + 0 + .25*.7 = .575 (calm), risk 7 in storm: .4 + .25*.3 = .475; b = .6625 always.
    # Expected over calm .75 / storm .25: a = .55, b = .6625.
    r = scenarios(cases_dir / "tiny.yaml")
    base, calm, storm = r.columns
    assert [c.scenario for c in r.columns] == ["base", "calm", "storm"]
    assert base.scores == {"b": pytest.approx(0.6625), "a": pytest.approx(0.575)}
    assert storm.scores["a"] == pytest.approx(0.475) and storm.probability == 0.25
    assert r.expected_score == {"b": pytest.approx(0.6625), "a": pytest.approx(0.55)}
    assert r.expected_rank == {"b": 1, "a": 2}
    # c is screened out in both scenarios: no worst rank (not "3rd of 2"), and where it is out.
    assert r.worst_rank == {"a": 2, "b": 1, "c": None}
    assert r.screened_in == {"c": ["calm", "storm"]}
    assert "c" in base.screened_out and r.options == ["b", "a", "c"]


def test_scenario_columns_equal_the_ranking_command():
    loaded = load_case()
    r = scenarios(loaded, profile="stability_first")
    for col in r.columns[1:]:
        ranked = rank(loaded, profile="stability_first", scenario=col.scenario)
        assert col.ranks == {row.option: row.rank for row in ranked.rows}
    total = sum(c.probability for c in r.columns[1:])
    assert total == pytest.approx(1.0)


def test_a_case_without_scenarios_is_a_usage_error():
    with pytest.raises(UsageError, match="no scenarios"):
        scenarios(load(THREE))


def test_an_option_screened_out_in_one_scenario_has_no_worst_rank(cli, monkeypatch):
    # QA review (issue 4): the joint position breaks a red line under transactional_linkage only;
    # it used to show "18" as its worst rank, like a real 18th place.
    monkeypatch.setenv("COLUMNS", "200")
    r = scenarios()
    assert r.worst_rank["joint_position_affected_states"] is None
    assert r.screened_in["joint_position_affected_states"] == ["transactional_linkage"]
    assert all(isinstance(r.worst_rank[o], int) for o in r.options if o not in r.screened_in)
    data = json.loads(cli("sensitivity", "scenarios", "-f", "json").stdout)
    assert data["worst_rank"]["joint_position_affected_states"] is None
    assert data["screened_out_in_scenarios"]["joint_position_affected_states"] == ["transactional_linkage"]
    table = cli("sensitivity", "scenarios", "-q").stdout
    assert "(transactional_linkage)" in table  # the worst-rank cell (wrapped in a narrow column)
    rows = list(csv.DictReader(line for line in cli("sensitivity", "scenarios", "-f", "csv").stdout.splitlines() if not line.startswith("#")))
    joint = next(row for row in rows if row["option"] == "joint_position_affected_states")
    assert joint["worst_rank"] == "" and joint["screened_out_in"] == "transactional_linkage"
