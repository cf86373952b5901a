"""What the distance and outranking methods share: the criterion table they work on
and the warning for objectives that cannot discriminate."""

from __future__ import annotations

import numpy as np

__all__ = ["criterion_table", "flat_objectives", "flat_warnings"]


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
