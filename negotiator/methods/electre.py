"""ELECTRE I (Roy 1968), with a net outranking score for a complete ranking.

Concordance C(a, b) = sum of the weights of the objectives on which a is at
least as good as b (weights summing to 1). Discordance D(a, b) = the largest
amount by which b beats a on any objective, as a share of that objective's
range among the options. a outranks b when C(a, b) >= c and D(a, b) <= d
(defaults c = 0.65, d = 0.35). ELECTRE I proper stops at the outranking
relation and its kernel; to rank everything the score here is the net
outranking count, (how many a outranks - how many outrank a) / (n - 1), in
[-1, 1]. Options with equal counts tie.
"""

from __future__ import annotations

import numpy as np

from . import MethodResult, register
from ._common import criterion_table, flat_warnings
from ..errors import Problem, UsageError

__all__ = ["outranking", "electre"]

DEFAULT_CONCORDANCE = 0.65
DEFAULT_DISCORDANCE = 0.35


def outranking(x: np.ndarray, weights: np.ndarray, maximise: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE) -> dict:
    """Concordance (n, n), discordance (n, n) and the outranking relation (n, n) bool."""
    for name, value in (("concordance", concordance), ("discordance", discordance)):
        if isinstance(value, bool) or not 0.0 <= value <= 1.0:
            raise UsageError(Problem(f"the ELECTRE {name} threshold must lie in [0, 1], got {value}", hint=f"e.g. --electre-c {DEFAULT_CONCORDANCE} --electre-d {DEFAULT_DISCORDANCE}"))
    x = np.asarray(x, dtype=float)
    n, m = x.shape
    w = np.asarray(weights, dtype=float)
    w = w / w.sum() if w.sum() > 0 else w
    y = np.where(maximise, x, -x)
    span = np.ptp(y, axis=0) if n else np.zeros(m)
    conc = np.zeros((n, n))
    disc = np.zeros((n, n))
    shortfall = np.empty((n, n))
    at_least = np.empty((n, n), dtype=bool)
    for j in range(m):
        yj = y[:, j]
        np.greater_equal(yj[:, None], yj[None, :], out=at_least)  # a at least as good as b
        np.add(conc, w[j], out=conc, where=at_least)
        if span[j] > 0:
            scaled = yj / span[j]
            np.subtract(scaled[None, :], scaled[:, None], out=shortfall)  # how far b beats a, share of range
            np.maximum(disc, shortfall, out=disc)
    relation = (conc >= concordance - 1e-12) & (disc <= discordance + 1e-12)
    np.fill_diagonal(relation, False)
    return {"concordance": conc, "discordance": disc, "outranks": relation}


@register("electre", "ELECTRE I (Roy 1968): a outranks b if concordance >= c and discordance <= d (--electre-c 0.65, --electre-d 0.35); score = net outranking count / (n - 1); equal counts tie")
def electre(matrix, weights: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE, **_) -> MethodResult:
    x, maximise = criterion_table(matrix)
    rel = outranking(x, weights, maximise, concordance, discordance)
    n = x.shape[0]
    outranks = rel["outranks"]
    beats, beaten = outranks.sum(axis=1), outranks.sum(axis=0)
    score = (beats - beaten) / (n - 1) if n > 1 else np.zeros(n)
    details = {
        "concordance_threshold": concordance,
        "discordance_threshold": discordance,
        "outranks": beats.tolist(),
        "outranked_by": beaten.tolist(),
        "not_outranked": [matrix.options[i] for i in np.flatnonzero(beaten == 0)],
        "warnings": flat_warnings(matrix, x, "electre"),
    }
    free = details["not_outranked"]
    details["findings"] = [f"ELECTRE I: outranked by no other option (c = {concordance:g}, d = {discordance:g}): {', '.join(free) if free else 'none (the outranking relation has cycles)'}"]
    return MethodResult(scores=score.astype(float), score_name="net outranking (ELECTRE I)", details=details)
