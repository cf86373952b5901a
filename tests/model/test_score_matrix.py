"""`negotiator show --scores` / `--rationale`: the score matrix as the case files write it.

Expected cells are read from the bundled YAML here (strategies/options.yaml,
payoffs/objectives.yaml), independently of the loader, so the matrix is
checked against the files an analyst edits.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from negotiator.case.catalog import load_case
from negotiator.model.score_matrix import compact_score, score_matrix
from negotiator.render.score_matrix import short_names
from negotiator.render.spreadsheet_safe import unguard

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parents[1] / "cases"


def _yaml(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bundled_yaml() -> tuple[dict, dict]:
    return _yaml(ROOT / "strategies" / "options.yaml")["options"], _yaml(ROOT / "payoffs" / "objectives.yaml")["objectives"]


def _triple(score) -> tuple[float, float, float]:
    if isinstance(score, list):
        return tuple(float(v) for v in score)
    return (float(score),) * 3


# -- the core -----------------------------------------------------------------------


def test_every_cell_is_the_score_in_the_yaml(bundled_yaml):
    options, objectives = bundled_yaml
    m = score_matrix(load_case())
    assert [r.id for r in m.rows] == list(options)  # case order
    assert [o.id for o in m.objectives] == list(objectives)
    for row in m.rows:
        for o, cell in zip(m.objectives, row.cells):
            assert (cell.low, cell.likely, cell.high) == _triple(options[row.id]["scores"][o.id]), (row.id, o.id)
            assert cell.rationale == options[row.id]["notes"][o.id]
    for o in m.objectives:
        assert o.direction == objectives[o.id]["direction"] and list(o.scale) == objectives[o.id]["scale"]


def test_known_cells_of_the_bundled_case(bundled_yaml):
    """Spot values (strategies/options.yaml): a point, a range, a range whose likely is its high end."""
    options, _ = bundled_yaml
    assert options["legal_position_against_bundling"]["scores"]["bargaining_leverage"] == [5, 6, 7]
    m = score_matrix(load_case())
    row = m.row("legal_position_against_bundling")
    cells = {o.id: c for o, c in zip(m.objectives, row.cells)}
    assert cells["sovereignty_jurisdiction"].compact == "8" and not cells["sovereignty_jurisdiction"].is_range
    assert cells["bargaining_leverage"].compact == "5-7 (6)" and cells["bargaining_leverage"].is_range
    assert cells["latam_relations"].compact == "5-6 (6)"
    assert cells["escalation_risk"].compact == "3-6 (4)"
    assert m.note.startswith("scores are analyst judgments")


@pytest.mark.parametrize(
    "low, likely, high, written, shown",
    [
        (4, 4, 4, 4.0, "4"),
        (3, 4, 5, (3.0, 4.0, 5.0), "3-5 (4)"),
        (0.7, 0.85, 0.95, (0.7, 0.85, 0.95), "0.7-0.95 (0.85)"),
        (-2, 1, 3, (-2.0, 1.0, 3.0), "-2 to 3 (1)"),  # no minus sign read as the dash
        (-3, -3, -3, -3.0, "-3"),
        (5, 5, 5, "medium", "medium"),  # level words stay words
        (2, 5, 8, ("low", "medium", "high"), "low-high (medium)"),
        (3, 5, 9, (3.0, "medium", 9.0), "3-9 (medium)"),
    ],
)
def test_compact_cells(low, likely, high, written, shown):
    assert compact_score(low, likely, high, written) == shown


def test_level_words_are_resolved_and_kept():
    m = score_matrix(load_case(CASES / "full_features.yaml"))
    data = m.to_dict()
    goodwill = {o["id"]: o["scores"]["goodwill"] for o in data["options"]}
    # full_features.yaml: goodwill levels {low: 2, medium: 5, high: 8}
    assert goodwill["verify_identity"]["written"] == "medium" and goodwill["verify_identity"]["likely"] == 5.0
    assert goodwill["triage"]["written"] == ["low", "medium", "high"] and (goodwill["triage"]["low"], goodwill["triage"]["high"]) == (2.0, 8.0)


def test_short_names_are_unique_and_short():
    m = score_matrix(load_case())
    for lang in ("en", "zh"):
        names = short_names(m.objectives, lang)
        assert len(set(names.values())) == len(m.objectives)
    assert short_names(m.objectives)["sovereignty_jurisdiction"] == "sovereignty"
    assert short_names(m.objectives, "zh")["security_screening"] == "安全甄别"


# -- the command ---------------------------------------------------------------------


def test_show_default_is_unchanged(cli):
    r = cli("show")
    assert r.exit_code == 0
    assert "Objectives" in r.stdout and "Options" in r.stdout and "Weight profiles" in r.stdout
    assert "Scores" not in r.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_fits_80_columns(cli, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("show", "--scores", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    from rich.cells import cell_len

    widest = max(cell_len(line.rstrip()) for line in r.stdout.splitlines())
    assert widest <= 80, widest
    m = score_matrix(load_case())
    for name in short_names(m.objectives, lang).values():
        assert name in r.stdout
    judgment, higher = ("分析人员的判断", "↑ 越高越好") if lang == "zh" else ("analyst judgments", "↑ higher is better")
    assert m.case_sha256[:12] in r.stdout and judgment in r.stdout and "negotiator 0.1.0" in r.stdout
    assert higher in r.stdout and "↓" in r.stdout
    labels = [(row.label_zh if lang == "zh" else row.label)[:8] for row in m.rows]
    assert all(label in r.stdout for label in labels)
    assert "5-7 (6)" in r.stdout


def test_wide_terminal_one_table(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    r = cli("show", "--scores")
    assert r.exit_code == 0 and "Scores:" in r.stdout and "(1/" not in r.stdout
    assert "Firm legal position against issue bundling" in r.stdout  # room for whole labels
    assert "reciprocal_repatriation_talks" in r.stdout
    from rich.cells import cell_len

    assert max(cell_len(line.rstrip()) for line in r.stdout.splitlines()) <= 200


def test_csv_round_trip(cli, bundled_yaml):
    options, objectives = bundled_yaml
    r = cli("show", "--scores", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    body = "\n".join(line for line in r.stdout.splitlines() if not line.startswith("#"))
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [unguard(row["option"]) for row in rows] == list(options)
    for row in rows:
        for obj in objectives:
            got = tuple(float(row[f"{part}:{obj}"]) for part in ("low", "likely", "high"))
            assert got == _triple(options[row["option"]]["scores"][obj])
    comments = [line for line in r.stdout.splitlines() if line.startswith("#")]
    assert any("sha256" in c and "negotiator" in c for c in comments)
    assert any("analyst judgments" in c for c in comments)
    assert any(c.startswith("# time_to_effect:") and "lower is better" in c for c in comments)


def test_json_round_trip(cli, bundled_yaml):
    options, objectives = bundled_yaml
    r = cli("show", "--scores", "--format", "json")
    data = json.loads(r.stdout)
    assert data["case"] == "bundled" and len(data["case_sha256"]) == 64 and data["version"]
    assert [o["id"] for o in data["options"]] == list(options)
    for o in data["options"]:
        for obj, cell in o["scores"].items():
            written = options[o["id"]]["scores"][obj]
            assert (cell["low"], cell["likely"], cell["high"]) == _triple(written)
            assert cell["written"] == written and cell["range"] == isinstance(written, list)
    assert {o["id"]: o["better"] for o in data["objectives"]}["resource_cost"] == "lower is better"
    # CSV and JSON carry the same numbers
    body = "\n".join(line for line in cli("show", "--scores", "--format", "csv").stdout.splitlines() if not line.startswith("#"))
    for row, o in zip(csv.DictReader(io.StringIO(body)), data["options"]):
        assert {k: float(v) for k, v in row.items() if ":" in k} == {f"{p}:{obj}": c[p] for obj, c in o["scores"].items() for p in ("low", "likely", "high")}


def test_markdown(cli):
    r = cli("show", "--scores", "--format", "markdown", "--lang", "zh")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("| # | 选项 | 编号 |") and "安全甄别 ↑" in lines[0]  # Markdown follows --lang
    assert any("明确反对议题捆绑的法律立场" in line and "5-7 (6)" in line for line in lines)
    assert any("评分为分析人员的判断" in line for line in lines)
    assert cli("show", "--scores", "--format", "markdown").stdout.startswith("| # | option | id |")


def test_rationale_lists_each_objective(cli, bundled_yaml):
    options, objectives = bundled_yaml
    r = cli("show", "--rationale", "reciprocal_repatriation_talks", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in r.stdout.splitlines() if not line.startswith("#")))))
    notes = options["reciprocal_repatriation_talks"]["notes"]
    assert [row["objective"] for row in rows] == list(objectives)
    assert {row["objective"]: row["rationale"] for row in rows} == notes
    table = cli("show", "--rationale", "reciprocal_repatriation_talks")
    assert table.exit_code == 0 and "moving first" in table.stdout and "analyst judgments" in table.stdout
    data = json.loads(cli("show", "--rationale", "reciprocal_repatriation_talks", "-f", "json").stdout)
    assert data["option"]["rationale"] == options["reciprocal_repatriation_talks"]["rationale"]
    assert [s["rationale"] for s in data["scores"]] == [notes[o] for o in objectives]


def test_unknown_option_for_rationale(cli):
    r = cli("show", "--rationale", "talks")
    assert r.exit_code == 2 and r.stdout == ""
    assert "no option 'talks'" in r.stderr and "reciprocal_repatriation_talks" in r.stderr  # the hint names the near ids
    r = cli("show", "--rationale", "reciprocal_repatriaton_talks")  # a typo
    assert r.exit_code == 2 and "did you mean: reciprocal_repatriation_talks" in r.stderr
    r = cli("show", "--rationale", "zzz", "--format", "csv")
    assert r.exit_code == 2 and r.stdout == "" and "options: legal_position_against_bundling" in r.stderr
    assert "Traceback" not in r.stderr


def test_format_without_scores_is_a_usage_error(cli):
    r = cli("show", "--format", "csv")
    assert r.exit_code == 2 and r.stdout == "" and "--scores" in r.stderr


def test_bad_case_file(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("negotiator: 1\nobjectives: {a: {label: A}}\noptions: {x: {label: X, scores: {a: [3, 1, 2]}}}\n", encoding="utf-8")
    r = cli("show", "--scores", bad)
    assert r.exit_code == 2 and r.stdout == "" and "bad.yaml" in r.stderr


def test_a_rationale_that_starts_like_a_formula_is_guarded(cli):
    """full_features.yaml: verify_identity's screening note starts with '='."""
    r = cli("show", "--rationale", "verify_identity", CASES / "full_features.yaml", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in r.stdout.splitlines() if not line.startswith("#")))))
    note = {row["objective"]: row["rationale"] for row in rows}["screening"]
    assert note.startswith("'=") and unguard(note).startswith("= the main reason")


def test_short_names_when_ids_share_a_first_word(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(
        "negotiator: 1\n"
        "objectives:\n"
        "  cost_staff: {label: Staff cost, direction: min, scale: [0, 10]}\n"
        "  cost_money: {label: Money cost, direction: min, scale: [0, 10]}\n"
        "  extraordinarily_long_objective_identifier: {label: Long, scale: [0, 1]}\n"
        "options:\n"
        "  a: {label: A, scores: {cost_staff: 1, cost_money: [1, 2, 3], extraordinarily_long_objective_identifier: 0.5}}\n",
        encoding="utf-8",
    )
    m = score_matrix(load_case(case))
    names = short_names(m.objectives)
    assert names == {"cost_staff": "cost", "cost_money": "cost_money", "extraordinarily_long_objective_identifier": names["extraordinarily_long_objective_identifier"]}
    assert len(names["extraordinarily_long_objective_identifier"]) <= 13 and names["extraordinarily_long_objective_identifier"].endswith("…")


def test_missing_rationales_are_said_to_be_missing(cli):
    """full_features.yaml gives talks no notes: the table says so, CSV leaves the cell empty, JSON null."""
    r = cli("show", "--rationale", "talks", CASES / "full_features.yaml")
    assert r.exit_code == 0 and "(none given)" in r.stdout
    data = json.loads(cli("show", "--rationale", "talks", CASES / "full_features.yaml", "-f", "json").stdout)
    assert all(s["rationale"] is None for s in data["scores"])
