"""Reachable lists of coalitions: every legal sequence of unilateral moves (Xu et al. 2018).

``R_H(s)`` holds the states the DMs in ``H`` can reach from ``s`` by a sequence of
unilateral moves in which no DM moves twice in a row; ``R+_H(s)`` is the same with
every move a unilateral improvement for the DM who makes it (a credible move).

Xu, Hipel, Kilgour & Fang write this as a recursion of matrices,
``M_j^(t) = sign((OR_{k != j} M_k^(t-1)) . J_j)``, one matrix per last mover. We run
that recursion breadth first, one frontier per last mover, on bit sets: states are
first grouped into the connected components of ``H``'s moves (``H`` can never leave
one), so a row needs only as many bits as the largest component has states.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from negotiator.case.conflict_states import StateSpace

__all__ = ["Reach", "coalition_reach", "improving_moves", "legal_sequences"]

_BIG = np.iinfo(np.int64).max


def improving_moves(space: StateSpace, values: np.ndarray, i: int) -> tuple[np.ndarray, np.ndarray]:
    """DM ``i``'s unilateral improvements as an edge list (src, dst)."""
    src, dst = space.moves[i]
    keep = values[i][dst] > values[i][src]
    return src[keep], dst[keep]


def _components(n: int, edges) -> np.ndarray:
    labels = np.arange(n)
    if not edges:
        return labels
    src = np.concatenate([e[0] for e in edges])
    dst = np.concatenate([e[1] for e in edges])
    while True:
        new = labels.copy()
        np.minimum.at(new, src, labels[dst])
        np.minimum.at(new, dst, labels[src])
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


@dataclass(frozen=True, eq=False)
class Reach:
    """``R_H`` (or ``R+_H``) for every start state, stored per component.

    ``hits[q, l]`` is True when ``q`` is reachable from the ``l``-th state of
    ``q``'s component (``members[start[comp[q]] + l]``).
    """

    n: int
    comp: np.ndarray  # component number of each state
    local: np.ndarray  # position of each state within its component
    start: np.ndarray  # first position of each component in `members`
    members: np.ndarray  # states ordered by component
    hits: np.ndarray  # (n, width) bool

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """All (s, q) with q in R(s)."""
        q, l = np.nonzero(self.hits)
        s = self.members[self.start[self.comp[q]] + l]
        return s, q

    def dense(self) -> np.ndarray:
        out = np.zeros((self.n, self.n), dtype=bool)
        s, q = self.pairs()
        out[s, q] = True
        return out

    def min_over(self, score: np.ndarray) -> np.ndarray:
        """For every s, min of ``score[q]`` over q in R(s) (int64 max when R(s) is empty)."""
        if self.hits.size == 0:
            return np.full(self.n, _BIG, dtype=np.int64)
        rows = self.members  # states grouped by component
        table = np.where(self.hits[rows], score[rows].astype(np.int64)[:, None], _BIG)
        per_comp = np.minimum.reduceat(table, self.start, axis=0)  # (components x width)
        return per_comp[self.comp, self.local]


def coalition_reach(space: StateSpace, members: Sequence[int], values: np.ndarray | None = None) -> Reach:
    """R_H (``values`` None) or R+_H (each move an improvement for its mover) for H = ``members``."""
    n = space.n_states
    edges = []
    for j in members:
        e = improving_moves(space, values, j) if values is not None else space.moves[j]
        edges.append(e)
    comp = _components(n, [e for e in edges if len(e[0])])
    _, comp = np.unique(comp, return_inverse=True)
    comp = comp.reshape(-1)
    order = np.argsort(comp, kind="stable")
    counts = np.bincount(comp)
    start = np.concatenate([[0], np.cumsum(counts)[:-1]])
    local = np.empty(n, dtype=np.int64)
    local[order] = np.arange(n) - start[comp[order]]
    width = int(counts.max()) if n else 0
    words = max(1, (width + 63) // 64)

    ident = np.zeros((n, words), dtype="<u8")
    ident[np.arange(n), local // 64] = np.left_shift(np.uint64(1), (local % 64).astype(np.uint64))

    steps = []
    for src, dst in edges:
        if len(src) == 0:
            steps.append(None)
            continue
        o = np.argsort(dst, kind="stable")
        s_sorted, d_sorted = src[o], dst[o]
        heads = np.flatnonzero(np.r_[True, d_sorted[1:] != d_sorted[:-1]])
        steps.append((s_sorted, d_sorted[heads], heads))

    def step(k, g):
        out = np.zeros_like(g)
        if steps[k] is None:
            return out
        s_sorted, targets, heads = steps[k]
        out[targets] = np.bitwise_or.reduceat(g[s_sorted], heads, axis=0)
        return out

    m = len(edges)
    frontier = [step(k, ident) for k in range(m)]
    seen = [f.copy() for f in frontier]
    while any(f.any() for f in frontier):
        new = []
        for k in range(m):
            others = np.zeros_like(ident)
            for j in range(m):
                if j != k:
                    others |= frontier[j]
            f = step(k, others) & ~seen[k] if m > 1 else np.zeros_like(ident)
            new.append(f)
        for k in range(m):
            seen[k] |= new[k]
        frontier = new
    total = np.zeros_like(ident)
    for s in seen:
        total |= s
    hits = np.unpackbits(total.view(np.uint8), axis=1, bitorder="little")[:, :width].astype(bool)
    return Reach(n, comp, local, start, order, hits)


def legal_sequences(space: StateSpace, members: Sequence[int], start: int, values: np.ndarray | None = None) -> dict[int, tuple[tuple[int, int, int], ...]]:
    """Shortest legal sequence (tuples of (dm, from, to)) from ``start`` to each reachable state."""
    adj: dict[int, list[tuple[int, int]]] = {}
    for j in members:
        src, dst = improving_moves(space, values, j) if values is not None else space.moves[j]
        for a, b in zip(src.tolist(), dst.tolist()):
            adj.setdefault(a, []).append((j, b))
    best: dict[int, tuple] = {}
    seen = {(start, -1)}
    queue: list[tuple[int, int, tuple]] = [(start, -1, ())]
    head = 0
    while head < len(queue):
        q, last, path = queue[head]
        head += 1
        for j, b in adj.get(q, ()):
            if j == last or (b, j) in seen:
                continue
            seen.add((b, j))
            p = path + ((j, q, b),)
            best.setdefault(b, p)
            queue.append((b, j, p))
    return best
