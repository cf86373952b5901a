"""The K best distinct packages by Lawler-Murty partitioning (Lawler 1972; Murty 1968).

Not the default of `solve_top`: on the benchmark it did not beat repeated no-good
cuts (see TAIL_FREE and benchmarks/README.md); kept, exact and tested, for
`solve_top(method="partition")` and the benchmark's comparison.

After the best package x* of a region of the 0/1 space is found, the rest of
that region (the region minus x*) splits into disjoint subregions: with the
region's free choice variables taken in an order i1..in, subregion j keeps
x[i1..i(j-1)] at their x* values and flips x[ij]. Every other package of the
region lies in exactly one subregion, so the next best package overall is the
best of the best packages of all open subregions. Each subregion is a MILP with
some variables fixed, which makes later solves smaller and faster, instead of
the ever harder MILPs that repeated no-good cuts produce.

Work is done lazily, best bound first, so most subregions never reach a MILP:
a subregion enters the queue with a free bound (the parent's LP value minus
the LP reduced cost of the flip: valid because the LP value is concave in a
variable's bound), gets its own LP relaxation (scipy's HiGHS, in process) when
it reaches the head of the queue, and is solved as a MILP (the user's solver,
through `solve_model`, so its status words stay honest) only when its LP bound
is still the best in the queue. A solved subregion at the head of the queue is
the next package: no open subregion can beat it.

Variables are ordered with the costliest flips first: those subregions fix few
variables but have low bounds and are pruned; the cheap flips come last and fix
almost everything, so their MILPs are tiny; the last TAIL_FREE of them are merged
into one region (a no-good cut restricted to those choices).
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass, field
from typing import Mapping

from negotiator.portfolio.model import PortfolioSpec, build_milp, spec_rows
from negotiator.portfolio.solve import SolveOutcome, SolverSettings, solve_model

__all__ = ["k_best_partition"]

#: Added to every LP bound so solver round-off can never rank a bound below a package it contains.
_BOUND_SLACK = 1e-6

#: Right-hand side that switches a "<=" row off (every package's row activity is far below it).
_OFF = 1e9

# Queue stages: a head-of-queue entry is solved (stage 0) before bounds of equal value are refined.
_SOLVED, _LP_BOUND, _RC_BOUND = 0, 1, 2


@dataclass
class _Region:
    """A subregion of the 0/1 space: some choice variables fixed (option index -> 0/1)."""

    fixed: Mapping[int, int]
    bound: float
    stage: int
    package: tuple[str, ...] = ()
    value: float = 0.0
    outcome: SolveOutcome | None = None
    lp_x: list[float] | None = None  # LP optimum over the region (to order and bound the children)
    lp_value: float = 0.0
    penalties: dict[int, float] = field(default_factory=dict)  # option index -> LP loss of flipping it
    clauses: tuple = ()  # each ((option index, value), ...): not all of these options at these values


class _LinearForm:
    """The package problem as matrices (x options, then y synergies) for in-process LP relaxations."""

    def __init__(self, spec: PortfolioSpec, value_set: str):
        import numpy as np

        self.n = len(spec.options)
        index = {o: i for i, o in enumerate(spec.options)}
        synergies = [(k, s) for k, s in enumerate(spec.synergies) if all(o in index for o in s.options)]
        m = len(synergies)
        size = self.n + m
        values = spec.values(value_set)
        c = np.zeros(size)
        for o, v in values.items():
            if o in index:
                c[index[o]] = float(v)
        rows, rhs = [], []
        for row in spec_rows(spec):
            a = np.zeros(size)
            for o, coef in row.coefs.items():
                a[index[o]] = coef
            sign = 1.0 if row.sense == "<=" else -1.0
            rows.append(sign * a)
            rhs.append(sign * row.rhs)
        for j, (_, syn) in enumerate(synergies):
            y = self.n + j
            c[y] = syn.bonus
            for o in syn.options:  # y <= x_o
                a = np.zeros(size)
                a[y], a[index[o]] = 1.0, -1.0
                rows.append(a)
                rhs.append(0.0)
            a = np.zeros(size)  # y >= sum x - (len - 1)
            a[y] = -1.0
            for o in syn.options:
                a[index[o]] = 1.0
            rows.append(a)
            rhs.append(len(syn.options) - 1.0)
        self.c = c
        self.a_ub = np.array(rows) if rows else None
        self.b_ub = np.array(rhs) if rows else None
        self.size = size

    def relax(self, fixed: Mapping[int, int], clauses: tuple = ()):
        """(LP value, x, flip penalty per free option) over a region, or None when the LP is infeasible."""
        import numpy as np
        from scipy.optimize import linprog

        bounds = [(0.0, 1.0)] * self.size
        for i, v in fixed.items():
            bounds[i] = (float(v), float(v))
        a_ub, b_ub = self.a_ub, self.b_ub
        if clauses:
            extra = np.zeros((len(clauses), self.size))
            rhs = np.zeros(len(clauses))
            for r, clause in enumerate(clauses):
                coefs, rhs[r] = clause_row(clause)
                for i, coef in coefs.items():
                    extra[r, i] = coef
            a_ub = extra if a_ub is None else np.vstack([a_ub, extra])
            b_ub = rhs if b_ub is None else np.concatenate([b_ub, rhs])
        res = linprog(-self.c, A_ub=a_ub, b_ub=b_ub, bounds=bounds, method="highs")
        if res.status == 2:
            return None
        if res.status != 0:
            # The LP stopped without an answer (e.g. iteration limit): no bound and no penalties, which is
            # safe (the region keeps its parent's bound and goes on to its MILP), only slower.
            return float("inf"), [], {}
        # Marginals of "minimise -value": lower >= 0, upper <= 0. Moving a bound by 1 costs at least that much.
        lower, upper = res.lower.marginals, res.upper.marginals
        penalties = {}
        for i in range(self.n):
            if i in fixed:
                continue
            # Flipping to 0 lowers the upper bound from 1 (or less) to 0; flipping to 1 raises the lower bound.
            penalties[i] = (abs(float(upper[i])), abs(float(lower[i])))
        return -float(res.fun), list(map(float, res.x[: self.n])), penalties


def clause_row(clause) -> tuple[dict[int, float], float]:
    """"Not all of these options at these values" as a row: sum(coef * x) <= rhs.

    sum over value-0 options of x + sum over value-1 options of (1 - x) >= 1.
    """
    coefs = {i: (1.0 if v == 1 else -1.0) for i, v in clause}
    return coefs, float(sum(1 for _, v in clause if v == 1) - 1)


def _slack(value: float) -> float:
    return value + _BOUND_SLACK * max(1.0, abs(value))


def k_best_partition(spec: PortfolioSpec, settings: SolverSettings, top: int, value_set: str):
    """The ``top`` best packages: [(package, value, outcome, proven)], solver outcomes, build s, solve s.

    ``proven`` is True for a package when every MILP solved before it was
    popped was proven optimal over its region (so nothing better was missed).
    """
    from negotiator.portfolio.model import package_value

    t0 = time.perf_counter()
    model = build_milp(spec, objective=value_set)
    form = _LinearForm(spec, value_set)
    xs = [model.x[o] for o in spec.options]
    build = time.perf_counter() - t0
    solve_time = 0.0
    all_proven = True
    counter = 0
    heap: list = []
    found: list = []
    outcomes: list[SolveOutcome] = []
    stats = {"regions": 0, "lps": 0, "milps": 0}

    def push(region: _Region) -> None:
        nonlocal counter
        counter += 1
        heapq.heappush(heap, (-region.bound, region.stage, counter, region))

    def solve_region(region: _Region) -> SolveOutcome:
        for i, v in region.fixed.items():
            xs[i].lowBound = xs[i].upBound = v
        active = {clause_constraint(c) for c in region.clauses}
        for clause, row in clause_rows.items():
            # Rows stay in the model once made (PuLP has no way to remove one); unused ones are switched off.
            row.constant = row_constants[clause] if clause in active else -_OFF
        try:
            return solve_model(model.problem, settings)
        finally:
            for i in region.fixed:
                xs[i].lowBound, xs[i].upBound = 0, 1

    clause_rows: dict = {}
    row_constants: dict = {}

    def clause_constraint(clause) -> tuple:
        """The model's row for a clause, made on first use."""
        import pulp

        if clause not in clause_rows:
            coefs, rhs = clause_row(clause)
            name = f"kbest_clause_{len(clause_rows)}"
            model.problem += (pulp.lpSum(c * xs[i] for i, c in coefs.items()) <= rhs, name)
            clause_rows[clause] = model.problem.get_constraint_by_name(name)
            row_constants[clause] = -rhs
        return clause

    root = _Region({}, float("inf"), _LP_BOUND)
    push(root)
    while heap and len(found) < top:
        _, stage, _, region = heapq.heappop(heap)
        if stage == _RC_BOUND or stage == _LP_BOUND and region.lp_x is None:
            t = time.perf_counter()
            relaxed = form.relax(region.fixed, region.clauses)
            solve_time += time.perf_counter() - t
            stats["lps"] += 1
            if relaxed is None:
                continue  # no package in this region
            region.lp_value, region.lp_x, region.penalties = relaxed
            region.bound = min(region.bound, _slack(region.lp_value))
            region.stage = _LP_BOUND
            push(region)
            continue
        if stage == _LP_BOUND:
            outcome = solve_region(region)
            solve_time += outcome.seconds
            stats["milps"] += 1
            if not outcome.has_solution:
                if outcome.status != "infeasible":
                    all_proven = False  # the region was not settled: a better package may hide there
                if region is root:
                    outcomes.append(outcome)
                continue
            all_proven = all_proven and outcome.proven_optimal
            region.package = model.selected()
            region.value = package_value(spec, region.package, value_set)[0]
            region.outcome = outcome
            region.bound = region.value
            region.stage = _SOLVED
            push(region)
            continue
        # A solved region at the head of the queue: its package is the next best.
        found.append((region.package, region.value, region.outcome, all_proven))
        outcomes.append(region.outcome)
        if len(found) < top:
            t = time.perf_counter()
            for child in _partition(region, spec):
                stats["regions"] += 1
                push(child)
            build += time.perf_counter() - t
    return found, outcomes, build, solve_time, stats


#: The last children of a split, those leaving at most this many choices free, are merged into one
#: region ("at least one of them differs from the package": a no-good cut over those choices only).
#: 0 gives textbook Lawler-Murty, one MILP per flipped choice. Measured on benchmark case A
#: (200 options, --top 10, CBC, same run): 0 -> 13.8 s (200 MILPs), 40 -> 13.6 s (47), 60 -> 11.2 s
#: (27), 100 -> 6.3 s (10), 120 -> 7.4 s (10); no-good cuts alone 5.9 s (10). Each MILP costs CBC
#: about 30 ms of start-up, and the LP bound (0.1 above the 10th value) prunes few regions.
TAIL_FREE = 100


def _partition(region: _Region, spec: PortfolioSpec) -> list[_Region]:
    """Split the region minus its package into disjoint subregions, one per free option (plus a merged tail)."""
    chosen = set(region.package)
    star = {i: (1 if o in chosen else 0) for i, o in enumerate(spec.options) if i not in region.fixed}
    cost = {}
    for i, v in star.items():
        to_zero, to_one = region.penalties.get(i, (0.0, 0.0))
        cost[i] = to_zero if v == 1 else to_one
    # Costly flips first: few fixings but low bounds (pruned); cheap flips last, with nearly all fixed.
    order = sorted(star, key=lambda i: (-cost[i], i))
    head = max(0, len(order) - TAIL_FREE) if len(order) > 1 else len(order)
    children = []
    fixed = dict(region.fixed)
    for i in order[:head]:
        child_fixed = dict(fixed)
        child_fixed[i] = 1 - star[i]
        clauses = _live_clauses(region.clauses, child_fixed)
        if clauses is not None:
            children.append(_Region(child_fixed, min(region.value, _slack(region.lp_value - cost[i])), _RC_BOUND, clauses=clauses))
        fixed[i] = star[i]
    tail = order[head:]
    if tail:
        clauses = _live_clauses(region.clauses, fixed)
        if clauses is not None:
            clauses = clauses + (tuple((i, star[i]) for i in tail),)
            bound = min(region.value, _slack(region.lp_value - min(cost[i] for i in tail)))
            children.append(_Region(fixed, bound, _RC_BOUND, clauses=clauses))
    return children


def _live_clauses(clauses: tuple, fixed: Mapping[int, int]) -> tuple | None:
    """The clauses a region still has to impose, or None when a clause rules the whole region out."""
    live = []
    for clause in clauses:
        if any(i in fixed and fixed[i] != v for i, v in clause):
            continue  # already satisfied by a fixing
        rest = tuple((i, v) for i, v in clause if i not in fixed)
        if not rest:
            return None  # every option fixed at its forbidden value
        live.append(rest)
    return tuple(live)
