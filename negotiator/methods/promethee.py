"""PROMETHEE II (Brans & Vincke 1985; Brans, Vincke & Mareschal 1986): net outranking flows.

For each objective j and pair (a, b), d = g_j(a) - g_j(b) (reversed for
less-is-better) and P_j(d) in [0, 1] is the objective's preference function;
pi(a, b) = sum_j w_j P_j(d); phi+(a) = sum_b pi(a, b) / (n - 1), phi-(a) =
sum_b pi(b, a) / (n - 1); the score is the net flow phi = phi+ - phi-.

Speed: the net flow is a sum over objectives of per-objective net flows, and
for the piecewise-linear functions (usual, ushape, vshape, level, linear)
those come exactly from the sorted scores and their prefix sums: counting
how many options lie more than p below, and summing the differences of those
between q and p, is a binary search each. That is O(m n log n), ties
included, with no loop over pairs. The gaussian function needs every pair
and is computed as an (n, n) array per objective. For few options (n <= 96)
one (n, n, m) array over all pairs and objectives is faster than sorting,
and is used instead; both give the same numbers (tests check each against
the pairwise definition).
"""

from __future__ import annotations

import numpy as np

from negotiator.methods import MethodResult, register, register_batch
from negotiator.methods._common import criterion_table, flat_warnings, sub_chunks
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["FUNCTIONS", "ramp_flows", "gaussian_flows", "net_flows", "promethee"]

FUNCTIONS = ("usual", "ushape", "vshape", "level", "linear", "gaussian")

#: Up to this many options, all pairs at once beat sorting (measured in benchmarks/bench_methods.py).
DENSE_UP_TO = 96


def ramp_flows(y: np.ndarray, q: float, p: float) -> tuple[np.ndarray, np.ndarray]:
    """(sum_b P(y_a - y_b), sum_b P(y_b - y_a)) for P(d) = clip((d - q) / (p - q), 0, 1), a step at q when p == q.

    P is 0 for d <= q and 1 for d > p. y is one objective's scores, more is better.
    """
    n = len(y)
    ys = np.sort(y)
    cs = np.concatenate(([0.0], np.cumsum(ys)))
    # Options that a beats fully (d > p) and those it loses to fully.
    beats_full = np.searchsorted(ys, y - p, side="left")
    loses_full = n - np.searchsorted(ys, y + p, side="right")
    plus, minus = beats_full.astype(float), loses_full.astype(float)
    if p > q:
        # q < y_a - y_b <= p: the ramp, summed from prefix sums.
        lo = beats_full
        hi = np.searchsorted(ys, y - q, side="left")
        plus += ((y - q) * (hi - lo) - (cs[hi] - cs[lo])) / (p - q)
        lo = np.searchsorted(ys, y + q, side="right")
        hi = np.searchsorted(ys, y + p, side="right")
        minus += ((cs[hi] - cs[lo]) - (y + q) * (hi - lo)) / (p - q)
    return plus, minus


def gaussian_flows(y: np.ndarray, s: float) -> tuple[np.ndarray, np.ndarray]:
    """Same sums for P(d) = 1 - exp(-d^2 / (2 s^2)) for d > 0 (needs every pair)."""
    d = y[:, None] - y[None, :]
    pref = np.where(d > 0, -np.expm1(-(d * d) / (2.0 * s * s)), 0.0)
    return pref.sum(axis=1), pref.sum(axis=0)


def _flows_one(y: np.ndarray, spec) -> tuple[np.ndarray, np.ndarray]:
    kind = "usual" if spec is None else spec.function
    if kind == "usual":
        return ramp_flows(y, 0.0, 0.0)
    if kind == "ushape":
        return ramp_flows(y, spec.q, spec.q)
    if kind == "vshape":
        return ramp_flows(y, 0.0, spec.p)
    if kind == "linear":
        return ramp_flows(y, spec.q, spec.p)
    if kind == "level":
        # Half preference between q and p, full above p: the mean of two steps.
        a_plus, a_minus = ramp_flows(y, spec.q, spec.q)
        b_plus, b_minus = ramp_flows(y, spec.p, spec.p)
        return 0.5 * (a_plus + b_plus), 0.5 * (a_minus + b_minus)
    if kind == "gaussian":
        return gaussian_flows(y, spec.s)
    raise UsageError(Problem(Message("me_promethee_function", kind=kind), hint=Message("err_use_one_of", choices=", ".join(FUNCTIONS))))


def _parameters(specs, m: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per objective: q, p of the ramp form, and masks for level and gaussian, and s."""
    q, p, s = np.zeros(m), np.zeros(m), np.ones(m)
    level, gauss = np.zeros(m, dtype=bool), np.zeros(m, dtype=bool)
    for j, spec in enumerate(specs):
        kind = "usual" if spec is None else spec.function
        if kind == "ushape":
            q[j] = p[j] = spec.q
        elif kind == "vshape":
            p[j] = spec.p
        elif kind in ("linear", "level"):
            q[j], p[j] = spec.q, spec.p
            level[j] = kind == "level"
        elif kind == "gaussian":
            gauss[j], s[j] = True, spec.s
        elif kind != "usual":
            raise UsageError(Problem(Message("me_promethee_function", kind=kind), hint=Message("err_use_one_of", choices=", ".join(FUNCTIONS))))
    return q, p, s, level, gauss


def _dense_flows(y: np.ndarray, specs) -> tuple[np.ndarray, np.ndarray]:
    """Per-objective sums (n, m) of P(y_a - y_b) over b, and of P(y_b - y_a), from all pairs at once.

    y may carry leading axes (a stack of draws, (S, n, m)): the sums are then (S, n, m).
    """
    m = y.shape[-1]
    q, p, s, level, gauss = _parameters(specs, m)
    d = y[..., :, None, :] - y[..., None, :, :]  # (..., n, n, m): d[a, b, j] = y_aj - y_bj
    ramp = p > q
    width = np.where(ramp, p - q, 1.0)
    pref = np.where(ramp, np.clip((d - q) / width, 0.0, 1.0), (d > q).astype(float))
    if level.any():
        pref[..., level] = 0.5 * ((d[..., level] > q[level]).astype(float) + (d[..., level] > p[level]))
    if gauss.any():
        dg = d[..., gauss]
        pref[..., gauss] = np.where(dg > 0, -np.expm1(-(dg * dg) / (2.0 * s[gauss] ** 2)), 0.0)
    return pref.sum(axis=-2), pref.sum(axis=-3)


def _dense_net_flows(y: np.ndarray, specs) -> np.ndarray:
    """Per-objective sums over b of P(y_a - y_b) - P(y_b - y_a), for a stack of draws y (S, n, m).

    The same numbers as _dense_flows' plus minus minus, computed per kind of preference
    function so that no objective pays for another's (SMAA calls this on millions of draws).
    """
    q, p, s, level, gauss = _parameters(specs, y.shape[-1])
    d = y[..., :, None, :] - y[..., None, :, :]  # (S, n, n, m): d[a, b, j] = y_aj - y_bj
    ramp = (p > q) & ~level & ~gauss
    step = ~ramp & ~level & ~gauss
    net = np.empty(y.shape)
    if step.all():
        return (d > q).sum(axis=-2) - (d < -q).sum(axis=-2)
    if step.any():
        ds, qs = d[..., step], q[step]
        net[..., step] = (ds > qs).sum(axis=-2) - (ds < -qs).sum(axis=-2)
    if ramp.any():
        dr, qr, width = d[..., ramp], q[ramp], p[ramp] - q[ramp]
        net[..., ramp] = (np.clip((dr - qr) / width, 0.0, 1.0) - np.clip((-dr - qr) / width, 0.0, 1.0)).sum(axis=-2)
    if level.any():
        dl, ql, pl = d[..., level], q[level], p[level]
        net[..., level] = 0.5 * (((dl > ql).astype(float) + (dl > pl)) - ((-dl > ql).astype(float) + (-dl > pl))).sum(axis=-2)
    if gauss.any():
        dg, sg = d[..., gauss], s[gauss]
        pref = -np.expm1(-(dg * dg) / (2.0 * sg**2))
        net[..., gauss] = (np.where(dg > 0, pref, 0.0) - np.where(dg < 0, pref, 0.0)).sum(axis=-2)
    return net


def net_flows(x: np.ndarray, weights: np.ndarray, maximise: np.ndarray, specs=None, algorithm: str = "auto") -> dict:
    """phi+, phi-, phi (n,) and the per-objective net flows (n, m) for raw scores x (n, m).

    algorithm: "sorted" (O(m n log n) except gaussian), "pairs" (all pairs at
    once, O(m n^2) memory) or "auto" (pairs up to DENSE_UP_TO options).
    """
    x = np.asarray(x, dtype=float)
    n, m = x.shape
    weights = np.asarray(weights, dtype=float)
    specs = list(specs) if specs else [None] * m
    scale = 1.0 / (n - 1) if n > 1 else 0.0
    y = np.where(maximise, x, -x)
    if algorithm == "pairs" or (algorithm == "auto" and n <= DENSE_UP_TO):
        plus_j, minus_j = _dense_flows(y, specs)
    else:
        plus_j, minus_j = np.empty((n, m)), np.empty((n, m))
        for j in range(m):
            plus_j[:, j], minus_j[:, j] = _flows_one(y[:, j], specs[j])
    plus = plus_j @ weights * scale
    minus = minus_j @ weights * scale
    return {"phi_plus": plus, "phi_minus": minus, "phi": plus - minus, "by_objective": (plus_j - minus_j) * scale}


def _specs(matrix, preference: str | None):
    """The case's preference functions, or the usual criterion everywhere when preference='usual'."""
    m = len(matrix.objectives)
    if preference is None or preference == "case":
        return list(getattr(matrix, "promethee", ()) or [None] * m)
    if preference == "usual":
        return [None] * m
    raise UsageError(Problem(Message("me_promethee_every", preference=preference), hint=Message("me_promethee_every_hint")))


@register("promethee", "PROMETHEE II (Brans & Vincke 1985): net flow phi in [-1, 1]; per-objective preference functions and thresholds from the case (objectives.<id>.promethee), usual criterion otherwise; ties give no preference")
def promethee(matrix, weights: np.ndarray, preference: str | None = None, **_) -> MethodResult:
    x, maximise = criterion_table(matrix)
    flows = net_flows(x, weights, maximise, _specs(matrix, preference))
    details = {k: v for k, v in flows.items() if k != "phi"}  # arrays
    details["functions"] = [getattr(s, "function", "usual") if s is not None else "usual" for s in _specs(matrix, preference)]
    details["warnings"] = flat_warnings(matrix, x, "promethee")
    return MethodResult(scores=flows["phi"], score_name="net flow phi (PROMETHEE II)", details=details)


@register_batch("promethee")
def promethee_batch(matrix, x: np.ndarray, maximise: np.ndarray, weights: np.ndarray, preference: str | None = None, **_) -> np.ndarray:
    """Net flows phi (S, n) for S weight vectors at once; x (n, m) shared or (S, n, m) per draw.

    With shared scores the per-objective flows do not depend on the weights, so phi is one
    matrix product. With drawn scores each draw needs its own pair table (all pairs at once,
    in slices of draws that keep memory small; draw by draw above DENSE_UP_TO options).
    """
    x = np.asarray(x, dtype=float)
    specs = _specs(matrix, preference)
    weights = np.asarray(weights, dtype=float)
    if x.ndim == 2:
        return weights @ net_flows(x, np.zeros(x.shape[1]), maximise, specs)["by_objective"].T
    size, n, m = x.shape
    scale = 1.0 / (n - 1) if n > 1 else 0.0
    y = np.where(maximise, x, -x)
    out = np.empty((size, n))
    if n > DENSE_UP_TO:
        for k in range(size):
            out[k] = net_flows(x[k], weights[k], maximise, specs)["phi"]
        return out
    for part in sub_chunks(size, n * n * m):
        out[part] = np.einsum("snm,sm->sn", _dense_net_flows(y[part], specs), weights[part]) * scale
    return out
