"""CSV and XLSX that Excel and LibreOffice open as written (negotiator/render/spreadsheet_safe.py).

Sources for the traps tested here:
- OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): cells starting
  with = + - @ tab or carriage return are evaluated as formulas; prepend a single quote.
- Ziemann, Eren & El-Osta (2016), "Gene name errors are widespread in the scientific
  literature", Genome Biology 17:177: Excel turns SEPT2 / MARCH1 into dates.
- Excel and LibreOffice open a bare 1/3 as the date 3 January (day/month locales) or 1 March.
"""

from __future__ import annotations

import csv
import io
import json
import re
from fractions import Fraction
from pathlib import Path

import pytest

from hypothesis import given
from hypothesis import strategies as st

from negotiator.render.spreadsheet_safe import comment_lines, csv_cell, exact_text, looks_converted, number_text, read_exact, text_cell, unguard

CASES = Path(__file__).resolve().parents[1] / "cases"
FORMULA = ("=", "+", "-", "@", "\t", "\r")
FRACTION = re.compile(r"^-?\d+/\d+$")

# -- the cell rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "=HYPERLINK(\"http://evil\",\"click\")",
        "+SUM(A1)",
        "-2+3+cmd|' /C calc'!A0",  # OWASP's DDE example
        "@SUM(1+1)",
        "\t=1",
        "\r=1",
        "\uff1d1+1",  # full-width '='
    ],
)
def test_formula_starts_get_an_apostrophe(text):
    assert text_cell(text) == "'" + text
    assert unguard(text_cell(text)) == text


@pytest.mark.parametrize(
    "text, converted",
    [
        ("1-2", True),  # 2 January
        ("1/3", True),  # 3 January / 1 March
        ("2025-03-16", True),
        ("MAR1", True),  # Ziemann et al. 2016: MARCH1 -> 1-Mar
        ("SEPT2", True),
        ("dec1", True),
        ("16 March 2025", True),
        ("12:30", True),
        ("007", True),  # leading zeros dropped
        ("1234567890123456", True),  # rounded past 15 digits
        ("50%", True),
        ("1,000", True),
        ("1 1/2", True),
        ("Decision 1", False),
        ("Marchers", False),
        ("legal_position_against_bundling", False),
        ("0.6000000000000001", False),  # a decimal stays the number it is
        ("-0.25", False),
        ("1e-05", False),
        ("42", False),
    ],
)
def test_text_a_spreadsheet_would_convert(text, converted):
    assert looks_converted(text) is converted
    assert text_cell(text) == ("'" + text if converted else text)


@given(st.text(max_size=30) | st.sampled_from(["'x", "''", "=", "-", "1-2", "007", "-0.5", "MAR1", "'=1"]))
def test_guard_is_reversible_and_leaves_nothing_to_run(text):
    cell = text_cell(text)
    assert unguard(cell) == text
    if cell.startswith(FORMULA):
        assert _is_number(cell)
    assert cell.startswith("'") or not looks_converted(cell)


def test_numbers_are_plain_decimals():
    assert number_text(Fraction(1, 4)) == "0.25"
    assert number_text(Fraction(-1, 4)) == "-0.25"
    assert float(number_text(Fraction(1, 3))) == pytest.approx(1 / 3, abs=1e-15)
    assert number_text(Fraction(6, 3)) == "2"
    assert number_text(3) == "3" and number_text(0.1) == "0.1"
    assert number_text(float("nan")) == ""
    # a text that is a plain number stays one, sign and all
    assert csv_cell("-4") == "-4" and csv_cell(None) == ""


def test_exact_fractions_use_the_fraction_slash():
    assert exact_text(Fraction(1, 4)) == "1\u20444"
    assert exact_text(Fraction(-1, 4)) == "\u22121\u20444"
    assert exact_text(Fraction(3)) == "3"
    assert not looks_converted(exact_text(Fraction(1, 4)))
    assert not exact_text(Fraction(-1, 4)).startswith(FORMULA)
    assert read_exact(exact_text(Fraction(-7, 12))) == Fraction(-7, 12)


def test_comment_rows_guard_pieces_after_commas():
    text = comment_lines(["case: x,=HYPERLINK(1)", "weights: a=0.5, b=0.5", "Relations, -5 to 5", "a, -2+3+cmd|x", "multi\nline"])
    lines = text.splitlines()
    assert lines[0] == "# case: x,'=HYPERLINK(1)"
    assert lines[1] == "# weights: a=0.5, b=0.5"
    assert lines[2] == "# Relations, -5 to 5"  # a signed number then a word is no formula
    assert lines[3] == "# a, '-2+3+cmd|x"
    assert lines[4] == "# multi line"


# -- every command that writes CSV ----------------------------------------------------


def _hostile_case(tmp_path: Path) -> Path:
    """full_features.yaml with every label starting with a formula character, and ids that look like dates."""
    text = (CASES / "full_features.yaml").read_text(encoding="utf-8")
    prefixes = ["=HYPERLINK(\"\"http://x\"\")", "+SUM(1)", "-2+3+cmd|' /C calc'!A0", "@A1"]
    count = iter(range(10_000))

    def prefix(match: re.Match) -> str:
        return f'{match.group(1)}: "{prefixes[next(count) % 4]} '

    text = re.sub(r"\b(label|label_zh|title): \"", prefix, text)
    # the YAML above doubled the quotes for a CSV reader; in YAML a double quote is escaped
    text = text.replace('""http://x""', '\\"http://x\\"')
    text = re.sub(r"\btalks\b", "1-2", text)  # an option id that opens as 2 January
    text = re.sub(r"\bquiet_channel\b", "MAR1", text)  # ... and one that opens as 1 March
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    from negotiator.case.catalog import load_case

    path = _hostile_case(tmp_path_factory.mktemp("hostile"))
    loaded = load_case(path)  # still a valid case
    assert loaded.case.options["1-2"].label.startswith(("=", "+", "-", "@"))
    return path


CSV_COMMANDS = [
    ["rank"],
    ["rank", "--method", "promethee"],
    ["compare-methods"],
    ["analysts"],
    ["ahp"],
    ["payoffs"],
    ["game"],
    ["negotiate"],
    ["portfolio"],
    ["portfolio", "--top", "3"],
    ["portfolio", "--robust"],
    ["portfolio", "--core", "--samples", "100"],
    ["portfolio", "sweep", "-r", "staff", "--from", "5", "--to", "20", "--step", "5"],
    ["sensitivity", "sweep"],
    ["sensitivity", "stability"],
    ["sensitivity", "flip"],
    ["sensitivity", "smaa", "--samples", "200"],
    ["sensitivity", "tornado"],
    ["sensitivity", "scenarios"],
    ["show", "--scores"],
    ["show", "--rationale", "1-2"],
]

# Columns that hold numbers (every non-empty cell must read as a float).
NUMERIC = re.compile(
    r"^(rank|score|value|worst|max_regret|cap|share|count|gap_relative|equilibrium|component|pure|certified|row"
    r"|low|likely|high|current_weight|breakpoint_weight|room|swing|lead_at_low|lead_at_high|holistic_acceptability"
    r"|confidence_factor|expected_score|expected_rank|worst_rank|maximin|maximax|hurwicz|laplace|minimax_regret"
    r"|expected_value|rank_\d+|extreme_points|extreme_points_in_optimum|distance_\w+|rank_at_swap|worst_rank_at_swap)$"
    r"|^weight$|^(over|contribution|rank|score|value|regret|payoff|utility|above_batna|used|budget|slack|weight|central_weight|chosen|low|likely|high|china|us):"
)


def _rows(text: str) -> tuple[list[list[str]], list[str]]:
    body = [line for line in text.lstrip("\ufeff").splitlines() if not line.startswith("#")]
    comments = [line for line in text.splitlines() if line.startswith("#")]
    return list(csv.reader(io.StringIO("\n".join(body)))), comments


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def assert_spreadsheet_safe(text: str) -> dict[str, list[str]]:
    """The contract of every CSV negotiator writes; returns the columns by header."""
    rows, comments = _rows(text)
    assert rows, "no CSV rows"
    header = rows[0]
    for row in rows:
        for cell in row:
            assert not FRACTION.match(cell), f"fraction cell {cell!r} opens as a date"
            if cell.startswith(FORMULA):
                assert _is_number(cell), f"unguarded formula-like cell {cell!r}"
            if not _is_number(cell) and not cell.startswith("'"):
                assert not looks_converted(cell), f"cell {cell!r} would be converted by a spreadsheet"
    columns = {h: [r[j] for r in rows[1:] if j < len(r)] for j, h in enumerate(header)}
    for name, cells in columns.items():
        if NUMERIC.match(name):
            bad = [c for c in cells if c and not _is_number(c)]
            assert not bad, f"numeric column {name!r} holds {bad[:3]}"
    for line in comments:
        for piece in line.split(",")[1:]:
            p = piece.lstrip()
            assert not p.startswith(("=", "+", "@")), f"comment piece {piece!r}"
            if p.startswith("-"):
                assert re.match(r"-\d+(\.\d+)?(\s|$|[;)])", p), f"comment piece {piece!r}"
    return columns


@pytest.mark.parametrize("args", CSV_COMMANDS, ids=lambda a: " ".join(a))
def test_every_csv_command_is_spreadsheet_safe(cli, hostile, args):
    r = cli(*args, hostile, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    columns = assert_spreadsheet_safe(r.stdout)
    numeric = [h for h in columns if NUMERIC.match(h)]
    assert numeric and all(columns[h] for h in numeric), f"no numeric data in {list(columns)}"


@pytest.mark.parametrize("args", [["rank"], ["payoffs"], ["show", "--scores"], ["portfolio", "--core", "--samples", "100"]], ids=lambda a: " ".join(a))
def test_labels_from_the_case_are_shown_not_run(cli, hostile, args):
    r = cli(*args, hostile, "--format", "csv")
    rows, _ = _rows(r.stdout)
    labels = [c for row in rows for c in row if c.startswith("'")]
    assert any(c.startswith("'=HYPERLINK") for c in labels) or any(c.startswith("'-2+3+cmd") for c in labels), labels[:5]
    ids = {row[0] for row in rows} | {row[1] for row in rows if len(row) > 1}
    assert "'1-2" in ids or "'MAR1" in ids


def test_methods_csv_is_csv(cli):
    r = cli("methods", "--format", "csv")
    assert r.exit_code == 0
    rows, comments = _rows(r.stdout)
    assert rows[0] == ["method", "conventions"] and {row[0] for row in rows[1:]} >= {"additive", "topsis"}
    assert comments and "negotiator" in comments[0]


def test_game_fractions_are_decimals_with_exact_columns(cli):
    """The bundled game has a mixed equilibrium (1/4, 3/4) with payoff -1/4 for the US."""
    r = cli("game", "--format", "csv")
    columns = assert_spreadsheet_safe(r.stdout)
    exact = json.loads(cli("game", "--format", "json").stdout)
    for k, eq in enumerate(exact["equilibria"]):
        for player in ("china", "us"):
            for strategy, p in eq[player].items():
                assert float(columns[f"{player}:{strategy}"][k]) == pytest.approx(float(Fraction(p)), abs=1e-12)
                assert read_exact(columns[f"exact:{player}:{strategy}"][k]) == Fraction(p)
        for i, player in enumerate(("china", "us")):
            assert read_exact(columns[f"exact:payoff:{player}"][k]) == Fraction(eq["payoffs"][i])
    assert "\u22121\u20444" in columns["exact:payoff:us"]  # -1/4, as the table shows it


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_memo_csv_is_spreadsheet_safe(cli, hostile, tmp_path, lang):
    out = tmp_path / f"memo_{lang}.csv"
    r = cli("memo", hostile, "-o", out, "--lang", lang, "--date", "2026-07-01", "--samples", "200")
    assert r.exit_code == 0, r.stderr
    columns = assert_spreadsheet_safe(out.read_text(encoding="utf-8-sig"))
    assert all(_is_number(c) for c in columns["score"] if c)
    assert any(c.startswith("'") for c in columns["option"])


# -- XLSX: numbers are numeric cells, text stays text ---------------------------------


def test_memo_xlsx_numbers_are_numbers_and_formulas_stay_text(cli, hostile, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "memo.xlsx"
    r = cli("memo", hostile, "-o", out, "--date", "2026-07-01", "--samples", "200")
    assert r.exit_code == 0, r.stderr
    wb = load_workbook(out)
    formulas = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert not formulas, formulas[:3]
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("=HYPERLINK") for t in texts)  # shown as written, as text
    ranking = wb.worksheets[1]  # the ranked table: rank, option, option id, family, score, one column per objective
    body = [row for row in ranking.iter_rows(min_row=2, values_only=True) if row[2] is not None]  # below: a blank row, the note
    assert body and all(isinstance(row[0], int) for row in body)
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for row in body for v in row[4:])
    assert any(isinstance(row[1], str) and row[1].startswith(("=", "+", "-", "@")) for row in body)


def test_export_workbook_point_scores_are_numbers(cli, hostile, tmp_path):
    """`negotiator export`: a point score is a numeric cell equal to the YAML; a range is the
    text "l / m / h" that `negotiator import` reads back; no other text looks like a number."""
    from openpyxl import load_workbook

    from negotiator.case.catalog import load_case

    out = tmp_path / "case.xlsx"
    r = cli("export", hostile, "-o", out)
    assert r.exit_code == 0, r.stderr
    wb = load_workbook(out)
    assert not [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    case = load_case(hostile).case
    sheet = list(wb["Scores"].iter_rows(values_only=True))
    header = sheet[0]
    checked = 0
    for row in sheet[1:]:
        if row[0] is None:
            continue  # blank rows left for new options
        option = case.options[row[0]]
        for obj, value in zip(header[1:], row[1:]):
            score = option.scores[obj]
            if isinstance(score, float):
                assert isinstance(value, (int, float)) and not isinstance(value, bool) and value == score, (row[0], obj, value)
                checked += 1
            elif isinstance(score, tuple) and not any(isinstance(v, str) for v in score):
                assert tuple(float(v) for v in value.split(" / ")) == score
    assert checked > 5
    numeric_text = re.compile(r"^\s*-?\d+(\.\d+)?(/\d+)?\s*$")
    stray = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str) and numeric_text.match(c.value)]
    assert not stray, stray[:3]


# -- what a real spreadsheet makes of it ------------------------------------------------


@pytest.fixture(scope="module")
def all_csv(hostile, tmp_path_factory) -> dict[str, str]:
    """The CSV of every command (hostile case; the bundled game for its fractions; the memo)."""
    from negotiator.testing import run_cli as cli

    sources = {"_".join(args).replace("-", ""): cli(*args, hostile, "--format", "csv").stdout for args in CSV_COMMANDS}
    sources["game_bundled"] = cli("game", "--format", "csv").stdout
    memo = tmp_path_factory.mktemp("memo") / "memo.csv"
    cli("memo", hostile, "-o", memo, "--date", "2026-07-01", "--samples", "200")
    sources["memo"] = memo.read_text(encoding="utf-8-sig")
    return sources


@pytest.mark.parametrize("locale", [1033, 2052], ids=["en-US", "zh-CN"])
def test_libreoffice_opens_every_csv_as_written(all_csv, tmp_path, locale):
    """LibreOffice Calc (headless) opens each CSV as a user would: no cell becomes a date, a
    time or a formula, and numeric columns are numbers. (Measured before this fix: the game's
    1/4 opened as 4 January 2026, a label =1+1 as a formula, in both locales.)"""
    import shutil
    import subprocess

    from openpyxl import load_workbook

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    sources = all_csv
    folder = tmp_path / "csv"
    folder.mkdir()
    for name, text in sources.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    out = tmp_path / "xlsx"
    cmd = [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore", "--convert-to", "xlsx",
           "--infilter=CSV:44,34,76,1,,%d" % locale, "--outdir", str(out)] + sorted(str(p) for p in folder.iterdir())
    try:
        subprocess.run(cmd, capture_output=True, timeout=240, check=False)
    except subprocess.TimeoutExpired:
        pytest.skip("LibreOffice did not finish")
    converted = sorted(out.glob("*.xlsx")) if out.exists() else []
    if len(converted) != len(sources):
        pytest.skip(f"LibreOffice converted {len(converted)} of {len(sources)} files")
    for path in converted:
        ws = load_workbook(path).active
        rows = [row for row in ws.iter_rows() if not str(row[0].value or "").startswith("#")]
        header = [c.value for c in rows[0]]
        for row in rows[1:]:
            for name, c in zip(header, row):
                assert c.data_type not in ("d", "f"), f"{path.stem}: {name} = {c.value!r} opened as {c.data_type}"
                if name and NUMERIC.match(str(name)) and c.value not in (None, ""):
                    assert c.data_type == "n", f"{path.stem}: {name} = {c.value!r} is not a number"
