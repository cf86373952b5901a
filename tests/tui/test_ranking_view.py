"""Ranking view, driven by key presses: the table shows exactly what negotiator.ranking.api.rank gives."""

from __future__ import annotations

from negotiator.ranking import api
from negotiator.case.catalog import load_case
from negotiator.tui import make_app

from tui_helpers import cells, row_keys, shows_label

SIZE = (100, 30)


async def test_ranking_table_is_the_core_ranking(bundled):
    loaded = bundled
    expected = api.rank(loaded)
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#ranking-table")
        keys = row_keys(table)
        assert keys == [r.option for r in expected.rows] + [s.option for s in expected.screened_out]
        for i, r in enumerate(expected.rows):
            row = cells(table, i)
            assert row[0] == str(r.rank) and shows_label(row[1], r.label) and row[3] == f"{r.score:.4f}"
        # screened-out options come last, greyed, with their reason in words
        last = cells(table, len(keys) - 1)
        assert last[0] == "—" and shows_label(last[4], "screened out: " + expected.screened_out[-1].reason)
        assert "sha256 " + loaded.sha256[:12] in str(app.screen.query_one("#provenance").render())


async def test_sort_by_any_column_with_s_and_reverse_with_v(bundled):
    loaded = bundled
    expected = api.rank(loaded)
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#ranking-table")
        n = len(expected.rows)
        await pilot.press("s")  # by option label
        by_label = sorted(expected.rows, key=lambda r: r.label.casefold())
        assert row_keys(table)[:n] == [r.option for r in by_label]
        await pilot.press("v")
        assert row_keys(table)[:n] == [r.option for r in reversed(by_label)]
        await pilot.press("s", "s")  # family, then score
        assert app.screen.sort_by == "score"
        scores = [float(cells(table, i)[3]) for i in range(n)]
        assert scores == sorted(scores, reverse=True)
        # screened-out rows stay at the bottom whatever the order
        assert row_keys(table)[n:] == [s.option for s in expected.screened_out]


async def test_profile_selector_reranks_to_that_profile(bundled):
    loaded = bundled
    expected = api.rank(loaded, profile="stability_first")
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#profile")
        await pilot.pause()
        for _ in range(list(loaded.case.weights).index("stability_first")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile == "stability_first"
        table = app.screen.query_one("#ranking-table")
        assert row_keys(table)[: len(expected.rows)] == [r.option for r in expected.rows]
        assert [cells(table, i)[3] for i in range(len(expected.rows))] == [f"{r.score:.4f}" for r in expected.rows]


async def test_language_switches_live_with_l(bundled):
    loaded = bundled
    first = api.rank(loaded).rows[0]
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#ranking-table")
        assert shows_label(cells(table, 0)[1], first.label)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "zh"
        assert shows_label(cells(table, 0)[1], first.label_zh)
        assert str(table.columns[table.ordered_columns[1].key].label).startswith("选项")
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"排序", "权重", "比较", "退出"} <= descriptions
        await pilot.press("l")
        await pilot.pause()
        assert shows_label(cells(table, 0)[1], first.label)


async def test_pick_options_with_x_for_compare(bundled):
    loaded = bundled
    rows = api.rank(loaded).rows
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x", "down", "down", "x")
        assert app.picked == (rows[0].option, rows[2].option)
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#compare-table")
        assert shows_label(str(table.ordered_columns[2].label).removeprefix("A "), rows[0].label)
        assert shows_label(str(table.ordered_columns[3].label).removeprefix("B "), rows[2].label)


async def test_starts_in_chinese_and_fits_80x24(bundled):
    loaded = bundled
    app = make_app(loaded, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#ranking-table")
        assert shows_label(cells(table, 0)[1], api.rank(loaded).rows[0].label_zh)
        # the columns fit: no horizontal scrolling needed at 80 columns
        assert table.virtual_size.width <= table.size.width
        assert table.size.height >= 10


async def test_families_are_numbers_sorted_as_numbers_and_named_in_the_detail(bundled):
    """Issue 17: the family column holds 1-5 (as the memo), not 一…五, sorts 1, 2, 3 (not Unicode's
    一, 三, 二) and the pane under the table names the highlighted option's family in the UI's language."""
    case = bundled.case
    for lang, name in (("en", "family 4 Monitoring and consular protection"), ("zh", "类别 4 跟踪研判与领事保护")):
        app = make_app(bundled, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#ranking-table")
            fam = [c.key.value for c in table.ordered_columns].index("family")
            shown = [cells(table, i)[fam] for i in range(table.row_count)]
            assert not set("".join(shown)) & set("一二三四五")
            assert {o: shown[i] for i, o in enumerate(row_keys(table))} == {o: str(case.family_numbers()[opt.family]) for o, opt in case.options.items()}
            assert name in " ".join(str(app.screen.query_one("#detail").render()).split())  # the top row: policy_monitoring_early_warning
            await pilot.press("s", "s")  # option, then family
            assert app.screen.sort_by == "family"
            n = len(app.ranking.rows)
            ranked = [int(cells(table, i)[fam]) for i in range(n)]
            assert ranked == sorted(ranked) and ranked[0] == 1 and ranked[-1] == 5
            # within a family the better rank first
            ranks = [int(cells(table, i)[0]) for i in range(n)]
            assert all(ranks[i] <= ranks[i + 1] for i in range(n - 1) if ranked[i] == ranked[i + 1])


def _cut_from(cell: str, full: str) -> bool:
    """``cell`` shows ``full`` whole, or cut with "…": its pieces appear in ``full`` in order, the first at its start."""
    pieces = [p.strip() for p in cell.rstrip("…").split("…")]
    if not full.startswith(pieces[0]):
        return False
    at = len(pieces[0])
    for piece in pieces[1:]:
        at = full.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


async def test_ranking_at_200_options_follows_weight_changes_and_sorts_in_place():
    # Issue 16: after a weight change the table's cells are rewritten in place and its rows reordered;
    # it must show api.rank for the new weights (screened-out options last), sort and keep the cursor.
    from tui_helpers import many_options_case

    loaded = many_options_case(200)
    app = make_app(loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#ranking-table")
        await pilot.press("down", "down", "down")
        highlighted = row_keys(table)[table.cursor_row]
        for keys in (["2", "right", "right", "1"], ["2", "down", "shift+left", "1"], ["2", "ctrl+z", "1"]):
            await pilot.press(*keys)
            await pilot.pause()
            expected = api.rank(loaded, weights=app.weights)
            keys_shown = row_keys(table)
            assert keys_shown == [r.option for r in expected.rows] + [s.option for s in expected.screened_out]
            rows = [cells(table, i) for i in range(len(keys_shown))]
            for row, r in zip(rows, expected.rows):
                assert row[0] == str(r.rank) and _cut_from(row[1], r.label) and row[2] == r.option and row[4] == f"{r.score:.4f}"
            assert all(row[0] == "—" for row in rows[len(expected.rows):])
            assert len({row[1] for row in rows}) == len(rows)  # cut labels stay distinct
            assert keys_shown[table.cursor_row] == highlighted  # the cursor stays on its option
        n = len(expected.rows)
        await pilot.press("s")  # by label
        await pilot.pause()
        assert row_keys(table)[:n] == [r.option for r in sorted(expected.rows, key=lambda r: r.label.casefold())]
        assert str(table.ordered_columns[1].label).endswith("▲") and not str(table.ordered_columns[0].label).endswith("▲")
        await pilot.press("v")
        await pilot.pause()
        assert row_keys(table)[:n] == [r.option for r in sorted(expected.rows, key=lambda r: r.label.casefold(), reverse=True)]
        assert str(table.ordered_columns[1].label).endswith("▼")
        assert row_keys(table)[n:] == [s.option for s in expected.screened_out]
        assert row_keys(table)[table.cursor_row] == highlighted
