"""The Conflict view (key 7): who is stable where, why each side stays or moves at the highlighted
state, which threats are credible, and the path from today; in English and Chinese."""

from __future__ import annotations

from pathlib import Path

from negotiator.conflict import analyse_conflict
from negotiator.tui import make_app
from tui_helpers import cells, row_keys, shows_label

SIZE = (100, 30)
TINY = Path(__file__).resolve().parents[1] / "cases" / "tiny.yaml"


def _static(app, widget: str) -> str:
    from rich.console import Console

    content = app.screen.query_one(widget).content  # the renderable the view gave it
    con = Console(width=96, record=True, color_system=None)
    con.print(content)
    return " ".join(con.export_text().split())


async def test_conflict_view_shows_stability_threats_and_paths(bundled):
    expected = analyse_conflict(bundled)
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()
        assert app.screen.VIEW == "conflict"
        table = app.screen.query_one("#conflict-table")
        assert row_keys(table) == [str(s) for s in expected.shown_states()]
        today = row_keys(table).index(str(expected.status_quo))
        assert table.cursor_row == today
        row = cells(table, today)
        assert row[0] == "40 today" and shows_label(row[1], "us_third_country, pa_transfers") and row[2:6] == ["✓"] * 4
        assert row[6] == "cn us pa"  # groups acting together would leave today
        state = _static(app, "#conflict-state")
        assert state.startswith("State 40: us_third_country, pa_transfers") and "China has nothing to gain by moving alone" in state
        overview = _static(app, "#conflict-text")
        assert "Which threats are credible?" in overview and "Credible (carrying it out pays United States)" in overview
        assert "Only a threat" in overview and "from today, together, China takes up" in overview
        assert "analyst's reading" in overview
        # another state: its sanctions, credible or only threats
        s17 = row_keys(table).index("17")
        await pilot.press(*["up"] * (today - s17))
        await pilot.pause()
        state = _static(app, "#conflict-state")
        assert state.startswith("State 17: cn_flights, us_fugitives")
        assert "a credible sanction" in state
        # the language follows the app
        await pilot.press("l")
        await pilot.pause()
        await pilot.pause()
        assert cells(table, today)[0] == "40 现状"
        overview = _static(app, "#conflict-text")
        assert "哪些威胁可信？" in overview and "联盟Nash" in overview


async def test_conflict_view_without_conflicts_says_so():
    app = make_app(TINY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()
        assert "This case has no conflict to analyse." in _static(app, "#conflict-state")
        assert "conflicts:" in _static(app, "#conflict-text")
        assert not app.screen.query_one("#conflict-table").display


def test_conflict_view(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


def test_conflict_view_in_chinese(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()

    assert snap_compare(make_app(bundled, lang="zh"), terminal_size=SIZE, run_before=run_before)
