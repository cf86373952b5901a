"""analyse_conflict: the whole analysis `negotiator conflict`, the memo and the TUI show, on the
bundled conflict and on the textbook conflicts of Fang, Hipel & Kilgour (1993)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_helpers import CC, DC, DD, ELMIRA_STATES, elmira_data
from negotiator.case.catalog import load_case, load_case_text
from negotiator.conflict import ALL_CONCEPTS, analyse_conflict
from negotiator.errors import UsageError

TINY = (Path(__file__).resolve().parent.parent / "cases" / "tiny.yaml").read_text(encoding="utf-8")


def _case_with(conflicts: dict):
    """A small case with the given conflicts (JSON is YAML: the guarded reader takes it)."""
    return load_case_text(TINY + "\nconflicts: " + json.dumps(conflicts) + "\n", name="test")


def _chicken() -> dict:
    def dm(label, opt, order):
        return {"label": label, "options": {opt: {"label": "go straight"}}, "preferences": {"ranking": [[s] for s in order]}}

    CD = ["d2"]
    return {"chicken": {"label": "Chicken", "decision_makers": {
        "p1": dm("Driver 1", "d1", [DC, CC, CD, DD]), "p2": dm("Driver 2", "d2", [CD, CC, DC, DD])},
        "status_quo": []}}


@pytest.fixture(scope="module")
def bundled():
    return analyse_conflict(load_case(None))


def test_bundled_conflict(bundled):
    a = bundled
    assert a.conflict_id == "linkage" and a.concepts == ALL_CONCEPTS
    assert a.space.taken(a.status_quo) == ("us_third_country", "pa_transfers")
    # today is Nash-stable for every DM: no one gains by moving alone
    assert all(not a.verdict(dm, a.status_quo, "nash").improvements for dm in a.space.dm_ids)
    assert a.status_quo in a.equilibria("seq") and a.status_quo not in a.equilibria("cnash")
    assert set(a.equilibria("cnash")) == {3, 39, 43}
    # the linkage threat: US tariffs (dropping fugitive support) credibly deter China somewhere,
    # and plain US tariffs deter China elsewhere only as a threat
    us = [t for t in a.threats if t.by == ("us",) and t.against == "cn" and "us_tariffs" in t.takes]
    assert any(t.credible_at for t in us) and any(t.threat_at for t in us)
    # nobody moves from today alone; groups do
    assert not any(p.reachable and p.length for p in a.paths)
    assert {p.target for p in a.coalition_paths if p.reachable} >= {3, 39, 43}
    json.dumps(a.to_dict(), allow_nan=False)


def test_threats_are_consistent_with_stability(bundled):
    """Each kind of sanction is listed only at GMR equilibria; a state where some improvement is
    deterred only by a threat is not SEQ-stable for that DM (Fang et al. 1993: SEQ needs credible sanctions)."""
    a = bundled
    gmr, seq = set(a.equilibria("gmr")), set(a.equilibria("seq"))
    for t in a.threats:
        assert set(t.credible_at) | set(t.threat_at) <= gmr
        assert not set(t.credible_at) & set(t.threat_at)
        for s in t.threat_at:
            assert not a.is_stable(t.against, s, "seq") and s not in seq
    counts = [t.count for t in a.threats]
    assert counts == sorted(counts, reverse=True)


def test_chicken_mutual_restraint_is_held_by_a_threat():
    """Fang, Hipel & Kilgour (1993), Chicken: mutual restraint is GMR- and SMR-stable but not SEQ:
    the crash that deters going straight would hurt the driver who carries it out."""
    a = analyse_conflict(_case_with(_chicken()))
    restraint = a.space.state(CC)
    assert a.status_quo == restraint
    assert a.held_by_threats() == (restraint,)
    assert {(t.by, t.against, t.takes, t.credible_at, t.threat_at) for t in a.threats} == {
        (("p2",), "p1", ("d2",), (), (restraint,)), (("p1",), "p2", ("d1",), (), (restraint,))}


def test_elmira_status_quo_and_threat():
    """Elmira (Fang, Hipel & Kilgour 1993, ch. 5): state 8 (modified, accepted, insisting) is an
    equilibrium under every concept; state 4 is GMR but not SEQ, held only by Uniroyal's threat to
    abandon; from the status quo (delay) moves alone reach 7, and 8 only with a coalition move."""
    a = analyse_conflict(_case_with(elmira_data()))
    num = {a.space.state(v): k for k, v in ELMIRA_STATES.items()}
    st = {k: s for s, k in num.items()}
    assert a.status_quo == st[1]
    assert all(st[8] in a.equilibria(c) for c in ("nash", "gmr", "smr", "seq"))
    assert st[4] in a.held_by_threats()
    (abandon,) = [t for t in a.threats if st[4] in t.threat_at]
    assert abandon.by == ("uniroyal",) and abandon.against == "local" and "abandon" in abandon.takes
    alone = {p.target: p for p in a.paths}
    together = {p.target: p for p in a.coalition_paths}
    assert alone[st[7]].reachable and not alone[st[8]].reachable and together[st[8]].reachable


def test_concepts_and_target():
    a = analyse_conflict(load_case(None), concept="nash, seq", target="cn_flights,us_fugitives")
    assert a.concepts == ("nash", "seq") and a.listed_concepts == ("nash", "seq")
    assert a.target.state == a.space.state(["cn_flights", "us_fugitives"]) and a.target.found and a.target.steps == 0
    b = analyse_conflict(load_case(None), target="cn_flights,cn_link,us_fugitives")
    (change,) = b.target.changes
    pairs = change.changed_pairs()
    assert change.dm == "cn" and pairs and all(how in ("prefers", "ties") for _, _, how in pairs)
    assert analyse_conflict(load_case(None), target="none").target.state == b.space.state([])


@pytest.mark.parametrize("kwargs,message", [
    ({"conflict": "linkag"}, "unknown conflict 'linkag'"),
    ({"concept": "nash,foo"}, "unknown stability concept 'foo'"),
    ({"concept": ","}, "unknown stability concept"),
    ({"target": "cn_flights,bogus"}, "unknown option(s) bogus"),
    ({"target": "us_tariffs,us_fugitives"}, "no feasible state"),
    ({"target": "cn_flights", "target_concept": "cseq"}, "for --target"),
])
def test_bad_choices_are_usage_errors(kwargs, message):
    with pytest.raises(UsageError) as err:
        analyse_conflict(load_case(None), **kwargs)
    assert message in str(err.value.problems[0].message)


def test_a_case_without_conflicts():
    with pytest.raises(UsageError, match="no conflict"):
        analyse_conflict(load_case_text(TINY, name="tiny"))
