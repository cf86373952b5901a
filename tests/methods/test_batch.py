"""The vectorised forms of the methods (methods.BATCH), used by SMAA, give the same numbers
as calling each method once per weight vector: checked on random tables with ties and flat
objectives, every PROMETHEE preference function, both TOPSIS normalisations, several VIKOR v
and ELECTRE thresholds, for scores shared by all draws and scores drawn per draw.

The single-call methods themselves are checked against published examples in
test_methods_topsis.py, test_methods_vikor.py, test_methods_promethee.py and
test_methods_electre.py; here the batch is checked against them.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from negotiator.methods import BATCH, get_batch, method_names
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
@pytest.mark.parametrize("normalisation", ["vector", "minmax"])
def test_topsis_batch_equals_one_call_per_draw(seed, normalisation):
    x, xs, maximise, w = _table(seed)
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


def test_batch_forms_refuse_bad_options_like_the_methods():
    from negotiator.errors import UsageError

    x, _, maximise, w = _table(0)
    with pytest.raises(UsageError):
        topsis_batch(None, x, maximise, w, normalisation="l3")
    with pytest.raises(UsageError):
        vikor_batch(None, x, maximise, w, v=1.5)
    with pytest.raises(UsageError):
        electre_batch(None, x, maximise, w, concordance=2.0)
