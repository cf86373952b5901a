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

from . import MethodResult, register
from ._common import criterion_table, flat_warnings
from ..errors import Problem, UsageError

__all__ = ["vikor_scores", "compromise", "vikor"]


def _spread(values: np.ndarray) -> np.ndarray:
    low, high = values.min(), values.max()
    if high - low <= 0:
        return np.zeros_like(values)
    return (values - low) / (high - low)


def vikor_scores(x: np.ndarray, weights: np.ndarray, maximise: np.ndarray, v: float = 0.5) -> dict:
    """S, R, Q (n,) for raw scores x (n, m); objectives where all options tie add 0."""
    if not 0.0 <= v <= 1.0 or isinstance(v, bool):
        raise UsageError(Problem(f"VIKOR's v must lie in [0, 1] (weight of group utility against individual regret), got {v}", hint="the usual choice is --vikor-v 0.5"))
    x = np.asarray(x, dtype=float)
    best = np.where(maximise, x.max(axis=0), x.min(axis=0))
    worst = np.where(maximise, x.min(axis=0), x.max(axis=0))
    gap = best - worst
    regret = np.divide(best - x, gap, out=np.zeros_like(x), where=gap != 0) * np.asarray(weights, dtype=float)
    s = regret.sum(axis=1)
    r = regret.max(axis=1) if x.shape[1] else np.zeros(x.shape[0])
    q = v * _spread(s) + (1.0 - v) * _spread(r)
    return {"S": s, "R": r, "Q": q}


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
    first = order[0]
    advantage = bool(q[order[1]] - q[first] >= dq - 1e-12)
    stability = bool(s[first] <= s.min() + 1e-12 or r[first] <= r.min() + 1e-12)
    if not advantage:
        chosen = [int(i) for i in order if q[i] - q[first] < dq - 1e-12]
    elif not stability:
        chosen = [int(order[0]), int(order[1])]
    else:
        chosen = [int(first)]
    return {"advantage": advantage, "stability": stability, "set": chosen}


@register("vikor", "VIKOR (Opricovic & Tzeng 2004): ranks by Q (0 = best), shown as 1 - Q; linear normalisation between best and worst option; --vikor-v sets v (default 0.5)")
def vikor(matrix, weights: np.ndarray, v: float = 0.5, **_) -> MethodResult:
    x, maximise = criterion_table(matrix)
    parts = vikor_scores(x, weights, maximise, v)
    comp = compromise(parts["S"], parts["R"], parts["Q"])
    details = {k: val.tolist() for k, val in parts.items()}
    details.update(v=v, compromise_set=[matrix.options[i] for i in comp["set"]], acceptable_advantage=comp["advantage"], acceptable_stability=comp["stability"], warnings=flat_warnings(matrix, x, "vikor"))
    return MethodResult(scores=1.0 - parts["Q"], score_name="1 - Q (VIKOR; Q 0 = best)", details=details)
