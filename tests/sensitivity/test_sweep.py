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
from sensitivity_cases import SYMMETRIC, THREE, load

from negotiator.ranking.api import rank
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


#: Four lines through one point, two of them identical. Sweeping the weight t of p (q gets 1 - t):
#:   M = (1, 0):    S = t
#:   D1 = D2 = (.2, .4): S = .4 - .2 t   (identical lines: tied for every t)
#:   R = (.6, .2):  S = .2 + .4 t
#:   E = (0, 0):    S = 0
#: All but E meet at t = 1/3 (level 1/3): p + 2q = 1 for each. At t = 1/6: D1 = D2 = .3667 > R = .2667
#: > M = .1667, so the ranks are D1 1, D2 1, R 3, M 4; at t = 2/3: M .6667 > R .4667 > D1 = D2 .2667,
#: ranks M 1, R 2, D1 3, D2 3. R is never first: the top goes from the tie D1 = D2 straight to M.
FAN = """
negotiator: 1
objectives:
  p: {label: P, scale: [0, 10]}
  q: {label: Q, scale: [0, 10]}
options:
  M: {label: Mechanisms, scores: {p: 10, q: 0}}
  D1: {label: Differentiated, scores: {p: 2, q: 4}}
  D2: {label: Reciprocal, scores: {p: 2, q: 4}}
  R: {label: Repatriation, scores: {p: 6, q: 2}}
  E: {label: Empty, scores: {p: 0, q: 0}}
weights:
  even: {p: 1, q: 1}
"""


def test_lines_through_one_point_make_one_top_change_with_the_tie_below():
    s = sweep(load(FAN), profile="even", objectives=["p"]).sweeps[0]
    assert len(s.top_switches) == 1
    change = s.top_switches[0]
    assert change.weight == pytest.approx(1 / 3, abs=1e-12)
    assert set(change.below) == {"D1", "D2"} and change.above == ("M",)
    # The five crossings at 1/3 (M-D1, M-D2, M-R, R-D1, R-D2); only M passing D1 and D2 changes the top.
    assert len(s.breakpoints) == 5 and all(b.weight == pytest.approx(1 / 3, abs=1e-12) for b in s.breakpoints)
    assert {(b.rises, b.falls) for b in s.top_changes()} == {("M", "D1"), ("M", "D2")}
    ranks = {(b.rises, b.falls): b.ranks for b in s.breakpoints}
    # M goes 4 -> 1, D1 1 -> 3, R 3 -> 2: the pair's ranks just around the weight.
    assert ranks == {("M", "D1"): (1, 4), ("M", "D2"): (1, 4), ("M", "R"): (1, 4), ("R", "D1"): (1, 3), ("R", "D2"): (1, 3)}
    assert {b.rank_label() for b in s.breakpoints} == {"1–4", "1–3"}


def test_the_swap_rank_is_the_pair_rank_not_the_top():
    # THREE, x swept: A and B swap 2nd and 3rd place at 1/3 (C leads there with .6667).
    s = sweep(load(THREE), profile="equal", objectives=["x"]).sweeps[0]
    first = s.breakpoints[0]
    assert (first.rises, first.falls, first.ranks, first.rank_label(), first.changes_top) == ("A", "B", (2, 3), "2", False)
    assert [(c.weight, c.below, c.above) for c in s.top_switches] == [(pytest.approx(0.5), ("C",), ("A",))]


def test_sweep_table_lists_each_top_change_once_with_below_and_above(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    case = tmp_path / "fan.yaml"
    case.write_text(FAN)
    out = cli("sensitivity", "sweep", case, "--profile", "even", "-o", "p", "-q")
    assert out.exit_code == 0, out.stderr
    assert out.stdout.count("below 0.3333: Differentiated = Reciprocal (tie)") == 1
    assert "above 0.3333: Mechanisms" in out.stdout
    assert "Repatriation (tie)" not in out.stdout and "above 0.3333: Repatriation" not in out.stdout
    data = __import__("json").loads(cli("sensitivity", "sweep", case, "--profile", "even", "-o", "p", "-f", "json").stdout)
    assert data["sweeps"][0]["top_changes"] == [{"weight": pytest.approx(1 / 3), "top_below": ["D1", "D2"], "top_above": ["M"]}]


def test_numerical_fallback_merges_the_same_fan(additive_twin):
    s = sweep(load(FAN), profile="even", objectives=["p"], method=additive_twin).sweeps[0]
    assert [(set(c.below), c.above) for c in s.top_switches] == [({"D1", "D2"}, ("M",))]
    assert s.top_switches[0].weight == pytest.approx(1 / 3, abs=1e-8)


def test_bundled_resource_cost_top_changes_are_the_real_ones():
    # QA review (issue 4): several lines cross at 1/21; the repatriation talks are never first there.
    s = sweep(objectives=["resource_cost"]).sweeps[0]
    got = [(round(c.weight, 4), set(c.below), set(c.above)) for c in s.top_switches]
    assert got[0] == (0.0476, {"reciprocal_mechanisms", "differentiated_case_handling"}, {"policy_monitoring_early_warning"})
    assert got[1][1] == {"policy_monitoring_early_warning"}
    assert all(c.below != c.above for c in s.top_switches)
    assert len({round(c.weight, 9) for c in s.top_switches}) == len(s.top_switches)  # no weight twice
    for result in (sweep(),):
        for sw in result.sweeps:
            for prev, nxt in zip(sw.top_switches, sw.top_switches[1:]):
                assert set(prev.above) == set(nxt.below)  # the tops chain from one breakpoint to the next
