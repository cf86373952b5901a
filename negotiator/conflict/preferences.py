"""Preferences as ordinal values: ``values[i][s]`` is higher the more DM ``i`` likes state ``s``.

Option prioritisation (Fang, Hipel, Kilgour & Wang 2003, the GMCR II method):
statements are listed from most to least important; a state is preferred to
another if it satisfies the first statement on which they differ (equivalently,
its score sum of 2**(K-k) over the true statements is higher). States that agree
on every statement are tied. A direct ranking lists tiers, best first.

Values are dense: 0 is the least preferred tier, ``max`` the most preferred.
"""

from __future__ import annotations

import numpy as np

from negotiator.case.conflict_statements import evaluate_statement, parse_statement
from negotiator.case.conflict_states import StateSpace

__all__ = ["statement_truth", "values_from_prioritisation", "values_from_ranking", "preference_values", "tiers"]


def statement_truth(space: StateSpace, statements) -> np.ndarray:
    """(states x statements) bool: which statement holds in which state."""
    taken = space.taken_matrix()
    column = {o: k for k, o in enumerate(space.option_ids)}
    cols = [evaluate_statement(parse_statement(st.statement if hasattr(st, "statement") else st), taken, column) for st in statements]
    return np.stack(cols, axis=1) if cols else np.zeros((space.n_states, 0), dtype=bool)


def values_from_prioritisation(space: StateSpace, statements) -> np.ndarray:
    truth = statement_truth(space, statements).astype(np.uint8)
    # np.unique over rows sorts lexicographically, first (most important) statement first.
    _, inverse = np.unique(truth, axis=0, return_inverse=True)
    return np.asarray(inverse, dtype=np.int64).reshape(-1)


def values_from_ranking(space: StateSpace, ranking) -> np.ndarray:
    values = np.full(space.n_states, -1, dtype=np.int64)
    top = len(ranking) - 1
    for t, tier in enumerate(ranking):
        for state in tier:
            values[space.state(state)] = top - t
    return values


def preference_values(conflict, space: StateSpace) -> np.ndarray:
    """(DMs x states) int64 ordinal values for every DM of a validated conflict."""
    rows = []
    for dm in conflict.decision_makers.values():
        p = dm.preferences
        rows.append(values_from_prioritisation(space, p.prioritisation) if p.prioritisation is not None else values_from_ranking(space, p.ranking))
    return np.stack(rows)


def tiers(values: np.ndarray) -> list[list[int]]:
    """States grouped by value, most preferred tier first."""
    levels = sorted(set(int(v) for v in values), reverse=True)
    return [[int(s) for s in np.flatnonzero(values == lv)] for lv in levels]
