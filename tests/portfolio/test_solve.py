"""Status honesty: a package is called optimal only when the solver's bound proves it."""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.errors import UsageError
from negotiator.portfolio import PortfolioSpec, SolverSettings, SolveOutcome, build_milp, solve_model, solve_top, status_words
from negotiator.portfolio.solve import DEFAULT_GAP, EXACT_MAX_OPTIONS, OPTIMALITY_TOLERANCE, default_gap


def knapsack_spec(n: int, seed: int, share: float = 0.3) -> PortfolioSpec:
    """n options with uncorrelated values and three resource uses: hard for branch and bound."""
    rng = np.random.default_rng(seed)
    ids = tuple(f"o{i}" for i in range(n))
    values = dict(zip(ids, rng.uniform(0, 1, n)))
    use = rng.uniform(1, 10, (n, 3))
    names = ("staff", "money", "bandwidth")
    resources = {o: dict(zip(names, map(float, use[i]))) for i, o in enumerate(ids)}
    budgets = dict(zip(names, map(float, use.sum(axis=0) * share)))
    return PortfolioSpec(
        options=ids, labels={o: o for o in ids}, labels_zh={o: None for o in ids}, value_sets={"value": values}, screened={},
        resources=resources, budgets=budgets, count=None, requires=(), excludes=(),
    )


@pytest.mark.parametrize("solver", ["cbc", "highs"])
def test_gap_stop_is_never_called_optimal_and_the_bound_is_true(solver):
    spec = knapsack_spec(120, seed=2)
    exact = solve_model(build_milp(spec, "value").problem, SolverSettings(solver, 60, 0.0))
    assert exact.status == "optimal" and exact.abs_gap <= OPTIMALITY_TOLERANCE * max(1, exact.objective)
    loose = solve_model(build_milp(spec, "value").problem, SolverSettings(solver, 60, 0.05))
    assert loose.has_solution
    # The proven bound really bounds the optimum, and the package is no better than the optimum.
    assert loose.bound >= exact.objective - 1e-6
    assert loose.objective <= exact.objective + 1e-6
    # On this case both solvers stop short of a proof (measured: CBC 0.19%, HiGHS 3.3%).
    assert loose.status == "gap" and 0 < loose.rel_gap <= 0.05 + 1e-9
    words = status_words(loose, SolverSettings(solver, 60, 0.05))
    assert not loose.proven_optimal and words.startswith(f"proven within {loose.rel_gap:.3%} of the best possible package")
    assert "requested gap of 5%" in words and "--gap 0 proves exact optimality" in words


@pytest.mark.parametrize("solver", ["cbc", "highs"])
def test_time_limit_claims_match_the_bound(solver):
    spec = knapsack_spec(600, seed=5)
    out = solve_model(build_milp(spec, "value").problem, SolverSettings(solver, 0.2, 0.0))
    assert out.status in ("optimal", "time_limit", "no_solution")
    if out.status == "optimal":
        assert out.abs_gap <= OPTIMALITY_TOLERANCE * max(1, out.objective)
    elif out.status == "time_limit":
        assert out.bound >= out.objective - 1e-9
        assert "NOT proven optimal" in status_words(out)


def test_top_k_marks_packages_proven_only_when_every_solve_was():
    spec = knapsack_spec(12, seed=1)
    packages, outcomes, build, solve = solve_top(spec, SolverSettings("cbc"), 4)
    assert [p.rank for p in packages] == [1, 2, 3, 4]
    assert all(p.proven for p in packages) and all(o.proven_optimal for o in outcomes)
    assert build >= 0 and solve > 0


def test_status_words():
    ok = SolveOutcome("optimal", 2.0, 2.0, 0.1, "cbc")
    assert status_words(ok).startswith("proven optimal")
    gap = SolveOutcome("gap", 2.0, 2.1, 0.1, "cbc")
    assert status_words(gap, SolverSettings(gap=0.05)) == (
        "proven within 5.000% of the best possible package, which scores at most 2.1 (the solver stopped at the requested gap of 5%; --gap 0 proves exact optimality)"
    )
    assert "optimal" not in status_words(gap).replace("exact optimality", "")
    # A gap stop without a proven bound proves nothing: never "proven within".
    unbounded = SolveOutcome("gap", 2.0, float("inf"), 0.1, "cbc")
    assert status_words(unbounded).startswith("NOT proven optimal (stopped at the requested gap)")
    late = SolveOutcome("time_limit", 2.0, 2.5, 0.1, "highs")
    assert "time limit" in status_words(late) and "25.000%" in status_words(late)
    assert "before finding any package" in status_words(SolveOutcome("no_solution", None, None, 1.0, "cbc"), SolverSettings("cbc", 1.0))
    assert "no package" in status_words(SolveOutcome("infeasible", None, None, 0.1, "cbc"))
    assert gap.to_dict()["proven_optimal"] is False and gap.to_dict()["gap_relative"] == pytest.approx(0.05)


@pytest.mark.parametrize("kwargs,needle", [(dict(solver="gurobi"), "unknown solver"), (dict(time_limit=0), "--time-limit"), (dict(gap=1.0), "--gap"), (dict(gap=-0.1), "--gap")])
def test_settings_bad_input(kwargs, needle):
    with pytest.raises(UsageError, match=needle):
        SolverSettings(**kwargs).check()


def test_default_gap_is_exact_for_small_cases_and_the_k_best():
    assert DEFAULT_GAP == 0.001 and EXACT_MAX_OPTIONS == 60
    assert default_gap(20) == 0.0 and default_gap(60) == 0.0
    assert default_gap(61) == DEFAULT_GAP and default_gap(1000) == DEFAULT_GAP
    assert default_gap(1000, top=2) == 0.0 and default_gap(1000, top=10) == 0.0


def test_default_gap_proves_the_best_package_within_it_and_says_by_how_much():
    """No gap given, 120 options: stopped once proven within 0.1%, and the bound really bounds the optimum."""
    from negotiator.portfolio.packages import solve_top as top_of

    spec = knapsack_spec(120, seed=2)
    settings = SolverSettings("cbc", 60, default_gap(len(spec.options)))
    (best,), (outcome,), _, _ = top_of(spec, settings, 1)
    exact = solve_model(build_milp(spec, "value").problem, SolverSettings("cbc", 60, 0.0))
    assert outcome.status in ("optimal", "gap") and outcome.rel_gap <= DEFAULT_GAP + 1e-12
    assert outcome.bound >= exact.objective - 1e-6 and best.value <= exact.objective + 1e-6
    assert best.value >= exact.objective * (1 - DEFAULT_GAP) - 1e-9
    assert best.proven == outcome.proven_optimal
