"""The additive value model (weighted sum of values): format 1's default method.

overall(a) = sum_j w_j * v_j(a), weights normalised to 1, values in [0, 1].
"""

from __future__ import annotations

import numpy as np

from negotiator.methods import MethodResult, register

__all__ = ["additive_scores", "additive"]


def additive_scores(values: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(scores, contributions) for values (n, m) and weights (m,)."""
    contributions = values * weights
    return contributions.sum(axis=-1), contributions


@register("additive", "weighted sum of values in [0, 1] (linear over each scale unless the objective declares a value function); ranges enter at their likely score")
def additive(matrix, weights: np.ndarray, **_) -> MethodResult:
    scores, contributions = additive_scores(matrix.values(), np.asarray(weights, dtype=float))
    return MethodResult(scores=scores, contributions=contributions, score_name="overall value")
