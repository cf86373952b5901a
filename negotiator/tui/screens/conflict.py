"""Conflict: the graph model of the case's conflict. Who is stable where (a row per state: today
and the equilibria), why each side stays or moves at the highlighted state (the sanctions, credible
or only threats), which threats hold the equilibria, and the path from today.

Every verdict comes from negotiator.conflict.analyse_conflict (computed once per loaded case);
every word from render/conflict.py and the catalogue.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from negotiator.errors import NegotiatorError
from negotiator.i18n import colon as i18n_colon, label, tr
from negotiator.render.termfit import cut
from negotiator.tui.screens.base import ViewScreen

__all__ = ["ConflictScreen"]


class ConflictScreen(ViewScreen):
    VIEW = "conflict"
    PREDRAW = True
    WATCHES = ("lang",)  # the analysis depends on the case only, not on weights or method
    DEFAULT_CSS = """
    ConflictScreen #conflict-table { height: 1fr; }
    ConflictScreen #conflict-box { height: 1fr; padding: 0 1; }
    ConflictScreen #conflict-state { margin-bottom: 1; }
    """

    _analysis = None
    _analysed = None  # the LoadedCase the analysis is of

    def body(self) -> ComposeResult:
        yield DataTable(id="conflict-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="conflict-box"):
            yield Static(id="conflict-state")
            yield Static(id="conflict-text")

    def analysis(self):
        """The conflict analysis of the loaded case (its first conflict), computed once."""
        from negotiator.conflict import analyse_conflict

        loaded = self.app.loaded
        if self._analysed is not loaded:
            self._analysis, self._analysed = analyse_conflict(loaded), loaded
        return self._analysis

    def redraw(self) -> None:
        from negotiator.render.conflict import concept_name

        lang = self.lang
        table = self.query_one("#conflict-table", DataTable)
        table.clear(columns=True)
        try:
            a = self.analysis()
        except NegotiatorError as exc:
            table.display = False
            self.query_one("#conflict-state", Static).update(Text(tr("cf_tui_none", lang), style="bold"))
            self.query_one("#conflict-text", Static).update(Text(exc.render(), style="dim"))
            return
        table.display = True
        concept_w = 8  # "cn us pa"; Chinese concept names fit too
        table.add_column(tr("cf_col_state", lang), key="state", width=8)
        # the options column takes what the concepts leave; the panel below spells a state out in full
        taken_w = max(16, self.size.width - 8 - (concept_w + 2) * len(a.concepts) - 8)
        table.add_column(tr("cf_col_taken", lang), key="taken", width=taken_w)
        for c in a.concepts:
            table.add_column(concept_name(c, lang), key=c, width=concept_w)
        for s in a.shown_states():
            today = s == a.status_quo
            cells = [Text(f"{s} {tr('cf_today', lang)}" if today else str(s), style="bold" if today else "", justify="right"),
                     Text(cut(", ".join(a.space.taken(s)) or tr("cf_none_taken", lang), taken_w), style="bold" if today else "")]
            for c in a.concepts:
                movers = a.unstable_for(s, c)
                cells.append(Text(" ".join(movers), style="dim") if movers else Text("✓", style="bold green", justify="center"))
            table.add_row(*cells, key=str(s))
        if a.status_quo is not None:
            table.move_cursor(row=a.shown_states().index(a.status_quo))
        self.show_state(a.status_quo if a.status_quo is not None else a.shown_states()[0])
        self.query_one("#conflict-text", Static).update(self._overview(a))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value is not None and self._analysis is not None:
            self.show_state(int(event.row_key.value))

    def show_state(self, state: int) -> None:
        """Why each side stays at ``state`` or leaves it: its improvements and what answers them."""
        from negotiator.render.conflict import Para, state_words, verdict_lines

        a, lang = self._analysis, self.lang
        colon = i18n_colon(lang)
        title = tr("cf_tui_state", lang, state=state) + colon + (state_words(a, state) or tr("cf_none_taken", lang))
        parts = [Para(title, style="bold")] + [Para(line, "• ", 2) for line in verdict_lines(a, lang, state)]
        self.query_one("#conflict-state", Static).update(Group(*parts))

    def _overview(self, a):
        from negotiator.render.conflict import Para, finding_lines, path_lines, provenance_lines, threat_lines

        lang = self.lang
        parts = [Para(tr("cf_title", lang, label=label(a.conflict, lang)), style="bold"), Para(tr("cf_tui_hint", lang), style="dim")]
        parts += [Para(tr("cf_finding_title", lang), style="bold")] + [Para(line, "• ") for line in finding_lines(a, lang)]
        parts += [Para(tr("cf_threats_title", lang), style="bold")] + [Para(line, "• ", 2) for line in threat_lines(a, lang)]
        parts += [Para(tr("cf_paths_title", lang), style="bold")] + [Para(line, "• ", 2) for line in path_lines(a, lang)]
        parts += [Para(tr("cf_concepts_key", lang), style="dim")] + [Para(line, style="dim") for line in provenance_lines(a, lang)]
        return Group(*parts)
