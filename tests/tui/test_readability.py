"""Issue 17, TUI: labels cut with … and distinct, the detail pane, too-small terminals, SMAA feedback
and its weight model, the keys panel, CLI advice turned into UI advice, ties, toasts, background views."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from negotiator.tui import make_app
from negotiator.tui.screens.dialogs import DetailScreen, KeysScreen

from tui_helpers import cells


def _column(table: DataTable, key: str) -> list[str]:
    index = [c.key.value for c in table.ordered_columns].index(key)
    return [cells(table, i)[index] for i in range(table.row_count)]


async def test_labels_are_cut_with_an_ellipsis_and_stay_distinct_at_80_columns(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        names = _column(app.screen.query_one(DataTable), "option")
        assert len(set(names)) == len(names)
        assert any(n.endswith("…") for n in names)
        await pilot.press("2")
        await pilot.pause()
        preview = _column(app.screen.query_one("#preview", DataTable), "option")
        objectives = _column(app.screen.query_one("#weight-table", DataTable), "objective")
        assert len(set(preview)) == len(preview) and len(set(objectives)) == len(objectives)


async def test_labels_get_the_room_at_200_columns(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        names = _column(table, "option")
        full = {o.label for o in bundled.case.options.values()}
        assert set(names) == full  # nothing cut
        widths = {c.key.value: c.width for c in table.ordered_columns}
        assert widths["bar"] >= 40
        assert set(_column(table, "id")) == set(bundled.case.options)  # ids whole too (the longest has 33 characters)


async def test_detail_pane_and_dialog_show_the_screened_out_reason_in_full(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        oid = app.screen._current_option()
        screened = {s.option: s.reason for s in app.ranking.screened_out}
        assert oid in screened
        detail = str(app.screen.query_one("#detail", Static).render())
        assert oid in detail and "screened out" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        full = app.screen.text.plain
        assert screened[oid] in full and bundled.case.options[oid].rationale in full
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen)


async def test_a_terminal_below_80x24_says_so_instead_of_cutting_numbers(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("too-small")
        assert "too small" in str(app.screen.query_one("#too-small", Static).render())
        assert not app.screen.query_one("#ranking-table").display or not app.screen.query_one("#ranking-table").visible or app.screen.query_one("#ranking-table").region.area == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.has_class("too-small")


@pytest.fixture
def small_smaa(monkeypatch):
    import negotiator.tui.screens.sensitivity as view

    monkeypatch.setattr(view, "SMAA_SAMPLES", 2000)


async def test_smaa_says_what_it_assumed_and_offers_the_centred_draw(bundled, small_smaa):
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("2", "right", "4")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("a")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        status = str(screen.query_one("#smaa-status", Static).render())
        result = str(screen.query_one("#smaa", Static).render())
        assert "drawn uniformly" in result
        assert result.rstrip().endswith("■8 ■9 or lower")  # the key names the grey that ranks past 8 share
        assert "do not enter it" in status and "press c" in status  # not "the weights changed: run again"
        assert screen.query_one("#smaa-status").region.y < 24  # where the user looks, above the fold
        await pilot.press("c")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        result = str(screen.query_one("#smaa", Static).render())
        assert "±25%" in result and "SMAA done" in str(screen.query_one("#smaa-status", Static).render())
        assert screen.query_one("#smaa").region.y < 24  # scrolled into view
        await pilot.press("2", "right", "4")
        await pilot.pause()
        assert "weights changed" in str(app.screen.query_one("#smaa-status", Static).render())


async def test_keys_panel_lists_this_apps_keys_by_view_in_chinese(bundled):
    app = make_app(bundled, lang="zh")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        titles = [t for t, _ in app.screen.groups]
        assert titles[0] == "所有视图" and "2 权重" in titles and "4 敏感性" in titles
        weights = dict(app.screen.groups)["2 权重"]
        assert ("ctrl+s", "保存") in weights and any(k == "←→" for k, _ in weights)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, KeysScreen)


async def test_saving_does_not_say_the_weights_were_replaced(case_copy):
    app = make_app(case_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2", "right", "ctrl+s")
        await pilot.pause()
        await pilot.press(*"mine", "enter")
        await pilot.pause()
        assert app.profile == "mine" and not app.unsaved
        messages = [n.message for n in app._notifications]
        assert any("saved profile 'mine'" in m for m in messages)
        assert not any("replaced" in m for m in messages)


async def test_a_rejected_weight_leaves_the_box_empty(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2", "enter", *"abc", "enter")
        await pilot.pause()
        assert app.screen.query_one("#weight-input", Input).value == ""
        assert any("'abc' is not a weight" in n.message for n in app._notifications)


async def test_a_tie_reads_zero_not_minus_zero(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = app.ranking.rows
        tied = [r.option for r in rows if r.rank == 2][:2]
        app.picked = tuple(tied)
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#compare-table", DataTable)
        total = cells(table, table.row_count - 1)
        assert "-0.000" not in total and "0.000" in [c.strip() for c in total]


async def test_cli_advice_becomes_ui_advice(bundled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("taken.md").write_text("x", encoding="utf-8")
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        box = app.screen.query_one("#memo-path", Input)
        box.value = "taken.md"
        await pilot.press("enter")
        await pilot.pause()
        status = str(app.screen.query_one("#memo-status", Static).render())
        assert "already exists" in status and "--force" not in status and "another file name" in status
        await pilot.press("escape")
        app.method = "topsis"
        await pilot.press("5")
        await pilot.pause()
        app.screen._baseline = "worst"
        app.screen._state_changed()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = str(app.screen.query_one("#package-notes", Static).render())
        assert "additive" in notes and "--method" not in notes and "Method selector" in notes


async def test_views_are_built_in_the_background_after_start(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause(1.5)
        from negotiator.tui.app import VIEWS

        assert set(VIEWS) <= set(app._screen_stacks)
        assert app.screen.VIEW == "ranking" and app.focused is app.screen.query_one("#ranking-table")
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.VIEW == "weights" and app.focused is app.screen.query_one("#weight-table")


def _cut_from(shown: str, full: str) -> bool:
    """``shown`` is ``full`` whole, or cut with "…" (distinct_cuts may cut in the middle too)."""
    return shown == full or (shown.endswith("…") and all(part in full for part in shown.split("…") if part))


async def test_every_cut_label_at_80_columns_ends_with_an_ellipsis(bundled):
    """Issue 17: Compare's "Total (additive value)", the payoff table's scenario headers, the package's
    option names, the ranking's bar header and the conflict table's options are cut with "…", never bare."""
    from negotiator.i18n import label, tr

    case = bundled.case
    for lang in ("en", "zh"):
        app = make_app(bundled, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            heads = {c.key.value: str(c.label) for c in app.screen.query_one("#ranking-table").ordered_columns}
            assert _cut_from(heads["bar"], tr("col_bar", lang))
            await pilot.press("3")
            await pilot.pause()
            names = _column(app.screen.query_one("#compare-table", DataTable), "objective")
            assert len(set(names)) == len(names)
            fulls = [label(o, lang) for o in case.objectives.values()] + [tr("total", lang)]
            assert all(_cut_from(n, f) for n, f in zip(names, fulls))
            if lang == "en":  # "Total (additive value)" does not fit 16 cells; "合计（加性价值）" does
                assert names[-1] == "Total (additive…"
            await pilot.press("6")
            await pilot.pause()
            payoffs = app.screen.query_one("#payoff-table", DataTable)
            heads = [str(c.label) for c in payoffs.ordered_columns][1:]
            fulls = [label(s, lang) + f" ({s.probability:g})" for s in case.scenarios.values()] + [tr("col_expected", lang)]
            assert all(_cut_from(h, f) for h, f in zip(heads, fulls)) and any(h.endswith("…") for h in heads)
            await pilot.press("5")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            package = app.screen.query_one("#package-table", DataTable)
            rows = {key: cells(package, i)[0] for i, key in enumerate(r.key.value for r in package.ordered_rows)}
            assert rows and all(_cut_from(shown, label(case.options[o], lang) if o != "__total__" else tr("package_total", lang)) for o, shown in rows.items())
            await pilot.press("7")
            await pilot.pause()
            taken = _column(app.screen.query_one("#conflict-table", DataTable), "taken")
            assert any(t.endswith("…") for t in taken) and all(len(t) <= 16 for t in taken if lang == "en")


async def test_the_colour_key_shows_every_objective_at_80_columns(bundled):
    from negotiator.i18n import label

    for lang in ("en", "zh"):
        app = make_app(bundled, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            key = str(app.screen.query_one("#legend", Static).render())
            lines = key.split("\n")
            assert len(lines) <= 3 and all(line.startswith("■ ") for line in lines)  # an entry never splits
            entries = [e.strip() for e in key.replace("\n", " ").split("■ ") if e.strip()]
            fulls = [label(o, lang) for o in bundled.case.objectives.values()]
            assert len(entries) == len(fulls) and all(_cut_from(e, f) for e, f in zip(entries, fulls))


async def test_keys_panel_says_what_l_does_in_the_uis_language_and_starts_with_this_view(bundled):
    for lang, words, compare in (("en", "switch the app to Chinese (中文)", "3 Compare"), ("zh", "切换为英文界面（English）", "3 比较")):
        app = make_app(bundled, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("3", "question_mark")
            await pilot.pause()
            assert isinstance(app.screen, KeysScreen)
            everywhere = dict(app.screen.groups[0][1])
            assert everywhere["l"] == words
            assert app.screen.groups[1][0] == compare and app.screen.current == compare  # marked, no scrolling to find it
            assert len(app.screen.groups) == 1 + 7
            # a long description wraps (Chinese folds between characters), it is never cut
            from rich.console import Console

            panel = app.screen.query_one("#keys-list", Static)
            con = Console(width=panel.content_size.width, record=True, color_system=None)
            con.print(panel.content)
            shown = con.export_text()
            assert "…" not in shown and ("突）" if lang == "zh" else "Conflict)") in shown  # the end of "switch view (…)"


async def test_pickers_cut_a_long_label_with_an_ellipsis(bundled):
    app = make_app(bundled)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        shown = app.screen.query_one("#pick-a").query_one("SelectCurrent #label", Static)
        assert shown.styles.text_wrap == "nowrap" and shown.styles.text_overflow == "ellipsis"
        await pilot.press("2")
        await pilot.pause()
        box = app.screen.query_one("#weight-input", Input)
        assert box.placeholder.endswith("…") and box.placeholder.startswith("weight of Sovereignty")
        assert app.screen.query_one("#weights-help", Static).size.height == 2  # the hint wraps, not cut
