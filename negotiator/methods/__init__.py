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

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["MethodResult", "METHODS", "METHOD_NOTES", "BATCH", "register", "register_batch", "get_method", "get_batch", "method_names", "method_notes", "method_options"]


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


#: name -> function(matrix, x, maximise, weights, **options) -> (S, n) scores for S weight vectors
#: at once: the same numbers as S calls of the method, for Monte Carlo (SMAA) without a Python loop.
#: x is the criterion table (n, m) shared by every draw, or (S, n, m) when the scores are drawn too.
BATCH: dict[str, Callable[..., np.ndarray]] = {}


def register_batch(name: str):
    def deco(fn):
        BATCH[name] = fn
        return fn

    return deco


def get_batch(name: str) -> Callable[..., np.ndarray] | None:
    """The vectorised form of a method, or None when it has none (callers then loop)."""
    _load_all()
    return BATCH.get(name)


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
    # A test or a user may import one method module first; list methods in the documented order.
    rank = {m: i for i, m in enumerate(_METHOD_MODULES)}
    ordered = sorted(METHODS.items(), key=lambda kv: rank.get(kv[1].__module__.rsplit(".", 1)[-1], len(rank)))
    METHODS.clear()
    METHODS.update(ordered)


def method_names() -> list[str]:
    """Registered methods in the order of _METHOD_MODULES (not import order, which tests may change)."""
    _load_all()
    rank = {f"{__name__}.{m}": i for i, m in enumerate(_METHOD_MODULES)}
    return sorted(METHODS, key=lambda name: rank.get(METHODS[name].__module__, len(rank)))


def get_method(name: str) -> Callable[..., MethodResult]:
    _load_all()
    if name not in METHODS:
        raise UsageError(Problem(Message("err_unknown_method", method=name), hint=Message("err_use_one_of", choices=", ".join(method_names()))))
    return METHODS[name]


def method_notes() -> dict[str, str]:
    """Every method with its conventions in one line."""
    _load_all()
    return {name: METHOD_NOTES.get(name) or _first_line(METHODS[name].__doc__) for name in method_names()}


def _first_line(doc: str | None) -> str:
    lines = (doc or "").strip().splitlines()
    return lines[0] if lines else "(no description)"


def method_options(method: str, vikor_v: float | None = None, topsis_normalisation: str | None = None, electre_c: float | None = None, electre_d: float | None = None, strict: bool = True, electre_range: str | None = None, electre_normalisation: str | None = None, additive_normalisation: str | None = None) -> dict:
    """Keyword options for one method from the command line's method-specific flags.

    With ``strict``, a flag meant for another method is an error (it would
    silently do nothing otherwise); compare-methods passes strict=False and
    gives each method its own flags.
    """
    given = {
        "vikor": {"v": (vikor_v, "--vikor-v")},
        "topsis": {"normalisation": (topsis_normalisation, "--topsis-normalisation")},
        "electre": {"concordance": (electre_c, "--electre-c"), "discordance": (electre_d, "--electre-d"), "discordance_range": (electre_range, "--electre-range"), "normalisation": (electre_normalisation, "--electre-normalisation")},
        "additive": {"normalisation": (additive_normalisation, "--additive-normalisation")},
    }
    out: dict = {}
    for owner, opts in given.items():
        for key, (value, flag) in opts.items():
            if value is None:
                continue
            if owner == method:
                out[key] = value
            elif strict:
                raise UsageError(Problem(Message("me_option_of_other", flag=flag, owner=owner, method=method), hint=Message("me_option_of_other_hint", flag=flag, owner=owner)))
    return out
