"""`--format excel-csv`: the CSV, with a UTF-8 byte-order mark so that Excel shows Chinese
labels on double-click (issue 18). Plain `--format csv` stays without one, for scripts."""

from __future__ import annotations

import pytest

BOM = "\ufeff"

COMMANDS = [
    ("rank",),
    ("show", "--scores"),
    ("payoffs",),
    ("game",),
    ("sensitivity", "stability"),
    ("compare-methods",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_excel_csv_is_the_csv_with_a_byte_order_mark(cli, command):
    plain = cli(*command, "--format", "csv")
    excel = cli(*command, "--format", "excel-csv")
    assert plain.exit_code == excel.exit_code == 0, excel.stderr
    assert not plain.stdout.startswith(BOM)
    assert excel.stdout == BOM + plain.stdout
    assert "label_zh" in plain.stdout or "," in plain.stdout


def test_the_mark_does_not_leak_into_the_next_run(cli):
    assert cli("rank", "--format", "excel-csv").stdout.startswith(BOM)
    assert not cli("rank", "--format", "csv").stdout.startswith(BOM)
    assert not cli("rank", "--format", "json").stdout.startswith(BOM)


def test_excel_csv_keeps_chinese_labels_readable_as_utf8_sig(cli, tmp_path):
    import csv

    path = tmp_path / "ranking.csv"
    path.write_text(cli("rank", "--format", "excel-csv").stdout, encoding="utf-8", newline="")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["rank"] == "1"  # the mark is not glued to the first header
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rows[0]["label_zh"])
