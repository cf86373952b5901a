"""Small helpers to lay out DataTables so they fit the terminal (80 columns and up)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

__all__ = ["fit_width", "restore_cursor", "set_columns", "show_rows"]


def fit_width(available: int, fixed: list[int], minimum: int = 10) -> int:
    """Width left for the one flexible column, after the fixed ones and each column's padding."""
    padding = 2 * (len(fixed) + 1)
    return max(minimum, available - sum(fixed) - padding - 2)


def restore_cursor(table: DataTable, key: str | None) -> None:
    """Put the cursor back on the row with ``key`` after the table was refilled."""
    if key is None:
        return
    try:
        table.move_cursor(row=table.get_row_index(key), animate=False)
    except Exception:  # the row is gone (e.g. the option was screened out)
        pass


def set_columns(table: DataTable, spec: list[tuple[object, str, int | None]]) -> bool:
    """Give ``table`` the columns (label, key, width) and no rows; True when the columns were rebuilt.

    Rebuilding columns costs a relayout, so they are kept when only the rows change
    (the common case: a weight moved).
    """
    current = [(str(c.label), c.key.value, c.width) for c in table.ordered_columns]
    wanted = [(str(label), key, width) for label, key, width in spec]
    if current == wanted:
        table.clear()
        return False
    table.clear(columns=True)
    for label, key, width in spec:
        table.add_column(label, key=key, width=width)
    return True


def _look(cell) -> tuple:
    """What a cell shows: its characters, styles and alignment (rich's Text == compares text and spans only)."""
    if isinstance(cell, str):
        cell = Text.from_markup(cell)  # as DataTable.add_column reads a str label
    if isinstance(cell, Text):
        return (cell.plain, str(cell.style), tuple(cell.spans), cell.justify, cell.overflow, cell.no_wrap)
    return (type(cell), cell)


def show_rows(table: DataTable, spec: list[tuple[object, str, int | None]], rows: list[tuple[str, list]]) -> None:
    """Make ``table`` show ``rows`` ([(row key, cells)], in that order) under the columns ``spec``.

    When the table already holds these columns and these rows (a weight moved, the sort changed),
    only the cells and column labels that look different are rewritten and the rows put in order
    with ``DataTable.sort``: clearing and re-adding 200 rows made Textual measure every cell again
    (~10 ms) besides the work of adding them. Otherwise the table is refilled. Either way the
    cursor stays on the row it was on, and the scroll position is kept when the rows are.
    """
    keys = [key for key, _ in rows]
    current = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value if table.row_count and table.show_cursor and table.cursor_type != "none" else None
    same_columns = [(key, width) for _, key, width in spec] == [(c.key.value, c.width) for c in table.ordered_columns]
    if not same_columns or len(keys) != table.row_count or set(keys) != {r.value for r in table.rows} or len(set(keys)) != len(keys):
        set_columns(table, spec)
        for key, cells in rows:
            table.add_row(*cells, key=key)
        restore_cursor(table, current)
        return
    relabelled = False
    for (label, _, _), column in zip(spec, table.ordered_columns):
        if _look(label) != _look(column.label):
            column.label = Text.from_markup(label) if isinstance(label, str) else label
            relabelled = True
    columns = [key for _, key, _ in spec]
    for key, cells in rows:
        for column, new, old in zip(columns, cells, table.get_row(key)):
            if new is not old and _look(new) != _look(old):
                table.update_cell(key, column, new)
    if relabelled or [r.key.value for r in table.ordered_rows] != keys:
        # sort() reorders and redraws (also the header, whose labels it cannot know changed)
        position = {id(table.get_cell(key, columns[0])): i for i, key in enumerate(keys)}
        if len(position) == len(keys):
            table.sort(columns[0], key=lambda cell: position[id(cell)])
        else:  # one cell object in two rows: cannot tell them apart, refill
            table.clear()
            for key, cells in rows:
                table.add_row(*cells, key=key)
    restore_cursor(table, current)
