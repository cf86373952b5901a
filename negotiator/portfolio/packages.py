"""The best package (or the K best) of a case: the core the CLI, sweeps and payoffs call.

    >>> from negotiator.portfolio import PackageQuery, best_packages
    >>> result = best_packages(None, PackageQuery(profile="balanced"), top=3)
    >>> result.selected, result.value, result.status
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Sequence

from negotiator.errors import NegotiatorError
from negotiator.messages import Message
from negotiator.ranking.result import Provenance
from negotiator.portfolio.diagnose import Diagnosis, diagnose
from negotiator.portfolio.model import PortfolioSpec, build_milp, package_usage, package_value
from negotiator.portfolio.query import PackageQuery, as_query, single_value_spec
from negotiator.portfolio.solve import SolveOutcome, SolverSettings, solve_model, status_words

__all__ = ["fills_caps_warning", "fills_caps_reason", "baseline_dict", "NoFeasiblePackage", "PackageResult", "PortfolioResult", "best_packages", "solve_top", "package_result", "JUDGMENT_NOTE"]

JUDGMENT_NOTE = "scores, resources and budgets are analyst judgments, not facts"


class NoFeasiblePackage(NegotiatorError):
    """No package meets the constraints: not bad input, so the CLI exits 1 (not 2)."""

    exit_code = 1


@dataclass(frozen=True)
class PackageResult:
    """One package: what it holds, what it is worth, what it uses and what is left."""

    rank: int
    selected: tuple[str, ...]
    value: float
    synergy_bonus: float
    option_values: dict[str, float]
    resources: dict[str, float]  # used, every resource
    slack: dict[str, float]  # cap minus used, budgeted resources only
    package_totals: dict[str, float]  # objective -> package total, for package limits
    outcome: SolveOutcome
    proven: bool  # proven to be the rank-th best (every solve up to it proven optimal)

    def to_dict(self) -> dict:
        return {
            "rank": self.rank,
            "selected": list(self.selected),
            "value": self.value,
            "synergy_bonus": self.synergy_bonus,
            "option_values": dict(self.option_values),
            "resources": dict(self.resources),
            "slack": dict(self.slack),
            "package_totals": dict(self.package_totals),
            "proven": self.proven,
            "optimality": self.outcome.to_dict(),
        }


@dataclass(frozen=True)
class PortfolioResult:
    """The answer of `negotiator portfolio`: best package(s), or why there is none."""

    status: str  # optimal | gap | time_limit | infeasible | no_solution
    packages: list[PackageResult]
    spec: PortfolioSpec
    settings: SolverSettings
    provenance: Provenance
    outcomes: list[SolveOutcome]
    build_seconds: float
    solve_seconds: float
    diagnosis: Diagnosis | None = None
    requested_top: int = 1
    warnings: list[str] = field(default_factory=list)
    screened_out: list[dict] = field(default_factory=list)
    #: Advice about the value model itself (e.g. "the package fills the caps"), kept apart from the
    #: solve's warnings so screens that list those stay as they were; JSON and the CLI show both.
    advice: list[str] = field(default_factory=list)
    #: Option -> its broken red lines (matrix.Breach), so outputs can word the reasons in their language.
    screened_breaches: dict = field(default_factory=dict)

    @property
    def all_warnings(self) -> list[str]:
        return list(self.warnings) + list(self.advice)

    @property
    def below_baseline(self) -> list[str]:
        """Eligible options whose contribution over the baseline is negative (worse than the status quo)."""
        if self.spec.baseline is None:
            return []
        return [o for o, v in self.spec.values().items() if v < -1e-12]

    @property
    def best(self) -> PackageResult | None:
        return self.packages[0] if self.packages else None

    @property
    def selected(self) -> tuple[str, ...]:
        return self.best.selected if self.best else ()

    @property
    def value(self) -> float | None:
        return self.best.value if self.best else None

    @property
    def feasible(self) -> bool:
        return bool(self.packages)

    @property
    def proven_optimal(self) -> bool:
        return self.status == "optimal"

    @property
    def status_words(self) -> str:
        if not self.outcomes:
            return "not solved"
        return status_words(self.outcomes[0], self.settings)

    def to_dict(self) -> dict:
        p = self.provenance
        best = self.best
        return {
            "status": self.status,
            "status_words": self.status_words,
            "proven_optimal": self.proven_optimal,
            "selected": list(best.selected) if best else [],
            "value": best.value if best else None,
            "resources": dict(best.resources) if best else {},
            "budgets": dict(self.spec.budgets),
            "slack": dict(best.slack) if best else {},
            "count": list(self.spec.count) if self.spec.count else None,
            "include": list(self.spec.include),
            "exclude": list(self.spec.exclude),
            "packages": [pk.to_dict() for pk in self.packages],
            "top_requested": self.requested_top,
            "option_values": dict(self.spec.values()),
            "screened_out": list(self.screened_out),
            "diagnosis": self.diagnosis.to_dict() if self.diagnosis else None,
            "solver": self.settings.to_dict(),
            "timing": {"build_seconds": self.build_seconds, "solve_seconds": self.solve_seconds},
            "warnings": self.all_warnings,
            "baseline": baseline_dict(self.spec),
            "below_baseline": self.below_baseline,
            "note": JUDGMENT_NOTE,
            **p.trace_fields(),
        }


def baseline_dict(spec: PortfolioSpec) -> dict | None:
    """The baseline as JSON: its form, and its overall value under each value set (None without one)."""
    if spec.baseline is None:
        return None
    from negotiator.portfolio.baseline import CITATION

    values = dict(spec.baseline_values)
    one = next(iter(values.values())) if len(values) == 1 else None
    return {**spec.baseline.to_dict(), "label": spec.baseline.label, "value": one, "values": values, "meaning": "option values are what each measure adds over the status quo (its overall score minus the baseline's)", "source": CITATION}


def package_result(spec: PortfolioSpec, selected: Sequence[str], rank: int, outcome: SolveOutcome, proven: bool, value_set: str | None = None) -> PackageResult:
    """Value, usage and slack of a chosen package (computed from the data, not the solver's float)."""
    order = {o: i for i, o in enumerate(spec.options)}
    selected = tuple(sorted(selected, key=order.__getitem__))
    value, bonus = package_value(spec, selected, value_set)
    used = package_usage(spec, selected)
    slack = {r: cap - used.get(r, 0.0) for r, cap in spec.budgets.items()}
    totals = {key.split(":", 1)[1]: sum(scores.get(o, 0.0) for o in selected) for key, (scores, _, _, _) in spec.package_limits.items()}
    values = spec.values(value_set)
    return PackageResult(rank, selected, value, bonus, {o: values.get(o, 0.0) for o in selected}, used, slack, totals, outcome, proven)


def solve_top(spec: PortfolioSpec, settings: SolverSettings, top: int = 1, value_set: str | None = None) -> tuple[list[PackageResult], list[SolveOutcome], float, float]:
    """The ``top`` best distinct packages.

    One package: one MILP solve. More: repeated solves, each with one more
    no-good cut (Balas & Jeroslow 1972); exact when every solve is proven.
    Returns (packages, outcomes, build seconds, solve seconds). Stops early
    when no further package exists.
    """
    name = value_set if value_set is not None else next(iter(spec.value_sets))
    t0 = time.perf_counter()
    model = build_milp(spec, objective=name)
    build = time.perf_counter() - t0
    packages: list[PackageResult] = []
    outcomes: list[SolveOutcome] = []
    solve_time = 0.0
    proven = True
    for k in range(1, top + 1):
        outcome = solve_model(model.problem, settings)
        outcomes.append(outcome)
        solve_time += outcome.seconds
        if not outcome.has_solution:
            break
        proven = proven and outcome.proven_optimal
        chosen = model.selected()
        packages.append(package_result(spec, chosen, k, outcome, proven, name))
        if k < top:
            t1 = time.perf_counter()
            model.add_no_good_cut(chosen, k)
            build += time.perf_counter() - t1
    return packages, outcomes, build, solve_time


def best_packages(loaded=None, query: PackageQuery | None = None, *, top: int = 1, explain_infeasible: bool = True, **fields) -> PortfolioResult:
    """The ``top`` best packages of a case under the query's profile, method and scenario.

    ``loaded`` is a LoadedCase, a path, or None (the bundled case); ``query`` a PackageQuery,
    and keyword ``fields`` replace some of its fields (see query.as_query). When no package
    is feasible the result has status "infeasible" and (unless ``explain_infeasible`` is
    False) a diagnosis naming a minimal set of conflicting constraints and how far each must move.

    Without a ``gap`` in the query the best package of a case of more than 60 options is proven
    within 0.1% of the best possible value (the result says how close), smaller cases and the
    ``top`` > 1 best packages exactly (solve.default_gap).

    The query's ``baseline`` (an option id, "worst", "OBJ=SCORE,...", or a
    baseline.Baseline) measures each option's value over the status quo
    instead of from the worst level (Clemen & Smith 2009; see baseline.py).
    None keeps the plain sum of overall scores.
    """
    from negotiator.ranking.api import as_loaded
    from negotiator.errors import Problem, UsageError

    query = as_query(query, **fields)
    if top < 1:
        raise UsageError(Problem(Message("pp_top", top=top)))
    query.settings()  # a bad time limit, gap or solver is refused before any work
    loaded = as_loaded(loaded)
    t0 = time.perf_counter()
    problem = single_value_spec(loaded, query)
    spec, ranking = problem.spec, problem.ranking
    settings = query.settings(n_options=len(spec.options), top=top)
    prep = time.perf_counter() - t0
    packages, outcomes, build, solve_time = solve_top(spec, settings, top)
    status = outcomes[0].status if outcomes else "no_solution"
    diagnosis = None
    if status == "infeasible" and explain_infeasible:
        diagnosis = diagnose(spec, settings)
    warnings = list(ranking.warnings)
    tied = _tied_alternative(spec, settings, packages) if top == 1 else None
    if tied is not None:
        warnings.append(f"another package scores the same ({', '.join(tied)}): the choice between tied packages is a judgment call; see --top 5")
    for a, b in zip(packages, packages[1:]):
        if abs(a.value - b.value) <= 1e-9:
            warnings.append(Message("pk_tie", a=a.rank, b=b.rank, value=a.value))
    if packages and len(packages) < top:
        warnings.append(f"only {len(packages)} distinct packages meet the constraints (asked for {top})")
    screened_out = [{"option": s.option, "label": s.label, "label_zh": s.label_zh, "reason": s.reason} for s in ranking.screened_out]
    advice = [w for w in [fills_caps_warning(spec, packages[0])] if w] if packages else []
    breaches = {s.option: tuple(s.breaches) for s in ranking.screened_out}
    return PortfolioResult(status, packages, spec, settings, ranking.provenance, outcomes, prep + build, solve_time, diagnosis, top, warnings, screened_out, advice, breaches)


def _status_quo_candidates(spec: PortfolioSpec) -> list[str]:
    """Options the case itself calls a baseline or the status quo (by id or label)."""
    words = ("baseline", "status quo", "status_quo", "do nothing", "do_nothing")
    return [o for o in spec.options if any(w in o.lower() or w in spec.labels[o].lower() for w in words)]


def _no_room_for_one_more(spec: PortfolioSpec, selected: Sequence[str]) -> bool:
    """True when no further option fits beside the package (each tried alone, every rule held)."""
    from negotiator.portfolio.model import spec_rows

    rows = spec_rows(spec)
    # Each row's activity once, then one coefficient per candidate: linear in options x rows.
    base = [row.activity(selected) for row in rows]
    chosen = set(selected)
    for o in spec.values():
        if o in chosen:
            continue
        fits = True
        for row, act in zip(rows, base):
            a = act + row.coefs.get(o, 0.0)
            if (a > row.rhs + 1e-9) if row.sense == "<=" else (a < row.rhs - 1e-9):
                fits = False
                break
        if fits:
            return False
    return True


def fills_caps_reason(spec: PortfolioSpec, best: PackageResult) -> tuple[str, int | None, str] | None:
    """Why the package is as big as the caps allow, as data: (what fills, the count cap, an example
    status-quo option), what being "count", "budgets" or "rules"; None when it is not so.

    Overall scores count from the worst level on every objective, so with all of them
    positive a bigger package always scores more: its size then says nothing about
    whether each measure is worth doing (Clemen & Smith 2009).
    """
    if spec.baseline is not None or not best.selected:
        return None
    values = spec.values()
    if not values or min(values.values()) <= 0:
        return None
    n = len(best.selected)
    count_binds = spec.count is not None and n >= spec.count[1]
    budget_binds = bool(spec.budgets) and all(best.slack[r] <= 1e-9 for r in spec.budgets)
    if count_binds:
        what = "count"
    elif budget_binds:
        what = "budgets"
    elif _no_room_for_one_more(spec, best.selected):
        what = "rules"
    else:
        return None
    named = _status_quo_candidates(spec)
    return what, (spec.count[1] if spec.count else None), (named[0] if named else "OPTION")


def fills_caps_warning(spec: PortfolioSpec, best: PackageResult) -> str | None:
    """fills_caps_reason in words (English; the terminal words it in Chinese from the reason)."""
    reason = fills_caps_reason(spec, best)
    if reason is None:
        return None
    kind, cap, example = reason
    what = {"count": f"the cap of {cap} measures", "budgets": "every budget", "rules": "all the room the rules leave"}[kind]
    return (
        f"the package fills {what} because every measure adds value: overall scores count from the worst level on every objective, "
        f"so doing anything beats doing nothing and the limits, not the merits of each measure, set the package size. "
        f"Name the status quo with --baseline {example} (or --baseline OBJECTIVE=SCORE,...) to count only what each measure adds over it "
        f"(Clemen & Smith 2009)"
    )


#: Look for a tied second-best package only on cases this small (one extra solve).
TIE_CHECK_MAX_OPTIONS = 60


def _tied_alternative(spec: PortfolioSpec, settings: SolverSettings, packages: list[PackageResult]) -> tuple[str, ...] | None:
    """Another package with the same value as the proven-optimal one, if there is one (small cases only)."""
    if len(packages) != 1 or not packages[0].outcome.proven_optimal or len(spec.options) > TIE_CHECK_MAX_OPTIONS:
        return None
    quick = SolverSettings(settings.solver, min(settings.time_limit or 2.0, 2.0), 0.0, False)
    pk, outs, _, _ = solve_top(spec, quick, 2)
    if len(pk) == 2 and outs[1].proven_optimal and pk[1].value >= pk[0].value - 1e-9:
        return pk[1].selected
    return None
