"""A small linear-programming solver in exact rational arithmetic (fractions.Fraction).

Game analysis needs LPs whose answers must be *exact*: "is this strategy
dominated by a mixture?" turns on whether an optimum is > 0 or exactly 0,
and a floating-point solver answers 1e-16 where the truth is 0. The games
that staff type are small (a handful of strategies), so a dense two-phase
tableau simplex with Bland's rule (which cannot cycle, Bland 1977) is fast
enough and never wrong.

    maximise  c . x
    subject to A_ub x <= b_ub,  A_eq x = b_eq,  x_k >= 0 unless k is in ``free``
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

__all__ = ["LPResult", "solve_lp"]

Vector = Sequence[Fraction | int]


@dataclass(frozen=True)
class LPResult:
    status: str  # "optimal", "infeasible" or "unbounded"
    value: Fraction | None = None
    x: tuple[Fraction, ...] | None = None


def solve_lp(
    c: Vector,
    A_ub: Sequence[Vector] = (),
    b_ub: Vector = (),
    A_eq: Sequence[Vector] = (),
    b_eq: Vector = (),
    free: Sequence[int] = (),
) -> LPResult:
    """Maximise c.x exactly; variables in ``free`` may be negative."""
    n = len(c)
    free = sorted(set(free))
    # A free variable x_k becomes x_k+ - x_k- (both >= 0): appended columns.
    extra = {k: n + i for i, k in enumerate(free)}
    width = n + len(free)

    def widen(row: Vector) -> list[Fraction]:
        out = [Fraction(v) for v in row] + [Fraction(0)] * len(free)
        for k, col in extra.items():
            out[col] = -out[k]
        return out

    cost = widen(c)
    rows = [(widen(a), Fraction(b), "ub") for a, b in zip(A_ub, b_ub)]
    rows += [(widen(a), Fraction(b), "eq") for a, b in zip(A_eq, b_eq)]
    result = _two_phase(cost, rows, width)
    if result.status != "optimal":
        return result
    x = list(result.x)
    for k, col in extra.items():
        x[k] = x[k] - x[col]
    return LPResult("optimal", result.value, tuple(x[:n]))


def _two_phase(cost: list[Fraction], rows: list[tuple[list[Fraction], Fraction, str]], width: int) -> LPResult:
    m = len(rows)
    n_slack = sum(1 for _, _, kind in rows if kind == "ub")
    # Columns: structural (width) | slacks | artificials (one per row) | rhs.
    n_cols = width + n_slack + m
    tableau: list[list[Fraction]] = []
    basis: list[int] = []
    slack = width
    for i, (a, b, kind) in enumerate(rows):
        row = a + [Fraction(0)] * (n_slack + m) + [b]
        if kind == "ub":
            row[slack] = Fraction(1)
            slack += 1
        if b < 0:
            row = [-v for v in row]
        row[width + n_slack + i] = Fraction(1)
        tableau.append(row)
        basis.append(width + n_slack + i)
    artificial = set(range(width + n_slack, n_cols))

    # Phase 1: maximise -(sum of artificials).
    phase1 = [Fraction(0)] * n_cols
    for col in artificial:
        phase1[col] = Fraction(-1)
    status = _simplex(tableau, basis, phase1, allowed=set(range(n_cols)))
    if status != "optimal" or _objective(tableau, basis, phase1) < 0:
        return LPResult("infeasible")
    _drive_out_artificials(tableau, basis, artificial)

    # Phase 2 on the original objective, artificials barred from entering.
    full_cost = cost + [Fraction(0)] * (n_slack + m)
    allowed = set(range(width + n_slack))
    status = _simplex(tableau, basis, full_cost, allowed=allowed)
    if status != "optimal":
        return LPResult(status)
    x = [Fraction(0)] * n_cols
    for i, col in enumerate(basis):
        x[col] = tableau[i][-1]
    return LPResult("optimal", _objective(tableau, basis, full_cost), tuple(x[:width]))


def _objective(tableau, basis, cost) -> Fraction:
    return sum((cost[col] * tableau[i][-1] for i, col in enumerate(basis)), Fraction(0))


def _simplex(tableau: list[list[Fraction]], basis: list[int], cost: list[Fraction], allowed: set[int]) -> str:
    """Primal simplex with Bland's rule (smallest index enters and leaves): no cycling."""
    while True:
        entering = None
        for col in sorted(allowed):
            if col in basis:
                continue
            reduced = cost[col] - sum((cost[b] * tableau[i][col] for i, b in enumerate(basis)), Fraction(0))
            if reduced > 0:
                entering = col
                break
        if entering is None:
            return "optimal"
        leaving, best = None, None
        for i, row in enumerate(tableau):
            if row[entering] > 0:
                ratio = row[-1] / row[entering]
                if best is None or ratio < best or (ratio == best and basis[i] < basis[leaving]):
                    leaving, best = i, ratio
        if leaving is None:
            return "unbounded"
        _pivot(tableau, basis, leaving, entering)


def _pivot(tableau: list[list[Fraction]], basis: list[int], r: int, col: int) -> None:
    pivot = tableau[r][col]
    tableau[r] = [v / pivot for v in tableau[r]]
    for i, row in enumerate(tableau):
        if i != r and row[col] != 0:
            factor = row[col]
            tableau[i] = [v - factor * p for v, p in zip(row, tableau[r])]
    basis[r] = col


def _drive_out_artificials(tableau, basis, artificial: set[int]) -> None:
    """After phase 1, pivot artificials (at zero) out of the basis; drop redundant rows."""
    i = 0
    while i < len(tableau):
        if basis[i] in artificial:
            col = next((k for k in range(len(tableau[i]) - 1) if k not in artificial and tableau[i][k] != 0), None)
            if col is None:
                del tableau[i]
                del basis[i]
                continue
            _pivot(tableau, basis, i, col)
        i += 1
