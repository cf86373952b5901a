"""Fuzz the bundled case and run every command on it (issue 15: keep it found).

Each example mutates one or two places of the bundled case (a number pushed to an
extreme, a value of another type, a key dropped or written twice, text with odd
unicode), writes the files to a fresh folder and runs every command in-process.
Whatever the file, a command must:

- exit 0, 2 (the user's input, one clear message) or 1 (`portfolio` only: no
  package meets the constraints, which it documents);
- print no traceback;
- write JSON that a strict parser reads (no NaN, no Infinity);
- write nothing beside the case, and print nothing on stdout when it fails.

Seeded and bounded (``derandomize=True``): the same examples every run, about 30 s on
the bundled case. ``NEGOTIATOR_FUZZ_EXAMPLES=500`` runs a longer campaign.
The case is loaded once per example (``validate`` does it for real); the other
commands reuse that load, so the time goes to the analyses rather than re-reading.
"""

from __future__ import annotations

import json
import math
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negotiator.case.catalog import bundled_dirs
from negotiator.case.yamlio import parse_yaml_fragment

COMMANDS = [
    ("validate",),
    ("rank", "--format", "json"),
    ("show",),
    ("sensitivity", "smaa", "-n", "200", "--format", "json"),
    ("portfolio", "--format", "json"),
    ("payoffs", "--format", "json"),
    ("game", "--format", "json"),
    ("negotiate", "--format", "json"),
]
#: Commands whose exit 1 is documented: no package meets the constraints.
MAY_EXIT_1 = {"portfolio"}
EXAMPLES = int(os.environ.get("NEGOTIATOR_FUZZ_EXAMPLES", "10"))

NUMBERS = [1e308, -1e308, 1e30, 1e16, 1e15, -1e15, 1e-15, 5e-324, 0, -1, 10**401, -(10**25), math.nan, math.inf, 0.1 + 0.2]
OTHERS = [True, False, None, "", " ", "text", [], {}, [1, 2, 3], [True, 3], {"a": 1}, "1e308", "NaN"]
STRINGS = [
    "\ud800",  # a lone surrogate: written as the escape "\ud800"
    "\ud83d\ude00",  # a pair written as two escapes: one character
    "\u202e右到左\u202c",
    "\u0000nul",
    "\ufeffbom",
    "é" * 2000,
    "a\nb\r\nc",
    "' OR 1=1 --",
    "=HYPERLINK(\"x\")",
    "x" * 100_000,
]


def _bundled_files() -> dict[str, object]:
    out = {}
    for folder in bundled_dirs():
        for path in sorted(folder.glob("*.yaml")):
            out[f"{folder.name}/{path.name}"] = parse_yaml_fragment(path.read_text(encoding="utf-8"), str(path))
    return out


BUNDLED = _bundled_files()


def _paths(node, prefix=()) -> list[tuple]:
    """Every place in a tree: (key, key, ...) down to it."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, prefix + (i,))
    return out


def _at(tree, path):
    for k in path:
        tree = tree[k]
    return tree


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


PLACES = [(name, path) for name, tree in BUNDLED.items() for path in _paths(tree)]
NUMERIC = [(n, p) for n, p in PLACES if _is_number(_at(BUNDLED[n], p))]
STRING_PLACES = [(n, p) for n, p in PLACES if isinstance(_at(BUNDLED[n], p), str)]
KEYED = [(n, p) for n, p in PLACES if isinstance(p[-1], str)]


class _Dup:
    """A mapping written with one key twice (JSON dicts cannot hold that)."""

    def __init__(self, items: list):
        self.items = items


def _emit(node, indent: int = 0) -> str:
    """YAML text of a tree, in JSON's flow syntax (JSON is YAML): one value a line, so lines mean something."""
    pad = " " * (indent + 1)
    if isinstance(node, (dict, _Dup)):
        items = node.items if isinstance(node, _Dup) else list(node.items())
        if not items:
            return "{}"
        body = ",\n".join(f"{pad}{_scalar(str(k))}: {_emit(v, indent + 1)}" for k, v in items)
        return "{\n" + body + "\n" + " " * indent + "}"
    if isinstance(node, list):
        if not node:
            return "[]"
        return "[\n" + ",\n".join(pad + _emit(v, indent + 1) for v in node) + "\n" + " " * indent + "]"
    return _scalar(node)


def _scalar(value) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else (".inf" if value > 0 else "-.inf")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value)  # ensure_ascii: a lone surrogate becomes the escape "\ud800"


def _mutate(files: dict, op: str, pick: int, choice: int) -> None:
    import copy

    if op == "number":
        name, path = NUMERIC[pick % len(NUMERIC)]
        new = NUMBERS[choice % len(NUMBERS)]
    elif op == "type":
        name, path = PLACES[pick % len(PLACES)]
        new = copy.deepcopy(OTHERS[choice % len(OTHERS)])
    elif op == "string":
        name, path = STRING_PLACES[pick % len(STRING_PLACES)]
        new = STRINGS[choice % len(STRINGS)]
    else:
        name, path = KEYED[pick % len(KEYED)]
        new = None
    try:  # an earlier mutation may have removed or replaced the place
        parent = _at(files[name], path[:-1])
        key = path[-1]
        parent[key]
    except (KeyError, IndexError, TypeError):
        return
    if isinstance(parent, _Dup) or not isinstance(parent, (dict, list)):
        return
    if op == "drop":
        del parent[key]
    elif op == "duplicate":
        if not isinstance(parent, dict):
            return
        grand = _at(files[name], path[:-2]) if len(path) > 1 else None
        if isinstance(grand, _Dup):
            return
        items = list(parent.items()) + [(key, parent[key])]
        if grand is None:
            files[name] = _Dup(items)
        else:
            grand[path[-2]] = _Dup(items)
    else:
        parent[key] = new


mutation = st.tuples(
    st.sampled_from(["number", "number", "type", "string", "drop", "duplicate"]),
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
)


def _strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def reuse_one_load(monkeypatch):
    """load_case reads each example once; later commands get the same result (or the same error)."""
    import negotiator.case.catalog as catalog

    real = catalog.load_case
    seen: dict = {}

    def cached(paths=None):
        key = repr(paths)
        if key not in seen:
            try:
                seen[key] = ("ok", real(paths))
            except BaseException as exc:  # noqa: BLE001 - replayed below, whatever it is
                seen[key] = ("error", exc)
        kind, value = seen[key]
        if kind == "error":
            raise value
        return value

    monkeypatch.setattr(catalog, "load_case", cached)
    return seen


@settings(derandomize=True, max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutations=st.lists(mutation, min_size=1, max_size=2))
def test_no_mutation_of_the_bundled_case_breaks_a_command(mutations, cli, tmp_path_factory, reuse_one_load):
    import copy

    reuse_one_load.clear()
    folder = tmp_path_factory.mktemp("fuzz")
    files = copy.deepcopy(BUNDLED)
    for op, pick, choice in mutations:
        _mutate(files, op, pick, choice)
    for name, tree in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_emit(tree) + "\n", encoding="utf-8")
    before = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        for command in COMMANDS:
            with warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)  # numpy's overflow/invalid warnings must not happen
                result = cli(*command, folder)
            what = f"{command} after {mutations}: exit {result.exit_code}\n{result.stderr[-2000:]}"
            assert result.exit_code in ((0, 1, 2) if command[0] in MAY_EXIT_1 else (0, 2)), what
            assert "Traceback" not in result.stderr, what
            if result.exit_code == 2:
                assert result.stdout == "", what
                assert result.stderr.strip(), what
            if "json" in command and result.stdout.strip():
                _strict_json(result.stdout)
            assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == before, what
            if command == ("validate",) and result.exit_code == 2:
                # The case does not load: every other command stops at the same check.
                for other in (("rank", "--format", "json"), ("portfolio", "--format", "json")):
                    again = cli(*other, folder)
                    assert again.exit_code == 2 and again.stdout == "" and "Traceback" not in again.stderr, (other, what)
                break
    finally:
        os.chdir(cwd)
