"""tui/screens/base.py: views built and drawn ahead show the current state, and look right when shown again."""

from __future__ import annotations

import pytest

from negotiator.ranking import api
from negotiator.tui import make_app
from tui_helpers import cells, row_keys

SIZE = (120, 40)


async def _built(app, pilot) -> None:
    for _ in range(100):  # until every view was built in the background
        await pilot.pause(0.05)
        if app._collector.running:
            return


async def test_views_drawn_while_hidden_show_the_state_they_are_opened_in(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await _built(app, pilot)
        weights = app._screen_stacks["weights"][0]
        preview = weights.query_one("#preview")
        assert row_keys(preview) == [r.option for r in api.rank(bundled).rows]  # drawn before it was ever shown
        assert app._screen_stacks["scenarios"][0].query_one("#payoff-table").row_count > 0
        app.method = "topsis"  # the state changes while the view is hidden ...
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        expected = api.rank(bundled, method="topsis")  # ... and it shows the new state when opened
        assert app.screen is weights and row_keys(preview) == [r.option for r in expected.rows]
        assert [cells(preview, i)[3] for i in range(len(expected.rows))] == [f"{r.score:.4f}" for r in expected.rows]


async def test_a_view_shown_again_after_a_theme_change_takes_the_new_theme(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await _built(app, pilot)
        ranking = app.screen
        table = ranking.query_one("#ranking-table")
        dark = table.styles.background
        await pilot.press("2")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        shown = app.screen.query_one("#preview").styles.background
        await pilot.press("1")
        await pilot.pause()
        assert app.screen is ranking and table.styles.background == shown != dark


async def test_views_drawn_ahead_start_their_workers_only_once_shown(bundled):
    # Compare, Sensitivity and Package are drawn while hidden too; their flips, sweep and solve must
    # not run at start-up, and must run when the view is first shown (nothing else redraws it then).
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await _built(app, pilot)
        await pilot.pause(0.2)
        assert not [w for w in app.workers if w.group in ("flip", "sweep", "package")]
        stacks = app._screen_stacks
        package = stacks["package"][0]
        assert package.query_one("#package-table").row_count == 0  # drawn, not solved
        for key in ("3", "4", "5"):
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert package.query_one("#package-table").row_count > 0
        assert stacks["sensitivity"][0]._sweep_result is not None
        assert stacks["compare"][0]._flips is not None


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_a_table_drawn_while_hidden_shows_its_cursor_from_the_top_like_one_drawn_when_shown(bundled, size):
    # The Conflict view puts its cursor on today's state; drawn while hidden (zero size) its scroll was
    # garbage. Shown, the table scrolls only as far as needed to show the cursor, from the top.
    app = make_app(bundled)
    async with app.run_test(size=size) as pilot:
        await _built(app, pilot)
        await pilot.press("7")
        await pilot.pause()
        table = app.screen.query_one("#conflict-table")
        rows_shown = table.size.height - 1  # under the header
        assert table.cursor_row > 0
        assert table.scroll_y == max(0, table.cursor_row - rows_shown + 1)
