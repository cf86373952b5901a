"""Cell-level pieces shared by the workbook, the DataFrame API and the CSV import.

A cell holds what a person typed in a spreadsheet: a number, a text, a date
Excel made up, nothing. These helpers turn one cell into one case value (or
one clear complaint naming the cell), and back.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from negotiator.errors import CaseError, Problem
from negotiator.messages import Message

__all__ = [
    "RANGE_SEPARATOR",
    "Locations",
    "Issues",
    "is_blank",
    "format_number",
    "format_score",
    "parse_score",
    "parse_number",
    "parse_text",
    "parse_id",
    "parse_id_list",
    "format_id_list",
    "flow_text",
    "parse_flow",
]

#: An uncertain score is one text cell: ``low / likely / high`` (documented in docs/authoring.md).
RANGE_SEPARATOR = " / "

_YAML_UNSAFE = re.compile("[\x7f-\x9f\ufeff\ufffe\uffff]")
_RANGE_SPLIT = re.compile(r"\s*[/;]\s*|\s*,\s*")


def is_blank(value: Any) -> bool:
    """Nothing typed: None, an empty or all-space text, or a pandas/NumPy missing value."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float) and math.isnan(value):
        return True
    try:  # pandas.NA and NaT without importing pandas here
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def format_number(value: float) -> int | float:
    """A number as a cell shows it best: 4.0 as 4, everything else untouched."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _number_text(value: float) -> str:
    v = format_number(float(value))
    return str(v) if isinstance(v, int) else repr(v)


def format_score(score: Any, style: str = "text") -> Any:
    """A point as a number; a [low, likely, high] range as ``"5 / 6 / 7"`` (or a tuple).

    Level words (``high``) stay words: ``"low / medium / high"``.
    """
    if isinstance(score, (list, tuple)):
        if style == "tuple":
            return tuple(v if isinstance(v, str) else format_number(float(v)) for v in score)
        return RANGE_SEPARATOR.join(v if isinstance(v, str) else _number_text(v) for v in score)
    return format_number(score) if isinstance(score, float) else score


def _plain_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return value
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:  # an integer past float's range: as a typed "1e400" reads (inf), refused as out of range
            return float("inf") if value > 0 else float("-inf")
    if isinstance(value, str):
        text = value.strip()
        try:
            number = float(text)
        except ValueError:
            return None
        if text.lower() in ("nan", "inf", "-inf", "+inf", "infinity", "-infinity"):
            return None
        return number
    try:  # numpy scalars
        import numbers

        if isinstance(value, numbers.Real):
            return float(value)
    except Exception:  # pragma: no cover - defensive
        return None
    return None


def _date_complaint(value: Any) -> Message | None:
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return Message("ev_date_score", date=str(value))
    return None


def parse_number(value: Any) -> tuple[float | None, str | None]:
    """(number, None) or (None, complaint)."""
    bad = _date_complaint(value)
    if bad:
        return None, bad
    number = _plain_number(value)
    if number is None or math.isnan(number) or math.isinf(number):
        return None, Message("ev_not_a_number", value=_shown(value))
    return number, None


def parse_score(value: Any, words: bool = False) -> tuple[Any, str | None]:
    """A score cell: a number, or ``low / likely / high`` (also ``[l, m, h]`` or a 3-tuple).

    With ``words`` (the objective defines levels) a part may be a level word
    such as ``high``; the schema checks the word. The order low <= likely <=
    high is checked by the schema too, as for YAML.
    """
    if type(value) is str:  # the common case (every CSV cell), answered without the checks below
        try:
            number = float(value)
        except ValueError:
            pass
        else:
            if math.isfinite(number):
                return number, None
    bad = _date_complaint(value)
    if bad:
        return None, bad
    if isinstance(value, (list, tuple)):
        parts = list(value)
    elif isinstance(value, str) and any(sep in value for sep in "/;,["):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            text = text[1:-1]
        parts = [p for p in _RANGE_SPLIT.split(text.strip())]
    else:
        number = _plain_number(value)
        if number is None or math.isnan(number) or math.isinf(number):
            if words and isinstance(value, str) and value.strip():
                return value.strip(), None
            return None, Message("ev_not_a_score", value=_shown(value))
        return number, None
    if len(parts) != 3:
        return None, Message("ev_range_three", value=_shown(value), n=len(parts))
    numbers: list[Any] = []
    for part in parts:
        number = _plain_number(part)
        if number is None or math.isnan(number) or math.isinf(number):
            if words and isinstance(part, str) and part.strip():
                numbers.append(part.strip())
                continue
            return None, Message("ev_part_not_a_number", value=_shown(value), part=_shown(part))
        numbers.append(number)
    return numbers, None


def parse_text(value: Any) -> str | None:
    """A text field: numbers typed into it become their text (family 1 -> '1')."""
    if is_blank(value):
        return None
    if isinstance(value, float):
        value = format_number(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value)


def parse_id(value: Any) -> str | None:
    """An id cell: text without surrounding spaces (a typed 2025 becomes '2025')."""
    text = parse_text(value)
    return None if text is None else text.strip()


def parse_id_list(value: Any) -> list[str]:
    """``a, b, c`` -> ['a', 'b', 'c'] (commas, semicolons or line breaks separate)."""
    text = parse_text(value)
    if text is None:
        return []
    return [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]


def format_id_list(ids: list[str]) -> str | None:
    return ", ".join(ids) if ids else None


def flow_text(value: Any) -> str:
    """One-line YAML for a cell. JSON is valid YAML, keeps key order and reads back exactly.

    Chinese stays readable; the few characters YAML refuses raw (DEL, C1
    controls, BOM) are escaped.
    """
    text = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def parse_flow(value: Any, file: str = "<cell>", where: str | None = None) -> tuple[Any, str | None]:
    """A '(yaml)' cell back to data: typed numbers as they are, text parsed as YAML.

    Text goes through the case reader's guard (case.yamlio): an alias bomb, a
    recursive alias or a tag such as ``!!python/...`` raises its
    UnsafeYamlError naming ``file`` and ``where``; a syntax error is returned
    as the second item, for the caller to report with its own hint.
    """
    if not isinstance(value, str):
        return value, None
    from negotiator.case.yamlio import UnsafeYamlError, parse_yaml_fragment

    try:
        return parse_yaml_fragment(value, file, where), None
    except UnsafeYamlError:
        raise
    except CaseError as exc:
        return None, Message("ev_not_yaml", detail=exc.problems[0].message)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value.strip() if value.strip() else value)
    return repr(value)


# -- where things came from, and what is wrong --------------------------------


@dataclass
class Location:
    where: str  # "Scores!D7", "frame 'scores' [a, gain]", ...
    covered: bool = False  # a parse problem already explains anything reported here


@dataclass
class Locations:
    """Key paths of the case (("options", "a", "scores", "gain")) -> the cell they came from."""

    entries: list[Location] = field(default_factory=list)
    index: dict[tuple, int] = field(default_factory=dict)

    def add(self, path: tuple, where: str, covered: bool = False) -> None:
        self.entries.append(Location(where, covered))
        self.index[tuple(path)] = len(self.entries) - 1

    def cover(self, path: tuple) -> None:
        i = self.index.get(tuple(path))
        if i is not None:
            self.entries[i].covered = True

    def deepest(self, path: tuple) -> tuple[int | None, int]:
        """Token (1-based) of the deepest registered prefix of ``path``, and its depth."""
        for depth in range(len(path), 0, -1):
            i = self.index.get(tuple(path[:depth]))
            if i is not None:
                return i + 1, depth
        return None, 0

    def entry(self, token: int) -> Location:
        return self.entries[token - 1]


@dataclass
class Issues:
    """Every problem found while reading, all reported at once."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dated: set[str] = field(default_factory=set)

    def add(self, where: str | None, message: str, hint: str | None = None) -> None:
        if where is not None and where in self.dated:
            return  # the cell is already reported as a date; what follows from reading it as empty is not news
        self.problems.append(Problem(message, file=self.source, where=where, hint=hint))

    def date(self, where: str, shown: str) -> None:
        """A cell the spreadsheet turned into a date: refused, named, and read as empty from here on."""
        self.add(where, Message("ev_date_cell", date=shown), Message("ev_date_cell_hint", date=shown))
        self.dated.add(where)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def __bool__(self) -> bool:
        return bool(self.problems)


WhereFn = Callable[[int, int], str]
