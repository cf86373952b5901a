"""Text widgets: a Static updated only when what it shows changed; an input whose prompt fits its width."""

from __future__ import annotations

from textual.widgets import Input, Static

from negotiator.render.termfit import cut
from negotiator.tui.widgets.tables import _look

__all__ = ["show_text", "PromptInput"]


def show_text(static: Static, content) -> bool:
    """``static.update(content)`` unless it already shows text that reads and looks the same.

    Each update lays the whole screen out again and repaints the widget: on a weight nudge the
    title bar, the status and the help line were updated with what they already showed.
    """
    shown = getattr(static, "content", getattr(static, "renderable", None))
    if shown is not None and _look(shown) == _look(content):
        return False
    static.update(content)
    return True


class PromptInput(Input):
    """An input whose prompt (its placeholder) is cut with "…" to its width, again whenever that changes
    (a view built ahead, while hidden, has no width yet when it is first drawn)."""

    prompt = ""

    def set_prompt(self, text: str) -> None:
        self.prompt = text
        self._fit_prompt()

    def _fit_prompt(self) -> None:
        width = self.content_size.width
        self.placeholder = cut(self.prompt, width) if width > 0 else self.prompt

    def on_resize(self) -> None:
        self._fit_prompt()
