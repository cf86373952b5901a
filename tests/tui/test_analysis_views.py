"""Sensitivity, Package and Scenarios views by key presses: they show what the core analyses give."""

from __future__ import annotations

import pytest

from negotiator.payoffs_table import scenario_payoffs
from negotiator.portfolio import best_packages
from negotiator.sensitivity import smaa, sweep
from negotiator.tui import make_app
from tui_helpers import cells, row_keys

SIZE = (100, 30)


async def _wait_for_workers(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_sensitivity_sweep_and_smaa_in_a_worker(bundled, monkeypatch):
    import negotiator.tui.screens.sensitivity as view

    monkeypatch.setattr(view, "SMAA_SAMPLES", 2000)  # the same code path, fewer draws
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await _wait_for_workers(app, pilot)
        objective = app.screen.query_one("#sweep-objective").value
        expected = sweep(bundled, objectives=[objective]).sweeps[0]
        notes = str(app.screen.query_one("#sweep-notes").render())
        assert f"now {expected.current_weight:.3f}" in notes
        for b in expected.top_changes():
            assert f"at {b.weight:.3f}: {bundled.case.options[b.rises].label} overtakes" in notes
        assert "┊" in str(app.screen.query_one("#sweep-chart").render())
        await pilot.press("a")
        await _wait_for_workers(app, pilot)
        text = str(app.screen.query_one("#smaa").render())
        want = smaa(bundled, samples=2000, seed=1)
        first = want.order()[0]
        assert "2,000 draws, seed 1" in text
        assert f"{want.acceptability[first, 0]:6.1%}" in text.splitlines()[1]
        assert not app.screen.query_one("#smaa-progress").display
        # a weight change marks the SMAA result as out of date
        await pilot.press("2", "right", "4")
        await _wait_for_workers(app, pilot)
        assert "press a to run again" in str(app.screen.query_one("#smaa").render())


async def test_package_view_solves_and_re_solves_when_a_budget_changes(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await _wait_for_workers(app, pilot)
        table = app.screen.query_one("#package-table")
        best = best_packages(bundled)
        assert row_keys(table) == list(best.selected) + ["__total__"]
        assert cells(table, len(best.selected))[1] == f"{best.value:.4f}"
        notes = str(app.screen.query_one("#package-notes").render())
        assert "proven optimal" in notes and f"{best.best.resources['staff']:g} / 110" in notes
        await pilot.press("b", *["backspace"] * 3, *"40", "enter")  # staff budget 110 -> 40
        await _wait_for_workers(app, pilot)
        tight = best_packages(bundled, budgets={"staff": 40})
        assert row_keys(table) == list(tight.selected) + ["__total__"]
        assert f"{tight.best.resources['staff']:g} / 40" in str(app.screen.query_one("#package-notes").render())
        for res in ("budget", "diplomacy"):  # budgets of 0 everywhere: no package at all
            app.screen.query_one(f"#budget-{res}").value = "0"
            app.screen._read_budget(app.screen.query_one(f"#budget-{res}"))
        await _wait_for_workers(app, pilot)
        notes = str(app.screen.query_one("#package-notes").render())
        assert "No package meets all the constraints" in notes and "raise the cap on budget" in notes
        await pilot.press("tab", *"x", "enter")  # the next budget  # not a number: refused, value restored
        await pilot.pause()
        assert any("is not a budget" in n.message for n in app._notifications)
        await pilot.press("escape", "ctrl+r")
        await _wait_for_workers(app, pilot)
        assert row_keys(table) == list(best.selected) + ["__total__"]


async def test_scenarios_view_shows_payoffs_and_each_rules_pick(bundled):
    pay = scenario_payoffs(bundled)
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        table = app.screen.query_one("#payoff-table")
        assert row_keys(table) == [r.id for r in pay.rows]
        for i in range(len(pay.rows)):
            assert cells(table, i)[1:1 + len(pay.scenarios)] == [f"{v:.4f}" for v in pay.values[i]]
        text = str(app.screen.query_one("#rules").render())
        for rule in pay.analyse().rules:
            picked = " = ".join(pay.rows[i].label for i in rule.chosen)
            assert rule.name in text and picked in text
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert app.screen.alpha == pytest.approx(0.7)
        hurwicz = next(r for r in pay.analyse(alpha=0.7).rules if r.rule == "hurwicz")
        text = str(app.screen.query_one("#rules").render())
        assert hurwicz.name in text and "α = 0.7" in text
