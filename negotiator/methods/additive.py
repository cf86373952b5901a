"""The additive value model (weighted sum of values): format 1's default method.

overall(a) = sum_j w_j * v_j(a), weights normalised to 1. By default (normalisation
"value") v_j is the objective's value in [0, 1] over its scale (section 1 of
docs/methods.md). The peers' weighted sums (simple additive weighting) normalise the
scores among the options instead; two of their conventions are offered:

- "max": more-is-better x / max x; less-is-better 1 - x / max x (pymcdm, pyrepo-mcda);
- "sum": more-is-better x / sum x; less-is-better (1/x) / sum(1/x) (pymcdm's WSM default,
  pyrepo-mcda).

Both need a ratio scale (scores >= 0; "sum" on a less-is-better objective needs scores > 0).
"""

from __future__ import annotations

import numpy as np

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.methods import MethodResult, register, register_batch
from negotiator.methods._common import batch_weights, check_normalisation, criterion_table

__all__ = ["ADDITIVE_NORMALISATIONS", "additive_scores", "peer_values", "additive", "additive_batch"]

ADDITIVE_NORMALISATIONS = ("value", "max", "sum")


def additive_scores(values: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(scores, contributions) for values (n, m) and weights (m,)."""
    contributions = values * weights
    return contributions.sum(axis=-1), contributions


def peer_values(x: np.ndarray, maximise: np.ndarray, how: str) -> np.ndarray:
    """The peers' normalised scores of x (..., n, m), options on axis -2 (see the module docstring).

    A column whose maximum (max) or total (sum) is 0 cannot be divided: it becomes 0 for everyone.
    """
    x = np.asarray(x, dtype=float)
    maximise = np.asarray(maximise, dtype=bool)
    if (x < 0).any():
        raise UsageError(Problem(Message("me_additive_negative", how=how), hint=Message("me_additive_negative_hint")))
    if how == "max":
        top = x.max(axis=-2, keepdims=True)
        ratio = x / np.where(top > 0, top, np.inf)
        return np.where(maximise, ratio, np.where(top > 0, 1.0 - ratio, 0.0))
    total = x.sum(axis=-2, keepdims=True)
    share = x / np.where(total > 0, total, np.inf)
    if maximise.all():
        return share
    cost = x[..., ~maximise]
    if (cost <= 0).any():
        raise UsageError(Problem(Message("me_additive_zero"), hint=Message("me_additive_zero_hint")))
    inverse = 1.0 / cost
    out = share.copy()
    out[..., ~maximise] = inverse / inverse.sum(axis=-2, keepdims=True)
    return out


def _check(normalisation: str) -> None:
    check_normalisation(normalisation, "additive", ADDITIVE_NORMALISATIONS)


@register("additive", "weighted sum of values in [0, 1] (linear over each scale unless the objective declares a value function); ranges enter at their likely score; the peers' x/max and sum normalisations with --additive-normalisation max|sum")
def additive(matrix, weights: np.ndarray, normalisation: str = "value", **_) -> MethodResult:
    _check(normalisation)
    w = np.asarray(weights, dtype=float)
    if normalisation == "value":
        scores, contributions = additive_scores(matrix.values(), w)
        return MethodResult(scores=scores, contributions=contributions, score_name="overall value")
    x, maximise = criterion_table(matrix)
    scores, contributions = additive_scores(peer_values(x, maximise, normalisation), w)
    return MethodResult(scores=scores, contributions=contributions, score_name=f"weighted sum ({normalisation} normalisation)", details={"normalisation": normalisation})


@register_batch("additive")
def additive_batch(matrix, x: np.ndarray, maximise: np.ndarray, weights: np.ndarray, normalisation: str = "value", **_) -> np.ndarray:
    """Scores (S, n) for S weight vectors at once; x is the criterion table (n, m) or (S, n, m).

    For the value scale x holds the scores as written except objectives with a value function,
    which already hold their values (criterion_table): the linear ones are mapped here.
    """
    _check(normalisation)
    x = np.asarray(x, dtype=float)
    if normalisation == "value":
        values = matrix.values(x)
        bent = [j for j, c in enumerate(getattr(matrix, "curves", ()) or ()) if c is not None]
        if bent:
            values[..., bent] = x[..., bent]
    else:
        values = peer_values(x, maximise, normalisation)
    return (values * batch_weights(weights, x)).sum(axis=-1)
