"""PROMETHEE II: the sorted-scores algorithm against the pairwise definition, pymcdm, and Brans et al.'s example."""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.methods.promethee import net_flows
from negotiator.case.scoring import PrometheeCriterion as P


def pairwise_reference(x, w, maximise, specs):
    """PROMETHEE II straight from the definition (Brans & Vincke 1985), every pair, for checking."""
    n, m = x.shape
    pi = np.zeros((n, n))
    for j in range(m):
        spec = specs[j]
        for a in range(n):
            for b in range(n):
                d = x[a, j] - x[b, j] if maximise[j] else x[b, j] - x[a, j]
                pi[a, b] += w[j] * _pref(d, spec)
    plus, minus = pi.sum(axis=1) / (n - 1), pi.sum(axis=0) / (n - 1)
    return plus, minus


def _pref(d, spec):
    f = spec.function if spec else "usual"
    if d <= 0:
        return 0.0
    if f == "usual":
        return 1.0
    if f == "ushape":
        return float(d > spec.q)
    if f == "vshape":
        return min(d / spec.p, 1.0)
    if f == "level":
        return 0.0 if d <= spec.q else 0.5 if d <= spec.p else 1.0
    if f == "linear":
        return 0.0 if d <= spec.q else (d - spec.q) / (spec.p - spec.q) if d <= spec.p else 1.0
    return 1.0 - np.exp(-d * d / (2 * spec.s**2))


SPECS = [None, P(function="ushape", q=1), P(function="vshape", p=2), P(function="level", q=1, p=3), P(function="linear", q=0.5, p=2.5), P(function="gaussian", s=1.5)]


@pytest.mark.parametrize("algorithm", ["sorted", "pairs"])
@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.function if s else "usual")
def test_both_algorithms_equal_pairwise_definition_with_ties(spec, algorithm):
    rng = np.random.default_rng(5)
    for n in (2, 3, 9, 31):
        # Integer scores: many ties and differences exactly at q and p, the hard cases.
        x = rng.integers(0, 6, size=(n, 3)).astype(float)
        w = rng.dirichlet(np.ones(3))
        mx = np.array([True, False, True])
        ours = net_flows(x, w, mx, [spec] * 3, algorithm=algorithm)
        plus, minus = pairwise_reference(x, w, mx, [spec] * 3)
        assert ours["phi_plus"] == pytest.approx(plus, abs=1e-12)
        assert ours["phi_minus"] == pytest.approx(minus, abs=1e-12)
        assert ours["phi"].sum() == pytest.approx(0, abs=1e-9)  # net flows always sum to zero


PEER_NAMES = {"usual": "usual", "ushape": "ushape", "vshape": "vshape", "level": "level", "linear": "vshape_2"}


@pytest.mark.parametrize("spec", SPECS[:5], ids=lambda s: s.function if s else "usual")
def test_matches_pymcdm_on_random_matrices(spec):
    pytest.importorskip("pymcdm")
    from pymcdm.methods import PROMETHEE_II

    rng = np.random.default_rng(2)
    name = spec.function if spec else "usual"
    for n, m in [(4, 3), (20, 6), (70, 10), (150, 4)]:  # 150 > DENSE_UP_TO: the sorted algorithm
        x = rng.uniform(0, 5, size=(n, m))
        w = rng.dirichlet(np.ones(m))
        mx = rng.random(m) < 0.5
        q = None if spec is None or spec.q is None else [spec.q] * m
        p = None if spec is None or spec.p is None else [spec.p] * m
        peer = PROMETHEE_II(PEER_NAMES[name], p=p, q=q)(x, w, np.where(mx, 1, -1))
        ours = net_flows(x, w, mx, [spec] * m)["phi"]
        assert ours == pytest.approx(peer, abs=1e-9)


# Brans, Vincke & Mareschal (1986), "How to select and how to rank projects: the
# PROMETHEE method", EJOR 24, 228-238: six hydro-electric projects, six criteria
# with one preference function of each type, equal weights. The data and
# functions below are the paper's; the flows are this library's, checked
# against the pairwise definition (pymcdm has no gaussian criterion).
BRANS_X = np.array([[80, 90, 6, 5.4, 8, 5], [65, 58, 2, 9.7, 1, 1], [83, 60, 4, 7.2, 4, 7], [40, 80, 10, 7.5, 7, 10], [52, 72, 6, 2.0, 3, 8], [94, 96, 7, 3.6, 5, 6]], dtype=float)
BRANS_MAX = np.array([False, True, False, False, False, True])
BRANS_SPECS = [P(function="ushape", q=10), P(function="vshape", p=30), P(function="linear", q=0.5, p=5), P(function="level", q=1, p=6), P(function="usual"), P(function="gaussian", s=5)]


def test_mixed_functions_agree_between_algorithms():
    w = np.full(6, 1 / 6)
    a = net_flows(BRANS_X, w, BRANS_MAX, BRANS_SPECS, algorithm="sorted")
    b = net_flows(BRANS_X, w, BRANS_MAX, BRANS_SPECS, algorithm="pairs")
    for k in a:
        assert a[k] == pytest.approx(b[k], abs=1e-12)


# The preference indices pi(a, b) of that example, equal weights, to 3 decimals as
# tabulated for it (rows a, columns b; also reproduced in the tests of the diviz
# PROMETHEE modules, Poznan University of Technology 2017).
BRANS_PI = np.array(
    [
        [0.000, 0.296, 0.250, 0.268, 0.100, 0.185],
        [0.462, 0.000, 0.389, 0.333, 0.296, 0.500],
        [0.236, 0.180, 0.000, 0.333, 0.056, 0.429],
        [0.399, 0.505, 0.305, 0.000, 0.223, 0.212],
        [0.444, 0.515, 0.487, 0.380, 0.000, 0.448],
        [0.286, 0.399, 0.250, 0.432, 0.133, 0.000],
    ]
)


def test_brans_vincke_mareschal_published_preference_indices():
    w = np.full(6, 1 / 6)
    flows = net_flows(BRANS_X, w, BRANS_MAX, BRANS_SPECS)
    # The definition (as pairwise_reference applies it) reproduces the table entry by entry...
    pi = np.zeros((6, 6))
    for j in range(6):
        for a in range(6):
            for b in range(6):
                d = BRANS_X[a, j] - BRANS_X[b, j] if BRANS_MAX[j] else BRANS_X[b, j] - BRANS_X[a, j]
                pi[a, b] += w[j] * _pref(d, BRANS_SPECS[j])
    assert pi == pytest.approx(BRANS_PI, abs=1e-3)
    # ... and our flows are its row and column sums over n - 1 = 5.
    assert flows["phi_plus"] == pytest.approx(BRANS_PI.sum(axis=1) / 5, abs=1.5e-3)
    assert flows["phi_minus"] == pytest.approx(BRANS_PI.sum(axis=0) / 5, abs=1.5e-3)


def test_brans_vincke_mareschal_hydro_projects():
    w = np.full(6, 1 / 6)
    flows = net_flows(BRANS_X, w, BRANS_MAX, BRANS_SPECS)
    plus, minus = pairwise_reference(BRANS_X, w, BRANS_MAX, BRANS_SPECS)
    assert flows["phi"] == pytest.approx(plus - minus, abs=1e-12)
    assert np.round(flows["phi"], 3).tolist() == [-0.146, 0.017, -0.090, -0.020, 0.293, -0.055]
    # PROMETHEE II complete ranking: a5 > a2 > a4 > a6 > a3 > a1.
    assert (np.argsort(-flows["phi"]) + 1).tolist() == [5, 2, 4, 6, 3, 1]


def test_thresholds_come_from_the_case():
    text = """negotiator: 1
objectives:
  a: {label: A, scale: [0, 10], promethee: {function: linear, q: 1, p: 3}}
  b: {label: B, direction: min, scale: [0, 10], promethee: {function: gaussian, s: 2}}
options:
  x: {label: X, scores: {a: 2, b: 3}}
  y: {label: Y, scores: {a: 5, b: 4}}
  z: {label: Z, scores: {a: 9, b: 8}}
weights:
  w: {a: 2, b: 1}
"""
    r = rank(load_case_text(text), method="promethee")
    assert r.details["functions"] == ["linear", "gaussian"]
    x = np.array([[2, 3], [5, 4], [9, 8]], dtype=float)
    plus, minus = pairwise_reference(x, np.array([2 / 3, 1 / 3]), np.array([True, False]), [P(function="linear", q=1, p=3), P(function="gaussian", s=2)])
    by_option = {row.option: row.score for row in r.rows}
    assert [by_option[o] for o in "xyz"] == pytest.approx(plus - minus, abs=1e-12)


@pytest.mark.parametrize(
    "setting, words",
    [
        ("{function: linear, q: 3, p: 1}", "indifference threshold q=3 must be below preference threshold p=1"),
        ("{function: level, q: 2, p: 2}", "must be below"),
        ("{function: gaussian}", "needs s"),
        ("{function: vshape}", "needs p"),
        ("{function: ushape, q: -1}", "greater than or equal to 0"),
        ("{function: cosine}", "'usual'"),
    ],
)
def test_bad_thresholds_exit_2(cli, tmp_path, setting, words):
    p = tmp_path / "bad.yaml"
    p.write_text(f"negotiator: 1\nobjectives:\n  a: {{label: A, promethee: {setting}}}\noptions:\n  x: {{label: X, scores: {{a: 1}}}}\n  y: {{label: Y, scores: {{a: 2}}}}\n", encoding="utf-8")
    r = cli("rank", p, "--method", "promethee")
    assert r.exit_code == 2, r.stdout + r.stderr
    assert words in r.stderr and f"{p}:3" in r.stderr and "Traceback" not in r.stderr


def test_usual_override_ignores_the_cases_functions():
    from negotiator.errors import UsageError

    text = """negotiator: 1
objectives:
  a: {label: A, scale: [0, 10], promethee: {function: ushape, q: 5}}
options:
  x: {label: X, scores: {a: 2}}
  y: {label: Y, scores: {a: 4}}
"""
    case = load_case_text(text)
    assert [row.score for row in rank(case, method="promethee").rows] == [0.0, 0.0]  # difference 2 <= q: indifferent
    assert [row.score for row in rank(case, method="promethee", preference="usual").rows] == [1.0, -1.0]
    with pytest.raises(UsageError, match="thresholds differ by objective"):
        rank(case, method="promethee", preference="vshape")
