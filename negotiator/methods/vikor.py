"""VIKOR (Opricovic 1998; Opricovic & Tzeng 2004): compromise ranking by Q.

With f*_j the best and f-_j the worst score of objective j among the options:
S_i = sum_j w_j (f*_j - f_ij) / (f*_j - f-_j) (group utility), R_i = max_j of the
same terms (individual regret), Q_i = v (S_i - S*) / (S- - S*) + (1 - v)
(R_i - R*) / (R- - R*). Lower Q is better; this module's score is 1 - Q so
that, like every method here, higher is better (the details keep S, R, Q and
the compromise test of conditions C1 and C2).
"""

from __future__ import annotations

import numpy as np

from negotiator.methods import MethodResult, register, register_batch
from negotiator.methods._common import batch_weights, criterion_table, flat_warnings
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["vikor_scores", "compromise", "vikor"]


def _spread(values: np.ndarray) -> np.ndarray:
    """(values - min) / (max - min); all zero when every value is the same."""
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.zeros_like(values)


def vikor_scores(x: np.ndarray, weights: np.ndarray, maximise: np.ndarray, v: float = 0.5) -> dict:
    """S, R, Q (n,) for raw scores x (n, m); objectives where all options tie add 0."""
    if isinstance(v, bool) or not 0.0 <= v <= 1.0:
        raise UsageError(Problem(Message("me_vikor_v", v=v), hint=Message("me_vikor_v_hint")))
    x = np.asarray(x, dtype=float)
    xmax, xmin = x.max(axis=0), x.min(axis=0)
    span = xmax - xmin
    flat = span == 0
    # w_j (f*_j - f_ij) / (f*_j - f-_j) = (x_ij - best_j) * (-w_j / span_j) for more-is-better,
    # (x_ij - best_j) * (+w_j / span_j) for less-is-better: one subtraction and one scaling.
    best = np.where(maximise, xmax, xmin)
    # A flat objective: the difference is 0 for everyone, and 0 / inf keeps it 0.
    factor = np.where(maximise, -1.0, 1.0) * np.asarray(weights, dtype=float) / np.where(flat, np.inf, span)
    regret = x - best
    regret *= factor
    s = regret.sum(axis=1)
    r = regret.max(axis=1) if x.shape[1] else np.zeros(x.shape[0])
    q = v * _spread(s) + (1.0 - v) * _spread(r)
    return {"S": s, "R": r, "Q": q, "flat": flat}


def compromise(s: np.ndarray, r: np.ndarray, q: np.ndarray) -> dict:
    """Opricovic & Tzeng's (2004) test of the best-by-Q option: C1 acceptable advantage
    Q(a2) - Q(a1) >= 1 / (n - 1); C2 acceptable stability (a1 also best by S or R).
    The compromise set is a1 alone, a1 and a2 (C2 fails), or every option whose Q
    is within 1 / (n - 1) of a1's (C1 fails)."""
    n = len(q)
    order = np.argsort(q, kind="stable")
    if n < 2:
        return {"advantage": True, "stability": True, "set": order.tolist()}
    dq = 1.0 / (n - 1)
    first, second = int(order[0]), int(order[1])
    q_first = float(q[first])
    advantage = float(q[second]) - q_first >= dq - 1e-12
    stability = bool(s[first] <= s.min() + 1e-12 or r[first] <= r.min() + 1e-12)
    if not advantage:
        chosen = [int(i) for i in order[q[order] - q_first < dq - 1e-12]]
    elif not stability:
        chosen = [first, second]
    else:
        chosen = [first]
    return {"advantage": advantage, "stability": stability, "set": chosen}


@register("vikor", "VIKOR (Opricovic & Tzeng 2004): ranks by Q (0 = best), shown as 1 - Q; linear normalisation between best and worst option; --vikor-v sets v (default 0.5)")
def vikor(matrix, weights: np.ndarray, v: float = 0.5, **_) -> MethodResult:
    x, maximise = criterion_table(matrix)
    parts = vikor_scores(x, weights, maximise, v)
    flat = parts.pop("flat")
    comp = compromise(parts["S"], parts["R"], parts["Q"])
    details = dict(parts)  # arrays S, R, Q
    chosen = [matrix.options[i] for i in comp["set"]]
    details.update(v=v, compromise_set=chosen, acceptable_advantage=comp["advantage"], acceptable_stability=comp["stability"], warnings=flat_warnings(matrix, x, "vikor", flat))
    yes_no = {True: "holds", False: "fails"}
    details["findings"] = [
        f"VIKOR compromise set: {', '.join(chosen)} (C1 acceptable advantage {yes_no[comp['advantage']]}, C2 acceptable stability {yes_no[comp['stability']]}; v = {v:g})"
    ]
    return MethodResult(scores=1.0 - parts["Q"], score_name="1 - Q (VIKOR; Q 0 = best)", details=details)


def _spread_rows(values: np.ndarray) -> np.ndarray:
    """_spread along the last axis, row by row."""
    low, high = values.min(axis=-1, keepdims=True), values.max(axis=-1, keepdims=True)
    width = high - low
    return np.divide(values - low, width, out=np.zeros_like(values), where=width > 0)


@register_batch("vikor")
def vikor_batch(matrix, x: np.ndarray, maximise: np.ndarray, weights: np.ndarray, v: float = 0.5, **_) -> np.ndarray:
    """1 - Q (S, n) for S weight vectors at once; x (n, m) shared or (S, n, m) per draw (see vikor_scores)."""
    if isinstance(v, bool) or not 0.0 <= v <= 1.0:
        raise UsageError(Problem(Message("me_vikor_v", v=v), hint=Message("me_vikor_v_hint")))
    x = np.asarray(x, dtype=float)
    xmax, xmin = x.max(axis=-2, keepdims=True), x.min(axis=-2, keepdims=True)
    span = xmax - xmin
    factor = np.where(maximise, -1.0, 1.0) * batch_weights(weights, x) / np.where(span == 0, np.inf, span)
    regret = (x - np.where(maximise, xmax, xmin)) * factor
    s = regret.sum(axis=-1)
    r = regret.max(axis=-1) if x.shape[-1] else np.zeros_like(s)
    return 1.0 - (v * _spread_rows(s) + (1.0 - v) * _spread_rows(r))
