"""Aggregation methods: pure functions from a value matrix and weights to scores.

Every method returns a MethodResult whose ``scores`` rank higher-is-better,
so ranking, reports and views treat all methods alike. A method that
natively ranks lower-is-better (VIKOR's Q) says so in ``score_name`` and
``details`` and negates or complements its score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..errors import Problem, UsageError

__all__ = ["MethodResult", "METHODS", "METHOD_NOTES", "register", "get_method", "method_names", "method_notes"]


@dataclass(frozen=True)
class MethodResult:
    scores: np.ndarray  # (n,) higher is better
    contributions: np.ndarray | None = None  # (n, m) when the score is a sum of per-objective parts
    score_name: str = "score"
    details: dict = field(default_factory=dict)


#: name -> function(matrix: DecisionMatrix, weights: ndarray (m,), **options) -> MethodResult
METHODS: dict[str, Callable[..., MethodResult]] = {}

#: name -> one-line conventions (normalisation, ties, options) for `negotiator methods`.
METHOD_NOTES: dict[str, str] = {}


def register(name: str, notes: str | None = None):
    def deco(fn):
        METHODS[name] = fn
        if notes:
            METHOD_NOTES[name] = notes
        return fn

    return deco


#: Modules imported for their @register side effect, in the order methods are listed.
_METHOD_MODULES = ["additive", "topsis", "promethee", "vikor", "electre"]


def _load_all() -> None:
    import importlib

    for module in _METHOD_MODULES:
        importlib.import_module(f"{__name__}.{module}")


def method_names() -> list[str]:
    _load_all()
    return list(METHODS)


def get_method(name: str) -> Callable[..., MethodResult]:
    _load_all()
    if name not in METHODS:
        raise UsageError(Problem(f"unknown method '{name}'", hint="use one of: " + ", ".join(METHODS)))
    return METHODS[name]


def method_notes() -> dict[str, str]:
    """Every method with its conventions in one line."""
    _load_all()
    return {name: METHOD_NOTES.get(name, (METHODS[name].__doc__ or "").strip().splitlines()[0]) for name in METHODS}
