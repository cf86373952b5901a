"""Coalition Nash and coalition SEQ (after Inohara & Hipel 2008; Xu, Hipel, Kilgour & Fang 2018).

A coalition ``C`` reaches ``R_C(s)`` by legal sequences of its members' unilateral moves.
A *coalition improvement* is a state in ``R_C(s)`` that every member strictly prefers
to ``s`` (``R++_C(s)``).

- CNash for ``C`` at ``s``: ``R++_C(s)`` is empty. CNash for DM ``i``: CNash for every
  coalition containing ``i`` (the singleton included, so CNash implies Nash).
- CSEQ for ``C`` at ``s``: every coalition improvement ``s1`` is met by a state ``s2``
  that the DMs outside ``C`` reach from ``s1`` by a legal sequence of unilateral
  improvements (credible moves), with ``s2`` no better than ``s`` for at least one
  member of ``C`` (that member would not join). CSEQ for DM ``i``: CSEQ for every
  coalition containing ``i``.

Limits: the sanctions are unilateral improvements of the outsiders (as in the
non-cooperative SEQ), not improvements of coalitions among them; the grand
coalition has no outsiders, so for it CSEQ equals CNash. Every coalition (2**m - 1)
is examined: meant for a handful of DMs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from .reach import coalition_reach
from negotiator.case.conflict_states import StateSpace

__all__ = ["CoalitionMove", "CoalitionResult", "coalition_stability", "coalition_improvements"]


@dataclass(frozen=True)
class CoalitionMove:
    """The coalition ``dms`` moves the conflict from ``from_state`` to ``to_state`` (all members gain)."""

    dms: tuple[str, ...]
    from_state: int
    to_state: int

    def to_dict(self) -> dict:
        return {"dms": list(self.dms), "from": self.from_state, "to": self.to_state}


def coalition_improvements(space: StateSpace, values: np.ndarray, members) -> tuple[np.ndarray, np.ndarray]:
    """All (s, s1) with s1 in R++_C(s), C = ``members`` (DM indices)."""
    reach = coalition_reach(space, list(members))
    s, q = reach.pairs()
    ok = np.ones(len(s), dtype=bool)
    for j in members:
        ok &= values[j][q] > values[j][s]
    return s[ok], q[ok]


@dataclass(frozen=True, eq=False)
class CoalitionResult:
    """``stable['cnash' | 'cseq']``: (DMs x states) bool; per coalition in ``by_coalition``."""

    space: StateSpace
    values: np.ndarray
    stable: dict[str, np.ndarray]
    by_coalition: dict[tuple[int, ...], dict[str, np.ndarray]] = field(repr=False)
    improvements: dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]] = field(repr=False)

    def equilibria(self, concept: str) -> tuple[int, ...]:
        return tuple(int(s) for s in np.flatnonzero(self.stable[concept].all(axis=0)))

    def coalition_moves(self, state: int) -> tuple[CoalitionMove, ...]:
        """Coalition improvements from ``state`` (coalitions of two or more DMs)."""
        out = []
        for members, (src, dst) in self.improvements.items():
            if len(members) < 2:
                continue
            for q in dst[src == state]:
                out.append(CoalitionMove(tuple(self.space.dm_ids[j] for j in members), int(state), int(q)))
        return tuple(out)

    def blocking(self, state: int, concept: str) -> tuple[tuple[str, ...], ...]:
        """Coalitions for which ``state`` is not stable under ``concept``."""
        return tuple(tuple(self.space.dm_ids[j] for j in c) for c, t in self.by_coalition.items() if not t[concept][state])

    def to_dict(self) -> dict:
        ids = self.space.dm_ids
        return {
            "stable": {c: {dm: [bool(x) for x in t[i]] for i, dm in enumerate(ids)} for c, t in self.stable.items()},
            "equilibria": {c: list(self.equilibria(c)) for c in self.stable},
            "coalitions": [
                {"dms": [ids[j] for j in c], **{k: [bool(x) for x in v] for k, v in t.items()}}
                for c, t in self.by_coalition.items()
            ],
        }


def coalition_stability(space: StateSpace, values: np.ndarray) -> CoalitionResult:
    """CNash and CSEQ for every coalition, DM and state."""
    values = np.asarray(values, dtype=np.int64)
    m, n = space.n_dms, space.n_states
    everyone = tuple(range(m))
    by: dict[tuple[int, ...], dict[str, np.ndarray]] = {}
    imps: dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]] = {}
    for size in range(1, m + 1):
        for members in combinations(everyone, size):
            src, dst = coalition_improvements(space, values, members)
            imps[members] = (src, dst)
            cnash = np.ones(n, dtype=bool)
            cnash[src] = False
            outsiders = [j for j in everyone if j not in members]
            deterred = np.zeros(len(src), dtype=bool)
            if outsiders and len(src):
                reach_plus = coalition_reach(space, outsiders, values)
                for j in members:
                    deterred |= reach_plus.min_over(values[j])[dst] <= values[j][src]
            cseq = np.ones(n, dtype=bool)
            cseq[src[~deterred]] = False
            by[members] = {"cnash": cnash, "cseq": cseq}
    stable = {}
    for concept in ("cnash", "cseq"):
        table = np.ones((m, n), dtype=bool)
        for members, t in by.items():
            for i in members:
                table[i] &= t[concept]
        stable[concept] = table
    return CoalitionResult(space, values, stable, by, imps)
