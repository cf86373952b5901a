"""Weight stability intervals (Mareschal 1988): how far one weight can move, the others
rescaled in proportion, before the top option (or the order of the top K) changes.

Additive model: every option's value is a line in the swept weight t (see
sweep.py), so "i stays ahead of j" is one linear inequality in t and the
interval is the intersection of those half-lines, exact. Other methods: the
interval is found by walking a fine grid outward from the current weight and
bisecting at the first change (``exact = False``).

Reference: B. Mareschal (1988), "Weight stability intervals in multicriteria
decision aid", European Journal of Operational Research 33(1):54-64.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from negotiator.messages import Message
from negotiator.errors import Problem, UsageError
from negotiator.sensitivity._common import Progress, Provenance, Setup, check_objective, one_way_weights, prepare, search_note
from negotiator.sensitivity.sweep import SEARCH_POINTS, additive_lines

#: Bisection steps at the edge of an interval (non-additive methods): 2^-34 of a grid step.
BISECTIONS = 34

__all__ = ["StabilityInterval", "StabilityResult", "stability", "stability_setup"]


@dataclass(frozen=True)
class StabilityInterval:
    """The weight of ``objective`` may move within [low, high] without changing the top order."""

    objective: str
    current_weight: float
    low: float
    high: float
    overtaken_below: tuple[str, str] | None  # (option that moves up, option it passes) just below ``low``
    overtaken_above: tuple[str, str] | None  # ... just above ``high``

    @property
    def room(self) -> float:
        """The smallest move of this weight that changes the top order (inf when none can)."""
        down = self.current_weight - self.low if self.overtaken_below else np.inf
        up = self.high - self.current_weight if self.overtaken_above else np.inf
        room = float(min(down, up))
        return 0.0 if room < 1e-12 else room  # a tie now: no room at all, not rounding noise

    def to_dict(self) -> dict:
        return {
            "objective": self.objective,
            "current_weight": self.current_weight,
            "low": self.low,
            "high": self.high,
            "room": None if np.isinf(self.room) else self.room,
            "overtaken_below": list(self.overtaken_below) if self.overtaken_below else None,
            "overtaken_above": list(self.overtaken_above) if self.overtaken_above else None,
        }


@dataclass(frozen=True)
class StabilityResult:
    provenance: Provenance
    top: int
    top_order: list[str]  # the current top-K options, best first
    intervals: list[StabilityInterval]
    tied_at_top: bool = False
    screened_out: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def most_sensitive(self) -> StabilityInterval | None:
        finite = [iv for iv in self.intervals if np.isfinite(iv.room)]
        return min(finite, key=lambda iv: iv.room) if finite else None

    def to_dict(self) -> dict:
        return {
            **self.provenance.to_dict(),
            "top": self.top,
            "top_order": self.top_order,
            "tied_at_top": self.tied_at_top,
            "intervals": [iv.to_dict() for iv in self.intervals],
            "screened_out": self.screened_out,
            "warnings": self.warnings,
        }


def _current_order(scores: np.ndarray) -> np.ndarray:
    return np.argsort(-scores, kind="stable")


def _pairs_to_keep(order: np.ndarray, top: int) -> list[tuple[int, int]]:
    """(ahead, behind) pairs whose order defines 'the same top-K order'."""
    pairs = [(int(order[p]), int(order[p + 1])) for p in range(top - 1)]
    last = int(order[top - 1])
    pairs += [(last, int(q)) for q in order[top:]]
    return pairs


def _additive_interval(setup: Setup, k: int, top: int) -> StabilityInterval:
    a, b = additive_lines(setup, k)
    t0 = float(setup.w[k])
    order = _current_order(a + b * t0)
    low, high, below, above = 0.0, 1.0, None, None
    for i, j in _pairs_to_keep(order, top):
        da, db = a[i] - a[j], b[i] - b[j]
        if db == 0:
            continue  # parallel: the pair keeps its order for every t
        t = -da / db  # where j catches up with i
        if db > 0 and t > low:  # i gains on j as t grows: j is ahead below t
            low, below = t, (setup.options[j], setup.options[i])
        elif db < 0 and t < high:
            high, above = t, (setup.options[j], setup.options[i])
    # A tie now puts a bound exactly at t0; rounding must not put it on the wrong side.
    return StabilityInterval(setup.objectives[k], t0, float(min(max(low, 0.0), t0)), float(max(min(high, 1.0), t0)), below, above)


def _numeric_interval(setup: Setup, k: int, top: int) -> StabilityInterval:
    w0 = setup.w
    t0 = float(w0[k])

    def key(t: float) -> tuple:
        return tuple(_current_order(setup.scores(one_way_weights(w0, k, t)))[:top])

    base = key(t0)
    step = 1.0 / (SEARCH_POINTS - 1)

    def edge(direction: int) -> tuple[float, tuple[str, str] | None]:
        inside, t = t0, t0
        while True:
            t = min(1.0, max(0.0, t + direction * step))
            if key(t) != base:
                break
            inside = t
            if t in (0.0, 1.0):
                return t, None
        outside = t
        for _ in range(BISECTIONS):
            mid = 0.5 * (inside + outside)
            if key(mid) == base:
                inside = mid
            else:
                outside = mid
        changed = key(outside)
        pos = next(p for p in range(top) if changed[p] != base[p])
        return inside, (setup.options[changed[pos]], setup.options[base[pos]])

    low, below = edge(-1)
    high, above = edge(+1)
    return StabilityInterval(setup.objectives[k], t0, low, high, below, above)


def stability_setup(setup: Setup, top: int = 1, objectives: list[str] | None = None, progress: Progress | None = None) -> StabilityResult:
    n = len(setup.options)
    if not 1 <= top <= n - 1:
        raise UsageError(Problem(Message("ps_top", most=n - 1, top=top)))
    ks = [check_objective(setup, o) for o in objectives] if objectives else list(range(len(setup.objectives)))
    scores = setup.scores(setup.w)
    order = _current_order(scores)
    tied = bool(abs(scores[order[0]] - scores[order[1]]) <= 1e-12)
    ties = [(int(order[p]), int(order[p + 1]), p + 1) for p in range(top) if abs(scores[order[p]] - scores[order[p + 1]]) <= 1e-12]
    intervals = []
    for done, k in enumerate(ks):
        intervals.append(_additive_interval(setup, k, top) if setup.additive else _numeric_interval(setup, k, top))
        if progress:
            progress(done + 1, len(ks))
    warnings = list(setup.warnings)
    for i, j, rank in ties:
        warnings.append(f"'{setup.options[i]}' and '{setup.options[j]}' tie at rank {rank} now: the order between them is arbitrary, so some intervals have zero width")
    how = Message("how_stability_exact") if setup.additive else search_note(setup, Message("how_grid_bisection", n=SEARCH_POINTS))
    if not setup.additive:
        warnings.append(f"the {setup.method} method has no closed form: each interval was found by walking a grid of {SEARCH_POINTS} weights outward and bisecting at the first change")
    return StabilityResult(setup.provenance(Message("an_stability"), how, exact=setup.additive), top, [setup.options[i] for i in order[:top]], intervals, tied, setup.screened_list(), warnings)


def stability(case=None, profile: str | None = None, method: str = "additive", top: int = 1, objectives: list[str] | None = None, weights=None, scenario: str | None = None, progress: Progress | None = None) -> StabilityResult:
    """For each objective, the interval of its weight that keeps the top option (top-K order)."""
    return stability_setup(prepare(case, profile, method, weights, scenario), top, objectives, progress)
