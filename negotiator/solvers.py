"""The one place that picks an LP/MILP solver, runs it silently and reads what it proved.

Every analysis that solves a linear or mixed-integer program (zero-sum games,
the negotiation frontier, weight flips, packages, robust packages and cores,
budget sweeps, infeasibility diagnosis) goes through this module, and nothing
else imports a solver.

Policy, the same everywhere:

1. the solver the user names (``--solver cbc|highs`` on the command line,
   ``solver=`` in the Python API), refused with a UsageError when the name is
   unknown or that solver is not installed;
2. otherwise CBC, the solver PuLP bundles (``PULP_CBC_CMD``), so a result does
   not depend on which optional packages happen to be installed;
3. otherwise HiGHS in process (PuLP's ``HiGHS``, through highspy), when this
   PuLP has no runnable CBC (PuLP 4 no longer bundles it).

PuLP's ``HiGHS_CMD`` (a ``highs`` executable on the PATH) is not used: the
proven bound of a stopped MILP is read from highspy's own model, and a second
HiGHS with other defaults would only add a fourth policy.

Silence: no solver writes to stdout, so JSON and CSV there stay parseable.
CBC runs with ``msg=False``, its log (when a bound must be read) in a temporary
file. HiGHS prints a banner from C++ to file descriptor 1 the first time a
model is created in a process, whatever ``msg`` says: :func:`make` creates
that first model with descriptor 1 pointed at /dev/null. Only that moment
touches the process's descriptors, so a terminal UI drawing from another
thread is not disturbed by later solves. With ``verbose`` a solver's own
messages go to stderr.

PuLP version shims live here too: :func:`variable` and :func:`constraint`
(PuLP 3.3 attaches variables to the problem and deprecates free-standing
ones; PuLP 2.8 to 3.2 only has those) and the DeprecationWarning PuLP 3 gives
for its bundled CBC (moved to a separate package in PuLP 4).

Status and proven bounds: :func:`solve` returns a :class:`Solved` whose
status comes from the bound the solver proved, not from PuLP's status code
(PuLP says "Optimal" for CBC stopped at a gap tolerance and for HiGHS stopped
by its default 0.01% gap). :class:`Reoptimizer` solves one MILP again and
again in process with only the objective changed (HiGHS).

This module sits at the bottom layer: it imports only pulp (with highspy,
PuLP's HiGHS backend, and numpy for its cost arrays), the standard library
and negotiator.errors.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
import tempfile
import warnings
from dataclasses import dataclass
from typing import Sequence

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["MAX_COEFFICIENT", "SOLVERS", "Reoptimizer", "Solved", "available", "check_representable", "choose", "constraint", "describe", "label", "make", "solve", "variable"]

#: Solver names a user may give, in the order of the default policy.
SOLVERS = ("cbc", "highs")

_LABELS = {"cbc": "CBC", "highs": "HiGHS"}


# -- choice -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def available(name: str) -> bool:
    """True when this PuLP can run solver ``name`` ("cbc" or "highs") on this machine."""
    if name == "highs":
        try:
            import highspy  # noqa: F401
        except ImportError:
            return False
        return True
    if name == "cbc":
        return bool(_cbc().available())
    return False


def choose(name: str | None = None) -> str:
    """The solver to use: ``name`` when given (checked), else CBC, else HiGHS (see the module docstring)."""
    if name is not None:
        key = str(name).lower()
        if key not in SOLVERS:
            raise UsageError(Problem(Message("sv_unknown", solver=name), hint=Message("sv_unknown_hint")))
        if not available(key):
            if key == "highs":
                raise UsageError(Problem(Message("sv_no_highs"), hint=Message("sv_no_highs_hint")))
            raise UsageError(Problem(Message("sv_no_cbc"), hint=Message("sv_no_cbc_hint")))
        return key
    for key in SOLVERS:
        if available(key):
            return key
    raise UsageError(Problem(Message("sv_none"), hint=Message("sv_none_hint")))


def label(name: str | None = None) -> str:
    """The solver's proper name for provenance ("CBC", "HiGHS"), after applying the policy."""
    return _LABELS[choose(name)]


def describe(name: str | None = None) -> str:
    """"PuLP <version> + <solver>" for provenance."""
    import pulp

    return f"PuLP {pulp.__version__} + {label(name)}"


# -- making a silent solver ----------------------------------------------------------------


def _cbc(**options):
    import pulp

    with warnings.catch_warnings():
        # PuLP 3.x flags the bundled CBC as deprecated (moved out in 4.0); it is still the one shipped.
        warnings.simplefilter("ignore", DeprecationWarning)
        return pulp.PULP_CBC_CMD(**options)


def make(name: str | None = None, *, time_limit: float | None = None, gap: float | None = None, verbose: bool = False, cbc: dict | None = None, highs: dict | None = None):
    """A PuLP solver object, silent unless ``verbose``.

    ``gap`` is the relative gap at which a MILP may stop (None: the solver's own default);
    ``cbc`` and ``highs`` are options passed as they are to whichever of the two is chosen
    (e.g. ``cbc={"threads": 1}``), so a caller tunes both without choosing.
    """
    import pulp

    key = choose(name)
    if key == "highs":
        _swallow_highs_banner()
        return pulp.HiGHS(msg=verbose, timeLimit=time_limit, gapRel=gap, **(highs or {}))
    return _cbc(msg=verbose, timeLimit=time_limit, gapRel=gap, **(cbc or {}))


_HIGHS_BANNER_SWALLOWED = False


def _swallow_highs_banner() -> None:
    """Create the process's first HiGHS model with stdout (and stderr) at /dev/null, once."""
    global _HIGHS_BANNER_SWALLOWED
    if _HIGHS_BANNER_SWALLOWED:
        return
    import highspy

    with _redirect_fds(to_stderr=False):
        highspy.Highs()
    _HIGHS_BANNER_SWALLOWED = True


def _stdout_fd() -> int:
    try:
        return sys.__stdout__.fileno() if sys.__stdout__ else 1
    except (AttributeError, ValueError, OSError):
        return 1


@contextlib.contextmanager
def _redirect_fds(to_stderr: bool):
    """Point file descriptor 1 (and 2, unless ``to_stderr``) at /dev/null, or fd 1 at stderr."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__):
        with contextlib.suppress(Exception):
            stream.flush()
    out_fd = _stdout_fd()
    try:
        target = os.dup(2) if to_stderr else os.open(os.devnull, os.O_WRONLY)
    except OSError:
        yield
        return
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
def _output(verbose: bool):
    """Solvers stay silent; with ``verbose`` their messages go to stderr so stdout stays clean."""
    if verbose:
        with _redirect_fds(to_stderr=True):
            yield
    else:
        yield


# -- PuLP version shims -------------------------------------------------------------------


def variable(problem, name: str, **kw):
    """A variable of ``problem`` (PuLP 3.3's add_variable; a free LpVariable on older PuLP)."""
    import pulp

    if hasattr(problem, "add_variable"):
        return problem.add_variable(name, **kw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return pulp.LpVariable(name, **kw)


def constraint(problem, name: str):
    """The named constraint of ``problem`` (PuLP 3.3's accessor, or the constraints dict)."""
    if hasattr(problem, "get_constraint_by_name"):
        return problem.get_constraint_by_name(name)
    return problem.constraints[name]


def _constraints(problem) -> list:
    """Every constraint of ``problem`` (PuLP 3.3 lists them from a call; older PuLP keeps a dict)."""
    found = problem.constraints
    if callable(found):
        return list(found())
    return list(found.values())  # pragma: no cover - PuLP before 3.3


# -- solving and reading what was proven ----------------------------------------------------------


@dataclass(frozen=True)
class Solved:
    """What one solve proved.

    status: "optimal" (the solver proved it; within its own tolerance), "gap"
    (stopped at the requested gap), "time_limit" (stopped by the clock with a
    solution), "infeasible" (proven), "unbounded", "no_solution" (stopped
    before finding any). ``bound``: the best objective the solver proved
    possible (None when it reported none).
    """

    status: str
    objective: float | None
    bound: float | None
    solver: str


#: The largest coefficient, right-hand side or bound handed to a solver. CBC takes 1e30 as
#: infinity (a budget of 1e30 is "no budget", a bonus of 1e308 breaks its presolve into a false
#: "infeasible"), and both solvers judge feasibility with absolute tolerances near 1e-7 to 1e-9:
#: past about 1e15 the rounding of one coefficient alone is larger than that, so a "proof" would
#: be an artefact of rounding. Case numbers lie within the same range (case/base.py MAX_MAGNITUDE).
MAX_COEFFICIENT = 1e15


def check_representable(problem) -> None:
    """Refuse (UsageError) a problem with a number the solver cannot represent: nothing it says about it would be proven."""
    import math

    def bad(x) -> bool:
        return x is not None and not (math.isfinite(x) and abs(x) <= MAX_COEFFICIENT)

    found: tuple[Message, float] | None = None
    objective = problem.objective
    if objective is not None:
        found = next(((Message("sv_where_objective"), a) for a in objective.values() if bad(a)), None)
    if found is None:
        for row in _constraints(problem):
            a = next((a for a in list(row.values()) + [row.constant] if bad(a)), None)
            if a is not None:
                found = (Message("sv_where_constraint", name=row.name), a)
                break
    if found is None:
        v = next((v for v in problem.variables() if bad(v.lowBound) or bad(v.upBound)), None)
        if v is not None:
            found = (Message("sv_where_bounds", name=v.name), v.upBound if bad(v.upBound) else v.lowBound)
    if found is not None:
        where, value = found
        raise UsageError(
            Problem(
                Message("sv_too_big", where=where, problem=problem.name, size=abs(value), limit=MAX_COEFFICIENT),
                hint=Message("sv_too_big_hint"),
            )
        )


def solve(problem, name: str | None = None, *, time_limit: float | None = None, gap: float = 0.0, verbose: bool = False, cbc: dict | None = None, highs: dict | None = None) -> Solved:
    """Solve a PuLP problem with the chosen solver and say what was proven (``cbc``/``highs``: as in :func:`make`).

    A problem holding a number past MAX_COEFFICIENT is refused first (:func:`check_representable`).
    """
    key = choose(name)
    check_representable(problem)
    if key == "highs":
        status, objective, bound = _solve_highs(problem, time_limit, gap, verbose, highs or {})
    else:
        status, objective, bound = _solve_cbc(problem, time_limit, gap, verbose, cbc or {})
    return Solved(status, objective, bound, key)


def _sense(problem) -> int:
    import pulp

    return 1 if problem.sense == pulp.LpMaximize else -1


def _objective_value(problem) -> float:
    import pulp

    v = pulp.value(problem.objective)
    return float(v) if v is not None else 0.0


def _solve_cbc(problem, time_limit, gap, verbose, options) -> tuple[str, float | None, float | None]:
    import pulp

    with tempfile.TemporaryDirectory(prefix="negotiator-cbc-") as tmp:
        log = os.path.join(tmp, "cbc.log")
        solver = _cbc(msg=False, timeLimit=time_limit, gapRel=gap if gap > 0 else None, logPath=log, keepFiles=False, **options)
        with _output(verbose):
            problem.solve(solver)
        with open(log, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    if verbose:
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
    if not any(v.cat == pulp.LpInteger for v in problem.variables()):
        # A pure LP goes to CLP inside CBC, which prints no "Result -" line; PuLP's status is exact here.
        if problem.status == pulp.LpStatusOptimal:
            return "optimal", objective, objective
        return "time_limit", objective, None
    # CBC prints the best bound it proved ("Upper bound" when maximising) unless it proved optimality.
    label_ = "Upper bound" if _sense(problem) > 0 else "Lower bound"
    m = re.search(rf"^{label_}:\s*([-+0-9.eE]+)", text, re.M)
    bound = float(m.group(1)) if m else None
    if result.startswith("Optimal solution found") and "gap" not in result:
        return "optimal", objective, objective
    if bound is None:
        # Stopped without a printed bound: nothing proven beyond the solution itself.
        return ("gap" if "gap" in result else "time_limit"), objective, float("inf") * _sense(problem)
    return ("gap" if "gap" in result else "time_limit"), objective, bound


def _solve_highs(problem, time_limit, gap, verbose, options) -> tuple[str, float | None, float | None]:
    import highspy
    import pulp

    # HiGHS stops at 0.01% by default; gap=0 asks for a proof.
    solver = make("highs", time_limit=time_limit, gap=gap, verbose=verbose, highs=options)
    with _output(verbose):
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
        return ("optimal" if gap == 0 else "gap"), objective, bound
    return "time_limit", objective, bound


class Reoptimizer:
    """One MILP solved many times in process, each time with new objective coefficients on some variables.

    HiGHS only (CBC runs as a separate program and keeps no model between solves: rebuild
    the problem and call :func:`solve` instead). The model is built once; each call changes
    the costs of the ``costed`` variables and runs HiGHS again.
    """

    def __init__(self, problem, costed: Sequence, read: Sequence, *, time_limit: float | None = None):
        import numpy as np

        choose("highs")
        check_representable(problem)
        self.problem = problem
        pulp_solver = make("highs", time_limit=time_limit, gap=0.0)
        pulp_solver.createAndConfigureSolver(problem)
        pulp_solver.buildSolverModel(problem)
        self._highs = problem.solverModel
        self._columns = np.array([v.index for v in costed], dtype=np.int32)
        self._read = [v.index for v in read]
        # PuLP's HiGHS model minimises -objective when maximising.
        self._sign = -float(_sense(problem))

    def solve(self, costs: Sequence[float]) -> tuple[list[float], bool]:
        """Values of the ``read`` variables at the optimum for ``costs``, and whether HiGHS proved it optimal."""
        import highspy
        import numpy as np

        self._highs.changeColsCost(len(self._columns), self._columns, self._sign * np.asarray(costs, dtype=float))
        self._highs.run()
        x = self._highs.getSolution().col_value
        return [x[j] for j in self._read], self._highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
