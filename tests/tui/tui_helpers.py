"""Helpers for reading DataTables in the UI tests (row order as shown, cells as text)."""

from __future__ import annotations


def cells(table, row: int) -> list[str]:
    return [str(c) for c in table.get_row_at(row)]


def row_keys(table) -> list[str]:
    return [r.key.value for r in table.ordered_rows]


def shows_label(cell: str, full: str) -> bool:
    """A table cell shows ``full``: whole, or cut with "…" (render.termfit.distinct_cuts) from its start."""
    return cell == full or (cell.endswith("…") and full.startswith(cell.split("…")[0]))
