"""Types every part of the case schema shares (numbers, ids, scores, problems)."""

from __future__ import annotations

import math
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, SkipValidation

from negotiator.messages import TEMPLATES, Message

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
    "known_hint",
    "error_message",
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
#: RANGE_HINT as a message (worded in the reader's language); "or write 0" for a number too small.
RANGE_HINT_MESSAGE, RANGE_HINT_ZERO_MESSAGE = Message("ec_range_hint"), Message("ec_range_hint_zero")


def shown_number(value: Any) -> str:
    """A number as a message shows it: short, even for a 400-digit integer (a Message: "an integer of about 401 digits")."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**16:
        digits = int(abs(value).bit_length() * 0.30103) + 1
        return Message("ec_integer_digits", digits=digits)
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
        raise ValueError(Message("ec_bool_not_number"))
    number = value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return value  # not a number: the field's own type says what it expected
    if isinstance(number, int):
        if abs(number) > MAX_MAGNITUDE:
            raise ValueError(Message("ec_out_of_range", number=shown_number(number)))
        return value
    if isinstance(number, float):
        if math.isnan(number) or math.isinf(number):
            raise ValueError(Message("ec_not_finite"))
        if abs(number) > MAX_MAGNITUDE:
            raise ValueError(Message("ec_out_of_range", number=f"{number:g}"))
        if 0 < abs(number) < MIN_MAGNITUDE:
            raise ValueError(Message("ec_too_small", number=f"{number:g}"))
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
                raise ValueError(Message("ec_score_empty")) from None
            return value.strip()
    if isinstance(value, (list, tuple)):
        if len(value) != 3:
            raise ValueError(Message("ec_range_three_got", n=len(value)))
        if any(isinstance(v, bool) or not isinstance(v, (int, float, str)) for v in value):
            raise ValueError(Message("ec_range_three"))
        for v in value:
            if not isinstance(v, str):
                case_number(v)
        if any(isinstance(v, str) for v in value):
            # Level words: ordered once the objective's levels turn them into numbers.
            return tuple(v.strip() if isinstance(v, str) else float(v) for v in value)
        lo, mid, hi = (float(v) for v in value)
        if not lo <= mid <= hi:
            raise ValueError(Message("ec_range_order", low=value[0], likely=value[1], high=value[2]))
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
        raise ValueError(f"score {score!r} uses level words: resolve it with schema_methods.resolve_score(objective, score)")  # internal: a caller's bug
    if isinstance(score, tuple):
        return score
    return (float(score), float(score), float(score))


class CaseModel(BaseModel):
    # Unknown keys are typos until proven otherwise.
    model_config = ConfigDict(extra="forbid", frozen=True)



class RefProblem(BaseModel):
    """A problem between sections: where (a key path) and what to do."""

    path: tuple
    #: English, or a negotiator.messages.Message (kept as it is: its key words it in the reader's language).
    message: SkipValidation[str]
    hint: SkipValidation[str | None] = None


#: The kinds of ids a hint lists, each with its message key ("use one of the known objectives: a, b").
_KNOWN = {
    "objectives": "hint_known_objectives", "options": "hint_known_options", "weight profiles": "hint_known_profiles",
    "resources": "hint_known_resources", "families": "hint_known_families", "levels": "hint_known_levels",
    "parties": "hint_known_parties",
}


def known_hint(kind: str, ids, none_key: str | None = None) -> Message:
    """"use one of the known <kind>: a, b, ..." (the first 12 ids); ``none_key`` words the hint when there are none."""
    names = list(ids)
    if not names and none_key is not None:
        return Message(none_key)
    return Message(_KNOWN[kind], names=", ".join(map(str, names[:12])) + (" ..." if len(names) > 12 else ""))


#: pydantic's English for an error type the catalogue words too ("pd_" + type in messages.TEMPLATES).
#: A container's kind as pydantic names it (too_short, too_long): YAML has lists and mappings.
_PD_KINDS = {"List": "pd_kind_list", "Tuple": "pd_kind_tuple", "Dictionary": "pd_kind_dict"}


def error_message(err: dict) -> str:
    """The message of one pydantic error (``ValidationError.errors()``): a validator's own Message as
    it was raised; pydantic's English as a Message where the catalogue words that error type (its
    English exactly pydantic's, checked); otherwise pydantic's English as it is."""
    msg = err["msg"]
    ctx = err.get("ctx") or {}
    if err["type"] == "value_error":
        raised = ctx.get("error")
        said = raised.args[0] if isinstance(raised, ValueError) and raised.args else None
        return said if isinstance(said, Message) else msg.removeprefix("Value error, ")
    worded = _pydantic_message(err["type"], ctx)
    return worded if worded is not None and worded == msg else msg


def _pydantic_message(kind: str, ctx: dict) -> Message | None:
    key = "pd_" + kind
    if key not in TEMPLATES:
        return None
    params = dict(ctx)
    if kind == "literal_error":
        first, sep, last = str(ctx.get("expected", "")).rpartition(" or ")
        params = {"expected": Message("pd_either", first=first, last=last) if sep else ctx.get("expected")}
    elif kind in ("too_short", "too_long"):
        what = _PD_KINDS.get(ctx.get("field_type"))
        if what is None:
            return None
        n = ctx.get("min_length" if kind == "too_short" else "max_length")
        params = {"what": Message(what), "items": Message("pd_items_one" if n == 1 else "pd_items", n=n), "actual": ctx.get("actual_length")}
    elif kind == "string_too_short":
        n = ctx.get("min_length")
        params = {"chars": Message("pd_chars_one" if n == 1 else "pd_chars", n=n)}
    elif kind == "model_type":
        name = ctx.get("class_name")
        if "pd_class_" + str(name) not in TEMPLATES:
            return None
        params = {"class_name": Message("pd_class_" + name)}
    try:
        return Message(key, **params)
    except (KeyError, IndexError, ValueError):
        return None
