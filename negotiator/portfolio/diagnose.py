"""Why no package fits: a minimal set of constraints that conflict, and how far each must move.

Method: the deletion filter (Chinneck & Dravnieks 1991; Chinneck 2008,
"Feasibility and Infeasibility in Optimization", ch. 6). Start from every
constraint row; drop a row for good when the rest are still infeasible
without it. What is left is an irreducible infeasible set: together the
rows cannot all hold, and dropping any one of them lets the rest hold.
Then, for each row of the set, an elastic program (the same row given a
slack variable, every other constraint of the case kept hard) says by how
much that row alone would have to move for some package to exist.

Every suggestion must be one an analyst could make: a count minimum is
never lowered below 1 (an empty package answers nothing) unless the case
itself allows an empty package; a bound never moves past what the options
can reach (so no negative caps or totals); a red line says to which level it
would have to move and which option that lets through; a forced-in option
is named as forced in.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, replace

from negotiator.portfolio.model import PortfolioSpec, Row, build_milp, spec_rows
from negotiator.portfolio.solve import SolverSettings, solve_model

__all__ = ["ConflictItem", "Diagnosis", "diagnose", "feasible"]

#: Try to drop the yes/no rules of the case before the numbers the analyst can tune,
#: so the set left tends to name budgets, counts and forced choices.
_DROP_ORDER = {"requires": 0, "excludes": 1, "red_line": 2, "baseline": 3, "exclude": 3, "package": 4, "count": 5, "budget": 6, "include": 7}


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
    #: Red lines: the loosened limit that would let some package through (None: not found / not a red line).
    loosen_to: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Diagnosis:
    conflict: tuple[ConflictItem, ...]
    irreducible: bool  # False only if some feasibility check ran out of time
    checks: int
    seconds: float
    note: str = ""  # said once for the whole set (e.g. the case has more than one conflict)

    @property
    def summary(self) -> str:
        names = "; ".join(c.text for c in self.conflict)
        return f"no package meets all the constraints. These {len(self.conflict)} cannot hold together: {names}" + (f". {self.note}" if self.note else "")

    def to_dict(self) -> dict:
        return {
            "summary": self.summary,
            "note": self.note,
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
    note = ""
    if items and not any(c.alone_fixes for c in items):
        # Say it once, not on every row: the case holds more than one conflict.
        items = [replace(c, advice=c.advice.replace(_ALONE_NOTE, "")) for c in items]
        note = "Changing any one of these is not enough on its own: other constraints of the case conflict too. Change one, then run again to see the next conflict."
    return Diagnosis(tuple(items), irreducible, checks, time.perf_counter() - start, note)


_ALONE_NOTE = " (not enough on its own: other constraints also conflict)"


def _how_far(spec: PortfolioSpec, rows: list[Row], row: Row, conflict: list[Row], settings: SolverSettings) -> ConflictItem:
    """How much this row alone must move, every other constraint of the case held."""
    alone_note = _ALONE_NOTE
    if not row.numeric:
        others = [r for r in rows if r.key != row.key]
        alone = feasible(spec, others, settings) is True
        loosen, advice = None, _drop_advice(spec, row)
        if row.kind == "red_line":
            loosen, advice = _red_line_advice(spec, rows if alone else conflict, row, settings)
        return ConflictItem(row.key, row.kind, row.text, row.sense, row.rhs, None, None, alone, advice + ("" if alone else alone_note), loosen)
    move, alone = _elastic_move(spec, rows, row, settings)
    if move is None:
        # Other conflicts remain whatever this row says: give the move that resolves this set.
        move, _ = _elastic_move(spec, conflict, row, settings)
    new = None if move is None else (row.rhs + move if row.sense == "<=" else row.rhs - move)
    advice = _move_advice(spec, row, move, new) + ("" if alone or move is None else alone_note)
    return ConflictItem(row.key, row.kind, row.text, row.sense, row.rhs, move, new, alone, advice)


def _lowest_allowed(spec: PortfolioSpec, row: Row) -> float | None:
    """How far down a ">=" number may sensibly move (None: no limit beyond what the options reach)."""
    if row.kind == "count" and row.sense == ">=":
        return 0.0 if spec.empty_allowed else 1.0
    if row.kind == "package" and row.sense == ">=" and all(c >= 0 for c in row.coefs.values()):
        return 0.0
    return None


def _elastic_move(spec: PortfolioSpec, rows: list[Row], row: Row, settings: SolverSettings) -> tuple[float | None, bool]:
    model = build_milp(spec, rows=rows, elastic={row.key: 1.0})
    floor = _lowest_allowed(spec, row)
    if floor is not None:
        # The slack may not take the bound below what an analyst could ask for.
        model.slack[row.key].upBound = max(0.0, row.rhs - floor)
    outcome = solve_model(model.problem, settings)
    if not outcome.has_solution:
        return None, False
    move = float(model.slack[row.key].varValue or 0.0)
    move = float(round(move)) if row.kind == "count" else round(move, 9)
    return move, True


def _move_advice(spec: PortfolioSpec, row: Row, move: float | None, new: float | None) -> str:
    what = {"budget": f"the cap on {row.unit}", "count": "the " + ("maximum" if row.sense == "<=" else "minimum") + " number of measures", "package": f"the package limit on {row.unit}"}[row.kind]
    if move is None:
        if row.kind == "count" and row.sense == ">=" and not spec.empty_allowed:
            return f"lowering {what} cannot help: not even one measure fits the other constraints (an empty package is no answer; the case asks for at least one)"
        return f"moving {what} cannot make any package feasible: the other constraints conflict whatever it says"
    if row.sense == ">=" and new is not None and new <= 0:
        return f"drop {what} (the case allows an empty package)" if row.kind == "count" else f"drop {what} (a total of 0 or less is no floor)"
    verb = "raise" if row.sense == "<=" else "lower"
    return f"{verb} {what} from {row.rhs:g} to {new:g} ({'+' if row.sense == '<=' else '-'}{move:g})"


def _drop_advice(spec: PortfolioSpec, row: Row) -> str:
    if row.kind == "include":
        o = row.key.split(":", 1)[1]
        return f"stop forcing '{o}' in (drop --include {o})"
    if row.kind == "exclude":
        o = row.key.split(":", 1)[1]
        return f"let '{o}' back in (drop --exclude {o})"
    if row.kind == "requires":
        a, b = row.key.split(":", 1)[1].split(">", 1)
        # Never "leave both out": 'a' may be forced in (its --include row, in the set too, says so).
        return f"drop the rule that '{a}' needs '{b}' (in the case file), only if '{a}' can really work without it"
    if row.kind == "excludes":
        a, b = row.key.split(":", 1)[1].split("|", 1)
        return f"remove the exclusion between '{a}' and '{b}' (in the case file), only if they can really run side by side"
    if row.kind == "baseline":
        o = row.key.split(":", 1)[1]
        return f"'{o}' is held out as the baseline: pick another --baseline to let it into the package"
    return "drop this rule"


def _red_line_advice(spec: PortfolioSpec, rows: list[Row], row: Row, settings: SolverSettings) -> tuple[float | None, str]:
    """The smallest loosening of a red line (moved to a blocked option's own score) that lets some package through."""
    info = spec.red_line_scores.get(row.key)
    blocked = list(row.coefs)
    forced = [o for o in blocked if o in spec.include]
    who = f"'{forced[0]}' is forced in but crosses it; " if len(forced) == 1 else (f"{', '.join(repr(o) for o in forced)} are forced in but cross it; " if forced else "")
    if info is None:
        return None, who + "loosen this red line in constraints.limits"
    obj, lo, hi, scores = info
    candidates = []  # (distance, side, new limit)
    for o in blocked:
        v = scores[o]
        if lo is not None and v < lo:
            candidates.append((lo - v, "min", v))
        if hi is not None and v > hi:
            candidates.append((v - hi, "max", v))
    others = [r for r in rows if r.key != row.key]
    for _, side, level in sorted(set(candidates)):
        new_lo, new_hi = (level, hi) if side == "min" else (lo, level)
        still = {o: 1.0 for o in blocked if (new_lo is not None and scores[o] < new_lo - 1e-12) or (new_hi is not None and scores[o] > new_hi + 1e-12)}
        trial = others + ([Row(row.key, row.kind, row.text, still, "<=", 0.0)] if still else [])
        if feasible(spec, trial, settings) is True:
            let_in = [o for o in blocked if o not in still]
            bound = f"lower the red line's minimum on {obj} from {lo:g} to {level:g}" if side == "min" else f"raise the red line's maximum on {obj} from {hi:g} to {level:g}"
            return level, who + f"{bound} in constraints.limits (lets {', '.join(let_in)} through), if that is acceptable"
    return None, who + "loosening this red line alone does not help"
