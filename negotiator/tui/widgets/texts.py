"""Updating a Static only when what it shows changed."""

from __future__ import annotations

from textual.widgets import Static

from negotiator.tui.widgets.tables import _look

__all__ = ["show_text"]


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
