"""tui/widgets/tables.py show_rows: a table shown again with new values or order is rewritten in place."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable

from negotiator.tui.widgets.tables import show_rows
from tui_helpers import cells, row_keys

SPEC = [("#", "rank", 3), ("option", "option", 20), ("score", "score", 7)]


def _rows(order: list[str], scores: dict[str, float]) -> list[tuple[str, list]]:
    return [(o, [Text(str(i + 1), justify="right"), Text(o.upper()), Text(f"{scores[o]:.2f}", justify="right")]) for i, o in enumerate(order)]


class TableApp(App):
    def compose(self):
        yield DataTable(cursor_type="row")


async def test_new_values_and_order_are_written_into_the_rows_shown():
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(DataTable)
        scores = {"a": 0.9, "b": 0.5, "c": 0.4, "d": 0.1}
        show_rows(table, SPEC, _rows(["a", "b", "c", "d"], scores))
        await pilot.pause()
        table.move_cursor(row=2)  # on "c"
        labels = {o: table.get_cell(o, "option") for o in "abcd"}
        # "c" overtakes "b": two scores and two ranks change, nothing else
        scores = {**scores, "b": 0.3, "c": 0.6}
        show_rows(table, SPEC, _rows(["a", "c", "b", "d"], scores))
        await pilot.pause()
        assert row_keys(table) == ["a", "c", "b", "d"]
        assert [cells(table, i) for i in range(4)] == [["1", "A", "0.90"], ["2", "C", "0.60"], ["3", "B", "0.30"], ["4", "D", "0.10"]]
        assert all(table.get_cell(o, "option") is labels[o] for o in "abcd")  # unchanged cells were not rewritten
        assert row_keys(table)[table.cursor_row] == "c"  # the cursor moved with its row
        # a sort mark in a column label is a new label on the same columns
        show_rows(table, [("# ▲", "rank", 3)] + SPEC[1:], _rows(["a", "c", "b", "d"], scores))
        await pilot.pause()
        assert str(table.ordered_columns[0].label) == "# ▲" and table.get_cell("a", "option") is labels["a"]
        # other rows or other columns: the table is refilled
        show_rows(table, SPEC, _rows(["a", "e"], {"a": 0.9, "e": 0.2}))
        await pilot.pause()
        assert row_keys(table) == ["a", "e"] and cells(table, 1) == ["2", "E", "0.20"]
        show_rows(table, SPEC[:2], [("a", [Text("1"), Text("A")])])
        await pilot.pause()
        assert [c.key.value for c in table.ordered_columns] == ["rank", "option"] and cells(table, 0) == ["1", "A"]


async def test_a_cell_that_looks_different_only_in_style_is_rewritten():
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(DataTable)
        show_rows(table, SPEC, [("a", [Text("1"), Text("A"), Text("0.50")])])
        show_rows(table, SPEC, [("a", [Text("1"), Text("A", style="bold"), Text("0.50", justify="right")])])
        await pilot.pause()
        assert table.get_cell("a", "option").style == "bold" and table.get_cell("a", "score").justify == "right"
