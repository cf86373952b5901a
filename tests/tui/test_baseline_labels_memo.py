"""Package view baseline, case labels (profiles, resources) in both languages, and the memo's scenario.

Every number the UI shows is checked against the core's own answer for the same state
(`best_packages(bundled, baseline=...)`, Clemen & Smith 2009 for what a baseline means),
every name against the case's `labels:` section (payoffs/labels.yaml).
"""

from __future__ import annotations

from textual.widgets import Select
from textual.widgets._select import SelectCurrent

from negotiator.portfolio import best_packages
from negotiator.tui import make_app
from tui_helpers import cells, row_keys

SIZE = (100, 30)
STATUS_QUO = "passive_case_by_case_acceptance"  # screened out by a red line, still a valid status quo


async def _settle(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _pick(pilot, select_id: str, position: int) -> None:
    """Open a Select by clicking it and choose the entry at ``position`` (from the top) by keys."""
    await pilot.click(select_id)
    await pilot.pause()
    await pilot.press("home", *["down"] * position, "enter")
    await pilot.pause()


async def _pick_baseline(app, pilot, value: str) -> None:
    """`s` opens the Package view's baseline picker; choose ``value`` by keys."""
    position = [v for _, v in app.screen.query_one("#baseline", Select)._options].index(value)
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("home", *["down"] * position, "enter")
    await _settle(app, pilot)


async def _export_memo(app, pilot, name: str) -> None:
    """`m`, type the file name, Enter, and wait for the memo to be written."""
    await pilot.press("m")
    await pilot.pause()
    app.screen.query_one("#memo-path").value = name
    await pilot.press("enter")
    await _settle(app, pilot)


def _shown_label(select) -> str:
    return str(select.query_one(SelectCurrent).label)


def _notes(app) -> str:
    return str(app.screen.query_one("#package-notes").render())


async def test_picking_a_status_quo_baseline_shows_the_cores_package_over_it(bundled):
    case = bundled.case
    profile = "low_risk"  # the caps stop binding once the baseline counts (docs/portfolio.md)
    want = best_packages(bundled, profile=profile, baseline=STATUS_QUO)
    plain = best_packages(bundled, profile=profile)
    assert want.below_baseline, "the known answer needs options worse than the status quo"
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _pick(pilot, "#profile", list(case.weights).index(profile))
        assert app.profile == profile
        await pilot.press("5")
        await _settle(app, pilot)
        # the status quo is offered although a red line screens it out as a measure
        choices = dict((v, p) for p, v in app.screen.query_one("#baseline", Select)._options)
        assert "screened out" in str(choices[STATUS_QUO])
        await _pick_baseline(app, pilot, STATUS_QUO)
        table = app.screen.query_one("#package-table")
        assert row_keys(table) == list(want.selected) + ["__total__"]
        assert [cells(table, i)[1] for i in range(len(want.selected))] == [f"{want.best.option_values[o]:.4f}" for o in want.selected]
        assert cells(table, len(want.selected))[1] == f"{want.value:.4f}"
        assert str(table.columns["value"].label) == "Over baseline"
        notes = _notes(app)
        assert f"overall value {want.spec.baseline_values['value']:.4f}" in notes
        assert case.options[STATUS_QUO].label in notes
        values = want.spec.values()
        for oid in want.below_baseline:  # every option worse than the status quo, with its negative value
            assert f"{case.options[oid].label} {values[oid]:+.4f} left out" in notes
        assert not want.advice and "! the package fills" not in notes
        await pilot.press("l")  # the same answer in Chinese: labels from the case, words from the UI
        await _settle(app, pilot)
        notes = _notes(app)
        assert str(table.columns["value"].label) == "超出基线"
        assert case.options[STATUS_QUO].label_zh in notes and f"{want.spec.baseline_values['value']:.4f}" in notes
        assert "劣于基线" in notes
        for oid in want.below_baseline:
            assert f"{case.options[oid].label_zh} {values[oid]:+.4f} 未入选" in notes
        assert STATUS_QUO in [v for _, v in app.screen.query_one("#baseline", Select)._options]
        assert app.screen.query_one("#baseline", Select).value == STATUS_QUO  # the switch keeps the choice
        assert case.options[STATUS_QUO].label_zh in _shown_label(app.screen.query_one("#baseline", Select))
        await pilot.press("l")
        await _settle(app, pilot)
        # back to no baseline: the plain package and the core's advice that it fills the caps
        await _pick_baseline(app, pilot, "")
        assert row_keys(table) == list(plain.selected) + ["__total__"]
        assert cells(table, len(plain.selected))[1] == f"{plain.value:.4f}"
        assert str(table.columns["value"].label) == "Value"
        notes = _notes(app)
        assert plain.advice and all(a in notes for a in plain.advice)
        assert "press s to pick the status quo" in notes and "Worse than the baseline" not in notes


async def test_worst_level_baseline_and_a_relative_method_give_the_cores_answers(bundled):
    want = best_packages(bundled, baseline="worst")
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await _settle(app, pilot)
        await _pick_baseline(app, pilot, "worst")
        table = app.screen.query_one("#package-table")
        assert row_keys(table) == list(want.selected) + ["__total__"]
        assert cells(table, len(want.selected))[1] == f"{want.value:.4f}"
        assert "overall value 0.0000" in _notes(app) and "every eligible option adds value over the baseline" in _notes(app)
        # a method that scores options against each other has no status-quo value: the core refuses, the view says so
        await pilot.press("1")
        await pilot.pause()
        await _pick(pilot, "#method", app.methods.index("topsis"))
        assert app.method == "topsis"
        await pilot.press("5")
        await _settle(app, pilot)
        assert "needs the additive value model" in _notes(app)
        assert row_keys(table) == []


async def test_case_labels_for_profiles_and_resources_in_both_languages(bundled):
    case = bundled.case
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        for lang in ("en", "zh"):
            picker = app.screen.query_one("#profile", Select)
            assert [p for p, _ in picker._options] == [case.profile_label(pid, lang) for pid in case.weights]
            assert _shown_label(picker) == case.profile_label("balanced", lang)
            status = str(app.screen.query_one("#weights-status").render())
            assert case.profile_label("balanced", lang) in status
            if lang == "en":
                await pilot.press("l")
                await pilot.pause()
        assert [case.profile_label(p, "zh") for p in ("balanced", "low_risk")] == ["均衡", "低风险"]  # payoffs/labels.yaml
        await pilot.press("5")  # still in Chinese
        await _settle(app, pilot)
        for lang in ("zh", "en"):
            notes = _notes(app)
            for res in case.constraints.budgets:
                name = case.resource_label(res, lang)
                assert name != res
                assert str(app.screen.query_one(f"#budget-label-{res}").render()) == name
                assert name in notes  # the resource-use line
            if lang == "zh":
                assert "人力（人年/年）" in notes
                await pilot.press("l")
                await _settle(app, pilot)


async def test_memo_export_carries_the_scenario_picked_on_screen(bundled, tmp_path, monkeypatch):
    from negotiator.report import build_memo
    from negotiator.report.memo import MemoRequest

    sid = next(iter(bundled.case.scenarios))
    want = build_memo(bundled, MemoRequest(lang="en", profile="balanced", method="additive", scenario=sid))
    plain = build_memo(bundled, MemoRequest(lang="en", profile="balanced", method="additive"))
    assert want.subtitle != plain.subtitle
    monkeypatch.chdir(tmp_path)
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _pick(pilot, "#scenario", 1)  # the first scenario after "base case"
        assert app.scenario == sid
        await _export_memo(app, pilot, "memo.md")
    text = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert want.subtitle in text
    assert bundled.case.scenarios[sid].label in text


async def test_an_option_worse_than_the_baseline_that_a_rule_forces_in_is_marked_so(case_copy):
    """A count rule of exactly 12 measures with room in every budget: only 9 options beat the
    status quo under low_risk, so the core must take three below it; the view says which."""
    from negotiator.case.catalog import load_case

    constraints = case_copy / "payoffs" / "constraints.yaml"
    text = constraints.read_text(encoding="utf-8")
    assert "count: [1, 6]" in text
    constraints.write_text(text.replace("count: [1, 6]", "count: [12, 12]"), encoding="utf-8")
    loaded = load_case(case_copy)
    roomy = {res: 1000.0 for res in loaded.case.constraints.budgets}
    want = best_packages(loaded, profile="low_risk", baseline=STATUS_QUO, budgets=roomy)
    forced = [o for o in want.selected if o in want.below_baseline]
    assert want.feasible and forced, "the known answer needs options forced in below the status quo"
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _pick(pilot, "#profile", list(loaded.case.weights).index("low_risk"))
        await pilot.press("5")
        await _settle(app, pilot)
        for res, cap in roomy.items():
            box = app.screen.query_one(f"#budget-{res}")
            box.value = f"{cap:g}"
            app.screen._read_budget(box)
        await _pick_baseline(app, pilot, STATUS_QUO)
        table = app.screen.query_one("#package-table")
        assert row_keys(table) == list(want.selected) + ["__total__"]
        assert cells(table, len(want.selected))[1] == f"{want.value:.4f}"
        notes = _notes(app)
        values = want.spec.values()
        for oid in forced:
            assert f"{loaded.case.options[oid].label} {values[oid]:+.4f} in the package (forced by a rule)" in notes
            assert table.get_row(oid)[1].style == "bold red"


async def test_memo_export_carries_the_status_quo_picked_in_the_package_view(bundled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await _settle(app, pilot)
        await _pick_baseline(app, pilot, STATUS_QUO)
        assert app.package_baseline == STATUS_QUO
        await _export_memo(app, pilot, "memo.md")
    text = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert "Value over the status quo" in text
    assert f"--baseline {STATUS_QUO}" in text


async def test_package_view_speaks_chinese_status_words_and_advice(bundled):
    # The solver's status and the fills-the-caps advice come worded from the output layer, not in English.
    from negotiator.render.portfolio import portfolio_advice, status_text

    core = best_packages(bundled)
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await _settle(app, pilot)
        await pilot.press("l")
        await _settle(app, pilot)
        notes = " ".join(_notes(app).split())
    assert " ".join(status_text(core.outcomes[0], core.settings, "zh").split()) in notes
    advice = portfolio_advice(core, "zh")
    assert advice and " ".join(advice[0].split())[:30] in notes
    assert "proven optimal" not in notes
