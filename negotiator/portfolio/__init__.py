"""Packages of measures: the best combination of options under budgets, rules and red lines.

A PuLP mixed-integer program (model.py), solved by CBC or HiGHS with an
honest optimality status (solve.py); infeasibility explained by a minimal
conflicting set of constraints (diagnose.py); robustness across profiles or
scenarios and Robust-Portfolio-Modelling core shares (robust.py); budget
sweeps (sweep.py); values over a status-quo baseline (baseline.py). Every entry point
takes one PackageQuery (query.py): profile, method, scenario, limits, baseline, solver. Everything here is pure: no printing.
"""

from __future__ import annotations

from negotiator.portfolio.baseline import Baseline, parse_baseline
from negotiator.portfolio.diagnose import ConflictItem, Diagnosis, diagnose
from negotiator.portfolio.model import PortfolioSpec, Row, Synergy, build_milp, build_spec, parse_budget_overrides, parse_count, spec_rows
from negotiator.portfolio.packages import JUDGMENT_NOTE, NoFeasiblePackage, PackageResult, PortfolioResult, best_packages, solve_top
from negotiator.portfolio.query import PackageQuery, as_query, option_values
from negotiator.portfolio.robust import CoreOption, CoreResult, RobustResult, RobustRow, core_analysis, enumerate_packages, extreme_weights, robust_package, sample_weights
from negotiator.portfolio.solve import SOLVERS, SolveOutcome, SolverSettings, solve_model, status_words
from negotiator.portfolio.sweep import SweepPoint, SweepResult, budget_sweep, sweep_caps

__all__ = [
    "PackageQuery",
    "as_query",
    "Baseline",
    "parse_baseline",
    "best_packages",
    "option_values",
    "solve_top",
    "PackageResult",
    "PortfolioResult",
    "JUDGMENT_NOTE",
    "NoFeasiblePackage",
    "PortfolioSpec",
    "Row",
    "Synergy",
    "build_spec",
    "build_milp",
    "spec_rows",
    "parse_budget_overrides",
    "parse_count",
    "SOLVERS",
    "SolverSettings",
    "SolveOutcome",
    "solve_model",
    "status_words",
    "Diagnosis",
    "ConflictItem",
    "diagnose",
    "robust_package",
    "RobustResult",
    "RobustRow",
    "core_analysis",
    "CoreResult",
    "CoreOption",
    "enumerate_packages",
    "sample_weights",
    "extreme_weights",
    "budget_sweep",
    "sweep_caps",
    "SweepResult",
    "SweepPoint",
]
