"""Package: budgets as editable numbers, the best package and what it uses, infeasibility in words."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Input, Label, Static

from ...errors import NegotiatorError
from ..i18n import label, tr
from .base import ViewScreen

__all__ = ["PackageScreen", "parse_budget"]


def parse_budget(text: str) -> float | None:
    """A typed budget: a number >= 0; None when it is not one."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value >= 0 and value != float("inf") else None


class PackageScreen(ViewScreen):
    VIEW = "package"
    BINDINGS = [
        Binding("b", "edit_budgets", tr("edit_budgets"), id="edit_budgets"),
        Binding("ctrl+r", "reset_budgets", tr("reset"), id="reset"),
        Binding("escape", "leave_budgets", show=False),
    ]
    WATCHES = ("ranking", "lang")

    def body(self) -> ComposeResult:
        case = self.app.loaded.case
        self._budgets: dict[str, float] = dict(case.constraints.budgets)
        self._result = None
        self._solved_for = None
        with Horizontal(id="budgets"):
            for res, cap in self._budgets.items():
                yield Label(res, classes="selector-label")
                yield Input(value=f"{cap:g}", id=f"budget-{res}", classes="budget-input")
        yield DataTable(id="package-table", cursor_type="none", zebra_stripes=True)
        with VerticalScroll(id="package-notes-box"):
            yield Static(id="package-notes")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#package-table").focus()  # typing keys go to the view, Tab reaches the budgets

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._read_budget(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._read_budget(event.input)

    def _read_budget(self, box: Input) -> None:
        res = box.id.removeprefix("budget-")
        value = parse_budget(box.value)
        if value is None:
            self.notify(tr("bad_budget", self.lang, text=box.value, res=res), severity="error")
            box.value = f"{self._budgets[res]:g}"
            return
        if value != self._budgets[res]:
            self._budgets[res] = value
            self._state_changed()

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
        app = self.app
        key = (tuple(sorted(app.weights.items())), app.method, app.scenario, tuple(sorted(self._budgets.items())), app.profile, app.unsaved)
        if key != self._solved_for:
            self._solved_for = key
            self.query_one("#package-notes", Static).update(Text(tr("solving", self.lang), style="yellow"))
            kwargs = {"weights": dict(app.weights)} if app.unsaved else {"profile": app.profile}
            self._solve(app.loaded, app.method, app.scenario, dict(self._budgets), kwargs, key)
        self._draw()

    @work(thread=True, exclusive=True, group="package")
    def _solve(self, loaded, method, scenario, budgets, kwargs, key) -> None:
        from ...portfolio import best_packages

        try:
            result = best_packages(loaded, method=method, scenario=scenario, budgets=budgets, time_limit=5.0, **kwargs)
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
            notes.update(Text(r.render(), style="bold red"))
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
                text.append(r.status_words + "\n")
            notes.update(text)
            return
        best = r.best
        table.add_column(tr("col_option", lang), key="option", width=max(20, self.size.width - 30))
        table.add_column(tr("col_value", lang), key="value", width=8)
        for oid in best.selected:
            table.add_row(Text(label(case.options[oid], lang)), Text(f"{best.option_values[oid]:.4f}", justify="right"), key=oid)
        table.add_row(Text(tr("package_total", lang), style="bold"), Text(f"{best.value:.4f}", style="bold", justify="right"), key="__total__")
        text.append(tr("resource_use", lang) + "\n", style="bold")
        width = max(10, self.size.width - 40)
        for res, cap in r.spec.budgets.items():
            used = best.resources.get(res, 0.0)
            text.append(f"  {res:<12} ")
            text.append_text(_use_bar(used, cap, width))
            text.append(f" {used:g} / {cap:g}\n")
        text.append(r.status_words + "\n", style="green" if r.proven_optimal else "yellow")
        for w in r.warnings:
            text.append("! " + w + "\n", style="yellow")
        p = r.provenance
        text.append(f"case {p.case} (sha256 {p.case_sha256[:12]}) · method {p.method} · profile {p.profile} · " + tr("package_note", lang), style="dim")
        notes.update(text)


def _use_bar(used: float, cap: float, width: int) -> Text:
    """How much of a budget the package uses (rendering only)."""
    from ...charts import stacked_bar

    if cap <= 0:
        return Text("·" * width, style="dim")
    bar = stacked_bar({"used": min(used, cap)}, {"used": "#4e79a7"}, cap, width)
    return bar.append("·" * (width - len(bar)), style="dim")
