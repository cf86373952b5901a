"""Every bad input of issue 2 gets one clear message naming the file (and line), exit 2, no traceback."""

from pathlib import Path

import pytest

GOOD = """negotiator: 1
objectives:
  a: {label: A, scale: [0, 10]}
  b: {label: B, direction: min}
options:
  x: {label: X, scores: {a: 1, b: 2}}
  y: {label: Y, scores: {a: 3, b: [1, 2, 4]}}
weights:
  w: {a: 1, b: 1}
"""

CASES = {
    # name: (file content, expected line or None, words the message must contain)
    # The file ends inside the '{': the line that opens it, not the line past the end (issue 15).
    "malformed": ("negotiator: 1\nobjectives:\n  a: {label: A\n", 3, "the '{' that starts on this line is never closed"),
    "unclosed_list": (GOOD + "constraints:\n  count: [1,\n    2\n\n", 11, "the '[' that starts on this line is never closed"),
    "unclosed_quote": (GOOD.replace("{label: X,", '{label: "X,'), 6, "the quote that starts on this line is never closed"),
    # Issue 15: tracebacks on text that reads as no character, no date, no number.
    "lone_surrogate": (GOOD.replace("label: X", 'label: "X \\ud800"'), 6, "half of a UTF-16 surrogate pair"),
    "impossible_date": (GOOD.replace("negotiator: 1\n", "negotiator: 1\ntitle: 2026-02-30\n"), 2, "does not exist"),
    "integer_of_5000_digits": (GOOD.replace("{a: 1, b: 1}\n", "{a: " + "9" * 5000 + ", b: 1}\n"), 9, "5,000 digits"),
    "complex_key": (GOOD.replace("  w: {a: 1, b: 1}", "  ? [a, b]\n  : {a: 1, b: 1}"), 9, "keys are plain text"),
    # Issue 15: booleans are not numbers anywhere, not even in a count.
    "bool_count": (GOOD + "constraints:\n  count: [true, 3]\n", 11, "got true/false"),
    "bool_resource": (GOOD.replace("x: {label: X,", "x: {label: X, resources: {staff: true},"), 6, "got true/false"),
    "version": (GOOD.replace("negotiator: 1", "negotiator: 2"), 1, "format version 2"),
    "no_version": (GOOD.replace("negotiator: 1\n", ""), 1, "format version"),
    "unknown_objective": (GOOD.replace("{a: 1, b: 2}", "{a: 1, b: 2, c: 3}"), 6, "unknown objective 'c'"),
    "missing_score": (GOOD.replace("{a: 1, b: 2}", "{a: 1}"), 6, "option 'x' has no score for objective 'b'"),
    "unknown_option": (GOOD.replace("x: {label: X,", "x: {label: X, requires: [zz],"), 6, "unknown option 'zz'"),
    "duplicate_key": (GOOD.replace("  y: {label: Y", "  x: {label: Z, scores: {a: 1, b: 1}}\n  y: {label: Y"), 7, "duplicate key"),
    "negative_weight": (GOOD.replace("{a: 1, b: 1}\n", "{a: -1, b: 1}\n"), 9, "cannot be negative"),
    "nan_weight": (GOOD.replace("{a: 1, b: 1}\n", "{a: .nan, b: 1}\n"), 9, "finite number"),
    "zero_weights": (GOOD.replace("{a: 1, b: 1}\n", "{a: 0, b: 0}\n"), 9, "no positive weight"),
    "outside_scale": (GOOD.replace("{a: 1, b: 2}", "{a: 12, b: 2}"), 6, "outside the declared scale [0, 10]"),
    "requires_itself": (GOOD.replace("x: {label: X,", "x: {label: X, requires: [x],"), 6, "requires itself"),
    "excludes_itself": (GOOD.replace("x: {label: X,", "x: {label: X, excludes: [x],"), 6, "excludes itself"),
    "requires_and_excludes": (GOOD.replace("y: {label: Y,", "y: {label: Y, requires: [x], excludes: [x],"), 7, "both requires and excludes 'x'"),
    "unknown_key": (GOOD.replace("{label: A, scale", "{label: A, direcion: max, scale"), 3, "unknown key 'direcion'"),
    "zero_width_scale": (GOOD.replace("scale: [0, 10]", "scale: [5, 5]"), 3, "zero width"),
    "unordered_range": (GOOD.replace("[1, 2, 4]", "[3, 2, 4]"), 7, "low <= likely <= high"),
    "score_word": (GOOD.replace("{a: 1, b: 2}", "{a: hihg, b: 2}"), 6, "'hihg'"),
    "probabilities": (GOOD + "scenarios:\n  s1: {label: S1, probability: 0.5}\n  s2: {label: S2, probability: 0.3}\n", 10, "sum to 0.8"),
    # Issue 14: every scenario has a probability, or none has (complete ignorance); mixed points at the one without.
    "mixed_probabilities": (GOOD + "scenarios:\n  s1: {label: S1, probability: 0.5}\n  s2: {label: S2}\n", 12, "scenario 's2' has no probability but 1 of the 2 scenarios have one"),
    "empty": ("", None, "the file is empty"),
    "only_comments": ("# nothing here\n", None, "the file is empty"),
    "not_a_mapping": ("- a\n- b\n", 1, "must be a mapping"),
}


def _write(tmp_path: Path, name: str, content) -> Path:
    p = tmp_path / f"{name}.yaml"
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def _assert_clean_error(result, path: Path, line, words: str):
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert words in result.stderr
    where = f"{path}:{line}" if line else str(path)
    assert where in result.stderr, result.stderr
    assert "fix:" in result.stderr


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_case_file(tmp_path, cli, name):
    content, line, words = CASES[name]
    path = _write(tmp_path, name, content)
    before = path.read_bytes()
    for command in ("rank", "validate"):
        result = cli(command, path)
        _assert_clean_error(result, path, line, words)
    assert path.read_bytes() == before  # nothing overwritten
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # nothing written


def test_good_case_is_fine(tmp_path, cli):
    path = _write(tmp_path, "good", GOOD)
    assert cli("validate", path).exit_code == 0


def test_not_utf8(tmp_path, cli):
    path = _write(tmp_path, "latin1", "negotiator: 1\ntitle: Café\n".encode("latin-1"))
    result = cli("rank", path)
    _assert_clean_error(result, path, 2, "not UTF-8")


def test_missing_file(tmp_path, cli):
    path = tmp_path / "nope.yaml"
    result = cli("rank", path)
    _assert_clean_error(result, path, None, "no such file")


def test_alias_bomb_is_refused_quickly(tmp_path, cli):
    # "Billion laughs": 9 levels of 9 aliases would expand to 9**9 (387 million) nodes.
    lines = ["negotiator: 1", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    path = _write(tmp_path, "bomb", "\n".join(lines) + "\n")
    result = cli("rank", path)
    _assert_clean_error(result, path, None, "anchors and aliases")


def test_validate_reports_every_problem(tmp_path, cli):
    bad = GOOD.replace("{a: 1, b: 2}", "{a: 12, b: 2}").replace("{a: 1, b: 1}\n", "{a: -1, b: 1}\n").replace("y: {label: Y,", "y: {label: Y, requires: [y],")
    path = _write(tmp_path, "many", bad)
    result = cli("validate", path)
    assert result.exit_code == 2
    assert "3 problems" in result.stderr
    for words in ("outside the declared scale", "cannot be negative", "requires itself"):
        assert words in result.stderr


@pytest.mark.parametrize(
    "args, words",
    [
        (["rank", "--profile", "nope"], "unknown weight profile 'nope'"),
        (["rank", "--method", "nope"], "unknown method 'nope'"),
        (["rank", "--scenario", "nope"], "unknown scenario 'nope'"),
        (["rank", "--format", "pdf"], "Invalid value"),
    ],
)
def test_bad_options(cli, args, words):
    result = cli(*args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_workbook_given_as_a_case_says_import_it(tmp_path, cli):
    path = tmp_path / "case.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    result = cli("rank", path)
    _assert_clean_error(result, path, None, "not a YAML case")
    assert "negotiator import" in result.stderr


def test_unknown_language_is_refused(cli):
    result = cli("rank", "--lang", "fr")
    assert result.exit_code == 2 and "use en or zh" in result.stderr


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("negotiator ")


def test_mixed_probabilities_name_the_fix(tmp_path, cli):
    path = _write(tmp_path, "mixed", CASES["mixed_probabilities"][0])
    result = cli("validate", path)
    assert "give every scenario a probability, or none for complete ignorance" in " ".join(result.stderr.split())


def test_no_probabilities_at_all_is_fine(tmp_path, cli):
    # Issue 14: complete ignorance is a valid case.
    path = _write(tmp_path, "ignorance", GOOD + "scenarios:\n  s1: {label: S1}\n  s2: {label: S2, scores: {x: {a: 2}}}\n")
    assert cli("validate", path).exit_code == 0
