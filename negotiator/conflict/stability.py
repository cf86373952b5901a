"""Nash (R), GMR, SMR and SEQ stability of every state for every DM (Fang, Hipel & Kilgour 1993).

For DM ``i`` at state ``s``, with ``H = N - {i}`` (everyone else) and ``u_i`` its ordinal values:

- Nash: ``i`` has no unilateral improvement from ``s``.
- GMR: every improvement ``s1`` can be met by some state ``s2`` in ``R_H(s1)`` with
  ``u_i(s2) <= u_i(s)`` (a sanction, credible or not).
- SMR: as GMR, and ``i`` cannot escape the sanction: every state ``i`` can reach from
  ``s2`` is still no better for ``i`` than ``s``.
- SEQ: as GMR, but the sanction must lie in ``R+_H(s1)``: every move in it is an
  improvement for the DM who makes it, so carrying it out pays (credible).

The matrix form of Xu, Hipel, Kilgour & Fang (2018) writes GMR as
``diag(J_i^+ . (E - sign(J_H . (P_i^{-,=})^T))) = 0``; entry ``(s1, s)`` of
``sign(J_H . (P_i^{-,=})^T)`` is 1 exactly when ``min_{s2 in R_H(s1)} u_i(s2) <= u_i(s)``,
so we compute that minimum once per state and compare it along ``i``'s improvement
edges: the same test, without the n x n x n product (SMR uses the minimum of
``max(u_i(s2), max over R_i(s2))``, SEQ the minimum over ``R+_H``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from negotiator.errors import UsageError
from negotiator.messages import Message

from .reach import coalition_reach, improving_moves, legal_sequences
from negotiator.case.conflict_states import StateSpace

__all__ = ["CONCEPTS", "Move", "Sanction", "Deterrence", "Verdict", "StabilityResult", "stability", "analyse"]

CONCEPTS = ("nash", "gmr", "smr", "seq")
_BIG = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Move:
    """One unilateral move: ``dm`` moves the conflict from ``from_state`` to ``to_state``."""

    dm: str
    from_state: int
    to_state: int

    def to_dict(self) -> dict:
        return {"dm": self.dm, "from": self.from_state, "to": self.to_state}


@dataclass(frozen=True)
class Sanction:
    """A state the others can reach after an improvement, no better for the mover than where it started.

    ``credible``: the others reach it by moves that each pay for the DM making them
    (it is in R+); otherwise it is only a threat (carrying it out hurts someone).
    """

    state: int
    moves: tuple[Move, ...]
    credible: bool

    def to_dict(self) -> dict:
        return {"state": self.state, "credible": self.credible, "moves": [m.to_dict() for m in self.moves]}


@dataclass(frozen=True)
class Deterrence:
    """One unilateral improvement of the focal DM and the sanctions (if any) that deter it."""

    improvement: int
    sanctions: tuple[Sanction, ...]

    @property
    def deterred(self) -> bool:
        return bool(self.sanctions)

    def to_dict(self) -> dict:
        return {"improvement": self.improvement, "deterred": self.deterred, "sanctions": [s.to_dict() for s in self.sanctions]}


@dataclass(frozen=True)
class Verdict:
    """Stable or not, for one DM at one state under one concept, and why."""

    dm: str
    state: int
    concept: str
    stable: bool
    improvements: tuple[Deterrence, ...]

    def messages(self) -> list[dict]:
        """Message keys and parameters (the CLI and memo word them, in English or Chinese)."""
        if not self.improvements:
            return [{"key": "conflict.stable.no_improvement", "dm": self.dm, "state": self.state, "concept": self.concept}]
        out = []
        for d in self.improvements:
            if not d.deterred:
                out.append({"key": "conflict.unstable.improvement", "dm": self.dm, "state": self.state, "to": d.improvement, "concept": self.concept})
            for s in d.sanctions:
                out.append({
                    "key": "conflict.stable.sanction.credible" if s.credible else "conflict.stable.sanction.threat",
                    "dm": self.dm, "state": self.state, "improvement": d.improvement, "sanction": s.state,
                    "by": sorted({m.dm for m in s.moves}), "concept": self.concept,
                })
        return out

    def to_dict(self) -> dict:
        return {
            "dm": self.dm, "state": self.state, "concept": self.concept, "stable": self.stable,
            "improvements": [d.to_dict() for d in self.improvements], "messages": self.messages(),
        }


@dataclass(frozen=True, eq=False)
class StabilityResult:
    """All four concepts for every state and DM; details on demand through :meth:`verdict`.

    ``stable[concept]`` is a (DMs x states) bool array.
    """

    space: StateSpace
    values: np.ndarray
    stable: dict[str, np.ndarray]
    _summary: dict = field(repr=False, default_factory=dict)

    def equilibria(self, concept: str) -> tuple[int, ...]:
        """States stable for every DM under ``concept``."""
        return tuple(int(s) for s in np.flatnonzero(self._table(concept).all(axis=0)))

    def is_stable(self, dm: str, state: int, concept: str) -> bool:
        return bool(self._table(concept)[self.space.dm_index(dm), state])

    def _table(self, concept: str) -> np.ndarray:
        if concept not in self.stable:
            raise UsageError(Message("pc_unknown_concept", concept=concept), hint=Message("err_use_one_of", choices=", ".join(self.stable)))
        return self.stable[concept]

    def verdict(self, dm: str, state: int, concept: str, max_sanctions: int | None = None) -> Verdict:
        """Why ``state`` is (un)stable for ``dm``: each improvement and the sanctions deterring it."""
        table = self._table(concept)
        i = self.space.dm_index(dm)
        if not 0 <= state < self.space.n_states:
            raise UsageError(Message("pc_no_state_number", state=state), hint=Message("pc_no_state_number_hint", last=self.space.n_states - 1))
        return _verdict(self, i, state, concept, bool(table[i, state]), max_sanctions)

    def verdicts(self, concept: str, max_sanctions: int | None = None) -> tuple[Verdict, ...]:
        return tuple(self.verdict(dm, s, concept, max_sanctions) for s in range(self.space.n_states) for dm in self.space.dm_ids)

    def to_dict(self, details: bool | None = None) -> dict:
        """JSON-safe: states, stability tables, equilibria; verdicts too for small conflicts (<= 64 states)."""
        details = self.space.n_states <= 64 if details is None else details
        out = {
            "decision_makers": list(self.space.dm_ids),
            "states": [list(self.space.taken(s)) for s in range(self.space.n_states)],
            "values": {dm: [int(v) for v in self.values[i]] for i, dm in enumerate(self.space.dm_ids)},
            "stable": {c: {dm: [bool(x) for x in t[i]] for i, dm in enumerate(self.space.dm_ids)} for c, t in self.stable.items()},
            "equilibria": {c: list(self.equilibria(c)) for c in self.stable},
        }
        if details:
            out["verdicts"] = {c: [v.to_dict() for v in self.verdicts(c)] for c in self.stable}
        return out


def _others(space: StateSpace, i: int) -> list[int]:
    return [j for j in range(space.n_dms) if j != i]


def stability(space: StateSpace, values: np.ndarray) -> StabilityResult:
    """Nash, GMR, SMR and SEQ for every DM and state of a state space under given values."""
    values = np.asarray(values, dtype=np.int64)
    n = space.n_states
    tables = {c: np.ones((space.n_dms, n), dtype=bool) for c in CONCEPTS}
    summary: dict = {}
    for i in range(space.n_dms):
        u = values[i]
        src, dst = improving_moves(space, values, i)
        others = _others(space, i)
        reach = coalition_reach(space, others)
        reach_plus = coalition_reach(space, others, values)
        # SMR: the best i can get back to from a state by one more move of its own.
        escape = u.copy()
        msrc, mdst = space.moves[i]
        np.maximum.at(escape, msrc, u[mdst])
        low = reach.min_over(u)
        low_escape = reach.min_over(escape)
        low_plus = reach_plus.min_over(u)
        base = u[src]
        for concept, deterred in (
            ("nash", np.zeros(len(src), dtype=bool)),
            ("gmr", low[dst] <= base),
            ("smr", low_escape[dst] <= base),
            ("seq", low_plus[dst] <= base),
        ):
            bad = src[~deterred]
            tables[concept][i, bad] = False
        summary[i] = {"escape": escape}
    return StabilityResult(space, values, tables, summary)


def analyse(conflict) -> StabilityResult:
    """Stability of a validated Conflict (states, moves and values built from it)."""
    from .preferences import preference_values
    from negotiator.case.conflict_states import build_states

    space = build_states(conflict)
    return stability(space, preference_values(conflict, space))


def _verdict(result: StabilityResult, i: int, s: int, concept: str, stable: bool, max_sanctions: int | None) -> Verdict:
    space, values = result.space, result.values
    u = values[i]
    src, dst = improving_moves(space, values, i)
    improvements = [int(b) for a, b in zip(src, dst) if a == s]
    if concept == "nash":
        return Verdict(space.dm_ids[i], s, concept, stable, tuple(Deterrence(b, ()) for b in improvements))
    others = _others(space, i)
    escape = result._summary[i]["escape"]
    out = []
    for s1 in improvements:
        plain = legal_sequences(space, others, s1)
        plus = legal_sequences(space, others, s1, values)
        candidates = plus if concept == "seq" else plain
        sanctions = []
        for s2 in sorted(candidates, key=lambda q: (u[q], q)):
            if u[s2] > u[s]:
                continue
            if concept == "smr" and escape[s2] > u[s]:
                continue
            credible = s2 in plus
            path = plus[s2] if credible else plain[s2]
            sanctions.append(Sanction(int(s2), tuple(Move(space.dm_ids[j], int(a), int(b)) for j, a, b in path), credible))
            if max_sanctions is not None and len(sanctions) >= max_sanctions:
                break
        out.append(Deterrence(s1, tuple(sanctions)))
    return Verdict(space.dm_ids[i], s, concept, stable, tuple(out))
