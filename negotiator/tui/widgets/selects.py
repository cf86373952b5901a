"""Select helpers: new option labels (a language switch) without losing or announcing the choice."""

from __future__ import annotations

from textual.widgets import Select

__all__ = ["relabel_select"]


def relabel_select(select: Select, options: list[tuple[str, object]]) -> None:
    """Give ``select`` new option labels and keep its value, without posting Select.Changed.

    Select.set_options keeps the shown label when the value does not change (e.g. the first
    option stays chosen), so the value is re-announced to its own watcher to redraw it.
    """
    value = select.value
    with select.prevent(Select.Changed):
        select.set_options(options)
        if value in [v for _, v in options]:
            select.value = value
        select.mutate_reactive(Select.value)
