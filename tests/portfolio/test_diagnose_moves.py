"""The infeasibility diagnosis suggests only moves an analyst could make, and they work.

One small case (seven options, two budgets, a prerequisite chain, an
exclusion, a red line, a package limit) made infeasible one constraint type
at a time. For each suggestion the test re-solves the case with the change
applied: a move said to fix the case alone does (and a slightly smaller one
does not); a move said not to be enough is not. No suggestion takes a count
minimum below 1 (unless the case allows an empty package) or a bound below
0, a red line says to which level it must move and what that lets through,
and forced-in options are named as forced in. Method: deletion filter
(Chinneck & Dravnieks 1991) plus one elastic program per number.
"""

from __future__ import annotations

import pytest

from negotiator.case.catalog import load_case_text
from negotiator.portfolio import best_packages

from tests.portfolio.test_model import load_dict, random_case

CASE = """
negotiator: 1
title: Diagnosis test case
objectives:
  gain: {label: Gain, direction: max, scale: [0, 10]}
  risk: {label: Escalation risk, direction: min, scale: [0, 10]}
options:
  talks: {label: Talks, resources: {staff: 4, money: 1}, scores: {gain: 6, risk: 3}}
  linkage: {label: Linkage, resources: {staff: 3, money: 1}, requires: [talks], scores: {gain: 8, risk: 6}}
  followup: {label: Follow-up, resources: {staff: 3, money: 2}, requires: [linkage], scores: {gain: 7, risk: 4}}
  protest: {label: Protest, resources: {staff: 2, money: 1}, excludes: [talks], scores: {gain: 5, risk: 8}}
  passive: {label: Passive acceptance, resources: {staff: 1, money: 0}, scores: {gain: 2, risk: 1}}
  aid: {label: Aid, resources: {staff: 5, money: 4}, scores: {gain: 6, risk: 2}}
  hotline: {label: Hotline, resources: {staff: 1, money: 1}, excludes: [aid], scores: {gain: 4, risk: 1}}
constraints:
  budgets: {staff: 10, money: 6}
  limits: {risk: {max: 7}}
  count: [1, 4]
  package: {risk: {max: 12}}
"""




@pytest.fixture(scope="module")
def case():
    return load_case_text(CASE)


def _item(result, key):
    return next(c for c in result.diagnosis.conflict if c.key == key)


def test_count_against_budget(case):
    # Four measures within 6 staff: the cheapest four that respect the prerequisites, the exclusion
    # and the red line are passive, hotline, talks and linkage (1 + 1 + 4 + 3 = 9 staff); three
    # fit in 6 (passive, hotline, talks).
    r = best_packages(case, count=(4, 4), budgets={"staff": 6})
    assert r.status == "infeasible"
    assert {c.key for c in r.diagnosis.conflict} == {"budget:staff", "count:min"}
    staff = _item(r, "budget:staff")
    assert staff.alone_fixes and staff.new_limit == pytest.approx(9)
    assert staff.advice == "raise the cap on staff from 6 to 9 (+3)"
    assert best_packages(case, count=(4, 4), budgets={"staff": 9}).feasible
    assert not best_packages(case, count=(4, 4), budgets={"staff": 8.9}).feasible
    count = _item(r, "count:min")
    assert count.alone_fixes and count.new_limit == 3
    assert count.advice == "lower the minimum number of measures from 4 to 3 (-1)"
    assert best_packages(case, count=(3, 4), budgets={"staff": 6}).feasible
    assert r.diagnosis.summary.endswith("cap on staff: at most 6; at least 4 measures")


def test_prerequisite_chain_against_budget(case):
    # followup needs linkage needs talks: 10 staff, and risk 3 + 6 + 4 = 13 over the package limit 12.
    r = best_packages(case, include=["followup"], budgets={"staff": 8})
    keys = {c.key for c in r.diagnosis.conflict}
    assert {"include:followup", "requires:followup>linkage", "requires:linkage>talks"} <= keys
    forced = _item(r, "include:followup")
    assert forced.text == "'followup' forced in (--include followup)"
    assert forced.advice == "stop forcing 'followup' in (drop --include followup)"
    rule = _item(r, "requires:followup>linkage")
    assert rule.advice == "drop the rule that 'followup' needs 'linkage' (in the case file), only if 'followup' can really work without it"
    assert "leave both out" not in rule.advice  # impossible while followup is forced in
    if "budget:staff" in keys:
        staff = _item(r, "budget:staff")
        assert staff.new_limit == pytest.approx(10)
        # Ten staff are not enough on their own: the package risk limit also bites.
        assert not staff.alone_fixes and "not enough on its own" in staff.advice
        assert not best_packages(case, include=["followup"], budgets={"staff": 10}).feasible


def test_exclusion_against_two_forced_options(case):
    r = best_packages(case, include=["hotline", "aid"])
    assert {c.key for c in r.diagnosis.conflict} == {"excludes:aid|hotline", "include:hotline", "include:aid"} or {c.key for c in r.diagnosis.conflict} == {"excludes:hotline|aid", "include:hotline", "include:aid"}
    rule = next(c for c in r.diagnosis.conflict if c.kind == "excludes")
    assert "remove the exclusion between" in rule.advice and "only if they can really run side by side" in rule.advice
    assert "stop forcing 'hotline' in" in _item(r, "include:hotline").advice
    assert all(c.alone_fixes for c in r.diagnosis.conflict)


def test_red_line_against_a_forced_option_says_how_far_to_move_it(case):
    r = best_packages(case, include=["passive", "protest"])
    assert {c.kind for c in r.diagnosis.conflict} == {"red_line", "include"}
    line = _item(r, "red_line:risk")
    assert line.loosen_to == pytest.approx(8)
    assert line.advice.startswith("'protest' is forced in but crosses it; raise the red line's maximum on risk from 7 to 8")
    assert "lets protest through" in line.advice
    # Moving the red line to 8 does make the case feasible.
    moved = load_case_text(CASE.replace("limits: {risk: {max: 7}}", "limits: {risk: {max: 8}}"))
    assert best_packages(moved, include=["passive", "protest"]).feasible


def test_package_limit(case):
    r = best_packages(case, include=["linkage", "followup", "aid"], budgets={"staff": 30, "money": 30})
    limit = _item(r, "package:risk:max")
    assert limit.alone_fixes and limit.new_limit == pytest.approx(15)  # talks 3 + linkage 6 + followup 4 + aid 2
    assert limit.advice == "raise the package limit on risk from 12 to 15 (+3)"
    raised = load_case_text(CASE.replace("package: {risk: {max: 12}}", "package: {risk: {max: 15}}"))
    assert best_packages(raised, include=["linkage", "followup", "aid"], budgets={"staff": 30, "money": 30}).feasible


def test_count_minimum_never_goes_below_one(case):
    # Everything but the red-lined protest is kept out: no measure at all can be chosen. Lowering the
    # minimum to 0 would "work" only by choosing nothing, which is no answer.
    r = best_packages(case, exclude=["talks", "linkage", "followup", "aid", "passive", "hotline"])
    count = _item(r, "count:min")
    assert count.move is None and count.new_limit is None and not count.alone_fixes
    assert "cannot help" in count.advice and "empty package is no answer" in count.advice
    assert "from 1 to 0" not in count.advice
    excluded = _item(r, "exclude:talks")
    assert excluded.text == "'talks' kept out (--exclude talks)"
    assert excluded.advice == "let 'talks' back in (drop --exclude talks)"


def test_count_minimum_may_go_to_zero_when_the_case_allows_an_empty_package():
    case0 = load_case_text(CASE.replace("count: [1, 4]", "count: [0, 4]"))
    r = best_packages(case0, count=(1, 4), exclude=["talks", "linkage", "followup", "aid", "passive", "hotline"])
    count = _item(r, "count:min")
    assert count.alone_fixes and count.new_limit == 0
    assert count.advice == "drop the minimum number of measures (the case allows an empty package)"


def test_the_baseline_option_held_out_is_named_as_such(case):
    # Seven options, one held out as the baseline: at least 7 measures cannot be met.
    r = best_packages(case, baseline="passive", count=(6, 6), budgets={"staff": 99, "money": 99})
    assert r.status == "infeasible"
    kinds = {c.kind for c in r.diagnosis.conflict}
    assert "count" in kinds
    if "baseline" in kinds:
        assert "pick another --baseline" in _item(r, "baseline:passive").advice


SEEDS = list(range(40))


def _random_infeasible():
    out = []
    for seed in SEEDS:
        n = 6 + seed % 5
        data = random_case(seed, n, infeasible_bias=True)
        data["constraints"]["count"] = [max(1, n - 2 - seed % 3), n]
        include = list(data["options"])[: 1 + seed % 2]
        r = best_packages(load_dict(data), profile="main", include=include)
        if r.status == "infeasible":
            out.append((seed, data, include, r))
        if len(out) == 8:
            break
    return out


def test_every_suggestion_on_random_infeasible_cases_is_sensible():
    found = _random_infeasible()
    assert len(found) >= 5
    for seed, data, include, r in found:
        for c in r.diagnosis.conflict:
            assert c.advice, (seed, c.key)
            if c.kind == "count" and c.sense == ">=" and c.new_limit is not None:
                allowed = data["constraints"]["count"][0] == 0
                assert c.new_limit >= (0 if allowed else 1), (seed, c)
            if c.new_limit is not None:
                assert c.new_limit >= 0, (seed, c)
            if c.kind == "include":
                assert "forced in" in c.text and "stop forcing" in c.advice
            if c.kind == "count" and c.sense == ">=" and c.alone_fixes:
                lo, hi = data["constraints"]["count"]
                assert best_packages(load_dict(data), profile="main", include=include, count=(int(c.new_limit), hi)).feasible


def test_cli_reads_well(cli, tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    r = cli("portfolio", str(path), "--include", "passive", "--include", "protest")
    assert r.exit_code == 1
    assert "These constraints cannot all hold" in r.stdout
    assert "forced in" in r.stdout and "stop forcing" in r.stdout
    j = cli("portfolio", str(path), "--include", "passive", "--include", "protest", "-f", "json")
    import json

    advice = {c["key"]: c["advice"] for c in json.loads(j.stdout)["diagnosis"]["conflict"]}
    assert "raise the red line's maximum on risk from 7 to 8 in constraints.limits (lets protest through)" in advice["red_line:risk"]


def test_more_than_one_conflict_is_said_once(case):
    # passive + protest + followup: protest crosses the red line, excludes talks (which followup's
    # chain needs), and the three break the package risk limit: several conflicts at once.
    r = best_packages(case, include=["passive", "protest", "followup"])
    d = r.diagnosis
    assert not any(c.alone_fixes for c in d.conflict)
    assert d.note.startswith("Changing any one of these is not enough on its own")
    assert not any("not enough on its own" in c.advice for c in d.conflict)  # said once, not on every row
    assert d.note in d.summary and d.to_dict()["note"] == d.note


def test_infeasible_csv_says_to_which_level_a_red_line_must_move(cli):
    # Forcing in the option the escalation red line (at most 7) screens out: the CSV, like the
    # JSON, names the level the line must move to (its likely score, 8).
    import csv
    import io

    result = cli("portfolio", "--include", "independent_investigation_push", "--format", "csv")
    assert result.exit_code == 1
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if not r["status"].startswith("#")]
    red = next(r for r in rows if r["key"] == "red_line:escalation_risk")
    assert float(red["loosen_to"]) == 8.0
