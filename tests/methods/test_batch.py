"""The vectorised forms of the methods (methods.BATCH), used by SMAA, give the same numbers
as calling each method once per weight vector: checked on random tables with ties and flat
objectives, every PROMETHEE preference function, every TOPSIS normalisation, several VIKOR v,
ELECTRE thresholds and discordance ranges, the additive normalisations, for scores shared by all draws and scores drawn per draw.

The single-call methods themselves are checked against published examples in
test_methods_topsis.py, test_methods_vikor.py, test_methods_promethee.py and
test_methods_electre.py; here the batch is checked against them.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from negotiator.methods import BATCH, get_batch, method_names
from negotiator.methods.additive import additive, additive_batch
from negotiator.methods.electre import electre_batch, net_outranking, outranking
from negotiator.methods.promethee import DENSE_UP_TO, net_flows, promethee_batch
from negotiator.methods.topsis import topsis_batch, topsis_scores
from negotiator.methods.vikor import vikor_batch, vikor_scores

M = 6


def _table(seed: int, n: int = 9, draws: int = 5):
    """Small integer scores (many ties), one flat objective, mixed directions, Dirichlet weights."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 5, (n, M)).astype(float)
    x[:, 2] = 3.0  # flat: no option differs
    per_draw = x[None] + rng.integers(-1, 2, (draws, n, M))
    per_draw[:, :, 2] = 3.0
    maximise = np.array([True, False, True, True, False, True])
    weights = rng.dirichlet(np.ones(M), draws)
    weights[0] = 0.0  # all-zero weights: every method must still answer
    return x, per_draw, maximise, weights


def _loop(single, x, weights):
    if x.ndim == 2:
        return np.array([single(x, w) for w in weights])
    return np.array([single(x[k], w) for k, w in enumerate(weights)])


SEEDS = range(6)


def test_every_registered_method_has_a_vectorised_form():
    assert set(method_names()) - {"additive"} <= set(BATCH)
    assert get_batch("no-such-method") is None


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("normalisation", ["vector", "minmax", "sum", "max", "none"])
def test_topsis_batch_equals_one_call_per_draw(seed, normalisation):
    x, xs, maximise, w = _table(seed)
    if normalisation in ("sum", "max"):  # ratio scales: scores >= 0 (a column of zeros included)
        x, xs = x + 1.0, np.maximum(xs + 1.0, 0.0)
        xs[0, :, 0] = 0.0
    for table in (x, xs):
        want = _loop(lambda t, wk: topsis_scores(t, wk, maximise, normalisation)["closeness"], table, w)
        assert np.allclose(topsis_batch(None, table, maximise, w, normalisation=normalisation), want, atol=1e-12, rtol=0)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("v", [0.0, 0.5, 1.0])
def test_vikor_batch_equals_one_call_per_draw(seed, v):
    x, xs, maximise, w = _table(seed)
    for table in (x, xs):
        want = _loop(lambda t, wk: 1.0 - vikor_scores(t, wk, maximise, v)["Q"], table, w)
        assert np.allclose(vikor_batch(None, table, maximise, w, v=v), want, atol=1e-12, rtol=0)


def _promethee_specs():
    f = SimpleNamespace
    return [None, f(function="ushape", q=1.0, p=1.0, s=None), f(function="vshape", q=0.0, p=2.0, s=None), f(function="linear", q=0.5, p=2.5, s=None), f(function="level", q=0.5, p=1.5, s=None), f(function="gaussian", q=None, p=None, s=1.2)]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("mixed", [False, True], ids=["usual everywhere", "every preference function"])
def test_promethee_batch_equals_one_call_per_draw(seed, mixed):
    x, xs, maximise, w = _table(seed)
    specs = _promethee_specs() if mixed else [None] * M
    matrix = SimpleNamespace(objectives=list(range(M)), promethee=specs)
    for table in (x, xs):
        want = _loop(lambda t, wk: net_flows(t, wk, maximise, specs)["phi"], table, w)
        assert np.allclose(promethee_batch(matrix, table, maximise, w), want, atol=1e-12, rtol=0)


def test_promethee_batch_above_the_dense_limit_goes_draw_by_draw():
    rng = np.random.default_rng(7)
    n = DENSE_UP_TO + 4
    xs = rng.integers(0, 20, (3, n, M)).astype(float)
    maximise = np.ones(M, dtype=bool)
    w = rng.dirichlet(np.ones(M), 3)
    specs = _promethee_specs()
    matrix = SimpleNamespace(objectives=list(range(M)), promethee=specs)
    want = _loop(lambda t, wk: net_flows(t, wk, maximise, specs, algorithm="pairs")["phi"], xs, w)
    assert np.allclose(promethee_batch(matrix, xs, maximise, w), want, atol=1e-12, rtol=0)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("c, d", [(0.65, 0.35), (0.5, 0.5), (1.0, 0.0), (0.0, 1.0)])
def test_electre_batch_equals_one_call_per_draw(seed, c, d):
    x, xs, maximise, w = _table(seed)
    for table in (x, xs):
        want = _loop(lambda t, wk: net_outranking(outranking(t, wk, maximise, c, d)["outranks"]), table, w)
        assert np.array_equal(electre_batch(None, table, maximise, w, concordance=c, discordance=d), want)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("discordance_range, normalisation", [("shared", "none"), ("shared", "sum"), ("shared", "max"), ("shared", "vector"), ("shared", "minmax"), ("objective", "sum")])
def test_electre_batch_with_roys_shared_range_equals_one_call_per_draw(seed, discordance_range, normalisation):
    x, xs, maximise, w = _table(seed)
    x, xs = x + 1.0, np.maximum(xs + 1.0, 0.0)  # sum and max need scores >= 0
    for c, d in [(0.65, 0.35), (0.5, 0.5)]:
        for table in (x, xs):
            want = _loop(lambda t, wk: net_outranking(outranking(t, wk, maximise, c, d, discordance_range, normalisation)["outranks"]), table, w)
            got = electre_batch(None, table, maximise, w, concordance=c, discordance=d, discordance_range=discordance_range, normalisation=normalisation)
            assert np.array_equal(got, want)


ADDITIVE_CASE = """negotiator: 1
objectives:
  a: {label: A, scale: [0, 10]}
  b: {label: B, direction: min, scale: [0, 10]}
  c: {label: C, scale: [0, 10], value: {kind: exponential, c: 2}}
  d: {label: D, direction: min, scale: [0, 10], value: {kind: piecewise, points: [[0, 1], [5, 0.3], [10, 0]]}}
options:
"""


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("normalisation", ["value", "max", "sum"])
def test_additive_batch_equals_one_call_per_draw(seed, normalisation):
    from dataclasses import replace

    from negotiator.case.catalog import load_case_text
    from negotiator.methods._common import criterion_table, criterion_tables
    from negotiator.model.matrix import build_matrix

    rng = np.random.default_rng(seed)
    n, draws = 7, 5
    likely = rng.integers(1, 10, (n, 4)).astype(float)
    text = ADDITIVE_CASE + "".join(f"  o{i}: {{label: O{i}, scores: {{a: {r[0]:g}, b: {r[1]:g}, c: {r[2]:g}, d: {r[3]:g}}}}}\n" for i, r in enumerate(likely))
    matrix = build_matrix(load_case_text(text).case)
    w = rng.dirichlet(np.ones(4), draws)
    x, maximise = criterion_table(matrix)
    want = np.array([additive(matrix, wk, normalisation=normalisation).scores for wk in w])
    assert np.allclose(additive_batch(matrix, x, maximise, w, normalisation=normalisation), want, atol=1e-12, rtol=0)
    drawn = np.clip(likely[None] + rng.integers(-1, 2, (draws, n, 4)), 1, 10)
    want = np.array([additive(replace(matrix, likely=drawn[k]), w[k], normalisation=normalisation).scores for k in range(draws)])
    assert np.allclose(additive_batch(matrix, criterion_tables(matrix, drawn), maximise, w, normalisation=normalisation), want, atol=1e-12, rtol=0)


def test_batch_forms_refuse_bad_options_like_the_methods():
    from negotiator.errors import UsageError

    x, _, maximise, w = _table(0)
    with pytest.raises(UsageError):
        topsis_batch(None, x, maximise, w, normalisation="l3")
    with pytest.raises(UsageError):
        vikor_batch(None, x, maximise, w, v=1.5)
    with pytest.raises(UsageError):
        electre_batch(None, x, maximise, w, concordance=2.0)
    with pytest.raises(UsageError):
        electre_batch(None, x, maximise, w, discordance_range="global")
    with pytest.raises(UsageError):
        additive_batch(None, x, maximise, w, normalisation="vector")
