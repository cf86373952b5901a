"""Package: the status quo, budgets as editable numbers, the best package and what it uses, infeasibility in words.

The baseline (status quo) is the core's `best_packages(case, PackageQuery(baseline=...))` (Clemen & Smith
2009): with one picked, every value on screen is the core's value over that baseline and
the options worse than it are listed; without one the core's advice says when the package
only fills the caps. The view formats what the core returns and computes nothing.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Input, Label, Select, Static

from negotiator.errors import NegotiatorError
from negotiator.render.portfolio import portfolio_advice, status_text
from negotiator.i18n import case_name, label, tr
from negotiator.render.termfit import distinct_cuts
from negotiator.tui._hints import tui_error_text
from negotiator.tui.widgets.selects import relabel_select
from negotiator.tui.screens.base import ViewScreen

__all__ = ["PackageScreen", "parse_budget"]

#: The baseline Select's value for "no baseline" (Select values cannot be None without a blank entry).
NO_BASELINE = ""


def parse_budget(text: str) -> float | None:
    """A typed budget: a number >= 0; None when it is not one."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value >= 0 and value != float("inf") else None


class PackageScreen(ViewScreen):
    VIEW = "package"
    PREDRAW = True
    BINDINGS = [
        Binding("s", "pick_baseline", tr("pick_baseline"), id="pick_baseline"),
        Binding("b", "edit_budgets", tr("edit_budgets"), id="edit_budgets"),
        Binding("ctrl+r", "reset_budgets", tr("reset"), id="reset"),
        Binding("escape", "leave_budgets", show=False),
    ]
    WATCHES = ("ranking", "lang")

    def body(self) -> ComposeResult:
        case = self.app.loaded.case
        self._budgets: dict[str, float] = dict(case.constraints.budgets)
        self._baseline: str | None = None  # as best_packages takes it: an option id, "worst", or None
        self._result = None
        self._solved_for = None
        with Horizontal(id="baseline-row"):
            yield Label(tr("baseline", self.lang), id="baseline-label", classes="selector-label")
            yield Select(self._baseline_options(), value=NO_BASELINE, allow_blank=False, compact=True, id="baseline")
        with VerticalScroll(id="budgets"):
            for res, cap in self._budgets.items():
                with Horizontal(classes="budget-row"):
                    yield Label(case.resource_label(res, self.lang), id=f"budget-label-{res}", classes="selector-label budget-label")
                    yield Input(value=f"{cap:g}", id=f"budget-{res}", classes="budget-input")
        yield DataTable(id="package-table", cursor_type="none", zebra_stripes=True)
        with VerticalScroll(id="package-notes-box"):
            yield Static(id="package-notes")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#package-table").focus()  # typing keys go to the view, Tab reaches the budgets
        self.watch(self.app, "lang", self._relabel_baseline, init=False)

    def _baseline_options(self) -> list[tuple[str, str]]:
        """'none', the worst level, then every option of the case (red-line screened ones too: the
        status quo is often one the red lines rule out as a *measure*, e.g. passive acceptance)."""
        lang = self.lang
        case = self.app.loaded.case
        screened = self._marked = self._screened_marks()
        options = [(tr("baseline_none", lang), NO_BASELINE), (tr("pf_baseline_worst", lang), "worst")]
        for oid, opt in case.options.items():
            name = label(opt, lang) + (f" ({tr('screened', lang)})" if oid in screened else "")
            options.append((name, oid))
        return options

    def _relabel_baseline(self) -> None:
        relabel_select(self.query_one("#baseline", Select), self._baseline_options())
        self.query_one("#baseline-label", Label).update(tr("baseline", self.lang))
        case = self.app.loaded.case
        for res in self._budgets:
            self.query_one(f"#budget-label-{res}", Label).update(case.resource_label(res, self.lang))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "baseline":
            return
        event.stop()
        chosen = None if event.value in (Select.NULL, NO_BASELINE) else str(event.value)
        if chosen != self._baseline:
            self._baseline = chosen
            self.app.package_baseline = chosen
            self._state_changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._read_budget(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._read_budget(event.input)

    def _read_budget(self, box: Input) -> None:
        res = box.id.removeprefix("budget-")
        value = parse_budget(box.value)
        if value is None:
            self.notify(tr("bad_budget", self.lang, text=box.value, res=self.app.loaded.case.resource_label(res, self.lang)), severity="error")
            box.value = f"{self._budgets[res]:g}"
            return
        if value != self._budgets[res]:
            self._budgets[res] = value
            self._state_changed()

    def action_pick_baseline(self) -> None:
        box = self.query_one("#baseline", Select)
        box.focus()
        box.expanded = True

    def action_edit_budgets(self) -> None:
        self.query(".budget-input").first().focus()

    def action_leave_budgets(self) -> None:
        self.query_one("#package-table").focus()

    def action_reset_budgets(self) -> None:
        self._budgets = dict(self.app.loaded.case.constraints.budgets)
        for res, cap in self._budgets.items():
            self.query_one(f"#budget-{res}", Input).value = f"{cap:g}"
        self._state_changed()

    def redraw(self) -> None:
        if self.is_current:  # drawn while hidden: the solve starts when it is shown (start_work)
            self.start_work()
        self._size_budget_labels()
        if self._screened_marks() != self._marked:  # a scenario or method screens other options out
            self._relabel_baseline()
        self._draw()

    def start_work(self) -> None:
        app = self.app
        key = (tuple(sorted(app.weights.items())), app.method, app.scenario, tuple(sorted(self._budgets.items())), app.profile, app.unsaved, self._baseline)
        if key != self._solved_for:
            self._solved_for = key
            self.query_one("#package-notes", Static).update(Text(tr("solving", self.lang), style="yellow"))
            self._solve(app.loaded, self._query(), key)

    def _screened_marks(self) -> frozenset[str]:
        ranking = self.app.ranking
        return frozenset(s.option for s in ranking.screened_out) if ranking is not None else frozenset()

    def _size_budget_labels(self) -> None:
        """Budget inputs in one column: every resource name as wide as the widest (CJK counts double)."""
        case = self.app.loaded.case
        width = max((cell_len(case.resource_label(r, self.lang)) for r in self._budgets), default=0) + 2
        for res in self._budgets:
            self.query_one(f"#budget-label-{res}", Label).styles.width = width

    def _query(self):
        """What the view asks the core: the app's weights (unsaved edits, else its profile), method
        and scenario, the budgets typed here, the chosen baseline; 5 s per solve keeps the view live."""
        from negotiator.portfolio import PackageQuery

        app = self.app
        who = {"weights": dict(app.weights)} if app.unsaved else {"profile": app.profile}
        return PackageQuery(**who, method=app.method, scenario=app.scenario, budgets=dict(self._budgets), baseline=self._baseline, time_limit=5.0)

    @work(thread=True, exclusive=True, group="package", description="package")
    def _solve(self, loaded, query, key) -> None:
        from negotiator.portfolio import best_packages

        try:
            result = best_packages(loaded, query)
        except NegotiatorError as exc:
            result = exc
        self.app.call_from_thread(self._solved, key, result)

    def _solved(self, key, result) -> None:
        if key == self._solved_for:  # a newer request supersedes this answer
            self._result = result
            self._draw()

    def _draw(self) -> None:
        lang = self.lang
        table = self.query_one("#package-table", DataTable)
        notes = self.query_one("#package-notes", Static)
        r = self._result
        table.clear(columns=True)
        if r is None:
            return
        if isinstance(r, NegotiatorError):
            notes.update(Text(tui_error_text(r, lang), style="bold red"))
            return
        case = self.app.loaded.case
        text = Text(tr("budgets_help", lang) + "\n", style="dim")
        if not r.feasible:
            text.append(tr("infeasible", lang) + "\n", style="bold red")
            if r.diagnosis is not None:
                text.append(r.diagnosis.summary + "\n")
                for c in r.diagnosis.conflict:
                    text.append("  • " + c.advice + "\n", style="yellow")
            else:
                text.append(status_text(r.outcomes[0] if r.outcomes else None, r.settings, lang) + "\n")
            notes.update(text)
            return
        best = r.best
        over = r.spec.baseline is not None
        header = tr("col_value_over" if over else "col_value", lang)
        value_w = max(8, cell_len(header))
        option_w = max(20, self.size.width - 10 - value_w)
        table.add_column(tr("col_option", lang), key="option", width=option_w)
        table.add_column(header, key="value", width=value_w)
        # labels (and the total's name) cut with "…" and kept distinct when the terminal is narrow
        names = distinct_cuts({**{oid: label(case.options[oid], lang) for oid in best.selected}, "__total__": tr("package_total", lang)}, option_w)
        below = set(r.below_baseline)  # the core's judgment of "worse than the status quo", not a sign test here
        for oid in best.selected:
            table.add_row(Text(names[oid]), _value_cell(best.option_values[oid], "bold red" if oid in below else ""), key=oid)
        table.add_row(Text(names["__total__"], style="bold"), _value_cell(best.value, "bold"), key="__total__")
        text.append(tr("resource_use", lang) + "\n", style="bold")
        names = {res: case.resource_label(res, lang) for res in r.spec.budgets}
        name_w = max((cell_len(n) for n in names.values()), default=0)
        figures = {res: f" {best.resources.get(res, 0.0):g} / {cap:g}" for res, cap in r.spec.budgets.items()}
        width = max(10, self.size.width - name_w - max((len(f) for f in figures.values()), default=0) - 8)
        for res, cap in r.spec.budgets.items():
            text.append("  " + names[res] + " " * (name_w - cell_len(names[res])) + " ")
            text.append_text(_use_bar(best.resources.get(res, 0.0), cap, width))
            text.append(figures[res] + "\n")
        text.append(status_text(r.outcomes[0], r.settings, lang) + "\n", style="green" if r.proven_optimal else "yellow")
        if over:
            text.append_text(self._baseline_text(r))
        for w in r.warnings:
            text.append("! " + w + "\n", style="yellow")
        for advice in portfolio_advice(r, lang):  # e.g. the package only fills the caps, then where to act here
            text.append("! " + advice + "\n", style="yellow")
            text.append("  → " + tr("advice_pick_baseline", lang) + "\n", style="bold yellow")
        p = r.provenance
        text.append(tr("prov_line", lang, case=case_name(p.case, lang), sha=p.case_sha256[:12], method=p.method, profile=p.profile) + tr("pf_judgment", lang), style="dim")
        notes.update(text)

    def _baseline_text(self, r) -> Text:
        """The status quo and its overall value, then every option worse than it (the core's values)."""
        lang = self.lang
        case = self.app.loaded.case
        b = r.spec.baseline
        name = label(case.options[b.option], lang) if b.kind == "option" else tr("pf_baseline_worst", lang) if b.kind == "worst" else b.text
        value = next(iter(r.spec.baseline_values.values()), None)
        out = Text(tr("baseline_line", lang, name=name, v=value) + "\n", style="bold")
        below = r.below_baseline
        if not below:
            out.append(tr("pf_every_adds", lang) + "\n", style="dim")
            return out
        values = r.spec.values()
        chosen = set(r.selected)
        out.append(tr("below_title", lang) + "\n", style="bold")
        for oid in sorted(below, key=lambda o: values[o]):
            out.append("  " + label(case.options[oid], lang) + " ")
            out.append(f"{values[oid]:+.4f}", style="red")
            out.append(" " + tr("below_forced" if oid in chosen else "below_left_out", lang) + "\n", style="dim")
        return out


def _use_bar(used: float, cap: float, width: int) -> Text:
    """How much of a budget the package uses (rendering only)."""
    from negotiator.render.bars import stacked_bar

    if cap <= 0:
        return Text("·" * width, style="dim")
    bar = stacked_bar({"used": min(used, cap)}, {"used": "#4e79a7"}, cap, width)
    return bar.append("·" * (width - len(bar)), style="dim")


def _value_cell(value: float, style: str = "") -> Text:
    """A value as the core gives it, right-aligned (red for an option worse than the baseline)."""
    return Text(f"{value:.4f}", style=style, justify="right")
