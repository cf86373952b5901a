"""The weights table: arrow keys move the highlighted objective's weight."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable

from negotiator.tui.messages import WeightEditRequested, WeightNudged

__all__ = ["WeightTable", "STEP", "BIG_STEP"]

STEP = 0.01
BIG_STEP = 0.05


class WeightTable(DataTable):
    """Rows are objectives (row key = objective id); ←/→ nudge, Enter asks to type a value."""

    BINDINGS = [
        Binding("left", "nudge(-1)", "−0.01", show=False),
        Binding("right", "nudge(1)", "+0.01", show=False),
        Binding("shift+left", "nudge(-5)", "−0.05", show=False),
        Binding("shift+right", "nudge(5)", "+0.05", show=False),
        Binding("enter", "edit", "Type", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def current_objective(self) -> str | None:
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key((self.cursor_row, 0)).row_key.value

    def action_nudge(self, hundredths: int) -> None:
        obj = self.current_objective()
        if obj is not None:
            self.post_message(WeightNudged(obj, hundredths * STEP))

    def action_edit(self) -> None:
        obj = self.current_objective()
        if obj is not None:
            self.post_message(WeightEditRequested(obj))
