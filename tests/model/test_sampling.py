"""The one sampler of weights and scores (negotiator/model/sampling.py), used by SMAA and `portfolio --core`."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy import stats

from negotiator.case.catalog import load_case_text
from negotiator.errors import UsageError
from negotiator.model import sampling
from negotiator.model.sampling import box_vertices, order_groups, order_vertices, order_weights_from_simplex, spread_box, triangular, triangular_inverse_cdf, weights_in_box
from negotiator.model.weights import rank_order_centroid

# -- scores --------------------------------------------------------------------


def test_triangular_quantiles_equal_scipys():
    u = np.linspace(0, 1, 1001)
    for lo, mode, hi in [(0.1, 0.5, 0.9), (2, 2, 5), (2, 5, 5), (-1, 0.3, 4)]:
        ours = triangular_inverse_cdf(u, np.array(lo, float), np.array(mode, float), np.array(hi, float))
        ref = stats.triang(c=(mode - lo) / (hi - lo), loc=lo, scale=hi - lo).ppf(u)
        assert np.allclose(ours, ref, atol=1e-12)


def test_triangular_score_draws_have_the_textbook_mean():
    """Mean of a triangular(a, c, b) is (a + b + c) / 3 (e.g. Johnson, Kotz & Balakrishnan 1995, ch. 26)."""
    rng = np.random.default_rng(1)
    low, likely, high = np.full(200_000, 2.0), np.full(200_000, 3.0), np.full(200_000, 7.0)
    draws = triangular(low, likely, high, rng)
    assert draws.min() >= 2 and draws.max() <= 7
    assert draws.mean() == pytest.approx(4.0, abs=0.01)
    point = triangular(np.array([5.0]), np.array([5.0]), np.array([5.0]), rng)
    assert point[0] == 5.0


def test_smaa_and_the_portfolio_core_draw_the_same_triangular_numbers_from_a_seed():
    """SMAA draws its uniforms and calls the quantile function; the core calls triangular(): same numbers."""
    import importlib

    robust = importlib.import_module("negotiator.portfolio.robust")
    smaa = importlib.import_module("negotiator.sensitivity.smaa")  # the package's `smaa` attribute is the function
    assert smaa.triangular_inverse_cdf is sampling.triangular_inverse_cdf
    assert robust.sampling is sampling
    rng = np.random.default_rng(7)
    low = rng.uniform(0, 4, (50, 6))
    high = low + rng.uniform(0.1, 3, (50, 6))
    mode = low + rng.uniform(0, 1, (50, 6)) * (high - low)
    as_smaa = triangular_inverse_cdf(np.random.default_rng(42).random((50, 6)), low, mode, high)
    as_core = triangular(low, mode, high, np.random.default_rng(42))
    assert np.array_equal(as_smaa, as_core)


def test_point_scores_keep_their_place_in_the_random_stream():
    """A point score still takes its uniform, so the ranged cells' draws do not depend on it."""
    low, mode, high = np.array([1.0, 2.0, 1.0]), np.array([2.0, 2.0, 2.0]), np.array([3.0, 2.0, 3.0])
    mixed = triangular(low, mode, high, np.random.default_rng(3))
    u = np.random.default_rng(3).random(3)
    assert mixed[1] == 2.0
    assert np.array_equal(mixed[[0, 2]], triangular_inverse_cdf(u[[0, 2]], low[[0, 2]], mode[[0, 2]], high[[0, 2]]))


# -- weights -------------------------------------------------------------------


def test_ordered_weights_are_ordered_and_centred_on_rank_order_centroid():
    # Barron and Barrett (1996): the ROC weights are the centroid of {w1 >= ... >= wp}.
    rng = np.random.default_rng(0)
    n, p = 200_000, 5
    w = order_weights_from_simplex(rng.dirichlet(np.ones(p), n))
    assert np.all(np.diff(w, axis=1) <= 1e-15) and np.allclose(w.sum(axis=1), 1)
    assert np.abs(w.mean(axis=0) - rank_order_centroid(p)).max() <= 5 * w.std(axis=0).max() / np.sqrt(n)


def test_interval_draws_stay_in_their_intervals_and_on_the_simplex():
    low, high = np.array([0.1, 0.0, 0.2, 0.05]), np.array([0.4, 0.3, 0.6, 0.5])
    w, drawn = weights_in_box(low, high, np.random.default_rng(1), 5000)
    assert w.shape == (5000, 4) and drawn >= 5000
    assert np.all(w >= low - 1e-15) and np.all(w <= high + 1e-15) and np.allclose(w.sum(axis=1), 1)


def test_a_zero_weight_is_pinned_and_the_others_fill_the_box():
    low, high = spread_box(np.array([0.7, 0.3, 0.0]), 0.2)
    w, _ = weights_in_box(low, high, np.random.default_rng(2), 4000)
    assert np.all(w[:, 2] == 0) and np.allclose(w.sum(axis=1), 1)
    assert np.all(w[:, :2] >= low[:2] - 1e-12) and np.all(w[:, :2] <= high[:2] + 1e-12)


def test_spread_box_and_its_bounds():
    low, high = spread_box(np.array([0.5, 0.3, 0.2]), 0.5)
    assert low == pytest.approx([0.25, 0.15, 0.1]) and high == pytest.approx([0.75, 0.45, 0.3])
    assert spread_box(np.array([0.9, 0.1]), 0.5)[1][0] == 1.0  # clipped to [0, 1]
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(UsageError, match="--spread must be between 0 and 1"):
            spread_box(np.array([0.5, 0.5]), bad)


def test_box_vertices_by_hand():
    """{0.2 <= w_i <= 0.5, sum 1}: a vertex has two weights at an end and the third taking the rest,
    so the vertices are the six orderings of (0.5, 0.3, 0.2)."""
    v = box_vertices(np.full(3, 0.2), np.full(3, 0.5))
    want = np.unique(np.array(list(itertools.permutations((0.5, 0.3, 0.2)))), axis=0)
    assert np.allclose(v, want)
    point = box_vertices(np.array([0.6, 0.4]), np.array([0.6, 0.4]))  # --spread 0: the profile itself
    assert np.allclose(point, [[0.6, 0.4]])


def test_order_vertices_and_groups():
    groups = order_groups(["a", "b", "c", "d"], ["c", "a"])
    assert groups.tolist() == [1, -1, 0, -1]
    assert np.allclose(order_vertices(groups), [[0, 0, 1, 0], [0.5, 0, 0.5, 0]])


# -- one meaning of --spread ------------------------------------------------------

NUMERIC = """
negotiator: 1
objectives:
  x: {label: X, scale: [0, 10]}
  y: {label: Y, scale: [0, 10]}
  z: {label: Z, scale: [0, 10]}
options:
  a: {label: A, scores: {x: 10, y: 0, z: 5}}
  b: {label: B, scores: {x: 0, y: 10, z: 5}}
weights:
  main: {x: 5, y: 3, z: 2}
"""


def test_spread_is_the_same_box_in_smaa_and_in_the_portfolio_core():
    from negotiator.portfolio.robust import _weight_set, extreme_weights, sample_weights
    from negotiator.sensitivity import prepare
    from negotiator.sensitivity.smaa import weight_model_for

    loaded = load_case_text(NUMERIC)
    model = weight_model_for(prepare(loaded, profile="main"), spread=0.3)
    _, low, high = _weight_set(loaded.case, "main", 0.3)
    assert np.array_equal(model.low, low) and np.array_equal(model.high, high)
    assert low == pytest.approx([0.35, 0.21, 0.14]) and high == pytest.approx([0.65, 0.39, 0.26])
    # The core's draws are the SMAA interval model's draws: uniform on the simplex within the box.
    w = sample_weights(loaded.case, "main", 0.3, 2000, np.random.default_rng(5))
    assert np.array_equal(w, weights_in_box(low, high, np.random.default_rng(5), 2000)[0])
    assert np.all(w >= low - 1e-15) and np.all(w <= high + 1e-15)
    assert np.allclose(extreme_weights(loaded.case, "main", 0.3), box_vertices(low, high))
