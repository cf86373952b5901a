"""Pareto-efficient packages of a two-party agenda, by MILP (AUGMECON) or, for tests, enumeration.

AUGMECON (Mavrotas 2009, "Effective implementation of the epsilon-constraint
method in Multi-Objective Mathematical Programming problems", Applied Mathematics
and Computation 213(2), 455-465) maximises party 1's utility while party 2's
utility is held above a bound e, and adds a tiny reward eps * s / r2 for the
slack s = U2 - e. The plain epsilon-constraint method can return a package that
is only weakly efficient (another package is as good for party 1 and better for
party 2); the reward rules that out: any package that dominated the answer would
also meet the bound and score higher. Proof in Mavrotas (2009), section 3.

The bound moves by the "jump" of AUGMECON2 (Mavrotas & Florios 2013, Applied
Mathematics and Computation 219(18), 9652-9669): after each solution it is set
just above that solution's U2, so each solve yields a new efficient package and
the loop needs one solve per frontier point, not a fixed grid. For a pure
integer problem with two objectives this enumerates the whole frontier.

Resolution: the MILP works on utilities rescaled to [0, 1] by each party's
range; packages whose utilities to party 2 differ by less than ``RESOLUTION`` of
that range count as one frontier step. Utilities reported are recomputed
exactly from the chosen levels, never read back from the solver.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Sequence

import negotiator.solvers as solvers
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.negotiation.agenda import Agenda, Package

__all__ = ["RESOLUTION", "AUGMENTATION_EPS", "FrontierPoint", "efficient_packages", "enumerate_frontier", "solver_name", "dominates"]

#: Smallest step of party 2's utility (as a share of its range) that the frontier resolves.
RESOLUTION = 1e-6
#: Weight of the slack reward in AUGMECON's objective (Mavrotas 2009 suggests 1e-3 .. 1e-6).
AUGMENTATION_EPS = 1e-6
#: Equality tolerance for utilities (absolute, on the agenda's own scale).
TOL = 1e-9


@dataclass(frozen=True)
class FrontierPoint:
    package: Package
    utilities: tuple[float, float]


def dominates(a: Sequence[float], b: Sequence[float], tol: float = TOL) -> bool:
    """True when ``a`` is at least as good as ``b`` for both and better for one."""
    return a[0] >= b[0] - tol and a[1] >= b[1] - tol and (a[0] > b[0] + tol or a[1] > b[1] + tol)


def solver_name() -> str:
    """The MILP solver the frontier uses ("CBC" or "HiGHS"), by the policy of negotiator/solvers.py."""
    return solvers.label()


def _solver():
    # Tight tolerances: the epsilon bound moves in steps of RESOLUTION (1e-6). No `threads` for
    # HiGHS: it sizes one scheduler per process at its first run, and a later solver asking for
    # another thread count refuses to run at all (status "Not Solved" after `portfolio
    # --solver highs` in the same process, e.g. in the terminal UI or the test suite).
    return solvers.make(
        gap=0.0,
        cbc={"gapAbs": 1e-12, "threads": 1},
        highs={"gapAbs": 1e-12, "primal_feasibility_tolerance": 1e-10, "mip_feasibility_tolerance": 1e-10},
    )


def _ranges(agenda: Agenda, allowed) -> tuple[list[list[float]], list[float], list[float]]:
    """Per party: lowest contribution of each issue, lowest and highest utility (utilities are separable)."""
    contrib = agenda.contribution
    lows, umin, umax = [], [], []
    for p in range(2):
        lo = [min(contrib[p][i][l] for l in allowed[i]) for i in range(len(agenda.issues))]
        hi = [max(contrib[p][i][l] for l in allowed[i]) for i in range(len(agenda.issues))]
        lows.append(lo)
        umin.append(sum(lo))
        umax.append(sum(hi))
    return lows, umin, umax


def efficient_packages(agenda: Agenda, allowed: Sequence[Sequence[int]] | None = None) -> list[FrontierPoint]:
    """Every Pareto-efficient package (one per distinct utility pair), best for party 1 first.

    ``allowed`` restricts each issue to some of its levels (used for issues
    negotiated separately). Raises nothing for a well-formed agenda.
    """
    import pulp

    allowed = [tuple(a) for a in (allowed if allowed is not None else agenda.all_levels())]
    contrib = agenda.contribution
    lows, umin, umax = _ranges(agenda, allowed)
    r = [max(umax[p] - umin[p], 0.0) for p in range(2)]
    scale = [r[p] if r[p] > TOL else 1.0 for p in range(2)]
    n = len(agenda.issues)

    prob = pulp.LpProblem("augmecon", pulp.LpMaximize)
    x = {(i, l): solvers.variable(prob, f"x_{i}_{l}", cat="Binary") for i in range(n) for l in allowed[i]}
    for i in range(n):
        prob += pulp.lpSum(x[i, l] for l in allowed[i]) == 1, f"one_level_{i}"
    # Utilities rescaled to [0, 1]: (U_p - min U_p) / range_p.
    f = [pulp.lpSum(((contrib[p][i][l] - lows[p][i]) / scale[p]) * x[i, l] for i in range(n) for l in allowed[i]) for p in range(2)]
    slack = solvers.variable(prob, "s2", lowBound=0)
    prob += f[0] + AUGMENTATION_EPS * slack
    prob += f[1] - slack == 0.0, "epsilon"
    solver = _solver()

    points: list[FrontierPoint] = []
    bound = 0.0  # on the rescaled utility of party 2
    top2 = umax[1]
    for _ in range(100_000):
        solvers.constraint(prob, "epsilon").changeRHS(bound)
        status = prob.solve(solver)
        if pulp.LpStatus[status] != "Optimal":
            if not points:
                # The first solve always has a solution (any package): the solver failed.
                raise UsageError(Problem(Message("pn_solver_failed", solver=solver_name(), status=pulp.LpStatus[status]), hint=Message("err_check_pulp_hint")))
            break
        package = tuple(next(l for l in allowed[i] if (x[i, l].value() or 0.0) > 0.5) for i in range(n))
        u = agenda.utilities(package)
        u2_scaled = (u[1] - umin[1]) / scale[1]
        if u2_scaled < bound - 1e-9:
            # The solver's tolerance let a package under the bound through; step on.
            bound += RESOLUTION
            continue
        if not points or abs(u[0] - points[-1].utilities[0]) > TOL or abs(u[1] - points[-1].utilities[1]) > TOL:
            points.append(FrontierPoint(package, u))
        if r[1] <= TOL or u[1] >= top2 - TOL:
            break
        bound = u2_scaled + RESOLUTION
    # The slack reward is tiny (AUGMENTATION_EPS x a share of a range), below what a
    # solver's tolerances always resolve, so among packages tied for party 1 it can
    # return one that is only weakly efficient. The jump makes the next solve find
    # the package that dominates it; drop the dominated one here.
    return [p for p in points if not any(dominates(q.utilities, p.utilities) for q in points)]


def enumerate_frontier(agenda: Agenda, allowed: Sequence[Sequence[int]] | None = None) -> list[FrontierPoint]:
    """The same frontier by brute force over every package: a test oracle for small agendas.

    A sweep by falling utility to party 1 keeps each package that beats every earlier
    one for party 2; the first package (in level order) of each utility pair is kept."""
    allowed = [tuple(a) for a in (allowed if allowed is not None else agenda.all_levels())]
    best: dict[tuple[float, float], Package] = {}
    for package in itertools.product(*allowed):
        best.setdefault(agenda.utilities(package), package)
    out: list[FrontierPoint] = []
    top2 = float("-inf")
    for u in sorted(best, key=lambda u: (-u[0], -u[1])):
        if u[1] > top2 + TOL:
            if out and out[-1].utilities[0] - u[0] <= TOL:
                out[-1] = FrontierPoint(best[u], u)  # as good for party 1, better for party 2
            else:
                out.append(FrontierPoint(best[u], u))
            top2 = u[1]
    return out
