"""VIKOR: Opricovic & Tzeng's compromise example, pymcdm cross-check, v, the compromise conditions."""

from __future__ import annotations

import json

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.methods.vikor import compromise, vikor_scores


def test_opricovic_tzeng_three_alternatives():
    # Opricovic & Tzeng (2004), EJOR 156, 445-455, section 4: alternatives
    # A1 (1, 3000), A2 (2, 3750), A3 (5, 4500), equal weights, v = 0.5; read
    # with f1 to be minimised, so that no alternative dominates. From eqs. (1)-(4):
    # S = (0.5, 0.375, 0.5), R = (0.5, 0.25, 0.5), Q = (1, 0, 1): A2 is the
    # compromise, with acceptable advantage (Q gap 1 >= 1/(3-1)) and stability.
    x = np.array([[1, 3000], [2, 3750], [5, 4500]], dtype=float)
    r = vikor_scores(x, np.array([0.5, 0.5]), np.array([False, True]), v=0.5)
    assert r["S"] == pytest.approx([0.5, 0.375, 0.5])
    assert r["R"] == pytest.approx([0.5, 0.25, 0.5])
    assert r["Q"] == pytest.approx([1.0, 0.0, 1.0])
    c = compromise(r["S"], r["R"], r["Q"])
    assert c == {"advantage": True, "stability": True, "set": [1]}


def test_pymcdm_documented_example():
    # pymcdm's documented VIKOR example (pymcdm.methods.VIKOR docstring): Q = [0.5679, 0.7667, 1, 0.7493, 0].
    x = np.array([[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]], dtype=float)
    q = vikor_scores(x, np.full(4, 0.25), np.ones(4, dtype=bool))["Q"]
    assert np.round(q, 4).tolist() == [0.5679, 0.7667, 1.0, 0.7493, 0.0]


@pytest.mark.parametrize("v", [0.0, 0.3, 0.5, 1.0])
def test_matches_pymcdm_on_random_matrices(v):
    pytest.importorskip("pymcdm")
    from pymcdm.methods import VIKOR

    rng = np.random.default_rng(int(v * 10) + 1)
    for n, m in [(3, 2), (12, 5), (50, 11)]:
        x = rng.uniform(1, 50, size=(n, m))
        w = rng.dirichlet(np.ones(m))
        mx = rng.random(m) < 0.5
        peer = VIKOR(v=v)(x, w, np.where(mx, 1, -1))
        assert vikor_scores(x, w, mx, v)["Q"] == pytest.approx(peer, abs=1e-9)


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_flat_objective_pymcdm_refuses_we_go_on():
    pytest.importorskip("pymcdm")
    from pymcdm.methods import VIKOR

    x = np.array([[1.0, 4.0], [2.0, 4.0], [3.0, 4.0]])
    w = np.array([0.6, 0.4])
    with pytest.raises(ValueError):
        VIKOR()(x, w, np.array([1, 1]))
    q = vikor_scores(x, w, np.array([True, True]))["Q"]
    assert np.isfinite(q).all() and np.argsort(q).tolist() == [2, 1, 0]


def test_all_equal_options_tie_without_nan():
    r = vikor_scores(np.ones((3, 2)), np.array([0.5, 0.5]), np.array([True, False]))
    assert r["Q"].tolist() == [0.0, 0.0, 0.0]


def test_compromise_set_when_advantage_fails():
    # Q gaps smaller than 1/(n-1): every option within DQ of the best joins the set.
    s = np.array([0.1, 0.2, 0.9, 1.0])
    r = np.array([0.1, 0.15, 0.8, 0.9])
    q = np.array([0.0, 0.2, 0.9, 1.0])
    c = compromise(s, r, q)
    assert not c["advantage"] and c["set"] == [0, 1]


def test_compromise_pair_when_stability_fails():
    s = np.array([0.3, 0.1, 0.9])
    r = np.array([0.5, 0.2, 0.6])  # option 0 best by Q but best by neither S nor R
    q = np.array([0.0, 0.6, 1.0])
    c = compromise(s, r, q)
    assert c["advantage"] and not c["stability"] and c["set"] == [0, 1]


TEXT = """negotiator: 1
objectives:
  a: {label: A}
  b: {label: B, direction: min}
options:
  x: {label: X, scores: {a: 1, b: 1}}
  y: {label: Y, scores: {a: 2, b: 2}}
  z: {label: Z, scores: {a: 5, b: 3}}
"""


def test_score_is_one_minus_q_and_details_report_q():
    r = rank(load_case_text(TEXT), method="vikor")
    assert "1 - Q" in r.score_name
    q = dict(zip("xyz", r.details["Q"]))
    for row in r.rows:
        assert row.score == pytest.approx(1 - q[row.option])
    assert r.details["v"] == 0.5 and r.details["compromise_set"]


def test_v_from_the_cli(cli):
    ok = cli("rank", "tests/cases/tiny.yaml", "--method", "vikor", "--vikor-v", "0.9", "--format", "json")
    assert ok.exit_code == 0, ok.stderr
    import json

    assert json.loads(ok.stdout)["method_options"] == {"v": 0.9}
    for bad in ("1.5", "-0.1"):
        r = cli("rank", "tests/cases/tiny.yaml", "--method", "vikor", "--vikor-v", bad)
        assert r.exit_code == 2 and "VIKOR's v must lie in [0, 1]" in r.stderr and "Traceback" not in r.stderr
    wrong = cli("rank", "tests/cases/tiny.yaml", "--method", "promethee", "--vikor-v", "0.2")
    assert wrong.exit_code == 2 and "--vikor-v applies to --method vikor only" in wrong.stderr


def test_compromise_set_reaches_table_and_json(cli):
    t = cli("rank", "tests/cases/tiny.yaml", "--method", "vikor")
    assert t.exit_code == 0 and "VIKOR compromise set:" in t.stdout and "C1 acceptable advantage" in t.stdout
    j = json.loads(cli("rank", "tests/cases/tiny.yaml", "--method", "vikor", "--format", "json").stdout)
    assert j["findings"][0].startswith("VIKOR compromise set: ")
