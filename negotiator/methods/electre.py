"""ELECTRE I (Roy 1968), with a net outranking score for a complete ranking.

Concordance C(a, b) = sum of the weights of the objectives on which a is at
least as good as b (weights summing to 1). Discordance D(a, b) = the largest
amount by which b beats a on any objective, divided by a range. Roy (1968)
divides by one range shared by all objectives (the largest spread of any
objective), which assumes the objectives are scored on commensurable scales;
pyDecision and scikit-criteria do the same. Scored in mixed units, the objective
with the widest numbers would then decide every veto, so by default each
shortfall is divided by its own objective's range among the options: this is
Roy's formula applied to scores min-max normalised per objective (every range
is then 1). ``discordance_range="shared"`` gives Roy's shared range on the
scores as written, or after ``normalisation`` (sum, max, vector: scikit-criteria
runs ELECTRE I after its SumScaler in its Cebrián & Porcar 2009 test).

a outranks b when C(a, b) >= c and D(a, b) <= d (defaults c = 0.65, d = 0.35).
ELECTRE I proper stops at the outranking relation and its kernel; to rank
everything the score here is the net outranking count, (how many a outranks -
how many outrank a) / (n - 1), in [-1, 1]. Options with equal counts tie.
"""

from __future__ import annotations

import numpy as np

from negotiator.methods import MethodResult, register, register_batch
from negotiator.methods._common import NORMALISATIONS, check_normalisation, criterion_table, flat_warnings, normalise_columns, sub_chunks
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["DISCORDANCE_RANGES", "outranking", "net_outranking", "electre", "electre_batch"]

DEFAULT_CONCORDANCE = 0.65
DEFAULT_DISCORDANCE = 0.35

#: What a shortfall is divided by: its objective's own range among the options (default), or the
#: one range shared by all objectives (Roy 1968; pyDecision; scikit-criteria).
DISCORDANCE_RANGES = ("objective", "shared")


def _check_range(discordance_range: str, normalisation: str) -> None:
    if discordance_range not in DISCORDANCE_RANGES:
        raise UsageError(Problem(Message("me_electre_range", value=discordance_range), hint=Message("err_use_one_of", choices=", ".join(DISCORDANCE_RANGES))))
    check_normalisation(normalisation, "ELECTRE")


def _spans(y: np.ndarray, discordance_range: str) -> np.ndarray:
    """The divisor of each objective's shortfalls, (..., 1, m): its own range, or the largest of all."""
    span = np.ptp(y, axis=-2, keepdims=True) if y.shape[-2] else np.zeros(y.shape[:-2] + (1, y.shape[-1]))
    if discordance_range == "shared":
        return np.broadcast_to(span.max(axis=-1, keepdims=True, initial=0.0), span.shape)
    return span


def outranking(x: np.ndarray, weights: np.ndarray, maximise: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE, discordance_range: str = "objective", normalisation: str = "none") -> dict:
    """Concordance (n, n), discordance (n, n) and the outranking relation (n, n) bool.

    ``normalisation`` (NORMALISATIONS) rescales each objective before the discordance; it
    changes nothing with the default per-objective range, and concordance is read from the
    scores as written (every normalisation keeps their order).
    """
    _check_thresholds(concordance, discordance)
    _check_range(discordance_range, normalisation)
    x = np.asarray(x, dtype=float)
    n, m = x.shape
    w = np.asarray(weights, dtype=float)
    w = w / w.sum() if w.sum() > 0 else w
    y = np.where(maximise, x, -x)
    scaled_y = np.where(maximise, 1.0, -1.0) * normalise_columns(x, normalisation, "ELECTRE")
    span = _spans(scaled_y, discordance_range)[0]
    conc = np.zeros((n, n))
    disc = np.zeros((n, n))
    shortfall = np.empty((n, n))
    at_least = np.empty((n, n), dtype=bool)
    for j in range(m):
        yj = y[:, j]
        np.greater_equal(yj[:, None], yj[None, :], out=at_least)  # a at least as good as b
        np.add(conc, w[j], out=conc, where=at_least)
        if span[j] > 0 and np.ptp(yj) > 0:
            scaled = scaled_y[:, j] / span[j]
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
            raise UsageError(Problem(Message(f"me_electre_{name}", value=value), hint=Message("me_electre_hint", c=DEFAULT_CONCORDANCE, d=DEFAULT_DISCORDANCE)))


@register_batch("electre")
def electre_batch(matrix, x: np.ndarray, maximise: np.ndarray, weights: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE, discordance_range: str = "objective", normalisation: str = "none", **_) -> np.ndarray:
    """Net outranking scores (S, n) for S weight vectors at once; x (n, m) shared or (S, n, m) per draw.

    Concordance is linear in the weights, so with shared scores it is one product of the
    "a at least as good as b" table (n, n, m) with the weights; discordance does not depend
    on the weights at all.
    """
    _check_thresholds(concordance, discordance)
    _check_range(discordance_range, normalisation)
    x = np.asarray(x, dtype=float)
    w = np.asarray(weights, dtype=float)
    total = w.sum(axis=1, keepdims=True)
    w = np.divide(w, total, out=w.copy(), where=total > 0)
    n, m = x.shape[-2:]
    if x.ndim == 2:
        return net_outranking(_relation(x[None], w, maximise, concordance, discordance, discordance_range, normalisation))
    out = np.empty(x.shape[:-1])
    for part in sub_chunks(x.shape[0], n * n * m):
        out[part] = net_outranking(_relation(x[part], w[part], maximise, concordance, discordance, discordance_range, normalisation))
    return out


def _relation(x: np.ndarray, w: np.ndarray, maximise: np.ndarray, concordance: float, discordance: float, discordance_range: str = "objective", normalisation: str = "none") -> np.ndarray:
    """Outranking relations (S, n, n) for scores x (1 or S, n, m) and normalised weights (S, m)."""
    y = np.where(maximise, x, -x)
    at_least = y[..., :, None, :] >= y[..., None, :, :]  # (., n, n, m): a at least as good as b
    conc = np.einsum("tabm,sm->sab", at_least, w) if x.shape[0] == 1 else np.einsum("sabm,sm->sab", at_least, w)
    scaled_y = np.where(maximise, 1.0, -1.0) * normalise_columns(x, normalisation, "ELECTRE")
    span = _spans(scaled_y, discordance_range)  # (., 1, m)
    # An objective on which every option ties adds no shortfall (also under a shared range).
    live = (span > 0) & (np.ptp(y, axis=-2, keepdims=True) > 0)
    scaled = np.divide(scaled_y, span, out=np.zeros_like(y), where=live)
    shortfall = scaled[..., None, :, :] - scaled[..., :, None, :]  # how far b beats a, share of range
    disc = np.maximum(shortfall.max(axis=-1, initial=0.0), 0.0)  # objectives with no range add 0
    relation = (conc >= concordance - 1e-12) & (disc <= discordance + 1e-12)
    n = x.shape[-2]
    relation[:, np.arange(n), np.arange(n)] = False
    return relation


@register("electre", "ELECTRE I (Roy 1968) on scores min-max normalised per objective: a outranks b if concordance >= c and discordance <= d (--electre-c 0.65, --electre-d 0.35); Roy's one shared range with --electre-range shared [--electre-normalisation sum]; score = net outranking count / (n - 1); equal counts tie")
def electre(matrix, weights: np.ndarray, concordance: float = DEFAULT_CONCORDANCE, discordance: float = DEFAULT_DISCORDANCE, discordance_range: str = "objective", normalisation: str = "none", **_) -> MethodResult:
    x, maximise = criterion_table(matrix)
    rel = outranking(x, weights, maximise, concordance, discordance, discordance_range, normalisation)
    n = x.shape[0]
    outranks = rel["outranks"]
    beats, beaten = outranks.sum(axis=1), outranks.sum(axis=0)
    score = net_outranking(outranks)
    details = {
        "concordance_threshold": concordance,
        "discordance_threshold": discordance,
        "discordance_range": discordance_range,
        "normalisation": normalisation,
        "outranks": beats.tolist(),
        "outranked_by": beaten.tolist(),
        "not_outranked": [matrix.options[i] for i in np.flatnonzero(beaten == 0)],
        "warnings": flat_warnings(matrix, x, "electre"),
    }
    free = details["not_outranked"]
    details["findings"] = [f"ELECTRE I: outranked by no other option (c = {concordance:g}, d = {discordance:g}): {', '.join(free) if free else 'none (the outranking relation has cycles)'}"]
    return MethodResult(scores=score.astype(float), score_name="net outranking (ELECTRE I)", details=details)
