"""Small helpers to lay out DataTables so they fit the terminal (80 columns and up)."""

from __future__ import annotations

from textual.widgets import DataTable

__all__ = ["fit_width", "restore_cursor", "set_columns"]


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
