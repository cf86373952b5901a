"""What would it take? Exact pairwise weight answers for the additive value model.

For two options A (ahead) and B (behind) with values v_A, v_B in [0, 1] per
objective and normalised weights w, B's shortfall is

    D(w) = sum_j w_j * d_j,   d_j = v_B,j - v_A,j      (D < 0 while A is ahead).

Two exact answers are given, both in weight units:

* **one objective at a time** — the weight an objective must reach, the others
  rescaled in proportion so the weights still sum to 1 (exactly what the UI's
  Weights view does when you move one weight). With t the new weight of k,
  D(t) = R + t (d_k - R) where R = sum_{j != k} w_j d_j / (1 - w_k), so the tie
  is at t* = R / (R - d_k) when t* lies in [0, 1] (a one-way sensitivity
  breakpoint, e.g. Triantaphyllou 2000, *Multi-criteria decision making
  methods*, ch. 8);
* **the cheapest shift** — the smallest total change sum_j |w'_j - w_j| over
  all weight vectors (L1 distance on the simplex) that brings B level with A.
  Moving mass e from objective j to objective k changes D by e (d_k - d_j), so
  the optimum gives to the objective where B is best relative to A and takes
  from those where B is worst first, a fractional knapsack solved greedily
  (the LP has one constraint besides the simplex, so greedy is optimal).

Both report the tie point: any step beyond it puts B ahead. No I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["TOLERANCE", "OneWeightChange", "WeightShift", "WhatIf", "Comparison", "set_one_weight", "what_would_it_take", "pairwise_what_if", "compare_options", "nudge_weight", "rank_moves"]

#: Score gaps and weight changes closer to zero than this count as zero.
TOLERANCE = 1e-12


def set_one_weight(weights: Mapping[str, float], objective: str, value: float) -> dict[str, float]:
    """Give ``objective`` the normalised weight ``value`` and rescale the others in proportion.

    The others keep their ratios and share 1 - value. When they all weigh 0
    (the objective held everything) they share it equally, so lowering a
    sole weight still leaves a valid profile.
    """
    if objective not in weights:
        raise UsageError(Problem(Message("err_unknown_objective", objective=objective), hint=Message("err_use_one_of", choices=", ".join(weights))))
    value = float(value)
    if not 0.0 <= value <= 1.0:
        raise UsageError(Problem(Message("pr_weight_range", value=value), hint=Message("pr_weight_range_hint")))
    total = float(sum(weights.values()))
    if total <= 0:
        raise UsageError(Problem(Message("pr_weights_zero"), hint=Message("pr_weights_zero_hint")))
    others = {k: float(v) / total for k, v in weights.items() if k != objective}
    rest = sum(others.values())
    if not others:
        return {objective: 1.0}
    if rest <= TOLERANCE:
        share = (1.0 - value) / len(others)
        scaled = {k: share for k in others}
    else:
        scaled = {k: v * (1.0 - value) / rest for k, v in others.items()}
    return {k: (value if k == objective else scaled[k]) for k in weights}


@dataclass(frozen=True)
class OneWeightChange:
    """Move one objective's weight to ``needed`` (others rescaled) and the two options tie."""

    objective: str
    current: float
    needed: float
    upward: bool  # True: weights above `needed` put the behind option ahead (below, when False)

    @property
    def change(self) -> float:
        return self.needed - self.current

    @property
    def direction(self) -> str:
        return "raise" if self.upward else "lower"


@dataclass(frozen=True)
class WeightShift:
    """The smallest L1 change of the whole weight vector that brings the two level."""

    moves: dict[str, float]  # objective -> change of its normalised weight (sums to 0)
    new_weights: dict[str, float]

    @property
    def distance(self) -> float:
        return float(sum(abs(v) for v in self.moves.values()))


@dataclass(frozen=True)
class WhatIf:
    ahead: str
    behind: str
    gap: float  # score of ahead minus score of behind, >= 0
    possible: bool  # False: no weights at all put `behind` ahead
    one_weight: list[OneWeightChange] = field(default_factory=list)  # smallest change first
    cheapest: WeightShift | None = None
    reason: Message | None = None  # why it is impossible: wi_nowhere_better, or wi_at_best_tie (weights can at most tie them)

    @property
    def best_single(self) -> OneWeightChange | None:
        return self.one_weight[0] if self.one_weight else None


def _single_changes(d: np.ndarray, w: np.ndarray, objectives: Sequence[str]) -> list[OneWeightChange]:
    out = []
    total = float(w @ d)
    m = len(w)
    for k in range(m):
        rest = 1.0 - w[k]
        if m == 1:
            continue
        if rest <= TOLERANCE:
            r = float(np.delete(d, k).mean())  # set_one_weight shares equally then
        else:
            r = (total - w[k] * d[k]) / rest
        slope = d[k] - r
        if abs(slope) <= TOLERANCE:
            continue  # moving this weight leaves the gap unchanged
        t = r / (r - d[k])
        if -TOLERANCE <= t <= 1.0 + TOLERANCE:
            out.append(OneWeightChange(objectives[k], float(w[k]), float(min(max(t, 0.0), 1.0)), upward=bool(slope > 0)))
    out.sort(key=lambda c: (abs(c.change), c.objective))
    return out


def _cheapest_shift(d: np.ndarray, w: np.ndarray, objectives: Sequence[str], need: float) -> WeightShift | None:
    """Greedy fractional knapsack: give to argmax d, take from the smallest d first."""
    k = int(np.argmax(d))
    moves = np.zeros_like(w)
    if need <= TOLERANCE:
        return WeightShift({o: 0.0 for o in objectives}, dict(zip(objectives, map(float, w))))
    for j in np.argsort(d, kind="stable"):
        gain_per_unit = d[k] - d[j]
        if j == k or gain_per_unit <= TOLERANCE or w[j] <= 0:
            continue
        take = min(float(w[j]), need / gain_per_unit)
        moves[j] -= take
        moves[k] += take
        need -= take * gain_per_unit
        if need <= TOLERANCE:
            new = w + moves
            return WeightShift(dict(zip(objectives, map(float, moves))), dict(zip(objectives, map(float, new))))
    return None


def what_would_it_take(values_a, values_b, weights: Mapping[str, float], ahead: str = "A", behind: str = "B") -> WhatIf:
    """Exact answers for B to draw level with A under the additive model.

    ``values_a``/``values_b`` map objective -> value in [0, 1] (or are arrays in
    the order of ``weights``); ``weights`` are normalised here.
    """
    objectives = list(weights)
    w = np.array([float(weights[o]) for o in objectives])
    if w.sum() <= 0:
        raise UsageError(Problem(Message("pr_weights_zero"), hint=Message("pr_weights_zero_hint")))
    w = w / w.sum()
    va = np.array([values_a[o] for o in objectives] if isinstance(values_a, Mapping) else values_a, dtype=float)
    vb = np.array([values_b[o] for o in objectives] if isinstance(values_b, Mapping) else values_b, dtype=float)
    d = vb - va
    gap = float(-(w @ d))
    if gap < -TOLERANCE:
        raise UsageError(Problem(Message("pr_already_ahead", behind=behind, ahead=ahead, gap=-gap), hint=Message("pr_already_ahead_hint")))
    gap = max(gap, 0.0)
    if d.max() <= TOLERANCE:
        why = Message("wi_nowhere_better" if d.max() < -TOLERANCE else "wi_at_best_tie", behind=behind, ahead=ahead)
        return WhatIf(ahead, behind, gap, possible=False, reason=why)
    return WhatIf(ahead, behind, gap, possible=True, one_weight=_single_changes(d, w, objectives), cheapest=_cheapest_shift(d, w, objectives, gap))


def pairwise_what_if(loaded, ahead: str, behind: str, weights: Mapping[str, float], scenario: str | None = None) -> WhatIf:
    """The answers for two options of a loaded case (values from the case's value functions)."""
    from negotiator.model.matrix import build_matrix
    from negotiator.model.weights import normalise

    case = loaded.case
    for oid in (ahead, behind):
        if oid not in case.options:
            raise UsageError(Problem(Message("err_unknown_option", option=oid), hint=Message("err_use_one_of", choices=", ".join(case.options))))
    w = normalise(weights, list(case.objectives))
    matrix = build_matrix(case, scenario)
    values = matrix.values()
    va = dict(zip(matrix.objectives, values[matrix.index(ahead)]))
    vb = dict(zip(matrix.objectives, values[matrix.index(behind)]))
    return what_would_it_take(va, vb, w, ahead, behind)


@dataclass(frozen=True)
class Comparison:
    """Options side by side under the additive value model, objective by objective.

    ``difference[o][obj]`` is option o's weighted contribution minus the first
    option's, so each column of differences sums to the gap in overall value.
    """

    options: list[str]
    objectives: list[str]
    weights: dict[str, float]
    likely: dict[str, dict[str, float]]  # option -> objective -> likely score
    values: dict[str, dict[str, float]]  # option -> objective -> value in [0, 1]
    contributions: dict[str, dict[str, float]]  # option -> objective -> weight * value
    difference: dict[str, dict[str, float]]  # option -> objective -> contribution minus the first option's
    total: dict[str, float]  # option -> overall additive value
    total_difference: dict[str, float]  # option -> total minus the first option's total


def compare_options(loaded, options: Sequence[str], weights: Mapping[str, float], scenario: str | None = None) -> Comparison:
    """The numbers behind the Compare view (and any side-by-side table)."""
    from negotiator.model.matrix import build_matrix
    from negotiator.methods.additive import additive_scores
    from negotiator.model.weights import normalise

    case = loaded.case
    if not options:
        raise UsageError(Problem(Message("pr_no_options")))
    for oid in options:
        if oid not in case.options:
            raise UsageError(Problem(Message("err_unknown_option", option=oid), hint=Message("err_use_one_of", choices=", ".join(case.options))))
    w = normalise(weights, list(case.objectives))
    matrix = build_matrix(case, scenario)
    rows = [matrix.index(o) for o in options]
    values = matrix.values()[rows]
    wvec = np.array([w[o] for o in matrix.objectives])
    scores, contrib = additive_scores(values, wvec)
    objs = list(matrix.objectives)

    def per_obj(arr):
        return {o: dict(zip(objs, map(float, arr[i]))) for i, o in enumerate(options)}

    diff = contrib - contrib[0]
    return Comparison(
        options=list(options),
        objectives=objs,
        weights=w,
        likely=per_obj(matrix.likely[rows]),
        values=per_obj(values),
        contributions=per_obj(contrib),
        difference=per_obj(diff),
        total=dict(zip(options, map(float, scores))),
        total_difference=dict(zip(options, map(float, scores - scores[0]))),
    )


def nudge_weight(weights: Mapping[str, float], objective: str, step: float) -> dict[str, float]:
    """Move one normalised weight by ``step``, kept within [0, 1], the others rescaled (arrow keys)."""
    total = float(sum(weights.values()))
    current = float(weights[objective]) / total if total > 0 else 0.0
    return set_one_weight(weights, objective, min(max(current + step, 0.0), 1.0))


def rank_moves(before, after) -> dict[str, int | None]:
    """Places each option gained (+) or lost (-) from one Ranking to another; None when new."""
    old = {row.option: row.rank for row in before.rows} if before is not None else {}
    return {row.option: (old[row.option] - row.rank if row.option in old else None) for row in after.rows}
