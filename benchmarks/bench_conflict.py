"""How fast is graph-model stability? (`negotiator conflict` on large option sets)

Times ``negotiator.conflict.stability`` (Nash, GMR, SMR and SEQ for every state and
every DM) on a seeded conflict of 12 options across 3 DMs (4 each, one of them
irreversible): 4,096 states. Two references measured in the same run:

- the brute-force reading of the definitions (every legal sequence explored state by
  state, in Python) on a smaller conflict, 6 options across 3 DMs (64 states), where it
  must agree with the matrix form; the ratio is brute / ours on that size;
- a numpy baseline on the large case: one masked minimum over a 4,096 x 4,096 table
  (the cost of touching every pair of states once), to show where the time goes.

Reports best-of-N times and ratios. The target is under 1 s for the large case.

    python benchmarks/bench_conflict.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "conflict"))


def make_conflict(per_dm: int):
    from negotiator.conflict import conflicts_from_data

    dms = {
        f"dm{i}": {
            "label": f"DM {i}",
            "options": {f"o{i}{j}": {"label": f"option {i}.{j}", "direction": "take_only" if j == per_dm - 1 else "both"} for j in range(per_dm)},
            "preferences": {"prioritisation": [{"statement": "o00", "rationale": "bench", "source": "bench"}]},
        }
        for i in range(3)
    }
    return conflicts_from_data({"bench": {"label": "bench", "decision_makers": dms}})["bench"]


def best(fn, repeats):
    times = []
    out = None
    for _ in range(repeats):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)

    from conflict_helpers import brute_stability
    from negotiator.conflict import CONCEPTS, build_states, stability

    rng = np.random.default_rng(2026)
    big = build_states(make_conflict(4))
    values = rng.integers(0, 600, size=(3, big.n_states))
    t_build, _ = best(lambda: build_states(make_conflict(4)), args.repeats)
    t_ours, res = best(lambda: stability(big, values), args.repeats)
    u = values[0]
    mask = rng.random((big.n_states, big.n_states)) < 0.05
    t_base, _ = best(lambda: np.where(mask, u[None, :], np.iinfo(np.int64).max).min(axis=1), args.repeats)

    small = build_states(make_conflict(2))
    sv = rng.integers(0, 40, size=(3, small.n_states))
    moves = {i: set(zip(small.moves[i][0].tolist(), small.moves[i][1].tolist())) for i in range(3)}
    t_small, fast = best(lambda: stability(small, sv), args.repeats)
    t_brute, slow = best(lambda: brute_stability(small, sv, moves), 1)
    for c in CONCEPTS:
        got = {(i, s) for i in range(3) for s in range(small.n_states) if fast.stable[c][i, s]}
        assert got == slow[c], f"matrix form and brute force disagree on {c}"

    print(f"12 options, 3 DMs, {big.n_states} states: all four concepts, every state and DM")
    print(f"  build states and moves      {t_build * 1e3:8.1f} ms")
    print(f"  stability (Nash/GMR/SMR/SEQ){t_ours * 1e3:8.1f} ms   target < 1000 ms")
    print(f"  numpy baseline (one n x n masked min) {t_base * 1e3:.1f} ms; ours / baseline = {t_ours / t_base:.1f}")
    print(f"  equilibria: " + ", ".join(f"{c} {len(res.equilibria(c))}" for c in CONCEPTS))
    print(f"6 options, 3 DMs, {small.n_states} states (same answers checked):")
    print(f"  ours {t_small * 1e3:.2f} ms, brute force {t_brute * 1e3:.1f} ms; brute / ours = {t_brute / t_small:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
