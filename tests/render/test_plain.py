"""Case text is literal in every table (issue 14): '[draft] plan' keeps its brackets."""

from __future__ import annotations

from rich.console import Console

from negotiator.render.plain import PlainTable


def _text(renderable, width=100) -> str:
    con = Console(width=width, record=True, color_system=None)
    con.print(renderable)
    return con.export_text()


def test_every_string_of_a_table_is_literal():
    t = PlainTable("[draft] head", title="[draft] plan", caption="any mix of [a; b] for row")
    t.add_column("[bold]col[/]")
    t.add_row("[draft] cell", "[red]x[/red]")
    out = _text(t)
    for s in ("[draft] plan", "[draft] head", "any mix of [a; b] for row", "[bold]col[/]", "[draft] cell", "[red]x[/red]"):
        assert s in out


def test_title_and_caption_set_later_are_literal_once():
    t = PlainTable()
    t.add_column("a column wide enough for the title")
    t.title = "[draft] later"
    t.caption = "[x] cap"
    out = _text(t)
    assert "[draft] later" in out and "[x] cap" in out and "\\[" not in out
