"""Ranking: the options ranked, score, each objective's contribution, screened-out options greyed."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import DataTable, Label, Select, Static

from negotiator.render.bars import objective_colours, stacked_bar
from negotiator.render.families import family_name, family_number, family_order
from negotiator.render.formats import provenance_lines
from negotiator.i18n import red_line_reason
from negotiator.i18n import label, tr
from negotiator.tui.widgets.selects import relabel_select
from negotiator.render.termfit import cut, distinct_cuts, fitted_legend
from negotiator.tui.widgets.tables import fit_width, show_rows
from negotiator.tui.screens.dialogs import DetailScreen
from negotiator.tui.screens.base import ViewScreen
from negotiator.tui.widgets.texts import show_text

__all__ = ["RankingScreen", "SORT_COLUMNS"]

#: Sortable columns, in the order `s` cycles through them.
SORT_COLUMNS = ("rank", "option", "family", "score")
_HEAD_KEYS = {"rank": "col_rank_mark", "option": "col_option", "family": "col_family_short", "score": "col_score_short"}
WIDE = 110  # from this width on the option id gets its own column
LEGEND_LINES = 3  # the colour key's lines (app.tcss #legend max-height)
BAR_MIN = 12  # the contribution bar never narrower (it gets a third of the room at most until labels fit)


class Selectors(Horizontal):
    """Profile, method and scenario pickers (shared by Ranking and Weights)."""

    def compose(self) -> ComposeResult:
        app = self.app
        case = app.loaded.case
        yield Label(tr("profile", app.lang), id="profile-label", classes="selector-label")
        yield Select(self._profile_options() or [("equal", None)], value=app.profile if case.weights else None, allow_blank=not case.weights, compact=True, id="profile")
        yield Label(tr("method", app.lang), id="method-label", classes="selector-label")
        yield Select([(m, m) for m in app.methods], value=app.method, allow_blank=False, compact=True, id="method")
        yield Label(tr("scenario", app.lang), id="scenario-label", classes="selector-label")
        yield Select(self._scenario_options(), value=app.scenario or "", allow_blank=False, compact=True, id="scenario")

    def _profile_options(self):
        """Profiles by their names in the UI language (the case's `labels:`; the id when it has none)."""
        app = self.app
        case = app.loaded.case
        return [(case.profile_label(p, app.lang), p) for p in case.weights]

    def _scenario_options(self):
        app = self.app
        return [(tr("base_case", app.lang), "")] + [(label(s, app.lang), sid) for sid, s in app.loaded.case.scenarios.items()]

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._relabel, init=False)
        self.watch(self.app, "profile", self._sync, init=False)

    def _relabel(self) -> None:
        lang = self.app.lang
        for key in ("profile", "method", "scenario"):
            self.query_one(f"#{key}-label", Label).update(tr(key, lang))
        relabel_select(self.query_one("#scenario", Select), self._scenario_options())
        self._sync()

    def _sync(self) -> None:
        """A new profile may have been saved: list it and show it."""
        sel = self.query_one("#profile", Select)
        case = self.app.loaded.case
        if case.weights:
            with self.prevent(Select.Changed):
                sel.set_options(self._profile_options())
                sel.value = self.app.profile
                sel.mutate_reactive(Select.value)  # the shown name follows the language even when the value stays

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        app = self.app
        value = None if event.value is Select.NULL else event.value
        if event.select.id == "profile" and value is not None and value != app.profile:
            app.profile = value
        elif event.select.id == "method" and value != app.method:
            app.method = value
        elif event.select.id == "scenario" and (value or None) != app.scenario:
            app.scenario = value or None


class RankingScreen(ViewScreen):
    VIEW = "ranking"
    BINDINGS = [
        Binding("s", "sort_next", tr("sort"), id="sort"),
        Binding("v", "sort_reverse", tr("reverse"), id="reverse"),
        Binding("x", "pick", tr("pick"), id="pick"),
        Binding("enter", "details", tr("details"), id="details", show=False),
    ]
    WATCHES = ("ranking", "lang", "picked")

    sort_by = reactive("rank", init=False)
    descending = reactive(False, init=False)

    def body(self) -> ComposeResult:
        yield Selectors(id="selectors")
        yield DataTable(id="ranking-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield Static(id="legend")
        yield Static(id="provenance")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#ranking-table").focus()

    def watch_sort_by(self) -> None:
        self._state_changed()

    def watch_descending(self) -> None:
        self._state_changed()

    def action_sort_next(self) -> None:
        self.sort_by = SORT_COLUMNS[(SORT_COLUMNS.index(self.sort_by) + 1) % len(SORT_COLUMNS)]
        self.descending = False

    def action_sort_reverse(self) -> None:
        self.descending = not self.descending

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = {"bar": "score", "id": "option"}.get(event.column_key.value, event.column_key.value)
        if key in SORT_COLUMNS:
            if key == self.sort_by:
                self.descending = not self.descending
            else:
                self.sort_by, self.descending = key, False

    def _current_option(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._draw_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row (the table takes Enter before the screen's binding): the option in full."""
        event.stop()
        self.action_details()

    def action_details(self) -> None:
        oid = self._current_option()
        if oid is not None:
            self.app.push_screen(DetailScreen(self.detail_text(oid, full=True)))

    def detail_text(self, oid: str, full: bool = False) -> Text:
        """The highlighted option in full: label, id, family, rank and score, rationale, why it was screened out."""
        app, lang = self.app, self.lang
        case = app.loaded.case
        opt = case.options[oid]
        text = Text()
        text.append(label(opt, lang), style="bold")
        text.append(f"  [{oid}]", style="dim")
        if opt.family:
            text.append(f"  {tr('col_family', lang)} {family_number(case, opt.family)} {family_name(case, opt.family, lang)}", style="dim")
        r = app.ranking
        row = next((x for x in r.rows if x.option == oid), None) if r else None
        screened = next((s for s in r.screened_out if s.option == oid), None) if r else None
        if row is not None:
            text.append(f"  #{row.rank}  {tr('col_score_short', lang)} {row.score:.4f}", style="dim")
        if screened is not None:
            text.append("\n" + self._screened_reason(screened), style="italic yellow")
        if opt.rationale:
            text.append("\n" + opt.rationale, style="")
        if full:
            text.append("\n\n" + tr("details_close", lang), style="dim")
        return text

    def _screened_reason(self, s) -> str:
        lang = self.lang
        reason = red_line_reason(self.app.loaded.case, s.breaches, lang) if lang == "zh" and s.breaches else s.reason
        return f"{tr('screened', lang)}: {reason}"

    def _draw_detail(self) -> None:
        pane = self.query_one("#detail", Static)
        oid = self._current_option()
        show_text(pane, self.detail_text(oid) if oid is not None and self.app.ranking is not None else "")

    def action_pick(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        self.app.toggle_pick(key)
        names = ", ".join(label(self.app.loaded.case.options[o], self.lang) for o in self.app.picked)
        self.notify(tr("picked", self.lang, names=names or tr("none_dash", self.lang)))

    def sorted_rows(self, ranking):
        """Ranked rows in the chosen order (screened-out options always come last)."""
        lang = self.lang
        keys = {
            "rank": lambda r: r.rank,
            "option": lambda r: label(r, lang).casefold(),
            "family": lambda r: (family_order(self.app.loaded.case, r.family), r.rank),
            "score": lambda r: -r.score,
        }
        return sorted(ranking.rows, key=keys[self.sort_by], reverse=self.descending)

    def redraw(self) -> None:
        app = self.app
        table = self.query_one(DataTable)
        r = app.ranking
        if r is None:
            table.clear(columns=True)
            self.query_one("#legend", Static).update(Text(app.rank_error or tr("nothing_ranked", self.lang), style="bold red"))
            self.query_one("#provenance", Static).update("")
            return
        lang = self.lang
        width = self.app.size.width  # known before the first layout (self.size may still be 0 then)
        wide = width >= WIDE
        # ids up to 32 cells (the label keeps the room), whole from about 200 columns
        id_width = min(max(32, width // 6), max((len(x.option) for x in [*r.rows, *r.screened_out]), default=8)) if wide else 0
        fixed = [3, 4, 7] + ([id_width] if wide else [])
        room = fit_width(width, fixed + [0], minimum=2 * BAR_MIN)  # label and bar share this
        longest = max((cell_len(label(x, lang)) for x in [*r.rows, *r.screened_out]), default=10)
        label_width = max(10, min(longest, room - max(BAR_MIN, room // 3)))
        bar_width = max(BAR_MIN, room - label_width)
        names = distinct_cuts({x.option: label(x, lang) for x in [*r.rows, *r.screened_out]}, label_width)
        arrow = " ▼" if self.descending else " ▲"
        heads = {k: tr(_HEAD_KEYS[k], lang) + (arrow if self.sort_by == k else "") for k in SORT_COLUMNS}
        heads["score"] = tr("col_score_short", lang) + (arrow if self.sort_by == "score" else "")
        spec = [(heads["rank"], "rank", 3), (heads["option"], "option", label_width)]
        if wide:
            spec.append((tr("col_id_title", lang), "id", id_width))
        spec += [(heads["family"], "family", 4), (heads["score"], "score", 7), (cut(tr("col_bar", lang), bar_width), "bar", bar_width)]
        rows = []
        objectives = list(r.provenance.weights)
        colours = objective_colours(objectives)
        top = max((row.score for row in r.rows), default=1.0) or 1.0
        for row in self.sorted_rows(r):
            cells = [Text(str(row.rank), justify="right"), Text(names[row.option], style="bold" if row.rank == 1 else "")]
            if wide:
                cells.append(Text(cut(row.option, id_width), style="dim"))
            cells += [Text(str(family_number(app.loaded.case, row.family) or ""), justify="center"), Text(f"{row.score:.4f}", justify="right"), stacked_bar(row.contributions or {}, colours, top, bar_width)]
            rows.append((row.option, cells))
        for s in r.screened_out:
            grey = "dim"
            cells = [Text("—", style=grey, justify="right"), Text(names[s.option], style=grey)]
            if wide:
                cells.append(Text(cut(s.option, id_width), style=grey))
            family = str(family_number(app.loaded.case, app.loaded.case.options[s.option].family) or "")
            cells += [Text(family, style=grey, justify="center"), Text("—", style=grey, justify="right"), Text(cut(self._screened_reason(s), bar_width), style="dim italic")]
            rows.append((s.option, cells))
        show_rows(table, spec, rows)  # a new ranking or order rewrites the changed cells in place
        self._draw_detail()
        obj_labels = {o: label(app.loaded.case.objectives[o], lang) for o in objectives}
        show_text(self.query_one("#legend", Static), fitted_legend(colours, obj_labels, width - 2, LEGEND_LINES))
        lines = provenance_lines(r, short=True, lang=lang)
        prov = Text(lines[0] + " · " + lines[1], style="dim")
        prov.append(" · " + tr("judgment", lang), style="dim italic")
        if app.picked:
            prov.append("\n" + tr("picked", lang, names=", ".join(label(app.loaded.case.options[o], lang) for o in app.picked)), style="cyan")
        show_text(self.query_one("#provenance", Static), prov)
