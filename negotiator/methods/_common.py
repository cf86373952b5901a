"""What the distance and outranking methods share: the criterion table they work on
and the warning for objectives that cannot discriminate."""

from __future__ import annotations

import numpy as np

__all__ = ["NORMALISATIONS", "criterion_table", "criterion_tables", "flat_objectives", "flat_warnings", "check_normalisation", "normalise_columns"]

#: Column normalisations the distance and outranking methods offer (peers: pymcdm, pyrepo-mcda,
#: scikit-criteria). Each keeps the direction of the scores: less-is-better objectives are
#: handled by the method (ideal, discordance), not by flipping the column.
NORMALISATIONS = ("vector", "minmax", "sum", "max", "none")


def criterion_table(matrix) -> tuple[np.ndarray, np.ndarray]:
    """(scores (n, m), maximise (m,)) as TOPSIS, VIKOR, PROMETHEE and ELECTRE see them.

    These methods normalise raw scores in their own way, so they take the
    likely scores as written (level words already turned into numbers). An
    objective with a non-linear value function enters as its value in [0, 1]
    (more is better): the analyst has said the scale is not linear in value.
    """
    curves = getattr(matrix, "curves", ()) or ()
    if not any(c is not None for c in curves):
        # No copy: the methods only read these arrays.
        return np.asarray(matrix.likely, dtype=float), np.asarray(matrix.maximise, dtype=bool)
    x = np.array(matrix.likely, dtype=float, copy=True)
    maximise = np.array(matrix.maximise, dtype=bool, copy=True)
    values = matrix.values()
    for j, curve in enumerate(curves):
        if curve is not None:
            x[:, j] = values[:, j]
            maximise[j] = True
    return x, maximise


def criterion_tables(matrix, scores: np.ndarray) -> np.ndarray:
    """criterion_table for a stack of score matrices (S, n, m): objectives with a value function enter as values."""
    curves = getattr(matrix, "curves", ()) or ()
    bent = [j for j, c in enumerate(curves) if c is not None]
    if not bent:
        return scores
    x = np.array(scores, dtype=float, copy=True)
    x[..., bent] = matrix.values(scores)[..., bent]
    return x


def batch_weights(weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Weights (S, m) shaped to multiply x: (S, 1, m), whether x is shared (n, m) or per draw (S, n, m)."""
    return np.asarray(weights, dtype=float)[:, None, :]


def sub_chunks(size: int, per_draw_cells: int, budget: int = 2_000_000) -> list[slice]:
    """Slices of a chunk of draws so that per-draw pair tables (size x per_draw_cells) stay near ``budget`` numbers."""
    step = max(1, budget // max(1, per_draw_cells))
    return [slice(i, min(i + step, size)) for i in range(0, size, step)]


def flat_objectives(x: np.ndarray) -> np.ndarray:
    """(m,) bool: objectives on which every option scores the same."""
    if x.shape[0] == 0:
        return np.zeros(x.shape[1], dtype=bool)
    return np.ptp(x, axis=0) <= 0


def flat_warnings(matrix, x: np.ndarray, method: str, flat: np.ndarray | None = None) -> list[str]:
    """A warning per objective that cannot discriminate (skipping those build_matrix already reported)."""
    flat = flat_objectives(x) if flat is None else flat
    if not flat.any():
        return []
    already = np.asarray(getattr(matrix, "flat", np.zeros(x.shape[1], dtype=bool)))
    out = []
    for j in np.flatnonzero(flat & ~already):
        out.append(f"{method}: objective '{matrix.objectives[j]}' cannot discriminate (every option ranked scores it {x[0, j]:g}); it adds nothing to the ranking")
    return out


def check_normalisation(how: str, method: str, allowed: tuple[str, ...] = NORMALISATIONS) -> None:
    from negotiator.errors import Problem, UsageError
    from negotiator.messages import Message

    if how not in allowed:
        raise UsageError(Problem(Message("me_unknown_normalisation", method=method, how=how), hint=Message("err_use_one_of", choices=", ".join(allowed))))


def normalise_columns(x: np.ndarray, how: str, method: str = "the") -> np.ndarray:
    """Each objective's column of x (..., n, m) normalised over the options (axis -2), direction kept.

    vector x / sqrt(sum x^2); minmax (x - min) / (max - min); sum x / sum x; max x / max x; none x.
    A column that cannot be divided (length, width, sum or maximum 0) becomes 0: it cannot
    discriminate. sum and max need scores >= 0 (a ratio scale): negative scores are refused.
    """
    x = np.asarray(x, dtype=float)
    if how == "none":
        return x.copy()
    if how == "minmax":
        low = x.min(axis=-2, keepdims=True)
        width = x.max(axis=-2, keepdims=True) - low
        return (x - low) / np.where(width > 0, width, np.inf)
    if how == "vector":
        denom = np.sqrt((x * x).sum(axis=-2, keepdims=True))
    else:
        if (x < 0).any():
            from negotiator.errors import Problem, UsageError
            from negotiator.messages import Message

            key = "me_negative_sum" if how == "sum" else "me_negative_max"
            raise UsageError(Problem(Message(key, method=method, how=how), hint=Message("me_negative_hint")))
        denom = x.sum(axis=-2, keepdims=True) if how == "sum" else x.max(axis=-2, keepdims=True)
    return x / np.where(denom > 0, denom, np.inf)
