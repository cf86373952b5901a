"""Case text is never terminal markup: the one place render/ escapes it.

Labels, ids, strategy lists and provenance are the analyst's text. Rich reads any string
with ``[...]`` in it as markup (``[draft] plan`` would lose ``[draft]``, and "any mix of
[a, b]" would print as "any mix of "). Nothing in render/ means markup: every string a
table is given (title, caption, column header, cell) goes through :func:`escape_markup`
here, and lines printed on their own are :class:`rich.text.Text`, which is never parsed.
"""

from __future__ import annotations

from rich.markup import escape as _escape
from rich.table import Table as _RichTable
from rich.text import Text

__all__ = ["escape_markup", "PlainTable", "plain"]


def escape_markup(text: str) -> str:
    """``text`` as rich shows it literally (square brackets kept)."""
    return _escape(text)


def plain(value):
    """A string as literal text; anything else (a Text, a Group, a number) unchanged."""
    return escape_markup(value) if isinstance(value, str) else value


class PlainTable(_RichTable):
    """A rich Table whose strings are literal text, never markup."""

    def __init__(self, *headers, **kw):
        super().__init__(*(plain(h) for h in headers), **kw)  # title and caption: __setattr__

    def __setattr__(self, name, value):
        if name in ("title", "caption"):
            value = plain(value)
        super().__setattr__(name, value)

    def add_column(self, header="", footer="", **kw):
        return super().add_column(plain(header), plain(footer), **kw)

    def add_row(self, *renderables, **kw):
        return super().add_row(*(plain(r) for r in renderables), **kw)
