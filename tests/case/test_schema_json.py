"""The published JSON Schema (`negotiator schema`) accepts every case negotiator accepts.

Editors validate YAML against it as the analyst types, so a schema stricter than the loader
would flag valid files (e.g. AHP judgments written "1/3", game payoffs written [3, 2]) and one
looser than the loader would let mistakes through until `negotiator validate`.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from negotiator.authoring.template import TEMPLATE_PARTS, template_text
from negotiator.case.schema import case_json_schema
from negotiator.case.yamlio import parse_yaml_text, read_yaml, to_plain

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_FILES = sorted((ROOT / "strategies").glob("*.yaml")) + sorted((ROOT / "payoffs").glob("*.yaml"))
WHOLE_CASES = sorted((ROOT / "tests" / "cases").glob("*.yaml"))


def _errors(schema: dict, data: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]


def _plain(path: Path) -> dict:
    return to_plain(read_yaml(path).data)


def test_the_schema_is_itself_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(case_json_schema())
    jsonschema.Draft202012Validator.check_schema(case_json_schema(part=True))


@pytest.mark.parametrize("path", WHOLE_CASES, ids=lambda p: p.name)
def test_every_whole_test_case_passes_the_schema(path, cli):
    assert cli("validate", str(path)).exit_code == 0  # the loader accepts it...
    assert _errors(case_json_schema(), _plain(path)) == []  # ...so the schema must too


def test_the_commented_template_passes_the_schema():
    assert _errors(case_json_schema(), to_plain(parse_yaml_text(template_text(), "case.yaml").data)) == []


@pytest.mark.parametrize("path", BUNDLED_FILES, ids=lambda p: p.name)
def test_each_file_of_the_split_bundled_case_passes_the_part_schema(path):
    assert _errors(case_json_schema(part=True), _plain(path)) == []


def test_a_split_file_fails_the_whole_case_schema_but_not_the_part_schema():
    weights_only = _plain(ROOT / "payoffs" / "weights.yaml")
    assert _errors(case_json_schema(), weights_only)  # neither objectives with options, nor a game, negotiation or conflict
    assert _errors(case_json_schema(part=True), weights_only) == []


def test_template_folder_parts_pass_the_part_schema():
    for name, text in TEMPLATE_PARTS:
        assert _errors(case_json_schema(part=True), to_plain(parse_yaml_text(text, name).data)) == [], name


def test_shorthands_the_loader_accepts_are_in_the_schema(cli, tmp_path):
    # Saaty judgments as text fractions, and a game payoff as a bare pair: both valid case syntax.
    case = _plain(ROOT / "tests" / "cases" / "full_features.yaml")
    assert _errors(case_json_schema(), case) == []
    broken = copy.deepcopy(case)
    profile = next(p for p in broken["weights"].values() if isinstance(p, dict) and "ahp" in p)
    first_row = next(iter(profile["ahp"].values()))
    first_row[next(iter(first_row))] = "a third"
    assert _errors(case_json_schema(), broken), "a judgment that is not a number or a fraction must fail"
    path = tmp_path / "broken.yaml"
    path.write_text(json.dumps(broken), encoding="utf-8")
    assert cli("validate", str(path)).exit_code == 2  # the loader refuses it too


def test_unknown_keys_fail_both_schemas():
    case = _plain(ROOT / "tests" / "cases" / "tiny.yaml")
    case["optoins"] = {}
    assert _errors(case_json_schema(), case)
    assert _errors(case_json_schema(part=True), case)


def test_schema_command_prints_both(cli):
    whole = json.loads(cli("schema").stdout)
    part = json.loads(cli("schema", "--part").stdout)
    assert set(whole["required"]) >= {"negotiator"}
    assert {"required": ["objectives", "options"]} in whole["anyOf"] and {"required": ["games"]} in whole["anyOf"]
    assert part["required"] == []
    assert "split" in part["title"]


def test_a_case_that_is_only_a_game_or_only_a_negotiation_passes_the_whole_schema(cli, tmp_path):
    # issue 14: no placeholder objectives:/options: sections.
    game = {"negotiator": 1, "games": {"g": {"label": "g", "players": {
        "r": {"label": "R", "strategies": {"a": {"label": "a"}, "b": {"label": "b"}}},
        "c": {"label": "C", "strategies": {"x": {"label": "x"}, "y": {"label": "y"}}}},
        "payoffs": {"a": {"x": [1, 0], "y": [0, 1]}, "b": {"x": [0, 1], "y": [1, 0]}}}}}
    assert _errors(case_json_schema(), game) == []
    path = tmp_path / "game.yaml"
    path.write_text(json.dumps(game), encoding="utf-8")
    assert cli("validate", str(path)).exit_code == 0
    assert cli("game", str(path)).exit_code == 0
    r = cli("rank", str(path))
    assert r.exit_code == 2 and "no objectives and options" in r.stderr
    neg = {"negotiator": 1, "negotiations": {"t": {"label": "t", "utility": "sum", "parties": {"p": {"label": "P", "batna": 0}, "q": {"label": "Q", "batna": 0}},
           "issues": {"i": {"label": "i", "levels": {"a": {"label": "A"}, "b": {"label": "B"}}, "values": {"p": {"a": 1, "b": 0}, "q": {"a": 0, "b": 1}}}}}}}
    assert _errors(case_json_schema(), neg) == []
    assert _errors(case_json_schema(), {"negotiator": 1})
