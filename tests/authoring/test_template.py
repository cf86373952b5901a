"""negotiator new: the commented template and copies of the bundled case."""

from __future__ import annotations

import pytest

from negotiator.authoring import template_text
from negotiator.case.catalog import load_case, load_case_text
from negotiator.case.schema import Case


def test_template_is_valid_as_written_and_has_every_section():
    loaded = load_case_text(template_text(), "template.yaml")
    raw = loaded.documents[0].data
    for section in Case.model_fields:
        assert section in raw, f"the template lacks section '{section}'"
    for field in ("budgets", "limits", "count", "package", "synergies"):
        assert field in raw["constraints"]
    c = loaded.case
    assert any(isinstance(s, tuple) for o in c.options.values() for s in o.scores.values())  # shows a range
    assert any(isinstance(w, list) for w in c.weights.values()) and any(isinstance(w, dict) for w in c.weights.values())
    assert any(o.requires for o in c.options.values()) and any(o.excludes for o in c.options.values())
    assert all(o.label_zh for o in c.objectives.values())


def test_template_explains_itself_in_comments():
    text = template_text()
    comments = [ln for ln in text.splitlines() if ln.lstrip().startswith("#")]
    assert len(comments) > 40
    assert "ANALYST JUDGMENT" in text


@pytest.mark.parametrize("name", ["case.yaml", "case_folder"])
def test_new_then_rank(cli, tmp_path, name):
    path = tmp_path / name
    result = cli("new", path)
    assert result.exit_code == 0, result.stderr
    assert load_case(path).sha256 == load_case_text(template_text()).sha256
    assert cli("rank", path).exit_code == 0


def test_new_workbook_then_import(cli, tmp_path):
    book = tmp_path / "case.xlsx"
    assert cli("new", book).exit_code == 0
    assert cli("import", book, "-o", tmp_path / "case.yaml").exit_code == 0
    assert load_case(tmp_path / "case.yaml").sha256 == load_case_text(template_text()).sha256


@pytest.mark.parametrize("name", ["bundled.yaml", "bundled_folder"])
def test_from_bundled_is_the_same_case(cli, tmp_path, name):
    path = tmp_path / name
    assert cli("new", path, "--from", "bundled").exit_code == 0
    assert load_case(path).sha256 == load_case().sha256
    if name.endswith(".yaml"):
        text = path.read_text(encoding="utf-8")
        assert "ANALYST JUDGMENTS" in text  # the bundled comments came along
        assert text.count("\nnegotiator:") + text.startswith("negotiator:") == 1


def test_new_never_overwrites(cli, tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = cli("new", path)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert path.read_text(encoding="utf-8") == "mine\n"
    folder = tmp_path / "full"
    folder.mkdir()
    (folder / "x.txt").write_text("x", encoding="utf-8")
    assert cli("new", folder).exit_code == 2
    assert sorted(p.name for p in folder.iterdir()) == ["x.txt"]


def test_new_rejects_unknown_source_and_suffix(cli, tmp_path):
    assert "--from bundled" in cli("new", tmp_path / "c.yaml", "--from", "paper").stderr
    assert cli("new", tmp_path / "c.json").exit_code == 2
    assert not (tmp_path / "c.yaml").exists() and not (tmp_path / "c.json").exists()
