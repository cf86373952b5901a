"""The footer of every view: Textual's Footer, rebuilt only when the keys it shows changed."""

from __future__ import annotations

from textual.widgets import Footer

__all__ = ["KeysFooter"]


class KeysFooter(Footer):
    """Textual's ``Footer`` that skips rebuilding itself when its keys are the ones it shows.

    ``Footer`` recomposes (about fifteen key widgets composed, mounted and styled) every time its
    screen's bindings are refreshed: each time the view is shown and on every focus change. That
    was most of a view switch (about 60 of 100 ms CPU on the bundled case). Its keys change only
    with the language, the focused widget or an action's state, which the comparison below sees:
    the same bindings, enabled and with the same tooltips, are the same footer.
    """

    _shown: tuple | None = None

    def bindings_changed(self, screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            shown = tuple((binding, enabled, tooltip) for _, binding, enabled, tooltip in screen.active_bindings.values())
            if shown == self._shown and self._bindings_ready:
                return
            self._shown = shown
        super().bindings_changed(screen)
