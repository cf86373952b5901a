"""negotiator.ranking.whatif: exact pairwise 'what would it take' answers for the additive model.

Known answers are worked by hand below (three objectives, weights 0.5/0.3/0.2);
the cheapest shift is cross-checked against scipy's LP solver (linprog, HiGHS)
on random instances, and every answer is replayed through `negotiator.ranking.api.rank`.
"""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.ranking import api
from negotiator.case.catalog import load_case
from negotiator.errors import UsageError
from negotiator.ranking.whatif import pairwise_what_if, set_one_weight, what_would_it_take

W = {"x": 0.5, "y": 0.3, "z": 0.2}
VA = {"x": 1.0, "y": 0.2, "z": 0.5}
VB = {"x": 0.4, "y": 0.8, "z": 0.5}


def test_hand_worked_example():
    # d = vB - vA = (-0.6, 0.6, 0); D = -0.3 + 0.18 = -0.12, so A leads by 0.12.
    r = what_would_it_take(VA, VB, W, "A", "B")
    assert r.possible and r.gap == pytest.approx(0.12)
    by_obj = {c.objective: c for c in r.one_weight}
    # x: R = 0.18 / 0.5 = 0.36, t* = 0.36 / 0.96 = 0.375 (lower x by 0.125)
    assert by_obj["x"].needed == pytest.approx(0.375) and by_obj["x"].direction == "lower"
    # y: R = -0.3 / 0.7, t* = R / (R - 0.6) = 5/12 (raise y by 0.1167)
    assert by_obj["y"].needed == pytest.approx(5 / 12) and by_obj["y"].direction == "raise"
    # z: R = -0.12 / 0.8 = -0.15, t* = 1: only all the weight on z ties them
    assert by_obj["z"].needed == pytest.approx(1.0)
    assert [c.objective for c in r.one_weight] == ["y", "x", "z"]  # smallest change first: 0.117, 0.125, 0.8
    # cheapest: move 0.12 / 1.2 = 0.1 from x to y, L1 distance 0.2
    assert r.cheapest.moves == pytest.approx({"x": -0.1, "y": 0.1, "z": 0.0})
    assert r.cheapest.distance == pytest.approx(0.2)
    assert r.cheapest.new_weights == pytest.approx({"x": 0.4, "y": 0.4, "z": 0.2})


def test_single_change_ties_exactly_after_rescaling():
    r = what_would_it_take(VA, VB, W)
    for c in r.one_weight:
        new = set_one_weight(W, c.objective, c.needed)
        assert sum(new.values()) == pytest.approx(1.0)
        d = sum(new[o] * (VB[o] - VA[o]) for o in W)
        assert d == pytest.approx(0.0, abs=1e-12)


def test_dominated_option_cannot_get_ahead():
    r = what_would_it_take({"x": 1, "y": 1}, {"x": 0.5, "y": 1}, {"x": 1, "y": 1}, "A", "B")
    assert not r.possible and "at best equal" in r.reason and r.reason.key == "wi_at_best_tie"
    r = what_would_it_take({"x": 1, "y": 1}, {"x": 0.5, "y": 0.2}, {"x": 1, "y": 1}, "A", "B")
    assert not r.possible and "no weights" in r.reason and r.reason.key == "wi_nowhere_better"


def test_already_tied_reports_zero_change_and_the_way_that_helps():
    r = what_would_it_take({"x": 1, "y": 0}, {"x": 0, "y": 1}, {"x": 1, "y": 1})
    assert r.gap == 0 and r.cheapest.distance == 0
    by_obj = {c.objective: c for c in r.one_weight}
    assert by_obj["y"].change == pytest.approx(0) and by_obj["y"].direction == "raise"
    assert by_obj["x"].direction == "lower"


def test_behind_already_ahead_is_a_usage_error():
    with pytest.raises(UsageError, match="already ahead"):
        what_would_it_take(VB, VA, {"x": 0.9, "y": 0.1, "z": 0})


@pytest.mark.parametrize("seed", range(25))
def test_cheapest_shift_matches_linear_programme(seed):
    from scipy.optimize import linprog

    rng = np.random.default_rng(seed)
    m = int(rng.integers(2, 8))
    w = rng.dirichlet(np.ones(m))
    va, vb = rng.random(m), rng.random(m)
    if w @ (vb - va) > 0:
        va, vb = vb, va
    objs = [f"o{i}" for i in range(m)]
    r = what_would_it_take(va, vb, dict(zip(objs, w)))
    d = vb - va
    # variables: up (m), down (m); min sum(up + down)
    c = np.ones(2 * m)
    a_ub = [np.concatenate([-d, d])]  # -(up - down).d <= D(w)  <=>  (w + up - down).d >= 0
    b_ub = [w @ d]
    a_eq = [np.concatenate([np.ones(m), -np.ones(m)])]
    a_ub += [np.concatenate([np.zeros(m), e]) - np.concatenate([e, np.zeros(m)]) for e in np.eye(m)]  # down - up <= w
    b_ub += list(w)
    lp = linprog(c, A_ub=np.array(a_ub), b_ub=np.array(b_ub), A_eq=np.array(a_eq), b_eq=[0.0], bounds=[(0, None)] * (2 * m), method="highs")
    if r.possible:
        assert lp.status == 0
        assert r.cheapest.distance == pytest.approx(lp.fun, abs=1e-9)
        assert sum(r.cheapest.new_weights.values()) == pytest.approx(1.0)
        assert min(r.cheapest.new_weights.values()) >= -1e-12
    else:
        assert d.max() <= 1e-12


def test_set_one_weight_keeps_ratios_and_handles_a_sole_weight():
    new = set_one_weight({"a": 2, "b": 1, "c": 1}, "a", 0.2)
    assert new == pytest.approx({"a": 0.2, "b": 0.4, "c": 0.4})
    assert set_one_weight({"a": 1, "b": 0, "c": 0}, "a", 0.5) == pytest.approx({"a": 0.5, "b": 0.25, "c": 0.25})
    with pytest.raises(UsageError, match="between 0 and 1"):
        set_one_weight({"a": 1, "b": 1}, "a", 1.5)
    with pytest.raises(UsageError, match="unknown objective"):
        set_one_weight({"a": 1}, "q", 0.5)


def test_answers_replay_through_api_rank(cases_dir):
    loaded = load_case(cases_dir / "tiny.yaml")
    base = api.rank(loaded, profile="main")
    first, second = base.rows[0].option, base.rows[1].option
    r = pairwise_what_if(loaded, first, second, base.provenance.weights)
    assert r.gap == pytest.approx(base.rows[0].score - base.rows[1].score)
    tied = api.rank(loaded, weights=r.cheapest.new_weights)
    scores = {row.option: row.score for row in tied.rows}
    assert scores[first] == pytest.approx(scores[second], abs=1e-12)
    for c in r.one_weight:
        tied = api.rank(loaded, weights=set_one_weight(base.provenance.weights, c.objective, c.needed))
        scores = {row.option: row.score for row in tied.rows}
        assert scores[first] == pytest.approx(scores[second], abs=1e-12)


def test_unknown_option_is_a_usage_error(cases_dir):
    with pytest.raises(UsageError, match="unknown option 'zz'"):
        pairwise_what_if(load_case(cases_dir / "tiny.yaml"), "a", "zz", {"gain": 1})


def test_compare_options_tiny_by_hand(cases_dir):
    # tiny.yaml, profile main (gain 2, cost 1, risk 1 -> 0.5, 0.25, 0.25).
    # Values: gain a 0.8, b 0.5; cost (min, derived scale [1, 9]) a 0, b (9-3)/8 = 0.75;
    # risk (min, [0, 10]) a 0.7, b 0.9.
    from negotiator.ranking.whatif import compare_options

    loaded = load_case(cases_dir / "tiny.yaml")
    cmp = compare_options(loaded, ["a", "b"], {"gain": 2, "cost": 1, "risk": 1})
    assert cmp.values["a"] == pytest.approx({"gain": 0.8, "cost": 0.0, "risk": 0.7})
    assert cmp.values["b"] == pytest.approx({"gain": 0.5, "cost": 0.75, "risk": 0.9})
    assert cmp.total["a"] == pytest.approx(0.4 + 0 + 0.175)
    assert cmp.total["b"] == pytest.approx(0.25 + 0.1875 + 0.225)
    assert cmp.difference["b"] == pytest.approx({"gain": -0.15, "cost": 0.1875, "risk": 0.05})
    assert cmp.total_difference["b"] == pytest.approx(sum(cmp.difference["b"].values()))
    assert cmp.likely["b"]["cost"] == 3
    ranked = {r.option: r.score for r in api.rank(loaded, profile="main").rows}
    assert cmp.total["a"] == pytest.approx(ranked["a"]) and cmp.total["b"] == pytest.approx(ranked["b"])


def test_nudge_weight_clamps_and_rescales():
    from negotiator.ranking.whatif import nudge_weight

    assert nudge_weight({"a": 0.5, "b": 0.25, "c": 0.25}, "a", 0.1) == pytest.approx({"a": 0.6, "b": 0.2, "c": 0.2})
    assert nudge_weight({"a": 0.98, "b": 0.02}, "a", 0.05) == pytest.approx({"a": 1.0, "b": 0.0})
    assert nudge_weight({"a": 0.02, "b": 0.98}, "a", -0.05) == pytest.approx({"a": 0.0, "b": 1.0})


def test_rank_moves_against_the_starting_profile(cases_dir):
    from negotiator.ranking.whatif import rank_moves

    loaded = load_case(cases_dir / "tiny.yaml")
    before = api.rank(loaded, profile="main")  # a 0.575, b 0.6625 -> b 1st, a 2nd
    after = api.rank(loaded, weights={"gain": 1})  # gain only: a 0.8 > b 0.5
    moves = rank_moves(before, after)
    assert [r.option for r in before.rows] == ["b", "a"] and [r.option for r in after.rows] == ["a", "b"]
    assert moves == {"a": 1, "b": -1}
    assert rank_moves(None, after) == {"a": None, "b": None}


def test_cheapest_shift_agrees_with_the_sensitivity_flip_lp():
    # Peer check: negotiator.sensitivity.solve_flip_lp (PuLP/CBC, Wolters & Mareschal 1995) on a
    # two-option matrix asks the same question: the nearest weights (L1) where B is at least level.
    from negotiator.model.matrix import build_matrix
    from negotiator.sensitivity import solve_flip_lp

    loaded = load_case()
    base = api.rank(loaded)
    values = build_matrix(loaded.case).values()
    objs = list(loaded.case.objectives)
    w0 = np.array([base.provenance.weights[o] for o in objs])
    leader = base.rows[0].option
    for row in base.rows[1:6]:
        r = pairwise_what_if(loaded, leader, row.option, base.provenance.weights)
        pair = values[[list(loaded.case.options).index(o) for o in (leader, row.option)]]
        w = solve_flip_lp(pair, w0, 1, "l1")
        if r.possible:
            assert np.abs(w - w0).sum() == pytest.approx(r.cheapest.distance, abs=1e-6)
        else:
            assert w is None or np.abs(w - w0).sum() == pytest.approx(0, abs=1e-9)
