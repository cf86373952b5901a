"""The screen a case with errors opens on: every problem with its file, line and fix."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from negotiator.errors import Problem
from negotiator.i18n import colon, core_text, tr

__all__ = ["CaseErrorScreen", "problems_text"]


def problems_text(problems: list[Problem], lang: str = "en") -> Text:
    text = Text()
    for i, p in enumerate(problems, 1):
        text.append(f"{i:>2}. ", style="bold red")
        loc = p.location()
        if loc:
            text.append(loc, style="bold")
            text.append("  ")
        if p.where:  # the core's words read in the UI's language (a Message); the case's own stay as written
            text.append(core_text(p.where, lang) + colon(lang), style="cyan")
        text.append(core_text(p.message, lang) + "\n")
        if p.hint:
            text.append(f"    {tr('fix', lang)}{colon(lang)}", style="green")
            text.append(core_text(p.hint, lang) + "\n")
    return text


class CaseErrorScreen(Screen):
    BINDINGS = [Binding("q", "app.quit", tr("quit"), id="quit"), Binding("l", "app.toggle_lang", tr("language"), id="language")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield Static(id="errors-title")
        with VerticalScroll(id="errors-box"):
            yield Static(id="errors-list")
        yield Static(id="errors-help")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._draw, init=True)

    def _draw(self) -> None:
        lang = self.app.lang
        self.query_one("#errors-title", Static).update(Text(tr("errors_title", lang, n=len(self.problems)), style="bold red"))
        self.query_one("#errors-list", Static).update(problems_text(self.problems, lang))
        self.query_one("#errors-help", Static).update(Text(tr("errors_help", lang), style="dim"))
