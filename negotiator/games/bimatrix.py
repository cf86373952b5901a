"""Two-player (bimatrix) games in exact rational arithmetic.

Payoffs that staff type are small integers, so games are often *degenerate*
(a strategy has several best responses, ties everywhere). Floating-point
solvers and support enumeration then silently lose equilibria. Everything
here is exact (fractions.Fraction):

- best responses, pure equilibria;
- strict and weak dominance, by pure strategies and by mixtures (an exact LP),
  and iterated elimination;
- *all* extreme equilibria by vertex enumeration of the two best-response
  polytopes (von Stengel 2002, Handbook of Game Theory vol. 3, ch. 45, §3),
  which is correct on degenerate games because every vertex is enumerated
  with all its labels, not only the labels of one basis;
- the components of the equilibrium set: extreme equilibria that can be
  mixed freely form maximal Nash subsets (maximal bicliques, Avis, Rosenberg,
  Savani & von Stengel 2010, Economic Theory 42:9-37); each equilibrium is
  certified by checking that no player gains by a pure deviation;
- security (maximin) levels, and for zero-sum games the value and optimal
  strategies by linear programming with PuLP, then certified exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import combinations
from math import comb
from typing import Sequence

import negotiator.solvers as solvers
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.games.exact_lp import solve_lp

__all__ = [
    "MAX_BASES",
    "Bimatrix",
    "Dominance",
    "EliminationRound",
    "Equilibrium",
    "Component",
    "Security",
    "ZeroSumSolution",
    "GameAnalysis",
    "to_fraction",
    "best_responses",
    "pure_equilibria",
    "dominated_strategies",
    "iterated_elimination",
    "extreme_equilibria",
    "equilibrium_components",
    "deviation_gains",
    "security_levels",
    "zero_sum_solution",
    "is_degenerate",
    "analyse_game",
    "resolve_game_id",
    "bimatrix_from_case",
]

#: Vertex enumeration solves C(m+n, m) small linear systems per player; past this the
#: exact enumeration would take minutes, and no hand-typed game is that large.
MAX_BASES = 20_000

Matrix = tuple[tuple[Fraction, ...], ...]
Mixed = tuple[Fraction, ...]


def to_fraction(value) -> Fraction:
    """The number the user typed, exactly: 0.1 in a file means 1/10, not the nearest double."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(repr(float(value)))


@dataclass(frozen=True)
class Bimatrix:
    """Row player's payoffs A and column player's payoffs B, both m x n."""

    A: Matrix
    B: Matrix
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    row_player: str = "row"
    col_player: str = "column"

    @classmethod
    def from_lists(cls, A, B, rows: Sequence[str] | None = None, cols: Sequence[str] | None = None, row_player: str = "row", col_player: str = "column") -> "Bimatrix":
        a = tuple(tuple(to_fraction(v) for v in r) for r in A)
        b = tuple(tuple(to_fraction(v) for v in r) for r in B)
        m, n = len(a), len(a[0]) if a else 0
        if m == 0 or n == 0 or any(len(r) != n for r in a) or len(b) != m or any(len(r) != n for r in b):
            raise UsageError(Problem(Message("mg_shape", rows=m)))
        rows = tuple(rows) if rows is not None else tuple(f"r{i + 1}" for i in range(m))
        cols = tuple(cols) if cols is not None else tuple(f"c{j + 1}" for j in range(n))
        return cls(a, b, rows, cols, row_player, col_player)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.A), len(self.A[0])

    def transposed(self) -> "Bimatrix":
        """The same game seen from the column player (who becomes the row player)."""
        m, n = self.shape
        At = tuple(tuple(self.B[i][j] for i in range(m)) for j in range(n))
        Bt = tuple(tuple(self.A[i][j] for i in range(m)) for j in range(n))
        return Bimatrix(At, Bt, self.cols, self.rows, self.col_player, self.row_player)

    def payoffs(self, x: Mixed, y: Mixed) -> tuple[Fraction, Fraction]:
        """Expected payoffs (row, column) of mixed strategies x and y."""
        m, n = self.shape
        a = sum((x[i] * self.A[i][j] * y[j] for i in range(m) for j in range(n)), Fraction(0))
        b = sum((x[i] * self.B[i][j] * y[j] for i in range(m) for j in range(n)), Fraction(0))
        return a, b

    def zero_sum_constant(self) -> Fraction | None:
        """c when A + B = c everywhere (zero-sum for c = 0, constant-sum otherwise), else None."""
        m, n = self.shape
        total = self.A[0][0] + self.B[0][0]
        if all(self.A[i][j] + self.B[i][j] == total for i in range(m) for j in range(n)):
            return total
        return None


# -- best responses and pure equilibria ---------------------------------------


def best_responses(g: Bimatrix) -> tuple[list[list[int]], list[list[int]]]:
    """(row_br, col_br): row_br[j] = the row player's best rows against column j; col_br[i] likewise."""
    m, n = g.shape
    row_br = []
    for j in range(n):
        top = max(g.A[i][j] for i in range(m))
        row_br.append([i for i in range(m) if g.A[i][j] == top])
    col_br = []
    for i in range(m):
        top = max(g.B[i][j] for j in range(n))
        col_br.append([j for j in range(n) if g.B[i][j] == top])
    return row_br, col_br


def pure_equilibria(g: Bimatrix) -> list[tuple[int, int]]:
    """Every cell where each strategy is a best response to the other (ties included)."""
    row_br, col_br = best_responses(g)
    m, n = g.shape
    return [(i, j) for i in range(m) for j in range(n) if i in row_br[j] and j in col_br[i]]


# -- dominance -----------------------------------------------------------------


@dataclass(frozen=True)
class Dominance:
    player: str  # "row" or "column"
    strategy: int
    kind: str  # "strict" or "weak"
    by: dict[int, Fraction]  # the dominating pure strategy {k: 1} or mixture {k: p, ...}
    margin: Fraction  # strict: the smallest gain of the dominator; weak: its total gain

    @property
    def by_mixture(self) -> bool:
        return len(self.by) > 1


def _row_dominance(A: Matrix, r: int, alive_rows: list[int], alive_cols: list[int], weak: bool = True) -> tuple[str, dict[int, Fraction], Fraction] | None:
    """Is row r dominated (within the alive strategies)? Pure dominators first, then mixtures."""
    others = [k for k in alive_rows if k != r]
    if not others:
        return None
    target = [A[r][j] for j in alive_cols]
    # Exact shortcuts that spare most LPs: a best response to some column is never strictly
    # dominated, and the unique best response to some column is not even weakly dominated.
    best_somewhere = unique_best_somewhere = False
    for j, t in zip(alive_cols, target):
        top = max(A[k][j] for k in others)
        best_somewhere |= t >= top
        unique_best_somewhere |= t > top
    if unique_best_somewhere or (best_somewhere and not weak):
        return None
    # A pure dominator reads best in a memo, so look for one first.
    best_strict, best_weak = None, None
    for k in others:
        diffs = [A[k][j] - t for j, t in zip(alive_cols, target)]
        if min(diffs) > 0 and (best_strict is None or min(diffs) > best_strict[1]):
            best_strict = (k, min(diffs))
        elif min(diffs) >= 0 and max(diffs) > 0 and best_weak is None:
            best_weak = (k, sum(diffs))
    if best_strict:
        return "strict", {best_strict[0]: Fraction(1)}, best_strict[1]
    mixed = None if best_somewhere else _mixed_strict(A, target, others, alive_cols)
    if mixed:
        return "strict", mixed[0], mixed[1]
    if not weak:
        return None
    if best_weak:
        return "weak", {best_weak[0]: Fraction(1)}, best_weak[1]
    mixed = _mixed_weak(A, target, others, alive_cols)
    if mixed:
        return "weak", mixed[0], mixed[1]
    return None


def _mixed_strict(A, target, others, cols) -> tuple[dict[int, Fraction], Fraction] | None:
    # max eps  s.t.  sum_k s_k A[k][j] - eps >= A[r][j] for all j,  sum s = 1,  s >= 0.
    k = len(others)
    c = [Fraction(0)] * k + [Fraction(1)]
    A_ub = [[-A[o][j] for o in others] + [Fraction(1)] for j in cols]
    b_ub = [-t for t in target]
    res = solve_lp(c, A_ub, b_ub, [[Fraction(1)] * k + [Fraction(0)]], [Fraction(1)], free=[k])
    if res.status == "optimal" and res.value > 0:
        return {o: p for o, p in zip(others, res.x[:k]) if p != 0}, res.value
    return None


def _mixed_weak(A, target, others, cols) -> tuple[dict[int, Fraction], Fraction] | None:
    # max sum_j (sum_k s_k A[k][j] - A[r][j])  s.t. each term >= 0, sum s = 1, s >= 0.
    k = len(others)
    c = [sum((A[o][j] for j in cols), Fraction(0)) for o in others]
    A_ub = [[-A[o][j] for o in others] for j in cols]
    b_ub = [-t for t in target]
    res = solve_lp(c, A_ub, b_ub, [[Fraction(1)] * k], [Fraction(1)])
    if res.status == "optimal":
        gain = res.value - sum(target, Fraction(0))
        if gain > 0:
            return {o: p for o, p in zip(others, res.x) if p != 0}, gain
    return None


def dominated_strategies(g: Bimatrix, alive_rows: Sequence[int] | None = None, alive_cols: Sequence[int] | None = None, weak: bool = True) -> list[Dominance]:
    """Every dominated strategy of both players among the alive ones (strict reported over weak)."""
    m, n = g.shape
    rows = list(range(m)) if alive_rows is None else list(alive_rows)
    cols = list(range(n)) if alive_cols is None else list(alive_cols)
    out: list[Dominance] = []
    for r in rows:
        found = _row_dominance(g.A, r, rows, cols, weak)
        if found and (weak or found[0] == "strict"):
            out.append(Dominance("row", r, *found))
    t = g.transposed()
    for c in cols:
        found = _row_dominance(t.A, c, cols, rows, weak)
        if found and (weak or found[0] == "strict"):
            out.append(Dominance("column", c, *found))
    return out


@dataclass(frozen=True)
class EliminationRound:
    removed: list[Dominance]
    rows_left: list[int]
    cols_left: list[int]


def iterated_elimination(g: Bimatrix, weak: bool = False) -> list[EliminationRound]:
    """Remove dominated strategies of both players, round after round, until none is left.

    With strict dominance the result does not depend on the order of removal.
    With weak dominance it can: here each round removes every weakly dominated
    strategy of both players at once, and the caller should say so.
    """
    m, n = g.shape
    rows, cols = list(range(m)), list(range(n))
    rounds: list[EliminationRound] = []
    while True:
        found = [d for d in dominated_strategies(g, rows, cols, weak=weak) if weak or d.kind == "strict"]
        if not found:
            return rounds
        gone_rows = {d.strategy for d in found if d.player == "row"}
        gone_cols = {d.strategy for d in found if d.player == "column"}
        rows = [i for i in rows if i not in gone_rows]
        cols = [j for j in cols if j not in gone_cols]
        rounds.append(EliminationRound(found, list(rows), list(cols)))


# -- equilibria by vertex enumeration -------------------------------------------


@dataclass(frozen=True)
class Equilibrium:
    x: Mixed
    y: Mixed
    payoff_row: Fraction
    payoff_col: Fraction
    row_gain: Fraction  # best gain from a pure deviation: 0 certifies the equilibrium
    col_gain: Fraction

    @property
    def certified(self) -> bool:
        return self.row_gain <= 0 and self.col_gain <= 0

    @property
    def pure(self) -> bool:
        return max(self.x) == 1 and max(self.y) == 1


def _positive_shift(M: Matrix) -> Matrix:
    """M + c with every entry >= 1: the polytopes need positive payoffs; equilibria do not change."""
    low = min(v for r in M for v in r)
    c = 1 - low if low < 1 else Fraction(0)
    return tuple(tuple(v + c for v in r) for r in M)


def _bareiss_det(M: list[list[int]]) -> int:
    """Determinant of an integer matrix, exactly, in integers (Bareiss 1968: every division is exact)."""
    A = [list(r) for r in M]
    n, sign, prev = len(A), 1, 1
    for k in range(n - 1):
        if A[k][k] == 0:
            swap = next((i for i in range(k + 1, n) if A[i][k] != 0), None)
            if swap is None:
                return 0
            A[k], A[swap] = A[swap], A[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                A[i][j] = (A[i][j] * A[k][k] - A[i][k] * A[k][j]) // prev
        prev = A[k][k]
    return sign * A[n - 1][n - 1]


def _solve_integer(M: list[list[int]], b: list[int]) -> tuple[tuple[int, ...], int] | None:
    """x = num / den for an integer system (Cramer's rule with Bareiss determinants), den > 0; None if singular."""
    den = _bareiss_det(M)
    if den == 0:
        return None
    num = []
    for i in range(len(M)):
        Mi = [row[:i] + [bb] + row[i + 1 :] for row, bb in zip(M, b)]
        num.append(_bareiss_det(Mi))
    if den < 0:
        den, num = -den, [-v for v in num]
    from math import gcd

    g = gcd(den, *num)
    return tuple(v // g for v in num), den // g


def _integer_rows(M: Matrix) -> list[list[int]]:
    """M scaled by the common denominator: the polytope only shrinks, labels and normalised vertices stay."""
    from math import lcm

    den = lcm(*(v.denominator for r in M for v in r))
    return [[int(v * den) for v in r] for r in M]


def _polytope_vertices(M: Matrix, own_labels: list[int], other_labels: list[int]) -> dict[Mixed, frozenset[int]]:
    """Vertices of {z >= 0 : M^T z <= 1} (z in R^d) with *all* their labels.

    Constraint "z_i >= 0" carries label own_labels[i]; "(M^T z)_j <= 1" carries
    other_labels[j]. A vertex is where d linearly independent constraints are
    tight; every choice of d constraints is tried. A degenerate vertex is tight
    on more than d constraints: it is found from any of its bases, and its
    labels are read off the exact vertex itself, so none is lost.

    Speed without giving up exactness: numpy solves all the d x d systems at
    once in floating point, only to *screen* them. Every basis that floating
    point cannot call clearly singular, or clearly infeasible, is solved and
    checked again in exact arithmetic, which alone decides.
    """
    import numpy as np

    d, e = len(M), len(M[0])
    Mi = _integer_rows(M)
    coeffs = [[-1 if k == i else 0 for k in range(d)] for i in range(d)] + [[Mi[i][j] for i in range(d)] for j in range(e)]
    rhs = [0] * d + [1] * e
    labels = list(own_labels) + list(other_labels)
    C = np.array(coeffs, dtype=float)
    b = np.array(rhs, dtype=float)
    row_norm = np.linalg.norm(C, axis=1)
    vertices: dict[Mixed, frozenset[int]] = {}
    by_float: dict[tuple, tuple[tuple[int, ...], int]] = {}
    seen: set[tuple[tuple[int, ...], int]] = set()

    def satisfies(basis, num, den) -> bool:
        return all(sum(a * v for a, v in zip(coeffs[k], num) if a) == rhs[k] * den for k in basis)

    def exact_vertex(basis, approx=None) -> None:
        if approx is not None:
            # A degenerate vertex is reached from many bases: if the vertex found near this
            # float solution satisfies this basis exactly, it is this basis' (unique) solution.
            known = by_float.get(approx)
            if known is not None and satisfies(basis, *known):
                return
        solved = _solve_integer([coeffs[k] for k in basis], [rhs[k] for k in basis])
        if solved is None:
            return
        if approx is not None:
            by_float[approx] = solved
        if solved in seen:
            return
        seen.add(solved)
        num, den = solved
        tight = []
        for row, r, label in zip(coeffs, rhs, labels):
            lhs = sum(a * v for a, v in zip(row, num) if a)
            if lhs > r * den:
                return
            if lhs == r * den:
                tight.append(label)
        vertices[tuple(Fraction(v, den) for v in num)] = frozenset(tight)

    combos = np.array(list(combinations(range(d + e), d)), dtype=np.int64).reshape(-1, d)
    for chunk in np.array_split(combos, max(1, len(combos) // 20_000)):
        mats = C[chunk]
        det = np.linalg.det(mats)
        # |det| against Hadamard's bound: below 1e-9 of it, floating point cannot tell singular
        # from merely ill-conditioned, so the exact solver decides.
        regular = np.abs(det) > 1e-9 * np.prod(row_norm[chunk], axis=1)
        for basis in chunk[~regular]:
            exact_vertex(basis)
        if not regular.any():
            continue
        sols = np.linalg.solve(mats[regular], b[chunk[regular]][..., None])[..., 0]
        excess = (sols @ C.T - b) / (1.0 + row_norm)
        keep = excess.max(axis=1) <= 1e-7
        for basis, sol in zip(chunk[regular][keep], sols[keep]):
            exact_vertex(basis, tuple(np.round(sol, 9)))
    return vertices


@lru_cache(maxsize=16)
def _polytopes(g: Bimatrix) -> tuple[dict[Mixed, frozenset[int]], dict[Mixed, frozenset[int]]]:
    """(P, Q): vertex -> labels. Labels: rows 0..m-1, columns m..m+n-1.

    P = {x >= 0 : B^T x <= 1}: x_i = 0 has label i; (B^T x)_j = 1 has label m + j.
    Q = {y >= 0 : A y <= 1}: y_j = 0 has label m + j; (A y)_i = 1 has label i.
    """
    _check_size(g)
    m, n = g.shape
    A, B = _positive_shift(g.A), _positive_shift(g.B)
    row_labels, col_labels = list(range(m)), list(range(m, m + n))
    At = tuple(tuple(A[i][j] for i in range(m)) for j in range(n))
    return _polytope_vertices(B, row_labels, col_labels), _polytope_vertices(At, col_labels, row_labels)


def _check_size(g: Bimatrix) -> None:
    m, n = g.shape
    work = comb(m + n, m)
    if work > MAX_BASES:
        raise UsageError(Problem(
            Message("mg_too_large", m=m, n=n, work=work, limit=MAX_BASES),
            hint=Message("mg_too_large_hint"),
        ))


def deviation_gains(g: Bimatrix, x: Mixed, y: Mixed) -> tuple[Fraction, Fraction]:
    """How much each player gains by the best pure deviation from (x, y); both <= 0 at an equilibrium."""
    m, n = g.shape
    a, b = g.payoffs(x, y)
    best_row = max(sum((g.A[i][j] * y[j] for j in range(n)), Fraction(0)) for i in range(m))
    best_col = max(sum((x[i] * g.B[i][j] for i in range(m)), Fraction(0)) for j in range(n))
    return best_row - a, best_col - b


def extreme_equilibria(g: Bimatrix) -> tuple[list[Equilibrium], list[tuple[int, int]], list[Mixed], list[Mixed]]:
    """All extreme equilibria, exactly, with the vertex pairs behind them.

    Returns (equilibria, pairs, xs, ys): equilibrium k is the normalised pair
    (xs[pairs[k][0]], ys[pairs[k][1]]). Labels: rows 0..m-1, columns m..m+n-1.
    """
    m, n = g.shape
    P, Q = _polytopes(g)
    everything = frozenset(range(m + n))
    xs = [x for x in P if any(x)]
    ys = [y for y in Q if any(y)]
    equilibria, pairs = [], []
    for a, x in enumerate(xs):
        for b, y in enumerate(ys):
            if P[x] | Q[y] == everything:
                xn, yn = _normalise(x), _normalise(y)
                pay = g.payoffs(xn, yn)
                gains = deviation_gains(g, xn, yn)
                equilibria.append(Equilibrium(xn, yn, pay[0], pay[1], gains[0], gains[1]))
                pairs.append((a, b))
    order = sorted(range(len(equilibria)), key=lambda k: (tuple(-v for v in equilibria[k].x), tuple(-v for v in equilibria[k].y)))
    equilibria = [equilibria[k] for k in order]
    pairs = [pairs[k] for k in order]
    return equilibria, pairs, [_normalise(x) for x in xs], [_normalise(y) for y in ys]


def _normalise(z: Mixed) -> Mixed:
    total = sum(z, Fraction(0))
    return tuple(v / total for v in z)


def is_degenerate(g: Bimatrix) -> bool:
    """Some mixed strategy with k strategies in its support has more than k pure best responses.

    Equivalently (von Stengel 2002, Thm 2.10): some vertex of a best-response polytope has
    more labels than the polytope has dimensions.
    """
    m, n = g.shape
    P, Q = _polytopes(g)
    return any(len(lab) > m for lab in P.values()) or any(len(lab) > n for lab in Q.values())


@dataclass(frozen=True)
class Component:
    """A connected set of equilibria, given by its extreme equilibria and maximal Nash subsets.

    Every x in the convex hull of a subset's row strategies, paired with every
    y in the hull of its column strategies, is an equilibrium.
    """

    equilibria: list[int]  # indices into the list of extreme equilibria
    nash_subsets: list[tuple[list[Mixed], list[Mixed]]]

    @property
    def isolated(self) -> bool:
        return len(self.equilibria) == 1


def equilibrium_components(pairs: list[tuple[int, int]], xs: list[Mixed], ys: list[Mixed]) -> list[Component]:
    """Group extreme equilibria into connected components and maximal Nash subsets (bicliques)."""
    parent: dict = {}

    def find(u):
        while parent.setdefault(u, u) != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for a, b in pairs:
        parent[find(("x", a))] = find(("y", b))
    groups: dict = {}
    for k, (a, b) in enumerate(pairs):
        groups.setdefault(find(("x", a)), []).append(k)
    components = []
    for ks in groups.values():
        edges = {pairs[k] for k in ks}
        components.append(Component(sorted(ks), _maximal_bicliques(edges, xs, ys)))
    components.sort(key=lambda c: c.equilibria[0])
    return components


def _maximal_bicliques(edges: set[tuple[int, int]], xs, ys) -> list[tuple[list[Mixed], list[Mixed]]]:
    # Closed sets of a Galois connection: every maximal biclique is (N(Y), Y) with Y an
    # intersection of neighbourhoods N(x). The sets here are a few vertices, so close naively.
    nbr: dict[int, frozenset[int]] = {}
    for a, b in edges:
        nbr[a] = nbr.get(a, frozenset()) | {b}
    closed: set[frozenset[int]] = set(nbr.values())
    frontier = set(closed)
    while frontier:
        new = {s & t for s in frontier for t in closed} - closed - {frozenset()}
        closed |= new
        frontier = new
    out = []
    for Y in closed:
        X = frozenset(a for a, nb in nbr.items() if Y <= nb)
        out.append((sorted(X), sorted(Y)))
    out.sort()
    return [([xs[a] for a in X], [ys[b] for b in Y]) for X, Y in out]


# -- security levels and zero-sum games -------------------------------------------


@dataclass(frozen=True)
class Security:
    """What a player can guarantee whatever the other does (maximin)."""

    pure_level: Fraction
    pure_strategies: list[int]  # the pure strategies that guarantee pure_level
    mixed_level: Fraction
    mixed_strategy: Mixed  # one mixture that guarantees mixed_level


def _maximin(A: Matrix) -> tuple[Fraction, Mixed]:
    """max_x min_j (x^T A)_j exactly: maximise v s.t. (x^T A)_j >= v, x in the simplex (v free)."""
    m, n = len(A), len(A[0])
    c = [Fraction(0)] * m + [Fraction(1)]
    A_ub = [[-A[i][j] for i in range(m)] + [Fraction(1)] for j in range(n)]
    res = solve_lp(c, A_ub, [Fraction(0)] * n, [[Fraction(1)] * m + [Fraction(0)]], [Fraction(1)], free=[m])
    return res.value, tuple(res.x[:m])


def security_levels(g: Bimatrix) -> tuple[Security, Security]:
    """(row player's, column player's) security levels, pure and mixed, exact."""
    out = []
    for A in (g.A, g.transposed().A):
        worst = [min(r) for r in A]
        level = max(worst)
        value, x = _maximin(A)
        out.append(Security(level, [i for i, w in enumerate(worst) if w == level], value, x))
    return out[0], out[1]


@dataclass(frozen=True)
class ZeroSumSolution:
    constant: Fraction  # A + B everywhere (0 for zero-sum)
    value: Fraction  # the row player's value
    row_strategy: Mixed
    col_strategy: Mixed
    solver: str  # "PuLP (CBC), certified exactly" (or HiGHS: see negotiator/solvers.py) or the exact fallback


def _pulp_maximin(A: Matrix) -> tuple[list[float] | None, str]:
    import pulp

    m, n = len(A), len(A[0])
    prob = pulp.LpProblem("maximin", pulp.LpMaximize)
    x = [solvers.variable(prob, f"x{i}", lowBound=0) for i in range(m)]
    v = solvers.variable(prob, "v")
    prob += v
    for j in range(n):
        prob += pulp.lpSum(float(A[i][j]) * x[i] for i in range(m)) >= v
    prob += pulp.lpSum(x) == 1
    name = f"PuLP ({solvers.label()})"
    status = prob.solve(solvers.make())
    if pulp.LpStatus[status] != "Optimal":
        return None, name
    return [max(0.0, float(xi.value() or 0.0)) for xi in x], name


def _rational_mixture(weights: list[float]) -> Mixed:
    fr = [Fraction(w).limit_denominator(10_000) for w in weights]
    total = sum(fr, Fraction(0))
    return tuple(f / total for f in fr)


def zero_sum_solution(g: Bimatrix) -> ZeroSumSolution | None:
    """Value and optimal strategies of a zero-sum (or constant-sum) game; None for other games.

    PuLP solves the two LPs in floating point; the answer is turned into
    fractions and certified exactly (each strategy guarantees the value against
    every pure reply). If the rounding fails the check, the exact simplex decides.
    """
    constant = g.zero_sum_constant()
    if constant is None:
        return None
    A = g.A
    At = tuple(tuple(-g.A[i][j] for i in range(len(A))) for j in range(len(A[0])))
    (x_float, solver), (y_float, _) = _pulp_maximin(A), _pulp_maximin(At)
    if x_float is not None and y_float is not None:
        x, y = _rational_mixture(x_float), _rational_mixture(y_float)
        m, n = g.shape
        floor = min(sum((x[i] * A[i][j] for i in range(m)), Fraction(0)) for j in range(n))
        ceiling = max(sum((A[i][j] * y[j] for j in range(n)), Fraction(0)) for i in range(m))
        if floor == ceiling:
            return ZeroSumSolution(constant, floor, x, y, f"{solver}, certified exactly")
    value, x = _maximin(A)
    _, y = _maximin(At)
    return ZeroSumSolution(constant, value, x, y, "exact simplex (PuLP's answer did not certify after rounding)")


# -- everything at once --------------------------------------------------------------


@dataclass(frozen=True)
class GameAnalysis:
    game: Bimatrix
    row_best: list[list[int]]
    col_best: list[list[int]]
    pure: list[tuple[int, int]]
    dominated: list[Dominance]
    strict_rounds: list[EliminationRound]
    weak_rounds: list[EliminationRound]
    equilibria: list[Equilibrium]
    components: list[Component]
    degenerate: bool
    security: tuple[Security, Security]
    zero_sum: ZeroSumSolution | None
    notes: list[str] = field(default_factory=list)


def analyse_game(g: Bimatrix) -> GameAnalysis:
    """The whole analysis of a bimatrix game, exact."""
    row_best, col_best = best_responses(g)
    equilibria, pairs, xs, ys = extreme_equilibria(g)
    uncertified = [k for k, e in enumerate(equilibria) if not e.certified]
    if uncertified:  # a bug, not a user error: never report an unchecked equilibrium
        raise AssertionError(f"equilibria {uncertified} failed the deviation check")
    return GameAnalysis(
        game=g,
        row_best=row_best,
        col_best=col_best,
        pure=pure_equilibria(g),
        dominated=dominated_strategies(g),
        strict_rounds=iterated_elimination(g, weak=False),
        weak_rounds=iterated_elimination(g, weak=True),
        equilibria=equilibria,
        components=equilibrium_components(pairs, xs, ys),
        degenerate=is_degenerate(g),
        security=security_levels(g),
        zero_sum=zero_sum_solution(g),
    )


# -- from a case ---------------------------------------------------------------------


def resolve_game_id(case, game: str | None) -> str:
    """The game asked for, else the case's first; a clear error when there is none."""
    if not case.games:
        raise UsageError(Problem(Message("mg_no_games"), hint=Message("mg_no_games_hint")))
    if game is None:
        return next(iter(case.games))
    if game not in case.games:
        raise UsageError(Problem(Message("mg_unknown_game", game=game), hint=Message("err_use_one_of", choices=", ".join(case.games))))
    return game


def bimatrix_from_case(case, game: str | None = None) -> tuple[str, Bimatrix]:
    """(game id, the game as exact payoff tables); the case's first player chooses rows."""
    gid = resolve_game_id(case, game)
    spec = case.games[gid]
    first, second = spec.row_player, spec.col_player
    rows = list(spec.players[first].strategies)
    cols = list(spec.players[second].strategies)
    A = [[spec.payoffs[r][c].payoff[0] for c in cols] for r in rows]
    B = [[spec.payoffs[r][c].payoff[1] for c in cols] for r in rows]
    return gid, Bimatrix.from_lists(A, B, rows, cols, first, second)
