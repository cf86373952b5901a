"""The smallest change of the weights that makes another option first.

Additive model: for a challenger c the weight vectors under which c is (at
least jointly) first form a polytope {w >= 0, sum w = 1, sum_j w_j (v_cj - v_bj) >= 0
for every rival b}, so the nearest such vector to the current weights w0 in
the L1 or L-infinity norm is a linear program (solved through negotiator.solvers). An
infeasible program proves the challenger can never come first, whatever the
weights. This is the "minimum weight modification" analysis of Wolters and
Mareschal (1995), European Journal of Operational Research 81(2):281-290.

Other methods have no such program: the distance is found by a seeded search
of the weight simplex refined by bisection, an upper bound (``exact = False``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Sequence

import numpy as np

import negotiator.solvers as solvers
from negotiator.messages import Message
from negotiator.errors import Problem, UsageError
from negotiator.sensitivity._common import Progress, Provenance, Setup, prepare, search_note

__all__ = ["Flip", "FlipResult", "flip", "flip_setup", "solve_flip_lp", "NORMS"]

NORMS = ("l1", "linf")
#: Numerical search (non-additive methods): random weight vectors and bisection steps.
SEARCH_SAMPLES = 4000
SEARCH_SEED = 20260701
BISECTIONS = 40


@dataclass(frozen=True)
class Flip:
    challenger: str
    possible: bool  # False: no weight vector makes it first
    distance: float | None  # in the chosen norm
    weights: dict[str, float] | None  # the nearest weights that make it first
    changes: dict[str, float] | None  # weights - current weights (non-zero entries)
    ties_with: list[str] = field(default_factory=list)  # rivals level with it at those weights

    def to_dict(self) -> dict:
        return {"challenger": self.challenger, "possible": self.possible, "distance": self.distance, "weights": self.weights, "changes": self.changes, "ties_with": self.ties_with}


@dataclass(frozen=True)
class FlipResult:
    provenance: Provenance
    norm: str
    winner: str
    flips: list[Flip]  # nearest first; impossible flips last
    screened_out: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.provenance.to_dict(), "norm": self.norm, "winner": self.winner, "flips": [f.to_dict() for f in self.flips], "screened_out": self.screened_out, "warnings": self.warnings}


def _check_norm(norm: str) -> str:
    if norm not in NORMS:
        raise UsageError(Problem(Message("ps_unknown_norm", norm=norm), hint=Message("ps_unknown_norm_hint")))
    return norm


def solve_flip_lp(values: np.ndarray, w0: np.ndarray, challenger: int, norm: str = "l1") -> np.ndarray | None:
    """Nearest weights (L1 or L-inf) to w0 under which option ``challenger`` is at least jointly first.

    ``values`` is the (n, m) value matrix. Returns None when no weights can do it.
    """
    import pulp

    n, m = values.shape
    prob = pulp.LpProblem("flip", pulp.LpMinimize)
    w = [solvers.variable(prob, f"w{j}", lowBound=0) for j in range(m)]
    prob += pulp.lpSum(w) == 1
    for b in range(n):
        if b != challenger:
            diff = values[challenger] - values[b]
            prob += pulp.lpSum(float(diff[j]) * w[j] for j in range(m)) >= 0
    if norm == "l1":
        d = [solvers.variable(prob, f"d{j}", lowBound=0) for j in range(m)]
        for j in range(m):
            prob += d[j] >= w[j] - float(w0[j])
            prob += d[j] >= float(w0[j]) - w[j]
        prob += pulp.lpSum(d)
    else:
        z = solvers.variable(prob, "z", lowBound=0)
        for j in range(m):
            prob += z >= w[j] - float(w0[j])
            prob += z >= float(w0[j]) - w[j]
        prob += z
    status = prob.solve(solvers.make())
    if pulp.LpStatus[status] != "Optimal":
        return None
    out = np.array([max(0.0, w[j].value() or 0.0) for j in range(m)])
    return out / out.sum()


def _distance(w: np.ndarray, w0: np.ndarray, norm: str) -> float:
    d = np.abs(np.asarray(w) - w0)
    return float(d.sum() if norm == "l1" else d.max())


def _search_candidates(w0: np.ndarray) -> np.ndarray:
    """Seeded weight vectors spread over the simplex and concentrated near w0."""
    rng = np.random.default_rng(SEARCH_SEED)
    m = len(w0)
    spread = rng.dirichlet(np.ones(m), SEARCH_SAMPLES // 2)
    near = [rng.dirichlet(alpha * w0 + 0.05, SEARCH_SAMPLES // 8) for alpha in (10.0, 100.0, 1000.0, 10000.0)]
    return np.vstack([np.eye(m), spread, *near])


def _numeric_flip(setup: Setup, c: int, norm: str, candidates: np.ndarray, cand_scores: np.ndarray) -> np.ndarray | None:
    w0 = setup.w
    first = cand_scores[:, c] >= cand_scores.max(axis=1) - 1e-12
    if not first.any():
        return None
    dists = np.array([_distance(w, w0, norm) for w in candidates[first]])
    target = candidates[first][int(np.argmin(dists))]
    # Walk back towards w0 along the segment while c stays first.
    inside, outside = 1.0, 0.0
    for _ in range(BISECTIONS):
        mid = 0.5 * (inside + outside)
        s = setup.scores(w0 + mid * (target - w0))
        if s[c] >= s.max() - 1e-12:
            inside = mid
        else:
            outside = mid
    return w0 + inside * (target - w0)


def flip_setup(setup: Setup, norm: str = "l1", progress: Progress | None = None, challengers: Sequence[str] | None = None) -> FlipResult:
    """``challengers``: only these options (ids) are tried; default every option but the first."""
    norm = _check_norm(norm)
    w0 = setup.w
    scores0 = setup.scores(w0)
    winner = int(np.argmax(scores0))
    values = setup.matrix.values() if setup.additive else None
    candidates = cand_scores = None
    if not setup.additive:
        candidates = _search_candidates(w0)
        cand_scores = np.array([setup.scores(w) for w in candidates])
    flips = []
    wanted = set(setup.options) if challengers is None else set(challengers)
    challengers = [c for c in range(len(setup.options)) if c != winner and setup.options[c] in wanted]
    for done, c in enumerate(challengers):
        w = solve_flip_lp(values, w0, c, norm) if setup.additive else _numeric_flip(setup, c, norm, candidates, cand_scores)
        name = setup.options[c]
        if w is None:
            flips.append(Flip(name, False, None, None, None))
        else:
            s = setup.scores(w)
            ties = [setup.options[b] for b in range(len(s)) if b != c and abs(s[b] - s[c]) <= 1e-7]
            changes = {o: float(w[j] - w0[j]) for j, o in enumerate(setup.objectives) if abs(w[j] - w0[j]) > 1e-9}
            flips.append(Flip(name, True, _distance(w, w0, norm), {o: float(w[j]) for j, o in enumerate(setup.objectives)}, changes, ties))
        if progress:
            progress(done + 1, len(challengers))
    flips.sort(key=lambda f: (not f.possible, f.distance if f.possible else 0.0, f.challenger))
    warnings = list(setup.warnings)
    if not setup.additive:
        warnings.append(f"the {setup.method} method has no linear program: distances come from a seeded search of {len(candidates)} weight vectors and are upper bounds; 'never' means none was found")
    how = Message("how_flip_exact") if setup.additive else search_note(setup, Message("how_seeded_bisection", n=SEARCH_SAMPLES + len(w0)))
    return FlipResult(setup.provenance(Message("an_flip", norm=norm), how, exact=setup.additive), norm, setup.options[winner], flips, setup.screened_list(), warnings)


def flip(case=None, profile: str | None = None, method: str = "additive", norm: Literal["l1", "linf"] = "l1", weights=None, scenario: str | None = None, progress: Progress | None = None, challengers: Sequence[str] | None = None) -> FlipResult:
    """For each challenger (default: every option but the first), the nearest weights (L1 or L-inf) under which it comes first."""
    return flip_setup(prepare(case, profile, method, weights, scenario), norm, progress, challengers)
