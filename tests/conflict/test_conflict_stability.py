"""Nash, GMR, SMR and SEQ: known answers from the literature, and the definitions read literally."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_helpers import (
    CC, CD, DC, DD, ELMIRA_STATES, brute_moves, brute_stability, chicken, elmira, prisoners_dilemma,
    random_conflict, register_directions,
)
from negotiator.conflict import CONCEPTS, analyse, build_states, stability


def _eq(result, concept):
    return sorted(tuple(result.space.taken(s)) for s in result.equilibria(concept))


def test_prisoners_dilemma():
    """Fang, Hipel & Kilgour (1993), Interactive Decision Making, the Prisoner's Dilemma in option form:
    mutual defection is the only Nash equilibrium; mutual cooperation is GMR, SMR and SEQ stable for
    both (defecting alone is met by the other's defection, which the other prefers: a credible sanction).
    The same verdicts appear in gmcr-py's test narrative (onp/gmcr-py, test_data/Prisoners_narr.txt)."""
    r = analyse(prisoners_dilemma())
    assert _eq(r, "nash") == [tuple(DD)]
    for c in ("gmr", "smr", "seq"):
        assert _eq(r, c) == sorted([tuple(CC), tuple(DD)])
    v = r.verdict("p1", r.space.state(CC), "seq")
    assert v.stable and v.improvements[0].sanctions[0].credible
    assert v.improvements[0].sanctions[0].state == r.space.state(DD)


def test_chicken_mutual_restraint_is_gmr_and_smr_but_not_seq():
    """Fang, Hipel & Kilgour (1993), Chicken: Nash equilibria are the two outcomes where exactly one
    swerves; GMR and SMR add mutual restraint (both swerve), because the other can punish a driver who
    goes straight by going straight too (the crash); SEQ does not, because that punishment would hurt
    the punisher (crash is worse for it than being the one who swerved): a threat, not credible."""
    r = analyse(chicken())
    assert _eq(r, "nash") == sorted([tuple(DC), tuple(CD)])
    assert _eq(r, "gmr") == sorted([tuple(CC), tuple(DC), tuple(CD)])
    assert _eq(r, "smr") == sorted([tuple(CC), tuple(DC), tuple(CD)])
    assert _eq(r, "seq") == sorted([tuple(DC), tuple(CD)])
    restraint = r.space.state(CC)
    gmr = r.verdict("p1", restraint, "gmr")
    assert gmr.stable
    (d,) = gmr.improvements
    assert d.improvement == r.space.state(DC)
    (s,) = d.sanctions
    assert s.state == r.space.state(DD) and not s.credible
    assert s.moves[0].dm == "p2"
    assert {"key": "conflict.stable.sanction.threat", "dm": "p1", "state": restraint, "improvement": d.improvement,
            "sanction": s.state, "by": ["p2"], "concept": "gmr"} in gmr.messages()
    seq = r.verdict("p1", restraint, "seq")
    assert not seq.stable and seq.messages()[0]["key"] == "conflict.unstable.improvement"


def _elmira_numbers(result):
    return {result.space.state(v): k for k, v in ELMIRA_STATES.items()}


def test_elmira_model_matches_the_published_graph():
    """Fang, Hipel & Kilgour (1993) ch. 2 (also Xu, Hipel, Kilgour & Fang 2018): 9 feasible states;
    the Ministry can modify but not withdraw the modification (1->2, 3->4, 5->6, 7->8), Uniroyal can
    stop delaying and accept (1->3, 2->4, 5->7, 6->8) or abandon from any state (irreversibly, ->9),
    the local government insists or not (1<->5, 2<->6, 3<->7, 4<->8)."""
    r = analyse(elmira())
    num = _elmira_numbers(r)
    assert r.space.n_states == 9

    def moves(dm):
        i = r.space.dm_index(dm)
        return sorted((num[int(a)], num[int(b)]) for a, b in zip(*r.space.moves[i]))

    assert moves("moe") == [(1, 2), (3, 4), (5, 6), (7, 8)]
    assert moves("uniroyal") == sorted([(1, 3), (2, 4), (5, 7), (6, 8)] + [(k, 9) for k in range(1, 9)])
    assert moves("local") == sorted([(1, 5), (5, 1), (2, 6), (6, 2), (3, 7), (7, 3), (4, 8), (8, 4)])


def test_elmira_stability():
    """Elmira (Fang, Hipel & Kilgour 1993, ch. 5), with the published rankings
    MoE 7>3>4>8>5>1>2>6>9, Uniroyal 4>8>6>2>3>7>5>1>9, Local 7>3>5>1>8>6>4>2>9.
    State 8 (modified order accepted, local government insisting: the historical outcome) is an
    equilibrium under every concept. Checked by hand from the definitions: at 8 the Ministry
    cannot move (modification irreversible), Uniroyal can only abandon (its worst), the local
    government's only move 8->4 is worse for it. At 4 the local government's improvement 4->8
    is deterred under GMR/SMR only by Uniroyal abandoning (8->9), which Uniroyal ranks last: a
    threat, not credible, so 4 is GMR/SMR but not SEQ stable."""
    r = analyse(elmira())
    num = _elmira_numbers(r)
    eq = {c: sorted(num[s] for s in r.equilibria(c)) for c in CONCEPTS}
    assert eq == {"nash": [7, 8, 9], "gmr": [3, 4, 7, 8, 9], "smr": [3, 4, 7, 8, 9], "seq": [7, 8, 9]}
    inv = {k: s for s, k in num.items()}
    v = r.verdict("local", inv[4], "gmr")
    (d,) = v.improvements
    assert num[d.improvement] == 8
    assert [(num[s.state], s.credible, s.moves[0].dm) for s in d.sanctions] == [(9, False, "uniroyal")]
    assert not r.is_stable("local", inv[4], "seq")


def test_elmira_twelve_state_encoding_agrees():
    """gmcr-py (onp/gmcr-py, Examples/Elmira.gmcr) keeps the four abandon states apart and ties them
    last; states 1-8 get the same verdicts as the 9-state model of Fang et al. (1993)."""
    a, b = analyse(elmira(True)), analyse(elmira(False))
    for k, taken in ELMIRA_STATES.items():
        if k == 9:
            continue
        sa, sb = a.space.state(taken), b.space.state(taken)
        for c in CONCEPTS:
            assert (a.stable[c][:, sa] == b.stable[c][:, sb]).all(), (k, c)


def test_to_dict_is_json_safe():
    r = analyse(elmira())
    json.dumps(r.to_dict())
    d = r.to_dict()
    assert set(d["equilibria"]) == set(CONCEPTS) and "verdicts" in d


def _check_against_brute(seed):
    rng = np.random.default_rng(seed)
    conflict, space, values = random_conflict(rng)
    register_directions(space, conflict)
    moves = {i: brute_moves(space, i) for i in range(space.n_dms)}
    for i in range(space.n_dms):
        assert set(zip(space.moves[i][0].tolist(), space.moves[i][1].tolist())) == moves[i]
    fast = stability(space, values)
    slow = brute_stability(space, values, moves)
    for c in CONCEPTS:
        got = {(i, s) for i in range(space.n_dms) for s in range(space.n_states) if fast.stable[c][i, s]}
        assert got == slow[c], c
    return fast


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_matrix_form_equals_brute_force(seed):
    """Fang et al. (1993) definitions of Nash, GMR, SMR and SEQ, evaluated literally (every legal
    sequence enumerated), against the matrix-form implementation on random conflicts."""
    _check_against_brute(seed)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_stability_implications(seed):
    """Fang, Hipel & Kilgour (1993), Fang, Hipel & Kilgour (1989, EJOR 41): Nash => GMR, SMR, SEQ;
    SMR is a subset of GMR; SEQ is a subset of GMR (for every DM and state)."""
    rng = np.random.default_rng(seed)
    _, space, values = random_conflict(rng, max_options=3)
    r = stability(space, values)
    t = r.stable
    assert (~t["nash"] | t["gmr"]).all() and (~t["nash"] | t["smr"]).all() and (~t["nash"] | t["seq"]).all()
    assert (~t["smr"] | t["gmr"]).all()
    assert (~t["seq"] | t["gmr"]).all()


def test_unknown_concept_is_usage_error():
    from negotiator.errors import UsageError

    r = analyse(chicken())
    with pytest.raises(UsageError):
        r.equilibria("nmr")
