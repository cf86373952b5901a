"""The memo as data: sections of paragraphs, tables with typed cells, and figures.

Nothing here knows about Markdown, HTML, Word or Excel. Text is already in
the memo's language; numbers stay numbers (full precision) and carry a kind
and a number of decimals, so a spreadsheet stores the number itself and a
document shows it rounded the same way everywhere (see ``display``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

__all__ = ["Cell", "Column", "Table", "Paragraph", "Figure", "Section", "Memo", "display", "text_cell", "number_cell"]

#: Cell kinds: text, number (float shown with `decimals`), integer, percent (a 0-1 share shown as %).
CELL_KINDS = ("text", "number", "integer", "percent")


@dataclass(frozen=True)
class Cell:
    value: str | float | int | None
    kind: str = "text"
    decimals: int = 4

    @property
    def is_number(self) -> bool:
        return self.kind != "text" and isinstance(self.value, (int, float))


def text_cell(value) -> Cell:
    return Cell("" if value is None else str(value), "text")


def number_cell(value: float | None, decimals: int = 4, kind: str = "number") -> Cell:
    return Cell(None if value is None else float(value), kind, decimals)


def display(cell: Cell) -> str:
    """The one way every document renderer shows a cell."""
    v = cell.value
    if v is None:
        return ""
    if cell.kind == "text" or isinstance(v, str):
        return str(v)
    if cell.kind == "integer":
        return f"{int(v)}"
    if cell.kind == "percent":
        return f"{v * 100:.{max(cell.decimals - 2, 0)}f}%"
    return f"{v:.{cell.decimals}f}"


@dataclass(frozen=True)
class Column:
    key: str  # stable, language-free (e.g. "rank", "contribution:citizen_rights")
    header: str  # in the memo's language
    kind: str = "text"  # the kind of its cells: numbers align right
    # A short name for a narrow page (HTML, Word), explained by the table's header_key;
    # empty: the header is short enough already.
    short: str = ""


@dataclass(frozen=True)
class Table:
    key: str  # stable id: "ranking", "screened", "weights", ...
    title: str  # short, in the memo's language (a sheet name in Excel)
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str | None = None
    # What the columns' short names stand for ("O1 Sovereignty ...; O2 ..."), shown where they are used.
    header_key: str | None = None

    @property
    def has_short_headers(self) -> bool:
        return any(c.short for c in self.columns)

    def column(self, key: str) -> int:
        return [c.key for c in self.columns].index(key)


@dataclass(frozen=True)
class Paragraph:
    text: str
    role: str = "body"  # body | lead (the bottom line) | note (small print)
    # How many leading characters of ``text`` to stress (the bottom line's first sentence).
    strong: int = 0
    # A bulleted list under the text (the measures of a package, the options screened out).
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A chart, as data; figures.py draws it.

    ``kind`` is "stacked_bars": one horizontal bar per category (top to
    bottom), made of one segment per series, in series order.
    """

    key: str
    caption: str
    categories: tuple[str, ...]  # bar labels, in the memo's language
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (legend label, one value per category)
    axis_label: str
    kind: str = "stacked_bars"
    percent: bool = False  # values are shares in [0, 1]
    # Plain ids to draw instead of labels where no installed font has the labels' glyphs
    # (a Chinese memo on a machine without CJK fonts): figures.py decides.
    category_ids: tuple[str, ...] = ()
    series_ids: tuple[str, ...] = ()


Block = Union[Paragraph, Table, Figure]


@dataclass(frozen=True)
class Section:
    key: str  # bottom_line, ranking, screened, robustness, package, scenarios, assumptions, provenance
    heading: str
    blocks: tuple[Block, ...]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass(frozen=True)
class Memo:
    lang: str
    title: str
    subtitle: str
    date: str
    sections: tuple[Section, ...]
    provenance: dict = field(default_factory=dict)  # language-free facts (case, sha256, method, ...)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def table(self, key: str) -> Table | None:
        for s in self.sections:
            for t in s.tables():
                if t.key == key:
                    return t
        return None

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables()]
