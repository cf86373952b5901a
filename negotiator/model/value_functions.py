"""Single-objective value functions: score -> value in [0, 1] (1 = best).

Format 1's model is linear over the objective's scale. An objective may
instead declare a piecewise-linear value through given points, or an
exponential value whose curvature states a risk attitude (Kirkwood 1997,
Strategic Decision Making, ch. 4). Everything is vectorised: scores may be
any array shape; the functions act elementwise.
"""

from __future__ import annotations

import numpy as np

__all__ = ["ValueCurve", "curve_of", "exponential_value", "piecewise_value", "linear_position"]


def linear_position(scores: np.ndarray, low: float, high: float, maximise: bool) -> np.ndarray:
    """Where a score lies between the worst (0) and best (1) end of [low, high]; linear, unclamped."""
    up = (np.asarray(scores, dtype=float) - low) / (high - low)
    return up if maximise else 1.0 - up


def exponential_value(z: np.ndarray, c: float) -> np.ndarray:
    """(1 - exp(-c z)) / (1 - exp(-c)); linear when c is 0 (the limit, taken exactly)."""
    z = np.asarray(z, dtype=float)
    if abs(c) < 1e-12:
        return z
    # expm1 keeps precision for small c.
    return np.expm1(-c * z) / np.expm1(-c)


def piecewise_value(scores: np.ndarray, points) -> np.ndarray:
    """Linear interpolation through [score, value] points; flat beyond the ends."""
    xs = np.array([p[0] for p in points], dtype=float)
    vs = np.array([p[1] for p in points], dtype=float)
    return np.interp(np.asarray(scores, dtype=float), xs, vs)


class ValueCurve:
    """A compiled non-linear value function of one objective."""

    def __init__(self, kind: str, points=None, c: float = 0.0):
        self.kind = kind
        self.points = points
        self.c = float(c)

    def __call__(self, scores: np.ndarray, low: float, high: float, maximise: bool) -> np.ndarray:
        if self.kind == "piecewise":
            return piecewise_value(scores, self.points)
        z = linear_position(scores, low, high, maximise)
        return exponential_value(z, self.c)

    def describe(self) -> str:
        if self.kind == "piecewise":
            return "piecewise through " + ", ".join(f"({x:g}, {v:g})" for x, v in self.points)
        return f"exponential, c = {self.c:g} ({'concave' if self.c > 0 else 'convex' if self.c < 0 else 'linear'})"

    def __repr__(self) -> str:
        return f"ValueCurve({self.describe()})"


def curve_of(objective) -> ValueCurve | None:
    """The non-linear value curve an objective declares, or None for linear (format 1)."""
    spec = getattr(objective, "value", None)
    if spec is None or spec.kind == "linear":
        return None
    if spec.kind == "piecewise":
        return ValueCurve("piecewise", points=[tuple(p) for p in spec.points])
    if abs(spec.c) < 1e-12:
        return None
    return ValueCurve("exponential", c=spec.c)
