"""The Word memo's tables, made by copying one written cell per kind (render_docx._RowMaker),
against the same table written cell by cell through python-docx's API: the XML must be the same."""

from __future__ import annotations

import pytest

from negotiator.report import render_docx as rd
from negotiator.report.model import Cell, Column, Table, display, number_cell, text_cell


def _cell_by_cell(doc, table: Table, styled) -> None:
    """What render_docx._table wrote before the copying: add_row, and every cell through the API."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    shown, merge_id = rd._shown_columns(table)
    keys = [c.key for c in table.columns]
    wide = len(shown) > rd._WIDE_COLUMNS
    size = Pt(7) if wide else Pt(8.5)
    title = doc.add_paragraph(table.title, style="Heading 2")
    title.paragraph_format.keep_with_next = True
    grid = doc.add_table(rows=1, cols=len(shown))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = grid.rows[0]
    rd._repeat_header(header)
    rd._cant_split(header)
    for j, i in enumerate(shown):
        col = table.columns[i]
        rd._write_cell(header.cells[j], rd._header(table, i, wide), size, bold=True, right=col.kind != "text")
        rd._shade(header.cells[j], "E8EEF6")
    for row in table.rows:
        added = grid.add_row()
        rd._cant_split(added)
        cells = added.cells
        for j, i in enumerate(shown):
            cell = row[i]
            sub = display(row[keys.index("option_id")]) if merge_id and keys[i] == "option" else None
            rd._write_cell(cells[j], display(cell), size, right=cell.is_number, sub=sub)
            if cell.is_number:
                rd._no_wrap(cells[j])
    section = doc.sections[-1]
    available = (section.page_width - section.left_margin - section.right_margin) / 36000
    widths = rd._column_widths(table, shown, available, size.pt, wide)
    grid.autofit = False
    for j, width in enumerate(widths):
        grid.columns[j].width = Mm(width)
        for cell in grid.columns[j].cells:
            cell.width = Mm(width)
    if wide and table.header_key:
        doc.add_paragraph(table.header_key, style="Caption")
    if table.note:
        doc.add_paragraph(table.note, style="Caption")


def _body_xml(table: Table, write) -> bytes:
    from docx import Document
    from lxml import etree

    doc = Document()
    rd._page(doc.sections[0], landscape=False)
    rd._setup_styles(doc, zh=False)
    write(doc, table, rd._Styled(doc))
    return etree.tostring(doc.element.body)


def _tables() -> list[Table]:
    odd = (
        text_cell("  leading and trailing  "),
        text_cell("tab\there"),
        text_cell("two\nlines"),
        text_cell(""),
        text_cell("中文 标签"),
    )
    ranking = Table(
        "ranking",
        "Ranked options",
        (Column("rank", "Rank", "integer"), Column("option", "Option"), Column("option_id", "Id"), Column("score", "Overall score", "number"), Column("share", "First", "percent")),
        tuple(
            (Cell(k + 1, "integer"), label, text_cell(oid), number_cell(value), number_cell(share, 3, "percent"))
            for k, (label, oid, value, share) in enumerate([
                (text_cell("Reciprocal negotiation"), "a1", 3.68612, 0.5),
                (odd[0], "", -0.041, None),  # no id: no second line; no number: empty, not right-aligned
                (odd[1], "b2", 1000.0, 0.0),
                (odd[2], "c 3", None, 1.0),
                (odd[3], "d4", 2.5, 0.25),
                (odd[4], "选项", 0.0, 0.125),
            ])
        ),
        note="A note.",
    )
    wide = Table(
        "wide",
        "Wide",
        tuple(Column(f"c{k}", f"Column number {k}", "number", short=f"C{k}") for k in range(11)),
        tuple(tuple(number_cell(r * 11 + k + 0.5) if (r + k) % 4 else text_cell("n/a") for k in range(11)) for r in range(4)),
        header_key="C0 Column number 0; ...",
        note="Wide note.",
    )
    empty = Table("empty", "No rows", (Column("option", "Option"), Column("value", "Value", "number")), ())
    return [ranking, wide, empty]


@pytest.mark.parametrize("table", _tables(), ids=lambda t: t.key)
def test_copied_cells_write_the_same_xml_as_the_cell_api(table):
    assert _body_xml(table, rd._table) == _body_xml(table, _cell_by_cell)


def test_put_text_is_the_run_text_setter():
    from docx import Document

    doc = Document()
    para = doc.add_paragraph()
    for text in ["", "plain", " lead", "trail ", "a\tb", "a\nb", "a\rb", "\u00a0nbsp", "3.686/\u20604"]:
        fast, slow = para.add_run("0"), para.add_run("0")
        rd._put_text(fast._r, text)
        slow.text = text
        assert fast._r.xml == slow._r.xml, text
