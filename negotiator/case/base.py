"""Types every part of the case schema shares (numbers, ids, scores, problems)."""

from __future__ import annotations

import math
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

__all__ = [
    "MAX_MAGNITUDE",
    "MIN_MAGNITUDE",
    "OUT_OF_RANGE",
    "TOO_SMALL",
    "RANGE_HINT",
    "Number",
    "NonNegative",
    "Positive",
    "Count",
    "Id",
    "LevelWord",
    "ScoreValue",
    "case_number",
    "shown_number",
    "score_triple",
    "CaseModel",
    "RefProblem",
]

#: The largest magnitude a number in a case may have (scores, scales, weights, payoffs,
#: resources, budgets, bonuses, counts...). Below 2**53 (about 9.007e15) every integer is a
#: double exactly, so scores, their differences (a scale's width) and sums of a few dozen
#: weights or resources stay exact to the unit, nothing overflows (1e308 does), and every
#: coefficient stays far inside what the MILP solver represents (CBC takes 1e30 as infinity).
MAX_MAGNITUDE = 1e15
#: The smallest magnitude a non-zero number may have: below it a number is noise next to 1
#: (a double carries about 16 digits), and exact game arithmetic (fractions of the decimal
#: as written) would need denominators past what a float can hold (5e-324 = 5/10**324).
MIN_MAGNITUDE = 1e-15

#: Words every out-of-range message carries (catalog.py gives those problems RANGE_HINT).
OUT_OF_RANGE = "a case holds numbers from -1e15 to 1e15"
TOO_SMALL = "a non-zero number in a case is at least 1e-15 in size"
RANGE_HINT = "rescale the figures (count in thousands or millions of a unit, or in parts of one); docs/authoring.md, 'Numbers', says why"


def shown_number(value: Any) -> str:
    """A number as a message shows it: short, even for a 400-digit integer."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**16:
        digits = int(abs(value).bit_length() * 0.30103) + 1
        return f"an integer of about {digits} digits"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    text = str(value)
    return text if len(text) <= 60 else text[:60] + "…"


def case_number(value: Any) -> Any:
    """Before-validator of every number in a case: no true/false, nothing NaN, infinite or out of range.

    Integers are checked as integers (a 401-digit one would overflow ``float()``);
    text that reads as a number is checked as the number it reads as.
    """
    # YAML's `yes`/`true` would otherwise pass as 1.0 (or 1) and hide a typo.
    if isinstance(value, bool):
        raise ValueError("expected a number, got true/false")
    number = value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value  # not a number: the field's own type says what it expected
    if isinstance(number, int):
        if abs(number) > MAX_MAGNITUDE:
            raise ValueError(f"{shown_number(number)} is out of range: {OUT_OF_RANGE}")
        return value
    if isinstance(number, float):
        if math.isnan(number) or math.isinf(number):
            raise ValueError("expected a finite number, got NaN or infinity")
        if abs(number) > MAX_MAGNITUDE:
            raise ValueError(f"{number:g} is out of range: {OUT_OF_RANGE}")
        if 0 < abs(number) < MIN_MAGNITUDE:
            raise ValueError(f"{number:g} is too small to tell apart from 0: {TOO_SMALL}")
    return value


# Kept under its old name for the modules that import it.
_no_bool = case_number

_BOUNDS = Field(ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE, allow_inf_nan=False)

Number = Annotated[float, BeforeValidator(case_number), _BOUNDS]
NonNegative = Annotated[float, BeforeValidator(case_number), Field(ge=0, le=MAX_MAGNITUDE, allow_inf_nan=False)]
Positive = Annotated[float, BeforeValidator(case_number), Field(gt=0, le=MAX_MAGNITUDE, allow_inf_nan=False)]
#: A whole number (of measures, say): true/false and numbers out of range refused, 3.0 taken as 3.
Count = Annotated[int, BeforeValidator(case_number), Field(ge=-int(MAX_MAGNITUDE), le=int(MAX_MAGNITUDE))]
Id = Annotated[str, Field(min_length=1, pattern=r"^[\w][\w.\-]*$")]


def _check_range(value: Any) -> Any:
    if isinstance(value, str):
        # A quoted number is still a number; any other text is a level word (see Objective.levels).
        try:
            return case_number(float(value))
        except ValueError:
            if _reads_as_number(value):
                raise
            if not value.strip():
                raise ValueError("a score cannot be empty text") from None
            return value.strip()
    if isinstance(value, (list, tuple)):
        if len(value) != 3:
            raise ValueError(f"a range is [low, likely, high]: three numbers, got {len(value)}")
        if any(isinstance(v, bool) or not isinstance(v, (int, float, str)) for v in value):
            raise ValueError("a range is [low, likely, high]: three numbers")
        for v in value:
            if not isinstance(v, str):
                case_number(v)
        if any(isinstance(v, str) for v in value):
            # Level words: ordered once the objective's levels turn them into numbers.
            return tuple(v.strip() if isinstance(v, str) else float(v) for v in value)
        lo, mid, hi = (float(v) for v in value)
        if not lo <= mid <= hi:
            raise ValueError(f"a range must be ordered low <= likely <= high, got [{value[0]}, {value[1]}, {value[2]}]")
        return (lo, mid, hi)
    if isinstance(value, (int, float)):
        return case_number(value)
    return value


def _reads_as_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


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
