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

from negotiator.messages import Message
from negotiator.ranking.result import TIE_TOLERANCE, competition_ranks
from negotiator.sensitivity._common import Progress, Provenance, Setup, check_objective, one_way_direction, one_way_weights, prepare, search_note

__all__ = ["Breakpoint", "TopChange", "ObjectiveSweep", "SweepResult", "sweep", "additive_lines", "sweep_setup"]

#: Points of the curves kept for charts and JSON (the breakpoints do not depend on it).
CURVE_POINTS = 101
#: Grid of the numerical search for non-additive methods, and its bisection depth.
SEARCH_POINTS = 401
BISECTIONS = 60
#: Crossings closer than this (in weight) are one breakpoint: several lines through one point
#: must not read as several changes. Exact (additive) crossings differ only by rounding;
#: numerically refined ones by the refinement's precision.
MERGE_TOLERANCE_EXACT = 1e-9
MERGE_TOLERANCE_SEARCH = 1e-7


@dataclass(frozen=True)
class Breakpoint:
    """At ``weight`` the options ``rises`` and ``falls`` swap places (``rises`` is ahead above it)."""

    objective: str
    weight: float
    rises: str
    falls: str
    position: int  # the better of the two ranks the pair holds just around the crossing (1 = first place)
    ranks: tuple[int, int] = (0, 0)  # the ranks the pair holds just around the crossing, better first
    top_change: bool | None = None  # ``rises`` joins the top just above, ``falls`` led just below, and the top changes

    @property
    def changes_top(self) -> bool:
        return self.position == 1 if self.top_change is None else self.top_change

    def rank_label(self) -> str:
        """'3' for a swap of ranks 3 and 4, '2–4' when several lines cross at one point."""
        lo, hi = self.ranks
        return str(lo) if hi <= lo + 1 else f"{lo}–{hi}"

    def to_dict(self) -> dict:
        return {"objective": self.objective, "weight": self.weight, "rises": self.rises, "falls": self.falls, "position": self.position, "ranks": list(self.ranks), "changes_top": self.changes_top}


@dataclass(frozen=True)
class TopChange:
    """At ``weight`` the top option(s) change: ``below`` lead just below it, ``above`` just above (ties: several)."""

    objective: str
    weight: float
    below: tuple[str, ...]
    above: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"weight": self.weight, "top_below": list(self.below), "top_above": list(self.above)}


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
    top_switches: list[TopChange] = field(default_factory=list)  # where the top set really changes

    def top_changes(self) -> list[Breakpoint]:
        """The swaps that change the top: an option of the new top passes one of the old top
        (see ``top_switches`` for one entry per weight, with ties)."""
        return [b for b in self.breakpoints if b.changes_top]

    def to_dict(self, options: tuple[str, ...]) -> dict:
        out = {
            "objective": self.objective,
            "current_weight": self.current_weight,
            "others_shared_equally": self.others_shared_equally,
            "breakpoints": [b.to_dict() for b in self.breakpoints],
            "top_changes": [c.to_dict() for c in self.top_switches],
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


def _crossings_additive(a: np.ndarray, b: np.ndarray) -> list[tuple[float, int, int]]:
    """(t, rises, falls) for every pair of lines that cross strictly inside (0, 1)."""
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
            out.append((float(t), *((i, j) if db > 0 else (j, i))))
    return out


def _merge(weights: list[float], tol: float) -> list[list[int]]:
    """Indices of ``weights`` grouped where consecutive (sorted) values lie within ``tol``."""
    groups: list[list[int]] = []
    last = None
    for idx in sorted(range(len(weights)), key=lambda q: weights[q]):
        if last is not None and weights[idx] - last <= tol:
            groups[-1].append(idx)
        else:
            groups.append([idx])
        last = weights[idx]
    return groups


def _resolve(objective: str, options, crossings: list[tuple[float, int, int]], scores_at, tol: float) -> tuple[list[Breakpoint], list[TopChange]]:
    """Breakpoints with the pair's real ranks, and the weights where the top set changes.

    Crossings within ``tol`` are one breakpoint (reported at their mean weight; each swap
    keeps its own exact weight). Between two
    consecutive breakpoints no pair swaps, so the ranks at the midpoint are the ranks
    all along that stretch: the ranks just below and just above every breakpoint.
    """
    groups = _merge([c[0] for c in crossings], tol)
    points = [float(np.mean([crossings[q][0] for q in g])) for g in groups]
    edges = [0.0] + points + [1.0]
    ranks_between = [competition_ranks(scores_at(0.5 * (lo + hi)))[1] for lo, hi in zip(edges[:-1], edges[1:])]
    breakpoints, switches = [], []
    for k, (g, t) in enumerate(zip(groups, points)):
        below, above = ranks_between[k], ranks_between[k + 1]
        top_below = tuple(options[i] for i in np.flatnonzero(below == 1))
        top_above = tuple(options[i] for i in np.flatnonzero(above == 1))
        switched = set(top_below) != set(top_above)
        if switched:
            switches.append(TopChange(objective, t, top_below, top_above))
        for q in g:
            exact_t, i, j = crossings[q]
            pair = sorted({int(below[i]), int(below[j]), int(above[i]), int(above[j])})
            takes_top = bool(switched and above[i] == 1 and below[j] == 1)
            breakpoints.append(Breakpoint(objective, exact_t, options[i], options[j], pair[0], (pair[0], pair[-1]), takes_top))
    breakpoints.sort(key=lambda bp: (bp.weight, bp.position, bp.rises, bp.falls))
    return breakpoints, switches


def _additive_breakpoints(objective: str, options, a: np.ndarray, b: np.ndarray) -> tuple[list[Breakpoint], list[TopChange]]:
    return _resolve(objective, options, _crossings_additive(a, b), lambda t: a + b * t, MERGE_TOLERANCE_EXACT)


def _numeric_breakpoints(setup: Setup, k: int) -> tuple[list[Breakpoint], list[TopChange], np.ndarray, np.ndarray]:
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
    breakpoints, switches = _resolve(setup.objectives[k], setup.options, found, lambda t: setup.scores(one_way_weights(w0, k, t)), MERGE_TOLERANCE_SEARCH)
    return breakpoints, switches, grid, scores


def _refine_swap(setup: Setup, k: int, i: int, j: int, lo: float, hi: float, d_lo: float) -> tuple[float, int, int]:
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
    rises, falls = (j, i) if d_lo > 0 else (i, j)
    return float(t), rises, falls


def _sweep_one(setup: Setup, k: int) -> ObjectiveSweep:
    objective = setup.objectives[k]
    w0 = setup.w
    equal_share = bool(w0.sum() - w0[k] <= 0)
    grid = np.linspace(0.0, 1.0, CURVE_POINTS)
    if setup.additive:
        a, b = additive_lines(setup, k)
        curves = a[None, :] + grid[:, None] * b[None, :]
        breakpoints, switches = _additive_breakpoints(objective, setup.options, a, b)
        return ObjectiveSweep(objective, float(w0[k]), equal_share, breakpoints, grid, curves, a, b, switches)
    breakpoints, switches, search_grid, scores = _numeric_breakpoints(setup, k)
    step = (len(search_grid) - 1) // (CURVE_POINTS - 1)
    return ObjectiveSweep(objective, float(w0[k]), equal_share, breakpoints, search_grid[::step], scores[::step], top_switches=switches)


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
    how = Message("how_sweep_exact") if setup.additive else search_note(setup, Message("how_grid_falsi", n=SEARCH_POINTS))
    if not setup.additive:
        warnings.append(f"the {setup.method} method has no closed form: swaps were found on a grid of {SEARCH_POINTS} weights and refined; two swaps that undo each other within one grid step would be missed")
    return SweepResult(setup.provenance(Message("an_sweep"), how, exact=setup.additive), setup.options, sweeps, setup.screened_list(), warnings)


def sweep(case=None, profile: str | None = None, method: str = "additive", objectives: list[str] | None = None, weights=None, scenario: str | None = None, progress: Progress | None = None) -> SweepResult:
    """One-way weight sweeps with the weights where any two options swap places."""
    return sweep_setup(prepare(case, profile, method, weights, scenario), objectives, progress)
