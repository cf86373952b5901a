"""One-way weight sweeps: move one weight from 0 to 1, rescale the others in proportion.

Under the additive model every option's overall value is a straight line in
the swept weight t:

    S_i(t) = t * v_ik + (1 - t) * R_i,   R_i = sum_{j != k} r_j v_ij,

where r_j = w_j / (1 - w_k) are the other weights' shares. Two options swap
places exactly where their lines cross, t* = (R_j - R_i) / ((v_ik - R_i) - (v_jk - R_j)),
so the breakpoints are computed in closed form, not read off a grid. Other
methods have no such form: their breakpoints are found on a fine grid and
refined by regula falsi, and the result says so (``exact = False``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..ranking import TIE_TOLERANCE
from ._common import Progress, Provenance, Setup, check_objective, one_way_direction, one_way_weights, prepare, search_note

__all__ = ["Breakpoint", "ObjectiveSweep", "SweepResult", "sweep", "additive_lines", "sweep_setup"]

#: Points of the curves kept for charts and JSON (the breakpoints do not depend on it).
CURVE_POINTS = 101
#: Grid of the numerical search for non-additive methods, and its bisection depth.
SEARCH_POINTS = 401
BISECTIONS = 60


@dataclass(frozen=True)
class Breakpoint:
    """At ``weight`` the options ``rises`` and ``falls`` swap places (``rises`` is ahead above it)."""

    objective: str
    weight: float
    rises: str
    falls: str
    position: int  # the rank the two share at the crossing (1 = they swap first place)

    @property
    def changes_top(self) -> bool:
        return self.position == 1

    def to_dict(self) -> dict:
        return {"objective": self.objective, "weight": self.weight, "rises": self.rises, "falls": self.falls, "position": self.position, "changes_top": self.changes_top}


@dataclass(frozen=True)
class ObjectiveSweep:
    objective: str
    current_weight: float
    others_shared_equally: bool  # True when the current weight is 1 and there is no proportion to keep
    breakpoints: list[Breakpoint]
    grid: np.ndarray  # (G,) swept weight values for curves
    curves: np.ndarray  # (G, n) overall score of each option along the grid
    intercept: np.ndarray | None = None  # additive: S_i(t) = intercept_i + slope_i * t
    slope: np.ndarray | None = None

    def top_changes(self) -> list[Breakpoint]:
        return [b for b in self.breakpoints if b.changes_top]

    def to_dict(self, options: tuple[str, ...]) -> dict:
        out = {
            "objective": self.objective,
            "current_weight": self.current_weight,
            "others_shared_equally": self.others_shared_equally,
            "breakpoints": [b.to_dict() for b in self.breakpoints],
            "curve": {"weight": [float(t) for t in self.grid], "scores": {o: [float(v) for v in self.curves[:, i]] for i, o in enumerate(options)}},
        }
        if self.intercept is not None:
            out["lines"] = {o: {"intercept": float(self.intercept[i]), "slope": float(self.slope[i])} for i, o in enumerate(options)}
        return out


@dataclass(frozen=True)
class SweepResult:
    provenance: Provenance
    options: tuple[str, ...]
    sweeps: list[ObjectiveSweep]
    screened_out: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            **self.provenance.to_dict(),
            "options": list(self.options),
            "sweeps": [s.to_dict(self.options) for s in self.sweeps],
            "screened_out": self.screened_out,
            "warnings": self.warnings,
        }


def additive_lines(setup: Setup, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(intercept, slope) of every option's overall value as the weight of objective k goes 0 -> 1."""
    values = setup.matrix.values()  # (n, m); value functions live in the matrix
    r = one_way_direction(setup.w, k)
    rest = values @ r  # R_i
    return rest, values[:, k] - rest


def _rank_at(scores: np.ndarray, i: int, j: int) -> int:
    """Competition rank shared by options i and j where they tie."""
    level = min(scores[i], scores[j])
    return 1 + int(np.sum(scores > level + 1e-9 * max(1.0, abs(level))))


def _additive_breakpoints(objective: str, options, a: np.ndarray, b: np.ndarray) -> list[Breakpoint]:
    n = len(a)
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            db = b[i] - b[j]
            if abs(db) <= TIE_TOLERANCE:
                continue  # parallel lines never swap (identical lines tie throughout)
            t = (a[j] - a[i]) / db
            if not (TIE_TOLERANCE < t < 1 - TIE_TOLERANCE):
                continue
            scores = a + b * t
            rises, falls = (i, j) if db > 0 else (j, i)
            out.append(Breakpoint(objective, float(t), options[rises], options[falls], _rank_at(scores, i, j)))
    return sorted(out, key=lambda bp: (bp.weight, bp.position, bp.rises, bp.falls))


def _numeric_breakpoints(setup: Setup, k: int) -> tuple[list[Breakpoint], np.ndarray, np.ndarray]:
    """Grid search, then each sign change refined (regula falsi), for methods with no closed form."""
    w0 = setup.w
    grid = np.linspace(0.0, 1.0, SEARCH_POINTS)
    scores = np.array([setup.scores(w) for w in one_way_weights(w0, k, grid)])  # (G, n)
    n = scores.shape[1]
    found = []
    for i in range(n):
        for j in range(i + 1, n):
            diff = scores[:, i] - scores[:, j]
            sign = np.where(np.abs(diff) <= 1e-12, 0, np.sign(diff))
            nz = np.flatnonzero(sign)  # ties on a grid point are bracketed by their neighbours
            for a, b in zip(nz[:-1], nz[1:]):
                if sign[a] != sign[b]:
                    found.append(_refine_swap(setup, k, i, j, grid[a], grid[b], diff[a]))
    return sorted(found, key=lambda bp: (bp.weight, bp.position, bp.rises, bp.falls)), grid, scores


def _refine_swap(setup: Setup, k: int, i: int, j: int, lo: float, hi: float, d_lo: float) -> Breakpoint:
    """The weight in [lo, hi] where options i and j swap (S_i - S_j has the sign of d_lo at lo).

    Regula falsi with the Illinois modification: it keeps a bracket like bisection (so it
    cannot miss), but converges in a handful of method evaluations when the difference is
    smooth; it stops when the bracket is below 1e-10, the estimate moves less than 1e-13,
    or after BISECTIONS steps.
    """
    w0 = setup.w

    def diff(t: float) -> float:
        s = setup.scores(one_way_weights(w0, k, t))
        return float(s[i] - s[j])

    f_lo, f_hi = d_lo, diff(hi)
    side = 0
    t = prev = 0.5 * (lo + hi)
    for step in range(BISECTIONS):
        if hi - lo <= 1e-10 or f_hi == f_lo or (step and abs(t - prev) <= 1e-13):
            break
        prev = t
        t = (lo * f_hi - hi * f_lo) / (f_hi - f_lo)
        if not lo < t < hi:
            t = 0.5 * (lo + hi)
        f_t = diff(t)
        if f_t == 0:
            lo = hi = t
            break
        if (f_t > 0) == (f_lo > 0):
            lo, f_lo = t, f_t
            if side == -1:
                f_hi *= 0.5
            side = -1
        else:
            hi, f_hi = t, f_t
            if side == 1:
                f_lo *= 0.5
            side = 1
    t = lo if lo == hi else t
    s = setup.scores(one_way_weights(w0, k, t))
    rises, falls = (j, i) if d_lo > 0 else (i, j)
    return Breakpoint(setup.objectives[k], float(t), setup.options[rises], setup.options[falls], _rank_at(s, i, j))


def _sweep_one(setup: Setup, k: int) -> ObjectiveSweep:
    objective = setup.objectives[k]
    w0 = setup.w
    equal_share = bool(w0.sum() - w0[k] <= 0)
    grid = np.linspace(0.0, 1.0, CURVE_POINTS)
    if setup.additive:
        a, b = additive_lines(setup, k)
        curves = a[None, :] + grid[:, None] * b[None, :]
        return ObjectiveSweep(objective, float(w0[k]), equal_share, _additive_breakpoints(objective, setup.options, a, b), grid, curves, a, b)
    breakpoints, search_grid, scores = _numeric_breakpoints(setup, k)
    step = (len(search_grid) - 1) // (CURVE_POINTS - 1)
    return ObjectiveSweep(objective, float(w0[k]), equal_share, breakpoints, search_grid[::step], scores[::step])


def sweep_setup(setup: Setup, objectives: list[str] | None = None, progress: Progress | None = None) -> SweepResult:
    """One-way sweeps of a prepared case, for the objectives named (all by default)."""
    ks = [check_objective(setup, o) for o in objectives] if objectives else list(range(len(setup.objectives)))
    sweeps = []
    for done, k in enumerate(ks):
        sweeps.append(_sweep_one(setup, k))
        if progress:
            progress(done + 1, len(ks))
    warnings = list(setup.warnings)
    for s in sweeps:
        if s.others_shared_equally:
            warnings.append(f"'{s.objective}' carries all the weight, so the others cannot keep their proportions: below 1 they share the rest equally")
    how = "exact: crossing points of straight lines (additive model)" if setup.additive else search_note(setup, f"grid of {SEARCH_POINTS} weights, regula falsi")
    if not setup.additive:
        warnings.append(f"the {setup.method} method has no closed form: swaps were found on a grid of {SEARCH_POINTS} weights and refined; two swaps that undo each other within one grid step would be missed")
    return SweepResult(setup.provenance("one-way weight sweep", how, exact=setup.additive), setup.options, sweeps, setup.screened_list(), warnings)


def sweep(case=None, profile: str | None = None, method: str = "additive", objectives: list[str] | None = None, weights=None, scenario: str | None = None, progress: Progress | None = None) -> SweepResult:
    """One-way weight sweeps with the weights where any two options swap places."""
    return sweep_setup(prepare(case, profile, method, weights, scenario), objectives, progress)
