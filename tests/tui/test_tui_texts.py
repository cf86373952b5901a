"""tui/widgets/texts.py show_text: a Static is updated only when what it shows changed."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.widgets import Static

from negotiator.tui.widgets.texts import show_text


class StaticApp(App):
    def compose(self):
        yield Static(id="s")


async def test_the_same_text_is_not_set_again_and_a_new_text_or_style_is():
    app = StaticApp()
    async with app.run_test(size=(40, 5)) as pilot:
        static = app.query_one(Static)
        assert show_text(static, Text("ranked", style="dim"))
        await pilot.pause()
        assert not show_text(static, Text("ranked", style="dim"))  # same words, same look: left alone
        assert show_text(static, Text("ranked", style="bold"))  # same words, other style
        assert show_text(static, Text("re-ranked", style="bold"))
        await pilot.pause()
        assert str(static.render()) == "re-ranked"
