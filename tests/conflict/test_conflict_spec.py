"""The `conflicts:` section: models, cross-checks, the bundled paper case, statements, states."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest
from ruamel.yaml import YAML

import negotiator.conflict as conflict_pkg
from conflict_helpers import elmira_data
from negotiator.conflict import (
    StatementError, analyse, build_states, coalition_stability, conflicts_from_data, parse_statement,
    preference_values, status_quo_paths, values_from_prioritisation,
)
from negotiator.errors import CaseError

PAPER = Path(__file__).resolve().parents[2] / "payoffs" / "conflicts.yaml"  # the bundled case's conflicts section


def _load_paper():
    return YAML(typ="safe").load(PAPER.read_text(encoding="utf-8"))


def test_all_is_complete():
    public = {n for n in dir(conflict_pkg) if not n.startswith("_") and n not in {"annotations"}}
    # `stability` is both a module and the function re-exported over it.
    modules = {"spec", "statements", "states", "preferences", "reach", "coalitions", "paths", "inverse", "analysis"}
    assert public - modules == set(conflict_pkg.__all__)


def test_paper_case_loads_and_runs():
    """The bundled case (Su & Zhou 2026, §二 and §四(一)): only a `conflicts:` section; every option and
    statement cites a section of the paper, carries a rationale, and has Chinese labels."""
    data = _load_paper()
    assert set(data) == {"conflicts"}
    conflicts = conflicts_from_data(data)
    c = conflicts["linkage"]
    assert "ANALYST" in c.judgment and c.label_zh
    assert set(c.decision_makers) == {"cn", "us", "pa"}
    for dm in c.decision_makers.values():
        assert dm.label_zh
        for opt in dm.options.values():
            assert opt.source and opt.source.startswith("§") and opt.label_zh and opt.rationale
        for st in dm.preferences.prioritisation:
            assert st.source.startswith("§") and st.rationale.startswith("Analyst judgment") and st.label_zh
    r = analyse(c)
    sq = r.space.state(c.status_quo)
    json.dumps(r.to_dict())
    json.dumps(coalition_stability(r.space, r.values).to_dict())
    json.dumps([p.to_dict() for p in status_quo_paths(r.space, r.values, sq, r.equilibria("seq"))])
    # tariffs are irreversible: no US move drops them
    sp = r.space
    t = sp.option_ids.index("us_tariffs")
    src, dst = sp.moves[sp.dm_index("us")]
    assert not (((sp.codes[src] >> t) & 1 == 1) & ((sp.codes[dst] >> t) & 1 == 0)).any()


def _problems(data):
    with pytest.raises(CaseError) as info:
        conflicts_from_data(data)
    return info.value.problems


def test_unknown_option_in_statement_is_located():
    data = _load_paper()
    data["conflicts"]["linkage"]["decision_makers"]["us"]["preferences"]["prioritisation"][1]["statement"] = "cn_flight"
    (p,) = _problems(data)
    assert p.where == "conflicts.linkage.decision_makers.us.preferences.prioritisation.1.statement"
    assert "cn_flight" in p.message and "cn_flights" in p.hint


def test_bad_statement_syntax():
    data = _load_paper()
    data["conflicts"]["linkage"]["decision_makers"]["cn"]["preferences"]["prioritisation"][0]["statement"] = "not (us_tariffs and"
    (p,) = _problems(data)
    assert "does not parse" in p.message and p.hint


def test_missing_rationale_and_unknown_key():
    data = _load_paper()
    st = data["conflicts"]["linkage"]["decision_makers"]["cn"]["preferences"]["prioritisation"][0]
    del st["rationale"]
    data["conflicts"]["linkage"]["colour"] = "red"
    wheres = {p.where for p in _problems(data)}
    assert "conflicts.linkage.decision_makers.cn.preferences.prioritisation.0.rationale" in wheres
    assert "conflicts.linkage.colour" in wheres


def test_ranking_must_cover_every_state_once():
    data = elmira_data()
    rank = data["elmira"]["decision_makers"]["moe"]["preferences"]["ranking"]
    rank.pop()  # abandon left out
    rank.append([["delay"]])  # state 1 twice
    msgs = [p.message for p in _problems(data)]
    assert any("ranked twice" in m for m in msgs) and any("leaves out 1" in m for m in msgs)


def test_infeasible_status_quo_and_rules():
    data = elmira_data()
    data["elmira"]["status_quo"] = ["delay", "accept"]
    (p,) = _problems(data)
    assert p.where == "conflicts.elmira.status_quo"
    data = elmira_data()
    data["elmira"]["feasibility"].append({"kind": "requires", "option": "modify"})
    (p,) = _problems(data)
    assert "requires" in p.message


def test_both_or_neither_preference_kind():
    data = elmira_data()
    data["elmira"]["decision_makers"]["moe"]["preferences"] = {}
    assert any("exactly one" in p.message for p in _problems(data))


def test_statement_grammar():
    assert parse_statement("a if b") == ("if", ("opt", "a"), ("opt", "b"))
    assert parse_statement("not a and b or c") == ("or", ("and", ("not", ("opt", "a")), ("opt", "b")), ("opt", "c"))
    assert parse_statement("-a & (b | c)") == ("and", ("not", ("opt", "a")), ("or", ("opt", "b"), ("opt", "c")))
    for bad in ("", "a and", "(a", "a b", "and a"):
        with pytest.raises(StatementError):
            parse_statement(bad)


def test_option_prioritisation_is_lexicographic():
    """Fang, Hipel, Kilgour & Wang (2003), option prioritisation: a state satisfying the first statement
    beats every state that does not, whatever the later statements; ties where all statements agree."""
    data = elmira_data()
    data["elmira"]["decision_makers"]["moe"]["preferences"] = {"prioritisation": [
        {"statement": "accept", "rationale": "r", "source": "s"},
        {"statement": "not abandon", "rationale": "r", "source": "s"},
        {"statement": "not modify", "rationale": "r", "source": "s"},
    ]}
    c = conflicts_from_data(data)["elmira"]
    sp = build_states(c)
    v = preference_values(c, sp)[0]
    s = lambda *o: sp.state(o)
    assert v[s("accept")] > v[s("modify", "accept")] > v[s("delay")] > v[s("modify", "delay")] > v[s("abandon")]
    assert v[s("accept")] == v[s("accept", "insist")]


def test_elmira_nine_states():
    sp = build_states(conflicts_from_data(elmira_data())["elmira"])
    assert sp.n_states == 9 and sp.find(["abandon", "modify"]) == sp.find(["abandon"])
    assert sp.find(["delay", "accept"]) is None
    json.dumps(sp.to_dict())
