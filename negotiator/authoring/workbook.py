"""A case as an Excel workbook, and back: `negotiator export` and `negotiator import`.

Export lays the case out as in layout.py, freezes the header rows, locks the
id columns (sheet protection without a password; data cells stay editable) and
adds drop-down lists for directions and ids. Import reads every sheet, puts
every value through the same validation as a YAML case and reports every
problem with its sheet and cell, all at once; nothing is written unless the
whole workbook is valid.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from negotiator.errors import CaseError, Problem, UsageError
from negotiator.messages import Message
from negotiator.authoring._cells import Issues
from negotiator.authoring.layout import ID_COLUMN_SHEETS, REQUIRED_SHEETS, SHEET_ORDER, Sheet, case_to_tables, tables_to_data

__all__ = [
    "ImportedCase",
    "workbook_bytes",
    "export_workbook",
    "read_workbook",
    "import_workbook",
    "write_imported_yaml",
    "cell_ref",
    "MAX_WORKBOOK_BYTES",
    "MAX_UNPACKED_BYTES",
    "MAX_RATIO",
    "MAX_SHARED_STRINGS_BYTES",
]

#: Rows and columns past the data left unlocked so people can add options, objectives and profiles.
_SPARE_ROWS = 100
_SPARE_COLUMNS = 10
_MAX_ROWS = 20_000
_MAX_COLUMNS = 1_000
#: An .xlsx is a zip archive. Limits checked on its directory before any XML is parsed (docs/authoring.md):
MAX_WORKBOOK_BYTES = 50 * 2**20  # the file on disk
MAX_UNPACKED_BYTES = 200 * 2**20  # all its parts unpacked, as the archive declares them
MAX_RATIO = 200  # unpacked / packed size of any part over 1 MB (a case sheet packs about 5:1)
MAX_SHARED_STRINGS_BYTES = 20 * 2**20  # the shared strings, which openpyxl holds in memory whole
_RATIO_FLOOR = 2**20
_MAX_PARTS = 10_000
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def cell_ref(sheet: str, row: int, column: int) -> str:
    """``Scores!D7`` for 0-based row 6, column 3 (quoted when the name has a space)."""
    from openpyxl.utils import get_column_letter

    name = f"'{sheet}'" if " " in sheet else sheet
    return f"{name}!{get_column_letter(column + 1)}{row + 1}"


# =============================================================================
# export
# =============================================================================


def _raw_data(loaded) -> dict | None:
    """The case as its files wrote it (for sections kept as YAML text), when we have the files."""
    documents = getattr(loaded, "documents", None)
    if not documents:
        return None
    from negotiator.case.catalog import _merge

    try:
        return _merge(documents)
    except CaseError:  # pragma: no cover - the case was already validated from these documents
        return None


def provenance_line(loaded) -> str:
    from negotiator._version import __version__

    return f"Exported by negotiator {__version__} from {loaded.name}; case_sha256 {loaded.sha256}"


def workbook_bytes(loaded) -> bytes:
    """The .xlsx file of a loaded case."""
    from openpyxl import Workbook

    tables = case_to_tables(loaded.case, raw=_raw_data(loaded))
    tables["Read me"].insert(1, [provenance_line(loaded)])
    wb = Workbook()
    wb.remove(wb.active)
    for name in SHEET_ORDER:
        ws = wb.create_sheet(name)
        for i, row in enumerate(tables[name]):
            _append(ws, name, i, row)
        _texts_stay_texts(ws)
        _style(ws, name, tables)
    wb.properties.title = loaded.case.title
    wb.properties.subject = f"negotiator case, case_sha256 {loaded.sha256}"
    wb.properties.creator = "negotiator"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_workbook(loaded, path: str | Path, force: bool = False) -> Path:
    """Write the workbook atomically; an existing file only with ``force``."""
    from negotiator.fileio import check_writable, write_atomic

    target = _xlsx_target(path)
    check_writable(target, force=force)
    return write_atomic(target, workbook_bytes(loaded), force=force)


def _xlsx_target(path: str | Path) -> Path:
    p = Path(path)
    if p.suffix.lower() != ".xlsx":
        raise UsageError(Problem(Message("ew_not_xlsx_name", name=p.name), file=str(p), hint=Message("ew_not_xlsx_name_hint")))
    return p


def _append(ws, name: str, i: int, row: list) -> None:
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        ws.append(row)
    except IllegalCharacterError:
        bad = next((v for v in row if isinstance(v, str) and any(ord(ch) < 32 and ch not in "\t\n\r" for ch in v)), "")
        raise UsageError(Problem(Message("ew_control_character", cell=cell_ref(name, i, 0), text=repr(bad[:40])), hint=Message("ew_control_character_hint"))) from None


def _texts_stay_texts(ws) -> None:
    """A text that starts with '=' (a note, a label) is text, not a formula to evaluate."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" and isinstance(cell.value, str):
                cell.data_type = "s"


def _style(ws, name: str, tables: dict) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = tables[name]
    header_rows = 2 if name == "Weights" else 1
    if name != "Read me":
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
        if name == "Weights":
            for cell in ws[2]:
                cell.font = Font(italic=True)
    width = max((len(r) for r in rows), default=1)
    for j in range(width):
        longest = max((len(str(r[j])) for r in rows if j < len(r) and r[j] is not None), default=8)
        ws.column_dimensions[get_column_letter(j + 1)].width = min(max(10, longest + 2), 60 if name != "Read me" else 120)
    if name in ("Read me",):
        return
    ws.freeze_panes = ws.cell(row=header_rows + 1, column=2 if name in ID_COLUMN_SHEETS else 1)
    if name == "Other sections":
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(horizontal="left")
    if name in ID_COLUMN_SHEETS:
        _protect_ids(ws, len(rows), width, header_rows, name == "Weights")
    _validations(ws, name, tables)
    if name == "Key order":
        ws.sheet_state = "hidden"


def _protect_ids(ws, n_rows: int, n_cols: int, header_rows: int, form_row_editable: bool) -> None:
    """Lock the header and the id column of existing rows; everything else stays editable.

    Columns B onwards are unlocked by a column style (so new rows need no
    cells written in advance); column A only has spare unlocked cells below
    the data, for new ids.
    """
    from copy import copy

    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter

    unlocked = Protection(locked=False)
    for c in range(2, n_cols + _SPARE_COLUMNS + 1):
        ws.column_dimensions[get_column_letter(c)].protection = unlocked
    plain = None  # the style of an unlocked, otherwise unstyled cell; copied (setting it is slow)

    def unlock(cell) -> None:
        nonlocal plain
        if cell.has_style:
            cell.protection = unlocked
        elif plain is None:
            cell.protection = unlocked
            plain = copy(cell._style)
        else:
            cell._style = copy(plain)

    for r in range(2, n_rows + 1):
        if r == 2 and header_rows == 2 and not form_row_editable:
            continue
        for c in range(2, n_cols + 1):
            unlock(ws.cell(row=r, column=c))
    for r in range(n_rows + 1, n_rows + _SPARE_ROWS + 1):
        unlock(ws.cell(row=r, column=1))
    p = ws.protection
    p.sheet = True
    # Structure and layout stay free: only the locked cells (ids, headers) refuse edits.
    for flag in ("formatCells", "formatColumns", "formatRows", "insertColumns", "insertRows", "insertHyperlinks", "sort", "autoFilter"):
        setattr(p, flag, False)


def _validations(ws, name: str, tables: dict) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    def id_list(sheet: str) -> str:
        last = len(tables[sheet]) + _SPARE_ROWS
        return f"{sheet}!$A$2:$A${last}"

    last = len(tables[name]) + _SPARE_ROWS
    added: list[tuple[DataValidation, str]] = []
    if name == "Objectives":
        added.append((DataValidation(type="list", formula1='"max,min"', allow_blank=True, error="direction is max (more is better) or min (less is better)", errorTitle="direction"), f"D2:D{last}"))
    elif name == "Weights":
        from openpyxl.utils import get_column_letter

        end = get_column_letter(len(tables[name][0]) + _SPARE_COLUMNS)
        added.append((DataValidation(type="list", formula1='"weights,order,swing"', allow_blank=True, errorStyle="warning", error="weights (numbers), order (1 = most important) or swing (0-100); YAML for other forms", errorTitle="form"), f"B2:{end}2"))
    elif name == "Constraints":
        added.append((DataValidation(type="list", formula1='"budget,limit,package,count,synergy"', allow_blank=True, errorStyle="warning", error="kind is budget, limit, package, count or synergy", errorTitle="kind"), f"A2:A{last}"))
    elif name == "Scenario scores":
        added.append((DataValidation(type="list", formula1=id_list("Scenarios"), allow_blank=True, error="a scenario id from the Scenarios sheet", errorTitle="scenario"), f"A2:A{last}"))
        added.append((DataValidation(type="list", formula1=id_list("Options"), allow_blank=True, error="an option id from the Options sheet", errorTitle="option"), f"B2:B{last}"))
        added.append((DataValidation(type="list", formula1=id_list("Objectives"), allow_blank=True, error="an objective id from the Objectives sheet", errorTitle="objective"), f"C2:C{last}"))
    for dv, ref in added:
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        dv.add(ref)


# =============================================================================
# import
# =============================================================================


@dataclass
class ImportedCase:
    """A validated case read from a workbook (or DataFrames), ready to write as YAML."""

    loaded: Any  # catalog.LoadedCase
    data: dict
    source: str
    warnings: list[str] = field(default_factory=list)

    def yaml_text(self) -> str:
        from negotiator._version import __version__
        from negotiator.authoring.yamlout import case_yaml

        c = self.loaded.case
        header = [
            f"Imported from {Path(self.source).name} by negotiator {__version__}.",
            f"{len(c.options)} options, {len(c.objectives)} objectives, {len(c.weights)} weight profiles, {len(c.scenarios)} scenarios; case_sha256 {self.loaded.sha256}",
            "Scores, weights, probabilities and resource figures are analyst judgments, not facts: edit them.",
        ]
        text = case_yaml(self.data, header=header)
        _check_same_case(text, self.loaded.sha256)
        return text


def _check_same_case(text: str, sha256: str) -> None:
    """What we write must read back as the case we validated (a bug in us otherwise).

    The text is read with the guarded reader's (faster) safe loader and
    validated by catalog exactly as a file would be; only the line look-ups
    are skipped.
    """
    from negotiator.case.catalog import _merge, _validate, case_sha256
    from negotiator.case.yamlio import parse_yaml_fragment

    class _Doc:
        path = "<import>"

        def __init__(self, data):
            self.data = data

        def line_of(self, keys):
            return None, 0

    doc = _Doc(parse_yaml_fragment(text, "<import>"))
    if case_sha256(_validate(_merge([doc]), [doc])) != sha256:  # pragma: no cover - guards the YAML writer
        raise RuntimeError("internal error: the YAML written does not read back as the imported case; please report this")


def _sniff(path: Path) -> None:
    """Refuse what openpyxl cannot read, with a message that says what the file is."""
    from negotiator.case.yamlio import os_reason

    name = str(path)
    if not path.exists():
        raise UsageError(Problem(Message("ew_no_file"), file=name, hint=Message("ew_no_file_hint")))
    if path.is_dir():
        raise UsageError(Problem(Message("ew_is_folder"), file=name))
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head == _OLE2_SIGNATURE:
                rest = fh.read(4 * 1024 * 1024)
    except OSError as exc:
        raise UsageError(Problem(Message("ey_cannot_read", reason=os_reason(exc)), file=name)) from None
    if head == _OLE2_SIGNATURE:
        if _ENCRYPTED_MARK in rest:
            raise CaseError(Problem(Message("ew_encrypted"), file=name, hint=Message("ew_encrypted_hint")))
        raise CaseError(Problem(Message("ew_xls"), file=name, hint=Message("ew_xls_hint")))
    if head[:4] != _ZIP_SIGNATURE:
        what = Message("ew_csv_or_text") if path.suffix.lower() in (".csv", ".txt") else Message("ew_not_a_workbook")
        raise CaseError(Problem(Message("ew_not_zip", what=what), file=name, hint=Message("ew_not_zip_hint")))


def _check_archive(path: Path) -> None:
    """Refuse a zip bomb from the archive's directory alone, before openpyxl parses anything.

    The declared sizes are binding: Python's zipfile stops at a part's declared
    size and fails its CRC check, so a part cannot unpack to more than it says.
    """
    import zipfile

    name = str(path)
    size = path.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise CaseError(Problem(Message("ew_too_big", mb=size / 2**20, cap=MAX_WORKBOOK_BYTES // 2**20), file=name, hint=Message("ew_too_big_hint")))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CaseError(Problem(Message("ew_unreadable", detail=_detail(exc)), file=name, hint=Message("ew_save_again_hint"))) from None
    if len(parts) > _MAX_PARTS:
        raise CaseError(Problem(Message("ew_too_many_parts", n=len(parts)), file=name, hint=Message("ew_save_again_plain_hint")))
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > _RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise CaseError(Problem(Message("ew_zip_bomb", part=repr(part.filename), packed=part.compress_size, unpacked=part.file_size, ratio=MAX_RATIO), file=name, hint=Message("ew_zip_bomb_hint")))
        if part.filename.lower().endswith("sharedstrings.xml") and part.file_size > MAX_SHARED_STRINGS_BYTES:
            raise CaseError(Problem(Message("ew_shared_strings", mb=part.file_size / 2**20, cap=MAX_SHARED_STRINGS_BYTES // 2**20), file=name, hint=Message("ew_shared_strings_hint")))
    if total > MAX_UNPACKED_BYTES:
        raise CaseError(Problem(Message("ew_unpacked", mb=total / 2**20, cap=MAX_UNPACKED_BYTES // 2**20), file=name, hint=Message("ew_unpacked_hint")))


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    return first if len(first) <= 120 else first[:117] + "..."


def _unreadable(path: Path, exc: BaseException, sheet: str | None = None) -> CaseError:
    """openpyxl (or the XML parser under it) gave up on the file: one message naming the workbook and the sheet."""
    where = Message("ew_sheet", sheet=sheet) if sheet else None
    detail = f"{type(exc).__name__}: {_detail(exc)}"
    what = Message("ew_sheet_unreadable", detail=detail) if sheet else Message("ew_unreadable", detail=detail)
    return CaseError(Problem(what, file=str(path), where=where, hint=Message("ew_unreadable_hint")))


def _open(path: Path, data_only: bool):
    """The workbook in read-only (streaming) mode: sheets are parsed row by row as they are read."""
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # malformed parts surface as many error types (ParseError, KeyError, ...)
        raise _unreadable(path, exc, _broken_sheet(path)) from None


def _broken_sheet(path: Path) -> str | None:
    """Which sheet's XML does not parse, when openpyxl failed while opening the workbook (it reads every sheet's size)."""
    import posixpath
    import zipfile
    from xml.etree.ElementTree import iterparse

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open("xl/_rels/workbook.xml.rels") as src:
                targets = {e.get("Id"): e.get("Target", "") for _, e in iterparse(src) if e.tag.endswith("}Relationship")}
            with archive.open("xl/workbook.xml") as src:
                sheets = [(e.get("name"), targets.get(e.get(rel), "")) for _, e in iterparse(src) if e.tag == main + "sheet"]
            for title, target in sheets:
                part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
                try:
                    with archive.open(part) as src:
                        for _, element in iterparse(src):
                            element.clear()
                except Exception:
                    return title
    except Exception:  # the workbook's own index is broken: no sheet to name
        return None
    return None


def _canonical_names(wb) -> dict[str, str]:
    """Sheet name in the layout -> name in the workbook (case and spaces forgiven)."""
    def key(s: str) -> str:
        return " ".join(s.lower().split())

    wanted = {key(n): n for n in SHEET_ORDER}
    return {wanted[key(ws.title)]: ws.title for ws in wb.worksheets if key(ws.title) in wanted}


def _merged_ranges(path: Path, ws) -> list[str]:
    """The merged ranges of a sheet ('B2:C2'), read by streaming its XML (read-only sheets do not keep them)."""
    import zipfile
    from xml.etree.ElementTree import iterparse

    part = getattr(ws, "_worksheet_path", None)
    if part is None:  # pragma: no cover - an openpyxl without the attribute: merged cells read as empty cells
        return []
    ranges = []
    with zipfile.ZipFile(path) as archive, archive.open(part) as src:
        for _, element in iterparse(src):
            if element.tag.endswith("}mergeCell") and element.get("ref"):
                ranges.append(element.get("ref"))
            if not element.tag.endswith("}mergeCells"):
                element.clear()
    return ranges


def _date_text(value: Any) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()


def read_workbook(path: str | Path, issues: Issues) -> dict[str, Sheet]:
    """Every sheet of the layout as rows of values; formulas read through their saved value.

    The archive is checked first (sizes, packing ratios); the sheets are then
    streamed (openpyxl's read-only mode), at most 20,000 rows and 1,000 columns each.
    """
    p = Path(path)
    _sniff(p)
    _check_archive(p)
    wb = _open(p, data_only=False)
    cached = None
    try:
        names = _canonical_names(wb)
        for ws in wb.worksheets:
            if ws.title not in names.values():
                issues.warn(Message("ew_sheet_ignored", sheet=ws.title))
        missing = [s for s in REQUIRED_SHEETS if s not in names]
        if missing:
            have = ", ".join(ws.title for ws in wb.worksheets)
            listed = ", ".join(f"'{s}'" for s in missing)
            # Nothing else is worth reporting about a workbook that lacks whole tables.
            key = "ew_missing_sheet" if len(missing) == 1 else "ew_missing_sheets"
            raise CaseError(Problem(Message(key, sheets=listed, have=have), file=str(p), hint=Message("ew_missing_sheets_hint")))
        sheets: dict[str, Sheet] = {}
        for canonical, title in names.items():
            ws = wb[title]
            try:
                rows, formulas = _sheet_rows(ws, canonical, issues)
                merged = _merged_ranges(p, ws) if rows is not None else []
            except CaseError:
                raise
            except Exception as exc:  # truncated XML, an entity bomb or an external entity (expat refuses them)
                raise _unreadable(p, exc, title) from None
            if rows is None:
                continue
            for ref in merged:
                first = cell_ref(canonical, 0, 0).split("!")[0]
                issues.add(f"{first}!{ref}", Message("ew_merged"), Message("ew_merged_hint"))
            if formulas:
                cached = cached or _open(p, data_only=True)
                try:
                    saved = _saved_values(cached[title], formulas)
                except Exception as exc:
                    raise _unreadable(p, exc, title) from None
                for (r, c), formula in formulas.items():
                    value = saved.get((r, c))
                    if value is None:
                        issues.add(cell_ref(canonical, r, c), Message("ew_formula_unsaved", formula=_formula_text(formula)), Message("ew_formula_unsaved_hint"))
                    else:
                        issues.warn(Message("ew_formula_saved", cell=cell_ref(canonical, r, c), formula=_formula_text(formula), value=repr(value)))
                    rows[r][c] = value
            sheets[canonical] = Sheet(canonical, rows, lambda r, c, _n=canonical: cell_ref(_n, r, c))
        return sheets
    finally:
        for book in (wb, cached):
            if book is not None:
                book.close()


def _sheet_rows(ws, canonical: str, issues: Issues) -> tuple[list[list[Any]] | None, dict[tuple[int, int], Any]]:
    """The sheet's cell values row by row (streamed), and its formulas by (row, column); None past the size limits."""
    import datetime as dt

    ws.reset_dimensions()  # read what is there; a declared size can lie (A1:XFD1048576)
    rows: list[list[Any]] = []
    formulas: dict[tuple[int, int], Any] = {}
    for r, row in enumerate(ws.iter_rows()):
        if r >= _MAX_ROWS:
            issues.add(cell_ref(canonical, _MAX_ROWS, 0), Message("ew_too_many_rows", n=_MAX_ROWS), Message("ew_too_many_rows_hint"))
            return None, {}
        if len(row) > _MAX_COLUMNS:
            issues.add(cell_ref(canonical, r, _MAX_COLUMNS), Message("ew_too_many_columns", column=len(row), n=_MAX_COLUMNS), Message("ew_too_many_columns_hint"))
            return None, {}
        values = []
        for c, cell in enumerate(row):
            value = cell.value
            if cell.data_type == "f":
                formulas[(r, c)] = value
                value = None
            elif cell.data_type == "e":
                issues.add(cell_ref(canonical, r, c), Message("ew_cell_error", value=str(value)), Message("ew_cell_error_hint"))
                value = None
            elif isinstance(value, (dt.datetime, dt.date, dt.time)) and canonical != "Read me":
                issues.date(cell_ref(canonical, r, c), _date_text(value))
                value = None
            values.append(value)
        rows.append(values)
    return rows, formulas


def _saved_values(ws, formulas: dict[tuple[int, int], Any]) -> dict[tuple[int, int], Any]:
    """The values Excel saved for the formula cells (a second streamed pass over the sheet)."""
    ws.reset_dimensions()
    last = max(r for r, _ in formulas)
    saved: dict[tuple[int, int], Any] = {}
    for r, row in enumerate(ws.iter_rows()):
        if r > last:
            break
        for c, cell in enumerate(row):
            if (r, c) in formulas:
                saved[(r, c)] = cell.value
    return saved


def _formula_text(value: Any) -> str:
    text = getattr(value, "text", None) or str(value)
    return text if text.startswith("=") else "=" + text


def import_workbook(path: str | Path) -> ImportedCase:
    """Read and validate a workbook; CaseError lists every problem with its sheet and cell."""
    from negotiator.authoring._validate import validate_data

    source = str(path)
    issues = Issues(source)
    sheets = read_workbook(path, issues)
    data, locations = tables_to_data(sheets, issues)
    loaded = validate_data(data, locations, issues, name=source)
    return ImportedCase(loaded=loaded, data=data, source=source, warnings=list(issues.warnings))


def write_imported_yaml(imported: ImportedCase, output: str | Path, force: bool = False) -> Path:
    """Write the YAML case atomically; never over an existing file without ``force``."""
    from negotiator.fileio import write_atomic

    out = Path(output)
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(Problem(Message("ew_not_yaml_name", name=out.name), file=str(out), hint=Message("ew_not_yaml_name_hint")))
    return write_atomic(out, imported.yaml_text(), force=force)
