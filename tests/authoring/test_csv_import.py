"""negotiator import scores.csv --into CASE: merge a pasted score matrix, keep the YAML's comments."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from negotiator.authoring import merge_scores_csv
from negotiator.case.catalog import load_case
from negotiator.errors import CaseError

CASES = Path(__file__).resolve().parents[1] / "cases"


@pytest.fixture
def tiny(tmp_path) -> Path:
    p = tmp_path / "tiny.yaml"
    shutil.copyfile(CASES / "tiny.yaml", p)
    return p


def _csv(tmp_path: Path, text: str, name: str = "scores.csv", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_merge_changes_only_the_score_lines_and_keeps_comments(cli, tmp_path, tiny):
    before = tiny.read_text(encoding="utf-8")
    scores = _csv(tmp_path, "option,gain,cost,risk\na,7,,2 / 3 / 5\nb,5,1 / 2 / 4,\n")
    result = cli("import", scores, "--into", tiny)
    assert result.exit_code == 0, result.stderr
    after = tiny.read_text(encoding="utf-8")
    changed = [ln for ln in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0) if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert changed == [
        "-    scores: {gain: 8, cost: 9, risk: [2, 3, 6]}",
        "+    scores: {gain: 7, cost: 9, risk: [2, 3, 5]}",
        "-    scores: {gain: 5, cost: [1, 3, 4], risk: 1}",
        "+    scores: {gain: 5, cost: [1, 2, 4], risk: 1}",
    ]
    assert "# derived scale: [1, 9]" in after  # comments survive
    assert (tmp_path / "tiny.yaml.bak").read_text(encoding="utf-8") == before
    case = load_case(tiny).case
    assert case.options["a"].scores == {"gain": 7.0, "cost": 9.0, "risk": (2.0, 3.0, 5.0)}
    out = _flat(result.stdout)
    assert "a / gain: 8 -> 7" in out and "changed 3 scores (1 already equal)" in out


def test_merge_into_the_bundled_case_folder(cli, tmp_path):
    folder = tmp_path / "case"
    assert cli("new", folder, "--from", "bundled").exit_code == 0
    options = folder / "strategies" / "options.yaml"
    before = options.read_text(encoding="utf-8")
    scores = _csv(tmp_path, "option;social_stability;resource_cost\nreintegration_support;9 / 9 / 10;6\n")  # semicolons, as European Excel writes
    result = cli("import", scores, "--into", folder)
    assert result.exit_code == 0, result.stderr
    after = options.read_text(encoding="utf-8")
    diff = [ln for ln in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0) if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert len(diff) == 4 and all("social_stability" in ln or "resource_cost" in ln for ln in diff)
    assert load_case(folder).case.options["reintegration_support"].scores["social_stability"] == (9.0, 9.0, 10.0)
    assert (folder / "strategies" / "options.yaml.bak").exists()
    assert not (folder / "payoffs" / "weights.yaml.bak").exists()  # untouched files are not rewritten


def test_unknown_ids_stop_the_merge_and_are_all_reported(cli, tmp_path, tiny):
    before = tiny.read_text(encoding="utf-8")
    scores = _csv(tmp_path, "option,gain,speed\na,7,1\nzz,1,1\n")
    result = cli("import", scores, "--into", tiny)
    assert result.exit_code == 2
    err = _flat(result.stderr)
    assert "scores.csv:1: unknown objective 'speed' in the header" in err
    assert "scores.csv:3: column A: unknown option 'zz'" in err
    assert tiny.read_text(encoding="utf-8") == before
    assert not (tmp_path / "tiny.yaml.bak").exists()


def test_skip_unknown_merges_the_rest(cli, tmp_path, tiny):
    scores = _csv(tmp_path, "option,gain,speed\na,7,1\nzz,1,1\n")
    result = cli("import", scores, "--into", tiny, "--skip-unknown")
    assert result.exit_code == 0, result.stderr
    assert "unknown option 'zz'" in _flat(result.stderr)
    assert load_case(tiny).case.options["a"].scores["gain"] == 7.0


def test_bad_cells_and_scale_breaks_name_the_csv_cell(cli, tmp_path, tiny):
    before = tiny.read_text(encoding="utf-8")
    scores = _csv(tmp_path, "option,gain,cost\na,hihg,2\nb,11,\n")
    result = cli("import", scores, "--into", tiny)
    assert result.exit_code == 2
    err = _flat(result.stderr)
    assert "scores.csv:2: column B (gain): 'hihg' is not a number" in err
    assert tiny.read_text(encoding="utf-8") == before
    # The out-of-scale 11 is caught by the case's own validation, and placed on the CSV cell.
    scores = _csv(tmp_path, "option,gain\nb,11\n")
    err = _flat(cli("import", scores, "--into", tiny).stderr)
    assert "scores.csv:2: column B (gain): score 11 is outside the declared scale [0, 10] of 'gain'" in err
    assert tiny.read_text(encoding="utf-8") == before


def test_dry_run_writes_nothing(tmp_path, tiny):
    before = tiny.read_text(encoding="utf-8")
    report = merge_scores_csv(_csv(tmp_path, "option,gain\na,1\n"), tiny, dry_run=True)
    assert [(c.option, c.objective, c.old, c.new) for c in report.changes] == [("a", "gain", 8, 1.0)]
    assert report.sha256_after != report.sha256_before and not report.written
    assert tiny.read_text(encoding="utf-8") == before


def test_not_utf8(cli, tmp_path, tiny):
    scores = _csv(tmp_path, "option,gain\n方案,1\n", encoding="gbk")
    result = cli("import", scores, "--into", tiny)
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


def test_duplicates_in_the_csv(tmp_path, tiny):
    with pytest.raises(CaseError) as exc:
        merge_scores_csv(_csv(tmp_path, "option,gain,gain\na,1,2\na,3,4\n"), tiny)
    text = " ".join(p.render() for p in exc.value.problems)
    assert "objective 'gain' heads two columns" in text and "option 'a' has two rows" in text


def test_csv_needs_into_and_workbook_needs_output(cli, tmp_path, tiny):
    scores = _csv(tmp_path, "option,gain\na,1\n")
    assert "--into" in _flat(cli("import", scores, "-o", tmp_path / "x.yaml").stderr)
    assert cli("import", tmp_path / "book.xlsx").exit_code == 2


def test_level_words_merge_where_the_objective_has_levels(cli, tmp_path):
    case = tmp_path / "full.yaml"
    shutil.copyfile(CASES / "full_features.yaml", case)
    scores = _csv(tmp_path, "option,goodwill,net_cost\ndo_nothing,medium / high / high,high\n")
    err = _flat(cli("import", scores, "--into", case).stderr)
    assert "column C (net_cost): 'high' is not a number" in err  # net_cost has no levels
    scores = _csv(tmp_path, "option,goodwill\ndo_nothing,medium / high / high\nquiet_channel,hihg\n")
    err = _flat(cli("import", scores, "--into", case).stderr)
    assert "scores.csv:3: column B (goodwill):" in err and "'hihg' is not one of its levels (low, medium, high)" in err
    scores = _csv(tmp_path, "option,goodwill\ndo_nothing,medium / high / high\n")
    assert cli("import", scores, "--into", case).exit_code == 0
    assert "goodwill: [medium, high, high]" in case.read_text(encoding="utf-8")
    assert load_case(case).case.options["do_nothing"].scores["goodwill"] == ("medium", "high", "high")


# -- the score matrix export read back (show --scores --format csv) -----------------------------


def test_show_scores_csv_edited_in_a_spreadsheet_merges_back(cli, tmp_path):
    # Export -> edit -> import: the loop an analyst runs with Excel. Unedited, nothing changes;
    # an edited point and an edited range are written back, ranges as [low, likely, high].
    case = tmp_path / "case.yaml"
    assert cli("new", str(case), "--from", "bundled").exit_code == 0
    exported = cli("show", str(case), "--scores", "--format", "csv")
    assert exported.exit_code == 0
    path = tmp_path / "scores.csv"
    path.write_text(exported.stdout, encoding="utf-8")
    same = cli("import", str(path), "--into", str(case))
    assert same.exit_code == 0 and "changed 0 scores" in same.stdout

    import csv
    import io

    rows = list(csv.reader(io.StringIO(exported.stdout)))
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "option")
    header = rows[header_at]
    row = next(r for r in rows if r and r[0] == "legal_position_against_bundling")
    for part, value in (("low", "6"), ("likely", "7"), ("high", "9")):
        row[header.index(f"{part}:sovereignty_jurisdiction")] = value
    for part in ("low", "likely", "high"):
        row[header.index(f"{part}:citizen_rights")] = "4"
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    merged = cli("import", str(path), "--into", str(case))
    assert merged.exit_code == 0, merged.stderr
    assert "changed 2 scores" in merged.stdout
    from negotiator.case.catalog import load_case

    scores = load_case(case).case.options["legal_position_against_bundling"].scores
    assert scores["sovereignty_jurisdiction"] == (6.0, 7.0, 9.0)
    assert scores["citizen_rights"] == 4.0


def test_show_scores_csv_missing_a_part_column_is_refused(cli, tmp_path):
    case = tmp_path / "case.yaml"
    assert cli("new", str(case), "--from", "bundled").exit_code == 0
    text = cli("show", str(case), "--scores", "--format", "csv").stdout.replace("high:citizen_rights", "hihg:citizen_rights")
    path = tmp_path / "scores.csv"
    path.write_text(text, encoding="utf-8")
    before = case.read_bytes()
    result = cli("import", str(path), "--into", str(case))
    assert result.exit_code == 2 and "lacks the column(s) high:citizen_rights" in result.stderr
    assert case.read_bytes() == before  # nothing written


# -- options sharing scores through YAML anchors (issue 15) --------------------

_SHARED = """negotiator: 1
title: Shared
objectives:
  gain: {label: Gain, direction: max, scale: [0, 10]}
  cost: {label: Cost, direction: min, scale: [0, 10]}
options:
  a:
    label: A
    scores: &s {gain: 5, cost: [2, 3, 4]}
  b:
    label: B
    scores: *s
  c: &c
    label: C
    scores: {gain: 1, cost: 1}
  d:
    <<: *c
    label: D
weights:
  main: {gain: 1, cost: 1}
"""


@pytest.fixture
def shared(tmp_path) -> Path:
    p = tmp_path / "shared.yaml"
    p.write_text(_SHARED, encoding="utf-8")
    return p


def _scores_of(path: Path) -> dict:
    return {oid: dict(o.scores) for oid, o in load_case(path).case.options.items()}


@pytest.mark.parametrize("option", ["a", "b"])
def test_merge_into_one_of_two_options_sharing_an_anchor_changes_only_that_one(option, cli, tmp_path, shared):
    before = _scores_of(shared)
    result = cli("import", _csv(tmp_path, f"option,gain\n{option},9\n"), "--into", shared)
    assert result.exit_code == 0, result.stderr
    assert "changed 1 score" in _flat(result.stdout)
    after = _scores_of(shared)
    assert after[option]["gain"] == 9
    assert {k: v for k, v in after.items() if k != option} == {k: v for k, v in before.items() if k != option}
    assert after[option]["cost"] == before[option]["cost"]  # the rest of its scores kept


def test_merge_into_an_option_that_inherits_its_scores_with_a_merge_key(cli, tmp_path, shared):
    before = _scores_of(shared)
    result = cli("import", _csv(tmp_path, "option,gain\nd,7\n"), "--into", shared)
    assert result.exit_code == 0, result.stderr
    after = _scores_of(shared)
    assert after["d"] == {**before["d"], "gain": 7} and after["c"] == before["c"]


def test_merge_that_would_reach_an_option_merged_from_it_is_refused(cli, tmp_path, shared):
    result = cli("import", _csv(tmp_path, "option,gain\nc,7\n"), "--into", shared)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    err = _flat(result.stderr)
    assert "shared.yaml" in err and "scores the CSV does not name" in err
    assert shared.read_text(encoding="utf-8") == _SHARED and not Path(f"{shared}.bak").exists()


# -- hostile CSV files (issue 15) ----------------------------------------------


def _refused(cli, scores: Path, case: Path) -> str:
    before = case.read_bytes()
    result = cli("import", scores, "--into", case)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert case.read_bytes() == before and not Path(f"{case}.bak").exists()
    return _flat(result.stderr)


@pytest.mark.parametrize("eol", ["\r", "\r\n", "\n"])
def test_cr_only_and_crlf_line_endings_are_read(eol, tmp_path, tiny):
    """Classic Mac Excel writes CR-only lines: _csv.Error before."""
    scores = _csv(tmp_path, eol.join(["option,gain", "a,7", "b,4", ""]))
    report = merge_scores_csv(scores, tiny, dry_run=True)
    assert {(c.option, c.new) for c in report.changes} == {("a", 7.0), ("b", 4.0)}


def test_a_cell_over_128_kb_is_a_clear_error(cli, tmp_path, tiny):
    err = _refused(cli, _csv(tmp_path, "option,gain\na," + "9" * 200_000 + "\n"), tiny)
    assert "scores.csv:2: a cell is longer than 131,072 characters" in err


def test_an_unclosed_quote_is_a_clear_error(cli, tmp_path, tiny):
    err = _refused(cli, _csv(tmp_path, 'option,gain\na,"7\nb,' + "x" * 140_000 + "\n"), tiny)
    assert "scores.csv" in err and "longer than" in err and 'a quote (") left open' in err


def test_comment_lines_are_skipped(tmp_path, tiny):
    """A '#' line before the header was read as the header ('unknown option option')."""
    scores = _csv(tmp_path, "# pasted from the team sheet, 3 Dec\noption,gain\n# a is provisional\na,7\n")
    report = merge_scores_csv(scores, tiny, dry_run=True)
    assert [(c.option, c.objective, c.new) for c in report.changes] == [("a", "gain", 7.0)]


def test_a_comment_only_csv_says_so(cli, tmp_path, tiny):
    assert "only comment lines" in _refused(cli, _csv(tmp_path, "# nothing yet\n"), tiny)


def test_a_decimal_comma_gets_a_hint(cli, tmp_path, tiny):
    err = _refused(cli, _csv(tmp_path, "option;gain\na;8,5\n"), tiny)
    assert "scores.csv:2: column B (gain): '8,5'" in err and "write decimals with a point: 8.5" in err


def test_a_decimal_comma_in_a_comma_separated_file_does_not_shift_columns(cli, tmp_path, tiny):
    """8,5 unquoted splits into two cells: it used to merge cost = 5 silently and drop the last cell."""
    err = _refused(cli, _csv(tmp_path, "option,gain,cost\na,8,5,3\n"), tiny)
    assert "scores.csv:2: column D: this row has 4 cells but the header has 3" in err and "decimal comma" in err


def test_many_unknown_ids_are_listed_up_to_twenty_then_counted(tmp_path, tiny):
    scores = _csv(tmp_path, "option,gain\n" + "".join(f"x{i},5\n" for i in range(500)))
    with pytest.raises(CaseError) as exc:
        merge_scores_csv(scores, tiny)
    messages = [p.message for p in exc.value.problems]
    assert messages[:2] == ["unknown option 'x0'", "unknown option 'x1'"] and len(messages) == 21
    assert messages[-1] == "and 480 more unknown options (the first 20 are listed above)"
    assert exc.value.problems[1].line == 3


def test_a_huge_csv_is_refused_before_it_is_read(tmp_path, tiny, monkeypatch):
    from negotiator.authoring import csv_import

    monkeypatch.setattr(csv_import, "MAX_CSV_BYTES", 100)
    with pytest.raises(CaseError, match="a score CSV may be at most"):
        merge_scores_csv(_csv(tmp_path, "option,gain\n" + "a,7\n" * 50), tiny)


def test_the_backup_of_a_merge_does_not_follow_a_symlink(cli, tmp_path, tiny):
    """A pre-existing tiny.yaml.bak -> other.txt got other.txt overwritten with the case."""
    other = tmp_path / "other.txt"
    other.write_text("not yours", encoding="utf-8")
    (tmp_path / "tiny.yaml.bak").symlink_to(other)
    before = tiny.read_bytes()
    result = cli("import", _csv(tmp_path, "option,gain\na,7\n"), "--into", tiny)
    assert result.exit_code == 0, result.stderr
    assert other.read_text(encoding="utf-8") == "not yours"
    bak = tmp_path / "tiny.yaml.bak"
    assert not bak.is_symlink() and bak.read_bytes() == before
