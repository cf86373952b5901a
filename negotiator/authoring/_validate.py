"""Validate case data built from cells exactly as catalog.py validates a YAML file.

The data goes through catalog's own merge and validation (the pydantic schema,
then every cross-section rule), so a workbook obeys every rule a YAML case
does. Only the *location* differs: catalog asks each document for the line of
a key path; our stand-in document answers with a token for the cell the value
came from, and the problems are then re-labelled with sheet and cell.
"""

from __future__ import annotations

from typing import Any

from negotiator.errors import CaseError, Problem
from negotiator.authoring._cells import Issues, Locations

__all__ = ["validate_data"]

_MARK = "\x00cells\x00"


class _CellDocument:
    """Quacks like yamlio.YamlDocument for catalog: ``path``, ``data`` and ``line_of``."""

    def __init__(self, data: dict, locations: Locations):
        self.path = _MARK
        self.data = data
        self.tree = None
        self.text = ""
        self._locations = locations

    def line_of(self, keys: tuple) -> tuple[int | None, int]:
        return self._locations.deepest(tuple(keys))


def _relabel(problem: Problem, locations: Locations, issues: Issues) -> Problem | None:
    """A catalog problem, placed on its cell; None when a cell problem already says it."""
    if problem.file != _MARK:
        return problem
    where = problem.where
    if problem.line and problem.line <= len(locations.entries):  # a line no cell gave (a whole sheet missing): unplaced
        entry = locations.entry(problem.line)
        if entry.covered or any(p.where == entry.where for p in issues.problems):
            return None
        where = entry.where
    return Problem(problem.message, file=issues.source, where=where, hint=problem.hint)


def _reading_order(problem: Problem) -> tuple:
    """Sheet by sheet in workbook order, then row, then column; anything else keeps its place at the end."""
    import re

    from negotiator.authoring.layout import SHEET_ORDER

    m = re.match(r"^'?([^'!]+)'?!([A-Z]+)(\d+)", problem.where or "")
    if not m or m.group(1) not in SHEET_ORDER:
        return (len(SHEET_ORDER), 0, 0, "")
    column = m.group(2)
    return (SHEET_ORDER.index(m.group(1)), int(m.group(3)), len(column), column)


def validate_data(data: dict, locations: Locations, issues: Issues, name: str):
    """A LoadedCase from cell-built data, or CaseError with every problem (cell problems first)."""
    from negotiator.case.catalog import LoadedCase, _merge, _validate, case_sha256

    doc = _CellDocument(data, locations)
    problems: list[Problem] = []
    case: Any = None
    try:
        case = _validate(_merge([doc]), [doc])
    except CaseError as exc:
        for p in exc.problems:
            relabelled = _relabel(p, locations, issues)
            if relabelled is not None and relabelled not in problems:
                problems.append(relabelled)
    if issues.problems or problems:
        raise CaseError(sorted(list(issues.problems) + problems, key=_reading_order))
    return LoadedCase(case=case, name=name, documents=[], sha256=case_sha256(case), warnings=list(issues.warnings))
