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

__all__ = ["MethodResult", "METHODS", "register", "get_method", "method_names"]


@dataclass(frozen=True)
class MethodResult:
    scores: np.ndarray  # (n,) higher is better
    contributions: np.ndarray | None = None  # (n, m) when the score is a sum of per-objective parts
    score_name: str = "score"
    details: dict = field(default_factory=dict)


#: name -> function(matrix: DecisionMatrix, weights: ndarray (m,), **options) -> MethodResult
METHODS: dict[str, Callable[..., MethodResult]] = {}


def register(name: str):
    def deco(fn):
        METHODS[name] = fn
        return fn

    return deco


#: Modules imported for their @register side effect, in the order methods are listed.
_METHOD_MODULES = ["additive"]


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
