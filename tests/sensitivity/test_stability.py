"""Weight stability intervals (Mareschal 1988) against hand computation and brute force.

THREE case, equal weights, sweeping x (see test_sensitivity_sweep.py for the lines):
C leads on [0, 1/2]: A catches C at t = 1/2 (above), B ties C at t = 0 (the end).
Top-2 order C > A (A and B tie at 1/3 now; the stable sort keeps A, listed first).
"""

from __future__ import annotations

import numpy as np
import pytest
from sensitivity_cases import THREE, load

from negotiator.case.catalog import load_case_text
from negotiator.errors import UsageError
from negotiator.methods import METHODS, MethodResult
from negotiator.sensitivity import stability
from negotiator.sensitivity._common import one_way_weights, prepare


def test_interval_of_x_matches_the_hand_computation():
    result = stability(load(THREE), profile="equal", objectives=["x"])
    iv = result.intervals[0]
    assert result.top_order == ["C"]
    assert (iv.low, iv.high) == (pytest.approx(0.0), pytest.approx(0.5))
    assert iv.overtaken_above == ("A", "C")
    assert iv.room == pytest.approx(1 / 6)


def test_interval_of_z_is_the_whole_range_above():
    # Sweeping z (x and y share 1 - t equally): S_A = S_B = .5 - 0*t... = .5(1-t) + .5t = .5, S_C = .5 + .5t.
    # C ties A and B at t = 0 and leads everywhere above: stable on [0, 1].
    iv = stability(load(THREE), profile="equal", objectives=["z"]).intervals[0]
    assert (iv.low, iv.high) == (pytest.approx(0.0), pytest.approx(1.0))
    assert iv.overtaken_above is None


def _random_case(rng, n=5, m=3) -> str:
    lines = ["negotiator: 1", "objectives:"] + [f"  o{j}: {{label: O{j}, scale: [0, 1]}}" for j in range(m)] + ["options:"]
    for i in range(n):
        scores = ", ".join(f"o{j}: {rng.random():.6f}" for j in range(m))
        lines.append(f"  a{i}: {{label: A{i}, scores: {{{scores}}}}}")
    w = ", ".join(f"o{j}: {rng.random() + 0.05:.6f}" for j in range(m))
    lines += ["weights:", f"  p: {{{w}}}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("top", [1, 2])
def test_intervals_agree_with_a_brute_force_walk(seed, top):
    loaded = load_case_text(_random_case(np.random.default_rng(seed)))
    setup = prepare(loaded)
    result = stability(loaded, top=top)
    values = setup.matrix.values()
    for k, iv in enumerate(result.intervals):
        grid = np.linspace(0, 1, 2001)
        orders = [tuple(np.argsort(-(values @ w), kind="stable")[:top]) for w in one_way_weights(setup.w, k, grid)]
        base = tuple(np.argsort(-(values @ setup.w), kind="stable")[:top])
        same = np.array([o == base for o in orders])
        inside = (grid > iv.low + 1e-9) & (grid < iv.high - 1e-9)
        assert same[inside].all()
        if iv.overtaken_above:
            assert not same[grid > iv.high + 1e-3][:1].all()
        if iv.overtaken_below:
            assert not same[grid < iv.low - 1e-3][-1:].all()


def test_numerical_fallback_matches_the_exact_intervals(monkeypatch):
    from negotiator.methods import _load_all

    _load_all()
    monkeypatch.setitem(METHODS, "twin", lambda m, w, **_: MethodResult(scores=m.values() @ np.asarray(w)))
    loaded = load_case_text(_random_case(np.random.default_rng(3)))
    exact = stability(loaded, top=2)
    approx = stability(loaded, top=2, method="twin")
    assert not approx.provenance.exact
    for e, a in zip(exact.intervals, approx.intervals):
        assert (a.low, a.high) == (pytest.approx(e.low, abs=1e-8), pytest.approx(e.high, abs=1e-8))


def test_bad_top_is_a_usage_error():
    with pytest.raises(UsageError, match="--top must be between 1 and 2"):
        stability(load(THREE), top=3)
