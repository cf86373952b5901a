"""The spreadsheet layout of a case: case -> tables of cells, and tables -> case data.

One layout serves the .xlsx workbook and the DataFrame API, so both follow
exactly the same rules. A table is a list of rows, the first row its header.

Sheets (see docs/authoring.md for what a person fills in):

- ``Case``: field | value (negotiator, title, title_zh, description).
- ``Objectives``: id, label, label_zh, direction, scale_low, scale_high, description, source.
- ``Options``: id, label, label_zh, family, source, requires, excludes, resources.<name>..., rationale.
- ``Scores``: options as rows, objectives as columns; a range is ``low / likely / high`` in one cell.
- ``Score notes``: the same grid, one line of rationale per score.
- ``Weights``: objectives as rows, profiles as columns; row 2 gives each profile's form:
  ``weights`` (numbers), ``order`` (1 = most important), ``swing`` (0-100) or the whole
  profile as YAML (ahp, hierarchy, an order with a scheme).
- ``Constraints``: kind (budget, limit, package, count, synergy), id, min, max, value, options, label.
- ``Scenarios``: id, label, label_zh, probability (blank in every row: complete ignorance), source, description.
- ``Scenario scores``: scenario, option, objective, score (one row per changed score).
- ``Other sections``: games, negotiations and any other section, as YAML text, one line per row.
- ``Key order`` (hidden): the order of keys the grid cannot show (e.g. a profile that lists
  citizen_rights first), so YAML -> xlsx -> YAML gives back the same case, hash for hash.

Fields this module does not know (added to the format later) are carried in
extra columns headed ``<field> (yaml)``, one YAML/JSON value per cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from negotiator.authoring._cells import (
    Issues,
    Locations,
    flow_text,
    format_id_list,
    format_number,
    format_score,
    is_blank,
    parse_flow,
    parse_id,
    parse_id_list,
    parse_number,
    parse_score,
    parse_text,
)
from negotiator.authoring.yamlout import block_yaml, profile_form
from negotiator.errors import CaseError, Problem
from negotiator.messages import Message

__all__ = [
    "SHEET_ORDER",
    "REQUIRED_SHEETS",
    "ID_COLUMN_SHEETS",
    "YAML_SUFFIX",
    "Sheet",
    "case_to_tables",
    "tables_to_data",
    "README_LINES",
]

YAML_SUFFIX = " (yaml)"
FORM_LABEL = "(form)"

SHEET_ORDER = (
    "Read me",
    "Case",
    "Objectives",
    "Options",
    "Scores",
    "Score notes",
    "Weights",
    "Constraints",
    "Scenarios",
    "Scenario scores",
    "Other sections",
    "Key order",
)
REQUIRED_SHEETS = ("Case", "Objectives", "Options", "Scores", "Weights", "Constraints", "Scenarios")
#: Sheets whose first column holds ids that other sheets refer to (locked in the workbook).
ID_COLUMN_SHEETS = ("Case", "Objectives", "Options", "Scores", "Score notes", "Weights", "Scenarios")
TABLE_SHEETS = ("Case", "Objectives", "Options", "Scores", "Score notes", "Weights", "Constraints", "Scenarios", "Scenario scores", "Key order")

_CASE_FIELDS = ("negotiator", "title", "title_zh", "description")
_TABLE_SECTIONS = ("objectives", "options", "weights", "constraints", "scenarios")
_OBJECTIVE_COLUMNS = ("id", "label", "label_zh", "direction", "scale_low", "scale_high", "description", "source")
_OPTION_TEXT = ("label", "label_zh", "family", "source")
_SCENARIO_COLUMNS = ("id", "label", "label_zh", "probability", "source", "description")
_CONSTRAINT_COLUMNS = ("kind", "id", "min", "max", "value", "options", "label", "more" + YAML_SUFFIX)
_CONSTRAINT_KINDS = {"budget": "budgets", "limit": "limits", "package": "package", "count": "count", "synergy": "synergies"}
#: Which Constraints columns each kind uses (anything else typed in the row is a mistake).
_KIND_COLUMNS = {
    "budget": {"id", "value"},
    "limit": {"id", "min", "max", "more" + YAML_SUFFIX},
    "package": {"id", "min", "max", "more" + YAML_SUFFIX},
    "count": {"min", "max"},
    "synergy": {"options", "value", "label", "more" + YAML_SUFFIX},
}

README_LINES = (
    "negotiator case workbook",
    "",
    "Fill the sheets, then: negotiator import THIS.xlsx -o case.yaml  and  negotiator rank case.yaml",
    "Scores, weights, probabilities and resource figures are analyst judgments: say where they come from in Score notes.",
    "",
    "Scores: a number, or an uncertain score as one text cell 'low / likely / high', e.g. 5 / 6 / 7.",
    "Weights: row 2 says each profile's form: 'weights' (numbers, any scale), 'order' (1 = most important),",
    "  'swing' (0-100, the biggest swing 100) or, for the other forms (ahp, hierarchy, order with a scheme), the profile in YAML.",
    "Constraints: one row per budget (id = resource, value = cap), limit or package (id = objective, min/max),",
    "  count (min/max measures at once) or synergy (options = 'a, b', value = bonus).",
    "Scenario scores: one row per score a scenario changes; every other score keeps its base value.",
    "Options: requires / excludes list option ids separated by commas; resources.<name> columns give resource use.",
    "Columns headed '<field> (yaml)' hold a value written in YAML or JSON, e.g. {kind: linear}.",
    "Other sections: games, negotiations, labels and other sections as YAML text, one line per row (indentation matters).",
    "",
    "Ids (first column) are locked against accidental edits: Review > Unprotect sheet (no password) to rename.",
    "Do not merge cells or leave empty rows inside a table; formulas are read through their saved value.",
)


@dataclass
class Sheet:
    """A table as read: rows of cell values and how to name a cell (0-based row, column)."""

    name: str
    rows: list[list[Any]]
    where: Callable[[int, int], str]


# =============================================================================
# case -> tables
# =============================================================================


def case_to_tables(case, raw: dict | None = None, range_style: str = "text") -> dict[str, list[list[Any]]]:
    """Every sheet of the workbook as rows of cell values (header first).

    ``case`` is a validated schema.Case; ``raw`` the case data as written (to
    keep games/negotiations in the author's own form); ``range_style`` "tuple"
    gives ranges as tuples instead of ``low / likely / high`` text.
    """
    objectives = list(case.objectives)
    tables: dict[str, list[list[Any]]] = {"Read me": [[line] for line in README_LINES]}
    tables["Case"] = _case_table(case)
    tables["Objectives"] = _objectives_table(case)
    tables["Options"] = _options_table(case)
    tables["Scores"] = [["option", *objectives]] + [
        [oid, *(format_score(opt.scores[o], range_style) if o in opt.scores else None for o in objectives)] for oid, opt in case.options.items()
    ]
    tables["Score notes"] = [["option", *objectives]] + [[oid, *(opt.notes.get(o) for o in objectives)] for oid, opt in case.options.items()]
    tables["Weights"] = _weights_table(case)
    tables["Constraints"] = _constraints_table(case)
    tables["Scenarios"] = _scenarios_table(case)
    tables["Scenario scores"] = [["scenario", "option", "objective", "score"]] + [
        [sid, oid, obj, format_score(score, range_style)]
        for sid, sc in case.scenarios.items()
        for oid, changes in sc.scores.items()
        for obj, score in changes.items()
    ]
    tables["Other sections"] = _other_sections_table(case, raw)
    tables["Key order"] = _key_order_table(case)
    return tables


def _extra_fields(models: Iterable, known: Iterable[str]) -> list[str]:
    """Fields of these models outside ``known`` that some model sets to a non-default value."""
    known = set(known)
    out: list[str] = []
    for model in models:
        for name, info in type(model).model_fields.items():
            if name in known or name in out:
                continue
            if getattr(model, name) != info.get_default(call_default_factory=True):
                out.append(name)
        for name in model.model_extra or {}:
            if name not in known and name not in out:
                out.append(name)
    return out


def _extra_cells(model, extras: list[str]) -> list[Any]:
    """One cell per extra field: blank when the field keeps its default, else its YAML text."""
    cells = []
    dumped = model.model_dump(mode="json")
    for name in extras:
        info = type(model).model_fields.get(name)
        value = getattr(model, name, None) if info else (model.model_extra or {}).get(name)
        if info is not None and value == info.get_default(call_default_factory=True):
            cells.append(None)
        else:
            cells.append(flow_text(dumped.get(name)))
    return cells


def _is_section(value: Any) -> bool:
    """A mapping section (games, negotiations) or a section model (labels): it goes to 'Other sections'."""
    from pydantic import BaseModel

    return isinstance(value, (dict, BaseModel))


def _case_table(case) -> list[list[Any]]:
    rows: list[list[Any]] = [["field", "value"]]
    for name in _CASE_FIELDS:
        rows.append([name, getattr(case, name)])
    sections = set(_TABLE_SECTIONS) | set(_CASE_FIELDS)
    for name, info in type(case).model_fields.items():
        if name in sections:
            continue
        value = getattr(case, name)
        if value == info.get_default(call_default_factory=True) or _is_section(value):
            continue  # mappings go to "Other sections"
        rows.append([name + YAML_SUFFIX, flow_text(case.model_dump(mode="json")[name])])
    return rows


def _objectives_table(case) -> list[list[Any]]:
    extras = _extra_fields(case.objectives.values(), _OBJECTIVE_COLUMNS[1:] + ("scale",))
    rows: list[list[Any]] = [[*_OBJECTIVE_COLUMNS, *(e + YAML_SUFFIX for e in extras)]]
    for oid, obj in case.objectives.items():
        low, high = (format_number(obj.scale[0]), format_number(obj.scale[1])) if obj.scale else (None, None)
        rows.append([oid, obj.label, obj.label_zh, obj.direction, low, high, obj.description, obj.source, *_extra_cells(obj, extras)])
    return rows


def _options_table(case) -> list[list[Any]]:
    resources: list[str] = []
    for opt in case.options.values():
        resources += [r for r in opt.resources if r not in resources]
    known = _OPTION_TEXT + ("rationale", "requires", "excludes", "resources", "scores", "notes")
    extras = _extra_fields(case.options.values(), known)
    header = ["id", *_OPTION_TEXT, "requires", "excludes", *(f"resources.{r}" for r in resources), "rationale", *(e + YAML_SUFFIX for e in extras)]
    rows: list[list[Any]] = [header]
    for oid, opt in case.options.items():
        rows.append(
            [
                oid,
                *(getattr(opt, f) for f in _OPTION_TEXT),
                format_id_list(opt.requires),
                format_id_list(opt.excludes),
                *(format_number(opt.resources[r]) if r in opt.resources else None for r in resources),
                opt.rationale,
                *_extra_cells(opt, extras),
            ]
        )
    return rows


def _weights_table(case) -> list[list[Any]]:
    dumped = case.model_dump(mode="json")["weights"]
    profiles = list(dumped)
    forms = {pid: profile_form(dumped[pid]) for pid in profiles}
    rows: list[list[Any]] = [["objective", *profiles]]
    rows.append([FORM_LABEL, *(forms[p] if forms[p] != "yaml" else flow_text(dumped[p]) for p in profiles)])
    for obj in case.objectives:
        row: list[Any] = [obj]
        for pid in profiles:
            spec = dumped[pid]
            if forms[pid] == "weights":
                row.append(format_number(float(spec[obj])) if obj in spec else None)
            elif forms[pid] == "order":
                row.append(spec.index(obj) + 1 if obj in spec else None)
            elif forms[pid] == "swing":
                row.append(format_number(float(spec["swing"][obj])) if obj in spec["swing"] else None)
            else:
                row.append(None)
        rows.append(row)
    return rows


def _limit_cells(limit) -> tuple[Any, Any, Any]:
    extras = _extra_fields([limit], ("min", "max"))
    more = {e: limit.model_dump(mode="json")[e] for e in extras}
    low = None if limit.min is None else format_number(limit.min)
    high = None if limit.max is None else format_number(limit.max)
    return low, high, (flow_text(more) if more else None)


def _constraints_table(case) -> list[list[Any]]:
    c = case.constraints
    rows: list[list[Any]] = [list(_CONSTRAINT_COLUMNS)]
    for rid, cap in c.budgets.items():
        rows.append(["budget", rid, None, None, format_number(cap), None, None, None])
    for kind, mapping in (("limit", c.limits), ("package", c.package)):
        for obj, limit in mapping.items():
            low, high, more = _limit_cells(limit)
            rows.append([kind, obj, low, high, None, None, None, more])
    if c.count is not None:
        rows.append(["count", None, c.count[0], c.count[1], None, None, None, None])
    for syn in c.synergies:
        extras = _extra_fields([syn], ("options", "bonus", "label"))
        more = {e: syn.model_dump(mode="json")[e] for e in extras}
        rows.append(["synergy", None, None, None, format_number(syn.bonus), format_id_list(syn.options), syn.label, flow_text(more) if more else None])
    for name in _extra_fields([c], _CONSTRAINT_KINDS.values()):
        rows.append([name, None, None, None, None, None, None, flow_text(c.model_dump(mode="json")[name])])
    return rows


def _scenarios_table(case) -> list[list[Any]]:
    extras = _extra_fields(case.scenarios.values(), _SCENARIO_COLUMNS[1:] + ("scores",))
    rows: list[list[Any]] = [[*_SCENARIO_COLUMNS, *(e + YAML_SUFFIX for e in extras)]]
    for sid, sc in case.scenarios.items():
        probability = None if sc.probability is None else format_number(sc.probability)  # blank: complete ignorance
        rows.append([sid, sc.label, sc.label_zh, probability, sc.source, sc.description, *_extra_cells(sc, extras)])
    return rows


def other_sections(case, raw: dict | None = None) -> dict[str, Any]:
    """Sections with no sheet of their own (games, negotiations, labels, ...), as plain data."""
    dumped = None
    out: dict[str, Any] = {}
    for name, info in type(case).model_fields.items():
        if name in _TABLE_SECTIONS or name in _CASE_FIELDS:
            continue
        value = getattr(case, name)
        if value == info.get_default(call_default_factory=True) or not _is_section(value):
            continue
        if raw is not None and name in raw:
            out[name] = raw[name]  # the author's own form, validated to the same model
        else:
            dumped = dumped if dumped is not None else case.model_dump(mode="json")
            out[name] = dumped[name]
    return out


def _other_sections_table(case, raw: dict | None) -> list[list[Any]]:
    rows: list[list[Any]] = [["YAML: games, negotiations, labels and any other section (one line per row; indentation matters)"]]
    sections = other_sections(case, raw)
    if sections:
        rows += [[line] for line in block_yaml(sections).splitlines()]
    return rows


def _key_order_table(case) -> list[list[Any]]:
    """Mappings whose key order the grid would lose: recorded so the hash survives a round trip."""
    objectives = list(case.objectives)
    rows: list[list[Any]] = [["path", "keys"]]

    resources: list[str] = []
    for opt in case.options.values():
        resources += [r for r in opt.resources if r not in resources]

    def record(path: str, keys: list[str], natural_order: list[str] = objectives) -> None:
        natural = [o for o in natural_order if o in keys]
        if keys != natural:
            rows.append([path, ", ".join(keys)])

    for oid, opt in case.options.items():
        record(f"options.{oid}.scores", list(opt.scores))
        record(f"options.{oid}.notes", list(opt.notes))
        record(f"options.{oid}.resources", list(opt.resources), resources)
    for pid, profile in case.model_dump(mode="json")["weights"].items():
        if profile_form(profile) == "weights":
            record(f"weights.{pid}", list(profile))
        elif profile_form(profile) == "swing":
            record(f"weights.{pid}.swing", list(profile["swing"]))
    return rows


# =============================================================================
# tables -> case data
# =============================================================================


@dataclass
class _Table:
    """A sheet's header (column name -> index) and its data rows (sheet row index, cells)."""

    sheet: Sheet
    columns: dict[str, int]
    rows: list[tuple[int, list[Any]]]

    def cell(self, row: list[Any], name: str | int) -> Any:
        j = name if isinstance(name, int) else self.columns.get(name)
        return row[j] if j is not None and j < len(row) else None

    def where(self, r: int, name: str | int) -> str:
        j = name if isinstance(name, int) else self.columns.get(name, 0)
        return self.sheet.where(r, j)


def _table(sheet: Sheet, issues: Issues, required: tuple[str, ...] = (), header_rows: int = 1) -> _Table:
    rows = [list(r) for r in sheet.rows]
    header = rows[0] if rows else []
    columns: dict[str, int] = {}
    for j, name in enumerate(header):
        text = parse_text(name)
        if text is None:
            continue
        text = text.strip()
        if text in columns:
            issues.add(sheet.where(0, j), Message("el_column_twice", column=text, other=_col(columns[text])), Message("el_column_twice_hint"))
            continue
        columns[text] = j
    for name in required:
        if name not in columns:
            issues.add(sheet.where(0, 0), Message("el_no_column", column=name), Message("el_no_column_hint", columns=", ".join(required)))
    data: list[tuple[int, list[Any]]] = []
    blank_run: list[int] = []
    for r in range(header_rows, len(rows)):
        if all(is_blank(v) for v in rows[r]):
            blank_run.append(r)
            continue
        if blank_run:
            first, last = sheet.where(blank_run[0], 0), sheet.where(blank_run[-1], 0)
            if len(blank_run) == 1:
                issues.add(first, Message("el_empty_row"), Message("el_empty_row_hint"))
            else:
                span = first + ":" + last.split("!")[-1] if "!" in last else f"{first} to {last}"
                issues.add(span, Message("el_empty_rows", n=len(blank_run)), Message("el_empty_rows_hint"))
        blank_run = []
        data.append((r, rows[r]))
    return _Table(sheet, columns, data)


def _col(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


class _Reader:
    """Reads every sheet into case data, registering where each value came from."""

    def __init__(self, sheets: dict[str, Sheet], issues: Issues):
        self.sheets = sheets
        self.issues = issues
        self.loc = Locations()
        self.data: dict[str, Any] = {}
        self.objective_ids: list[str] = []
        self.option_ids: list[str] = []
        self._version_row_seen = False

    # -- helpers ---------------------------------------------------------------

    def _ids(self, t: _Table, column: str | int, what: str) -> list[tuple[int, list[Any], str]]:
        """Rows with a usable, unique id in ``column``."""
        seen: dict[str, str] = {}
        out = []
        for r, row in t.rows:
            value = t.cell(row, column)
            ident = parse_id(value)
            where = t.where(r, column)
            if ident is None:
                self.issues.add(where, Message("el_no_id", what=Message(f"el_what_{what}")), Message("el_no_id_hint"))
                continue
            if ident in seen:
                self.issues.add(where, Message("el_id_twice", what=Message(f"el_what_{what}"), id=ident, other=seen[ident]), Message("el_id_twice_hint"))
                continue
            seen[ident] = where
            out.append((r, row, ident))
        return out

    def _text_fields(self, t: _Table, r: int, row: list[Any], fields: Iterable[str], target: dict, path: tuple) -> None:
        for name in fields:
            if name not in t.columns:
                continue
            self.loc.add(path + (name,), t.where(r, name))
            value = parse_text(t.cell(row, name))
            if value is not None:
                target[name] = value

    def _extra_columns(self, t: _Table, r: int, row: list[Any], known: Iterable[str], target: dict, path: tuple) -> None:
        """Columns this layout does not know: '(yaml)' ones parsed, others taken as typed."""
        known = set(known)
        for header, j in t.columns.items():
            if header in known or header.startswith("resources."):
                continue
            value = row[j] if j < len(row) else None
            if is_blank(value):
                continue
            where = t.sheet.where(r, j)
            if header.endswith(YAML_SUFFIX):
                name = header[: -len(YAML_SUFFIX)].strip()
                parsed, bad = parse_flow(value, self.issues.source, where)
                if bad:
                    self.issues.add(where, bad, Message("el_yaml_value_hint"))
                    continue
            else:
                name, parsed = header, (format_number(value) if isinstance(value, float) else value)
            self.loc.add(path + (name,), where)
            target[name] = parsed

    def _number(self, t: _Table, r: int, row: list[Any], column: str, path: tuple, what: Message) -> float | None:
        value = t.cell(row, column)
        where = t.where(r, column)
        if path:
            self.loc.add(path, where)
        if is_blank(value):
            return None
        number, bad = parse_number(value)
        if bad:
            self.issues.add(where, bad, Message("el_type_number_hint", what=what))
            if path:
                self.loc.cover(path)
            return None
        return number

    # -- sheets ----------------------------------------------------------------

    def case_sheet(self, sheet: Sheet) -> None:
        t = _table(sheet, self.issues, required=("field", "value"))
        for r, row, name in self._ids(t, "field", "field"):
            value = t.cell(row, "value")
            where = t.where(r, "value")
            if name.endswith(YAML_SUFFIX):
                name = name[: -len(YAML_SUFFIX)].strip()
                if is_blank(value):
                    continue
                value, bad = parse_flow(value, self.issues.source, where)
                if bad:
                    self.issues.add(where, bad)
                    continue
            elif name == "negotiator":
                self._version_row_seen = True
                number, bad = parse_number(value)
                if bad or number is None or not float(number).is_integer():
                    self.issues.add(where, Message("el_version_whole", got=repr(value)), Message("el_version_whole_hint"))
                    continue
                value = int(number)
            else:
                value = parse_text(value)
                if value is None:
                    continue
            self.loc.add((name,), where)
            self.data[name] = value
        if "negotiator" not in self.data and not self._version_row_seen:
            self.issues.add(sheet.where(0, 0), Message("el_no_version_row"), Message("el_no_version_row_hint"))

    def objectives_sheet(self, sheet: Sheet) -> None:
        t = _table(sheet, self.issues, required=("id", "label"))
        self.loc.add(("objectives",), sheet.where(0, 0))
        section: dict[str, Any] = {}
        for r, row, oid in self._ids(t, "id", "objective"):
            path = ("objectives", oid)
            self.loc.add(path, t.where(r, "id"))
            item: dict[str, Any] = {}
            self._text_fields(t, r, row, ("label", "label_zh", "description", "source"), item, path)
            direction = parse_text(t.cell(row, "direction"))
            self.loc.add(path + ("direction",), t.where(r, "direction"))
            if direction is not None:
                item["direction"] = direction.strip().lower()
            low = self._number(t, r, row, "scale_low", (), Message("el_what_scale_low"))
            high = self._number(t, r, row, "scale_high", (), Message("el_what_scale_high"))
            self.loc.add(path + ("scale",), t.where(r, "scale_low"))
            if low is not None and high is not None:
                item["scale"] = [low, high]
            elif (low is None) != (high is None) and not self._covered_cells(t, r, row, ("scale_low", "scale_high")):
                self.issues.add(t.where(r, "scale_low" if low is None else "scale_high"), Message("el_scale_one_end"), Message("el_scale_one_end_hint"))
            self._extra_columns(t, r, row, _OBJECTIVE_COLUMNS, item, path)
            section[oid] = item
            self.objective_ids.append(oid)
        self.data["objectives"] = section

    def _covered_cells(self, t: _Table, r: int, row: list[Any], names: Iterable[str]) -> bool:
        """True when one of these cells already has a complaint (no second message)."""
        wheres = {t.where(r, n) for n in names}
        return any(p.where in wheres for p in self.issues.problems)

    def options_sheet(self, sheet: Sheet) -> None:
        t = _table(sheet, self.issues, required=("id", "label"))
        self.loc.add(("options",), sheet.where(0, 0))
        section: dict[str, Any] = {}
        resources = [h for h in t.columns if h.startswith("resources.")]
        for r, row, oid in self._ids(t, "id", "option"):
            path = ("options", oid)
            self.loc.add(path, t.where(r, "id"))
            item: dict[str, Any] = {}
            self._text_fields(t, r, row, (*_OPTION_TEXT, "rationale"), item, path)
            for kind in ("requires", "excludes"):
                if kind in t.columns:
                    ids = parse_id_list(t.cell(row, kind))
                    self.loc.add(path + (kind,), t.where(r, kind))
                    for i in range(len(ids)):
                        self.loc.add(path + (kind, i), t.where(r, kind))
                    if ids:
                        item[kind] = ids
            used: dict[str, float] = {}
            for header in resources:
                name = header[len("resources.") :].strip()
                number = self._number(t, r, row, header, path + ("resources", name), Message("el_what_resource", name=name))
                if number is not None:
                    used[name] = number
            if used:
                item["resources"] = used
            known = ("id", *_OPTION_TEXT, "rationale", "requires", "excludes")
            self._extra_columns(t, r, row, known, item, path)
            section[oid] = item
            self.option_ids.append(oid)
        self.data["options"] = section

    def _grid(self, sheet: Sheet, what: str) -> tuple[_Table, dict[str, int], dict[str, tuple[int, list[Any]]]]:
        """An options x objectives grid: its objective columns and option rows, checked against the other sheets."""
        t = _table(sheet, self.issues)
        columns: dict[str, int] = {}
        for header, j in t.columns.items():
            if j == 0:
                continue
            if header not in self.objective_ids:
                self.issues.add(sheet.where(0, j), Message("el_objective_not_listed", objective=header), Message("el_objective_not_listed_header_hint"))
                continue
            columns[header] = j
        rows: dict[str, tuple[int, list[Any]]] = {}
        for r, row, oid in self._ids(t, 0, "option"):
            if oid not in self.option_ids:
                self.issues.add(sheet.where(r, 0), Message("el_option_not_listed", option=oid), Message("el_option_not_listed_hint"))
                continue
            rows[oid] = (r, row)
        return t, columns, rows

    def scores_sheet(self, sheet: Sheet) -> None:
        t, columns, rows = self._grid(sheet, "score")
        for obj in self.objective_ids:
            if obj not in columns:
                self.issues.add(self._where_of(("objectives", obj)), Message("el_objective_no_column", objective=obj), Message("el_objective_no_column_hint"))
        options = self.data.get("options", {})
        for oid in self.option_ids:
            path = ("options", oid, "scores")
            scores: dict[str, Any] = {}
            options[oid]["scores"] = scores
            if oid not in rows:
                self.issues.add(self._where_of(("options", oid)), Message("el_option_no_row", option=oid), Message("el_option_no_row_hint"))
                self.loc.add(path, self._where_of(("options", oid)), covered=True)
                continue
            r, row = rows[oid]
            # Missing scores are reported here, cell by cell, so the schema's own message is not repeated.
            self.loc.add(path, sheet.where(r, 0), covered=True)
            for obj in self.objective_ids:
                if obj not in columns:
                    continue
                j = columns[obj]
                value = row[j] if j < len(row) else None
                where = sheet.where(r, j)
                self.loc.add(path + (obj,), where)
                if is_blank(value):
                    self.issues.add(where, Message("el_no_score", option=oid, objective=obj), Message("el_no_score_hint"))
                    continue
                score, bad = parse_score(value, words=self._has_levels(obj))
                if bad:
                    self.issues.add(where, bad, Message("el_score_hint"))
                    continue
                scores[obj] = score

    def notes_sheet(self, sheet: Sheet) -> None:
        t, columns, rows = self._grid(sheet, "note")
        options = self.data.get("options", {})
        for oid, (r, row) in rows.items():
            notes: dict[str, str] = {}
            for obj in self.objective_ids:
                if obj not in columns:
                    continue
                j = columns[obj]
                text = parse_text(row[j] if j < len(row) else None)
                self.loc.add(("options", oid, "notes", obj), sheet.where(r, j))
                if text is not None:
                    notes[obj] = text
            if notes and oid in options:
                options[oid]["notes"] = notes

    def weights_sheet(self, sheet: Sheet) -> None:
        t = _table(sheet, self.issues, header_rows=2)
        self.loc.add(("weights",), sheet.where(0, 0))
        rows = [list(r) for r in sheet.rows]
        form_row = rows[1] if len(rows) > 1 else []
        if parse_text(form_row[0] if form_row else None) not in (FORM_LABEL, "form"):
            self.issues.add(sheet.where(1, 0), Message("el_form_row", label=FORM_LABEL), Message("el_form_row_hint"))
            return
        profiles: dict[str, int] = {}
        for header, j in t.columns.items():
            if j == 0:
                continue
            profiles[header] = j
        for j in range(1, max((len(r) for r in rows), default=0)):
            if j not in profiles.values() and any(not is_blank(r[j]) for r in rows[1:] if j < len(r)):
                self.issues.add(sheet.where(0, j), Message("el_no_profile_id"), Message("el_no_profile_id_hint"))
        objective_rows: list[tuple[int, list[Any], str]] = []
        for r, row, obj in self._ids(t, 0, "objective"):
            if obj not in self.objective_ids:
                self.issues.add(sheet.where(r, 0), Message("el_objective_not_listed", objective=obj), Message("el_objective_not_listed_hint"))
                continue
            objective_rows.append((r, row, obj))
        weights: dict[str, Any] = {}
        for pid, j in profiles.items():
            path = ("weights", pid)
            self.loc.add(path, sheet.where(0, j))
            form_cell = form_row[j] if j < len(form_row) else None
            form = (parse_text(form_cell) or "").strip()
            if form.lower() in ("weights", "order"):
                weights[pid] = self._profile(sheet, pid, j, form.lower(), objective_rows)
                continue
            if form.lower() == "swing":
                self.loc.add(path + ("swing",), sheet.where(0, j))
                weights[pid] = {"swing": self._profile(sheet, pid, j, "weights", objective_rows, path + ("swing",))}
                continue
            if not form:
                self.issues.add(sheet.where(1, j), Message("el_no_form", profile=pid), Message("el_no_form_hint"))
                continue
            spec, bad = parse_flow(form_cell, self.issues.source, sheet.where(1, j))
            if bad:
                self.issues.add(sheet.where(1, j), Message("el_bad_form", profile=pid, problem=bad))
                continue
            for r, row, _ in objective_rows:
                if j < len(row) and not is_blank(row[j]):
                    self.issues.add(sheet.where(r, j), Message("el_cell_ignored", profile=pid), Message("el_cell_ignored_hint"))
            self.loc.add(path, sheet.where(1, j))
            weights[pid] = spec
        self.data["weights"] = weights

    def _profile(self, sheet: Sheet, pid: str, j: int, form: str, objective_rows, path: tuple | None = None) -> Any:
        if form == "weights":
            spec: dict[str, float] = {}
            for r, row, obj in objective_rows:
                value = row[j] if j < len(row) else None
                self.loc.add((path or ("weights", pid)) + (obj,), sheet.where(r, j))
                if is_blank(value):
                    continue
                number, bad = parse_number(value)
                if bad:
                    self.issues.add(sheet.where(r, j), bad, Message("el_weight_hint"))
                    continue
                spec[obj] = number
            return spec
        ranked: dict[int, tuple[str, str]] = {}
        for r, row, obj in objective_rows:
            value = row[j] if j < len(row) else None
            if is_blank(value):
                continue
            where = sheet.where(r, j)
            number, bad = parse_number(value)
            if bad or number is None or not number.is_integer() or number < 1:
                self.issues.add(where, Message("el_not_rank", value=repr(value)), Message("el_not_rank_hint"))
                continue
            rank = int(number)
            if rank in ranked:
                self.issues.add(where, Message("el_rank_twice", rank=rank, profile=pid, other=ranked[rank][1]), Message("el_rank_twice_hint"))
                continue
            ranked[rank] = (obj, where)
        order = [ranked[k][0] for k in sorted(ranked)]
        for i, k in enumerate(sorted(ranked)):
            self.loc.add(("weights", pid, i), ranked[k][1])
        return order

    def constraints_sheet(self, sheet: Sheet) -> None:
        t = _table(sheet, self.issues, required=("kind",))
        self.loc.add(("constraints",), sheet.where(0, 0))
        out: dict[str, Any] = {}
        for r, row in t.rows:
            kind_where = t.where(r, "kind")
            kind = (parse_text(t.cell(row, "kind")) or "").strip().lower()
            if not kind:
                self.issues.add(kind_where, Message("el_no_kind"), Message("el_no_kind_hint", kinds=", ".join(_CONSTRAINT_KINDS)))
                continue
            if kind not in _CONSTRAINT_KINDS:
                self._other_constraint(t, r, row, kind, out)
                continue
            for name in t.columns:
                if name != "kind" and name not in _KIND_COLUMNS[kind] and not is_blank(t.cell(row, name)):
                    self.issues.add(t.where(r, name), Message("el_unused_column", kind=kind, column=name), Message("el_unused_column_hint", kind=kind, columns=", ".join(sorted(_KIND_COLUMNS[kind]))))
            getattr(self, f"_constraint_{kind}")(t, r, row, out)
        self.data["constraints"] = out

    def _row_id(self, t: _Table, r: int, row: list[Any], what: str) -> str | None:
        ident = parse_id(t.cell(row, "id"))
        if ident is None:
            self.issues.add(t.where(r, "id"), Message("el_no_row_id", what=Message(f"el_noun_{what}")))
        return ident

    def _constraint_budget(self, t, r, row, out) -> None:
        rid = self._row_id(t, r, row, "resource")
        if rid is None:
            return
        budgets = out.setdefault("budgets", {})
        if rid in budgets:
            self.issues.add(t.where(r, "id"), Message("el_second_budget", resource=rid), Message("el_second_budget_hint"))
            return
        path = ("constraints", "budgets", rid)
        number = self._number(t, r, row, "value", path, Message("el_what_cap", resource=rid))
        if number is None:
            if not self._covered_cells(t, r, row, ("value",)):
                self.issues.add(t.where(r, "value"), Message("el_no_cap", resource=rid), Message("el_no_cap_hint"))
            return
        budgets[rid] = number

    def _constraint_limit(self, t, r, row, out, key: str = "limits") -> None:
        obj = self._row_id(t, r, row, "objective")
        if obj is None:
            return
        target = out.setdefault(key, {})
        if obj in target:
            self.issues.add(t.where(r, "id"), Message("el_second_limit" if key == "limits" else "el_second_package", objective=obj), Message("el_second_limit_hint"))
            return
        path = ("constraints", key, obj)
        self.loc.add(path, t.where(r, "id"))
        item: dict[str, Any] = {}
        for end in ("min", "max"):
            number = self._number(t, r, row, end, path + (end,), Message(f"el_what_{end}imum"))
            if number is not None:
                item[end] = number
        more = t.cell(row, "more" + YAML_SUFFIX)
        if not is_blank(more):
            parsed, bad = parse_flow(more, self.issues.source, t.where(r, "more" + YAML_SUFFIX))
            if bad or not isinstance(parsed, dict):
                self.issues.add(t.where(r, "more" + YAML_SUFFIX), bad or Message("el_expected_mapping"))
            else:
                item.update(parsed)
        target[obj] = item

    def _constraint_package(self, t, r, row, out) -> None:
        self._constraint_limit(t, r, row, out, key="package")

    def _constraint_count(self, t, r, row, out) -> None:
        if "count" in out:
            self.issues.add(t.where(r, "kind"), Message("el_second_count"), Message("el_second_count_hint"))
            return
        ends = []
        for end in ("min", "max"):
            number = self._number(t, r, row, end, (), Message(f"el_what_count_{end}"))
            if number is None:
                if not self._covered_cells(t, r, row, (end,)):
                    self.issues.add(t.where(r, end), Message(f"el_count_needs_{end}"), Message("el_count_needs_hint"))
                return
            if not number.is_integer():
                self.issues.add(t.where(r, end), Message("el_count_whole", number=format_number(number)))
                return
            ends.append(int(number))
        self.loc.add(("constraints", "count"), t.where(r, "min"))
        out["count"] = ends

    def _constraint_synergy(self, t, r, row, out) -> None:
        synergies = out.setdefault("synergies", [])
        path = ("constraints", "synergies", len(synergies))
        self.loc.add(path, t.where(r, "options"))
        item: dict[str, Any] = {"options": parse_id_list(t.cell(row, "options"))}
        bonus = self._number(t, r, row, "value", path + ("bonus",), Message("el_what_bonus"))
        if bonus is not None:
            item["bonus"] = bonus
        elif not self._covered_cells(t, r, row, ("value",)):
            self.issues.add(t.where(r, "value"), Message("el_synergy_bonus"))
            return
        label = parse_text(t.cell(row, "label"))
        if label is not None:
            item["label"] = label
        more = t.cell(row, "more" + YAML_SUFFIX)
        if not is_blank(more):
            parsed, bad = parse_flow(more, self.issues.source, t.where(r, "more" + YAML_SUFFIX))
            if bad or not isinstance(parsed, dict):
                self.issues.add(t.where(r, "more" + YAML_SUFFIX), bad or Message("el_expected_mapping"))
            else:
                item.update(parsed)
        synergies.append(item)

    def _other_constraint(self, t, r, row, kind, out) -> None:
        """A kind this layout does not know: its value (YAML) is passed on for the schema to judge."""
        raw = t.cell(row, "more" + YAML_SUFFIX)
        column = "more" + YAML_SUFFIX
        if is_blank(raw):
            raw, column = t.cell(row, "value"), "value"
        value, bad = parse_flow(raw, self.issues.source, t.where(r, column))
        if bad:
            self.issues.add(t.where(r, column), bad)
            return
        if kind in out:
            self.issues.add(t.where(r, "kind"), Message("el_second_kind", kind=kind))
            return
        self.loc.add(("constraints", kind), t.where(r, "kind"))
        out[kind] = value

    def scenarios_sheet(self, sheet: Sheet) -> None:
        # No probability column, or every cell of it blank: complete ignorance (schema.has_probabilities).
        t = _table(sheet, self.issues, required=("id", "label"))
        # Problems of the whole section (probabilities that do not add up to 1) point at that column.
        self.loc.add(("scenarios",), t.where(0, "probability") if "probability" in t.columns else sheet.where(0, 0))
        section: dict[str, Any] = {}
        for r, row, sid in self._ids(t, "id", "scenario"):
            path = ("scenarios", sid)
            self.loc.add(path, t.where(r, "id"))
            item: dict[str, Any] = {}
            self._text_fields(t, r, row, ("label", "label_zh", "source", "description"), item, path)
            p = self._number(t, r, row, "probability", path + ("probability",), Message("el_what_probability"))
            if p is not None:
                item["probability"] = p
            self._extra_columns(t, r, row, _SCENARIO_COLUMNS, item, path)
            section[sid] = item
        self.data["scenarios"] = section

    def scenario_scores_sheet(self, sheet: Sheet) -> None:
        t = _table(sheet, self.issues, required=("scenario", "option", "objective", "score"))
        if any(c not in t.columns for c in ("scenario", "option", "objective", "score")):
            return
        scenarios = self.data.get("scenarios", {})
        seen: dict[tuple, str] = {}
        for r, row in t.rows:
            sid, oid, obj = (parse_id(t.cell(row, c)) for c in ("scenario", "option", "objective"))
            missing = [c for c, v in (("scenario", sid), ("option", oid), ("objective", obj)) if v is None]
            if missing:
                self.issues.add(t.where(r, missing[0]), Message(f"el_row_no_{missing[0]}"), Message("el_row_no_hint"))
                continue
            if sid not in scenarios:
                self.issues.add(t.where(r, "scenario"), Message("el_scenario_not_listed", scenario=sid), Message("el_scenario_not_listed_hint"))
                continue
            key = (sid, oid, obj)
            if key in seen:
                self.issues.add(t.where(r, "score"), Message("el_second_scenario_score", option=oid, objective=obj, scenario=sid, other=seen[key]), Message("el_keep_one_row_hint"))
                continue
            seen[key] = t.where(r, "score")
            path = ("scenarios", sid, "scores", oid)
            self.loc.add(path, t.where(r, "option"))
            self.loc.add(path + (obj,), t.where(r, "score"))
            value = t.cell(row, "score")
            if is_blank(value):
                self.issues.add(t.where(r, "score"), Message("el_no_scenario_score"), Message("el_no_scenario_score_hint"))
                continue
            score, bad = parse_score(value, words=self._has_levels(obj))
            if bad:
                self.issues.add(t.where(r, "score"), bad, Message("el_score_hint"))
                continue
            scenarios[sid].setdefault("scores", {}).setdefault(oid, {})[obj] = score

    def other_sections_sheet(self, sheet: Sheet) -> None:
        lines = [parse_text(row[0] if row else None) or "" for row in sheet.rows[1:]]
        text = "\n".join(lines).strip("\n")
        if not text.strip():
            return
        self.other_sections_text(text, lambda line: sheet.where(line, 0))

    def other_sections_text(self, text: str, where_line: Callable[[int], str]) -> None:
        from negotiator.case.yamlio import UnsafeYamlError, load_yaml_tree, to_plain

        try:
            tree = load_yaml_tree(text, self.issues.source, where=where_line)
        except UnsafeYamlError:
            raise  # an alias bomb or a !!python tag: refuse the workbook, with this one message
        except CaseError as exc:
            for p in exc.problems:
                self.issues.problems.append(Problem(Message("el_yaml_does_not_parse", problem=p.message), file=p.file, where=p.where, hint=p.hint))
            return
        if not isinstance(tree, dict):
            self.issues.add(where_line(1), Message("el_expected_sections"), Message("el_expected_sections_hint"))
            return
        for key in tree:
            line = tree.lc.key(key)[0] + 1
            if key in self.data or key in _TABLE_SECTIONS or key in _CASE_FIELDS:
                self.issues.add(where_line(line), Message("el_section_has_sheet", section=key), Message("el_section_has_sheet_hint"))
                continue
            self._register_tree(tree[key], (key,), line, where_line)
            self.data[key] = to_plain(tree[key])

    def _register_tree(self, node: Any, path: tuple, line: int, where_line) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        self.loc.add(path, where_line(line))
        if isinstance(node, CommentedMap):
            for k in node:
                self._register_tree(node[k], path + (k,), node.lc.key(k)[0] + 1, where_line)
        elif isinstance(node, CommentedSeq):
            for i in range(len(node)):
                self._register_tree(node[i], path + (i,), node.lc.item(i)[0] + 1, where_line)

    def key_order_sheet(self, sheet: Sheet) -> None:
        t = _table(sheet, self.issues)
        for r, row in t.rows:
            path = parse_text(row[0] if row else None)
            keys = parse_id_list(row[1] if len(row) > 1 else None)
            if not path or not keys:
                continue
            self._reorder(path.split("."), keys)

    def _reorder(self, path: list[str], keys: list[str]) -> None:
        node: Any = self.data
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return  # the mapping is gone (deleted in the sheet): nothing to keep in order
            node = node[part]
        if not isinstance(node, dict):
            return
        ordered = [k for k in keys if k in node] + [k for k in node if k not in keys]
        items = {k: node[k] for k in ordered}
        node.clear()
        node.update(items)

    def _has_levels(self, objective: str) -> bool:
        """Scores of this objective may be level words (its `levels` column gives them)."""
        item = self.data.get("objectives", {}).get(objective)
        return isinstance(item, dict) and bool(item.get("levels"))

    def _where_of(self, path: tuple) -> str | None:
        token, _ = self.loc.deepest(path)
        return None if token is None else self.loc.entry(token).where


def tables_to_data(sheets: dict[str, Sheet], issues: Issues, other: dict | None = None) -> tuple[dict, Locations]:
    """Case data (as a YAML file would hold it) from the sheets, and where each value came from.

    Problems go to ``issues``; the caller validates the data with the case schema.
    """
    reader = _Reader(sheets, issues)
    order = [
        ("Case", reader.case_sheet),
        ("Objectives", reader.objectives_sheet),
        ("Options", reader.options_sheet),
        ("Scores", reader.scores_sheet),
        ("Score notes", reader.notes_sheet),
        ("Weights", reader.weights_sheet),
        ("Constraints", reader.constraints_sheet),
        ("Scenarios", reader.scenarios_sheet),
        ("Scenario scores", reader.scenario_scores_sheet),
        ("Other sections", reader.other_sections_sheet),
        ("Key order", reader.key_order_sheet),
    ]
    for name, read in order:
        if name in sheets:
            read(sheets[name])
    if other:
        for key, value in other.items():
            if key in reader.data:
                issues.add(f"other[{key!r}]", Message("el_section_twice", section=key), Message("el_section_twice_hint"))
                continue
            reader.loc.add((key,), f"other[{key!r}]")
            reader.data[key] = value
    return reader.data, reader.loc
