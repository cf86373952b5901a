"""What every package analysis is asked, in one object: whose values, under which limits, solved how.

The plain solve, --robust, --core and the budget sweep all take a ``PackageQuery``; the CLI,
the terminal UI's Package view and the memo build one. ``single_value_spec`` is the one place
that turns a query into the package problem of one value set (the options' values under one
profile and scenario, over the baseline when there is one).

    >>> from negotiator.portfolio import PackageQuery, best_packages
    >>> best_packages(None, PackageQuery(profile="balanced", budgets={"staff": 40}))
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Mapping

from negotiator.portfolio.baseline import Baseline, prepare_baseline, values_over_baseline
from negotiator.portfolio.model import PortfolioSpec, build_spec
from negotiator.portfolio.solve import DEFAULT_GAP, SolverSettings, default_gap

__all__ = ["PackageQuery", "as_query", "option_values", "SingleValueSpec", "single_value_spec", "query_spec"]


@dataclass(frozen=True)
class PackageQuery:
    """The arguments the package analyses share. Frozen: change one with ``replace(q, field=...)``."""

    profile: str | None = None  # weight profile id (None: the case's default)
    method: str = "additive"
    weights: Mapping[str, float] | None = None  # custom weights instead of a profile
    scenario: str | None = None
    budgets: Mapping[str, float] | None = None  # what-if caps over the case's budgets
    count: tuple[int, int] | None = None  # what-if number of measures (min, max)
    include: tuple[str, ...] = ()  # forced into the package
    exclude: tuple[str, ...] = ()  # kept out of the package
    baseline: str | Baseline | None = None  # the status quo the values count from (see baseline.py)
    solver: str | None = None  # None: the policy of negotiator/solvers.py
    time_limit: float | None = 10.0  # seconds per solve; None = no limit
    gap: float | None = None  # relative gap at which a solve may stop; None: solve.default_gap (0.1%, exact for small cases and --top)
    verbose: bool = False

    def __post_init__(self):
        # Lists from the command line become tuples, so two equal queries compare equal.
        object.__setattr__(self, "include", tuple(self.include or ()))
        object.__setattr__(self, "exclude", tuple(self.exclude or ()))

    def settings(self, n_options: int | None = None, top: int = 1, **overrides) -> SolverSettings:
        """The solver settings of this query, checked (a UsageError for a bad time limit or gap).

        Without a gap of its own the query takes ``default_gap(n_options, top)``: exact for a
        case of at most EXACT_MAX_OPTIONS options and for the ``top`` > 1 best packages, 0.1%
        otherwise (also when ``n_options`` is not known yet).
        """
        if self.gap is not None:
            gap = self.gap
        else:
            gap = DEFAULT_GAP if n_options is None else default_gap(n_options, top)
        base = dict(solver=self.solver, time_limit=self.time_limit, gap=gap, verbose=self.verbose)
        return SolverSettings(**{**base, **overrides}).check()


_FIELDS = tuple(f.name for f in fields(PackageQuery))


def as_query(query: PackageQuery | None = None, **fields_) -> PackageQuery:
    """``query`` with some fields replaced, or a new query of those fields.

    The entry points take both, so ``best_packages(case, profile="balanced")`` keeps working
    beside ``best_packages(case, PackageQuery(profile="balanced"))``.
    """
    unknown = sorted(set(fields_) - set(_FIELDS))
    if unknown:
        raise TypeError(f"unexpected argument(s) {', '.join(unknown)}; a PackageQuery has {', '.join(_FIELDS)}")
    return replace(query, **fields_) if query is not None else PackageQuery(**fields_)


def option_values(loaded, profile=None, method="additive", weights=None, scenario=None):
    """(values of eligible options, screened-out reasons, the Ranking) from `negotiator.ranking.api.rank`."""
    from negotiator.ranking.api import rank

    ranking = rank(loaded, profile=profile, method=method, weights=weights, scenario=scenario)
    values = {row.option: float(row.score) for row in ranking.rows}
    screened = {s.option: s.reason for s in ranking.screened_out}
    return values, screened, ranking


@dataclass(frozen=True)
class SingleValueSpec:
    """The package problem of one value set, with what the outputs cite."""

    spec: PortfolioSpec
    ranking: object  # the ranking.result.Ranking the values come from (provenance, warnings, screened)
    screened: dict[str, str]  # option -> why it is out (a red line)
    baseline: Baseline | None


def single_value_spec(loaded, query: PackageQuery, budgets: Mapping[str, float] | None = None) -> SingleValueSpec:
    """The options' values under the query's profile, method and scenario (over its baseline when
    given) as a package problem with its limits; ``budgets`` replaces the query's (the sweep's caps)."""
    base = prepare_baseline(loaded, query.baseline, query.method, query.include)
    values, screened, ranking = option_values(loaded, query.profile, query.method, query.weights, query.scenario)
    base_values: dict[str, float] = {}
    if base is not None:
        values, base_values["value"] = values_over_baseline(loaded, base, values, ranking.provenance.weights, query.scenario)
    spec = query_spec(loaded, query, {"value": values}, screened, (query.scenario,), base, base_values, budgets)
    return SingleValueSpec(spec, ranking, screened, base)


def query_spec(loaded, query: PackageQuery, value_sets, screened, scenarios, base, base_values, budgets=None) -> PortfolioSpec:
    """build_spec with the query's limits (budgets, count, include, exclude) and baseline."""
    return build_spec(
        loaded,
        value_sets,
        screened,
        scenarios=scenarios,
        budgets=query.budgets if budgets is None else budgets,
        count=query.count,
        include=query.include,
        exclude=query.exclude,
        baseline=base,
        baseline_values=base_values,
    )
