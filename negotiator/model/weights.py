"""Weight profiles -> weight vectors that sum to 1.

A profile is either numbers per objective (normalised; missing objectives
weigh 0) or an order of importance, turned into rank-order-centroid weights
(Barron & Barrett 1996): the k-th of n listed objectives weighs
(1/n) * sum_{j=k..n} 1/j; objectives not listed weigh 0. The other forms
({order:, scheme:}, {swing:}, {ahp:}, {hierarchy:}) are computed by
weighting.py; ``profile_weights_with_notes`` also returns what the analyst
should hear about them (AHP consistency, filled-in comparisons).
"""

from __future__ import annotations

from typing import Mapping, Sequence

from negotiator.errors import Problem, UsageError

from negotiator.model.elicitation import rank_order_centroid
from negotiator.messages import Message

__all__ = ["rank_order_centroid", "normalise", "profile_weights", "profile_weights_with_notes", "spec_weights", "resolve_profile_id"]


def normalise(weights: Mapping[str, float], objectives: Sequence[str]) -> dict[str, float]:
    """Weights for every objective, in case order, summing to 1."""
    for obj in weights:
        if obj not in objectives:
            raise UsageError(Problem(Message("pm_weights_unknown_objective", objective=obj), hint=Message("err_use_one_of", choices=", ".join(objectives))))
    values = {obj: float(weights.get(obj, 0.0)) for obj in objectives}
    bad = [o for o, v in values.items() if not v >= 0 or v == float("inf")]
    if bad:
        raise UsageError(Problem(Message("pm_weight_value", objective=bad[0], value=values[bad[0]])))
    total = sum(values.values())
    if total <= 0:
        raise UsageError(Problem(Message("pr_weights_zero"), hint=Message("pr_weights_zero_hint")))
    return {obj: v / total for obj, v in values.items()}


def resolve_profile_id(case, profile: str | None) -> str | None:
    """The profile to use: the one asked for, else the case's first, else None (equal weights)."""
    if profile is None:
        return case.default_profile
    if profile not in case.weights:
        known = ", ".join(case.weights) or "(none: the case has no weight profiles)"
        raise UsageError(Problem(Message("err_unknown_profile", profile=profile), hint=Message("err_use_one_of", choices=known)))
    return profile


def profile_weights(case, profile: str | None) -> dict[str, float]:
    """Normalised weights of a named profile; equal weights when the case has none."""
    return profile_weights_with_notes(case, profile)[0]


def profile_weights_with_notes(case, profile: str | None) -> tuple[dict[str, float], list[str]]:
    """(normalised weights, notes for the analyst), e.g. an AHP consistency warning."""
    objectives = list(case.objectives)
    pid = resolve_profile_id(case, profile)
    if pid is None:
        return {obj: 1.0 / len(objectives) for obj in objectives}, []
    weights, notes = spec_weights(case.weights[pid], objectives)
    return weights, [Message("mw_profile_note", profile=pid, note=n) for n in notes]


def spec_weights(spec, objectives: Sequence[str]) -> tuple[dict[str, float], list[str]]:
    """Weights (normalised over ``objectives``) and notes of one profile in any form."""
    from negotiator.case.scoring import profile_kind
    from negotiator.model.elicitation import ahp_weights, hierarchy_weights, order_weights, swing_weights

    kind = profile_kind(spec)
    notes: list[str] = []
    if kind == "order":
        raw = order_weights(spec, "roc")
    elif kind == "ordered":
        raw = order_weights(spec.order, spec.scheme)
    elif kind == "swing":
        raw = swing_weights(spec.swing)
    elif kind == "ahp":
        items = sorted({x for pair in spec.judgments() for x in pair[:2]}, key=list(objectives).index)
        result = ahp_weights(items, spec.judgments(), priorities=spec.priorities)
        raw, notes = result.weights, list(result.notes)
    elif kind == "hierarchy":
        raw = hierarchy_weights(spec.leaves())
    else:
        raw = spec
    return normalise(raw, objectives), notes
