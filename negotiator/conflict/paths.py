"""Status-quo analysis: how the conflict can get from today's state to each equilibrium.

The moves allowed are unilateral improvements (a DM changes its own options and
likes the result better), and, if asked, coalition improvements (several DMs move
together and every one of them gains). A path is a sequence of such moves from the
status quo; we return the shortest ones (fewest moves) to each target state, as data.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from .coalitions import CoalitionMove, coalition_improvements
from .reach import improving_moves
from .stability import Move
from negotiator.case.conflict_states import StateSpace

__all__ = ["StatusQuoPath", "status_quo_paths"]


@dataclass(frozen=True)
class StatusQuoPath:
    """Shortest paths from the status quo to ``target`` (empty when it cannot be reached)."""

    target: int
    reachable: bool
    length: int | None
    paths: tuple[tuple[Move | CoalitionMove, ...], ...]

    def messages(self) -> list[dict]:
        if not self.reachable:
            return [{"key": "conflict.path.unreachable", "to": self.target}]
        out = []
        for k, path in enumerate(self.paths):
            if not path:
                out.append({"key": "conflict.path.already_there", "to": self.target, "path": k})
            for step in path:
                if isinstance(step, Move):
                    out.append({"key": "conflict.path.step", "path": k, "dm": step.dm, "from": step.from_state, "to": step.to_state})
                else:
                    out.append({"key": "conflict.path.coalition_step", "path": k, "dms": list(step.dms), "from": step.from_state, "to": step.to_state})
        return out

    def to_dict(self) -> dict:
        return {
            "target": self.target, "reachable": self.reachable, "length": self.length,
            "paths": [[s.to_dict() for s in p] for p in self.paths], "messages": self.messages(),
        }


def _edges(space: StateSpace, values: np.ndarray, coalitions: bool):
    edges: dict[int, list] = {}
    for i in range(space.n_dms):
        src, dst = improving_moves(space, values, i)
        for a, b in zip(src.tolist(), dst.tolist()):
            edges.setdefault(a, []).append(Move(space.dm_ids[i], a, b))
    if coalitions:
        from itertools import combinations

        seen = {(m.from_state, m.to_state) for ms in edges.values() for m in ms}
        for size in range(2, space.n_dms + 1):
            for members in combinations(range(space.n_dms), size):
                src, dst = coalition_improvements(space, values, members)
                for a, b in zip(src.tolist(), dst.tolist()):
                    if (a, b) in seen:  # a smaller group (or one DM) already makes this move
                        continue
                    seen.add((a, b))
                    edges.setdefault(a, []).append(CoalitionMove(tuple(space.dm_ids[j] for j in members), a, b))
    return edges


def status_quo_paths(
    space: StateSpace,
    values: np.ndarray,
    status_quo: int,
    targets,
    coalitions: bool = False,
    max_paths: int = 3,
) -> tuple[StatusQuoPath, ...]:
    """Up to ``max_paths`` shortest improvement paths from ``status_quo`` to each target state."""
    values = np.asarray(values, dtype=np.int64)
    edges = _edges(space, values, coalitions)
    dist = {status_quo: 0}
    preds: dict[int, list] = {status_quo: []}
    queue = deque([status_quo])
    while queue:
        a = queue.popleft()
        for step in edges.get(a, ()):
            b = step.to_state
            if b not in dist:
                dist[b] = dist[a] + 1
                preds[b] = [step]
                queue.append(b)
            elif dist[b] == dist[a] + 1:
                preds[b].append(step)

    def enumerate_paths(t):
        if t == status_quo:
            yield ()
            return
        for step in preds[t]:
            for head in enumerate_paths(step.from_state):
                yield head + (step,)

    out = []
    for t in targets:
        t = int(t)
        if t not in dist:
            out.append(StatusQuoPath(t, False, None, ()))
            continue
        paths = []
        for p in enumerate_paths(t):
            paths.append(p)
            if len(paths) >= max_paths:
                break
        out.append(StatusQuoPath(t, True, dist[t], tuple(paths)))
    return tuple(out)
