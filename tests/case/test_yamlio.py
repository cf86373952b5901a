"""The fast YAML path (libyaml's parser, case/yamlio._fast_load) reads exactly what ruamel reads.

Every YAML file in the repository gives the same plain data, the same line for
every key path, and the same case_sha256 through the fast path as through
ruamel's round-trip parser (the reader before issue 16); texts the fast path
does not build itself go to ruamel and come out as before.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from negotiator.case import yamlio
from negotiator.case.catalog import bundled_dirs, load_case
from negotiator.errors import CaseError

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted(p for folder in ("tests", "examples", "strategies", "payoffs") for p in (ROOT / folder).rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def _ruamel(text: str, name: str = "<text>") -> yamlio.YamlDocument:
    tree = yamlio.load_yaml_tree(text, name)
    return yamlio.YamlDocument(path=name, data=yamlio.to_plain(tree), tree=tree, text=text)


def _same(a, b) -> bool:
    """Equal, with the same types all the way down (1 and 1.0 and True differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(k, k2) and _same(a[k], b[k2]) for k, k2 in zip(a, b))
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b and (not isinstance(a, float) or math.copysign(1, a) == math.copysign(1, b))


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, prefix + (i,))


def test_the_repository_has_yaml_files_to_compare():
    assert len(YAML_FILES) >= 10


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_path_reads_every_file_as_ruamel_does(path):
    text = path.read_text(encoding="utf-8-sig")
    fast = yamlio._fast_load(text)
    assert fast is not None, "the fast path should read the repository's own files"
    doc = yamlio.parse_yaml_text(text, str(path))
    slow = _ruamel(text, str(path))
    assert _same(doc.data, slow.data)
    for keys in _paths(slow.data):
        assert doc.line_of(keys) == slow.line_of(keys), keys


def _hashes(paths, monkeypatch, fast: bool) -> list[str]:
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(yamlio, "_fast_load", lambda text: None)
        out = []
        for p in paths:
            try:
                out.append(load_case(p).sha256)
            except CaseError as exc:  # a file that is part of a case, or a case meant to fail
                out.append("error: " + exc.render())
        return out


def test_every_case_hashes_as_before(monkeypatch):
    cases = [None] + [p for p in YAML_FILES if p.parent.name in ("cases", "examples")]
    fast = _hashes(cases, monkeypatch, fast=True)
    assert fast == _hashes(cases, monkeypatch, fast=False)
    assert sum(not h.startswith("error") for h in fast) >= 4


@pytest.mark.parametrize(
    "text",
    [
        "a: 0x1F\nb: 0o17\nc: 017\nd: 1_000\ne: 0b101\n",
        "a: .inf\nb: -.inf\nc: .nan\nd: 1e5\ne: 1.5e-3\nf: -0.0\ng: +3\nh: .5\ni: 5.\n",
        "a: yes\nb: no\nc: on\nd: True\ne: FALSE\nf: ~\ng:\nh: Null\n",
        "a: 2024-01-01\nb: 2024-01-01 10:00:00\n",
        "base: &b {x: 1}\nmore:\n  <<: *b\n  y: 2\n",
        "%YAML 1.1\n---\na: yes\nb: 010\n",
        "a: !!str 5\nb: !!float 5\nc: !!int '7'\nd: '5'\ne: \"x\\ty\"\n",
        "1: one\n2.5: two\ntrue: three\nnull: four\n",
        "text: |\n  two\n  lines\nfolded: >-\n  one\n  line\n",
        "a: =\n",
    ],
)
def test_texts_outside_the_fast_path_read_as_before(text):
    fast, slow = _outcome(yamlio.parse_yaml_text, text), _outcome(_ruamel, text)
    assert fast == slow if isinstance(fast, str) else _same(fast, slow)


def _outcome(read, text):
    """The plain data, or the error's words; ruamel's tagged scalars by their repr (they have no ==)."""
    try:
        data = read(text).data
    except CaseError as exc:
        return exc.render()
    return {k: repr(v) if type(v).__name__ == "TaggedScalar" else v for k, v in data.items()}


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # ruamel's duplicate-key message, with both lines
        "a: [1, 2\nb: 3\n",
        "a:\n  - b\n c: d\n",
        "a: \"unclosed\n",
        "a: &x [1]\nb: *y\n",
    ],
)
def test_errors_are_worded_as_before(text):
    with pytest.raises(CaseError) as fast:
        yamlio.parse_yaml_text(text, "f.yaml")
    with pytest.raises(CaseError) as slow:
        _ruamel(text, "f.yaml")
    assert fast.value.render() == slow.value.render()


def test_the_bundled_case_reads_through_the_fast_path():
    for folder in bundled_dirs():
        for p in folder.rglob("*.yaml"):
            assert yamlio._fast_load(p.read_text(encoding="utf-8-sig")) is not None, p


@pytest.mark.parametrize(
    "text, words",
    [
        ("a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
         "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
         "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "alias bomb"),
        ("loop: &x\n  - *x\n", "recursive alias"),
        ("a: " + "[" * (yamlio.MAX_DEPTH + 5) + "]" * (yamlio.MAX_DEPTH + 5), "nests more than"),
        ("negotiator: 1\n? [a, b]\n: 1\n", "keys are plain text"),
    ],
)
def test_the_fast_path_guards_before_building(text, words):
    with pytest.raises(yamlio.UnsafeYamlError) as exc:
        yamlio._fast_load(text)
    assert words in exc.value.render()
    with pytest.raises(yamlio.UnsafeYamlError) as exc:
        yamlio.parse_yaml_text(text, "x.yaml")
    assert words in exc.value.render() and exc.value.problems[0].file == "x.yaml" and exc.value.problems[0].line
