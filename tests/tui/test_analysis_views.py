"""Sensitivity, Package and Scenarios views by key presses: they show what the core analyses give."""

from __future__ import annotations

import pytest

from negotiator.i18n import rule_name
from negotiator.scenarios.payoffs import scenario_payoffs
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
        assert "weights assumed: drawn uniformly" in text.splitlines()[1]
        assert f"{want.acceptability[first, 0]:6.1%}" in text.splitlines()[2]
        assert not app.screen.query_one("#smaa-progress").display
        # uniform draws ignore the weights: a weight change says so (and offers the centred draw)
        await pilot.press("2", "right", "4")
        await _wait_for_workers(app, pilot)
        assert "do not enter it" in str(app.screen.query_one("#smaa-status").render())


async def test_sensitivity_provenance_is_worded_in_chinese(bundled):
    """The sweep's provenance (the core's structured messages) reads in the UI language."""
    app = make_app(bundled, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await _wait_for_workers(app, pilot)
        notes = str(app.screen.query_one("#sweep-notes").render())
        assert "单因素权重扫描" in notes and "计算方式：精确：直线的交点（加性模型）" in notes
        assert "one-way" not in notes and "computation" not in notes and "exact:" not in notes


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
        assert "proven optimal" in notes and f"{best.best.resources['staff']:g} / {bundled.case.constraints.budgets['staff']:g}" in notes
        await pilot.press("b", *["backspace"] * 3, *"40", "enter")  # staff budget -> 40
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
        text = " ".join(str(app.screen.query_one("#rules").render()).split())  # a long pick wraps beside its rule
        for rule in pay.analyse().rules:
            picked = " = ".join(pay.rows[i].label for i in rule.chosen)
            assert rule.name in text and picked in text
        await pilot.press("plus", "plus")
        await pilot.pause()
        assert app.screen.alpha == pytest.approx(0.7)
        hurwicz = next(r for r in pay.analyse(alpha=0.7).rules if r.rule == "hurwicz")
        text = str(app.screen.query_one("#rules").render())
        assert hurwicz.name in text and "α = 0.7" in text


async def test_scenarios_view_names_the_rules_in_chinese_and_marks_every_tied_best(bundled):
    pay = scenario_payoffs(bundled)
    best = pay.best_in_scenario()
    assert any(len(rows) > 1 for rows in best.values()), "the bundled case ties for first under some scenario"
    app = make_app(bundled, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        text = str(app.screen.query_one("#rules").render())
        for rule in pay.analyse().rules:
            assert rule_name(rule, "zh", 0.5) in text and rule.name not in text
        assert "案例 " in text and "method " not in text and "profile " not in text  # the provenance line in Chinese too
        table = app.screen.query_one("#payoff-table")
        for row in pay.rows:
            for sid in pay.scenarios:
                assert ("green" in str(table.get_cell(row.id, sid).style)) == (row.id in best[sid]), (row.id, sid)


async def test_analysis_views_fit_80x24_in_chinese(bundled):
    app = make_app(bundled, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        table = app.screen.query_one("#payoff-table")
        assert table.virtual_size.width <= table.size.width
        assert str(table.ordered_columns[-1].label) == "期望值"
        await pilot.press("4")
        await _wait_for_workers(app, pilot)
        chart = str(app.screen.query_one("#sweep-chart").render()).splitlines()
        from rich.cells import cell_len

        assert "的权重" in chart[-1] and max(cell_len(line) for line in chart) <= 80


async def test_every_view_opens_on_any_case_file(cases_dir, tmp_path):
    # tiny.yaml: 3 options (one screened out), 2 profiles, budgets, 2 scenarios.
    app = make_app(cases_dir / "tiny.yaml")
    async with app.run_test(size=SIZE) as pilot:
        for key in "123456":
            await pilot.press(key)
            await _wait_for_workers(app, pilot)
            assert type(app.screen).__name__.lower().startswith(("ranking", "weights", "compare", "sensitivity", "package", "scenarios")[int(key) - 1])
        assert row_keys(app.screen.query_one("#payoff-table")) == ["a", "b"]
    # A bare case: no profiles (equal weights), no scenarios, no budgets.
    bare = tmp_path / "bare.yaml"
    bare.write_text(
        "negotiator: 1\nobjectives:\n  x: {label: X, scale: [0, 10]}\n  y: {label: Y, scale: [0, 10]}\n"
        "options:\n  p: {label: P, scores: {x: 8, y: 2}}\n  q: {label: Q, scores: {x: 3, y: 6}}\n",
        encoding="utf-8",
    )
    app = make_app(bare)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.weights == pytest.approx({"x": 0.5, "y": 0.5})
        assert row_keys(app.screen.query_one("#ranking-table")) == ["p", "q"]  # 0.6 > 0.45
        await pilot.press("6")
        await pilot.pause()
        assert "has no scenarios" in str(app.screen.query_one("#rules").render())
        await pilot.press("5")
        await _wait_for_workers(app, pilot)
        assert row_keys(app.screen.query_one("#package-table"))[-1] == "__total__"


async def test_a_case_where_red_lines_screen_out_everything_says_so(tmp_path):
    case = tmp_path / "strict.yaml"
    case.write_text(
        "negotiator: 1\nobjectives:\n  x: {label: X, scale: [0, 10]}\n"
        "options:\n  p: {label: P, scores: {x: 2}}\n  q: {label: Q, scores: {x: 3}}\n"
        "constraints:\n  limits: {x: {min: 5}}\n",
        encoding="utf-8",
    )
    app = make_app(case)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.ranking is None
        assert "every option breaks a red line" in str(app.screen.query_one("#legend").render())
        await pilot.press("2", "3", "4")
        await _wait_for_workers(app, pilot)
        assert "only 0 option(s) pass the red lines" in str(app.screen.query_one("#sweep-chart").render())


async def test_scenarios_view_on_a_case_without_probabilities(cases_dir):
    # issue 14: Stevenson's contractor (tests/cases/contractor_ignorance.yaml) gives no probabilities:
    # no "p" in the headers, no expected-value column, and the view says which rules did not run.
    app = make_app(cases_dir / "contractor_ignorance.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        table = app.screen.query_one("#payoff-table")
        assert [str(c.label) for c in table.ordered_columns] == ["Option", "Low demand", "High demand"]
        assert cells(table, 0)[1:] == ["0.5000", "0.6000"]  # do nothing: 50 and 60 on a 0-100 scale
        text = str(app.screen.query_one("#rules").render())
        assert "(p " not in text and "expected value of perfect information" not in text
        assert "complete ignorance" in text and "Expected value" in text and "Maximum likelihood" in text
        lines = {line.split("  ")[1].strip(): line for line in text.splitlines() if line.startswith("  ")}
        assert "Do nothing" in next(v for k, v in lines.items() if k.startswith("Maximin"))
        assert "Subcontract" in next(v for k, v in lines.items() if k.startswith("Minimax regret"))
