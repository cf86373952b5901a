"""ELECTRE I: concordance, discordance and outranking by hand; thresholds; the net outranking score."""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.methods.electre import outranking

# Three options, three objectives (the last less-is-better), weights 0.5 / 0.3 / 0.2.
X = np.array([[8.0, 4.0, 2.0], [6.0, 7.0, 3.0], [2.0, 5.0, 1.0]])
W = np.array([0.5, 0.3, 0.2])
MAX = np.array([True, True, False])


def test_concordance_and_discordance_by_hand():
    rel = outranking(X, W, MAX)
    # C(a, b): weight of objectives where a is at least as good as b (ELECTRE I, Roy 1968).
    assert rel["concordance"][0, 1] == pytest.approx(0.5 + 0.2)  # 8 >= 6, 4 < 7, cost 2 <= 3
    assert rel["concordance"][1, 0] == pytest.approx(0.3)
    assert rel["concordance"][0, 2] == pytest.approx(0.5)  # only the first objective
    assert rel["concordance"][2, 0] == pytest.approx(0.5)  # 5 >= 4 and cost 1 <= 2
    # D(a, b): largest shortfall of a against b as a share of that objective's range.
    assert rel["discordance"][0, 1] == pytest.approx(3 / 3)  # 4 vs 7 on a range 4..7
    assert rel["discordance"][1, 0] == pytest.approx(max(2 / 6, 1 / 2))
    assert rel["discordance"][0, 2] == pytest.approx(max(1 / 3, 1 / 2))
    assert rel["discordance"][2, 0] == pytest.approx(6 / 6)


def test_outranking_relation_and_thresholds():
    rel = outranking(X, W, MAX, concordance=0.5, discordance=0.5)
    # Option 0 outranks 2 (C 0.5, D 0.5). Option 1 has C(1, 2) = 0.8 but on cost it is
    # worse by the whole range (3 vs 1): D = 1 vetoes it. Nothing else reaches C 0.5 with D <= 0.5.
    assert rel["outranks"].tolist() == [[False, False, True], [False, False, False], [False, False, False]]
    loose = outranking(X, W, MAX, concordance=0.0, discordance=1.0)["outranks"]
    assert loose.sum() == 6  # every ordered pair outranks when nothing is demanded


def test_net_outranking_score_and_not_outranked():
    text = """negotiator: 1
objectives:
  g: {label: G}
  h: {label: H}
  c: {label: C, direction: min}
options:
  a: {label: A, scores: {g: 8, h: 4, c: 2}}
  b: {label: B, scores: {g: 6, h: 7, c: 3}}
  d: {label: D, scores: {g: 2, h: 5, c: 1}}
weights:
  w: {g: 5, h: 3, c: 2}
"""
    r = rank(load_case_text(text), method="electre", concordance=0.5, discordance=0.5)
    scores = {row.option: row.score for row in r.rows}
    assert scores == pytest.approx({"a": 0.5, "b": 0.0, "d": -0.5})
    assert set(r.details["not_outranked"]) == {"a", "b"}


def test_dominating_option_outranks_everything():
    x = np.array([[9.0, 9.0, 1.0], [5.0, 3.0, 4.0], [4.0, 6.0, 8.0]])
    rel = outranking(x, W, MAX)
    assert rel["outranks"][0, 1:].all() and not rel["outranks"][1:, 0].any()


def test_bad_thresholds(cli):
    r = cli("rank", "tests/cases/tiny.yaml", "--method", "electre", "--electre-c", "1.2")
    assert r.exit_code == 2 and "concordance threshold must lie in [0, 1]" in r.stderr
    ok = cli("rank", "tests/cases/tiny.yaml", "--method", "electre", "--electre-c", "0.5", "--electre-d", "0.5", "--format", "csv")
    assert ok.exit_code == 0 and "# method: electre concordance=0.5 discordance=0.5" in ok.stdout


def test_not_outranked_options_reach_the_json(cli):
    import json

    j = json.loads(cli("rank", "tests/cases/tiny.yaml", "--method", "electre", "--format", "json").stdout)
    assert j["findings"][0].startswith("ELECTRE I: outranked by no other option (c = 0.65, d = 0.35): ")
