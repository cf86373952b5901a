"""What would have to change: the smallest changes to preference orders that make a state an
equilibrium, or stop an equilibrium from being one (inverse GMCR, exact search for small cases).

A DM's preference is a weak order: tiers of equally liked states, best first. One *step*
moves one state half a place: out of a tie into a tier of its own just above or below,
or from a tier of its own into the tie just above or below. Exchanging two adjacent
strictly ordered states takes two steps (one adjacent swap); making or breaking a tie
takes one (half a swap). ``swaps = steps / 2``.

Search: breadth first over preference profiles, so the first solution found has the
fewest steps. Nash, GMR and SMR stability of a state for DM ``i`` depends only on
``i``'s own order, so for those concepts each DM is searched alone (and the results
add up, or for destabilising, the cheapest DM wins); SEQ depends on the others'
orders too (credibility), so it is searched jointly. Limits: ``max_steps`` (default 6,
three swaps) and ``max_nodes`` (default 50,000 profiles per search); when a limit is
hit before a solution, the result says so (``complete=False``). Meant for conflicts
of up to a few dozen states.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from negotiator.errors import UsageError
from negotiator.messages import Message

from .reach import coalition_reach, legal_sequences
from .stability import CONCEPTS
from negotiator.case.conflict_states import StateSpace

__all__ = ["PreferenceChange", "InverseResult", "make_equilibrium", "destabilise", "order_steps"]


@dataclass(frozen=True)
class PreferenceChange:
    """A DM's new order (tiers of states, best first) and how far it is from the old one."""

    dm: str
    steps: int
    before: tuple[tuple[int, ...], ...]
    after: tuple[tuple[int, ...], ...]
    pairs_changed: int  # pairs of states whose comparison differs (a reversed pair counts 2, a made/broken tie 1)

    @property
    def swaps(self) -> float:
        return self.steps / 2

    def changed_pairs(self) -> tuple[tuple[int, int, str], ...]:
        """The pairs of states the DM would compare differently: ``(a, b, now)`` with ``now``
        "prefers" (a is now liked better than b) or "ties" (liked equally); ``a < b`` for ties."""
        def rank(order):
            return {s: t for t, tier in enumerate(order) for s in tier}

        old, new = rank(self.before), rank(self.after)
        out = []
        states = sorted(new)
        for k, a in enumerate(states):
            for b in states[k + 1:]:
                before = (old[a] > old[b]) - (old[a] < old[b])
                after = (new[a] > new[b]) - (new[a] < new[b])
                if before == after:
                    continue
                if after == 0:
                    out.append((a, b, "ties"))
                else:
                    out.append((a, b, "prefers") if after < 0 else (b, a, "prefers"))
        return tuple(out)

    def to_dict(self) -> dict:
        return {"dm": self.dm, "steps": self.steps, "swaps": self.swaps, "pairs_changed": self.pairs_changed,
                "changed_pairs": [list(p) for p in self.changed_pairs()],
                "before": [list(t) for t in self.before], "after": [list(t) for t in self.after]}


@dataclass(frozen=True)
class InverseResult:
    state: int
    concept: str
    goal: str  # "equilibrium" or "destabilise"
    found: bool
    complete: bool  # False: a search limit was hit, a cheaper or any solution may exist beyond it
    steps: int | None
    changes: tuple[PreferenceChange, ...]
    nodes: int

    @property
    def swaps(self) -> float | None:
        return None if self.steps is None else self.steps / 2

    def messages(self) -> list[dict]:
        if not self.found:
            return [{"key": "conflict.inverse.not_found", "state": self.state, "concept": self.concept, "goal": self.goal, "complete": self.complete}]
        if self.steps == 0:
            return [{"key": "conflict.inverse.already", "state": self.state, "concept": self.concept, "goal": self.goal}]
        return [{"key": "conflict.inverse.change", "state": self.state, "concept": self.concept, "goal": self.goal,
                 "dm": c.dm, "swaps": c.swaps} for c in self.changes]

    def to_dict(self) -> dict:
        return {"state": self.state, "concept": self.concept, "goal": self.goal, "found": self.found,
                "complete": self.complete, "steps": self.steps, "swaps": self.swaps,
                "changes": [c.to_dict() for c in self.changes], "nodes": self.nodes, "messages": self.messages()}


Order = tuple[tuple[int, ...], ...]


def _order(values: np.ndarray) -> Order:
    levels = sorted(set(int(v) for v in values), reverse=True)
    return tuple(tuple(int(s) for s in np.flatnonzero(values == lv)) for lv in levels)


def _values(order: Order, n: int) -> np.ndarray:
    v = np.empty(n, dtype=np.int64)
    top = len(order) - 1
    for t, tier in enumerate(order):
        v[list(tier)] = top - t
    return v


def _neighbours(order: Order, movable):
    out = []
    tiers = [list(t) for t in order]
    for t, tier in enumerate(tiers):
        for x in tier:
            if x not in movable:
                continue
            if len(tier) > 1:
                rest = tuple(y for y in tier if y != x)
                out.append(tuple(map(tuple, tiers[:t])) + ((x,), rest) + tuple(map(tuple, tiers[t + 1:])))
                out.append(tuple(map(tuple, tiers[:t])) + (rest, (x,)) + tuple(map(tuple, tiers[t + 1:])))
            else:
                if t > 0:
                    merged = tuple(sorted(tiers[t - 1] + [x]))
                    out.append(tuple(map(tuple, tiers[:t - 1])) + (merged,) + tuple(map(tuple, tiers[t + 1:])))
                if t < len(tiers) - 1:
                    merged = tuple(sorted(tiers[t + 1] + [x]))
                    out.append(tuple(map(tuple, tiers[:t])) + (merged,) + tuple(map(tuple, tiers[t + 2:])))
    return out


def order_steps(a: Order, b: Order, n: int) -> int:
    """Steps between two weak orders: 2 per pair ordered oppositely, 1 per pair tied in one only."""
    va, vb = _values(a, n), _values(b, n)
    da = np.sign(va[:, None] - va[None, :])
    db = np.sign(vb[:, None] - vb[None, :])
    return int(np.abs(da - db).sum() // 2)


class _Checker:
    """Is ``s`` stable for DM ``i`` under ``concept``, for given values (small cases)."""

    def __init__(self, space: StateSpace, concept: str):
        self.space, self.concept = space, concept
        self.moves = [list(zip(*[a.tolist() for a in space.moves[i]])) for i in range(space.n_dms)]
        self.reach = [coalition_reach(space, [j for j in range(space.n_dms) if j != i]).dense() for i in range(space.n_dms)]

    def stable(self, values: np.ndarray, i: int, s: int) -> bool:
        u = values[i]
        ui = [b for a, b in self.moves[i] if a == s and u[b] > u[s]]
        if not ui:
            return True
        if self.concept == "nash":
            return False
        others = [j for j in range(self.space.n_dms) if j != i]
        for s1 in ui:
            if self.concept == "seq":
                cand = legal_sequences(self.space, others, s1, values).keys()
            else:
                cand = np.flatnonzero(self.reach[i][s1])
            ok = False
            for s2 in cand:
                if u[s2] > u[s]:
                    continue
                if self.concept == "smr" and any(u[b] > u[s] for a, b in self.moves[i] if a == s2):
                    continue
                ok = True
                break
            if not ok:
                return False
        return True


def _search(space, values, dms, goal, max_steps, max_nodes):
    """BFS over the orders of ``dms`` (others fixed); ``goal(values) -> bool``."""
    n = space.n_states
    start = tuple(_order(values[i]) for i in dms)
    vals = values.copy()

    def apply(profile):
        for k, i in enumerate(dms):
            vals[i] = _values(profile[k], n)
        return vals

    if goal(apply(start)):
        return start, (0,) * len(dms), True, 1
    seen = {start}
    frontier = deque([(start, (0,) * len(dms))])
    nodes = 1
    complete = True
    while frontier:
        profile, per = frontier.popleft()
        d = sum(per)
        if d >= max_steps:
            complete = False
            continue
        for k in range(len(dms)):
            for nb in _neighbours(profile[k], range(n)):
                cand = profile[:k] + (nb,) + profile[k + 1:]
                if cand in seen:
                    continue
                seen.add(cand)
                nodes += 1
                steps = per[:k] + (per[k] + 1,) + per[k + 1:]
                if goal(apply(cand)):
                    return cand, steps, True, nodes
                if nodes >= max_nodes:
                    return None, None, False, nodes
                frontier.append((cand, steps))
    return None, None, complete, nodes


def _check(space, values, state, concept):
    if concept not in CONCEPTS:
        raise UsageError(Message("pc_unknown_concept", concept=concept), hint=Message("err_use_one_of", choices=", ".join(CONCEPTS)))
    if not 0 <= state < space.n_states:
        raise UsageError(Message("pc_no_state_number", state=state), hint=Message("pc_no_state_number_hint", last=space.n_states - 1))
    return np.asarray(values, dtype=np.int64)


def _changes(space, values, dms, profile, steps):
    out = []
    for k, i in enumerate(dms):
        before = _order(values[i])
        if profile[k] != before:
            out.append(PreferenceChange(space.dm_ids[i], steps[k], before, profile[k], order_steps(before, profile[k], space.n_states)))
    return out


def make_equilibrium(space: StateSpace, values, state: int, concept: str = "seq", max_steps: int = 6, max_nodes: int = 50_000) -> InverseResult:
    """Fewest preference steps (summed over DMs) after which ``state`` is an equilibrium under ``concept``."""
    values = _check(space, values, state, concept)
    checker = _Checker(space, concept)
    m = space.n_dms
    if concept == "seq":
        profile, d, complete, nodes = _search(space, values, list(range(m)), lambda v: all(checker.stable(v, i, state) for i in range(m)), max_steps, max_nodes)
        if profile is None:
            return InverseResult(state, concept, "equilibrium", False, complete, None, (), nodes)
        return InverseResult(state, concept, "equilibrium", True, True, sum(d), tuple(_changes(space, values, list(range(m)), profile, d)), nodes)
    changes, total, nodes = [], 0, 0
    for i in range(m):
        profile, d, complete, k = _search(space, values, [i], lambda v, i=i: checker.stable(v, i, state), max_steps, max_nodes)
        nodes += k
        if profile is None:
            return InverseResult(state, concept, "equilibrium", False, complete, None, (), nodes)
        total += d[0]
        changes += _changes(space, values, [i], profile, d)
    return InverseResult(state, concept, "equilibrium", True, True, total, tuple(changes), nodes)


def destabilise(space: StateSpace, values, state: int, concept: str = "seq", max_steps: int = 6, max_nodes: int = 50_000) -> InverseResult:
    """Fewest preference steps after which ``state`` is no longer an equilibrium under ``concept``."""
    values = _check(space, values, state, concept)
    checker = _Checker(space, concept)
    m = space.n_dms
    if concept == "seq":
        profile, d, complete, nodes = _search(space, values, list(range(m)), lambda v: not all(checker.stable(v, i, state) for i in range(m)), max_steps, max_nodes)
        if profile is None:
            return InverseResult(state, concept, "destabilise", False, complete, None, (), nodes)
        return InverseResult(state, concept, "destabilise", True, True, sum(d), tuple(_changes(space, values, list(range(m)), profile, d)), nodes)
    best, nodes, all_complete = None, 0, True
    for i in range(m):
        profile, d, complete, k = _search(space, values, [i], lambda v, i=i: not checker.stable(v, i, state), max_steps, max_nodes)
        nodes += k
        all_complete &= complete
        if profile is not None and (best is None or d[0] < best[0]):
            best = (d[0], _changes(space, values, [i], profile, d))
    if best is None:
        return InverseResult(state, concept, "destabilise", False, all_complete, None, (), nodes)
    return InverseResult(state, concept, "destabilise", True, True, best[0], tuple(best[1]), nodes)
