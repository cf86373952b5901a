"""A Memo as an Excel workbook (openpyxl): a summary sheet, then one sheet per table.

Numbers are stored as numbers at full precision, with a display format that
matches the other memo formats (e.g. 0.0000); headers are bold on a shaded
row that stays frozen while scrolling; text cells use a font with Chinese
glyphs in a Chinese memo. The workbook's properties carry the memo's date,
and the zip entries are stamped with it, so the file is reproducible.
"""

from __future__ import annotations

import io
import re

from negotiator.render.spreadsheet_safe import keep_xlsx_text
from negotiator.i18n import tr
from negotiator.report.model import Figure, Memo, Paragraph, Table

__all__ = ["render", "sheet_names"]

_FONT = {"en": "Calibri", "zh": "Microsoft YaHei"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_names(memo: Memo) -> dict[str, str]:
    """Table key -> a unique, valid sheet name (at most 31 characters) in the memo's language."""
    names: dict[str, str] = {}
    used = {tr("sheet_summary", memo.lang).lower()}
    for table in memo.tables():
        base = _BAD_SHEET_CHARS.sub(" ", table.title).strip()[:31] or table.key[:31]
        name, k = base, 2
        while name.lower() in used:
            suffix = f" ({k})"
            name, k = base[: 31 - len(suffix)] + suffix, k + 1
        used.add(name.lower())
        names[table.key] = name
    return names


def _number_format(cell) -> str:
    if cell.kind == "integer":
        return "0"
    if cell.kind == "percent":
        return "0." + "0" * max(cell.decimals - 2, 0) + "%" if cell.decimals > 2 else "0%"
    return "0." + "0" * cell.decimals if cell.decimals > 0 else "0"


def _width(value: str) -> float:
    import unicodedata

    return sum(2.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 1.1 for ch in str(value))


def _write_table(ws, table: Table, font_name: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="C8C8C8")
    head_font = Font(name=font_name, bold=True)
    body_font = Font(name=font_name)
    fill = PatternFill("solid", fgColor="E8EEF6")
    widths = [_width(c.header) for c in table.columns]
    for j, col in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=j, value=col.header)
        cell.font = head_font
        cell.fill = fill
        cell.border = Border(bottom=thin, top=thin, left=thin, right=thin)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="right" if col.kind != "text" else "left")
    for i, row in enumerate(table.rows, start=2):
        for j, item in enumerate(row, start=1):
            value = item.value
            if item.is_number:
                value = int(value) if item.kind == "integer" else float(value)
            cell = ws.cell(row=i, column=j, value=value)
            cell.font = body_font
            if item.is_number:
                cell.number_format = _number_format(item)
                widths[j - 1] = max(widths[j - 1], 9)
            else:
                widths[j - 1] = max(widths[j - 1], _width(value or ""))
    # The header row stays visible, and the option's name too when the table has one.
    keys = [c.key for c in table.columns]
    ws.freeze_panes = f"{get_column_letter(keys.index('option') + 2)}2" if "option" in keys[:2] else "A2"
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(w + 2, 8), 60)
    ws.row_dimensions[1].height = 30 if any(_width(c.header) > 14 for c in table.columns) else None
    if table.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    if table.note:
        note = ws.cell(row=len(table.rows) + 3, column=1, value=table.note)
        note.font = Font(name=font_name, italic=True, color="555555")


def _write_summary(ws, memo: Memo, font_name: str, names: dict[str, str]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws.column_dimensions["A"].width = 120
    rows = [(memo.title, Font(name=font_name, bold=True, size=14)), (memo.subtitle, Font(name=font_name, color="555555"))]
    for section in memo.sections:
        rows.append(("", None))
        rows.append((section.heading, Font(name=font_name, bold=True, size=12)))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                rows.append((block.text, Font(name=font_name, bold=block.role == "lead", italic=block.role == "note")))
                rows += [(f"• {item}", Font(name=font_name)) for item in block.items]
            elif isinstance(block, Table):
                rows.append((f"→ {names[block.key]}", Font(name=font_name, color="1F3A5F", underline="single")))
            elif isinstance(block, Figure):
                continue  # charts are in the HTML and Word memos
    for i, (value, font) in enumerate(rows, start=1):
        cell = ws.cell(row=i, column=1, value=value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Spreadsheets do not grow a row for wrapped text written by a program: size it here.
        lines = max(1, -(-int(_width(value or "")) // 95))
        if lines > 1:
            ws.row_dimensions[i].height = 15 * lines
        if font is not None:
            cell.font = font
        if isinstance(value, str) and value.startswith("→ "):
            # An internal link (a location in this workbook, not an external target).
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{value[2:]}'!A1")


def _print_setup(ws) -> None:
    """A4, one page wide (as many tall as needed); landscape for wide sheets."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ws.max_column > 8 else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1" if ws.max_row > 1 and ws.title != ws.parent.worksheets[0].title else None


def render(memo: Memo) -> bytes:
    from openpyxl import Workbook

    from negotiator.report._zipfix import memo_datetime, normalise_zip

    font_name = _FONT[memo.lang]
    names = sheet_names(memo)
    wb = Workbook()
    summary = wb.active
    summary.title = tr("sheet_summary", memo.lang)
    _write_summary(summary, memo, font_name, names)
    for table in memo.tables():
        _write_table(wb.create_sheet(names[table.key]), table, font_name)
    for ws in wb.worksheets:
        # A label typed as '=...' in a case file is text: openpyxl would store it as a formula.
        keep_xlsx_text(ws)
        _print_setup(ws)
    when = memo_datetime(memo.date)
    wb.properties.creator = "negotiator"
    wb.properties.lastModifiedBy = "negotiator"
    wb.properties.title = memo.title
    wb.properties.description = f"case sha256 {memo.provenance.get('case_sha256')}; negotiator {memo.provenance.get('version')}"
    wb.properties.language = "zh-CN" if memo.lang == "zh" else "en-US"
    wb.properties.created = when
    wb.properties.modified = when
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue(), memo.date)
