"""SMAA-2 (Lahdelma and Salminen 2001, Operations Research 49(3):444-454) against exact answers.

Monte Carlo shares are checked within 5 standard errors, sqrt(b(1-b)/N) <= 0.5/sqrt(N):
a correct implementation fails such a check with probability below 1e-6 per number,
and the seeds are fixed, so the tests are deterministic anyway.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from scipy import integrate, stats
from sensitivity_cases import DOMINATED, INTEGRAL, SYMMETRIC, THREE, load

from negotiator.errors import UsageError
from negotiator.methods import METHODS, MethodResult
from negotiator.sensitivity import smaa
from negotiator.sensitivity.smaa import CHUNK


def five_se(n: int) -> float:
    return 5 * 0.5 / np.sqrt(n)


def test_a_dominating_option_is_first_in_every_draw():
    r = smaa(load(DOMINATED), samples=20_000, seed=3)
    d = r.options.index("D")
    assert r.acceptability[d].tolist() == [1.0, 0.0, 0.0]
    assert r.confidence[d] == 1.0
    assert np.isnan(r.confidence[[i for i in range(3) if i != d]]).all()
    assert r.uncertain_scores == 6


def test_two_mirror_options_share_first_place():
    n = 40_000
    r = smaa(load(SYMMETRIC), samples=n, seed=11)
    assert abs(r.acceptability[0, 0] - 0.5) <= five_se(n)
    assert r.acceptability[0, 0] + r.acceptability[1, 0] == pytest.approx(1.0)
    # Central weight of A: E[w | w_p > w_q] with w_p ~ U(0, 1): (3/4, 1/4).
    assert r.central_weights[0] == pytest.approx([0.75, 0.25], abs=5 * 0.29 / np.sqrt(n / 2))
    assert r.confidence.tolist() == [1.0, 1.0]  # no uncertain score: first at its central weights


# -- exact integral on a 2-objective case ---------------------------------------------
# Weights (t, 1 - t). Scores: A = t*a1 + .2(1 - t), a1 ~ Tri(.1, .5, .9); B = .6 - .2t; C = .1 + .6t.
class TRI:
    """CDF of Triangular(0.1, 0.5, 0.9), written out (scipy's is slow inside quad)."""

    @staticmethod
    def cdf(x, a=0.1, c=0.5, b=0.9):
        if x <= a:
            return 0.0
        if x < c:
            return (x - a) ** 2 / ((b - a) * (c - a))
        if x < b:
            return 1 - (b - x) ** 2 / ((b - a) * (b - c))
        return 1.0


def _thresholds(t):
    """a1 above which A beats B, and C, at weight t."""
    base = 0.2 * (1 - t)
    return ((0.6 - 0.2 * t) - base) / t, ((0.1 + 0.6 * t) - base) / t


def _rank_probabilities(t):
    """P(rank r | t) for A, B, C: rows options, columns ranks."""
    thr_b, thr_c = _thresholds(t)
    fb, fc = TRI.cdf(thr_b), TRI.cdf(thr_c)
    b_over_c = (0.6 - 0.2 * t) > (0.1 + 0.6 * t)
    hi, lo = max(thr_b, thr_c), min(thr_b, thr_c)
    a = [1 - TRI.cdf(hi), TRI.cdf(hi) - TRI.cdf(lo), TRI.cdf(lo)]
    # The better of B and C is 1st when A is below it, else 2nd; the worse is 2nd or 3rd.
    if b_over_c:
        b = [fb, 1 - fb, 0.0]
        c = [0.0, fc, 1 - fc]
    else:
        c = [fc, 1 - fc, 0.0]
        b = [0.0, fb, 1 - fb]
    return np.array([a, b, c])


def _exact_acceptability(lo=0.0, hi=1.0):
    out = np.zeros((3, 3))
    for i in range(3):
        for r in range(3):
            val, _ = integrate.quad(lambda t: _rank_probabilities(t)[i, r], lo, hi, points=[0.625], limit=200, epsabs=1e-11)
            out[i, r] = val / (hi - lo)
    return out


def test_acceptability_matches_the_exact_integral_uniform_weights():
    n = 200_000
    r = smaa(load(INTEGRAL), profile="even", samples=n, seed=5)
    assert r.weight_model.kind == "uniform"
    exact = _exact_acceptability()
    assert np.abs(r.acceptability - exact).max() <= five_se(n)
    # Central weight of A: E[t | A first] by the same integral.
    num, _ = integrate.quad(lambda t: t * _rank_probabilities(t)[0, 0], 0, 1, points=[0.625], limit=200)
    tc = num / exact[0, 0]
    assert r.central_weights[0, 0] == pytest.approx(tc, abs=5 * 0.29 / np.sqrt(n * exact[0, 0]))
    # Confidence factor of A: P(A first) with the weights held at its central weights.
    p_conf = _rank_probabilities(r.central_weights[0, 0])[0, 0]
    assert r.confidence[0] == pytest.approx(p_conf, abs=five_se(r.confidence_samples))


def test_acceptability_matches_the_exact_integral_under_an_order():
    # Profile `order: [h, g]`: w_h >= w_g, so t = w_g is uniform on [0, 1/2].
    n = 200_000
    r = smaa(load(INTEGRAL), profile="order", samples=n, seed=6)
    assert r.weight_model.kind == "order"
    assert np.abs(r.acceptability - _exact_acceptability(0.0, 0.5)).max() <= five_se(n)


def test_holistic_acceptability_uses_linear_meta_weights():
    r = smaa(load(THREE), samples=5000)
    assert r.holistic == pytest.approx(r.acceptability @ np.array([1.0, 0.5, 0.0]))


# -- reproducibility --------------------------------------------------------------------


def test_same_seed_same_bytes_whatever_the_worker_count():
    from negotiator.case.catalog import load_case

    bundled = load_case()
    a = smaa(bundled, samples=CHUNK + 17, seed=42, workers=1)
    b = smaa(bundled, samples=CHUNK + 17, seed=42, workers=2)
    assert json.dumps(a.to_dict()) == json.dumps(b.to_dict())
    c = smaa(bundled, samples=CHUNK + 17, seed=43)
    assert json.dumps(a.to_dict()) != json.dumps(c.to_dict())


def test_provenance_names_seed_samples_and_case():
    d = smaa(load(THREE), samples=1000, seed=9).to_dict()
    assert d["seed"] == 9 and d["samples"] == 1000 and len(d["case_sha256"]) == 64 and d["version"]
    assert d["analysis"].startswith("SMAA-2") and d["weights"] and d["method"] == "additive"


def test_first_draws_of_a_longer_run_are_the_draws_of_a_shorter_one():
    # A run of N draws uses the first N draws of any longer run: the counts can only grow.
    short = smaa(load(THREE), samples=CHUNK + 100, seed=2)
    longer = smaa(load(THREE), samples=CHUNK + 101, seed=2)
    diff = longer.acceptability * (CHUNK + 101) - short.acceptability * (CHUNK + 100)
    assert np.allclose(diff, np.round(diff)) and np.round(diff).min() >= 0 and np.round(diff).sum() == 3


def test_other_methods_are_evaluated_draw_by_draw(monkeypatch):
    from negotiator.methods import _load_all

    _load_all()
    monkeypatch.setitem(METHODS, "twin", lambda m, w, **_: MethodResult(scores=m.values() @ np.asarray(w)))
    a = smaa(load(DOMINATED), samples=1500, seed=4)
    b = smaa(load(DOMINATED), samples=1500, seed=4, method="twin")
    assert np.array_equal(a.acceptability, b.acceptability)
    assert any("draw by draw" in w for w in b.warnings)


@pytest.mark.parametrize("method", ["topsis", "vikor", "promethee", "electre"])
def test_vectorised_methods_give_the_same_acceptabilities_as_draw_by_draw(monkeypatch, method):
    # The bundled case has ranged scores, so every draw also redraws 101 scores.
    from negotiator.ranking.api import load_case
    from negotiator.methods import BATCH, _load_all

    _load_all()
    case = load_case()
    fast = smaa(case, samples=700, confidence_samples=300, seed=3, method=method)
    monkeypatch.delitem(BATCH, method)
    slow = smaa(case, samples=700, confidence_samples=300, seed=3, method=method)
    assert np.array_equal(fast.acceptability, slow.acceptability)
    assert np.allclose(fast.central_weights, slow.central_weights, equal_nan=True, atol=1e-12)
    assert np.array_equal(fast.confidence, slow.confidence, equal_nan=True)
    assert not any("draw by draw" in w for w in fast.warnings)
    assert any("draw by draw" in w for w in slow.warnings)


# -- building blocks -----------------------------------------------------------------------


def test_the_hand_triangular_cdf_equals_scipys():
    assert [TRI.cdf(x) for x in (0.0, 0.3, 0.5, 0.7, 1.0)] == pytest.approx(stats.triang(c=0.5, loc=0.1, scale=0.8).cdf([0.0, 0.3, 0.5, 0.7, 1.0]))


def test_intervals_from_the_command_and_from_a_spread():
    r = smaa(load(THREE), samples=3000, intervals={"x": (0.5, 0.8)})
    assert r.weight_model.kind == "intervals" and r.weight_model.low[0] == 0.5
    r = smaa(load(THREE), samples=3000, spread=0.2)
    assert r.weight_model.low == pytest.approx([0.8 / 3] * 3) and 0 < r.weight_acceptance <= 1


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"samples": 0}, "--samples must be a whole number of at least 1"),
        ({"samples": -5}, "--samples must be a whole number of at least 1"),
        ({"intervals": {"x": (0.6, 0.9), "y": (0.5, 0.9)}}, "cannot sum to 1: their lower ends already add up to 1.1"),
        ({"intervals": {"x": (0, 0.2), "y": (0, 0.2), "z": (0, 0.2)}}, "cannot sum to 1: their upper ends add up to only 0.6"),
        ({"intervals": {"nope": (0, 0.2)}}, "unknown objective 'nope'"),
        ({"intervals": {"x": (0.6, 0.2)}}, "0 <= low <= high <= 1"),
        ({"spread": 1.5}, "--spread must be between 0 and 1"),
        ({"weight_model": "gaussian"}, "unknown weight model"),
        ({"seed": -1}, "--seed must be 0 or more"),
    ],
)
def test_bad_input_is_one_clear_usage_error(kwargs, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)").replace("'", "'")):
        smaa(load(THREE), **{"samples": 100, **kwargs})


def test_agrees_with_pysensmcda_exact_polytope_volumes():
    """Peer check: pysensmcda's exact_acceptability (favourable-weight polytope volumes,
    additive model, uniform weights) against our Monte Carlo, on our value matrix."""
    pysens = pytest.importorskip("pysensmcda.smaa")
    from negotiator.case.catalog import load_case_text
    from negotiator.sensitivity import prepare

    rng = np.random.default_rng(4)
    lines = ["negotiator: 1", "objectives:"] + [f"  o{j}: {{label: O{j}, scale: [0, 1]}}" for j in range(3)] + ["options:"]
    for i in range(6):
        lines.append(f"  a{i}: {{label: A{i}, scores: {{" + ", ".join(f"o{j}: {rng.random():.6f}" for j in range(3)) + "}}")
    case = load_case_text("\n".join(lines) + "\n")
    values = prepare(case).matrix.values()
    with np.errstate(all="ignore"):
        exact = pysens.exact_acceptability(values, np.ones(3), scaling="none")
    n = 100_000
    r = smaa(case, samples=n, seed=1)
    assert np.abs(r.acceptability[:, 0] - exact.acceptability).max() <= five_se(n)
    for i in np.flatnonzero(exact.acceptability > 0.01):
        assert r.central_weights[i] == pytest.approx(exact.central_weights[i], abs=5 * 0.3 / np.sqrt(n * exact.acceptability[i]))


def test_memory_does_not_grow_with_the_number_of_draws():
    import tracemalloc

    from negotiator.sensitivity import prepare

    setup = prepare(load(DOMINATED))
    from negotiator.sensitivity.smaa import smaa_setup

    peaks = []
    for n in (2 * CHUNK, 12 * CHUNK):
        tracemalloc.start()
        smaa_setup(setup, samples=n, confidence_samples=100)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] <= peaks[0] * 1.25 + 2**20


def test_uncertain_scores_go_through_the_objectives_value_function():
    """Objective g has the exponential value v(z) = (1 - e^{-cz}) / (1 - e^{-c}), c = 2
    (Kirkwood 1997, ch. 4). Weights fixed at (.75, .25): A = .75 v(a1) + .05,
    B = .75 v(.4) + .15, C = .75 v(.7) + .025. A is first iff
    v(a1) >= max(v(.4) + .1/.75, v(.7) - .025/.75) =: v* (about .838), i.e.
    a1 >= v^-1(v*) = -ln(1 - v* (1 - e^{-c})) / c (about .645); P = 1 - F_tri(that), about .203."""
    text = INTEGRAL.replace("g: {label: G, scale: [0, 1]}", "g: {label: G, scale: [0, 1], value: {kind: exponential, c: 2}}")
    text = text.replace("even: {g: 1, h: 1}", "even: {g: 3, h: 1}")
    c = 2.0

    def v(z):
        return (1 - np.exp(-c * z)) / (1 - np.exp(-c))

    v_star = max(v(0.4) + 0.1 / 0.75, v(0.7) - 0.025 / 0.75)
    z_star = -np.log(1 - v_star * (1 - np.exp(-c))) / c
    assert 0.6 < z_star < 0.7  # a threshold inside A's range: the check is not trivial
    n = 100_000
    r = smaa(load(text), profile="even", weight_model="fixed", samples=n, seed=8)
    assert r.acceptability[0, 0] == pytest.approx(1 - TRI.cdf(z_star), abs=five_se(n))
    assert 0.15 < r.acceptability[0, 0] < 0.25


def test_identical_options_share_their_rank():
    """A clone of A: they always tie, and ties share the better rank (1, 1, 3), as in
    `negotiator rank`. With B = (0, 1) and uniform weights: A and its clone are [.5, .5, 0]
    (joint first, or joint second behind B) and B is [.5, 0, .5]."""
    text = SYMMETRIC.replace("  B: {label: B, scores: {p: 0, q: 1}}", "  B: {label: B, scores: {p: 0, q: 1}}\n  A2: {label: A2, scores: {p: 1, q: 0}}")
    n = 40_000
    r = smaa(load(text), samples=n, seed=12)
    a, b, a2 = (r.options.index(o) for o in ("A", "B", "A2"))
    assert np.array_equal(r.acceptability[a], r.acceptability[a2])
    assert r.acceptability[a][2] == 0 and r.acceptability[b][1] == 0
    assert r.acceptability[a] == pytest.approx([0.5, 0.5, 0], abs=five_se(n))
    assert r.acceptability[a, 0] + r.acceptability[b, 0] == pytest.approx(1.0)
    assert r.central_weights[a] == pytest.approx(r.central_weights[a2])
    assert r.central_weights[a] == pytest.approx([0.75, 0.25], abs=5 * 0.29 / np.sqrt(n / 2))


def test_order_model_from_a_numeric_profile_keeps_its_order_and_its_zeros():
    from negotiator.sensitivity import prepare
    from negotiator.sensitivity.smaa import _draw_weights, weight_model_for

    setup = prepare(load(THREE), profile="x_heavy")  # x .7 > y .3 > z 0
    model = weight_model_for(setup, "order")
    assert model.order_groups.tolist() == [0, 1, -1]
    w, _ = _draw_weights(model, np.random.default_rng(0), 20_000)
    assert np.all(w[:, 0] >= w[:, 1]) and np.all(w[:, 2] == 0)
    assert w[:, 0].mean() == pytest.approx(0.75, abs=0.01)  # ROC of 2: (3/4, 1/4)


def test_tied_numbers_in_a_profile_leave_those_objectives_unordered():
    from negotiator.sensitivity import prepare
    from negotiator.sensitivity.smaa import _draw_weights, weight_model_for

    model = weight_model_for(prepare(load(THREE), profile="equal"), "order")
    assert model.order_groups.tolist() == [0, 0, 0]
    w, _ = _draw_weights(model, np.random.default_rng(0), 30_000)
    # All three tied: uniform on the simplex, each weight's mean 1/3 and each the largest a third of the time.
    assert w.mean(axis=0) == pytest.approx([1 / 3] * 3, abs=0.01)
    assert np.bincount(w.argmax(axis=1), minlength=3) / len(w) == pytest.approx([1 / 3] * 3, abs=0.02)
