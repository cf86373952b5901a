"""negotiator export / import: round trips and every kind of bad workbook.

Round trips: YAML -> xlsx -> YAML keeps the case_sha256 (the hash of the
validated content), and xlsx -> YAML -> xlsx keeps every cell value, on the
bundled case and on tests/cases/full_features.yaml.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from negotiator.authoring import import_workbook, workbook_bytes
from negotiator.case.catalog import load_case, load_case_text
from negotiator.errors import CaseError

CASES = Path(__file__).resolve().parents[1] / "cases"
FULL = CASES / "full_features.yaml"


@pytest.fixture(scope="module")
def bundled():
    return load_case()


@pytest.fixture(scope="module")
def full():
    return load_case(FULL)


@pytest.fixture(scope="module")
def bundled_xlsx(bundled) -> bytes:
    return workbook_bytes(bundled)


@pytest.fixture(scope="module")
def full_xlsx(full) -> bytes:
    return workbook_bytes(full)


@pytest.fixture(scope="module")
def imported(request, tmp_path_factory):
    """Each round-trip case exported and imported once, shared by the round-trip tests (they are the slow ones)."""
    cache: dict[str, tuple] = {}

    def get(which: str):
        if which not in cache:
            folder = tmp_path_factory.mktemp(which)
            book = _write(folder, request.getfixturevalue(f"{which}_xlsx"), "first.xlsx")
            result = import_workbook(book)
            cache[which] = (book, result, result.yaml_text())
        return cache[which]

    return get


def _write(tmp_path: Path, data: bytes, name: str = "book.xlsx") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _edit(tmp_path: Path, data: bytes, change, name: str = "edited.xlsx") -> Path:
    """Apply ``change(workbook)`` to a copy of an exported workbook, as a person would in Excel."""
    src = _write(tmp_path, data, "source.xlsx")
    wb = openpyxl.load_workbook(src)
    change(wb)
    out = tmp_path / name
    wb.save(out)
    return out


def _cells(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
        while rows and all(v is None for v in rows[-1]):
            rows.pop()
        out[ws.title] = [tuple(v for v in r) for r in rows]
    # The provenance line names the source file, which differs between the two exports.
    out["Read me"] = [r for r in out["Read me"] if not (r and isinstance(r[0], str) and r[0].startswith("Exported by"))]
    return out


def _problems(exc: pytest.ExceptionInfo) -> str:
    return "\n".join(p.render() for p in exc.value.problems)


# -- round trips ------------------------------------------------------------


@pytest.mark.parametrize("which", ["bundled", "full"])
def test_yaml_to_xlsx_to_yaml_keeps_the_case_hash(which, request, imported):
    loaded = request.getfixturevalue(which)
    _, result, text = imported(which)
    assert result.loaded.sha256 == loaded.sha256
    again = load_case_text(text, "again.yaml")
    assert again.sha256 == loaded.sha256
    assert again.case == loaded.case


@pytest.mark.parametrize("which", ["bundled", "full"])
def test_xlsx_to_yaml_to_xlsx_keeps_every_cell(which, imported, tmp_path, cli):
    first, _, text = imported(which)
    (tmp_path / "case.yaml").write_text(text, encoding="utf-8")  # what `import -o case.yaml` writes
    assert cli("export", tmp_path / "case.yaml", "-o", tmp_path / "second.xlsx").exit_code == 0
    assert _cells(first) == _cells(tmp_path / "second.xlsx")


def test_a_workbook_edited_by_hand_round_trips_cell_for_cell(full_xlsx, tmp_path, cli):
    def change(wb):
        # Typed into the first free row, as a person would (the sheets keep spare unlocked rows below).
        for sheet, values in (
            ("Scores", ["new_option", 5, 2, "-1 / 0 / 2", "low / medium / 7", 0.4]),
            ("Options", ["new_option", "New option", "新方案", "三", None, "talks", None, 1, None, None, "added in Excel"]),
            ("Score notes", ["new_option", None, "costed by finance", None, None, None]),
        ):
            ws = wb[sheet]
            row = 1 + sum(1 for r in ws.iter_rows(values_only=True) if any(v is not None for v in r))
            for col, value in enumerate(values, start=1):
                ws.cell(row=row, column=col, value=value)
        wb["Scores"]["B2"] = "3 / 4.5 / 6"

    first = _edit(tmp_path, full_xlsx, change)
    assert cli("import", first, "-o", tmp_path / "case.yaml").exit_code == 0
    case = load_case(tmp_path / "case.yaml").case
    assert case.options["new_option"].requires == ["talks"]
    assert case.options["new_option"].scores["relations"] == (-1.0, 0.0, 2.0)
    assert case.options["new_option"].scores["goodwill"] == ("low", "medium", 7.0)  # level words
    assert case.options["verify_identity"].scores["orderly_reception"] == (3.0, 4.5, 6.0)
    assert case.options["new_option"].notes == {"net_cost": "costed by finance"}
    assert cli("export", tmp_path / "case.yaml", "-o", tmp_path / "second.xlsx").exit_code == 0
    assert _cells(first) == _cells(tmp_path / "second.xlsx")


def test_every_feature_survives(full, tmp_path, full_xlsx):
    case = import_workbook(_write(tmp_path, full_xlsx)).loaded.case
    assert case.description == full.case.description and "\n" in case.description
    assert case.options["verify_identity"].notes["screening"].startswith("= the main reason")
    assert list(case.weights["cost_conscious"]) == ["net_cost", "orderly_reception", "relations"]
    assert case.weights["screening_order"] == ["screening", "orderly_reception", "relations"]
    assert case.constraints.synergies[1].label is None
    assert case.games == full.case.games and case.negotiations == full.case.negotiations
    assert case.objectives["net_cost"].scale is None
    assert case.options["verify_identity"].label == 'Verify identity, "multi-round"'


def test_ranges_are_one_cell_low_likely_high(full_xlsx, tmp_path):
    wb = openpyxl.load_workbook(_write(tmp_path, full_xlsx))
    ws = wb["Scores"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "verify_identity")
    assert row[header.index("orderly_reception")] == "4 / 5.5 / 7"
    assert row[header.index("net_cost")] == 3


def test_workbook_is_protected_frozen_and_has_drop_downs(full_xlsx, tmp_path):
    wb = openpyxl.load_workbook(_write(tmp_path, full_xlsx))
    assert wb["Scores"].freeze_panes == "B2"
    assert wb["Weights"].freeze_panes == "B3"
    options = wb["Options"]
    assert options.protection.sheet is True
    assert options["A2"].protection.locked is True  # an existing id
    assert options["B2"].protection.locked is False  # its label
    assert options[f"A{options.max_row}"].protection.locked is False  # room for new options
    assert options.column_dimensions["C"].protection.locked is False  # new rows and columns are editable
    directions = [dv for dv in wb["Objectives"].data_validations.dataValidation]
    assert any(dv.formula1 == '"max,min"' for dv in directions)
    ids = [dv.formula1 for dv in wb["Scenario scores"].data_validations.dataValidation]
    assert any(f.startswith("Options!$A$2") for f in ids) and any(f.startswith("Objectives!$A$2") for f in ids)
    assert wb["Key order"].sheet_state == "hidden"
    assert any("case_sha256" in (r[0] or "") for r in wb["Read me"].iter_rows(values_only=True))


# -- bad workbooks: one clear message per problem, exit 2, nothing written ----


def _import_fails(cli, book: Path, tmp_path: Path) -> str:
    out = tmp_path / "out.yaml"
    result = cli("import", book, "-o", out)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert not out.exists()
    assert "Traceback" not in result.stderr
    return " ".join(result.stderr.split())  # undo the terminal's line wrapping


def test_missing_sheet(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb.remove(wb["Weights"]))
    err = _import_fails(cli, book, tmp_path)
    assert "no sheet 'Weights'" in err


def test_renamed_option_id(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Scores"].__setitem__("A3", "triage_renamed"))
    err = _import_fails(cli, book, tmp_path)
    assert "Scores!A3: option 'triage_renamed' is not on the Options sheet" in err
    assert "Options!A3: option 'triage' has no row on the Scores sheet" in err


def test_renamed_objective_id(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Objectives"].__setitem__("A3", "cost"))
    err = _import_fails(cli, book, tmp_path)
    assert "Scores!C1: objective 'net_cost' is not on the Objectives sheet" in err
    assert "Objectives!A3: objective 'cost' has no column on the Scores sheet" in err


def test_duplicated_id(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Options"].__setitem__("A4", "triage"))
    err = _import_fails(cli, book, tmp_path)
    assert "Options!A4: option id 'triage' appears twice (also at Options!A3)" in err


def test_score_not_a_number(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Scores"].__setitem__("D4", "hihg"))
    err = _import_fails(cli, book, tmp_path)
    assert "Scores!D4: 'hihg' is not a number" in err
    assert "no score for" not in err  # said once, at the cell


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("5 / 6", "a range is three numbers, low / likely / high (got 2)"),
        ("5 / x / 7", "'x' is not a number"),
        ("3 / 2 / 1", "a range must be ordered low <= likely <= high"),
    ],
)
def test_score_not_a_range(cli, tmp_path, full_xlsx, typed, expected):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Scores"].__setitem__("B2", typed))
    err = _import_fails(cli, book, tmp_path)
    assert "Scores!B2: " in err and expected in err


def test_score_outside_scale_names_the_cell(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Scores"].__setitem__("B3", 12))
    err = _import_fails(cli, book, tmp_path)
    assert "Scores!B3: score 12 is outside the declared scale [0, 10] of 'orderly_reception'" in err


def test_date_made_by_excel(cli, tmp_path, full_xlsx):
    import datetime

    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Scores"].__setitem__("B3", datetime.datetime(2007, 5, 6)))
    err = _import_fails(cli, book, tmp_path)
    assert "Scores!B3: the spreadsheet turned this cell into a date" in err


def test_merged_cells(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Options"].merge_cells("B2:C2"))
    err = _import_fails(cli, book, tmp_path)
    assert "Options!B2:C2: merged cells" in err


def test_empty_row_in_the_middle(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Options"].insert_rows(3))
    err = _import_fails(cli, book, tmp_path)
    assert "Options!A3: an empty row in the middle of the table" in err


def test_formula_without_saved_value(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Scores"].__setitem__("C2", "=1+2"))
    err = _import_fails(cli, book, tmp_path)
    assert "Scores!C2: a formula (=1+2) with no saved value" in err


def _with_saved_value(path: Path, sheet_xml: str, formula: str, value: str) -> None:
    """Write a formula's saved result into the file, as Excel does when it saves."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == sheet_xml:
                text = data.decode("utf-8")
                text, n = re.subn(rf"<f>{re.escape(formula)}</f>(<v\s*/>|<v></v>)?", f"<f>{formula}</f><v>{value}</v>", text)
                assert n == 1
                data = text.encode("utf-8")
            zout.writestr(item, data)
    tmp.replace(path)


def test_formula_with_saved_value_is_read(cli, tmp_path, full_xlsx):
    book = _edit(tmp_path, full_xlsx, lambda wb: wb["Scores"].__setitem__("C2", "=1+2"))
    wb = openpyxl.load_workbook(book)
    index = wb.sheetnames.index("Scores") + 1
    _with_saved_value(book, f"xl/worksheets/sheet{index}.xml", "1+2", "3")
    out = tmp_path / "out.yaml"
    result = cli("import", book, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "Scores!C2 holds a formula (=1+2); its saved value 3 was used" in result.stderr
    assert load_case(out).case.options["verify_identity"].scores["net_cost"] == 3.0


def test_xls_file(cli, tmp_path):
    # An Excel 97-2003 file is an OLE2 compound document: it starts with this signature.
    book = tmp_path / "old.xls"
    book.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024 + "Workbook".encode("utf-16-le"))
    err = _import_fails(cli, book, tmp_path)
    assert "old Excel 97-2003 .xls workbook" in err


def test_password_protected_workbook(cli, tmp_path):
    # An encrypted .xlsx is an OLE2 container holding an 'EncryptedPackage' stream.
    book = tmp_path / "secret.xlsx"
    book.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64)
    err = _import_fails(cli, book, tmp_path)
    assert "password-protected (encrypted)" in err


@pytest.mark.parametrize("content", [b"option,gain\na,1\n", b"", b"PK\x03\x04garbage"])
def test_not_a_workbook(cli, tmp_path, content):
    book = tmp_path / "fake.xlsx"
    book.write_bytes(content)
    err = _import_fails(cli, book, tmp_path)
    assert "fake.xlsx" in err and ("does not start like an .xlsx workbook" in err or "not a readable .xlsx workbook" in err)


def test_a_zip_that_is_not_a_workbook(cli, tmp_path):
    book = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("hello.txt", "hi")
    err = _import_fails(cli, book, tmp_path)
    assert "not a readable .xlsx workbook" in err


def test_every_problem_at_once(cli, tmp_path, full_xlsx):
    def change(wb):
        wb["Scores"]["D4"] = "hihg"
        wb["Objectives"]["D3"] = "down"
        wb["Weights"]["C3"] = "lots"
        wb["Scenarios"]["D2"] = 0.9
        wb["Options"]["H4"] = "nobody"

    err = _import_fails(cli, _edit(tmp_path, full_xlsx, change), tmp_path)
    assert "Scores!D4: 'hihg' is not a number" in err
    assert "Objectives!D3:" in err and "'max' or 'min'" in err
    assert "Weights!C3: 'lots' is not a number" in err
    assert "Options!H4: option 'talks' excludes unknown option 'nobody'" in err or "Options!H4" in err


def test_probabilities_not_summing_to_one_are_reported_in_the_sheet(cli, tmp_path, full_xlsx):
    err = _import_fails(cli, _edit(tmp_path, full_xlsx, lambda wb: wb["Scenarios"].__setitem__("D2", 0.9)), tmp_path)
    assert "scenario probabilities sum to 1.4, not 1" in err


def test_unknown_column_is_named(cli, tmp_path, full_xlsx):
    def change(wb):
        ws = wb["Objectives"]
        col = 1 + sum(1 for c in ws[1] if c.value is not None)
        ws.cell(row=1, column=col, value="weight")
        ws.cell(row=2, column=col, value=3)

    err = _import_fails(cli, _edit(tmp_path, full_xlsx, change), tmp_path)
    assert "unknown key 'weight' in objectives.orderly_reception" in err
    header = [c.value for c in openpyxl.load_workbook(tmp_path / "edited.xlsx")["Objectives"][1]]
    assert f"Objectives!{openpyxl.utils.get_column_letter(header.index('weight') + 1)}2" in err


def test_an_existing_output_is_not_overwritten(cli, tmp_path, full_xlsx):
    book = _write(tmp_path, full_xlsx)
    out = tmp_path / "case.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = cli("import", book, "-o", out)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert cli("import", book, "-o", out, "--force").exit_code == 0
    assert load_case(out).sha256 == load_case(FULL).sha256


def test_export_does_not_overwrite_and_wants_xlsx(cli, tmp_path):
    out = tmp_path / "book.xlsx"
    out.write_bytes(b"old")
    assert cli("export", "-o", out).exit_code == 2
    assert out.read_bytes() == b"old"
    result = cli("export", "-o", tmp_path / "book.xls")
    assert result.exit_code == 2 and ".xlsx" in result.stderr


def test_import_then_rank(cli, tmp_path, full_xlsx):
    book = _write(tmp_path, full_xlsx)
    assert cli("import", book, "-o", tmp_path / "case.yaml").exit_code == 0
    ranked = cli("rank", tmp_path / "case.yaml", "--format", "json")
    assert ranked.exit_code == 0
    assert load_case(FULL).sha256 in ranked.stdout


def test_unknown_fields_are_carried_in_yaml_columns(tmp_path):
    """A field the layout does not know (e.g. a future value function) rides in a '<field> (yaml)' column."""
    from negotiator.authoring import case_to_tables, tables_to_data
    from negotiator.authoring._cells import Issues
    from negotiator.authoring.layout import Sheet

    loaded = load_case(FULL)
    tables = case_to_tables(loaded.case)
    tables["Objectives"][0].append("value (yaml)")
    tables["Objectives"][1].append('{kind: piecewise, points: [[0, 0], [5, 0.8], [10, 1]]}')
    sheets = {n: Sheet(n, rows, lambda r, c, _n=n: f"{_n}!{r}:{c}") for n, rows in tables.items()}
    data, _ = tables_to_data(sheets, Issues("t"))
    assert data["objectives"]["orderly_reception"]["value"] == {"kind": "piecewise", "points": [[0, 0], [5, 0.8], [10, 1]]}


def test_level_words_are_checked_against_the_objectives_levels(cli, tmp_path, full_xlsx):
    def change(wb):
        ws = wb["Scores"]
        header = [c.value for c in ws[1]]
        ws.cell(row=2, column=header.index("goodwill") + 1, value="hihg")  # goodwill has levels
        ws.cell(row=3, column=header.index("net_cost") + 1, value="high")  # net_cost has none

    err = _import_fails(cli, _edit(tmp_path, full_xlsx, change), tmp_path)
    assert "Scores!E2: option 'verify_identity', objective 'goodwill': 'hihg' is not one of its levels (low, medium, high)" in err
    assert "Scores!C3: 'high' is not a number" in err


def test_new_method_fields_ride_in_yaml_columns(full_xlsx, tmp_path):
    wb = openpyxl.load_workbook(_write(tmp_path, full_xlsx))
    header = [c.value for c in wb["Objectives"][1]]
    assert {"value (yaml)", "levels (yaml)", "promethee (yaml)"} <= set(header)
    row = next(r for r in wb["Objectives"].iter_rows(min_row=2, values_only=True) if r[0] == "orderly_reception")
    assert row[header.index("value (yaml)")] == '{"kind": "piecewise", "points": [[0.0, 0.0], [5.0, 0.8], [10.0, 1.0]]}'
    forms = {c.value: wb["Weights"].cell(row=2, column=c.column).value for c in wb["Weights"][1] if c.value}
    assert forms["swing_weights"] == "swing" and forms["grouped"].startswith('{"hierarchy"')
    other = "\n".join(r[0] or "" for r in wb["Other sections"].iter_rows(min_row=2, values_only=True))
    assert other.startswith("analysts:") and "\ngames:" in other and "\nnegotiations:" in other


@pytest.mark.parametrize("name", ["tiny.yaml", "negotiation_logroll.yaml", "contractor_ignorance.yaml"])
def test_other_test_cases_round_trip(name, tmp_path):
    loaded = load_case(CASES / name)
    imported = import_workbook(_write(tmp_path, workbook_bytes(loaded)))
    assert imported.loaded.sha256 == loaded.sha256
    assert load_case_text(imported.yaml_text()).sha256 == loaded.sha256


def test_error_cells_ties_and_misused_columns(tmp_path, full_xlsx):
    def change(wb):
        wb["Scores"]["B3"] = "#DIV/0!"
        weights = wb["Weights"]
        col = [c.value for c in weights[1]].index("screening_order") + 1
        weights.cell(row=4, column=col, value=1)  # a second rank 1
        wb["Constraints"]["C2"] = 5  # a min on a budget row
        wb["Constraints"]["E2"] = None  # and no cap

    with pytest.raises(CaseError) as exc:
        import_workbook(_edit(tmp_path, full_xlsx, change))
    text = _problems(exc)
    assert "Scores!B3: the cell shows an error (#DIV/0!)" in text
    assert "rank 1 is used twice in profile 'screening_order'" in text
    assert "Constraints!C2: a budget row does not use the 'min' column" in text
    assert "Constraints!E2: budget 'staff' has no cap" in text


def test_several_empty_rows_are_one_problem_and_sheet_names_are_forgiving(tmp_path, full_xlsx):
    def change(wb):
        wb["Options"].insert_rows(3, amount=3)
        wb["Score notes"].title = "score  NOTES"
        wb.create_sheet("My scratch")

    with pytest.raises(CaseError) as exc:
        import_workbook(_edit(tmp_path, full_xlsx, change))
    text = _problems(exc)
    assert "Options!A3:A5: 3 empty rows in the middle of the table" in text
    assert text.count("in the middle of the table") == 1
    assert "Score notes" not in text  # "score  NOTES" was recognised


def test_unknown_sheets_are_ignored_with_a_warning(tmp_path, full_xlsx):
    imported = import_workbook(_edit(tmp_path, full_xlsx, lambda wb: wb.create_sheet("My scratch")))
    assert imported.warnings == ["sheet 'My scratch' is not part of the case layout and was ignored"]


def test_a_control_character_cannot_go_into_a_workbook(cli, tmp_path):
    case = tmp_path / "ctrl.yaml"
    case.write_text((CASES / "tiny.yaml").read_text(encoding="utf-8").replace("label: Option B", 'label: "Option\\x01B"'), encoding="utf-8")
    result = cli("export", case, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 2 and "control character" in result.stderr
    assert not (tmp_path / "out.xlsx").exists()


def test_problems_in_other_sections_name_their_line(tmp_path, full_xlsx):
    def change(wb):
        ws = wb["Other sections"]
        for row in ws.iter_rows(min_row=2):
            cell = row[0]
            if isinstance(cell.value, str) and cell.value.strip() == "coerce: [1, 4]":
                cell.value = cell.value.replace("coerce", "coerse")
            if isinstance(cell.value, str) and cell.value.strip().startswith("weights: [relations"):
                cell.value = cell.value.replace("relations", "relation")

    with pytest.raises(CaseError) as exc:
        import_workbook(_edit(tmp_path, full_xlsx, change))
    text = _problems(exc)
    wb = openpyxl.load_workbook(tmp_path / "edited.xlsx")
    lines = {c.value.strip(): c.row for (c,) in wb["Other sections"].iter_rows(min_row=2) if isinstance(c.value, str)}
    assert f"'Other sections'!A{lines['coerse: [1, 4]']}: game 'china_us': payoff for unknown strategy 'coerse'" in text
    assert "'Other sections'!A" in text and "unknown objective 'relation'" in text


def test_broken_yaml_in_other_sections(tmp_path, full_xlsx):
    def change(wb):
        wb["Other sections"]["A3"] = "  china_us: [unclosed"

    with pytest.raises(CaseError) as exc:
        import_workbook(_edit(tmp_path, full_xlsx, change))
    assert "'Other sections'!A" in _problems(exc) and "does not parse" in _problems(exc)


def test_a_person_adds_an_objective_and_a_profile(tmp_path, full_xlsx):
    def change(wb):
        def first_free_row(ws):
            return 1 + sum(1 for r in ws.iter_rows(values_only=True) if any(v is not None for v in r))

        def first_free_col(ws, row=1):
            return 1 + sum(1 for c in ws[row] if c.value is not None)

        obj = wb["Objectives"]
        r = first_free_row(obj)
        for col, value in enumerate(["speed", "Speed", "速度", "max", 0, 10], start=1):
            obj.cell(row=r, column=col, value=value)
        scores = wb["Scores"]
        c = first_free_col(scores)
        scores.cell(row=1, column=c, value="speed")
        for row in range(2, first_free_row(scores)):
            scores.cell(row=row, column=c, value=row)  # 2..6
        weights = wb["Weights"]
        r = first_free_row(weights)
        weights.cell(row=r, column=1, value="speed")
        c = first_free_col(weights)
        weights.cell(row=1, column=c, value="speed_first")
        weights.cell(row=2, column=c, value="order")
        weights.cell(row=r, column=c, value=1)

    case = import_workbook(_edit(tmp_path, full_xlsx, change)).loaded.case
    assert list(case.objectives)[-1] == "speed" and case.objectives["speed"].label_zh == "速度"
    assert [o.scores["speed"] for o in case.options.values()] == [2.0, 3.0, 4.0, 5.0, 6.0]
    assert case.weights["speed_first"] == ["speed"]


def test_a_case_without_probabilities_exports_a_blank_column_and_imports_back(tmp_path):
    # Issue 14: complete ignorance. The probability column stays (blank), and a workbook whose
    # Scenarios sheet has no probability column at all reads as the same case.
    loaded = load_case(CASES / "contractor_ignorance.yaml")
    book = _write(tmp_path, workbook_bytes(loaded))
    wb = openpyxl.load_workbook(book)
    header = [c.value for c in wb["Scenarios"][1]]
    assert [r[header.index("probability")] for r in wb["Scenarios"].iter_rows(min_row=2, values_only=True) if r[0]] == [None, None]

    def drop_column(wb):
        wb["Scenarios"].delete_cols(header.index("probability") + 1)

    imported = import_workbook(_edit(tmp_path, workbook_bytes(loaded), drop_column))
    assert imported.loaded.sha256 == loaded.sha256 and "probability" not in imported.yaml_text()
