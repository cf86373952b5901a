"""One-way sweeps: breakpoints against hand-computed values, and the numerical fallback against them.

Hand computation for the THREE case (values A = (1, 0, .5), B = (0, 1, .5),
C = (.5, .5, 1), weights 1/3 each), sweeping the weight t of x with y and z
sharing 1 - t equally (their current proportion, 1:1):
    S_A(t) = .25 + .75 t,   S_B(t) = .75 - .75 t,   S_C(t) = .75 - .25 t
    A = B at t = 1/3 (both .5, below C's .6667: they swap 2nd place)
    A = C at t = 1/2 (both .625: A takes first place above 1/2)
    B = C only at t = 0, the end of the range (not a swap inside it).
"""

from __future__ import annotations

import numpy as np
import pytest
from test_sensitivity_cases import SYMMETRIC, THREE, load

from negotiator.api import rank
from negotiator.errors import UsageError
from negotiator.methods import METHODS, MethodResult
from negotiator.sensitivity import sweep


def test_breakpoints_match_the_hand_computation():
    result = sweep(load(THREE), profile="equal", objectives=["x"])
    s = result.sweeps[0]
    assert s.current_weight == pytest.approx(1 / 3)
    got = [(round(b.weight, 12), b.rises, b.falls, b.position) for b in s.breakpoints]
    assert got == [(round(1 / 3, 12), "A", "B", 2), (0.5, "A", "C", 1)]
    assert [b.weight for b in s.top_changes()] == [pytest.approx(0.5)]
    assert np.allclose(s.intercept, [0.25, 0.75, 0.75]) and np.allclose(s.slope, [0.75, -0.75, -0.25])
    assert result.provenance.exact and result.provenance.method == "additive"


def test_breakpoints_with_unequal_other_weights():
    # x_heavy: w = (.7, .3, 0). Sweeping y: x and z keep their 7:0 proportion, so x gets 1 - t.
    # S_A = (1 - t)*1 + t*0 = 1 - t; S_B = t; S_C = .5 (y and x both .5).
    # A = C at t = .5, B = C at t = .5, A = B at t = .5: a three-way tie at 1/2 (positions 1).
    s = sweep(load(THREE), profile="x_heavy", objectives=["y"]).sweeps[0]
    assert {(b.rises, b.falls) for b in s.breakpoints} == {("B", "A"), ("C", "A"), ("B", "C")}
    assert all(b.weight == pytest.approx(0.5) and b.position == 1 for b in s.breakpoints)


def test_curves_at_the_current_weight_equal_the_ranking_scores():
    loaded = load(THREE)
    result = sweep(loaded, profile="x_heavy")
    ranked = {row.option: row.score for row in rank(loaded, profile="x_heavy").rows}
    for s in result.sweeps:
        at_now = s.intercept + s.slope * s.current_weight
        assert np.allclose(at_now, [ranked[o] for o in result.options])


def test_bundled_case_breakpoints_are_real_crossings():
    result = sweep()
    for s in result.sweeps:
        for b in s.breakpoints:
            i, j = result.options.index(b.rises), result.options.index(b.falls)
            si = s.intercept[i] + s.slope[i] * b.weight
            sj = s.intercept[j] + s.slope[j] * b.weight
            assert si == pytest.approx(sj, abs=1e-12)
            assert s.slope[i] > s.slope[j]  # 'rises' is ahead above the breakpoint


@pytest.fixture
def additive_twin(monkeypatch):
    """The additive model under another name: the sweep must take its numerical path."""

    def twin(matrix, weights, **_):
        return MethodResult(scores=matrix.values() @ np.asarray(weights))

    from negotiator.methods import _load_all

    _load_all()
    monkeypatch.setitem(METHODS, "additive_twin", twin)
    return "additive_twin"


def test_numerical_fallback_finds_the_same_breakpoints(additive_twin):
    exact = sweep(load(THREE), profile="equal").sweeps
    approx = sweep(load(THREE), profile="equal", method=additive_twin)
    assert not approx.provenance.exact
    for e, a in zip(exact, approx.sweeps):
        assert [(b.rises, b.falls, b.position) for b in e.breakpoints] == [(b.rises, b.falls, b.position) for b in a.breakpoints]
        assert np.allclose([b.weight for b in e.breakpoints], [b.weight for b in a.breakpoints], atol=1e-9)


def test_symmetric_case_swaps_at_one_half():
    s = sweep(load(SYMMETRIC), objectives=["p"]).sweeps[0]
    assert [(b.weight, b.position) for b in s.breakpoints] == [(pytest.approx(0.5), 1)]


def test_unknown_objective_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown objective 'nope'"):
        sweep(load(THREE), objectives=["nope"])


@pytest.mark.parametrize("method", ["topsis", "vikor"])
def test_numerical_breakpoints_of_real_methods_are_real_swaps(method):
    from negotiator.methods import method_names
    from negotiator.sensitivity._common import one_way_weights, prepare

    if method not in method_names():
        pytest.skip(f"{method} is not registered")
    loaded = load(THREE)
    setup = prepare(loaded, profile="x_heavy", method=method)
    result = sweep(loaded, profile="x_heavy", method=method)
    assert not result.provenance.exact and "numerical search" in result.provenance.computation
    for k, s in enumerate(result.sweeps):
        for b in s.breakpoints:
            i, j = setup.options.index(b.rises), setup.options.index(b.falls)
            below = setup.scores(one_way_weights(setup.w, k, b.weight - 1e-6))
            above = setup.scores(one_way_weights(setup.w, k, b.weight + 1e-6))
            assert below[j] >= below[i] - 1e-9 and above[i] >= above[j] - 1e-9
