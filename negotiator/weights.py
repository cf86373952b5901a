"""Weight profiles -> weight vectors that sum to 1.

A profile is either numbers per objective (normalised; missing objectives
weigh 0) or an order of importance, turned into rank-order-centroid weights
(Barron & Barrett 1996): the k-th of n listed objectives weighs
(1/n) * sum_{j=k..n} 1/j; objectives not listed weigh 0.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from .errors import Problem, UsageError

__all__ = ["rank_order_centroid", "normalise", "profile_weights", "resolve_profile_id"]


def rank_order_centroid(n: int) -> list[float]:
    """ROC weights for n objectives in order of importance, most important first."""
    return [sum(1.0 / j for j in range(k, n + 1)) / n for k in range(1, n + 1)]


def normalise(weights: Mapping[str, float], objectives: Sequence[str]) -> dict[str, float]:
    """Weights for every objective, in case order, summing to 1."""
    for obj in weights:
        if obj not in objectives:
            raise UsageError(Problem(f"unknown objective '{obj}' in the weights", hint="use one of: " + ", ".join(objectives)))
    values = {obj: float(weights.get(obj, 0.0)) for obj in objectives}
    bad = [o for o, v in values.items() if not v >= 0 or v == float("inf")]
    if bad:
        raise UsageError(Problem(f"weight of '{bad[0]}' must be a finite number >= 0, got {values[bad[0]]}"))
    total = sum(values.values())
    if total <= 0:
        raise UsageError(Problem("the weights are all zero", hint="give at least one objective a weight above 0"))
    return {obj: v / total for obj, v in values.items()}


def resolve_profile_id(case, profile: str | None) -> str | None:
    """The profile to use: the one asked for, else the case's first, else None (equal weights)."""
    if profile is None:
        return case.default_profile
    if profile not in case.weights:
        known = ", ".join(case.weights) or "(none: the case has no weight profiles)"
        raise UsageError(Problem(f"unknown weight profile '{profile}'", hint=f"use one of: {known}"))
    return profile


def profile_weights(case, profile: str | None) -> dict[str, float]:
    """Normalised weights of a named profile; equal weights when the case has none."""
    objectives = list(case.objectives)
    pid = resolve_profile_id(case, profile)
    if pid is None:
        return {obj: 1.0 / len(objectives) for obj in objectives}
    spec = case.weights[pid]
    if isinstance(spec, list):
        roc = rank_order_centroid(len(spec))
        return normalise(dict(zip(spec, roc)), objectives)
    return normalise(spec, objectives)
