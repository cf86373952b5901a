"""Compare: two or three options side by side, objective by objective, and what it would take."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Label, Select, Static

from negotiator.render.bars import objective_colours, stacked_bar
from negotiator.errors import NegotiatorError
from negotiator.ranking.whatif import compare_options, pairwise_what_if
from negotiator.i18n import label, tr
from negotiator.render.termfit import distinct_cuts, signed
from negotiator.tui.widgets.tables import fit_width
from negotiator.tui.screens.base import ViewScreen

__all__ = ["CompareScreen"]

SLOTS = ("a", "b", "c")
TOTAL = "__total__"  # the totals row's key


class CompareScreen(ViewScreen):
    VIEW = "compare"
    PREDRAW = True
    BINDINGS = [Binding("x", "swap", "A ⇄ B", id="swap")]
    WATCHES = ("ranking", "lang", "picked")

    def body(self) -> ComposeResult:
        self._choice: list[str | None] = self._initial_choice()
        self._picks_followed = self.app.picked
        lang = self.app.lang
        options = [(label(o, lang), oid) for oid, o in self.app.loaded.case.options.items()]
        with Horizontal(id="picks"):
            for slot, choice in zip(SLOTS, self._choice):
                yield Label(tr(f"option_{slot}", lang), id=f"label-{slot}", classes="selector-label")
                yield Select(options, prompt=tr("select_prompt", lang), value=choice if choice else Select.NULL, allow_blank=(slot == "c"), compact=True, id=f"pick-{slot}")
        yield DataTable(id="compare-table", cursor_type="none", zebra_stripes=True)
        with VerticalScroll(id="whatif-box"):
            yield Static(id="whatif")

    def _initial_choice(self) -> list[str | None]:
        app = self.app
        picks = list(app.picked)
        if len(picks) < 2 and app.ranking is not None:
            for row in app.ranking.rows:
                if row.option not in picks:
                    picks.append(row.option)
                if len(picks) >= 2:
                    break
        picks = picks[:3] + [None] * (3 - len(picks[:3]))
        return picks

    def _follow_picks(self) -> None:
        """Options picked elsewhere (Ranking's space bar) since this view last looked replace its choice,
        whenever they were picked: before it was composed, while it was built ahead or while hidden."""
        picked = self.app.picked
        if picked != self._picks_followed:
            self._picks_followed = picked
            if len(picked) >= 2:
                self._choice = list(picked) + [None] * (3 - len(picked))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        slot = SLOTS.index(event.select.id.removeprefix("pick-"))
        value = None if event.value is Select.NULL else event.value
        if self._choice[slot] != value:
            self._choice[slot] = value
            self.redraw()

    def action_swap(self) -> None:
        self._choice[0], self._choice[1] = self._choice[1], self._choice[0]
        self.redraw()

    def _sync_selects(self) -> None:
        app, lang = self.app, self.lang
        options = [(label(o, lang), oid) for oid, o in app.loaded.case.options.items()]
        for slot, choice in zip(SLOTS, self._choice):
            sel = self.query_one(f"#pick-{slot}", Select)
            with self.prevent(Select.Changed):
                sel.prompt = tr("select_prompt", lang)
                sel.set_options(options)
                if choice is not None:
                    sel.value = choice
            self.query_one(f"#label-{slot}", Label).update(tr(f"option_{slot}", lang))

    def redraw(self) -> None:
        self._follow_picks()
        self._sync_selects()
        chosen = [o for o in dict.fromkeys(self._choice) if o]
        table = self.query_one(DataTable)
        table.clear(columns=True)
        box = self.query_one("#whatif", Static)
        if len(chosen) < 2:
            box.update(Text(tr("pick_two", self.lang), style="yellow"))
            return
        app = self.app
        try:
            cmp = compare_options(app.loaded, chosen, app.weights, app.scenario)
        except NegotiatorError as exc:
            box.update(Text(exc.render(), style="bold red"))
            return
        self._draw_table(table, cmp)
        self._cmp = cmp
        box.update(self._whatif_text(cmp))
        if self.is_current:  # drawn while hidden: the flips start when it is shown (start_work)
            self._request_flips(chosen)

    def start_work(self) -> None:
        if getattr(self, "_cmp", None) is not None:
            self._request_flips([o for o in dict.fromkeys(self._choice) if o])

    # -- first among all options: the core's flip analysis, in a worker (CBC runs as a process) --

    def _request_flips(self, chosen: list[str]) -> None:
        app = self.app
        if app.method != "additive" or app.ranking is None:
            return
        key = (tuple(chosen), tuple(sorted(app.weights.items())), app.scenario)
        if key == getattr(self, "_flips_for", None):
            return
        self._flips_for, self._flips = key, None
        self._compute_flips(app.loaded, dict(app.weights), app.scenario, chosen, key)

    @work(thread=True, exclusive=True, group="flip", description="flip")
    def _compute_flips(self, loaded, weights, scenario, chosen, key) -> None:
        from negotiator.sensitivity import flip

        out: dict[str, tuple[float | None, dict[str, float]]] = {}
        try:
            result = flip(loaded, weights=weights, scenario=scenario, challengers=chosen)
            out = {f.challenger: (f.distance, f.changes or {}) if f.possible else (None, {}) for f in result.flips}
        except NegotiatorError:
            out = {}
        self.app.call_from_thread(self._flips_done, key, out)

    def _flips_done(self, key, flips) -> None:
        if key == getattr(self, "_flips_for", None) and getattr(self, "_cmp", None) is not None:
            self._flips = flips
            self.query_one("#whatif", Static).update(self._whatif_text(self._cmp))

    def _draw_table(self, table: DataTable, cmp) -> None:
        app, lang = self.app, self.lang
        case = app.loaded.case
        n = len(cmp.options)
        diff_w = 7
        name_w = max(16, min(30, self.size.width // 5))
        fixed = [name_w, 6] + [diff_w] * (n - 1)
        bar_w = max(6, (fit_width(self.size.width, fixed, minimum=6 * n) - 2 * (n - 1)) // n - 5)
        colours = objective_colours(cmp.objectives)
        table.add_column(tr("col_objective", lang), key="objective", width=name_w)
        table.add_column(tr("col_weight", lang), key="weight", width=6)
        letters = "ABC"
        heads = distinct_cuts({oid: label(case.options[oid], lang) for oid in cmp.options}, bar_w + 3)
        # the total's row name too: cut with "…" and told apart from the objectives'
        objs = distinct_cuts({**{obj: label(case.objectives[obj], lang) for obj in cmp.objectives}, TOTAL: tr("total", lang)}, name_w)
        for i, oid in enumerate(cmp.options):
            table.add_column(Text(f"{letters[i]} {heads[oid]}"), key=f"opt-{i}", width=bar_w + 5)
            if i:
                table.add_column(f"{letters[i]}−A", key=f"diff-{i}", width=diff_w)
        for obj in cmp.objectives:
            cells = [Text(objs[obj]), Text(f"{cmp.weights[obj]:.3f}", justify="right")]
            for i, oid in enumerate(cmp.options):
                cell = Text(f"{cmp.likely[oid][obj]:>4g} ")
                cell.append_text(stacked_bar({obj: cmp.values[oid][obj]}, colours, 1.0, bar_w))
                cells.append(cell)
                if i:
                    cells.append(_signed(cmp.difference[oid][obj]))
            table.add_row(*cells, key=obj)
        totals = [Text(objs[TOTAL], style="bold"), Text("1.000", justify="right")]
        for i, oid in enumerate(cmp.options):
            totals.append(Text(f"{cmp.total[oid]:.4f}", style="bold", justify="right"))
            if i:
                totals.append(_signed(cmp.total_difference[oid], bold=True))
        table.add_row(*totals, key=TOTAL)

    def _whatif_text(self, cmp) -> Text:
        app, lang = self.app, self.lang
        case = app.loaded.case
        text = Text(tr("whatif_title", lang) + "  ", style="bold")
        text.append(tr("breakdown", lang) + "\n", style="dim")
        if app.method != "additive":
            return text.append(tr("whatif_additive_only", lang), style="yellow")
        screened = {s.option for s in (app.ranking.screened_out if app.ranking else [])}
        leader = max(cmp.options, key=lambda o: (o not in screened, cmp.total[o]))
        name = {o: label(case.options[o], lang) for o in cmp.options}
        obj_name = {o: label(case.objectives[o], lang) for o in cmp.objectives}
        for other in cmp.options:
            if other == leader:
                continue
            if other in screened:
                text.append("• " + tr("whatif_screened", lang, b=name[other]) + "\n", style="dim")
                continue
            r = pairwise_what_if(app.loaded, leader, other, app.weights, app.scenario)
            text.append(tr("whatif_line", lang, a=name[leader], b=name[other], gap=r.gap) + "\n", style="bold cyan")
            if not r.possible:
                key = "whatif_at_best_tie" if getattr(r.reason, "key", None) == "wi_at_best_tie" else "whatif_impossible"
                text.append("  " + tr(key, lang, a=name[leader], b=name[other]) + "\n")
                continue
            if r.gap == 0:
                text.append("  " + tr("whatif_tied", lang, a=name[leader], b=name[other]) + "\n")
            single = r.best_single
            if single is not None:
                text.append("  • " + tr("whatif_single", lang, dir=tr(single.direction, lang), obj=obj_name[single.objective], cur=single.current, new=single.needed, chg=single.change) + "\n")
            if r.cheapest is not None and r.cheapest.distance > 0:
                moves = _moves_text(r.cheapest.moves, obj_name)
                text.append("  • " + tr("whatif_cheapest", lang, dist=r.cheapest.distance, moves=moves) + "\n")
            if r.gap > 0:
                text.append("  " + tr("whatif_beyond", lang, b=name[other]) + "\n", style="dim")
        for oid, (dist, changes) in (getattr(self, "_flips", None) or {}).items():
            if oid not in name:
                continue
            if dist is None:
                text.append("• " + tr("flip_never", lang, b=name[oid]) + "\n", style="magenta")
                continue
            moves = _moves_text(changes, obj_name)
            text.append("• " + tr("flip_line", lang, b=name[oid], d=dist, moves=moves) + "\n", style="magenta")
        return text


def _signed(value: float, bold: bool = False) -> Text:
    style = ("bold " if bold else "") + ("green" if value > 5e-5 else "red" if value < -5e-5 else "dim")
    return Text(signed(value), style=style, justify="right")


def _moves_text(moves: dict, obj_name: dict) -> str:
    """Weight changes, largest first, as 'Objective +0.012'; those that print as 0.000 left out."""
    shown = sorted(moves.items(), key=lambda kv: -abs(kv[1]))
    return ", ".join(f"{obj_name[o]} {signed(v).strip()}" for o, v in shown if abs(v) > 5e-7)
