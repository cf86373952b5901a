"""The footer of every view (tui/widgets/footer.py): the view's keys in the UI language, not rebuilt while they stay."""

from __future__ import annotations

from negotiator.i18n import tr
from negotiator.tui import make_app
from negotiator.tui.widgets.footer import KeysFooter

SIZE = (120, 40)


def _words(screen) -> list[str]:
    return [key.description for key in screen.query_one(KeysFooter).query("FooterKey")]


async def test_footer_shows_each_views_keys_and_is_kept_while_they_stay(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ranking = app.screen
        shown = list(ranking.query_one(KeysFooter).query("FooterKey"))
        assert tr("sort", "en") in _words(ranking) and tr("save", "en") not in _words(ranking)
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.VIEW == "weights" and tr("save", "en") in _words(app.screen)
        await pilot.press("1")
        await pilot.pause()
        # back on Ranking with the same keys: the footer's key widgets are the ones drawn before
        assert app.screen is ranking and list(ranking.query_one(KeysFooter).query("FooterKey")) == shown
        await pilot.press("l")  # the language changes every word: the footer is rebuilt in Chinese
        await pilot.pause()
        assert tr("sort", "zh") in _words(ranking) and tr("sort", "en") not in _words(ranking)
        await pilot.press("2")
        await pilot.pause()
        assert tr("save", "zh") in _words(app.screen)
