"""A Memo as a Word document (python-docx): heading styles, real tables, charts as pictures.

- A4 pages; a table too wide for a portrait page (the ranking with one
  column per objective) gets a landscape section of its own.
- Fonts: Latin text in Calibri/Arial, Chinese text through the East Asian
  font slot (``w:rFonts w:eastAsia``): SimSun for body text and Microsoft
  YaHei for headings, set on the styles so every run inherits them; the
  document language is marked zh-CN for East Asian text.
- Table header rows repeat on every page (``w:tblHeader``); numbers align
  right and show the same rounding as every other memo format.
- Charts are PNG (see figures.py for the font fallback).
- Reproducible: document properties carry the memo's date, and the zip
  entries are stamped with it too.
"""

from __future__ import annotations

import io
import re

from negotiator.i18n import tr
from negotiator.report.model import Figure, Memo, Paragraph, Table, display

__all__ = ["render", "BODY_FONT", "HEADING_FONT", "EAST_ASIA_BODY_FONT", "EAST_ASIA_HEADING_FONT"]

BODY_FONT = "Calibri"
HEADING_FONT = "Calibri"
EAST_ASIA_BODY_FONT = "SimSun"
EAST_ASIA_HEADING_FONT = "Microsoft YaHei"
_WIDE_COLUMNS = 9


def _set_fonts(style_or_run, latin: str, east_asia: str, lang_zh: bool = False) -> None:
    """Latin and East Asian fonts of a style or run (python-docx sets only the Latin slots)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    style_or_run.font.name = latin
    rpr = style_or_run.element.get_or_add_rPr()
    _write_fonts(rpr, latin, east_asia, themes=("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN" if lang_zh else "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _write_fonts(rpr, latin: str, east_asia: str, themes: tuple[str, ...]) -> None:
    """rFonts of a run-properties element: the Latin slots, the East Asian one, and no theme fonts
    (a theme font would override the named one in Word)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    for theme in themes:
        fonts.attrib.pop(qn(theme), None)


def _set_default_fonts(doc) -> None:
    """The document defaults too, so any style without fonts of its own (tables) gets them."""
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    _write_fonts(rpr, BODY_FONT, EAST_ASIA_BODY_FONT, themes=("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")  # East Asian text is Chinese: line breaking, punctuation


def _setup_styles(doc, zh: bool) -> None:
    from docx.shared import Pt, RGBColor

    _set_default_fonts(doc)
    styles = doc.styles
    normal = styles["Normal"]
    _set_fonts(normal, BODY_FONT, EAST_ASIA_BODY_FONT, zh)
    normal.font.size = Pt(10)
    for name in ("Title", "Heading 1", "Heading 2", "Subtitle"):
        style = styles[name]
        _set_fonts(style, HEADING_FONT, EAST_ASIA_HEADING_FONT, zh)
    styles["Title"].font.size = Pt(18)
    styles["Heading 1"].font.size = Pt(14)
    styles["Heading 1"].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    styles["Heading 2"].font.size = Pt(11)
    caption = styles["Caption"]
    _set_fonts(caption, BODY_FONT, EAST_ASIA_BODY_FONT, zh)
    caption.font.size = Pt(8.5)
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin = section.bottom_margin = Mm(15)


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def _cant_split(row) -> None:
    """A row stays on one page (w:cantSplit): a split ranking row leaves a page almost blank."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


_NUMBER_TOKEN = re.compile(r"(?<![\w])[-+−]?\d[\d.,]*(?:/\d[\d.,]*)?%?")


def unbreakable_numbers(text: str) -> str:
    """Numbers such as 3.686/4, -0.041 or 1,000 kept on one line: a word joiner after "/",
    a non-breaking hyphen for a minus sign."""
    def fix(m: re.Match) -> str:
        token = m.group(0)
        return token.replace("/", "/\u2060").replace("-", "\u2011", 1) if token.startswith("-") else token.replace("/", "/\u2060")

    return _NUMBER_TOKEN.sub(fix, text)


def _no_wrap(cell) -> None:
    from docx.oxml import OxmlElement

    cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def _write_cell(cell, value: str, size, bold: bool = False, right: bool = False, sub: str | None = None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    value = unbreakable_numbers(value)
    para = cell.paragraphs[0]
    para.paragraph_format.space_after = Pt(0)
    if right:
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = para.add_run(value)
    run.font.size = size
    run.bold = bold
    if sub:
        small = para.add_run("\n" + sub)
        small.font.size = Pt(max(size.pt - 1.5, 5.5))
        small.font.color.rgb = RGBColor(0x77, 0x77, 0x77)


def _shown_columns(table: Table) -> tuple[list[int], bool]:
    keys = [c.key for c in table.columns]
    merge_id = "option" in keys and "option_id" in keys
    return [i for i, k in enumerate(keys) if not (merge_id and k == "option_id")], merge_id


def _header(table: Table, i: int, wide: bool) -> str:
    col = table.columns[i]
    return col.short if wide and col.short else col.header


def _longest_word_mm(text: str, size_pt: float) -> float:
    """The width a header's longest word needs (Latin words do not break; CJK breaks between characters)."""
    words = [w for w in re.split(r"\s+", text) if w]
    longest = 0.0
    for word in words:
        em = sum(0.72 if ch.isupper() else 0.62 for ch in word) if not any(ord(ch) > 0x2E80 for ch in word) else 1.0
        longest = max(longest, em)
    return longest * size_pt * 0.3528 + 4.0  # em -> mm, plus the cell margins (1.9 mm a side)


def _column_widths(table: Table, shown: list[int], available_mm: float, size_pt: float = 7.0, wide: bool = False) -> list[float]:
    """Millimetres per shown column: short codes narrow, numbers medium, labels wide; every
    column at least as wide as its header's longest word (bold), so no header breaks inside a word."""
    shares = []
    for i in shown:
        col = table.columns[i]
        if col.key in ("rank", "family"):
            shares.append(1.0)
        elif col.kind != "text":
            shares.append(1.5)
        elif col.key in ("option", "reason", "value"):
            shares.append(5.0)
        else:
            shares.append(3.0)
    total = sum(shares)
    widths = [available_mm * s / total for s in shares]
    need = [_longest_word_mm(_header(table, i, wide), size_pt * 1.08) for i in shown]
    for _ in range(len(widths)):  # give the narrow columns what they need, taken from the others in proportion
        short = [j for j, w in enumerate(widths) if w < need[j] - 1e-6]
        if not short:
            break
        extra = sum(need[j] - widths[j] for j in short)
        rest = [j for j in range(len(widths)) if j not in short]
        spare = sum(widths[j] - need[j] for j in rest if widths[j] > need[j])
        if spare <= 0:
            break
        for j in short:
            widths[j] = need[j]
        scale = min(1.0, extra / spare)
        for j in rest:
            if widths[j] > need[j]:
                widths[j] -= (widths[j] - need[j]) * scale
    return widths


def _fix_widths(grid, widths_mm: list[float]) -> None:
    """Fixed layout and the grid's column widths (each cell gets its width as it is made)."""
    from docx.shared import Mm

    grid.autofit = False
    for j, width in enumerate(widths_mm):
        grid.columns[j].width = Mm(width)


class _RowMaker:
    """Body rows of a table made by copying: python-docx's cell API (``add_row``, ``cell.width``,
    ``add_run`` and its formatting) walks the whole table for each cell and costs about 0.3 ms a
    cell; the memo has about 900. Each kind of cell (column, number or text, a second line or not)
    is written once with :func:`_write_cell` into a blank cell, and every cell of that kind is a
    copy of it with its own text put in by python-docx's run text setter: the same XML as writing
    every cell through the API."""

    def __init__(self, grid, widths_mm: list[float], size):
        from copy import deepcopy

        from docx.oxml.table import CT_Tc
        from docx.shared import Mm

        self._copy = deepcopy
        self._grid = grid
        self._size = size
        self._blank = CT_Tc.new()  # what Table.add_row() puts in each column
        self._widths = [Mm(w) for w in widths_mm]
        self._kinds: dict[tuple, object] = {}

    def _template(self, j: int, number: bool, sub: bool):
        from docx.table import _Cell

        key = (j, number, sub)
        tc = self._kinds.get(key)
        if tc is None:
            tc = self._copy(self._blank)
            cell = _Cell(tc, self._grid)
            cell.width = self._widths[j]
            _write_cell(cell, "0", self._size, right=number, sub="0" if sub else None)
            if number:
                _no_wrap(cell)
            self._kinds[key] = tc
        return tc

    def add(self, values: list[tuple[str, bool, str | None]]) -> None:
        """One row: (text, is a number, second line or None) per shown column."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tr = self._grid._tbl.add_tr()
        tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        r_tag = qn("w:r")
        for j, (text, number, sub) in enumerate(values):
            tc = self._copy(self._template(j, number, sub is not None))
            runs = tc.p_lst[0].findall(r_tag)
            _put_text(runs[0], unbreakable_numbers(text))
            if sub is not None:
                runs[1].text = "\n" + sub
            tr.append(tc)


def _put_text(r, text: str) -> None:
    """The text of a copied run whose one ``w:t`` holds a placeholder: what ``run.text = text``
    writes (one ``w:t``, space preserved at its ends), without python-docx's character loop;
    text with tabs or line breaks, or none, goes through python-docx."""
    from docx.oxml.ns import qn

    if not text or "\t" in text or "\n" in text or "\r" in text:
        r.text = text
        return
    t = r.find(qn("w:t"))
    t.text = text
    if len(text.strip()) < len(text):
        t.set(qn("xml:space"), "preserve")


class _Styled:
    """Adds a paragraph in a named style, as ``doc.add_paragraph(text, style=name)`` (and
    ``add_heading``) do, and styles tables as ``table.style = name`` does, with each style's id
    looked up once: python-docx looks the name up among all the styles, and checks it is not
    the default, for every paragraph and table."""

    def __init__(self, doc):
        self.doc = doc
        self._ids: dict[tuple[str, str], str | None] = {}

    def _id(self, style: str, kind: str) -> str | None:
        key = (style, kind)
        if key not in self._ids:
            from docx.enum.style import WD_STYLE_TYPE

            self._ids[key] = self.doc.part.get_style_id(style, getattr(WD_STYLE_TYPE, kind))
        return self._ids[key]

    def __call__(self, text: str, style: str):
        para = self.doc.add_paragraph(text)
        para._p.style = self._id(style, "PARAGRAPH")
        return para

    def table(self, grid, style: str) -> None:
        grid._tbl.tblStyle_val = self._id(style, "TABLE")


def _table(doc, table: Table, styled: "_Styled") -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm, Pt

    shown, merge_id = _shown_columns(table)
    keys = [c.key for c in table.columns]
    wide = len(shown) > _WIDE_COLUMNS
    size = Pt(7) if wide else Pt(8.5)
    title = styled(table.title, "Heading 2")
    title.paragraph_format.keep_with_next = True
    section = doc.sections[-1]
    available = (section.page_width - section.left_margin - section.right_margin) / 36000  # EMU -> mm
    widths = _column_widths(table, shown, available, size.pt, wide)
    grid = doc.add_table(rows=1, cols=len(shown))
    styled.table(grid, "Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_widths(grid, widths)
    header = grid.rows[0]
    _repeat_header(header)
    _cant_split(header)
    for j, (i, cell) in enumerate(zip(shown, header.cells)):
        col = table.columns[i]
        cell.width = Mm(widths[j])
        _write_cell(cell, _header(table, i, wide), size, bold=True, right=col.kind != "text")
        _shade(cell, "E8EEF6")
    rows = _RowMaker(grid, widths, size)
    option_id = keys.index("option_id") if merge_id else None
    for row in table.rows:
        rows.add([
            (display(row[i]), row[i].is_number, display(row[option_id]) or None if merge_id and keys[i] == "option" else None)
            for i in shown
        ])
    if wide and table.header_key:
        styled(table.header_key, "Caption")
    if table.note:
        styled(table.note, "Caption")


def _figure(doc, fig: Figure, lang: str, styled: "_Styled") -> None:
    import struct

    from docx.shared import Mm

    from negotiator.report.figures import png, png_uses_ids

    data = png(fig)
    width_px, height_px = struct.unpack(">II", data[16:24])  # the PNG header (IHDR)
    section = doc.sections[-1]
    usable_w = section.page_width - section.left_margin - section.right_margin
    usable_h = section.page_height - section.top_margin - section.bottom_margin
    # As wide as the text, but short enough to leave room for the caption on the same page.
    width = min(usable_w, int((usable_h - Mm(20)) * width_px / height_px), Mm(200))
    doc.add_picture(io.BytesIO(data), width=width)
    caption = fig.caption
    if png_uses_ids(fig):
        caption += " " + tr("fig_ids_note", lang)
    styled(caption, "Caption")


def _paragraph(doc, p: Paragraph, styled: "_Styled") -> None:
    if p.role == "note":
        styled(p.text, "Caption")
        return
    para = doc.add_paragraph()
    if p.strong:
        para.add_run(p.text[: p.strong]).bold = True
    if p.text[p.strong :]:
        para.add_run(p.text[p.strong :])
    for item in p.items:
        styled(item, "List Bullet")


def _start_section(doc, landscape: bool) -> None:
    from docx.enum.section import WD_SECTION

    current = doc.sections[-1]
    is_landscape = current.page_width > current.page_height
    if is_landscape != landscape:
        _page(doc.add_section(WD_SECTION.NEW_PAGE), landscape)


def render(memo: Memo) -> bytes:
    from docx import Document

    from negotiator.report._zipfix import memo_datetime, normalise_zip

    zh = memo.lang == "zh"
    doc = Document()
    _page(doc.sections[0], landscape=False)
    _setup_styles(doc, zh)
    styled = _Styled(doc)
    styled(memo.title, "Title")
    styled(memo.subtitle, "Subtitle")
    for section in memo.sections:
        wide = any(len(_shown_columns(t)[0]) > _WIDE_COLUMNS for t in section.tables())
        _start_section(doc, landscape=wide)
        styled(section.heading, "Heading 1")
        for block in section.blocks:
            if isinstance(block, Table):
                _table(doc, block, styled)
            elif isinstance(block, Figure):
                _figure(doc, block, memo.lang, styled)
            else:
                _paragraph(doc, block, styled)
    props = doc.core_properties
    props.title = memo.title
    props.author = "negotiator"
    props.last_modified_by = "negotiator"
    props.comments = f"case sha256 {memo.provenance.get('case_sha256')}; negotiator {memo.provenance.get('version')}"
    props.language = "zh-CN" if zh else "en-US"
    props.created = props.modified = memo_datetime(memo.date)
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue(), memo.date)
