"""Random weights and scores: the one sampler that SMAA and the portfolio core both draw from.

Every function takes a seeded ``numpy.random.Generator`` (``numpy.random.default_rng``) and
draws from it in a fixed order, so the same seed gives the same numbers.

Weights (rows on the simplex, objectives in case order):

- ``uniform_simplex``: nothing known, uniform on the simplex;
- ``ordered_weights``: an order of importance, uniform on {w_1 >= w_2 >= ...};
- ``weights_in_box``: intervals, uniform on the simplex within [low, high] per objective;
  ``spread_box`` builds the box of a ``--spread``: each weight within +/- that share of the
  profile's weight. ``box_vertices`` and ``order_vertices`` are the extreme points of those sets.

Scores: ``triangular_inverse_cdf`` (quantiles of the triangular distribution on [low, likely,
high]) and ``triangular`` (one draw of every score; point scores stay put).
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = [
    "MIN_ACCEPTANCE",
    "MAX_BOX_VERTEX_OBJECTIVES",
    "uniform_simplex",
    "order_weights_from_simplex",
    "order_groups",
    "ordered_weights",
    "order_vertices",
    "check_spread",
    "spread_box",
    "weights_in_box",
    "box_vertices",
    "triangular_inverse_cdf",
    "triangular",
]

#: Rejection sampling within weight intervals gives up below this acceptance rate.
MIN_ACCEPTANCE = 1e-3
#: Above this many free weights the box has too many extreme points to list (k * 2^(k-1) candidates).
MAX_BOX_VERTEX_OBJECTIVES = 12


# -- weights -------------------------------------------------------------------


def uniform_simplex(rng: np.random.Generator, size: int, m: int) -> np.ndarray:
    """(size, m) uniform points of the simplex: normalised standard exponentials."""
    e = rng.standard_exponential((size, m))
    e /= e.sum(axis=1, keepdims=True)  # in place: one temporary fewer per SMAA chunk, the same numbers
    return e


def order_weights_from_simplex(lam: np.ndarray) -> np.ndarray:
    """Map uniform points of the simplex onto uniform points of {w_1 >= w_2 >= ... >= w_p}.

    The ordered region is the simplex whose vertices are (1,0,..), (1/2,1/2,0,..),
    ..., (1/p,...,1/p); a linear map keeps uniformity, so w_q = sum_{k >= q} lam_k / k.
    Its centroid is the rank-order-centroid weight vector (Barron and Barrett 1996).
    """
    p = lam.shape[-1]
    scaled = lam / np.arange(1, p + 1)
    return np.cumsum(scaled[..., ::-1], axis=-1)[..., ::-1]


def order_groups(objectives, order) -> np.ndarray:
    """Importance group of each objective for an order of importance (a list of ids): its place
    in the list, -1 (weight 0) for objectives the list leaves out."""
    objectives = list(objectives)
    groups = np.full(len(objectives), -1)
    for pos, obj in enumerate(order):
        groups[objectives.index(obj)] = pos
    return groups


def ordered_weights(groups: np.ndarray, rng: np.random.Generator, size: int) -> np.ndarray:
    """(size, m) weights uniform on the ordered simplex of ``groups`` (0 = most important, -1 = weight 0).

    Objectives sharing a group are tied: which of them takes which of the group's values is random.
    """
    active = np.flatnonzero(groups >= 0)
    p = len(active)
    ordered = order_weights_from_simplex(uniform_simplex(rng, size, p))  # (size, p), decreasing
    w = np.zeros((size, len(groups)))
    g = groups[active]
    if len(np.unique(g)) == p:
        w[:, active[np.argsort(g, kind="stable")]] = ordered
        return w
    keys = g[None, :] + rng.random((size, p))
    slots = np.argsort(keys, axis=1)  # per draw: the active objectives from most to least important
    np.put_along_axis(w, active[slots], ordered, axis=1)
    return w


def order_vertices(groups: np.ndarray) -> np.ndarray:
    """Extreme points of a strict order of importance: 1/j on the j most important, 0 elsewhere."""
    active = np.flatnonzero(groups >= 0)
    ranked = active[np.argsort(groups[active], kind="stable")]
    points = np.zeros((len(ranked), len(groups)))
    for j in range(1, len(ranked) + 1):
        points[j - 1, ranked[:j]] = 1.0 / j
    return points


def check_spread(spread: float) -> float:
    """A ``--spread`` is a share of each weight from 0 to 1; a UsageError otherwise."""
    if not (math.isfinite(spread) and 0 <= spread <= 1):
        raise UsageError(Problem(Message("pm_spread", spread=spread), hint=Message("pm_spread_hint")))
    return spread


def spread_box(centre: np.ndarray, spread: float) -> tuple[np.ndarray, np.ndarray]:
    """(low, high): each weight within +/- ``spread`` as a share of itself, clipped to [0, 1]."""
    check_spread(spread)
    return np.clip(centre * (1 - spread), 0, 1), np.clip(centre * (1 + spread), 0, 1)


def weights_in_box(low: np.ndarray, high: np.ndarray, rng: np.random.Generator, size: int) -> tuple[np.ndarray, int]:
    """(size, m) exact uniform draws on {low <= w <= high, sum w = 1}, and the candidates drawn.

    By rejection from {w >= low, sum w = 1}. A weight whose interval has no width (a zero
    weight in the profile) is pinned at its value and the others share the free mass: a
    draw could never land exactly on it. Without free mass (--spread 0) the set is the one
    point ``low``, which plain rejection returns to within 1e-15, as it always did.
    """
    m = len(low)
    free = 1.0 - low.sum()
    pinned = high <= low
    if pinned.any() and free > 1e-12:
        return _weights_with_pins(low, high, pinned, rng, size)
    kept, have, drawn = [], 0, 0
    while have < size:
        w = low + free * uniform_simplex(rng, size, m)
        ok = w[np.all(w <= high + 1e-15, axis=1)]
        drawn += size
        kept.append(ok[: size - have])
        have += len(kept[-1])
        if drawn >= size * 50 and have < drawn * MIN_ACCEPTANCE:
            raise UsageError(Problem(Message("pm_too_little_room", have=have, drawn=drawn), hint=Message("pm_widen_hint")))
    return np.vstack(kept), drawn


def _weights_with_pins(low, high, pinned, rng, size) -> tuple[np.ndarray, int]:
    out = np.broadcast_to(low, (size, len(low))).copy()
    loose = np.flatnonzero(~pinned)
    if len(loose):
        sub_low, sub_high = low[loose], high[loose]
        # The loose weights share what the pinned ones leave: draw them on that smaller simplex.
        total = 1.0 - low[pinned].sum()
        if total <= 0:
            raise UsageError(Problem(Message("pm_pinned"), hint=Message("pm_widen_hint")))
        w, drawn = weights_in_box(sub_low / total, sub_high / total, rng, size)
        out[:, loose] = w * total
        return out, drawn
    return out, size


def box_vertices(low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Extreme points of {low <= w <= high, sum w = 1} (rows), empty when there are too many to list.

    At a vertex every weight but at most one sits on an end of its interval; that one takes
    what is left. So: each weight in turn is the one left over, the others at either end.
    """
    m = len(low)
    loose = np.flatnonzero(high > low)
    if len(loose) > MAX_BOX_VERTEX_OBJECTIVES:
        return np.empty((0, m))
    if len(loose) == 0:
        return low[None, :].copy()
    found = []
    for j in loose:
        others = [k for k in loose if k != j]
        for ends in itertools.product((0, 1), repeat=len(others)):
            w = low.copy()
            for k, e in zip(others, ends):
                w[k] = high[k] if e else low[k]
            w[j] = 0.0
            w[j] = 1.0 - w.sum()
            if low[j] - 1e-12 <= w[j] <= high[j] + 1e-12:
                found.append(w)
    if not found:
        return np.empty((0, m))
    return np.unique(np.round(np.array(found), 15), axis=0)


# -- scores --------------------------------------------------------------------


def triangular_inverse_cdf(u: np.ndarray, low: np.ndarray, mode: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Triangular(low, mode, high) quantiles of uniforms u (vectorised over the last axis; low < high).

    x = low + sqrt(u (high - low)(mode - low))            when u < (mode - low)/(high - low)
    x = high - sqrt((1 - u)(high - low)(high - mode))     otherwise
    Both branches are computed in place and blended, which is faster than np.where.
    """
    width = high - low
    left = u < (mode - low) / width
    a = u * (width * (mode - low))
    np.sqrt(a, out=a)
    a += low
    b = 1.0 - u
    b *= width * (high - mode)
    np.sqrt(b, out=b)
    np.subtract(high, b, out=b)
    a -= b
    a *= left
    a += b
    return a


def triangular(low: np.ndarray, mode: np.ndarray, high: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One draw of every score: triangular on [low, mode, high]; a point score (no range) stays put.

    One uniform per cell, ranged or not, so a cell's draw does not depend on which others have ranges.
    """
    u = rng.random(np.shape(low))
    out = np.array(np.broadcast_to(mode, np.shape(low)), dtype=float)
    ranged = high > low
    if ranged.any():
        out[ranged] = triangular_inverse_cdf(u[ranged], low[ranged], mode[ranged], high[ranged])
    return out
