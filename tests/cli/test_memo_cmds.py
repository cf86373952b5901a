"""`negotiator memo`: safe writing (atomic, no overwrite without --force, clean refusals) and reproducibility."""

from __future__ import annotations

import difflib
import os

import pytest

DATE = "2026-07-01"


def _no_leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("name", ["memo.pdf", "memo.txt", "memo", "memo.docx.bak"])
def test_unknown_extension_is_refused_before_any_work(cli, tmp_path, name):
    res = cli("memo", "-o", tmp_path / name, "--date", DATE)
    assert res.exit_code == 2
    assert "cannot write a memo as" in res.stderr and ".docx" in res.stderr
    assert "Traceback" not in res.stderr
    assert _no_leftovers(tmp_path) == []


def test_existing_file_is_kept_without_force(cli, tmp_path):
    target = tmp_path / "memo.md"
    target.write_text("precious\n")
    res = cli("memo", "-o", target, "--date", DATE)
    assert res.exit_code == 2
    assert "already exists" in res.stderr and "--force" in res.stderr
    assert target.read_text() == "precious\n"
    assert _no_leftovers(tmp_path) == ["memo.md"]


def test_force_overwrites(cli, tmp_path):
    target = tmp_path / "memo.md"
    target.write_text("old\n")
    res = cli("memo", "-o", target, "--date", DATE, "--force", "--samples", "100")
    assert res.exit_code == 0, res.stderr
    assert target.read_text(encoding="utf-8").startswith("# Decision memo")
    assert _no_leftovers(tmp_path) == ["memo.md"]  # no temporary file left behind


def test_missing_folder_is_a_clear_error(cli, tmp_path):
    res = cli("memo", "-o", tmp_path / "nowhere" / "memo.docx", "--date", DATE)
    assert res.exit_code == 2
    assert "does not exist" in res.stderr
    assert _no_leftovers(tmp_path) == []


def test_a_folder_as_output_is_refused(cli, tmp_path):
    (tmp_path / "memo.html").mkdir()
    res = cli("memo", "-o", tmp_path / "memo.html", "--date", DATE, "--force")
    assert res.exit_code == 2
    assert "is a folder" in res.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_is_refused(cli, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        res = cli("memo", "-o", locked / "memo.xlsx", "--date", DATE)
        assert res.exit_code == 2 and "cannot write" in res.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_failure_while_writing_leaves_no_partial_file(cli, tmp_path, monkeypatch):
    import negotiator.fileio as fileio

    real_replace = os.replace

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    res = cli("memo", "-o", tmp_path / "memo.csv", "--date", DATE, "--samples", "100")
    monkeypatch.setattr(fileio.os, "replace", real_replace)
    assert res.exit_code == 2
    assert "nothing was written" in res.stderr
    assert _no_leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--lang", "fr"], "unknown language 'fr'"),
        (["--date", "1 July"], "--date must be YYYY-MM-DD"),
        (["--date", "2026-02-30"], "not a calendar date"),
        (["--profile", "nope"], "unknown weight profile 'nope'"),
        (["--method", "nope"], "unknown method 'nope'"),
        (["--samples", "0"], "--samples must be at least 1"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(cli, tmp_path, args, message):
    res = cli("memo", "-o", tmp_path / "memo.md", *args)
    assert res.exit_code == 2
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    assert _no_leftovers(tmp_path) == []


def test_bad_case_file_exits_2_and_writes_nothing(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("negotiator: 1\nobjectives: {a: {label: A}}\noptions: {x: {label: X, scores: {a: yes}}}\n")
    out = tmp_path / "out"
    out.mkdir()
    res = cli("memo", bad, "-o", out / "memo.md", "--date", DATE)
    assert res.exit_code == 2
    assert "bad.yaml" in res.stderr
    assert list(out.iterdir()) == []


# The zip and SVG formats are where timestamps and random ids hide; the text formats are
# pure functions of the Memo, whose equality across builds test_report_memo.py checks.
@pytest.mark.parametrize("ext, lang", [("html", "zh"), ("docx", "zh"), ("xlsx", "en")])
def test_same_inputs_give_byte_identical_files(cli, tmp_path, ext, lang):
    a, b = tmp_path / f"a.{ext}", tmp_path / f"b.{ext}"
    for path in (a, b):
        res = cli("memo", "-o", path, "--lang", lang, "--date", DATE, "--seed", "7", "--samples", "200")
        assert res.exit_code == 0, res.stderr
        assert (f"wrote {path}" if lang == "en" else f"已写入 {path}") in res.stdout
    assert a.read_bytes() == b.read_bytes()


def test_only_the_date_differs_between_days(cli, tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    assert cli("memo", "-o", a, "--date", "2026-07-01", "--samples", "300").exit_code == 0
    assert cli("memo", "-o", b, "--date", "2026-07-02", "--samples", "300").exit_code == 0
    changed = [line for line in difflib.unified_diff(a.read_text().splitlines(), b.read_text().splitlines(), lineterm="", n=0) if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed and all("2026-07-0" in line for line in changed)


def test_default_date_is_today_utc(cli, tmp_path):
    import datetime as dt

    out = tmp_path / "m.md"
    assert cli("memo", "-o", out, "--samples", "100").exit_code == 0
    today = dt.datetime.now(dt.timezone.utc).date()
    body = out.read_text(encoding="utf-8")
    assert today.isoformat() in body or (today - dt.timedelta(days=1)).isoformat() in body


def test_memo_reports_what_it_wrote(cli, tmp_path):
    res = cli("memo", "-o", tmp_path / "m.md", "--date", DATE, "--samples", "100")
    assert res.exit_code == 0
    assert "wrote" in res.stdout and "m.md" in res.stdout and "sections: bottom_line, ranking, screened, robustness" in res.stdout


@pytest.mark.parametrize("lang, words", [("en", "only the sections: ranking, screened; a CSV holds the ranking table"), ("zh", "仅含章节：选项排序；因触碰红线而筛除的选项；CSV 只保存排序表")])
def test_memo_csv_says_it_holds_the_ranking_only(cli, tmp_path, lang, words):
    res = cli("memo", "-o", tmp_path / "m.csv", "--date", DATE, "--samples", "100", "--lang", lang)
    assert res.exit_code == 0, res.stderr
    assert words in res.stdout and "robustness" not in res.stdout and "稳健性" not in res.stdout


def test_help_stays_light():
    """The memo command module must not import the heavy libraries at import time."""
    import subprocess
    import sys

    code = "import sys, negotiator.cli.memo_cmds; print(sorted(m for m in ('docx', 'openpyxl', 'matplotlib', 'pandas', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_extension_is_case_insensitive_and_htm_means_html():
    from negotiator.report import format_of

    assert format_of("Memo.DOCX") == ".docx"
    assert format_of("memo.htm") == ".html"
    assert format_of("out/memo.v2.xlsx") == ".xlsx"
