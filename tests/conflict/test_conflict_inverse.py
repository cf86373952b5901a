"""What would have to change: smallest preference changes (inverse GMCR)."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_helpers import CC, DC, ELMIRA_STATES, chicken, elmira, random_conflict
from negotiator.conflict import analyse, destabilise, make_equilibrium, order_steps, stability


def test_chicken_mutual_restraint_made_credible():
    """Chicken (Fang, Hipel & Kilgour 1993): mutual restraint is not SEQ because the punishment (the
    crash) costs the punisher. The cheapest change that makes it SEQ takes one step per driver (two
    in all): each driver now likes mutual restraint as much as winning, so going straight is no
    longer an improvement. The new profile is checked with the full analysis."""
    r = analyse(chicken())
    cc = r.space.state(CC)
    res = make_equilibrium(r.space, r.values, cc, "seq")
    assert res.found and res.complete and res.steps == 2
    assert {c.dm for c in res.changes} == {"p1", "p2"}
    new = r.values.copy()
    for c in res.changes:
        i = r.space.dm_index(c.dm)
        top = len(c.after) - 1
        for t, tier in enumerate(c.after):
            new[i, list(tier)] = top - t
    assert cc in stability(r.space, new).equilibria("seq")
    json.dumps(res.to_dict())


def test_destabilise_nash_equilibrium():
    """In Chicken, (straight, swerve) stops being a Nash equilibrium once the first driver prefers
    mutual restraint to winning: one adjacent swap."""
    r = analyse(chicken())
    res = destabilise(r.space, r.values, r.space.state(DC), "nash")
    assert res.found and res.swaps == 1.0 and [c.dm for c in res.changes] == ["p1"]


def test_already_an_equilibrium_costs_nothing():
    r = analyse(elmira())
    eight = r.space.state(ELMIRA_STATES[8])
    res = make_equilibrium(r.space, r.values, eight, "smr")
    assert res.found and res.steps == 0 and res.messages()[0]["key"] == "conflict.inverse.already"


def test_limits_reported():
    r = analyse(elmira())
    one = r.space.state(ELMIRA_STATES[1])
    res = make_equilibrium(r.space, r.values, one, "seq", max_steps=1)
    assert not res.found and not res.complete


def test_order_steps():
    assert order_steps(((0,), (1,)), ((1,), (0,)), 2) == 2
    assert order_steps(((0,), (1,)), ((0, 1),), 2) == 1


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_found_changes_work_and_are_minimal_for_nash(seed):
    """Every solution found is a solution (checked with the full stability analysis); for Nash the
    minimum for one DM is brute-force checkable: no profile one step closer works."""
    rng = np.random.default_rng(seed)
    _, space, values = random_conflict(rng, n_dms=2, max_options=2)
    s = int(rng.integers(0, space.n_states))
    res = make_equilibrium(space, values, s, "gmr", max_steps=4, max_nodes=5000)
    if res.found:
        new = values.copy()
        for c in res.changes:
            i = space.dm_index(c.dm)
            top = len(c.after) - 1
            for t, tier in enumerate(c.after):
                new[i, list(tier)] = top - t
        assert s in stability(space, new).equilibria("gmr")
    if res.found and res.steps == 0:
        assert s in stability(space, values).equilibria("gmr")
