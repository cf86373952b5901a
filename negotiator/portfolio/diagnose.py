"""Why no package fits: a minimal set of constraints that conflict, and how far each must move.

Method: the deletion filter (Chinneck & Dravnieks 1991; Chinneck 2008,
"Feasibility and Infeasibility in Optimization", ch. 6). Start from every
constraint row; drop a row for good when the rest are still infeasible
without it. What is left is an irreducible infeasible set: together the
rows cannot all hold, and dropping any one of them lets the rest hold.
Then, for each row of the set, an elastic program (the same row given a
slack variable, every other constraint of the case kept hard) says by how
much that row alone would have to move for some package to exist.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from .model import PortfolioSpec, Row, build_milp, spec_rows
from .solve import SolverSettings, solve_model

__all__ = ["ConflictItem", "Diagnosis", "diagnose", "feasible"]

#: Try to drop the yes/no rules of the case before the numbers the analyst can tune,
#: so the set left tends to name budgets, counts and forced choices.
_DROP_ORDER = {"requires": 0, "excludes": 1, "red_line": 2, "exclude": 3, "package": 4, "count": 5, "budget": 6, "include": 7}


@dataclass(frozen=True)
class ConflictItem:
    key: str
    kind: str
    text: str
    sense: str
    limit: float
    move: float | None  # how much the number must move (numeric rows), None for yes/no rules
    new_limit: float | None
    alone_fixes: bool  # moving (or dropping) this one row alone makes some package feasible
    advice: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Diagnosis:
    conflict: tuple[ConflictItem, ...]
    irreducible: bool  # False only if some feasibility check ran out of time
    checks: int
    seconds: float

    @property
    def summary(self) -> str:
        names = "; ".join(c.text for c in self.conflict)
        return f"no package meets all the constraints. These {len(self.conflict)} cannot hold together: {names}"

    def to_dict(self) -> dict:
        return {
            "summary": self.summary,
            "conflict": [c.to_dict() for c in self.conflict],
            "irreducible": self.irreducible,
            "method": "deletion filter (Chinneck & Dravnieks 1991), elastic amounts per constraint",
            "checks": self.checks,
            "seconds": self.seconds,
        }


def feasible(spec: PortfolioSpec, rows: list[Row], settings: SolverSettings) -> bool | None:
    """True/False when proven, None when the solver ran out of time."""
    outcome = solve_model(build_milp(spec, objective=None, rows=rows).problem, settings)
    if outcome.has_solution:
        return True
    if outcome.status == "infeasible":
        return False
    return None


def diagnose(spec: PortfolioSpec, settings: SolverSettings) -> Diagnosis:
    """A minimal conflicting set of constraints of an infeasible package problem."""
    start = time.perf_counter()
    settings = SolverSettings(settings.solver, settings.time_limit, 0.0, False)
    rows = spec_rows(spec)
    keep = sorted(rows, key=lambda r: _DROP_ORDER.get(r.kind, 9))
    checks = 0
    irreducible = True
    i = 0
    while i < len(keep):
        trial = keep[:i] + keep[i + 1 :]
        checks += 1
        ok = feasible(spec, trial, settings)
        if ok is False:
            keep = trial  # still infeasible without it: not needed to explain the conflict
        else:
            irreducible = irreducible and ok is not None
            i += 1
    items = []
    for row in keep:
        checks += 1
        items.append(_how_far(spec, rows, row, keep, settings))
    order = {r.key: n for n, r in enumerate(rows)}
    items.sort(key=lambda c: order[c.key])
    return Diagnosis(tuple(items), irreducible, checks, time.perf_counter() - start)


def _how_far(spec: PortfolioSpec, rows: list[Row], row: Row, conflict: list[Row], settings: SolverSettings) -> ConflictItem:
    """How much this row alone must move, every other constraint of the case held."""
    if not row.numeric:
        others = [r for r in rows if r.key != row.key]
        alone = feasible(spec, others, settings) is True
        advice = _drop_advice(row) + ("" if alone else " (not enough on its own: other constraints also conflict)")
        return ConflictItem(row.key, row.kind, row.text, row.sense, row.rhs, None, None, alone, advice)
    move, alone = _elastic_move(spec, rows, row, settings)
    if move is None:
        # Other conflicts remain whatever this row says: give the move that resolves this set.
        move, _ = _elastic_move(spec, conflict, row, settings)
    new = None if move is None else (row.rhs + move if row.sense == "<=" else row.rhs - move)
    advice = _move_advice(row, move, new) + ("" if alone else " (not enough on its own: other constraints also conflict)")
    return ConflictItem(row.key, row.kind, row.text, row.sense, row.rhs, move, new, alone, advice)


def _elastic_move(spec: PortfolioSpec, rows: list[Row], row: Row, settings: SolverSettings) -> tuple[float | None, bool]:
    model = build_milp(spec, rows=rows, elastic={row.key: 1.0})
    outcome = solve_model(model.problem, settings)
    if not outcome.has_solution:
        return None, False
    move = float(model.slack[row.key].varValue or 0.0)
    if row.kind == "count":
        move = float(round(move))
    return move, True


def _move_advice(row: Row, move: float | None, new: float | None) -> str:
    if move is None:
        return "moving this number alone cannot make any package feasible"
    verb = "raise" if row.sense == "<=" else "lower"
    what = {"budget": f"the cap on {row.unit}", "count": "the " + ("maximum" if row.sense == "<=" else "minimum") + " count", "package": f"the package limit on {row.unit}"}[row.kind]
    return f"{verb} {what} from {row.rhs:g} to {new:g} ({'+' if row.sense == '<=' else '-'}{move:g})"


def _drop_advice(row: Row) -> str:
    return {
        "include": f"drop {row.text}",
        "exclude": f"drop {row.text}",
        "requires": f"drop the prerequisite rule {row.text}, or leave both out",
        "excludes": f"allow both: remove the exclusion {row.text}",
        "red_line": "loosen this red line in constraints.limits",
    }.get(row.kind, "drop this rule")
