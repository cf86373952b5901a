"""What every view shares: a title line, the footer, and redrawing when the state changes."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from negotiator.i18n import tr
from negotiator.tui.bindings import relabel_bindings
from negotiator.tui.widgets.footer import KeysFooter
from negotiator.tui.widgets.texts import show_text

__all__ = ["ViewScreen", "MIN_SIZE"]

#: The smallest terminal every view fits with its numbers whole; below it the view says so instead.
MIN_SIZE = (80, 24)


class ViewScreen(Screen):
    """A view of the shared state. Subclasses compose ``body()`` and implement ``redraw()``."""

    VIEW = ""
    #: App reactives whose change redraws this view.
    WATCHES: tuple[str, ...] = ("ranking", "lang")
    #: Draw once while still hidden, right after the app built it in the background: the first switch
    #: to it then only lays out and paints. A view that computes in workers starts them only while
    #: shown (in redraw when current, and in start_work when shown already drawn).
    PREDRAW = False

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")
        yield Static(id="topbar")
        yield from self.body()
        yield KeysFooter(compact=True, show_command_palette=False)

    def body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # Its widgets were styled with the app's stylesheet as they mounted. Textual stamps a screen as
        # up to date only if it was mounted when first shown, so the first view would otherwise reparse
        # and reapply all the CSS (~60 ms) the first time it is shown again.
        if hasattr(self.app, "_css_update_count"):
            self._css_update_count = self.app._css_update_count
        for name in self.WATCHES:
            self.watch(self.app, name, self._state_changed, init=False)
        self.watch(self.app, "lang", self._relabel, init=True)
        self._check_size()
        self._state_changed()
        if not self.is_current:  # built in the background: styled as it mounted, its footer composed now
            self._suspended_styles = self._styles_key()
            self.call_later(self.refresh_bindings)

    _suspended_styles: tuple | None = None

    def _styles_key(self) -> tuple:
        """What this screen's styles depend on beyond its own widgets: the app's CSS, theme, classes and focus."""
        app = self.app
        return (getattr(app, "_css_update_count", None), app.theme, tuple(sorted(app.classes)), app.app_focus)

    def on_screen_suspend(self) -> None:
        self._suspended_styles = self._styles_key()

    def post_message(self, message) -> bool:
        """Shown again with nothing its styles depend on changed: Textual's resume need not restyle every
        widget (about 12 ms on a view switch, and it made every table of the view draw all its cells again)."""
        if isinstance(message, events.ScreenResume) and self._suspended_styles is not None and self._suspended_styles == self._styles_key():
            message.refresh_styles = False
        return super().post_message(message)

    _shown = False

    def on_screen_resume(self) -> None:
        if self._state_key() != self._drawn_for:
            self._state_changed()
        else:  # back to a view of the same state (or drawn while hidden): it is already drawn
            if not self._shown:  # drawn while hidden: place its tables once it is laid out
                self.call_after_refresh(self._scroll_cursors)
            self.start_work()
        self._shown = True

    def _scroll_cursors(self) -> None:
        """Tables drawn while hidden scrolled at zero size: from the top, bring each cursor into view
        (what drawing them when shown does)."""
        from textual.widgets import DataTable

        for table in self.query(DataTable):
            table.scroll_home(animate=False)
            if table.cursor_type != "none" and table.row_count:
                table.move_cursor(row=table.cursor_row, column=table.cursor_column, animate=False)

    def start_work(self) -> None:
        """Start the workers of the state this view shows, if not started (it was drawn while hidden)."""

    _drawn_for: tuple | None = None

    def _state_key(self) -> tuple:
        """What a view drawn from the shared state depends on (the same objects: nothing to redraw)."""
        app = self.app
        return (id(app.ranking), id(app.weights), app.method, app.scenario, app.lang, app.picked, app.unsaved, tuple(app.size), id(app.loaded))

    def on_resize(self) -> None:
        self._check_size()
        if self._state_key() != self._drawn_for:  # the size is part of the key: a first layout at the drawn size redraws nothing
            self._state_changed()

    def _check_size(self) -> None:
        """Below 80x24 columns would cut numbers (+0.041 as +0.0): say so rather than show them cut."""
        width, height = self.app.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        self.set_class(small, "too-small")
        if small:
            self.query_one("#too-small", Static).update(tr("too_small", self.lang, w=width, h=height, min_w=MIN_SIZE[0], min_h=MIN_SIZE[1]))

    def _relabel(self) -> None:
        self._check_size()
        relabel_bindings(self, self.app.lang)
        self.app.refresh_bindings()

    _redraw_pending = False

    def _may_draw(self) -> bool:
        """A hidden view redraws when it is shown again (on_screen_resume), except for its first draw if PREDRAW."""
        return self.is_attached and (self.is_current or (self.PREDRAW and self._drawn_for is None))

    def _state_changed(self, *_) -> None:
        """Redraw once after this burst of state changes (one key press changes several reactives)."""
        if self.app.loaded is None or not self._may_draw():
            return
        if not self._redraw_pending:
            self._redraw_pending = True
            self.call_later(self._redraw_now)

    def _redraw_now(self) -> None:
        self._redraw_pending = False
        if not self._may_draw() or getattr(self.app, "shutting_down", False) or self._closing or not self.is_mounted:
            return  # a redraw queued before the app or this view began to close: its widgets may be gone
        show_text(self.query_one("#topbar", Static), self.topbar_text())
        self.redraw()
        self._drawn_for = self._state_key()

    @property
    def lang(self) -> str:
        return self.app.lang

    def topbar_text(self):
        """The views as tabs with their keys (the current one highlighted), then the case title."""
        from rich.text import Text

        app = self.app
        text = Text()
        for name, key in app.view_keys():
            style = "bold reverse" if name == self.VIEW else "dim"
            text.append(f" {key} {tr(name, self.lang)} ", style=style)
        if app.unsaved:
            text.append(f" • {tr('unsaved', self.lang)}", style="bold yellow")
        text.append(f"  {app.case_title()}", style="bold")
        return text

    def redraw(self) -> None:  # pragma: no cover - every view overrides it
        raise NotImplementedError
