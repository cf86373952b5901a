"""Running the MILP: solver choice, time limit, gap, and honest status words.

Never call a package optimal that is not: the status comes from the best
bound the solver proved, not from PuLP's status code (PuLP reports
"Optimal" for CBC stopped at a gap tolerance and for HiGHS stopped by its
default 0.01% gap or a time limit).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass

from negotiator.errors import Problem, UsageError

__all__ = ["SOLVERS", "OPTIMALITY_TOLERANCE", "SolverSettings", "SolveOutcome", "solve_model", "status_words"]

SOLVERS = ("cbc", "highs")

#: Bound minus value at or below this (times max(1, |value|)) counts as proven optimal.
OPTIMALITY_TOLERANCE = 1e-6


@dataclass(frozen=True)
class SolverSettings:
    solver: str = "cbc"
    time_limit: float | None = 10.0  # seconds per solve; None = no limit
    gap: float = 0.0  # relative gap at which the solver may stop; 0 = prove optimal
    verbose: bool = False  # solver messages to stderr

    def check(self) -> "SolverSettings":
        if self.solver not in SOLVERS:
            raise UsageError(Problem(f"unknown solver '{self.solver}'", hint="use --solver cbc or --solver highs"))
        if self.time_limit is not None and not self.time_limit > 0:
            raise UsageError(Problem(f"--time-limit must be a number of seconds above 0, got {self.time_limit:g}", hint="for example --time-limit 10"))
        if not 0 <= self.gap < 1:
            raise UsageError(Problem(f"--gap is a fraction from 0 to below 1, got {self.gap:g}", hint="for example --gap 0.001 for 0.1%"))
        if self.solver == "highs":
            try:
                import highspy  # noqa: F401
            except ImportError:
                raise UsageError(Problem("the HiGHS solver is not installed", hint="pip install highspy (or negotiator[highs]), or use --solver cbc")) from None
        return self

    def to_dict(self) -> dict:
        return {"solver": self.solver, "time_limit": self.time_limit, "gap": self.gap}


@dataclass(frozen=True)
class SolveOutcome:
    """What one solve proved.

    status: "optimal" (proven), "gap" (stopped at the requested gap, proven
    within it), "time_limit" (stopped by the clock with a package; ``gap``
    says how far from the best possible it is proven to be), "infeasible"
    (proven: no package meets the constraints), "no_solution" (stopped before
    finding any package), "unbounded".
    """

    status: str
    objective: float | None
    bound: float | None
    seconds: float
    solver: str

    @property
    def has_solution(self) -> bool:
        return self.status in ("optimal", "gap", "time_limit")

    @property
    def proven_optimal(self) -> bool:
        return self.status == "optimal"

    @property
    def abs_gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        return max(0.0, abs(self.bound - self.objective))

    @property
    def rel_gap(self) -> float | None:
        g = self.abs_gap
        if g is None:
            return None
        return g / max(abs(self.objective), 1e-9)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "proven_optimal": self.proven_optimal,
            "objective": self.objective,
            "best_possible": self.bound,
            "gap_absolute": self.abs_gap,
            "gap_relative": self.rel_gap,
            "seconds": self.seconds,
            "solver": self.solver,
        }


def status_words(outcome: SolveOutcome, settings: SolverSettings | None = None) -> str:
    """The status as a policy analyst should read it."""
    if outcome.status == "optimal":
        return "proven optimal: no package that meets the constraints scores higher"
    if outcome.status in ("gap", "time_limit"):
        why = "stopped at the requested gap" if outcome.status == "gap" else "stopped by the time limit"
        gap = outcome.rel_gap
        return (
            f"NOT proven optimal ({why}): the best possible package scores at most {outcome.bound:.6g}, "
            f"so this one is within {gap:.3%} of it"
        )
    if outcome.status == "infeasible":
        return "no package meets all the constraints (proven)"
    if outcome.status == "no_solution":
        limit = f" of {settings.time_limit:g} s" if settings and settings.time_limit else ""
        return f"the solver stopped (time limit{limit}) before finding any package; nothing is proven"
    return f"the solver ended with status '{outcome.status}'"


_HIGHS_BANNER_SHOWN = False


def _swallow_highs_banner() -> None:
    """HiGHS prints a banner from C++ the first time a model is created in a process: swallow it once.

    Only that one moment touches the process's file descriptors, so a terminal UI drawing from
    another thread is not disturbed by later solves (which are silenced by HiGHS's own option).
    """
    global _HIGHS_BANNER_SHOWN
    if _HIGHS_BANNER_SHOWN:
        return
    _HIGHS_BANNER_SHOWN = True
    import highspy

    with _redirect_fds(to_stderr=False):
        highspy.Highs()


@contextlib.contextmanager
def _redirect_fds(to_stderr: bool):
    """Point file descriptor 1 (and 2, unless to_stderr) at /dev/null, or fd 1 at stderr."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    try:
        out_fd = sys.__stdout__.fileno() if sys.__stdout__ else 1
    except (AttributeError, ValueError, OSError):
        out_fd = 1
    target = os.dup(2) if to_stderr else os.open(os.devnull, os.O_WRONLY)
    saved_out = os.dup(out_fd)
    saved_err = None if to_stderr else os.dup(2)
    try:
        os.dup2(target, out_fd)
        if saved_err is not None:
            os.dup2(target, 2)
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.__stdout__.flush()
        os.dup2(saved_out, out_fd)
        os.close(saved_out)
        if saved_err is not None:
            os.dup2(saved_err, 2)
            os.close(saved_err)
        os.close(target)


@contextlib.contextmanager
def _solver_output(verbose: bool):
    """Solvers stay silent; with ``verbose`` their messages go to stderr so JSON on stdout stays clean."""
    if verbose:
        with _redirect_fds(to_stderr=True):
            yield
    else:
        yield


def solve_model(problem, settings: SolverSettings) -> SolveOutcome:
    """Solve a PuLP problem and say honestly what was proven."""
    start = time.perf_counter()
    if settings.solver == "highs":
        status, objective, bound = _solve_highs(problem, settings)
    else:
        status, objective, bound = _solve_cbc(problem, settings)
    seconds = time.perf_counter() - start
    if status in ("optimal", "gap", "time_limit") and objective is not None:
        if bound is None:
            bound = objective
        if abs(bound - objective) <= OPTIMALITY_TOLERANCE * max(1.0, abs(objective)):
            status = "optimal"
        elif status == "optimal":
            status = "gap"
    return SolveOutcome(status, objective, bound, seconds, settings.solver)


def _sense(problem) -> int:
    import pulp

    return 1 if problem.sense == pulp.LpMaximize else -1


def _objective_value(problem) -> float:
    import pulp

    v = pulp.value(problem.objective)
    return float(v) if v is not None else 0.0


def _solve_cbc(problem, settings: SolverSettings) -> tuple[str, float | None, float | None]:
    import pulp

    with tempfile.TemporaryDirectory(prefix="negotiator-cbc-") as tmp:
        log = os.path.join(tmp, "cbc.log")
        with warnings.catch_warnings():
            # PuLP 3.x flags the bundled CBC as deprecated (removed in 4.0); it is still the one shipped.
            warnings.simplefilter("ignore", DeprecationWarning)
            solver = pulp.PULP_CBC_CMD(
                msg=False,
                timeLimit=settings.time_limit,
                gapRel=settings.gap if settings.gap > 0 else None,
                logPath=log,
                keepFiles=False,
                # Measured on the benchmark's package problems (knapsack rows plus rules): CBC proves
                # optimality about twice as fast without its cut generators; see benchmarks/README.md.
                cuts=False,
            )
        with _solver_output(settings.verbose):
            problem.solve(solver)
        with open(log, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    if settings.verbose:
        sys.stderr.write(text)
    result = re.search(r"^Result - (.+)$", text, re.M)
    result = result.group(1).strip() if result else ""
    if "infeasible" in result.lower() or problem.status == pulp.LpStatusInfeasible:
        return "infeasible", None, None
    if "unbounded" in result.lower() or problem.status == pulp.LpStatusUnbounded:
        return "unbounded", None, None
    if problem.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible) or "no feasible solution" in text.lower():
        return "no_solution", None, None
    objective = _objective_value(problem)
    # CBC prints the best bound it proved ("Upper bound" when maximising) unless it proved optimality.
    label = "Upper bound" if _sense(problem) > 0 else "Lower bound"
    m = re.search(rf"^{label}:\s*([-+0-9.eE]+)", text, re.M)
    bound = float(m.group(1)) if m else None
    if result.startswith("Optimal solution found") and "gap" not in result:
        return "optimal", objective, objective
    if bound is None:
        # Stopped without a printed bound: nothing proven beyond the package itself.
        return ("gap" if "gap" in result else "time_limit"), objective, float("inf") * _sense(problem)
    status = "gap" if "gap" in result else "time_limit"
    return status, objective, bound


def _solve_highs(problem, settings: SolverSettings) -> tuple[str, float | None, float | None]:
    import highspy
    import pulp

    _swallow_highs_banner()
    solver = pulp.HiGHS(
        msg=settings.verbose,
        timeLimit=settings.time_limit,
        # HiGHS stops at 0.01% by default; ask for a proof unless the user allows a gap.
        gapRel=settings.gap,
    )
    with _solver_output(settings.verbose):
        problem.solve(solver)
    h = problem.solverModel
    model_status = h.getModelStatus()
    info = h.getInfo()
    S = highspy.HighsModelStatus
    if model_status in (S.kInfeasible,):
        return "infeasible", None, None
    if model_status in (S.kUnbounded, S.kUnboundedOrInfeasible):
        return ("unbounded" if model_status == S.kUnbounded else "infeasible"), None, None
    if info.primal_solution_status != 2:  # 2 = feasible solution available
        return "no_solution", None, None
    objective = _objective_value(problem)
    # PuLP hands HiGHS "minimise -value" when maximising, so the dual bound flips sign.
    has_integers = any(v.cat == pulp.LpInteger for v in problem.variables())
    if has_integers:
        bound = -_sense(problem) * float(info.mip_dual_bound) if _sense(problem) > 0 else float(info.mip_dual_bound)
    else:
        bound = objective if model_status == S.kOptimal else None
    if model_status == S.kOptimal:
        return ("optimal" if settings.gap == 0 else "gap"), objective, bound
    if model_status == S.kTimeLimit:
        return "time_limit", objective, bound
    return "time_limit", objective, bound
