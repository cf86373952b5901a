"""Weights: change each objective's weight and watch the ranking move (vs the starting profile)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Static

from negotiator.render.bars import objective_colours, stacked_bar
from negotiator.model.weights import profile_weights
from negotiator.ranking.whatif import rank_moves
from negotiator.i18n import label, tr
from negotiator.render.termfit import distinct_cuts
from negotiator.tui.messages import WeightEditRequested, WeightNudged
from negotiator.tui.widgets.tables import fit_width, show_rows
from negotiator.tui.widgets.weight_table import WeightTable
from negotiator.tui.screens.base import ViewScreen
from negotiator.tui.screens.ranking import Selectors
from negotiator.tui.widgets.texts import PromptInput, show_text

__all__ = ["WeightsScreen", "parse_weight"]

LEFT_MIN = 42  # the weights table (at 80 columns); the ranking preview takes the rest


def parse_weight(text: str) -> float | None:
    """A typed weight: '0.25', '.25' or '25%' (0 to 1); None when it is not one."""
    text = text.strip().replace("％", "%")
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


class WeightsScreen(ViewScreen):
    VIEW = "weights"
    PREDRAW = True
    BINDINGS = [
        Binding("ctrl+s", "app.save_profile", tr("save"), id="save"),
        Binding("ctrl+z,u", "undo", tr("undo"), id="undo"),
        Binding("ctrl+y,U", "redo", tr("redo"), id="redo", show=False),
        Binding("ctrl+r", "reset", tr("reset"), id="reset", show=False),
        Binding("escape", "leave_input", show=False),
    ]
    WATCHES = ("ranking", "lang", "weights")

    def body(self) -> ComposeResult:
        yield Selectors(id="selectors")
        with Horizontal(id="weights-body"):
            with Vertical(id="weights-left"):
                yield WeightTable(id="weight-table")
                yield PromptInput(id="weight-input")
                yield Static(id="weights-help")
            yield DataTable(id="preview", cursor_type="none", zebra_stripes=True)
        yield Static(id="weights-status")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(WeightTable).focus()

    @property
    def left_width(self) -> int:
        """Half the terminal for the weights on a wide screen, never less than 80 columns allow."""
        return max(LEFT_MIN, self.size.width // 2)

    # -- input ----------------------------------------------------------------

    def on_weight_nudged(self, event: WeightNudged) -> None:
        self.app.nudge(event.objective, event.step)

    def on_weight_edit_requested(self, event: WeightEditRequested) -> None:
        box = self.query_one("#weight-input", PromptInput)
        box.set_prompt(self._type_prompt(event.objective))
        box.value = ""
        box.focus()

    def _type_prompt(self, obj: str) -> str:
        """What the input box asks for (PromptInput cuts it to the box)."""
        return tr("type_prompt", self.lang, obj=label(self.app.loaded.case.objectives[obj], self.lang))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        table = self.query_one(WeightTable)
        obj = table.current_objective()
        value = parse_weight(event.value)
        if value is None:
            self.notify(tr("bad_weight", self.lang, text=event.value), severity="error")
            event.input.value = ""  # the toast quotes what was typed; the box is ready for the next try
            return
        if obj is not None:
            self.app.set_weight(obj, value)
        event.input.value = ""
        table.focus()

    def action_leave_input(self) -> None:
        self.query_one(WeightTable).focus()

    def action_undo(self) -> None:
        self.app.undo()

    def action_redo(self) -> None:
        self.app.redo()

    def action_reset(self) -> None:
        self.app.reset_weights()

    # -- drawing --------------------------------------------------------------

    def redraw(self) -> None:
        self._draw_weights()
        self._draw_preview()
        app, lang = self.app, self.lang
        start = app.loaded.case.profile_label(app.profile, lang) if app.profile else tr("custom", lang)
        status = Text(tr("started_from", lang, p=start), style="dim")
        if app.rank_error:
            status.append("  " + app.rank_error, style="bold red")
        show_text(self.query_one("#weights-status", Static), status)
        show_text(self.query_one("#weights-help", Static), Text(tr("weights_help", lang), style="dim"))
        box = self.query_one("#weight-input", PromptInput)
        if not box.has_focus:
            obj = self.query_one(WeightTable).current_objective()
            if obj:
                box.set_prompt(self._type_prompt(obj))

    def _draw_weights(self) -> None:
        app, lang = self.app, self.lang
        case = app.loaded.case
        table = self.query_one(WeightTable)
        start = profile_weights(case, app.profile)
        colours = objective_colours(list(case.objectives))
        self.query_one("#weights-left").styles.width = self.left_width
        bar_width = 6 if self.left_width < 50 else 10  # at 80 columns the ranking beside it needs the room
        name_width = self.left_width - bar_width - 6 - 6 - 10
        top = max(max(app.weights.values()), max(start.values()))
        spec = [(tr("col_objective", lang), "objective", name_width), (tr("col_weight", lang), "weight", 6), ("", "bar", bar_width), (tr("col_start", lang), "start", 6)]
        cells = {}
        names = distinct_cuts({obj: label(o, lang) for obj, o in case.objectives.items()}, name_width)
        for obj, o in case.objectives.items():
            w, w0 = app.weights[obj], start[obj]
            changed = abs(w - w0) > 5e-4
            cells[obj] = [
                Text(names[obj]),
                Text(f"{w:.3f}", style="bold yellow" if changed else "", justify="right"),
                stacked_bar({obj: w}, colours, top, bar_width),
                Text(f"{w0:.3f}", style="dim", justify="right"),
            ]
        show_rows(table, spec, list(cells.items()))  # rows stay: the changed cells are updated in place, cursor kept

    def _draw_preview(self) -> None:
        app, lang = self.app, self.lang
        table = self.query_one("#preview", DataTable)
        r = app.ranking
        if r is None:
            table.clear(columns=True)
            return
        width = max(30, self.size.width - self.left_width - 1)
        label_width = fit_width(width, [3, 4, 7], minimum=10)
        spec = [(tr("col_rank_mark", lang), "rank", 3), (tr("col_move", lang), "move", 4), (tr("col_option", lang), "option", label_width), (tr("col_score_short", lang), "score", 7)]
        moves = rank_moves(app.baseline, r)
        names = distinct_cuts({row.option: label(row, lang) for row in r.rows}, label_width)
        rows = [(row.option, [Text(str(row.rank), justify="right"), _move_text(moves.get(row.option)), Text(names[row.option]), Text(f"{row.score:.4f}", justify="right")]) for row in r.rows]
        show_rows(table, spec, rows)  # a nudge rewrites the changed cells in place


def _move_text(move: int | None) -> Text:
    """▲n green when the option rose against the starting profile, ▼n red when it fell."""
    if move is None:
        return Text("new", style="cyan")
    if move > 0:
        return Text(f"▲{move}", style="bold green")
    if move < 0:
        return Text(f"▼{-move}", style="bold red")
    return Text("·", style="dim")
