"""Properties every method must keep (hypothesis): weight scale, dominance, shifting a derived scale."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from negotiator.model.matrix import DecisionMatrix
from negotiator.methods import get_method, method_names
from negotiator.ranking.result import competition_ranks

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _matrix(x: np.ndarray, maximise: np.ndarray) -> DecisionMatrix:
    """A matrix with data-derived scales, as build_matrix makes for objectives without a scale."""
    n, m = x.shape
    lo, hi = x.min(axis=0), x.max(axis=0)
    return DecisionMatrix(tuple(f"o{i}" for i in range(n)), tuple(f"j{j}" for j in range(m)), x, x, x, maximise, lo, hi, np.zeros(m, bool))


@st.composite
def problems(draw, min_n=2, max_n=8, max_m=5):
    n = draw(st.integers(min_n, max_n))
    m = draw(st.integers(1, max_m))
    # Scores on a grid of quarters: exact ties happen, and float noise cannot flip a comparison.
    x = draw(arrays(np.float64, (n, m), elements=st.integers(0, 40).map(lambda v: v / 4)))
    w = draw(arrays(np.float64, (m,), elements=st.integers(1, 20).map(float)))
    maximise = draw(arrays(np.bool_, (m,)))
    return x, w / w.sum(), maximise


ALL = ["additive", "topsis", "promethee", "vikor", "electre"]


def test_every_method_is_registered():
    assert method_names() == ALL


def _ranks(method, x, w, maximise, **opts):
    return competition_ranks(get_method(method)(_matrix(x, maximise), w, **opts).scores, tol=1e-9)[1]


@pytest.mark.parametrize("method", ALL)
@SETTINGS
@given(problem=problems(), factor=st.sampled_from([0.01, 0.5, 3.0, 1000.0]))
def test_scaling_all_weights_leaves_the_ranking_unchanged(method, problem, factor):
    x, w, mx = problem
    assert (_ranks(method, x, w, mx) == _ranks(method, x, w * factor, mx)).all()


@pytest.mark.parametrize("method", ALL)
@SETTINGS
@given(problem=problems())
def test_never_nan_even_with_flat_objectives(method, problem):
    x, w, mx = problem
    x = x.copy()
    x[:, 0] = x[0, 0]  # the first objective cannot discriminate
    scores = get_method(method)(_matrix(x, mx), w).scores
    assert np.isfinite(scores).all()


@pytest.mark.parametrize("method", ALL)
@SETTINGS
@given(problem=problems(min_n=2), data=st.data())
def test_a_dominating_option_never_ranks_below(method, problem, data):
    # Required of the additive model by the issue; every method here is monotone, so all are held to it.
    x, w, mx = problem
    i, j = data.draw(st.sampled_from([(a, b) for a in range(len(x)) for b in range(len(x)) if a != b]))
    # Make option i at least as good as option j everywhere.
    better = np.where(mx, np.maximum(x[i], x[j]), np.minimum(x[i], x[j]))
    x = x.copy()
    x[i] = better
    ranks = _ranks(method, x, w, mx)
    assert ranks[i] <= ranks[j]


@pytest.mark.parametrize("method", ["additive", "promethee", "vikor", "electre", "topsis-minmax"])
@SETTINGS
@given(problem=problems(), shift=st.integers(-20, 20).map(lambda v: v / 2), data=st.data())
def test_adding_a_constant_to_a_derived_scale_objective_changes_nothing(method, problem, shift, data):
    x, w, mx = problem
    j = data.draw(st.integers(0, x.shape[1] - 1))
    y = x.copy()
    y[:, j] += shift + 100.0  # keep scores positive
    name, opts = ("topsis", {"normalisation": "minmax"}) if method == "topsis-minmax" else (method, {})
    x_pos = x.copy()
    x_pos[:, j] += 100.0
    a = get_method(name)(_matrix(x_pos, mx), w, **opts).scores
    b = get_method(name)(_matrix(y, mx), w, **opts).scores
    assert a == pytest.approx(b, abs=1e-9)


def test_vector_normalised_topsis_is_not_shift_invariant():
    # Hwang & Yoon's vector normalisation divides by the column's length, which a
    # shift changes: documented in docs/methods.md. The ranking can even flip.
    x = np.array([[1.0, 10.0], [10.0, 1.0], [6.0, 6.0]])
    w = np.array([0.5, 0.5])
    mx = np.array([True, True])
    shifted = x + np.array([0.0, 100.0])
    a = get_method("topsis")(_matrix(x, mx), w).scores
    b = get_method("topsis")(_matrix(shifted, mx), w).scores
    assert not np.allclose(a, b)
