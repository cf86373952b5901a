"""One guarded YAML reader (case/yamlio.py) for every YAML text: case files, workbook cells, CSV merges, the TUI's save.

Each hostile text (an alias bomb, a recursive alias, a non-plain tag) is
refused before anything is built: exit 2, one message naming the file and the
sheet/cell or line, well under a second (asserted loosely: the point is no hang).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import openpyxl
import pytest

from negotiator.case.catalog import load_case
from negotiator.case.yamlio import MAX_DEPTH, UnsafeYamlError, parse_yaml_fragment, parse_yaml_text
from negotiator.errors import CaseError

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parents[1] / "cases"
FULL = CASES / "full_features.yaml"

_LOL = ", ".join(['"lol"'] * 10)
_NAMES = "abcdefg"
#: Billion laughs in seven lines: 10**7 strings once every alias is copied out.
BOMB_LINES = [f"a: &a [{_LOL}]"] + [f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]" for p, n in zip(_NAMES, _NAMES[1:])]
#: The same in one flow value, as it would sit in a '(yaml)' cell.
BOMB_FLOW = "[" + ", ".join([f"&a [{_LOL}]"] + [f"&{n} [" + ", ".join([f"*{p}"] * 10) + "]" for p, n in zip(_NAMES, _NAMES[1:])]) + "]"

HOSTILE_BLOCK = {  # for the "Other sections" sheet, under a section name
    "alias bomb": ["bomb:"] + ["  " + line for line in BOMB_LINES],
    "recursive alias": ["loop: &x", "  - *x"],
    "python tag": ["evil: !!python/object/apply:os.system [echo hi]"],
    "omap tag": ["evil: !!omap [{a: 1}]"],
}
HOSTILE_FLOW = {  # for one '(yaml)' cell
    "alias bomb": BOMB_FLOW,
    "recursive alias": "&x [*x]",
    "python tag": "!!python/object/apply:os.system [echo hi]",
    "omap tag": "!!omap [{a: 1}]",
}
EXPECTED = {
    "alias bomb": "anchors and aliases would expand",
    "recursive alias": "recursive alias",
    "python tag": "the tag !!python/object/apply:os.system is not allowed",
    "omap tag": "the tag !!omap is not allowed",
}


@pytest.fixture(scope="module")
def full_xlsx(tmp_path_factory) -> Path:
    from negotiator.authoring import workbook_bytes

    path = tmp_path_factory.mktemp("book") / "full.xlsx"
    path.write_bytes(workbook_bytes(load_case(FULL)))
    return path


def _edited(src: Path, tmp_path: Path, change) -> Path:
    wb = openpyxl.load_workbook(src)
    change(wb)
    out = tmp_path / "hostile.xlsx"
    wb.save(out)
    return out


def _refused(cli, *args) -> str:
    start = time.perf_counter()
    result = cli(*args)
    elapsed = time.perf_counter() - start
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert elapsed < 5, f"took {elapsed:.1f} s"  # about 0.05 s here; before the guard, 44 s for the bomb
    err = " ".join(result.stderr.split())  # undo the terminal's line wrapping
    assert err.count("fix:") == 1, err  # one clear message
    return err


# -- workbooks ------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(HOSTILE_BLOCK))
def test_hostile_yaml_in_other_sections_is_refused(kind, cli, tmp_path, full_xlsx):
    rows: dict[str, int] = {}

    def change(wb):
        ws = wb["Other sections"]
        first = ws.max_row + 1
        rows["first"] = first
        for i, line in enumerate(HOSTILE_BLOCK[kind]):
            ws.cell(row=first + i, column=1, value=line)

    book = _edited(full_xlsx, tmp_path, change)
    out = tmp_path / "out.yaml"
    err = _refused(cli, "import", book, "-o", out)
    assert not out.exists()
    assert EXPECTED[kind] in err
    match = re.search(r"hostile\.xlsx: 'Other sections'!A(\d+):", err)
    assert match, err
    assert rows["first"] <= int(match.group(1)) < rows["first"] + len(HOSTILE_BLOCK[kind])


@pytest.mark.parametrize("kind", list(HOSTILE_FLOW))
@pytest.mark.parametrize("sheet, column", [("Objectives", "value (yaml)"), ("Constraints", "more (yaml)"), ("Weights", None)])
def test_hostile_yaml_in_a_yaml_cell_is_refused(kind, sheet, column, cli, tmp_path, full_xlsx):
    """A '(yaml)' column's cell, and a profile's form cell (row 2 of Weights), which may hold the whole profile in YAML."""
    cell: dict[str, str] = {}

    def change(wb):
        ws = wb[sheet]
        header = [c.value for c in ws[1]]
        row = 2
        if sheet == "Constraints":  # a row whose kind reads 'more (yaml)' (a budget row does not)
            row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value in ("limit", "package", "synergy"))
        target = ws.cell(row=row, column=header.index(column) + 1 if column else 2)
        target.value = HOSTILE_FLOW[kind]
        cell["ref"] = target.coordinate

    book = _edited(full_xlsx, tmp_path, change)
    out = tmp_path / "out.yaml"
    err = _refused(cli, "import", book, "-o", out)
    assert not out.exists()
    assert f"hostile.xlsx: {sheet}!{cell['ref']}: {EXPECTED[kind]}" in err


def test_a_syntax_error_in_a_yaml_cell_is_still_reported_with_the_rest(tmp_path, full_xlsx):
    from negotiator.authoring import import_workbook

    def change(wb):
        ws = wb["Objectives"]
        header = [c.value for c in ws[1]]
        ws.cell(row=2, column=header.index("value (yaml)") + 1, value="{kind: [unclosed")

    with pytest.raises(CaseError) as exc:
        import_workbook(_edited(full_xlsx, tmp_path, change))
    assert "not valid YAML" in exc.value.render() and not isinstance(exc.value, UnsafeYamlError)


# -- CSV merges -------------------------------------------------------------------


@pytest.fixture
def tiny(tmp_path) -> Path:
    p = tmp_path / "case.yaml"
    shutil.copyfile(CASES / "tiny.yaml", p)
    return p


def _scores(tmp_path: Path, text: str = "option,gain\na,7\n") -> Path:
    p = tmp_path / "scores.csv"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "kind, extra",
    [
        ("alias bomb", "\n".join(["labels:"] + ["  " + line for line in BOMB_LINES])),
        ("recursive alias", "labels: &x\n  - *x"),
        ("python tag", "labels: !!python/object/apply:os.system [echo hi]"),
        ("omap tag", "labels: !!omap [{a: 1}]"),
    ],
)
def test_csv_merge_into_a_hostile_case_is_refused(kind, extra, cli, tmp_path, tiny):
    tiny.write_text(tiny.read_text(encoding="utf-8") + extra + "\n", encoding="utf-8")
    before = tiny.read_bytes()
    err = _refused(cli, "import", _scores(tmp_path), "--into", tiny)
    assert EXPECTED[kind] in err
    assert re.search(rf"{re.escape(str(tiny))}:\d+:", err), err  # the case file and the line
    assert tiny.read_bytes() == before and not Path(f"{tiny}.bak").exists()


@pytest.mark.parametrize("kind", list(HOSTILE_FLOW))
def test_hostile_yaml_in_a_csv_cell_is_only_text(kind, cli, tmp_path, tiny):
    """CSV cells are numbers or low / likely / high, never YAML: the text is refused as a score, at its cell."""
    value = '"' + HOSTILE_FLOW[kind].replace('"', '""') + '"'
    err = _refused(cli, "import", _scores(tmp_path, f"option,gain\na,{value}\n"), "--into", tiny)
    assert "scores.csv:2" in err and "gain" in err


# -- the reader itself ------------------------------------------------------------


@pytest.mark.parametrize("kind", list(HOSTILE_FLOW))
def test_parse_yaml_fragment_names_the_file_and_cell(kind):
    with pytest.raises(UnsafeYamlError) as exc:
        parse_yaml_fragment(HOSTILE_FLOW[kind], "book.xlsx", "Weights!B2")
    (problem,) = exc.value.problems
    assert problem.file == "book.xlsx" and problem.where == "Weights!B2" and problem.hint
    assert EXPECTED[kind] in problem.message


def test_plain_yaml_and_small_aliases_still_read():
    assert parse_yaml_fragment("base: &b {x: 1}\nmore: {<<: *b, y: 2}\nlist: [*b, *b]") == {
        "base": {"x": 1},
        "more": {"x": 1, "y": 2},
        "list": [{"x": 1}, {"x": 1}],
    }
    assert parse_yaml_fragment("!!str 5") == "5"
    assert parse_yaml_fragment("") is None


def test_deep_nesting_is_not_called_an_alias_bomb():
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    with pytest.raises(UnsafeYamlError) as exc:
        parse_yaml_text(text, "deep.yaml")
    assert "nests more than" in exc.value.render() and "alias" not in exc.value.problems[0].message


def test_a_complex_key_is_refused_with_its_line():
    with pytest.raises(UnsafeYamlError) as exc:
        parse_yaml_text("negotiator: 1\n? [a, b]\n: 1\n", "keys.yaml")
    assert exc.value.problems[0].line == 2 and "keys are plain text" in exc.value.render()


def test_the_tui_save_reads_through_the_guard():
    from negotiator.case.edit import add_profile_text

    with pytest.raises(UnsafeYamlError) as exc:
        add_profile_text("negotiator: 1\nweights: &w\n  loop: *w\n", "p", {"a": 1.0}, source="case.yaml")
    assert exc.value.problems[0].file == "case.yaml"


def test_yaml_objects_are_made_only_by_the_guarded_reader_and_the_writer():
    package = ROOT / "negotiator"
    sources = {str(p.relative_to(package)): p.read_text(encoding="utf-8") for p in package.rglob("*.py")}
    makers = sorted(name for name, text in sources.items() if re.search(r"\bYAML\(", text))
    importers = sorted(name for name, text in sources.items() if re.search(r"from ruamel\.yaml(\.main)? import [^\n]*\bYAML\b|ruamel\.yaml\.YAML\b", text))
    assert makers == importers == ["authoring/yamlout.py", "case/yamlio.py"]
    writer = (package / "authoring" / "yamlout.py").read_text(encoding="utf-8")
    assert not re.search(r"\.(load|load_all|compose|parse)\s*\(", writer), "yamlout.py writes YAML; reading goes through case/yamlio.py"


# -- issue 15: size, echoed values, text that is no character -------------------------------


def _tiny_text() -> str:
    return (CASES / "tiny.yaml").read_text(encoding="utf-8")


def test_a_case_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path, cli, monkeypatch):
    from negotiator.case.yamlio import DEFAULT_MAX_CASE_MB, MAX_CASE_ENV

    monkeypatch.delenv(MAX_CASE_ENV, raising=False)
    path = tmp_path / "case.yaml"
    with path.open("w", encoding="utf-8") as fh:  # 6 MB of trailing comments: 14 s to read before the cap
        fh.write(_tiny_text())
        fh.write(("#" * 99 + "\n") * 60_000)
    start = time.perf_counter()
    result = cli("validate", path)
    assert time.perf_counter() - start < 5
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert f"the file is 6.0 MB, over the {DEFAULT_MAX_CASE_MB} MB a case file may be" in result.stderr
    assert f"{MAX_CASE_ENV}=7" in result.stderr
    monkeypatch.setenv(MAX_CASE_ENV, "7")
    assert cli("validate", path).exit_code == 0


@pytest.mark.parametrize("value", ["lots", "0", "-1", "nan"])
def test_a_bad_size_setting_is_named(value, cli, monkeypatch):
    from negotiator.case.yamlio import MAX_CASE_ENV

    monkeypatch.setenv(MAX_CASE_ENV, value)
    result = cli("validate", CASES / "tiny.yaml")
    assert result.exit_code == 2 and f"{MAX_CASE_ENV}=" in result.stderr and "Traceback" not in result.stderr


def test_text_over_the_size_cap_is_refused(monkeypatch):
    from negotiator.case.yamlio import MAX_CASE_ENV

    monkeypatch.setenv(MAX_CASE_ENV, "0.001")
    with pytest.raises(CaseError, match="over the 0.001 MB"):
        parse_yaml_text(_tiny_text() + "#" * 2000 + "\n", "edited.yaml")


def test_a_megabyte_id_is_echoed_as_its_start(tmp_path, cli):
    path = tmp_path / "case.yaml"
    path.write_text(_tiny_text().replace("  main: {gain: 2, cost: 1, risk: 1}", "  main:\n    ? " + "g" * 1_000_000 + "\n    : 2\n"), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 2
    assert "unknown objective '" + "g" * 59 + "…'" in result.stderr
    assert len(result.stderr) < 1000


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "x\\ud83d"])
def test_a_lone_surrogate_escape_is_refused_with_its_line(escape, tmp_path, cli):
    path = tmp_path / "case.yaml"
    path.write_text(_tiny_text().replace("label: Option A", f'label: "Option A {escape}"'), encoding="utf-8")
    for command in (("validate",), ("rank", "--format", "json")):
        result = cli(*command, path)
        assert result.exit_code == 2 and "Traceback" not in result.stderr
        assert f"{path}:10: the text holds" in result.stderr and "surrogate" in result.stderr


def test_a_surrogate_pair_written_as_two_escapes_is_a_character():
    assert parse_yaml_fragment('a: "\\ud83d\\ude00"') == {"a": "\U0001F600"}


def test_an_impossible_date_names_its_line():
    with pytest.raises(CaseError) as exc:
        parse_yaml_text("negotiator: 1\ntitle: 2026-02-30\n", "dates.yaml")
    assert exc.value.problems[0].line == 2 and "does not exist" in exc.value.render()
