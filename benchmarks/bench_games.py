"""How fast is exact equilibrium enumeration? (`negotiator game` on hand-typed games)

Times ``negotiator.games.bimatrix.extreme_equilibria`` (numpy screens every basis of both
best-response polytopes at once; exact integer arithmetic decides) on seeded
random games with small integer payoffs (degenerate, like the games staff type),
against two references measured in the same run:

- the plain exact method: every basis solved in fractions.Fraction (what the
  screen saves), which must give the same equilibria;
- nashpy's floating-point vertex enumeration (a peer, not exact).

Reports median times and the ratios ours / reference.

    python benchmarks/bench_games.py [--sizes 4 5 6] [--games 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from fractions import Fraction
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def plain_exact_equilibria(g) -> set:
    """Vertex enumeration with every basis solved in Fractions (no screen): the reference."""
    from negotiator.games.bimatrix import _positive_shift, deviation_gains

    m, n = g.shape
    A, B = _positive_shift(g.A), _positive_shift(g.B)

    def vertices(M, own, other):
        d, e = len(M), len(M[0])
        cons = [([Fraction(-1) if k == i else Fraction(0) for k in range(d)], Fraction(0), own[i]) for i in range(d)]
        cons += [([M[i][j] for i in range(d)], Fraction(1), other[j]) for j in range(e)]
        out = {}
        for basis in combinations(range(d + e), d):
            aug = [list(cons[k][0]) + [cons[k][1]] for k in basis]
            ok = True
            for c in range(d):
                piv = next((r for r in range(c, d) if aug[r][c] != 0), None)
                if piv is None:
                    ok = False
                    break
                aug[c], aug[piv] = aug[piv], aug[c]
                aug[c] = [v / aug[c][c] for v in aug[c]]
                for r in range(d):
                    if r != c and aug[r][c] != 0:
                        aug[r] = [v - aug[r][c] * w for v, w in zip(aug[r], aug[c])]
            if not ok:
                continue
            z = tuple(aug[r][d] for r in range(d))
            lhs = [sum(a * v for a, v in zip(row, z)) for row, _, _ in cons]
            if all(x <= r for x, (_, r, _) in zip(lhs, cons)):
                out[z] = frozenset(lab for x, (_, r, lab) in zip(lhs, cons) if x == r)
        return out

    P = vertices(B, list(range(m)), list(range(m, m + n)))
    At = tuple(tuple(A[i][j] for i in range(m)) for j in range(n))
    Q = vertices(At, list(range(m, m + n)), list(range(m)))
    everything = frozenset(range(m + n))
    found = set()
    for x, lx in P.items():
        for y, ly in Q.items():
            if any(x) and any(y) and lx | ly == everything:
                xn = tuple(v / sum(x) for v in x)
                yn = tuple(v / sum(y) for v in y)
                assert max(deviation_gains(g, xn, yn)) <= 0
                found.add((xn, yn))
    return found


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv=None) -> int:
    import nashpy
    import numpy as np

    from negotiator.games.bimatrix import Bimatrix, _polytopes, extreme_equilibria

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 5, 6])
    parser.add_argument("--games", type=int, default=5, help="random games per size")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    print(f"seed {args.seed}; {args.games} games per size; payoffs uniform in 0..3 (degenerate); median seconds per game")
    print(f"{'size':>5} {'ours':>9} {'plain exact':>12} {'ratio':>7} {'nashpy':>9} {'ratio':>7}")
    for size in args.sizes:
        ours, plain, peer = [], [], []
        for _ in range(args.games):
            A = rng.integers(0, 4, size=(size, size)).tolist()
            B = rng.integers(0, 4, size=(size, size)).tolist()
            g = Bimatrix.from_lists(A, B)

            def run_ours():
                _polytopes.cache_clear()
                return extreme_equilibria(g)

            ours.append(median_seconds(run_ours, 3))
            plain.append(median_seconds(lambda: plain_exact_equilibria(g), 1))
            assert {(e.x, e.y) for e in run_ours()[0]} == plain_exact_equilibria(g), "the screen lost or invented an equilibrium"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                game = nashpy.Game(np.array(A, dtype=float), np.array(B, dtype=float))
                peer.append(median_seconds(lambda: list(game.vertex_enumeration()), 1))
        o, p, q = statistics.median(ours), statistics.median(plain), statistics.median(peer)
        print(f"{size:>3}x{size:<1} {o:9.4f} {p:12.4f} {o / p:7.3f} {q:9.4f} {o / q:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
