"""Dialogs: save the weights as a profile; quit with unsaved changes; export the memo."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from negotiator.errors import NegotiatorError
from negotiator.i18n import tr

__all__ = ["SaveProfileScreen", "QuitScreen", "MemoScreen", "DetailScreen", "KeysScreen"]


class SaveProfileScreen(ModalScreen[str | None]):
    """Ask for a name, write the profile into the case file, report any problem in place."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, quit_after: bool = False) -> None:
        super().__init__()
        self.quit_after = quit_after

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical(classes="dialog"):
            yield Static(Text(tr("save_title", lang), style="bold"))
            yield Static(id="save-target")
            yield Input(placeholder=tr("profile_name", lang), id="profile-name")
            yield Static(id="save-error")
            with Horizontal(classes="buttons"):
                yield Button(tr("save_profile", lang), variant="primary", id="save")
                yield Button(tr("cancel", lang), id="cancel")

    def on_mount(self) -> None:
        from negotiator.tui._paths import target_description

        self.query_one("#save-target", Static).update(Text(target_description(self.app), style="dim"))
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._save(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._save(self.query_one(Input).value)
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _save(self, name: str) -> None:
        from negotiator.case.edit import save_profile

        app = self.app
        note = f"saved by negotiator tui from '{app.profile}' (normalised weights; analyst judgment)"
        try:
            file, reloaded = save_profile(app.loaded, app.paths, name, app.weights, note=note)
        except NegotiatorError as exc:
            self.query_one("#save-error", Static).update(Text(exc.render(), style="bold red"))
            return
        app.profile_saved(name.strip(), reloaded, file)
        self.dismiss(name.strip())
        if self.quit_after:
            app.exit()


class QuitScreen(ModalScreen[str | None]):
    """Unsaved weights: save them, drop them, or stay."""

    BINDINGS = [Binding("escape", "stay", show=False)]

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical(classes="dialog"):
            yield Static(Text(tr("quit_title", lang), style="bold yellow"))
            with Horizontal(classes="buttons"):
                yield Button(tr("quit_save", lang), variant="primary", id="save")
                yield Button(tr("quit_discard", lang), variant="error", id="discard")
                yield Button(tr("cancel", lang), id="stay")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "stay" else event.button.id)

    def action_stay(self) -> None:
        self.dismiss(None)


class MemoScreen(ModalScreen[str | None]):
    """Export the memo of the current state (weights, method, language) to a file."""

    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_NAME = "negotiator-memo.md"

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with Vertical(classes="dialog"):
            yield Static(Text(tr("memo_export_title", lang), style="bold"))
            yield Static(Text(tr("memo_formats", lang), style="dim"), id="memo-help")
            yield Input(value=self.DEFAULT_NAME, id="memo-path")
            yield Static(id="memo-status")
            with Horizontal(classes="buttons"):
                yield Button(tr("memo_write", lang), variant="primary", id="write")
                yield Button(tr("cancel", lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._start(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self._start(self.query_one(Input).value)
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _start(self, path: str) -> None:
        from negotiator.fileio import check_writable
        from negotiator.report import format_of

        status = self.query_one("#memo-status", Static)
        try:
            fmt = format_of(path.strip())
            check_writable(path.strip())  # never overwrites: a taken name is refused here
        except NegotiatorError as exc:
            from negotiator.tui._hints import tui_error_text

            status.update(Text(tui_error_text(exc, self.app.lang), style="bold red"))
            return
        status.update(Text(tr("memo_writing", self.app.lang), style="yellow"))
        self.query_one("#write", Button).disabled = True
        app = self.app
        # The memo is of the state on screen: weights, method, the scenario picked in Ranking/Weights and the Package view's status quo.
        self._write(app.loaded, dict(app.weights), app.unsaved, app.profile, app.method, app.scenario, app.package_baseline, app.lang, path.strip(), fmt)

    @work(thread=True, exclusive=True, group="memo", description="memo")
    def _write(self, loaded, weights, unsaved, profile, method, scenario, baseline, lang, path, fmt) -> None:
        from negotiator.fileio import write_atomic
        from negotiator.report import build_memo, render
        from negotiator.report.memo import MemoRequest
        from negotiator.case.edit import with_profile

        try:
            if unsaved:  # the memo must show the weights on screen, not the saved profile
                loaded, profile = with_profile(loaded, weights)
            memo = build_memo(loaded, MemoRequest(lang=lang, profile=profile, method=method, scenario=scenario, baseline=baseline))
            written = write_atomic(path, render(memo, fmt))
        except NegotiatorError as exc:
            from negotiator.tui._hints import tui_error_text

            self.app.call_from_thread(self._failed, tui_error_text(exc, lang))
            return
        self.app.call_from_thread(self._done, str(written), unsaved, profile)

    def _failed(self, message: str) -> None:
        self.query_one("#memo-status", Static).update(Text(message, style="bold red"))
        self.query_one("#write", Button).disabled = False

    def _done(self, path: str, unsaved: bool, profile: str) -> None:
        lang = self.app.lang
        note = tr("memo_done", lang, path=path) + (" " + tr("memo_unsaved_note", lang, p=profile) if unsaved else "")
        self.app.notify(note, timeout=8)
        self.dismiss(path)


class DetailScreen(ModalScreen[None]):
    """One option in full (label, id, family, rationale, why it was screened out): Enter on a row."""

    BINDINGS = [Binding("escape,enter,q", "close", show=False)]

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog detail-dialog"):
            yield Static(self.text, id="detail-full")

    def action_close(self) -> None:
        self.dismiss(None)


class KeysScreen(ModalScreen[None]):
    """`?`: this app's keys grouped by view, in the UI's language (``groups``: title -> [(keys, words)])."""

    BINDINGS = [Binding("escape,question_mark,q", "close", show=False)]

    def __init__(self, groups: list[tuple[str, list[tuple[str, str]]]], current: str | None = None) -> None:
        super().__init__()
        self.groups = groups
        self.current = current

    def compose(self) -> ComposeResult:
        from rich.cells import cell_len
        from rich.console import Group
        from rich.padding import Padding
        from rich.table import Table

        lang = self.app.lang
        width = max((cell_len(k) for _, rows in self.groups for k, _ in rows), default=4)
        parts: list = [Text(tr("keys_title", lang), style="bold")]
        for title, rows in self.groups:
            parts.append(Text("\n" + title, style="bold reverse" if title == self.current else "bold cyan"))
            grid = Table.grid(padding=(0, 2))  # a long description wraps under itself, not under the keys
            grid.add_column(no_wrap=True, min_width=width, style="bold yellow")
            grid.add_column(overflow="fold")  # Chinese has no spaces to wrap at: fold, never cut
            for keys, words in rows:
                grid.add_row(keys, words)
            parts.append(Padding(grid, (0, 0, 0, 2)))
        parts.append(Text("\n" + tr("details_close", lang), style="dim"))
        with VerticalScroll(classes="dialog keys-dialog"):
            yield Static(Group(*parts), id="keys-list")

    def action_close(self) -> None:
        self.dismiss(None)
