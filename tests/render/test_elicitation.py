"""`negotiator ahp` and `negotiator analysts`: the tables are built in render/, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

#: Words allowed in Chinese output: ids of the test cases, acronyms and proper names.
ALLOWED = {"AHP", "CI", "RI", "CR", "sha256", "negotiator", "yaml", "work", "main", "tests", "cases", "methods_demo", "full_features", "analysts", "pooled", "median",
           "additive", "analysts_pooled"}  # a method id and the pooled profile's id


def english_words(text: str, ids: set[str]) -> set[str]:
    text = re.sub(r"sha256\s+[0-9a-f]+|[A-Z]{6,}|[/\w.-]+\.yaml", " ", text)  # hashes and file paths (hyphens too) are not words
    words = set(re.findall(r"[A-Za-z][A-Za-z_]+", text))
    return {w for w in words if w not in ALLOWED and w not in ids}


@pytest.mark.parametrize("command", ["ahp", "analysts"])
def test_chinese_tables_have_no_english_words(cli, cases_dir, command):
    from negotiator.case.catalog import load_case


    path = "example:methods_demo" if command == "ahp" else str(cases_dir / "full_features.yaml")
    case = load_case([path]).case
    ids = set(case.objectives) | set(case.options) | set(case.weights) | set(getattr(case, "analysts", {}) or {})
    ids |= {part for i in list(ids) for part in i.split("_")}
    # a name the case gives only in English (no label_zh) is shown as written: the case's words, not ours
    ids |= {w for item in [*case.objectives.values(), *case.options.values()] if not item.label_zh for w in item.label.split()}
    out = cli(command, str(path), "--lang", "zh").stdout
    # Provenance names the case file, and a caption wraps it at the table's width wherever the
    # checkout was cloned: pieces of the checkout's own path are not the table's words.
    paths = " ".join((str(Path(__file__).resolve().parents[2]), str(path), "examples/methods_demo.yaml"))
    # Likewise a wrapped "sha256 4c55…" digest leaves pieces of hex digits ("df") and "sha".
    assert {w for w in english_words(out, ids) if w not in paths and not re.fullmatch(r"[a-f]+|sha", w)} == set()


def test_english_ahp_table_keeps_its_words(cli, cases_dir):
    out = cli("ahp", "example:methods_demo").stdout
    assert "row over column (filled-in comparisons in brackets)" in out
    assert re.search(r"lambda_max [\d.]+; CI [\d.]+; RI\(5\) 1\.12; CR [\d.]+ \(consistent enough\)", out)


def test_pooled_weights_sorted_by_disagreement_in_the_core(cases_dir):
    from negotiator.case.catalog import load_case
    from negotiator.ranking.analysts import pool_analysts

    view = pool_analysts(load_case([cases_dir / "full_features.yaml"]))
    spreads = [w.spread for w in view.weights_by_spread()]
    assert spreads == sorted(spreads, reverse=True)
    assert view.weights_rule_message[0] in {"an_rule_pool", "an_rule_pool_default", "an_rule_ahp"}
