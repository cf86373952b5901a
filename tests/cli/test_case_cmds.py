"""The foundation commands: rank, validate, show, schema, --help, python -m."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import negotiator as ng

ROOT = Path(__file__).resolve().parents[2]


def test_rank_json_gives_exact_default_method_numbers(cli, cases_dir):
    result = cli("rank", cases_dir / "tiny.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["method"] == "additive" and data["profile"] == "main"
    assert [(r["option"], r["rank"], r["score"]) for r in data["ranking"]] == [("b", 1, 0.6625), ("a", 2, 0.575)]
    assert data["screened_out"][0]["option"] == "c"
    assert len(data["case_sha256"]) == 64


def test_rank_json_of_bundled_case_matches_api(cli):
    data = json.loads(cli("rank", "--format", "json").stdout)
    api = ng.rank().to_dict()
    assert data == json.loads(json.dumps(api, ensure_ascii=False))
    total = sum(data["weights"].values())
    assert total == pytest.approx(1.0)
    for row in data["ranking"]:
        assert row["score"] == pytest.approx(sum(row["contributions"].values()), abs=1e-12)


def test_rank_table_csv_markdown(cli, cases_dir):
    table = cli("rank", cases_dir / "tiny.yaml")
    assert table.exit_code == 0 and "Option B" in table.stdout and "sha256" in table.stdout
    assert "Screened out" in table.stdout
    csv_out = cli("rank", cases_dir / "tiny.yaml", "-f", "csv").stdout
    import io

    import pandas as pd

    frame = pd.read_csv(io.StringIO(csv_out), comment="#")
    assert list(frame["option"]) == ["b", "a", "c"]
    assert frame.loc[0, "score"] == pytest.approx(0.6625)
    assert "# case:" in csv_out
    md = cli("rank", cases_dir / "tiny.yaml", "-f", "markdown").stdout
    assert md.startswith("| rank |") and "0.6625" in md


def test_rank_chinese_labels(cli, cases_dir):
    out = cli("rank", cases_dir / "tiny.yaml", "--lang", "zh").stdout
    assert "方案A" in out


#: The bundled case writes its option families as the paper numbers §四's sub-sections.
CJK_NUMERALS = set("一二三四五六七八九十")


@pytest.mark.parametrize("width", [80, 140])
def test_rank_names_families_in_the_readers_language(cli, monkeypatch, width):
    """Issue 17: a family is its number (1-5, as in the memo) with its name from the case's labels in a
    key; the numerals 一…五 (which an English reader cannot read and which look like "—") never show."""
    monkeypatch.setenv("COLUMNS", str(width))
    for fmt in ("table", "markdown"):
        en = cli("rank", "-f", fmt).stdout
        flat = " ".join(en.split())
        assert "Families: 1 Reciprocal negotiation; 2 Standardised reception; 3 Latin America engagement; 4 Monitoring and consular protection; 5 Multilateral pressure." in flat
        assert not CJK_NUMERALS & set(en), fmt
        zh = " ".join(cli("rank", "-f", fmt, "--lang", "zh").stdout.split())
        assert "类别：1 主动对等谈判；2 规范接收；3 拉美合作；4 跟踪研判与领事保护；5 多边施压。" in zh.replace("； ", "；")
    table = cli("rank").stdout
    if width == 80:  # the family follows the id, under the label
        assert "policy_monitoring_early_warning · 4" in table and "option (id · family)" in table
    else:  # a column of its own
        assert re.search(r"│\s*4\s*│\s*0\.6318 │", table) and re.search(r"bundling\s*│\s*1\s*│\s*0\.6273", table)
    md = cli("rank", "-f", "markdown").stdout
    assert "| `policy_monitoring_early_warning` | Cross-department monitoring of US bills, orders and enforcement, with early warning | 4 | 0.6318 |" in md


@pytest.mark.parametrize("width", [80, 200])
def test_show_numbers_families_and_names_them(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    out = cli("show").stdout
    flat = " ".join(out.split())
    assert "Families: 1 Reciprocal negotiation; 2 Standardised reception;" in flat
    if width == 80:
        assert "legal_position_against_bundling · 1 · §四(一)" in out  # the source cites the paper as written
    else:
        assert re.search(r"legal_position_against_bundling\s*│[^│]*│\s*1\s*│\s*§四\(一\)", out)
    zh = " ".join(cli("show", "--lang", "zh").stdout.split())
    assert "类别：1 主动对等谈判；" in zh


def test_validate_show_schema(cli, cases_dir):
    v = cli("validate")
    assert v.exit_code == 0 and "20 options" in v.stdout
    s = cli("show", cases_dir / "tiny.yaml")
    assert s.exit_code == 0 and "Objectives" in s.stdout and "Weight profiles" in s.stdout
    schema = json.loads(cli("schema").stdout)
    assert schema["title"].startswith("negotiator case")
    assert "objectives" in schema["properties"]


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "negotiator", "rank", "--format", "json"], capture_output=True, text=True, env=_env(), cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["case"] == "bundled"


def test_help_imports_no_heavy_library():
    # --help must be instant: pandas, numpy, textual, pulp, matplotlib are imported by commands, not at start.
    code = (
        "import sys\n"
        "from negotiator.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'numpy', 'textual', 'pulp', 'matplotlib', 'scipy', 'pydantic') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "HEAVY="


def _all_command_paths():
    """Every command and sub-command of the CLI, as argument lists (e.g. ["portfolio", "sweep"])."""
    import typer

    from negotiator.cli import app

    paths, todo = [], [([], typer.main.get_command(app))]
    while todo:
        path, command = todo.pop()
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            todo.append((path + [name], sub))
    return sorted(paths)


@pytest.mark.parametrize("path", _all_command_paths(), ids=lambda p: " ".join(p) or "negotiator")
def test_help_speaks_plain_words_not_python_types(cli, path):
    # Typer 0.29 prints annotations such as <bool>, <str> or <list[Path]>; staff should see TEXT, NUMBER, FILE.
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.stderr
    for python_word in ("<bool>", "<str>", "<int>", "<float>", "list[", "<Path>", "<path>"):
        assert python_word not in result.stdout, f"{' '.join(path)} --help shows {python_word}"
    assert "Usage:" in result.stdout
