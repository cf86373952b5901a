"""What the distance and outranking methods share: the criterion table they work on
and the warning for objectives that cannot discriminate."""

from __future__ import annotations

import numpy as np

__all__ = ["criterion_table", "criterion_tables", "flat_objectives", "flat_warnings"]


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
