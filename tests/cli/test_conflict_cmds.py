"""`negotiator conflict`: the graph model of the bundled conflict (and any case with `conflicts:`),
as a table (80 and 120 columns, English and Chinese), JSON and CSV; bad input exits 2."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from rich.cells import cell_len

from test_chinese import english_words

#: Proper names and ids the Chinese output keeps: the citation, the conflict and DM ids.
NAMES = {"Fang", "Hipel", "Kilgour", "Xu", "linkage", "cn", "us", "pa"}


def _strict(text: str):
    def no_constants(c):  # NaN, Infinity: not JSON
        raise ValueError(c)

    return json.loads(text, parse_constant=no_constants)


@pytest.mark.parametrize("width", (80, 120))
def test_table_in_english_answers_the_question(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    r = cli("conflict")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert max(cell_len(line) for line in out.splitlines()) <= width
    flat = re.sub(r"\s+", " ", out)
    for words in ("In short", "Today (state 40: us_third_country, pa_transfers) is an equilibrium",
                  "Which threats are credible?", "Credible (carrying it out pays United States)",
                  "Only a threat (carrying it out would cost United States)",
                  "From today to each credible equilibrium", "from today, together, China takes up",
                  "then United States takes up “Impose tariffs or visa sanctions tied to removals”",
                  "(coalition Nash)", "case: bundled (sha256", "analyst's reading"):
        assert words in flat, words


@pytest.mark.parametrize("width", (80, 120))
def test_table_in_chinese_has_no_english_but_ids_names_and_acronyms(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    r = cli("conflict", "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert max(cell_len(line) for line in out.splitlines()) <= width
    flat = re.sub(r"\s+", "", out)
    for words in ("结论", "现状（状态40：us_third_country,pa_transfers）", "哪些威胁可信？", "可信（实施对美国有利）",
                  "仅是威胁（实施会使美国自身受损）", "从现状到各可信均衡的路径", "随后美国采取“以关税或签证制裁挂钩遣返”",
                  "联盟Nash", "选项、可行性与偏好顺序均为分析人员的判断"):
        assert words in flat, words
    left = [w for w in english_words(out) if w not in NAMES]
    assert not left, left
    # no line starts with closing punctuation (wrapping keeps it with the word before)
    assert not [line for line in out.splitlines() if line.strip()[:1] in set("，。、：；）”")]


def test_target_says_what_would_have_to_change(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("conflict", "--target", "cn_flights,cn_link,us_fugitives")
    assert r.exit_code == 0, r.stderr
    flat = re.sub(r"\s+", " ", r.stdout)
    assert "What would have to change for state 19 (cn_flights, cn_link, us_fugitives) to be an equilibrium (SEQ)" in flat
    assert "China would have to prefer state 0 (no option taken) to state(s)" in flat
    zh = cli("conflict", "--target", "cn_flights,us_fugitives", "--lang", "zh")
    assert "状态17（cn_flights,us_fugitives）成为均衡（SEQ）需要哪些改变" in re.sub(r"\s+", "", zh.stdout)
    assert "已是均衡" in zh.stdout


def test_json_is_strict_and_complete(cli):
    r = cli("conflict", "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = _strict(r.stdout)
    assert data["conflict"] == "linkage"
    assert data["status_quo"] == {"state": 40, "taken": ["us_third_country", "pa_transfers"]}
    assert 40 in data["equilibria"]["seq"] and set(data["equilibria"]["cnash"]) == {3, 39, 43}
    assert data["provenance"]["case_sha256"] and data["provenance"]["seed"] is None
    credible = [t for t in data["threats"] if t["by"] == ["us"] and "us_tariffs" in t["takes"] and t["credible_at"]]
    assert credible and all(set(t) == {"by", "against", "takes", "drops", "credible_at", "threat_at"} for t in data["threats"])
    assert data["threats_in_words"] and data["paths_in_words"] and data["findings"]
    # the machine-readable output does not depend on --lang
    assert _strict(cli("conflict", "-f", "json", "--lang", "zh").stdout) == data
    target = _strict(cli("conflict", "-f", "json", "--target", "cn_flights,cn_link,us_fugitives").stdout)["target"]
    assert target["found"] and target["changes"][0]["changed_pairs"]


def test_csv_has_provenance_and_one_row_per_state(cli):
    r = cli("conflict", "-f", "csv", "--concept", "nash,seq")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("# case: bundled (sha256")
    rows = list(csv.reader(io.StringIO("\n".join(line for line in lines if not line.startswith("#")))))
    assert rows[0] == ["state", "status_quo", "options_taken", "nash", "seq"]
    today = next(row for row in rows[1:] if row[1] == "yes")
    assert today == ["40", "yes", "us_third_country;pa_transfers", "equilibrium", "equilibrium"]


def test_concept_narrows_the_table(cli):
    r = cli("conflict", "--concept", "gmr")
    assert r.exit_code == 0, r.stderr
    header = next(line for line in r.stdout.splitlines() if "options taken" in line and "┃" in line)
    assert "GMR" in header and "SEQ" not in header and "CNash" not in header


BAD = [
    (["--conflict", "linkag"], "unknown conflict 'linkag'", "did you mean 'linkage'?"),
    (["--concept", "seqq"], "unknown stability concept 'seqq'", "nash, gmr, smr, seq"),
    (["--target", "cn_flight"], "unknown option(s) cn_flight", "did you mean cn_flights?"),
    (["--target", "us_tariffs,us_fugitives"], "no feasible state takes exactly us_tariffs, us_fugitives", "feasibility rules"),
    (["--target", "cn_flights", "--target-concept", "cnash"], "unknown stability concept 'cnash' for --target", "nash, gmr, smr, seq"),
    (["-f", "markdown"], "conflict writes table, json or csv", "--format table, json or csv"),
]


@pytest.mark.parametrize("args,message,hint", BAD, ids=[" ".join(b[0]) for b in BAD])
def test_bad_input_is_one_clear_message(cli, args, message, hint):
    r = cli("conflict", *args)
    assert r.exit_code == 2
    assert message in r.stderr and hint in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_a_case_without_conflicts(cli, cases_dir):
    r = cli("conflict", cases_dir / "tiny.yaml")
    assert r.exit_code == 2
    assert "the case has no conflict (no `conflicts:` section)" in r.stderr and "Traceback" not in r.stderr


CHICKEN = """
conflicts:
  chicken:
    label: Chicken
    decision_makers:
      p1:
        label: Driver 1
        options:
          d1: {label: Go straight, source: "Fang et al. 1993", rationale: the dare}
        preferences:
          ranking: [[[d1]], [[]], [[d2]], [[d1, d2]]]
      p2:
        label: Driver 2
        options:
          d2: {label: Go straight, source: "Fang et al. 1993", rationale: the dare}
        preferences:
          ranking: [[[d2]], [[]], [[d1]], [[d1, d2]]]
    status_quo: []
"""


def test_any_case_file_with_conflicts(cli, cases_dir, tmp_path, monkeypatch):
    """Chicken (Fang, Hipel & Kilgour 1993) added to a small case: mutual restraint is held by a
    threat only (GMR, not SEQ): the crash would hurt whoever carried it out."""
    monkeypatch.setenv("COLUMNS", "80")
    case = tmp_path / "chicken.yaml"
    case.write_text((cases_dir / "tiny.yaml").read_text(encoding="utf-8") + CHICKEN, encoding="utf-8")
    data = _strict(cli("conflict", case, "-f", "json").stdout)
    assert data["conflict"] == "chicken" and data["status_quo"]["state"] == 0
    assert 0 in data["equilibria"]["gmr"] and 0 not in data["equilibria"]["seq"]
    assert data["held_by_threats"] == [0]
    assert [t["threat_at"] for t in data["threats"]] == [[0], [0]]
    out = re.sub(r"\s+", " ", cli("conflict", case).stdout)
    assert "Today (state 0: no option taken) is an equilibrium under GMR, SMR" in out
    assert "Driver 2: take up “Go straight”, to deter Driver 1. Only a threat" in out
