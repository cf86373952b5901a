"""Scenarios: the payoff table (options x the other side's behaviour) and each decision rule's pick."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from negotiator.errors import NegotiatorError
from negotiator.i18n import case_name, label, rule_name, tr
from negotiator.render.termfit import distinct_cuts
from negotiator.tui.screens.base import ViewScreen

__all__ = ["ScenariosScreen", "ALPHA_STEP"]

ALPHA_STEP = 0.1


RULE_NAME_WIDTH = 28  # the rule names' column in the rules list (cells)


class ScenariosScreen(ViewScreen):
    VIEW = "scenarios"
    PREDRAW = True
    BINDINGS = [
        Binding("minus", "alpha(-1)", tr("alpha_down"), key_display="-", id="alpha_down"),
        Binding("plus,equals_sign", "alpha(1)", tr("alpha_up"), key_display="+", id="alpha_up"),
    ]
    WATCHES = ("ranking", "lang")

    alpha = reactive(0.5, init=False)  # Hurwicz: weight on an option's best outcome

    def body(self) -> ComposeResult:
        yield DataTable(id="payoff-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="rules-box"):
            yield Static(id="rules")

    def watch_alpha(self) -> None:
        self._state_changed()

    def action_alpha(self, step: int) -> None:
        self.alpha = round(min(1.0, max(0.0, self.alpha + step * ALPHA_STEP)), 10)

    def redraw(self) -> None:
        from negotiator.scenarios.payoffs import scenario_payoffs

        app, lang = self.app, self.lang
        table = self.query_one("#payoff-table", DataTable)
        rules = self.query_one("#rules", Static)
        table.clear(columns=True)
        kwargs = {"weights": app.weights} if app.unsaved else {"profile": app.profile}
        try:
            pay = scenario_payoffs(app.loaded, method=app.method, **kwargs)
            report = pay.analyse(alpha=self.alpha)
        except NegotiatorError as exc:
            rules.update(Text(exc.render(), style="bold red"))
            return
        case = app.loaded.case
        # None under complete ignorance (the case gives no probabilities): no expected-value column.
        ev = next((r for r in report.rules if r.rule == "expected_value"), None)
        n_sc = len(pay.scenarios)
        n_cols = n_sc + (ev is not None)
        col_w = max(7, min(11, (self.size.width - 22) // n_cols - 2))
        name_w = max(14, self.size.width - 6 - (col_w + 2) * n_cols)
        table.add_column(tr("col_option", lang), key="option", width=name_w)
        names = distinct_cuts({row.id: label(row, lang) for row in pay.rows}, name_w)
        # headers cut with "…" and told apart (the notes under the table name each scenario in full)
        heads = distinct_cuts({**{sid: label(case.scenarios[sid], lang) + ("" if p is None else f" ({p:g})") for sid, p in pay.probability_of.items()}, "__expected__": tr("col_expected", lang)}, col_w)
        for sid in pay.probability_of:
            table.add_column(Text(heads[sid]), key=sid, width=col_w)
        if ev is not None:
            table.add_column(heads["__expected__"], key="expected", width=col_w)
        best_in = pay.best_in_scenario()  # every row tied for first under a scenario is marked
        for i, row in enumerate(pay.rows):
            cells = [Text(names[row.id], style="bold" if ev is not None and i in ev.chosen else "")]
            for j, sid in enumerate(pay.scenarios):
                cells.append(Text(f"{pay.values[i, j]:.4f}", style="bold green" if row.id in best_in[sid] else "", justify="right"))
            if ev is not None:
                cells.append(Text(f"{ev.scores[i]:.4f}", style="bold" if i in ev.chosen else "", justify="right"))
            table.add_row(*cells, key=row.id)
        rules.update(self._rules_text(pay, report))

    def _rules_text(self, pay, report) -> Text:
        lang = self.lang
        names = [label(row, lang) for row in pay.rows]
        case = self.app.loaded.case
        text = Text(tr("scenario_list", lang) + " ", style="dim")
        text.append(tr("list_sep", lang).join(label(case.scenarios[sid], lang) + ("" if p is None else f" (p {p:g})") for sid, p in pay.probability_of.items()) + "\n", style="dim")
        text.append(tr("rules_title", lang, alpha=self.alpha) + "\n", style="bold")
        indent = 2 + RULE_NAME_WIDTH
        room = max(20, self.app.size.width - 5 - indent)  # the box's padding and scroll bar
        for r in report.rules:
            name = rule_name(r, lang, self.alpha)
            text.append("  " + name + " " * (RULE_NAME_WIDTH - cell_len(name)), style="cyan")  # padded in cells: a Chinese character takes two
            what = Text(" = ".join(names[i] for i in r.chosen), style="bold")
            if r.margin is not None and r.runner_up:
                what.append("  " + tr("rule_margin", lang, m=r.margin, runner=names[r.runner_up[0]]), style="dim")
            # wrapped beside the rule's name, not back under it
            for k, line in enumerate(what.wrap(self.app.console, room)):
                line.rstrip()
                text.append_text(Text("\n" + " " * max(indent, 2 + cell_len(name))) if k else Text()).append_text(line)
            text.append("\n")
        if report.evpi is not None:
            text.append(tr("evpi", lang, v=report.evpi) + "\n", style="dim")
        if report.not_run:  # complete ignorance
            text.append(tr("ignorance_not_run", lang, rules=", ".join(tr(f"rule_{r}", lang) for r, _ in report.not_run)) + "\n", style="dim")
        if pay.screened_out:
            text.append(tr("left_out", lang, names=", ".join(label(self.app.loaded.case.options[o], lang) for o in pay.screened_out)) + "\n", style="dim")
        prov = pay.provenance()
        text.append(tr("prov_line", lang, case=case_name(prov["case"], lang), sha=prov["case_sha256"][:12], method=prov["method"], profile=prov["profile"]) + tr("judgment", lang), style="dim")
        return text
