"""Known-answer tests for the exact bimatrix-game core (negotiator/games/bimatrix.py, negotiator/games/exact_lp.py)."""

from __future__ import annotations

import warnings
from fractions import Fraction as F

import numpy as np
import pytest

from negotiator.errors import UsageError
from negotiator.games.exact_lp import solve_lp
from negotiator.games.bimatrix import (
    Bimatrix,
    analyse_game,
    best_responses,
    deviation_gains,
    dominated_strategies,
    equilibrium_components,
    extreme_equilibria,
    is_degenerate,
    iterated_elimination,
    pure_equilibria,
    security_levels,
    zero_sum_solution,
)


def game(A, B):
    return Bimatrix.from_lists(A, B)


def eq_set(g):
    return {(e.x, e.y) for e in extreme_equilibria(g)[0]}


def fr(*values):
    return tuple(F(v) for v in values)


# -- classic games ---------------------------------------------------------------------


def test_battle_of_the_sexes_has_two_pure_and_one_mixed_equilibrium():
    # Osborne (2004), An Introduction to Game Theory, ch. 2 (BoS, "Bach or Stravinsky?", payoffs
    # (2,1), (0,0), (0,0), (1,2)) and ch. 4: its mixed equilibrium ((2/3, 1/3), (1/3, 2/3)).
    g = game([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    eqs = extreme_equilibria(g)[0]
    assert {(e.x, e.y) for e in eqs} == {
        (fr(1, 0), fr(1, 0)),
        (fr(0, 1), fr(0, 1)),
        (fr(F(2, 3), F(1, 3)), fr(F(1, 3), F(2, 3))),
    }
    mixed = next(e for e in eqs if not e.pure)
    assert (mixed.payoff_row, mixed.payoff_col) == (F(2, 3), F(2, 3))
    assert all(e.certified for e in eqs)
    assert pure_equilibria(g) == [(0, 0), (1, 1)]
    assert not is_degenerate(g)


def test_matching_pennies_unique_mixed_equilibrium_and_value_zero():
    # Osborne (2004), An Introduction to Game Theory, ch. 2 and ch. 4: the unique equilibrium is
    # (1/2, 1/2) for each player; as a zero-sum game its value is 0.
    g = game([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    assert eq_set(g) == {(fr(F(1, 2), F(1, 2)), fr(F(1, 2), F(1, 2)))}
    assert pure_equilibria(g) == []
    z = zero_sum_solution(g)
    assert z.value == 0 and z.row_strategy == fr(F(1, 2), F(1, 2)) and z.col_strategy == fr(F(1, 2), F(1, 2))
    assert z.solver.startswith("PuLP")


def test_odd_or_even_value_one_twelfth():
    # Ferguson, Game Theory (UCLA text), Part II §1.1 "Odd-or-Even" (matrix [[-2, 3], [3, -4]]),
    # solved with the 2x2 formulas of Part II §2: value 1/12, both players' optimal strategy (7/12, 5/12).
    A = [[-2, 3], [3, -4]]
    g = game(A, [[-v for v in r] for r in A])
    z = zero_sum_solution(g)
    assert z.value == F(1, 12)
    assert z.row_strategy == fr(F(7, 12), F(5, 12))
    assert z.col_strategy == fr(F(7, 12), F(5, 12))
    assert eq_set(g) == {(fr(F(7, 12), F(5, 12)), fr(F(7, 12), F(5, 12)))}


def test_rock_paper_scissors_full_equilibrium_set_is_the_uniform_pair():
    # A 3x3 zero-sum game with a known, unique equilibrium (uniform play) and value 0.
    A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    g = game(A, [[-v for v in r] for r in A])
    third = fr(F(1, 3), F(1, 3), F(1, 3))
    assert eq_set(g) == {(third, third)}
    z = zero_sum_solution(g)
    assert z.value == 0 and z.row_strategy == third


def test_constant_sum_game_is_solved_as_zero_sum():
    A = [[-2, 3], [3, -4]]
    g = game(A, [[10 - v for v in r] for r in A])
    z = zero_sum_solution(g)
    assert z.constant == 10 and z.value == F(1, 12)


def test_non_zero_sum_game_has_no_zero_sum_solution():
    assert zero_sum_solution(game([[2, 0], [0, 1]], [[1, 0], [0, 2]])) is None


def test_von_stengel_nondegenerate_3x2_example():
    # von Stengel (2002), "Computing equilibria for two-person games", Handbook of Game Theory
    # vol. 3, ch. 45, §2 (the running 3x2 example A = [[3,3],[2,5],[0,6]], B = [[3,2],[2,6],[3,1]]):
    # exactly three equilibria.
    g = game([[3, 3], [2, 5], [0, 6]], [[3, 2], [2, 6], [3, 1]])
    assert eq_set(g) == {
        (fr(1, 0, 0), fr(1, 0)),
        (fr(F(4, 5), F(1, 5), 0), fr(F(2, 3), F(1, 3))),
        (fr(0, F(1, 3), F(2, 3)), fr(F(1, 3), F(2, 3))),
    }
    assert not is_degenerate(g)


# -- degenerate games -------------------------------------------------------------------


def test_identity_3x3_has_exactly_seven_equilibria():
    # The 3x3 coordination (identity) game: one equilibrium per nonempty support set,
    # uniform on it: 2^3 - 1 = 7 (von Stengel 1999, "New maximal numbers of equilibria in
    # bimatrix games", Discrete Comput. Geom. 21; the Quint-Shubik bound for 3x3 is attained).
    identity = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    g = game(identity, identity)
    eqs = extreme_equilibria(g)[0]
    assert len(eqs) == 7
    for support in [(0,), (1,), (2,), (0, 1), (0, 2), (1, 2), (0, 1, 2)]:
        z = tuple(F(1, len(support)) if i in support else F(0) for i in range(3))
        assert (z, z) in {(e.x, e.y) for e in eqs}
    assert all(e.certified for e in eqs)


def test_von_stengel_degenerate_3x2_example_has_a_segment_of_equilibria():
    # von Stengel (2002), Handbook of Game Theory vol. 3, ch. 45, §2.6 "Degenerate games":
    # B's top-row entry 2 becomes 3, so the top row has two pure best responses. The
    # equilibria: the segment (1,0,0) x {(1-q, q): 0 <= q <= 1/3} and the isolated
    # ((0, 1/3, 2/3), (1/3, 2/3)).
    g = game([[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]])
    eqs, pairs, xs, ys = extreme_equilibria(g)
    assert {(e.x, e.y) for e in eqs} == {
        (fr(1, 0, 0), fr(1, 0)),
        (fr(1, 0, 0), fr(F(2, 3), F(1, 3))),
        (fr(0, F(1, 3), F(2, 3)), fr(F(1, 3), F(2, 3))),
    }
    assert is_degenerate(g)
    comps = equilibrium_components(pairs, xs, ys)
    assert len(comps) == 2
    segment = next(c for c in comps if not c.isolated)
    assert len(segment.nash_subsets) == 1
    X, Y = segment.nash_subsets[0]
    assert X == [fr(1, 0, 0)]
    assert set(Y) == {fr(1, 0), fr(F(2, 3), F(1, 3))}
    # Every point of the segment is an equilibrium (checked at the midpoint, exactly).
    mid = fr(F(5, 6), F(1, 6))
    assert deviation_gains(g, fr(1, 0, 0), mid) == (0, 0)


def test_constant_game_is_one_component_with_four_extreme_equilibria():
    # Every strategy pair is an equilibrium: one Nash subset, conv{pure} x conv{pure}.
    g = game([[1, 1], [1, 1]], [[1, 1], [1, 1]])
    eqs, pairs, xs, ys = extreme_equilibria(g)
    assert len(eqs) == 4
    comps = equilibrium_components(pairs, xs, ys)
    assert len(comps) == 1 and len(comps[0].nash_subsets) == 1
    X, Y = comps[0].nash_subsets[0]
    assert len(X) == 2 and len(Y) == 2


def test_ties_in_a_2x2_game_give_two_nash_subsets_in_one_component():
    # Row player indifferent everywhere; column player strictly prefers column 1 against
    # row 1 and is indifferent against row 2. Equilibria: (row 1, col 1) and
    # (row 2, any column) and mixtures of the rows with column 1: two maximal Nash subsets
    # {rows 1-2 mixed} x {col 1} and {row 2} x {cols mixed}, sharing (row 2, col 1).
    g = game([[0, 0], [0, 0]], [[1, 0], [0, 0]])
    eqs, pairs, xs, ys = extreme_equilibria(g)
    comps = equilibrium_components(pairs, xs, ys)
    assert len(comps) == 1
    subsets = {(tuple(X), tuple(Y)) for X, Y in comps[0].nash_subsets}
    assert subsets == {
        ((fr(0, 1), fr(1, 0)), (fr(1, 0),)),
        ((fr(0, 1),), (fr(0, 1), fr(1, 0))),
    }


# -- dominance ------------------------------------------------------------------------


def test_strict_dominance_by_a_mixture_that_no_pure_strategy_achieves():
    # The textbook case (e.g. Fudenberg & Tirole 1991, Game Theory, §2.1): the bottom row
    # (1, 1) is beaten by no pure row, but by (1/2, 1/2) on the top two rows (1.5 > 1).
    g = game([[3, 0], [0, 3], [1, 1]], [[0, 0], [0, 0], [0, 0]])
    doms = [d for d in dominated_strategies(g) if d.player == "row"]
    assert len(doms) == 1
    d = doms[0]
    assert (d.strategy, d.kind) == (2, "strict")
    assert d.by == {0: F(1, 2), 1: F(1, 2)} and d.by_mixture
    assert d.margin == F(1, 2)


def test_weak_dominance_by_a_mixture_only():
    # (1,1,1) is matched in column 3 and beaten in columns 1-2 by (1/2, 1/2): weak, not strict.
    g = game([[3, 0, 1], [0, 3, 1], [1, 1, 1]], [[0] * 3] * 3)
    d = next(d for d in dominated_strategies(g) if d.player == "row")
    assert (d.strategy, d.kind) == (2, "weak")
    assert d.by_mixture
    assert not [x for x in dominated_strategies(g, weak=False) if x.player == "row"]


def test_pure_dominance_is_preferred_and_reported_with_its_margin():
    g = game([[4, 5], [1, 2]], [[0, 0], [0, 0]])
    d = next(d for d in dominated_strategies(g) if d.player == "row")
    assert d.by == {0: 1} and d.kind == "strict" and d.margin == 3


def test_iterated_elimination_gibbons_example():
    # Gibbons (1992), A Primer in Game Theory, §1.1.B, Figure 1.1.1: Right is strictly
    # dominated by Middle; then Down by Up; then Left by Middle: (Up, Middle) survives.
    A = [[1, 1, 0], [0, 0, 2]]
    B = [[0, 2, 1], [3, 1, 0]]
    rounds = iterated_elimination(game(A, B))
    removed = [[(d.player, d.strategy) for d in r.removed] for r in rounds]
    assert removed == [[("column", 2)], [("row", 1)], [("column", 0)]]
    assert rounds[-1].rows_left == [0] and rounds[-1].cols_left == [1]


def test_identical_strategies_are_not_dominated():
    g = game([[1, 2], [1, 2]], [[0, 0], [0, 0]])
    assert [d for d in dominated_strategies(g) if d.player == "row"] == []


# -- best responses, certification, security ---------------------------------------------


def test_best_responses_keep_every_tie():
    g = game([[1, 0], [1, 0]], [[2, 2], [0, 1]])
    row_br, col_br = best_responses(g)
    assert row_br == [[0, 1], [0, 1]]
    assert col_br == [[0, 1], [1]]


def test_deviation_gains_flag_a_non_equilibrium():
    g = game([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    # (top, right): both get 0; the row player gains 1 by moving down, the column player 1 by moving left.
    assert deviation_gains(g, fr(1, 0), fr(0, 1)) == (1, 1)
    assert deviation_gains(g, fr(1, 0), fr(1, 0)) == (0, 0)


def test_security_levels_battle_of_the_sexes():
    # Row player's maximin in BoS: (1/3, 2/3) guarantees 2/3 (solve 2x = 1 - x); pure maximin 0.
    g = game([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    row, col = security_levels(g)
    assert row.mixed_level == F(2, 3) and row.mixed_strategy == fr(F(1, 3), F(2, 3))
    assert col.mixed_level == F(2, 3) and col.mixed_strategy == fr(F(2, 3), F(1, 3))
    assert row.pure_level == 0 and row.pure_strategies == [0, 1]


def test_exact_payoffs_from_decimals():
    g = Bimatrix.from_lists([[0.1, 0.2]], [[0.3, 0.1]])
    assert g.A[0][0] == F(1, 10) and g.B[0][0] == F(3, 10)


def test_too_large_a_game_is_refused_with_a_clear_message():
    n = 12
    g = game([[i * n + j for j in range(n)] for i in range(n)], [[0] * n] * n)
    with pytest.raises(UsageError, match="too large"):
        extreme_equilibria(g)


def test_analyse_game_certifies_every_equilibrium_of_the_bundled_game():
    from negotiator.case.catalog import load_case
    from negotiator.games.bimatrix import bimatrix_from_case

    gid, g = bimatrix_from_case(load_case(None).case)
    a = analyse_game(g)
    assert gid == "repatriation_linkage"
    assert all(e.certified for e in a.equilibria)
    # Computed, not typed: two pure equilibria and a mixed one between them.
    assert len(a.pure) == 2 and len(a.equilibria) == 3
    assert a.degenerate


# -- cross-checks -------------------------------------------------------------------------


def _nashpy_equilibria(A, B):
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(nashpy.Game(np.array(A, dtype=float), np.array(B, dtype=float)).vertex_enumeration())


def test_random_nondegenerate_games_agree_with_nashpy():
    # nashpy (vertex enumeration, floating point) is trustworthy on non-degenerate games
    # only, so degenerate draws are skipped; integers from a wide range make them rare.
    rng = np.random.default_rng(20260701)
    checked = 0
    while checked < 15:
        m, n = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        A = rng.integers(-50, 51, size=(m, n)).tolist()
        B = rng.integers(-50, 51, size=(m, n)).tolist()
        g = game(A, B)
        if is_degenerate(g):
            continue
        ours = sorted((tuple(map(float, e.x)), tuple(map(float, e.y))) for e in extreme_equilibria(g)[0])
        theirs = sorted((tuple(np.clip(x, 0, 1)), tuple(np.clip(y, 0, 1))) for x, y in _nashpy_equilibria(A, B))
        assert len(ours) == len(theirs), (A, B)
        for (x1, y1), (x2, y2) in zip(ours, theirs):
            assert np.allclose(x1, x2, atol=1e-9) and np.allclose(y1, y2, atol=1e-9), (A, B)
        checked += 1


def test_equilibrium_that_floating_point_support_enumeration_misses():
    # Found while cross-checking: nashpy 0.0.43's support_enumeration returns 4 of the 5
    # equilibria of this non-degenerate game (it drops the third below, whose supports
    # are {top, bottom} x {c2, c3}). Checked by hand: against y the rows both earn 1,
    # against x columns c2 and c3 both earn -245/12, more than c1 (-29.5) and c4 (-35.75).
    A = [[-41, -10, 37, -1], [18, 12, -35, -25]]
    B = [[-32, -45, -40, -27], [-26, 14, 7, -48]]
    g = game(A, B)
    eqs = extreme_equilibria(g)[0]
    assert len(eqs) == 5 and not is_degenerate(g)
    assert (fr(F(7, 12), F(5, 12)), fr(0, F(36, 47), F(11, 47), 0)) in {(e.x, e.y) for e in eqs}
    assert all(e.certified for e in eqs)


def test_exact_lp_agrees_with_scipy_linprog():
    from scipy.optimize import linprog

    rng = np.random.default_rng(7)
    for _ in range(30):
        k, r = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        c = rng.integers(-5, 6, size=k)
        A = rng.integers(-5, 6, size=(r, k))
        b = rng.integers(0, 10, size=r)
        A = np.vstack([A, np.ones((1, k), dtype=int)])  # keep it bounded
        b = np.append(b, 10)
        ours = solve_lp(c.tolist(), A.tolist(), b.tolist())
        ref = linprog(-c, A_ub=A, b_ub=b, bounds=[(0, None)] * k, method="highs")
        assert ours.status == "optimal" and ref.status == 0
        assert float(ours.value) == pytest.approx(-ref.fun, abs=1e-9)


def test_exact_lp_statuses():
    assert solve_lp([1], [[1]], [-1]).status == "infeasible"
    assert solve_lp([1, 0], [[-1, 1]], [1]).status == "unbounded"
    res = solve_lp([1], [[1]], [-3], free=[0])
    assert res.status == "optimal" and res.value == -3


def test_zero_sum_falls_back_to_the_exact_simplex_when_rounding_fails():
    # Optimal strategies with denominators beyond what PuLP's floats round back to:
    # p = 100002/200012 = 50001/100006 (the 2x2 formula, e.g. Owen 1995, Game Theory, §II.4).
    A = [[100003, -7], [-11, 99991]]
    g = game(A, [[-v for v in r] for r in A])
    z = zero_sum_solution(g)
    assert z.row_strategy == fr(F(50001, 100006), F(50005, 100006))
    assert z.value == F(100003 * 99991 - 7 * 11, 200012)
    assert "exact simplex" in z.solver


def _in_hull(point, vertices) -> bool:
    """Is ``point`` a convex combination of ``vertices``? (exact LP feasibility)"""
    k, d = len(vertices), len(point)
    res = solve_lp([0] * k, A_eq=[[v[i] for v in vertices] for i in range(d)] + [[1] * k], b_eq=list(point) + [1])
    return res.status == "optimal"


def test_every_equilibrium_on_a_grid_lies_in_a_reported_nash_subset():
    # Completeness on degenerate games: payoffs in {0, 1, 2} make ties everywhere. Every
    # strategy pair on a 1/6-grid that is an equilibrium (checked exactly) must lie in
    # conv(X) x conv(Y) for some reported maximal Nash subset (X, Y).
    rng = np.random.default_rng(3)
    steps = [F(k, 6) for k in range(7)]
    for _ in range(12):
        m, n = 2, int(rng.integers(2, 4))
        g = game(rng.integers(0, 3, size=(m, n)).tolist(), rng.integers(0, 3, size=(m, n)).tolist())
        eqs, pairs, xs, ys = extreme_equilibria(g)
        subsets = [s for c in equilibrium_components(pairs, xs, ys) for s in c.nash_subsets]
        for X, Y in subsets:  # and conversely: each reported subset holds only equilibria
            centre_x = tuple(sum(c) / len(X) for c in zip(*X))
            centre_y = tuple(sum(c) / len(Y) for c in zip(*Y))
            assert max(deviation_gains(g, centre_x, centre_y)) <= 0
        xs_grid = [(a, 1 - a) for a in steps]
        ys_grid = [(a, 1 - a) for a in steps] if n == 2 else [(a, b, 1 - a - b) for a in steps for b in steps if a + b <= 1]
        for x in xs_grid:
            for y in ys_grid:
                if max(deviation_gains(g, x, y)) > 0:
                    continue
                assert any(_in_hull(x, X) and _in_hull(y, Y) for X, Y in subsets), (g.A, g.B, x, y)


def _reference_equilibria(A, B):
    """Brute force in Fractions, independent of the numpy screen: every support pair, exactly.

    For supports I (rows) and J (columns), solve the indifference equations; keep
    solutions that are probability vectors and best responses. In degenerate games the
    solution set of a support pair can be a polytope, so this only returns the unique
    solutions: compare on non-degenerate games.
    """
    from itertools import combinations as comb

    from negotiator.games.bimatrix import to_fraction

    A = [[to_fraction(v) for v in r] for r in A]  # 0.029 means 29/1000, as in the files
    B = [[to_fraction(v) for v in r] for r in B]
    m, n = len(A), len(A[0])

    def solve(M, b):
        k = len(M)
        aug = [list(r) + [bb] for r, bb in zip(M, b)]
        for c in range(k):
            piv = next((r for r in range(c, k) if aug[r][c] != 0), None)
            if piv is None:
                return None
            aug[c], aug[piv] = aug[piv], aug[c]
            aug[c] = [v / aug[c][c] for v in aug[c]]
            for r in range(k):
                if r != c and aug[r][c] != 0:
                    aug[r] = [v - aug[r][c] * w for v, w in zip(aug[r], aug[c])]
        return [aug[r][k] for r in range(k)]

    out = set()
    for size in range(1, min(m, n) + 1):
        for I in comb(range(m), size):
            for J in comb(range(n), size):
                # y on J makes rows in I indifferent (value u); x on I makes columns in J indifferent (value v).
                y = solve([[F(A[i][j]) for j in J] + [F(-1)] for i in I] + [[F(1)] * size + [F(0)]], [F(0)] * size + [F(1)])
                x = solve([[F(B[i][j]) for i in I] + [F(-1)] for j in J] + [[F(1)] * size + [F(0)]], [F(0)] * size + [F(1)])
                if x is None or y is None or min(x[:-1]) < 0 or min(y[:-1]) < 0:
                    continue
                X = tuple(x[I.index(i)] if i in I else F(0) for i in range(m))
                Y = tuple(y[J.index(j)] if j in J else F(0) for j in range(n))
                if max(deviation_gains(Bimatrix.from_lists(A, B), X, Y)) <= 0:
                    out.add((X, Y))
    return out


def test_float_screen_loses_nothing_on_large_and_decimal_payoffs():
    # The vertex enumeration screens bases in floating point; payoffs spanning magnitudes
    # (1e6 next to 0.001) stress it. An independent exact brute force is the oracle.
    rng = np.random.default_rng(2026)
    checked = 0
    while checked < 12:
        m, n = int(rng.integers(2, 4)), int(rng.integers(2, 4))
        scale = rng.choice([1e-3, 1, 1e6], size=(m, n))
        A = (rng.integers(-99, 100, size=(m, n)) * scale).round(3).tolist()
        B = (rng.integers(-99, 100, size=(m, n)) * scale.T.mean()).round(3).tolist()
        g = game(A, B)
        if is_degenerate(g):
            continue
        assert eq_set(g) == _reference_equilibria(A, B), (A, B)
        checked += 1


def test_bundled_game_payoffs_are_marked_as_judgments_with_a_cited_rationale():
    from negotiator.case.catalog import load_case

    spec = load_case(None).case.games["repatriation_linkage"]
    assert "ANALYST JUDGMENTS" in spec.judgment
    assert set(spec.players) == {"china", "us"}
    cells = [cell for line in spec.payoffs.values() for cell in line.values()]
    assert len(cells) == 9
    for cell in cells:
        assert cell.rationale.startswith("Analyst judgment:") and "§" in cell.source
        assert all(float(v).is_integer() and -3 <= v <= 3 for v in cell.payoff)
