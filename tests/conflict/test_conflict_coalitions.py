"""Coalition Nash and coalition SEQ (Inohara & Hipel 2008; Xu, Hipel, Kilgour & Fang 2018)."""

from __future__ import annotations

import json
from itertools import combinations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_helpers import CC, DD, ELMIRA_STATES, brute_reach, elmira, prisoners_dilemma, random_conflict
from negotiator.conflict import analyse, coalition_stability, stability


def test_prisoners_dilemma_grand_coalition_blocks_mutual_defection():
    """Inohara & Hipel (2008): in the Prisoner's Dilemma the two prisoners together move from mutual
    defection to mutual cooperation, which both prefer, so mutual defection (the Nash equilibrium) is
    not coalition-Nash stable; mutual cooperation is coalition-SEQ stable (no joint improvement from
    it, and each one's defection is met by the other's credible defection)."""
    r = analyse(prisoners_dilemma())
    c = coalition_stability(r.space, r.values)
    dd, cc = r.space.state(DD), r.space.state(CC)
    assert c.equilibria("cnash") == ()
    assert c.equilibria("cseq") == (cc,)
    assert ("p1", "p2") in c.blocking(dd, "cnash")
    assert [(m.dms, m.to_state) for m in c.coalition_moves(dd)] == [(("p1", "p2"), cc)]
    json.dumps(c.to_dict())


def test_elmira_coalitions():
    """Elmira (Fang et al. 1993; the coalition analysis of Inohara & Hipel 2008 uses this model):
    the historical outcome, state 8, stays stable when DMs may join forces."""
    r = analyse(elmira())
    c = coalition_stability(r.space, r.values)
    eight = r.space.state(ELMIRA_STATES[8])
    assert eight in c.equilibria("cnash") and eight in c.equilibria("cseq")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_coalition_concepts_against_definitions(seed):
    """CNash implies Nash and CSEQ; CSEQ implies SEQ; CNash for C read literally: no state in R_C(s)
    that every member of C strictly prefers."""
    rng = np.random.default_rng(seed)
    _, space, values = random_conflict(rng)
    c = coalition_stability(space, values)
    s = stability(space, values)
    assert (~c.stable["cnash"] | s.stable["nash"]).all()
    assert (~c.stable["cnash"] | c.stable["cseq"]).all()
    assert (~c.stable["cseq"] | s.stable["seq"]).all()
    moves = {i: set(zip(space.moves[i][0].tolist(), space.moves[i][1].tolist())) for i in range(space.n_dms)}
    for size in range(1, space.n_dms + 1):
        for members in combinations(range(space.n_dms), size):
            for x in range(space.n_states):
                improve = any(all(values[j][q] > values[j][x] for j in members) for q in brute_reach(moves, members, x))
                assert c.by_coalition[members]["cnash"][x] == (not improve)
