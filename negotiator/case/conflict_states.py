"""Feasible states and unilateral moves, as bitmasks and numpy arrays.

Option ``k`` (in the order the DMs and their options are written) is bit ``k`` of
a state's code. Every combination of options is enumerated at once (at most
2**20), the feasibility rules remove the impossible ones, indistinguishable rules
zero the options that no longer matter, and the distinct codes that remain,
in ascending order, are the states ``0 .. n-1``.

A move of DM ``i`` from state ``s`` changes any non-empty subset of ``i``'s own
options, respecting each option's direction (``take_only``: never dropped once
taken; ``drop_only``: never resumed once dropped), and must land on a feasible
state other than ``s``. Moves are kept as edge lists ``(src, dst)`` per DM.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np

from negotiator.errors import UsageError
from negotiator.messages import Message

__all__ = ["StateSpace", "build_states"]


@dataclass(frozen=True, eq=False)
class StateSpace:
    """The states of one conflict and who can move where."""

    dm_ids: tuple[str, ...]
    option_ids: tuple[str, ...]
    owner: tuple[int, ...]  # DM index of each option
    codes: np.ndarray  # (n,) int64, ascending
    lookup: np.ndarray  # (2**k,) int64: state index of a canonical code, -1 if none
    moves: tuple[tuple[np.ndarray, np.ndarray], ...]  # per DM: (src, dst) int64 edge lists
    _ignore: tuple[tuple[int, int], ...] = ()  # (when-bit mask, ignored-bits mask)

    @property
    def n_states(self) -> int:
        return len(self.codes)

    @property
    def n_dms(self) -> int:
        return len(self.dm_ids)

    def taken_matrix(self) -> np.ndarray:
        """(states x options) bool: which options each state takes."""
        k = len(self.option_ids)
        return ((self.codes[:, None] >> np.arange(k)[None, :]) & 1).astype(bool)

    def taken(self, s: int) -> tuple[str, ...]:
        code = int(self.codes[s])
        return tuple(o for k, o in enumerate(self.option_ids) if code >> k & 1)

    def canonical(self, codes):
        codes = np.asarray(codes, dtype=np.int64)
        for when, ignore in self._ignore:
            codes = np.where(codes & when, codes & ~ignore, codes)
        return codes

    def find(self, taken: Iterable[str]) -> int | None:
        """The state in which exactly these options are taken (after indistinguishable rules), or None."""
        code = 0
        for o in taken:
            if o not in self.option_ids:
                return None
            code |= 1 << self.option_ids.index(o)
        s = int(self.lookup[int(self.canonical(code))])
        return None if s < 0 else s

    def state(self, taken: Iterable[str]) -> int:
        """Like :meth:`find`, but a state that does not exist is a UsageError."""
        taken = tuple(taken)
        s = self.find(taken)
        if s is None:
            unknown = [o for o in taken if o not in self.option_ids]
            if unknown:
                raise UsageError(Message("ecf_unknown_options", options=", ".join(unknown)), hint=Message("ecf_option_ids_hint", names=", ".join(self.option_ids)))
            raise UsageError(Message("ecf_no_such_state", state=str(list(taken))), hint=Message("ecf_check_rules_hint"))
        return s

    def dm_index(self, dm: str) -> int:
        if dm not in self.dm_ids:
            raise UsageError(Message("ecf_unknown_dm", dm=dm), hint=Message("ecf_use_one_of", names=", ".join(self.dm_ids)))
        return self.dm_ids.index(dm)

    def move_matrix(self, i: int) -> np.ndarray:
        """(n x n) bool: DM ``i`` can move from row state to column state."""
        out = np.zeros((self.n_states, self.n_states), dtype=bool)
        src, dst = self.moves[i]
        out[src, dst] = True
        return out

    def to_dict(self) -> dict:
        return {
            "decision_makers": list(self.dm_ids),
            "options": [{"id": o, "dm": self.dm_ids[self.owner[k]]} for k, o in enumerate(self.option_ids)],
            "states": [list(self.taken(s)) for s in range(self.n_states)],
            "moves": {dm: [[int(a), int(b)] for a, b in zip(*self.moves[i])] for i, dm in enumerate(self.dm_ids)},
        }


def _unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a 1-d integer array, without the numpy.ma import that np.unique costs at start-up."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _feasible(codes: np.ndarray, rules, bit: dict[str, int]) -> np.ndarray:
    ok = np.ones(codes.shape, dtype=bool)
    for rule in rules:
        if rule.kind in ("exclusive", "at_least_one"):
            count = np.zeros(codes.shape, dtype=np.int64)
            for o in rule.options:
                count += (codes >> bit[o]) & 1
            ok &= (count <= 1) if rule.kind == "exclusive" else (count >= 1)
        else:
            has = ((codes >> bit[rule.option]) & 1).astype(bool)
            for need in rule.needs:
                ok &= ~has | ((codes >> bit[need]) & 1).astype(bool)
    return ok


def build_states(conflict) -> StateSpace:
    """Enumerate the feasible states of a validated Conflict and every DM's unilateral moves."""
    dm_ids = tuple(conflict.decision_makers)
    option_ids: list[str] = []
    owner: list[int] = []
    direction: list[str] = []
    for i, dm in enumerate(conflict.decision_makers.values()):
        for o, opt in dm.options.items():
            option_ids.append(o)
            owner.append(i)
            direction.append(opt.direction)
    k = len(option_ids)
    bit = {o: j for j, o in enumerate(option_ids)}
    ignore = tuple(
        (1 << bit[r.when], sum(1 << bit[o] for o in r.ignore)) for r in conflict.indistinguishable
    )
    all_codes = np.arange(1 << k, dtype=np.int64)
    feasible = _feasible(all_codes, conflict.feasibility, bit)
    proto = StateSpace(dm_ids, tuple(option_ids), tuple(owner), np.zeros(0, np.int64), np.zeros(0, np.int64), (), ignore)
    canon = proto.canonical(all_codes)
    codes = _unique(canon[feasible])
    lookup = np.full(1 << k, -1, dtype=np.int64)
    lookup[codes] = np.arange(len(codes))

    take_only = sum(1 << j for j in range(k) if direction[j] == "take_only")
    drop_only = sum(1 << j for j in range(k) if direction[j] == "drop_only")
    moves = []
    for i in range(len(dm_ids)):
        own = [j for j in range(k) if owner[j] == i]
        own_mask = sum(1 << j for j in own)
        patterns = np.zeros(1 << len(own), dtype=np.int64)
        for t, j in enumerate(own):
            patterns |= ((np.arange(1 << len(own)) >> t) & 1) << j
        raw = (codes[:, None] & ~own_mask) | patterns[None, :]
        ok = _feasible(raw, conflict.feasibility, bit)
        ok &= ~(((codes[:, None] & ~raw) & take_only) != 0)  # dropping a take-only option
        ok &= ~(((~codes[:, None] & raw) & drop_only) != 0)  # resuming a drop-only option
        dst = np.where(ok, lookup[proto.canonical(raw)], -1)
        src = np.broadcast_to(np.arange(len(codes))[:, None], dst.shape)
        keep = (dst >= 0) & (dst != src)
        pairs = _unique(src[keep] * len(codes) + dst[keep])
        moves.append((pairs // len(codes), pairs % len(codes)))
    return StateSpace(dm_ids, tuple(option_ids), tuple(owner), codes, lookup, tuple(moves), ignore)
