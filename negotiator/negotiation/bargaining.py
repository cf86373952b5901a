"""Bargaining solutions over a finite set of utility pairs, relative to walk-away values.

Two readings of "the set of possible agreements":

* discrete: only the packages themselves (what a treaty text can say). The
  Nash solution maximises the product of gains over the walk-away values
  (Nash 1950); the Kalai-Smorodinsky solution maximises the smaller of the two
  gains measured as a share of each side's largest possible gain (Kalai &
  Smorodinsky 1975; on a finite set this maximin-share form is the usual
  discrete analogue, and it coincides with the ray construction whenever a
  package lies on the ray).
* hull (lotteries): any probability mix of packages, i.e. the convex hull,
  with free disposal. This is the setting of both original papers; the
  solution may be a mix of two adjacent frontier packages. It is reported as a
  benchmark for how much the discreteness of the agenda costs, not as advice
  to sign a lottery.

Four rules: Nash (max product of gains), Kalai-Smorodinsky (max smaller share
of the ideal gain), egalitarian (Kalai 1977: max smaller gain) and utilitarian
(max sum). Only agreements at least as good as the walk-away value for both
(the zone of possible agreement) qualify. Every maximiser is listed
(``*_all``); the one named first is the one with the larger sum of shares of
the largest possible gains, then the first in the order given (best for party
1 first).

Two ideal points: the best each side gets over the *packages* in the zone
(``ideal_point``), and over the *lotteries* in the zone (``hull_ideal``, the
convex hull clipped to the zone). They differ when a side's best package in the
zone is outside it only for want of a mix (Nash's Bill and Jack: (18, 8) vs
(18, 17/2) in gains).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

__all__ = [
    "TOL", "HullSolution", "in_zone", "nash_discrete", "ks_discrete", "upper_hull", "nash_on_hull", "ks_on_hull", "ideal_point",
    "hull_ideal", "discrete_maximisers", "egalitarian_on_hull", "utilitarian_on_hull", "beaten_by_lottery", "DISCRETE_RULES",
]

TOL = 1e-9

Point = tuple[float, float]


@dataclass(frozen=True)
class HullSolution:
    """A point of the hull: utilities, and the lottery of (at most two) given points that reaches it."""

    utilities: Point
    #: ((index into the given points, probability), ...); probabilities sum to 1.
    lottery: tuple[tuple[int, float], ...]


def in_zone(u: Sequence[float], d: Sequence[float], tol: float = TOL) -> bool:
    """At least as good as the walk-away value for both parties."""
    return u[0] >= d[0] - tol and u[1] >= d[1] - tol


def ideal_point(points: Sequence[Point], d: Point) -> Point | None:
    """Each party's best utility over the points in the zone (None when the zone is empty)."""
    zone = [u for u in points if in_zone(u, d)]
    if not zone:
        return None
    return (max(u[0] for u in zone), max(u[1] for u in zone))


def _shares(u: Point, d: Point, ideal: Point) -> tuple[float, float]:
    out = []
    for p in range(2):
        span = ideal[p] - d[p]
        # A party that cannot gain anything in the zone is as well off as it can be.
        out.append(1.0 if span <= TOL else (u[p] - d[p]) / span)
    return out[0], out[1]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= TOL * max(1.0, abs(a), abs(b))


def _rule_key(rule: str, d: Point, ideal: Point):
    if rule == "nash":
        return lambda u: max(u[0] - d[0], 0.0) * max(u[1] - d[1], 0.0)
    if rule == "kalai_smorodinsky":
        return lambda u: min(_shares(u, d, ideal))
    if rule == "egalitarian":
        return lambda u: min(u[0] - d[0], u[1] - d[1])
    if rule == "utilitarian":
        return lambda u: (u[0] - d[0]) + (u[1] - d[1])
    raise ValueError(rule)


#: The rules a finite set of packages can be solved for.
DISCRETE_RULES = ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian")


def discrete_maximisers(points: Sequence[Point], d: Point, rule: str, ideal: Point | None = None) -> list[int]:
    """Every index of the zone that maximises ``rule`` (ties within 1e-9, relative), the one to name first first.

    Order: the larger sum of shares of the largest possible gains, then the order given.
    ``ideal`` (Kalai-Smorodinsky only): the ideal point to measure shares by (default: over the packages)."""
    zone = [k for k, u in enumerate(points) if in_zone(u, d)]
    if not zone:
        return []
    own = ideal_point(points, d)
    key = _rule_key(rule, d, ideal if ideal is not None else own)
    top = max(key(points[k]) for k in zone)
    tied = [k for k in zone if _same(key(points[k]), top)]
    return sorted(tied, key=lambda k: (-round(sum(_shares(points[k], d, own)), 9), k))


def nash_discrete(points: Sequence[Point], d: Point) -> int | None:
    """Index of the point maximising (u1 - d1)(u2 - d2) over the zone; None when there is no zone."""
    best = discrete_maximisers(points, d, "nash")
    return best[0] if best else None


def ks_discrete(points: Sequence[Point], d: Point, ideal: Point | None = None) -> int | None:
    """Index of the point maximising the smaller share of each side's largest possible gain."""
    best = discrete_maximisers(points, d, "kalai_smorodinsky", ideal)
    return best[0] if best else None


def beaten_by_lottery(points: Sequence[Point]) -> set[int]:
    """Indices of points that a lottery of other points beats (at least as good for both, better for one).

    A point that is not on the Pareto part of the convex hull's boundary lies under a
    chord (or is dominated outright): the point of the chord above it is such a lottery."""
    return set(range(len(points))) - set(upper_hull(points))


def upper_hull(points: Sequence[Point]) -> list[int]:
    """Indices of the Pareto part of the convex hull's boundary, by rising u1 (falling u2).

    Corners, and points lying exactly on an edge between two corners."""
    order = sorted(range(len(points)), key=lambda k: (points[k][0], -points[k][1]))
    # Pareto filter first: keep points not dominated (scan by falling u1).
    eff: list[int] = []
    best2 = float("-inf")
    for k in sorted(order, key=lambda k: (-points[k][0], -points[k][1])):
        if points[k][1] > best2 + TOL:
            eff.append(k)
            best2 = points[k][1]
    eff.reverse()  # rising u1, falling u2
    hull: list[int] = []
    for k in eff:
        # Keep the chain concave: drop the middle point while it lies under the chord.
        # A point exactly on the chord stays, so a lottery mixes the nearest packages.
        while len(hull) >= 2:
            a, b = points[hull[-2]], points[hull[-1]]
            c = points[k]
            cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
            if cross > TOL * max(1.0, abs(a[0]) + abs(c[1])):
                hull.pop()
            else:
                break
        hull.append(k)
    return hull


def _segments(points: Sequence[Point]) -> list[tuple[int, int]]:
    hull = upper_hull(points)
    if len(hull) == 1:
        return [(hull[0], hull[0])]
    return list(zip(hull[:-1], hull[1:]))


def _ir_interval(a: Point, b: Point, d: Point) -> tuple[float, float] | None:
    """Values of t in [0, 1] for which a + t (b - a) is in the zone."""
    lo, hi = 0.0, 1.0
    for p in range(2):
        g0, slope = a[p] - d[p], b[p] - a[p]
        if abs(slope) <= TOL:
            if g0 < -TOL:
                return None
            continue
        t = -g0 / slope
        if slope > 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
    if lo > hi + 1e-12:
        return None
    return lo, max(lo, hi)


def _lottery(i: int, j: int, t: float) -> tuple[tuple[int, float], ...]:
    if i == j or t <= 1e-12:
        return ((i, 1.0),)
    if t >= 1 - 1e-12:
        return ((j, 1.0),)
    return ((i, 1.0 - t), (j, t))


def _at(a: Point, b: Point, t: float) -> Point:
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def nash_on_hull(points: Sequence[Point], d: Point) -> HullSolution | None:
    """Nash solution over all lotteries of the points (None when no lottery reaches both walk-aways)."""
    best: tuple[float, HullSolution] | None = None
    for i, j in _segments(points):
        a, b = points[i], points[j]
        span = _ir_interval(a, b, d)
        if span is None:
            continue
        lo, hi = span
        g1, g2 = a[0] - d[0], a[1] - d[1]
        s1, s2 = b[0] - a[0], b[1] - a[1]
        candidates = [lo, hi]
        if s1 * s2 < 0:  # concave product along the edge: its peak
            t = -(g1 * s2 + g2 * s1) / (2 * s1 * s2)
            candidates.append(min(max(t, lo), hi))
        for t in candidates:
            u = _at(a, b, t)
            prod = (u[0] - d[0]) * (u[1] - d[1])
            if best is None or prod > best[0] + 1e-12:
                best = (prod, HullSolution(u, _lottery(i, j, t)))
    return None if best is None else best[1]


def hull_ideal(points: Sequence[Point], d: Point) -> Point | None:
    """Each party's best utility over the lotteries in the zone (None when no lottery reaches both walk-aways)."""
    zone_ends = []
    for i, j in _segments(points):
        span = _ir_interval(points[i], points[j], d)
        if span is not None:
            zone_ends += [_at(points[i], points[j], span[0]), _at(points[i], points[j], span[1])]
    if not zone_ends:
        return None
    return (max(u[0] for u in zone_ends), max(u[1] for u in zone_ends))


def ks_on_hull(points: Sequence[Point], d: Point, ideal: Point | None = None) -> HullSolution | None:
    """Kalai-Smorodinsky solution over all lotteries: the furthest point of the ray d -> ideal.

    ``ideal``: default the ideal over the lotteries in the zone (``hull_ideal``), as in the paper."""
    own = hull_ideal(points, d)
    if own is None:
        return None
    ideal = own if ideal is None else ideal
    return _ray(points, d, (ideal[0] - d[0], ideal[1] - d[1]))


def egalitarian_on_hull(points: Sequence[Point], d: Point) -> HullSolution | None:
    """Egalitarian solution over all lotteries (Kalai 1977): the furthest point with equal gains."""
    if hull_ideal(points, d) is None:
        return None
    return _ray(points, d, (1.0, 1.0))


def utilitarian_on_hull(points: Sequence[Point], d: Point) -> list[HullSolution]:
    """Every extreme lottery maximising u1 + u2 over the lotteries in the zone.

    The maximisers form a point or an edge of the hull: one or two solutions (the edge's ends)."""
    ends: list[tuple[float, HullSolution]] = []
    for i, j in _segments(points):
        span = _ir_interval(points[i], points[j], d)
        if span is None:
            continue
        for t in span:
            u = _at(points[i], points[j], t)
            ends.append((u[0] + u[1], HullSolution(u, _lottery(i, j, t))))
    if not ends:
        return []
    top = max(v for v, _ in ends)
    out: list[HullSolution] = []
    for v, h in sorted(ends, key=lambda e: (-e[1].utilities[0], e[1].utilities[1])):
        if _same(v, top) and not any(abs(h.utilities[0] - o.utilities[0]) <= 1e-9 * max(1.0, abs(o.utilities[0])) and abs(h.utilities[1] - o.utilities[1]) <= 1e-9 * max(1.0, abs(o.utilities[1])) for o in out):
            out.append(h)
    # The ends of the face only: the best and the worst for party 1.
    return out if len(out) <= 2 else [out[0], out[-1]]


def _ray(points: Sequence[Point], d: Point, delta: Point) -> HullSolution:
    """The furthest point of the ray d + lam * delta (lam >= 0) in the hull with free disposal, as a lottery."""
    segs = _segments(points)
    # The hull with free disposal is the intersection of half-planes n . u <= c:
    # one per edge (normal (a2 - b2, b1 - a1) >= 0), plus u1 <= max u1, u2 <= max u2.
    planes = [((1.0, 0.0), max(p[0] for p in points)), ((0.0, 1.0), max(p[1] for p in points))]
    for i, j in segs:
        if i != j:
            a, b = points[i], points[j]
            n = (a[1] - b[1], b[0] - a[0])
            planes.append((n, n[0] * a[0] + n[1] * a[1]))
    lam = float("inf")
    for n, c in planes:
        rate = n[0] * delta[0] + n[1] * delta[1]
        if rate > TOL:
            lam = min(lam, (c - (n[0] * d[0] + n[1] * d[1])) / rate)
    if lam == float("inf"):
        lam = 0.0
    target = (d[0] + lam * delta[0], d[1] + lam * delta[1])
    # Realise it: the edge whose clipped part holds the target (or the vertex that dominates it).
    for i, j in segs:
        a, b = points[i], points[j]
        if i == j:
            continue
        if min(a[0], b[0]) - 1e-9 <= target[0] <= max(a[0], b[0]) + 1e-9:
            t = 0.0 if abs(b[0] - a[0]) <= TOL else (target[0] - a[0]) / (b[0] - a[0])
            t = min(max(t, 0.0), 1.0)
            u = _at(a, b, t)
            if u[1] >= target[1] - 1e-7 * max(1.0, abs(target[1])):
                return HullSolution(u, _lottery(i, j, t))
    # On a flat part of the free-disposal boundary: the vertex that dominates the target.
    k = min((k for k in upper_hull(points) if points[k][0] >= target[0] - 1e-9 and points[k][1] >= target[1] - 1e-9), key=lambda k: points[k][0] + points[k][1], default=upper_hull(points)[0])
    return HullSolution(points[k], ((k, 1.0),))
