"""Snapshot tests of every view at 100x30 with the bundled case (pytest-textual-snapshot).

The SVGs under __snapshots__/ were generated with `--snapshot-update` and inspected
by eye. They show the case hash and version, so a change to the bundled data or a
release changes them: regenerate, look, commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.tui import make_app

ROOT = Path(__file__).resolve().parents[2]
SIZE = (100, 30)


def test_ranking_view(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


def test_ranking_view_in_chinese(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()

    assert snap_compare(make_app(bundled, lang="zh"), terminal_size=SIZE, run_before=run_before)


def test_weights_view_after_raising_citizen_rights(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("2", "down", "shift+right", "shift+right", "shift+right", "shift+right")
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


def test_compare_view(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


async def _run_smaa(pilot, key: str) -> None:
    """Open the Sensitivity view and run SMAA with ``key`` (a: uniform weights, c: near the current ones).

    The view scrolls the result into view after the next refresh; under load the sweep above it
    can still change height after that scroll (one line off in a parallel run). Scroll again once
    everything has laid out, so the picture does not depend on timing."""
    await pilot.pause()
    await pilot.press("4")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.press(key)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#sensitivity-body").scroll_to_widget(screen.query_one("#smaa"), top=True, animate=False)
    await pilot.pause()


def test_sensitivity_view_with_smaa(snap_compare, bundled, monkeypatch):
    import negotiator.tui.screens.sensitivity as view

    monkeypatch.setattr(view, "SMAA_SAMPLES", 2000)

    async def run_before(pilot):
        await _run_smaa(pilot, "a")

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


def test_package_view(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


def test_scenarios_view(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


def test_case_error_screen(snap_compare, monkeypatch):
    monkeypatch.chdir(ROOT)  # the screen shows the path as given: keep it relative

    async def run_before(pilot):
        await pilot.pause()

    assert snap_compare(make_app("tests/tui/cases/broken_case.yaml"), terminal_size=SIZE, run_before=run_before)


def test_ranking_view_at_80x24(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=(80, 24), run_before=run_before)


def test_package_view_over_a_status_quo_baseline(snap_compare, bundled):
    """low_risk profile, baseline = passive acceptance (red-line screened): values over it, options below it."""
    profile_at = list(bundled.case.weights).index("low_risk")
    options = list(bundled.case.options)

    async def run_before(pilot):
        await pilot.pause()
        await pilot.click("#profile")
        await pilot.press("home", *["down"] * profile_at, "enter")
        await pilot.press("5")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press("s", "home", *["down"] * (2 + options.index("passive_case_by_case_acceptance")), "enter")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=SIZE, run_before=run_before)


def test_ranking_view_at_200x50(snap_compare, bundled):
    """Labels whole (the bar gets the rest), ids whole, the detail pane of the highlighted option."""

    async def run_before(pilot):
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=(200, 50), run_before=run_before)


def test_weights_view_at_80x24(snap_compare, bundled):
    """Labels cut with … and distinct in both tables, the ranking column kept."""

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=(80, 24), run_before=run_before)


def test_terminal_too_small(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=(70, 20), run_before=run_before)


def test_sensitivity_smaa_at_80x24(snap_compare, bundled, monkeypatch):
    """The status at the top, the result scrolled into view, what the draw assumed."""
    import negotiator.tui.screens.sensitivity as view

    monkeypatch.setattr(view, "SMAA_SAMPLES", 2000)

    async def run_before(pilot):
        await _run_smaa(pilot, "c")

    assert snap_compare(make_app(bundled), terminal_size=(80, 24), run_before=run_before)


def test_keys_panel(snap_compare, bundled):
    async def run_before(pilot):
        await pilot.pause()
        await pilot.pause(1.0)  # the views built in the background first (they do not show under the panel)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(bundled), terminal_size=(100, 40), run_before=run_before)
