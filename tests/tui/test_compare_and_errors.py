"""Compare view, the case-error screen, the key help and the `negotiator tui` command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from negotiator.ranking import api
from negotiator.case.catalog import load_case
from negotiator.render.termfit import signed
from negotiator.tui import make_app
from negotiator.tui.screens.dialogs import KeysScreen
from negotiator.sensitivity import flip
from negotiator.ranking.whatif import compare_options, pairwise_what_if
from tui_helpers import cells, row_keys

SIZE = (100, 30)


async def test_compare_shows_the_core_comparison_and_what_it_would_take(bundled):
    loaded = bundled
    r = api.rank(loaded)
    a, b = r.rows[0].option, r.rows[1].option
    cmp = compare_options(loaded, [a, b], r.provenance.weights)
    answer = pairwise_what_if(loaded, a, b, r.provenance.weights)
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#compare-table")
        assert row_keys(table) == list(loaded.case.objectives) + ["__total__"]
        for i, obj in enumerate(loaded.case.objectives):
            row = cells(table, i)
            assert row[1] == f"{cmp.weights[obj]:.3f}"
            assert row[2].startswith(f"{cmp.likely[a][obj]:>4g} ") and row[3].startswith(f"{cmp.likely[b][obj]:>4g} ")
            assert row[4] == signed(cmp.difference[b][obj])  # a tie reads " 0.000", never "-0.000"
        total = cells(table, len(loaded.case.objectives))
        assert total[2] == f"{r.rows[0].score:.4f}" and total[3] == f"{r.rows[1].score:.4f}"
        text = str(app.screen.query_one("#whatif").render())
        assert f"(gap {answer.gap:.4f})" in text
        best = answer.best_single
        assert f"from {best.current:.3f} to {best.needed:.3f}" in text
        assert f"total change {answer.cheapest.distance:.3f}" in text
        # first among all options: the sensitivity flip LP's nearest weights, found in a worker
        await app.workers.wait_for_complete()
        await pilot.pause()
        flip_b = next(f for f in flip(bundled).flips if f.challenger == b)
        text = str(app.screen.query_one("#whatif").render())
        assert f"to come first among all options: nearest weights {flip_b.distance:.3f} away" in text
        # swap A and B: the what-if is always about the trailing option catching up
        await pilot.press("x")
        await pilot.pause()
        assert cells(table, len(loaded.case.objectives))[2] == f"{r.rows[1].score:.4f}"
        assert f"(gap {answer.gap:.4f})" in str(app.screen.query_one("#whatif").render())


async def test_compare_follows_weight_changes_and_a_third_option(bundled):
    loaded = bundled
    app = make_app(loaded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2", "right", "right", "3")
        await pilot.pause()
        table = app.screen.query_one("#compare-table")
        assert cells(table, 0)[1] == f"{app.weights['sovereignty_jurisdiction']:.3f}"
        ids = list(loaded.case.options)
        target = next(i for i, o in enumerate(ids) if o not in app.screen._choice[:2])
        await pilot.click("#pick-c")
        await pilot.press(*["down"] * (target + 2), "enter")  # the list opens above its blank entry
        await pilot.pause()
        third = app.screen.query_one("#pick-c").value
        assert third == ids[target]
        cmp = compare_options(loaded, [app.screen._choice[0], app.screen._choice[1], third], app.weights)
        assert [str(c.label) for c in table.ordered_columns][-1] == "C−A"
        assert cells(table, 0)[-1] == f"{cmp.difference[third]['sovereignty_jurisdiction']:+.3f}"


async def test_case_with_errors_opens_on_a_list_of_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("negotiator: 1\nobjectives:\n  gain: {label: Gain}\noptions:\n  a: {label: A, scores: {gain: 5, cost: 3}}\n", encoding="utf-8")
    app = make_app(bad)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseErrorScreen"
        text = str(app.screen.query_one("#errors-list").render())
        assert f"{bad}:5" in text and "unknown objective 'cost'" in text and "fix:" in text
        assert "1 problem" in str(app.screen.query_one("#errors-title").render())
        await pilot.press("2")  # no views to switch to
        assert type(app.screen).__name__ == "CaseErrorScreen"
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


def test_the_problems_read_in_the_uis_language(tmp_path):
    """The core words its problems as Messages: the error screen shows them in Chinese in a Chinese UI."""
    from negotiator.case.catalog import load_case as load
    from negotiator.errors import CaseError
    from negotiator.tui.screens.errors import problems_text

    bad = tmp_path / "bad.yaml"
    bad.write_text("negotiator: 1\nobjectives:\n  gain: {label: Gain}\noptions:\n  a: {label: A, scores: {gain: 5, cost: 3}}\n", encoding="utf-8")
    with pytest.raises(CaseError) as caught:
        load([bad])
    zh, en = (str(problems_text(caught.value.problems, lang)) for lang in ("zh", "en"))
    from negotiator.i18n import tr

    assert f"{bad}:5" in zh and "“cost”" in zh and tr("fix", "zh") in zh
    assert "unknown" not in zh and "objective" not in zh
    assert "unknown objective 'cost'" in en


async def test_missing_file_and_broken_yaml_are_listed_too(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("negotiator: 1\nobjectives: [\n", encoding="utf-8")
    for case, words in ((tmp_path / "nope.yaml", "no such file"), (broken, str(broken))):
        app = make_app(case)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert words in str(app.screen.query_one("#errors-list").render())


async def test_question_mark_shows_every_binding_and_q_quits_at_once(bundled):
    app = make_app(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)  # this app's keys by view (test_readability.py)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, KeysScreen)
        await pilot.press("q")  # nothing changed: quits without asking
        await pilot.pause()
    assert not app.is_running


def test_tui_command_rejects_an_unknown_language(cli):
    out = cli("tui", "--lang", "fr")
    assert out.exit_code == 2 and "unknown language 'fr'" in out.stderr and "Traceback" not in out.stderr


def test_tui_command_is_listed_and_textual_stays_unimported():
    code = "import sys; from negotiator.cli import app; import negotiator.cli.tui_cmds; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_tui_command_runs_the_app(cli, monkeypatch):
    import negotiator.tui as tui

    seen = {}

    class FakeApp:
        def run(self):
            seen["ran"] = True

    monkeypatch.setattr(tui, "make_app", lambda case, lang: seen.update(case=case, lang=lang) or FakeApp())
    out = cli("tui", "--lang", "zh")
    assert out.exit_code == 0 and seen == {"case": None, "lang": "zh", "ran": True}


async def test_m_exports_the_memo_of_the_current_state(bundled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.md").write_text("keep me", encoding="utf-8")
    app = make_app(bundled, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2", "down", "shift+right", "shift+right")  # unsaved weights
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        box = dialog.query_one("#memo-path")
        box.value = "memo.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot write a memo as '.txt'" in str(dialog.query_one("#memo-status").render())
        box.value = "taken.md"
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in str(dialog.query_one("#memo-status").render())
        box.value = "memo.md"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "WeightsScreen"
        weights = dict(app.weights)
    text = (tmp_path / "memo.md").read_text(encoding="utf-8")
    assert (tmp_path / "taken.md").read_text(encoding="utf-8") == "keep me"
    assert "current_weights" in text  # the unsaved weights, carried as an in-memory profile
    assert f"{weights['citizen_rights']:.4f}" in text  # the weights on screen are in the provenance
    assert "备忘录" in text or "决策" in text  # written in the UI's language
