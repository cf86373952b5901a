"""Weights view by key presses: live re-ranking equal to the core and the CLI, undo/redo, saving."""

from __future__ import annotations

import json

import pytest

from negotiator.ranking import api
from negotiator.case.catalog import load_case
from negotiator.tui import make_app
from negotiator.model.weights import profile_weights
from tui_helpers import cells, row_keys

SIZE = (100, 30)


async def _open_weights(pilot):
    await pilot.pause()
    await pilot.press("2")
    await pilot.pause()
    return pilot.app.screen.query_one("#weight-table"), pilot.app.screen.query_one("#preview")


async def test_arrow_keys_move_one_weight_and_the_others_rescale(bundled):
    loaded = bundled
    start = profile_weights(loaded.case, "balanced")
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        weights, _ = await _open_weights(pilot)
        await pilot.press("down", "right", "right", "right")  # citizen_rights +0.03
        w = app.weights
        assert w["citizen_rights"] == pytest.approx(start["citizen_rights"] + 0.03)
        assert sum(w.values()) == pytest.approx(1.0)
        rest = 1 - start["citizen_rights"]
        for obj in start:
            if obj != "citizen_rights":
                assert w[obj] == pytest.approx(start[obj] * (1 - w["citizen_rights"]) / rest)
        assert cells(weights, 1)[1] == f"{w['citizen_rights']:.3f}"
        assert app.unsaved
        await pilot.press("shift+left")
        assert app.weights["citizen_rights"] == pytest.approx(start["citizen_rights"] - 0.02)
        # undo three of the four steps, redo one
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        assert app.weights["citizen_rights"] == pytest.approx(start["citizen_rights"] + 0.01)
        await pilot.press("ctrl+y")
        assert app.weights["citizen_rights"] == pytest.approx(start["citizen_rights"] + 0.02)
        await pilot.press("ctrl+r")  # back to the profile
        assert app.weights == pytest.approx(start) and not app.unsaved


async def test_typed_weight_reorders_the_ranking_exactly_as_the_core_and_cli(case_copy, cli):
    loaded = load_case(case_copy)
    app = make_app(case_copy)
    async with app.run_test(size=SIZE) as pilot:
        weights, preview = await _open_weights(pilot)
        before = row_keys(preview)
        await pilot.press("down", "enter", *"0.5", "enter")  # citizen_rights = 0.5
        await pilot.pause()
        assert app.weights["citizen_rights"] == pytest.approx(0.5)
        expected = api.rank(loaded, weights=app.weights)
        shown = row_keys(preview)
        assert shown != before  # the change reorders the ranking
        assert shown == [r.option for r in expected.rows]
        assert [cells(preview, i)[0] for i in range(len(shown))] == [str(r.rank) for r in expected.rows]
        assert [cells(preview, i)[3] for i in range(len(shown))] == [f"{r.score:.4f}" for r in expected.rows]
        # rank moves against the starting profile
        start = {r.option: r.rank for r in api.rank(loaded).rows}
        for i, r in enumerate(expected.rows):
            move = start[r.option] - r.rank
            assert cells(preview, i)[1] == (f"▲{move}" if move > 0 else f"▼{-move}" if move < 0 else "·")
        # save the weights as a profile, then ask the CLI for the same ranking
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*"citizens_half", "enter")
        await pilot.pause()
        assert app.profile == "citizens_half" and not app.unsaved
    out = cli("rank", case_copy, "--profile", "citizens_half", "--format", "json")
    assert out.exit_code == 0, out.stderr
    ranking = json.loads(out.stdout)["ranking"]
    # The file stores weights to 12 decimals, so scores agree to ~1e-12 and every rank is
    # the same; the order *within* a tie (equal ranks) is not part of the contract.
    got = {r["option"]: (r["rank"], r["score"]) for r in ranking}
    assert set(got) == set(shown)
    for want in expected.rows:
        assert got[want.option][0] == want.rank
        assert got[want.option][1] == pytest.approx(want.score, abs=1e-10)


async def test_saving_keeps_comments_and_a_backup(case_copy):
    file = case_copy / "payoffs" / "weights.yaml"
    original = file.read_text(encoding="utf-8")
    app = make_app(case_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _open_weights(pilot)
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert "weights.yaml" in str(dialog.query_one("#save-target").render())
        await pilot.press(*"bad name", "enter")  # not an id: refused in place
        await pilot.pause()
        assert "cannot be a profile name" in str(dialog.query_one("#save-error").render())
        await pilot.press(*["backspace"] * 8, *"balanced", "enter")  # taken
        await pilot.pause()
        assert "already has a profile 'balanced'" in str(dialog.query_one("#save-error").render())
        assert file.read_text(encoding="utf-8") == original  # nothing written yet
        await pilot.press(*["backspace"] * 8, *"mine", "enter")
        await pilot.pause()
        assert app.profile == "mine"
    text = file.read_text(encoding="utf-8")
    assert text.startswith(original.rstrip("\n"))  # every line and comment kept, profile appended
    assert "# saved by negotiator tui from 'balanced'" in text and "\n  mine:\n" in text
    assert (case_copy / "payoffs" / "weights.yaml.bak").read_text(encoding="utf-8") == original
    assert "mine" in load_case(case_copy).case.weights


async def test_bundled_case_is_never_written(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await _open_weights(pilot)
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        assert "read-only" in str(app.screen.query_one("#save-target").render())
        await pilot.press(*"mine", "enter")
        await pilot.pause()
        assert "read-only" in str(app.screen.query_one("#save-error").render())
        await pilot.press("escape")
        assert app.unsaved and app.profile == "balanced"


async def test_quit_with_unsaved_changes_asks_first(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await _open_weights(pilot)
        await pilot.press("right", "q")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuitScreen"
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert type(app.screen).__name__ == "WeightsScreen" and app.is_running
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert not app.is_running


async def test_bad_typed_weight_is_refused_with_a_message(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await _open_weights(pilot)
        before = dict(app.weights)
        await pilot.press("enter", *"1.5", "enter")
        await pilot.pause()
        assert app.weights == before
        assert any("is not a weight" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.press("enter", *"25%", "enter")
        assert app.weights["sovereignty_jurisdiction"] == pytest.approx(0.25)


async def test_switching_profile_keeps_edited_weights_one_undo_away(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await _open_weights(pilot)
        await pilot.press("right", "right")
        edited = dict(app.weights)
        app.profile = "stability_first"  # as the profile selector does
        await pilot.pause()
        assert app.weights == pytest.approx(profile_weights(bundled.case, "stability_first")) and not app.unsaved
        assert any("ctrl+z brings them back" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        assert app.weights == pytest.approx(edited) and app.unsaved


async def test_each_nudge_at_200_options_shows_the_core_ranking_row_by_row():
    # Issue 16: the preview is rewritten in place on each arrow key; what it shows must stay exactly
    # api.rank with the new weights: order, ranks, scores, moves, and labels that read distinct.
    from tui_helpers import many_options_case

    loaded = many_options_case(200)
    start = {r.option: r.rank for r in api.rank(loaded).rows}
    app = make_app(loaded)
    async with app.run_test(size=(120, 40)) as pilot:
        _, preview = await _open_weights(pilot)
        reordered = 0
        for keys in (["right"], ["right"], ["down", "shift+right"], ["left"], ["down", "down", "shift+left"], ["ctrl+z"]):
            before = row_keys(preview)
            await pilot.press(*keys)
            await pilot.pause()
            expected = api.rank(loaded, weights=app.weights)
            shown = row_keys(preview)
            reordered += shown != before
            assert shown == [r.option for r in expected.rows]
            rows = [cells(preview, i) for i in range(len(shown))]
            assert [c[0] for c in rows] == [str(r.rank) for r in expected.rows]
            assert [c[3] for c in rows] == [f"{r.score:.4f}" for r in expected.rows]
            for c, r in zip(rows, expected.rows):
                move = start[r.option] - r.rank
                assert c[1] == (f"▲{move}" if move > 0 else f"▼{-move}" if move < 0 else "·")
            assert len({c[2] for c in rows}) == len(rows)  # cut labels stay distinct
        assert reordered >= 3  # the keys did move options, so the in-place path reordered rows
