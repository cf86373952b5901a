"""The K best distinct packages by Lawler-Murty partitioning (Lawler 1972; Murty 1968).

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
almost everything, so their MILPs are tiny.
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass, field
from typing import Mapping

from .model import PortfolioSpec, build_milp, spec_rows
from .solve import SolveOutcome, SolverSettings, solve_model

__all__ = ["k_best_partition"]

#: Added to every LP bound so solver round-off can never rank a bound below a package it contains.
_BOUND_SLACK = 1e-6

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
        self.spec_row_count = len(rows)
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

    def neighbour_floor(self, spec: PortfolioSpec, package: tuple[str, ...], top: int, value_set: str, rounds: int = 2) -> float | None:
        """A quick lower bound on the top-th best value, from real packages near the best one.

        Local search: from the best package, then from the best packages found so
        far, try dropping one option, adding one, or swapping one for another.
        Every package counted meets every constraint row and is valued exactly
        (synergies included), so the bound is a real package's value, never a guess.
        """
        import numpy as np

        from .model import package_value

        n = self.n
        a = self.a_ub[: self.spec_row_count, :n] if self.spec_row_count else np.zeros((0, n))
        b = self.b_ub[: self.spec_row_count] if self.spec_row_count else np.zeros(0)
        c = self.c[:n]
        index = {o: i for i, o in enumerate(spec.options)}
        start = frozenset(index[o] for o in package)
        pool = {start: float(c[list(start)].sum())}
        expanded: set = set()
        for _ in range(rounds):
            frontier = [p for p in sorted(pool, key=lambda p: (-pool[p], sorted(p))) if p not in expanded][: 2 * top]
            for chosen in frontier:
                expanded.add(chosen)
                pool.update(self._neighbours(chosen, a, b, c, top))
        ranked = sorted(pool, key=lambda p: (-pool[p], sorted(p)))[: 4 * top]
        values = sorted((package_value(spec, [spec.options[i] for i in sorted(p)], value_set)[0] for p in ranked), reverse=True)
        return values[top - 1] if len(values) >= top else None

    @staticmethod
    def _neighbours(chosen: frozenset, a, b, c, top: int) -> dict:
        """Feasible packages one drop, add or swap away, with their linear values (best few swaps only)."""
        import numpy as np

        n = len(c)
        x = np.zeros(n)
        x[list(chosen)] = 1.0
        used = a @ x
        base = float(c @ x)
        ins, outs = np.flatnonzero(x > 0.5), np.flatnonzero(x < 0.5)
        found = {}

        def fits(y) -> bool:
            return bool(np.all(a @ y <= b + 1e-9))

        for i in ins:
            y = x.copy()
            y[i] = 0.0
            if fits(y):
                found[chosen - {int(i)}] = base - c[i]
        for j in outs:
            y = x.copy()
            y[j] = 1.0
            if fits(y):
                found[chosen | {int(j)}] = base + c[j]
        if len(ins) and len(outs):
            # Swap i out, j in: the usage used - a[:, i] + a[:, j] must stay within every row.
            usage = used[:, None, None] - a[:, ins][:, :, None] + a[:, outs][:, None, :]
            ok = np.all(usage <= b[:, None, None] + 1e-9, axis=0)
            gain = c[outs][None, :] - c[ins][:, None]
            pairs = np.argwhere(ok)
            if len(pairs):
                best = pairs[np.argsort(-gain[ok], kind="stable")[: 4 * top]]
                for p, q in best:
                    found[(chosen - {int(ins[p])}) | {int(outs[q])}] = base + gain[p, q]
        return found

    def relax(self, fixed: Mapping[int, int]):
        """(LP value, x, flip penalty per free option) over a region, or None when the LP is infeasible."""
        from scipy.optimize import linprog

        bounds = [(0.0, 1.0)] * self.size
        for i, v in fixed.items():
            bounds[i] = (float(v), float(v))
        res = linprog(-self.c, A_ub=self.a_ub, b_ub=self.b_ub, bounds=bounds, method="highs")
        if res.status == 2:
            return None
        if res.status != 0:
            raise RuntimeError(f"LP relaxation failed: {res.message}")
        # Marginals of "minimise -value": lower >= 0, upper <= 0. Moving a bound by 1 costs at least that much.
        lower, upper = res.lower.marginals, res.upper.marginals
        penalties = {}
        for i in range(self.n):
            if i in fixed:
                continue
            # Flipping to 0 lowers the upper bound from 1 (or less) to 0; flipping to 1 raises the lower bound.
            penalties[i] = (abs(float(upper[i])), abs(float(lower[i])))
        return -float(res.fun), list(map(float, res.x[: self.n])), penalties


def _slack(value: float) -> float:
    return value + _BOUND_SLACK * max(1.0, abs(value))


def k_best_partition(spec: PortfolioSpec, settings: SolverSettings, top: int, value_set: str, floor: float | None = None):
    """The ``top`` best packages: [(package, value, outcome, proven)], solver outcomes, build s, solve s.

    ``proven`` is True for a package when every MILP solved before it was
    popped was proven optimal over its region (so nothing better was missed).
    """
    from .model import package_value

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
    stats = {"regions": 0, "lps": 0, "milps": 0, "pruned": 0}

    def push(region: _Region) -> None:
        nonlocal counter
        counter += 1
        heapq.heappush(heap, (-region.bound, region.stage, counter, region))

    floor_row = None

    def current_floor() -> float | None:
        """The top-th best value among distinct packages known so far: a region can matter only above it."""
        known = sorted([v for _, v, _, _ in found] + [r.value for _, st, _, r in heap if st == _SOLVED], reverse=True)
        lows = [floor] if floor is not None else []
        if len(known) >= top:
            lows.append(known[top - 1])
        return max(lows) if lows else None

    def solve_region(region: _Region) -> SolveOutcome:
        nonlocal floor_row
        low = current_floor() if region is not root else None
        if low is not None:
            import pulp

            rhs = low - _BOUND_SLACK * max(1.0, abs(low))
            if floor_row is None:
                floor_row = pulp.LpConstraint(pulp.lpSum(coef * xs[i] for i, coef in enumerate(form.c[: form.n]) if coef) + pulp.lpSum(spec.synergies[k].bonus * y for k, y in model.y.items()), pulp.LpConstraintGE, "kbest_floor", rhs)
                model.problem += floor_row
            floor_row.constant = -rhs
        elif floor_row is not None:
            floor_row.constant = 1e9  # effectively off: value >= -1e9
        for i, v in region.fixed.items():
            xs[i].lowBound = xs[i].upBound = v
        try:
            return solve_model(model.problem, settings)
        finally:
            for i in region.fixed:
                xs[i].lowBound, xs[i].upBound = 0, 1

    root = _Region({}, float("inf"), _LP_BOUND)
    push(root)
    while heap and len(found) < top:
        _, stage, _, region = heapq.heappop(heap)
        if stage != _SOLVED and floor is not None and region.bound < floor:
            stats["pruned"] += 1
            continue  # nothing in this region can reach the top: real packages already score more
        if stage == _RC_BOUND or stage == _LP_BOUND and region.lp_x is None:
            t = time.perf_counter()
            relaxed = form.relax(region.fixed)
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
        if region is root and top > 1 and floor is None and region.outcome.proven_optimal:
            t = time.perf_counter()
            floor = form.neighbour_floor(spec, region.package, top, value_set)
            build += time.perf_counter() - t
        found.append((region.package, region.value, region.outcome, all_proven))
        outcomes.append(region.outcome)
        if len(found) < top:
            t = time.perf_counter()
            for child in _partition(region, spec):
                stats["regions"] += 1
                push(child)
            build += time.perf_counter() - t
    return found, outcomes, build, solve_time, stats


def _partition(region: _Region, spec: PortfolioSpec) -> list[_Region]:
    """Split the region minus its package into disjoint subregions, one per free option."""
    chosen = set(region.package)
    star = {i: (1 if o in chosen else 0) for i, o in enumerate(spec.options) if i not in region.fixed}
    cost = {}
    for i, v in star.items():
        to_zero, to_one = region.penalties.get(i, (0.0, 0.0))
        cost[i] = to_zero if v == 1 else to_one
    # Costly flips first: few fixings but low bounds (pruned); cheap flips last, with nearly all fixed.
    order = sorted(star, key=lambda i: (-cost[i], i))
    children = []
    fixed = dict(region.fixed)
    for i in order:
        child_fixed = dict(fixed)
        child_fixed[i] = 1 - star[i]
        bound = min(region.value, _slack(region.lp_value - cost[i]))
        children.append(_Region(child_fixed, bound, _RC_BOUND))
        fixed[i] = star[i]
    return children
