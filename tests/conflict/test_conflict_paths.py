"""Status-quo analysis: improvement paths from today's state to the equilibria."""

from __future__ import annotations

import json

from conflict_helpers import DD, ELMIRA_STATES, elmira, prisoners_dilemma
from negotiator.conflict import Move, analyse, status_quo_paths


def _num(r):
    return {r.space.state(v): k for k, v in ELMIRA_STATES.items()}


def test_elmira_status_quo_to_equilibria():
    """Elmira from the status quo, state 1 (Uniroyal delaying: Fang et al. 1993, ch. 5; Li, Hipel,
    Kilgour & Fang 2004 on status-quo analysis): the local government insists (1->5) and Uniroyal
    then accepts the unmodified order (5->7), or the same two moves the other way round (1->3->7):
    unilateral paths to equilibrium 7; the outcome
    that happened, 8, needs the Ministry and Uniroyal to act together (a coalition move)."""
    r = analyse(elmira())
    num = _num(r)
    inv = {k: s for s, k in num.items()}
    (p7, p8) = status_quo_paths(r.space, r.values, inv[1], [inv[7], inv[8]])
    assert p7.reachable and p7.length == 2
    found = {tuple((m.dm, num[m.from_state], num[m.to_state]) for m in p) for p in p7.paths}
    assert found == {(("local", 1, 5), ("uniroyal", 5, 7)), (("uniroyal", 1, 3), ("local", 3, 7))}
    assert not p8.reachable and p8.messages() == [{"key": "conflict.path.unreachable", "to": inv[8]}]
    (q8,) = status_quo_paths(r.space, r.values, inv[1], [inv[8]], coalitions=True)
    assert q8.reachable and q8.length == 2
    steps = {tuple((getattr(m, "dm", None) or m.dms, num[m.from_state], num[m.to_state]) for m in p) for p in q8.paths}
    assert (("local", 1, 5), (("moe", "uniroyal"), 5, 8)) in steps
    json.dumps(q8.to_dict())


def test_path_to_where_we_are():
    r = analyse(prisoners_dilemma())
    dd = r.space.state(DD)
    (p,) = status_quo_paths(r.space, r.values, dd, [dd])
    assert p.reachable and p.length == 0 and p.paths == ((),)
    assert p.messages()[0]["key"] == "conflict.path.already_there"
    (q,) = status_quo_paths(r.space, r.values, r.space.state([]), [dd])
    assert all(isinstance(m, Move) for m in q.paths[0]) and q.length == 2  # each prisoner defects in turn
