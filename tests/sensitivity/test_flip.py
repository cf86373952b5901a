"""The flip linear program (Wolters and Mareschal 1995) against hand values and brute force."""

from __future__ import annotations

import numpy as np
import pytest
from sensitivity_cases import DOMINATED, SYMMETRIC, THREE, load

from negotiator.errors import UsageError
from negotiator.methods import METHODS, MethodResult
from negotiator.sensitivity import flip, solve_flip_lp


def test_symmetric_case_by_hand():
    # w0 = (.7, .3): A = (1, 0) leads. B first needs w_q >= w_p, nearest (.5, .5):
    # L1 distance |.7-.5| + |.3-.5| = .4, L-inf distance .2.
    l1 = flip(load(SYMMETRIC), norm="l1")
    assert l1.winner == "A"
    (b,) = l1.flips
    assert b.challenger == "B" and b.distance == pytest.approx(0.4, abs=1e-9)
    assert b.weights == {"p": pytest.approx(0.5, abs=1e-9), "q": pytest.approx(0.5, abs=1e-9)}
    assert b.ties_with == ["A"]
    assert flip(load(SYMMETRIC), norm="linf").flips[0].distance == pytest.approx(0.2, abs=1e-9)


def test_dominated_options_can_never_come_first():
    result = flip(load(DOMINATED))
    assert result.winner == "D"
    assert all(not f.possible and f.distance is None for f in result.flips)


def _brute_force(values, w0, c, norm, steps=240):
    """Smallest distance over a grid of the 3-objective simplex where c is (jointly) first."""
    best = np.inf
    k = np.arange(steps + 1)
    a, b = np.meshgrid(k, k, indexing="ij")
    keep = a + b <= steps
    w = np.stack([a[keep], b[keep], steps - a[keep] - b[keep]], axis=1) / steps
    s = w @ values.T
    first = s[:, c] >= s.max(axis=1) - 1e-12
    if first.any():
        d = np.abs(w[first] - w0)
        best = (d.sum(axis=1) if norm == "l1" else d.max(axis=1)).min()
    return best, 1.0 / steps


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("norm", ["l1", "linf"])
def test_lp_agrees_with_brute_force_on_small_cases(seed, norm):
    rng = np.random.default_rng(seed)
    values = rng.random((4, 3))
    w0 = rng.dirichlet(np.ones(3))
    winner = int(np.argmax(values @ w0))
    for c in range(4):
        if c == winner:
            continue
        w = solve_flip_lp(values, w0, c, norm)
        brute, h = _brute_force(values, w0, c, norm)
        if w is None:
            assert np.isinf(brute), "the LP says impossible but a grid point makes it first"
            continue
        s = values @ w
        assert s[c] >= s.max() - 1e-7 and np.all(w >= -1e-12) and w.sum() == pytest.approx(1)
        lp = np.abs(w - w0).sum() if norm == "l1" else np.abs(w - w0).max()
        # Grid points are feasible, so none beats the LP; the grid gets within a few steps of it.
        assert brute >= lp - 1e-7
        if np.isfinite(brute):
            assert brute <= lp + 6 * h


def test_bundled_case_flips_are_sorted_and_make_the_challenger_first():
    from negotiator.ranking.api import rank

    result = flip()
    dists = [f.distance for f in result.flips if f.possible]
    assert dists == sorted(dists)
    nearest = result.flips[0]
    ranked = rank(weights=nearest.weights)
    top = ranked.rows[0]
    assert nearest.challenger in [r.option for r in ranked.rows if r.score >= top.score - 1e-7]


def test_numerical_fallback_gives_an_upper_bound(monkeypatch):
    from negotiator.methods import _load_all

    _load_all()
    monkeypatch.setitem(METHODS, "twin", lambda m, w, **_: MethodResult(scores=m.values() @ np.asarray(w)))
    exact = {f.challenger: f.distance for f in flip(load(THREE), profile="x_heavy").flips}
    approx = flip(load(THREE), profile="x_heavy", method="twin")
    assert not approx.provenance.exact and any("upper bounds" in w for w in approx.warnings)
    for f in approx.flips:
        assert f.distance >= exact[f.challenger] - 1e-9
        assert f.distance <= exact[f.challenger] + 0.05


def test_unknown_norm_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown norm"):
        flip(load(THREE), norm="l2")


def test_named_challengers_get_the_same_answer_as_in_the_full_analysis():
    """The TUI's Compare view asks only for the options on screen; the answer must not change."""
    from negotiator.case.catalog import load_case
    from negotiator.sensitivity import flip

    loaded = load_case()
    full = {f.challenger: f for f in flip(loaded).flips}
    some = [f for f in list(full)[1:3]] + [list(full)[-1]]
    named = flip(loaded, challengers=some)
    assert [f.challenger for f in named.flips] == [c for c in full if c in some]
    for f in named.flips:
        assert f == full[f.challenger]
