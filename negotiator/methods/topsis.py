"""TOPSIS (Hwang & Yoon 1981): closeness to the ideal and distance from the anti-ideal.

r_ij is the normalised score: x_ij / ||x_j|| (vector, Hwang & Yoon's, the default),
(x_ij - min_j) / (max_j - min_j) (minmax, pymcdm's default), x_ij / sum_j x (sum),
x_ij / max_j x (max) or x_ij itself (none); v_ij = w_j r_ij; the ideal takes the best v
of each objective (max for more-is-better, min for less-is-better), the anti-ideal the
worst; the score is C_i = D_i^- / (D_i^+ + D_i^-) with Euclidean distances. Cost
objectives are handled by the ideal/anti-ideal, not by flipping the scores.
"""

from __future__ import annotations

import numpy as np

from negotiator.methods import MethodResult, register, register_batch
from negotiator.methods._common import NORMALISATIONS, batch_weights, check_normalisation, criterion_table, flat_objectives, flat_warnings, normalise_columns

__all__ = ["NORMALISATIONS", "topsis_scores", "topsis", "topsis_batch"]

def topsis_scores(x: np.ndarray, weights: np.ndarray, maximise: np.ndarray, normalisation: str = "vector") -> dict:
    """Closeness C (n,) and the intermediate quantities, for raw scores x (n, m)."""
    check_normalisation(normalisation, "TOPSIS")
    x = np.asarray(x, dtype=float)
    v, flat = normalise_columns(x, normalisation, "TOPSIS"), flat_objectives(x)
    v *= weights  # in place: normalise_columns returned a fresh array
    vmax, vmin = v.max(axis=0), v.min(axis=0)
    ideal = np.where(maximise, vmax, vmin)
    anti = np.where(maximise, vmin, vmax)
    gap = v - ideal
    d_plus = np.sqrt(np.einsum("ij,ij->i", gap, gap))
    np.subtract(v, anti, out=gap)
    d_minus = np.sqrt(np.einsum("ij,ij->i", gap, gap))
    total = d_plus + d_minus
    # total is 0 only when no objective discriminates: every option is ideal and anti-ideal at once.
    if total.all():
        closeness = d_minus / total
    else:
        closeness = np.divide(d_minus, total, out=np.full_like(total, 0.5), where=total > 0)
    return {"closeness": closeness, "d_plus": d_plus, "d_minus": d_minus, "ideal": ideal, "anti_ideal": anti, "flat": flat}


@register("topsis", "TOPSIS (Hwang & Yoon 1981): closeness to the ideal, 0..1; vector normalisation of the likely scores (--topsis-normalisation minmax|sum|max|none); cost objectives by ideal/anti-ideal")
def topsis(matrix, weights: np.ndarray, normalisation: str = "vector", **_) -> MethodResult:
    x, maximise = criterion_table(matrix)
    parts = topsis_scores(x, weights, maximise, normalisation)
    warnings = flat_warnings(matrix, x, "topsis", parts.pop("flat"))
    if not (parts["d_plus"] + parts["d_minus"] > 0).any():
        warnings.append("topsis: no objective discriminates between the options; every option scores 0.5")
    # Arrays (not lists): the details are for callers in Python; JSON outputs do not include them.
    details = {k: v for k, v in parts.items() if k != "closeness"}
    details.update(normalisation=normalisation, warnings=warnings)
    return MethodResult(scores=parts["closeness"], score_name="closeness to ideal (TOPSIS)", details=details)


@register_batch("topsis")
def topsis_batch(matrix, x: np.ndarray, maximise: np.ndarray, weights: np.ndarray, normalisation: str = "vector", **_) -> np.ndarray:
    """Closeness (S, n) for S weight vectors at once; x (n, m) shared or (S, n, m) per draw (see topsis_scores)."""
    check_normalisation(normalisation, "TOPSIS")
    x = np.asarray(x, dtype=float)
    v = normalise_columns(x, normalisation, "TOPSIS") * batch_weights(weights, x)
    vmax, vmin = v.max(axis=-2, keepdims=True), v.min(axis=-2, keepdims=True)
    gap = v - np.where(maximise, vmax, vmin)
    d_plus = np.sqrt((gap * gap).sum(axis=-1))
    np.subtract(v, np.where(maximise, vmin, vmax), out=gap)
    d_minus = np.sqrt((gap * gap).sum(axis=-1))
    total = d_plus + d_minus
    return np.divide(d_minus, total, out=np.full_like(total, 0.5), where=total > 0)
