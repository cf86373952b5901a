"""Sensitivity: the one-way sweep of one objective's weight, and SMAA acceptability (in a worker)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, ProgressBar, Select, Static

from negotiator.render.bars import PALETTE, rank_colours, stacked_bar
from negotiator.errors import NegotiatorError
from negotiator.i18n import core_text, label, tr
from negotiator.render.termfit import distinct_cuts
from negotiator.render.sensitivity import provenance_lines
from negotiator.tui.widgets.line_chart import line_chart
from negotiator.tui.screens.base import ViewScreen

__all__ = ["SensitivityScreen", "SMAA_SAMPLES", "SMAA_SEED", "SMAA_SPREAD"]

#: What `a` runs: the SMAA defaults of `negotiator sensitivity smaa`.
SMAA_SAMPLES = 10_000
SMAA_SEED = 1
#: What `c` runs: weights drawn within +/- this share of each current weight (`sensitivity smaa --spread`).
SMAA_SPREAD = 0.25
#: Curves drawn: the leaders now, plus every option that leads somewhere on the sweep.
LEADERS_SHOWN = 4


class SensitivityScreen(ViewScreen):
    VIEW = "sensitivity"
    PREDRAW = True
    BINDINGS = [
        Binding("a", "run_smaa('uniform')", tr("run_smaa"), id="run_smaa"),
        Binding("c", "run_smaa('centred')", tr("run_smaa_centred"), id="run_smaa_centred"),
    ]
    WATCHES = ("ranking", "lang")

    def body(self) -> ComposeResult:
        app = self.app
        objectives = [(label(o, app.lang), oid) for oid, o in app.loaded.case.objectives.items()]
        heaviest = max(app.weights, key=app.weights.get) if app.weights else objectives[0][1]
        with Horizontal(id="sweep-pick"):
            yield Label(tr("sweep_of", app.lang), id="sweep-label", classes="selector-label")
            yield Select(objectives, value=heaviest, allow_blank=False, compact=True, id="sweep-objective")
        # SMAA's progress sits at the top, where the eye is after pressing a (the result may be below the fold)
        with Horizontal(id="smaa-status-row"):
            yield Static(id="smaa-status")
            yield ProgressBar(id="smaa-progress", show_eta=False)
        with VerticalScroll(id="sensitivity-body"):
            yield Static(id="sweep-chart")
            yield Static(id="sweep-notes")
            yield Static(id="smaa")
        self._smaa = None  # (what the run assumed: kind, method, scenario, weights; SmaaResult)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#smaa-progress").display = False  # shown while SMAA runs

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._state_changed()

    def redraw(self) -> None:
        if self.is_current:  # drawn while hidden: the sweep starts when it is shown (start_work)
            self._request_sweep()
        self._draw_sweep()
        self._draw_smaa()

    def start_work(self) -> None:
        if self._sweep_key() != getattr(self, "_sweep_for", None):
            self._request_sweep()
            self._draw_sweep()

    # -- the sweep (in a worker: non-additive methods search numerically and take seconds) --

    def _sweep_key(self) -> tuple:
        app = self.app
        objective = self.query_one("#sweep-objective", Select).value
        return (objective, tuple(sorted(app.weights.items())), app.method, app.scenario, app.profile, app.unsaved)

    def _request_sweep(self) -> None:
        key = self._sweep_key()
        if key == getattr(self, "_sweep_for", None):
            return
        self._sweep_for = key
        self._sweep_result = None
        app = self.app
        kwargs = {"weights": dict(app.weights)} if app.unsaved else {"profile": app.profile}
        self._compute_sweep(app.loaded, app.method, app.scenario, key[0], kwargs, key)

    @work(thread=True, exclusive=True, group="sweep", description="sweep")
    def _compute_sweep(self, loaded, method, scenario, objective, kwargs, key) -> None:
        from negotiator.sensitivity import sweep

        try:
            result = sweep(loaded, method=method, objectives=[objective], scenario=scenario, **kwargs)
        except NegotiatorError as exc:
            result = exc
        self.app.call_from_thread(self._sweep_done, key, result)

    def _sweep_done(self, key, result) -> None:
        if key == self._sweep_for:  # a newer request supersedes this answer
            self._sweep_result = result
            self._draw_sweep()

    def _draw_sweep(self) -> None:
        app, lang = self.app, self.lang
        case = app.loaded.case
        objective = self.query_one("#sweep-objective", Select).value
        self.query_one("#sweep-label", Label).update(tr("sweep_of", lang))
        chart, notes = self.query_one("#sweep-chart", Static), self.query_one("#sweep-notes", Static)
        result = getattr(self, "_sweep_result", None)
        if result is None:
            notes.update(Text(tr("sweeping", lang, method=app.method), style="yellow"))
            return
        if isinstance(result, NegotiatorError):
            chart.update(Text(result.render(), style="bold red"))
            notes.update("")
            return
        s = result.sweeps[0]
        options = list(result.options)
        leaders = [row.option for row in app.ranking.rows] if app.ranking else options
        shown = [o for o in leaders if o in options][:LEADERS_SHOWN]
        for b in s.top_changes():
            for o in (b.rises, b.falls):
                if o not in shown:
                    shown.append(o)
        colours = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(shown)}
        curves = {o: s.curves[:, options.index(o)] for o in shown}
        marks = [(b.weight, "┊", "red") for b in s.top_changes()] + [(s.current_weight, "│", "bold yellow")]
        height = max(6, min(16, self.size.height // 2 - 2))
        width = max(40, self.size.width - 4)
        chart.update(line_chart(s.grid, curves, colours, width, height, marks, x_label=tr("weight_axis", lang, obj=label(case.objectives[objective], lang))))
        text = Text()
        for o in shown:
            text.append("• ", style=colours[o])
            text.append(label(case.options[o], lang) + "  ")
        text.append("\n")
        text.append(tr("sweep_now", lang, w=s.current_weight), style="bold yellow")
        tops = s.top_changes()
        if not tops:
            text.append("  " + tr("sweep_no_change", lang), style="green")
        for b in tops:
            text.append("\n  ┊ " + tr("sweep_breakpoint", lang, w=b.weight, rises=label(case.options[b.rises], lang), falls=label(case.options[b.falls], lang)), style="red")
        lines = provenance_lines(result.provenance, lang)  # the analysis, case, method and computation, in the UI language
        text.append("\n" + " · ".join(lines[:2] + lines[3:4]), style="dim")
        notes.update(text)

    # -- SMAA in a worker thread ------------------------------------------------

    def _smaa_assumed(self, kind: str) -> tuple:
        """What a run depends on: uniform draws ignore the weights; centred draws are around them."""
        app = self.app
        return (kind, app.method, app.scenario, dict(app.weights) if kind == "centred" else None)

    def action_run_smaa(self, kind: str = "uniform") -> None:
        app = self.app
        kwargs = {"weights": dict(app.weights)} if app.unsaved else {"profile": app.profile}
        if kind == "centred":
            kwargs["spread"] = SMAA_SPREAD
        bar = self.query_one("#smaa-progress", ProgressBar)
        bar.display = True
        bar.update(total=100, progress=0)
        self.query_one("#smaa-status", Static).update(Text(tr("smaa_running" if kind == "uniform" else "smaa_running_centred", self.lang, n=SMAA_SAMPLES, spread=SMAA_SPREAD), style="bold yellow"))
        self._run_smaa(app.loaded, app.method, app.scenario, self._smaa_assumed(kind), kwargs)

    @work(thread=True, exclusive=True, group="smaa", description="smaa")
    def _run_smaa(self, loaded, method, scenario, assumed, kwargs) -> None:
        from negotiator.sensitivity import smaa

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.query_one("#smaa-progress", ProgressBar).update, total=total, progress=done)

        try:
            result = smaa(loaded, method=method, samples=SMAA_SAMPLES, seed=SMAA_SEED, scenario=scenario, progress=progress, **kwargs)
        except NegotiatorError as exc:
            self.app.call_from_thread(self._smaa_failed, exc.render())
            return
        self.app.call_from_thread(self._smaa_done, assumed, result)

    def _smaa_failed(self, message: str) -> None:
        self.query_one("#smaa-progress").display = False
        self.query_one("#smaa-status", Static).update(Text(message, style="bold red"))

    def _smaa_done(self, assumed, result) -> None:
        self._smaa = (assumed, result)
        self.query_one("#smaa-progress").display = False
        self._draw_smaa()
        # bring the result into view once it is laid out (at 80x24 it is below the chart)
        self.call_after_refresh(lambda: self.query_one("#sensitivity-body").scroll_to_widget(self.query_one("#smaa"), top=True, animate=False))

    def _draw_smaa(self) -> None:
        box = self.query_one("#smaa", Static)
        status = self.query_one("#smaa-status", Static)
        lang = self.lang
        if self._smaa is None:
            if not self.query_one("#smaa-progress").display:
                status.update(Text(tr("smaa_hint", lang, n=SMAA_SAMPLES, spread=SMAA_SPREAD), style="dim"))
            box.update("")
            return
        assumed, r = self._smaa
        kind = assumed[0]
        case = self.app.loaded.case
        n = len(r.options)
        colours = rank_colours(n)
        width = max(20, self.size.width - 40)
        text = Text(tr("smaa_title", lang, n=r.samples, seed=r.provenance.seed) + "\n", style="bold")
        note = core_text(r.provenance.weights_note, lang) if r.provenance.weights_note else ""
        text.append(tr("smaa_assumed", lang, note=note) + "\n", style="cyan")
        now = self._smaa_assumed(kind)
        if now != assumed:
            stale = "smaa_stale_weights" if kind == "centred" and now[1:3] == assumed[1:3] else "smaa_stale_method"
            status.update(Text(tr(stale, lang), style="bold yellow"))
        elif kind == "uniform" and self.app.unsaved:
            status.update(Text(tr("smaa_uniform_note", lang, spread=SMAA_SPREAD), style="yellow"))
        else:
            status.update(Text(tr("smaa_done", lang, n=r.samples), style="green"))
        names = distinct_cuts({o: label(case.options[o], lang) for o in r.options}, 24)
        for i in r.order():
            parts = {f"r{k + 1}": float(r.acceptability[i, k]) for k in range(n)}
            bar = stacked_bar(parts, {f"r{k + 1}": colours[k + 1] for k in range(n)}, 1.0, width)
            name = names[r.options[i]]
            text.append(name + " " * (24 - cell_len(name)))  # padded by cell width: Chinese labels align
            text.append(" ")
            text.append(f"{r.acceptability[i, 0]:6.1%} ", style="bold")
            text.append_text(bar)
            text.append("\n")
        legend = Text(tr("smaa_legend", lang) + " ", style="dim")
        for k in range(1, min(n, 8) + 1):
            legend.append("■", style=colours[k]).append(f"{k} ", style="dim")
        if n > 8:  # ranks past the palette share one grey: say so, as the chart does
            legend.append("■", style=colours[9]).append(tr("smaa_legend_rest", lang, k=9), style="dim")
        text.append_text(legend)
        box.update(text)
