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

from negotiator.methods import MethodResult, register, register_batch
from negotiator.methods._common import criterion_table, flat_warnings, sub_chunks
from negotiator.errors import Problem, UsageError

__all__ = ["outranking", "net_outranking", "electre", "electre_batch"]

DEFAULT_CONCORDANCE = 0.65
DEFAULT_DISCORDANCE = 0.35


def outranking(x: np.ndarray, weights: np.ndarray, maximise: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE) -> dict:
    """Concordance (n, n), discordance (n, n) and the outranking relation (n, n) bool."""
    _check_thresholds(concordance, discordance)
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


def net_outranking(outranks: np.ndarray) -> np.ndarray:
    """(options it outranks - options outranking it) / (n - 1), for one relation (n, n) or a stack (S, n, n)."""
    n = outranks.shape[-1]
    if n < 2:
        return np.zeros(outranks.shape[:-1])
    return (outranks.sum(axis=-1) - outranks.sum(axis=-2)) / (n - 1)


def _check_thresholds(concordance: float, discordance: float) -> None:
    for name, value in (("concordance", concordance), ("discordance", discordance)):
        if isinstance(value, bool) or not 0.0 <= value <= 1.0:
            raise UsageError(Problem(f"the ELECTRE {name} threshold must lie in [0, 1], got {value}", hint=f"e.g. --electre-c {DEFAULT_CONCORDANCE} --electre-d {DEFAULT_DISCORDANCE}"))


@register_batch("electre")
def electre_batch(matrix, x: np.ndarray, maximise: np.ndarray, weights: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE, **_) -> np.ndarray:
    """Net outranking scores (S, n) for S weight vectors at once; x (n, m) shared or (S, n, m) per draw.

    Concordance is linear in the weights, so with shared scores it is one product of the
    "a at least as good as b" table (n, n, m) with the weights; discordance does not depend
    on the weights at all.
    """
    _check_thresholds(concordance, discordance)
    x = np.asarray(x, dtype=float)
    w = np.asarray(weights, dtype=float)
    total = w.sum(axis=1, keepdims=True)
    w = np.divide(w, total, out=w.copy(), where=total > 0)
    n, m = x.shape[-2:]
    if x.ndim == 2:
        return net_outranking(_relation(x[None], w, maximise, concordance, discordance))
    out = np.empty(x.shape[:-1])
    for part in sub_chunks(x.shape[0], n * n * m):
        out[part] = net_outranking(_relation(x[part], w[part], maximise, concordance, discordance))
    return out


def _relation(x: np.ndarray, w: np.ndarray, maximise: np.ndarray, concordance: float, discordance: float) -> np.ndarray:
    """Outranking relations (S, n, n) for scores x (1 or S, n, m) and normalised weights (S, m)."""
    y = np.where(maximise, x, -x)
    at_least = y[..., :, None, :] >= y[..., None, :, :]  # (., n, n, m): a at least as good as b
    conc = np.einsum("tabm,sm->sab", at_least, w) if x.shape[0] == 1 else np.einsum("sabm,sm->sab", at_least, w)
    span = np.ptp(y, axis=-2, keepdims=True)  # (., 1, m)
    scaled = np.divide(y, span, out=np.zeros_like(y), where=span > 0)
    shortfall = scaled[..., None, :, :] - scaled[..., :, None, :]  # how far b beats a, share of range
    disc = np.maximum(shortfall.max(axis=-1, initial=0.0), 0.0)  # objectives with no range add 0
    relation = (conc >= concordance - 1e-12) & (disc <= discordance + 1e-12)
    n = x.shape[-2]
    relation[:, np.arange(n), np.arange(n)] = False
    return relation


@register("electre", "ELECTRE I (Roy 1968): a outranks b if concordance >= c and discordance <= d (--electre-c 0.65, --electre-d 0.35); score = net outranking count / (n - 1); equal counts tie")
def electre(matrix, weights: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE, **_) -> MethodResult:
    x, maximise = criterion_table(matrix)
    rel = outranking(x, weights, maximise, concordance, discordance)
    n = x.shape[0]
    outranks = rel["outranks"]
    beats, beaten = outranks.sum(axis=1), outranks.sum(axis=0)
    score = net_outranking(outranks)
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
