"""Types every part of the case schema shares (numbers, ids, scores, problems)."""

from __future__ import annotations

import math
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

__all__ = ["Number", "NonNegative", "Id", "LevelWord", "ScoreValue", "score_triple", "CaseModel", "RefProblem"]


def _no_bool(value: Any) -> Any:
    # YAML's `yes`/`true` would otherwise pass as 1.0 and hide a typo.
    if isinstance(value, bool):
        raise ValueError("expected a number, got true/false")
    return value


Number = Annotated[float, BeforeValidator(_no_bool), Field(allow_inf_nan=False)]
NonNegative = Annotated[float, BeforeValidator(_no_bool), Field(ge=0, allow_inf_nan=False)]
Id = Annotated[str, Field(min_length=1, pattern=r"^[\w][\w.\-]*$")]


def _check_range(value: Any) -> Any:
    if isinstance(value, str):
        # A quoted number is still a number; any other text is a level word (see Objective.levels).
        try:
            return float(value)
        except ValueError:
            if not value.strip():
                raise ValueError("a score cannot be empty text") from None
            return value.strip()
    if isinstance(value, (list, tuple)):
        if len(value) != 3:
            raise ValueError(f"a range is [low, likely, high]: three numbers, got {len(value)}")
        if any(isinstance(v, bool) or not isinstance(v, (int, float, str)) for v in value):
            raise ValueError("a range is [low, likely, high]: three numbers")
        if any(isinstance(v, str) for v in value):
            # Level words: ordered once the objective's levels turn them into numbers.
            return tuple(v.strip() if isinstance(v, str) else float(v) for v in value)
        lo, mid, hi = (float(v) for v in value)
        if any(math.isnan(v) or math.isinf(v) for v in (lo, mid, hi)):
            raise ValueError("a range cannot hold NaN or infinity")
        if not lo <= mid <= hi:
            raise ValueError(f"a range must be ordered low <= likely <= high, got [{value[0]}, {value[1]}, {value[2]}]")
        return (lo, mid, hi)
    return value


LevelWord = Annotated[str, Field(min_length=1)]

#: A score: a point, or a [low, likely, high] range of analyst judgment; a level word
#: (e.g. "high") where the objective defines ``levels`` (matrix.py turns words into numbers).
ScoreValue = Annotated[
    Union[Number, tuple[float, float, float], LevelWord, tuple[Union[float, LevelWord], Union[float, LevelWord], Union[float, LevelWord]]],
    BeforeValidator(_check_range),
]


def score_triple(score: float | tuple[float, float, float]) -> tuple[float, float, float]:
    """(low, likely, high) of a score; a point is its own range."""
    if isinstance(score, str) or (isinstance(score, tuple) and any(isinstance(s, str) for s in score)):
        raise ValueError(f"score {score!r} uses level words: resolve it with schema_methods.resolve_score(objective, score)")
    if isinstance(score, tuple):
        return score
    return (float(score), float(score), float(score))


class CaseModel(BaseModel):
    # Unknown keys are typos until proven otherwise.
    model_config = ConfigDict(extra="forbid", frozen=True)



class RefProblem(BaseModel):
    """A problem between sections: where (a key path) and what to do."""

    path: tuple
    message: str
    hint: str | None = None
