"""Build a case from pandas DataFrames, and back.

The frames follow the workbook layout (docs/authoring.md), with ids as the
index and an uncertain score as a ``(low, likely, high)`` tuple. Building a
case from frames runs the same reader and the same validation as a workbook
import, so every case rule applies and every problem names its frame, row and
column::

    frames = case_to_frames(load_case())          # dict of DataFrames
    frames["scores"].loc["reintegration_support", "social_stability"] = (6, 8, 9)
    loaded = case_from_frames(**frames)           # a validated LoadedCase
    text = case_to_yaml(loaded)                   # ready to save as case.yaml
"""

from __future__ import annotations

from typing import Any, Mapping

from negotiator.authoring._cells import Issues, is_blank

__all__ = ["FRAME_NAMES", "case_to_frames", "case_from_frames", "case_to_yaml"]

#: Frame name -> workbook sheet it stands for.
FRAME_NAMES = {
    "objectives": "Objectives",
    "options": "Options",
    "scores": "Scores",
    "notes": "Score notes",
    "weights": "Weights",
    "constraints": "Constraints",
    "scenarios": "Scenarios",
    "scenario_scores": "Scenario scores",
    "key_order": "Key order",
}
_INDEXED = ("objectives", "options", "scores", "notes", "weights", "scenarios")


def case_to_frames(case=None) -> dict[str, Any]:
    """The case as DataFrames (plus ``weight_forms``, ``other`` and the case fields).

    ``case``: a LoadedCase, a path, or None for the bundled case. The result's
    keys are exactly the keyword arguments of :func:`case_from_frames`.
    """
    import pandas as pd

    from negotiator.ranking.api import as_loaded
    from negotiator.authoring.layout import case_to_tables, other_sections
    from negotiator.authoring.workbook import _raw_data

    loaded = as_loaded(case)
    raw = _raw_data(loaded)
    tables = case_to_tables(loaded.case, raw=raw, range_style="tuple")
    out: dict[str, Any] = {}
    for key, sheet in FRAME_NAMES.items():
        rows = tables[sheet]
        header, body = rows[0], rows[1:]
        if key == "weights":
            forms = dict(zip(header[1:], body[0][1:]))
            body = body[1:]
            out["weight_forms"] = pd.Series(forms, dtype=object, name="form")
        frame = pd.DataFrame(body, columns=header, dtype=object)
        if key in _INDEXED:
            frame = frame.set_index(header[0])
        out[key] = frame.where(frame.notna(), None)
    c = loaded.case
    out.update(title=c.title, title_zh=c.title_zh, description=c.description, other=other_sections(c, raw) or None)
    return out


def _rows(frame, name: str) -> tuple[list[list[Any]], Any]:
    """A DataFrame as table rows (header first) and a function naming its cells."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        from negotiator.errors import Problem, UsageError
        from negotiator.messages import Message

        raise UsageError(Problem(Message("ea_not_frame", name=name, kind=type(frame).__name__)))
    df = frame
    indexed = not isinstance(df.index, pd.RangeIndex) or df.index.name is not None
    if indexed:
        df = df.reset_index()
    header = [str(c) for c in df.columns]
    body = [[None if is_blank(v) else v for v in row] for row in df.itertuples(index=False, name=None)]
    labels = [str(row[0]) if row and row[0] is not None else f"#{i}" for i, row in enumerate(body)]

    def where(r: int, c: int) -> str:
        column = header[c] if c < len(header) else f"#{c}"
        if r == 0:
            return f"{name}: column '{column}'"
        return f"{name}[{labels[r - 1]!r}, {column!r}]" if indexed else f"{name} row {r - 1}, column '{column}'"

    return [header] + body, where


def case_from_frames(
    objectives,
    options,
    scores,
    weights=None,
    constraints=None,
    scenarios=None,
    scenario_scores=None,
    notes=None,
    key_order=None,
    weight_forms: Mapping[str, str] | None = None,
    title: str | None = None,
    title_zh: str | None = None,
    description: str | None = None,
    other: Mapping[str, Any] | None = None,
    name: str = "<frames>",
):
    """A validated LoadedCase from DataFrames; CaseError lists every problem with frame, row and column.

    ``weights`` has objectives as rows and profiles as columns; ``weight_forms``
    says per profile whether the column holds ``weights`` (the default) or an
    ``order`` (1 = most important). ``other`` holds sections with no frame
    (games, negotiations) as plain data. ``key_order`` (path, keys) keeps
    the order of keys a frame cannot show, e.g. a profile listing its most
    important objective first; without it the objectives' order is used.
    """
    from negotiator.authoring.layout import FORM_LABEL, Sheet, tables_to_data
    from negotiator.authoring._validate import validate_data

    issues = Issues(name)
    sheets: dict[str, Sheet] = {}
    given = dict(objectives=objectives, options=options, scores=scores, weights=weights, constraints=constraints, scenarios=scenarios, scenario_scores=scenario_scores, notes=notes, key_order=key_order)
    for key, frame in given.items():
        if frame is None:
            continue
        rows, where = _rows(frame, key)
        if key == "weights":
            forms = dict(weight_forms.items()) if weight_forms is not None else {}
            rows.insert(1, [FORM_LABEL, *(forms.get(pid, "weights") for pid in rows[0][1:])])
            inner = where

            def where(r: int, c: int, _inner=inner, _header=rows[0]) -> str:  # noqa: E306 - row 1 is the made-up form row
                return f"weight_forms[{_header[c]!r}]" if r == 1 else _inner(r - 1 if r > 1 else r, c)

        sheets[FRAME_NAMES[key]] = Sheet(FRAME_NAMES[key], rows, where)
    case_rows: list[list[Any]] = [["field", "value"], ["negotiator", 1]]
    for field_name, value in (("title", title), ("title_zh", title_zh), ("description", description)):
        if value is not None:
            case_rows.append([field_name, value])
    sheets["Case"] = Sheet("Case", case_rows, lambda r, c: f"{case_rows[r][0]}" if r else "case")
    data, locations = tables_to_data(sheets, issues, other=dict(other) if other else None)
    loaded = validate_data(data, locations, issues, name=name)
    loaded._authoring_data = data  # kept so case_to_yaml writes the author's form of other sections
    return loaded


def case_to_yaml(case, source: str | None = None) -> str:
    """YAML text of a case (a LoadedCase from frames, a path, or None for the bundled case)."""
    from negotiator.ranking.api import as_loaded
    from negotiator.authoring.layout import case_to_tables, tables_to_data, Sheet
    from negotiator.authoring.workbook import ImportedCase, _raw_data

    loaded = as_loaded(case)
    data = getattr(loaded, "_authoring_data", None)
    if data is None:
        tables = case_to_tables(loaded.case, raw=_raw_data(loaded))
        issues = Issues(loaded.name)
        sheets = {n: Sheet(n, rows, lambda r, c, _n=n: f"{_n}!{r},{c}") for n, rows in tables.items()}
        data, _ = tables_to_data(sheets, issues)
    return ImportedCase(loaded=loaded, data=data, source=source or loaded.name).yaml_text()
