"""How the best package changes as one budget grows: an efficient frontier.

Each point re-solves the package problem with one budget set to a new cap
(everything else as in the case and the what-if flags). The value can only
rise (or stay) as the cap grows, because every package that fit before
still fits; a point that is not proven optimal says so.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.ranking.result import Provenance
from negotiator.portfolio.model import PortfolioSpec, spec_rows
from negotiator.portfolio.packages import JUDGMENT_NOTE, baseline_dict, PackageResult, package_result, solve_top
from negotiator.portfolio.query import PackageQuery, as_query, single_value_spec
from negotiator.portfolio.solve import SolveOutcome, SolverSettings

__all__ = ["SweepPoint", "SweepResult", "budget_sweep", "sweep_caps"]

#: More points than this is a typo, not a sweep.
MAX_POINTS = 1000


@dataclass(frozen=True)
class SweepPoint:
    cap: float
    status: str
    package: PackageResult | None
    outcome: SolveOutcome
    added: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def value(self) -> float | None:
        return self.package.value if self.package else None

    def to_dict(self, resource: str) -> dict:
        pk = self.package
        return {
            "cap": self.cap,
            "status": self.status,
            "proven_optimal": self.outcome.proven_optimal,
            "value": pk.value if pk else None,
            "selected": list(pk.selected) if pk else [],
            "used": pk.resources.get(resource) if pk else None,
            "resources": dict(pk.resources) if pk else {},
            "slack": dict(pk.slack) if pk else {},
            "added": list(self.added),
            "removed": list(self.removed),
            "gap_relative": self.outcome.rel_gap,
        }


@dataclass(frozen=True)
class SweepResult:
    resource: str
    points: list[SweepPoint]
    spec: PortfolioSpec
    settings: SolverSettings
    provenance: Provenance
    seconds: float
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        p = self.provenance
        return {
            "status": "optimal" if all(pt.outcome.proven_optimal or pt.status == "infeasible" for pt in self.points) else "not_all_proven",
            "resource": self.resource,
            "points": [pt.to_dict(self.resource) for pt in self.points],
            "budgets": dict(self.spec.budgets),
            "solver": self.settings.to_dict(),
            "seconds": self.seconds,
            "warnings": list(self.warnings),
            "baseline": baseline_dict(self.spec),
            "note": JUDGMENT_NOTE,
            **p.trace_fields(),
        }


def sweep_caps(start: float, stop: float, step: float | None = None, points: int | None = None) -> list[float]:
    """The caps to try, from ``start`` to ``stop`` inclusive."""
    for name, v in (("--from", start), ("--to", stop)):
        if not np.isfinite(v) or v < 0:
            raise UsageError(Problem(Message("pp_sweep_negative", flag=name, value=v)))
    if stop < start:
        raise UsageError(Problem(Message("pp_sweep_reversed", stop=stop, start=start), hint=Message("pp_sweep_reversed_hint")))
    if step is not None:
        if not step > 0:
            raise UsageError(Problem(Message("pp_sweep_step", step=step)))
        n = int(np.floor((stop - start) / step + 1e-9)) + 1
        if n > MAX_POINTS:
            raise UsageError(Problem(Message("pp_sweep_too_many", n=n, most=MAX_POINTS), hint=Message("pp_sweep_too_many_hint")))
        caps = [start + k * step for k in range(n)]
        if caps[-1] < stop - 1e-9:
            caps.append(stop)
        return [round(c, 10) for c in caps]
    n = 11 if points is None else points
    if not 2 <= n <= MAX_POINTS:
        raise UsageError(Problem(Message("pp_sweep_points", most=MAX_POINTS, n=n)))
    if stop == start:
        return [start]
    return [round(float(c), 10) for c in np.linspace(start, stop, n)]


def budget_sweep(loaded=None, resource: str = "staff", start: float = 0.0, stop: float = 100.0, step: float | None = None, points: int | None = None, query: PackageQuery | None = None, **fields) -> SweepResult:
    """The best package at each cap of ``resource`` from ``start`` to ``stop`` under the query
    (keyword ``fields`` replace some of its fields; values over its baseline when it has one)."""
    from negotiator.ranking.api import as_loaded

    query = as_query(query, **fields)
    begin = time.perf_counter()
    query.settings()  # a bad time limit, gap or solver is refused before any work
    caps = sweep_caps(start, stop, step, points)
    loaded = as_loaded(loaded)
    problem = single_value_spec(loaded, query, budgets={**(query.budgets or {}), resource: caps[0]})
    base, ranking = problem.spec, problem.ranking
    settings = query.settings(n_options=len(base.options))
    out: list[SweepPoint] = []
    previous: tuple[str, ...] = ()
    for cap in caps:
        spec = replace(base, budgets={**base.budgets, resource: cap})
        pk, outs, _, _ = solve_top(spec, settings, 1)
        package = pk[0] if pk else None
        if package is not None and previous and outs[0].proven_optimal:
            # Among tied optima keep the package already on the frontier, so a row changes only when it must.
            kept = package_result(spec, previous, 1, outs[0], True)
            if kept.value >= package.value - 1e-9 and all(r.holds(previous) for r in spec_rows(spec)):
                package = kept
        now = package.selected if package else ()
        added = tuple(o for o in now if o not in previous)
        removed = tuple(o for o in previous if o not in now)
        out.append(SweepPoint(cap, outs[0].status, package, outs[0], added, removed))
        previous = now if package else previous
    warnings = list(ranking.warnings)
    if resource not in loaded.case.constraints.budgets:
        warnings.append(f"the case has no budget for '{resource}': the sweep adds one")
    return SweepResult(resource, out, base, settings, ranking.provenance, time.perf_counter() - begin, warnings)
