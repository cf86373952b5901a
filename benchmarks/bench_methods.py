"""Time each aggregation method against the peer library (pymcdm) in the same run.

    python benchmarks/bench_methods.py            # 20x8, 200x12, 2000x20
    python benchmarks/bench_methods.py --quick    # smaller repeat counts

Prints, per method and size, our time, the peer's time (pymcdm with its input
validation switched off, its fastest setting) and the ratio ours / peer:
below 1 means we are faster. Each time is the best of several repeats on the
same seeded random matrix; both sides get identical inputs and the scores
are checked to agree before timing (where the conventions match).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from negotiator._version import __version__  # noqa: E402
from negotiator.model.matrix import DecisionMatrix  # noqa: E402
from negotiator.methods import get_method  # noqa: E402
from negotiator.case.scoring import PrometheeCriterion  # noqa: E402

SIZES = [(20, 8), (200, 12), (2000, 20)]


def best_time(fn, repeats: int) -> float:
    fn()  # warm up (imports, caches)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def problem(n: int, m: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(1, 100, size=(n, m))
    w = rng.dirichlet(np.ones(m))
    maximise = rng.random(m) < 0.6
    lo, hi = x.min(axis=0), x.max(axis=0)
    matrix = DecisionMatrix(tuple(f"o{i}" for i in range(n)), tuple(f"j{j}" for j in range(m)), x, x, x, maximise, lo, hi, np.zeros(m, bool))
    return matrix, x, w, maximise, np.where(maximise, 1, -1)


def cases(n, m):
    """(label, ours(), peer() or None, compare?) for one size."""
    from pymcdm import normalizations as pn
    from pymcdm import methods as pm

    matrix, x, w, mx, types = problem(n, m)
    vshape = replace_promethee(matrix, PrometheeCriterion(function="vshape", p=20.0))
    out = [
        ("additive (pymcdm WSM, minmax)", lambda: get_method("additive")(matrix, w).scores, lambda: pm.WSM(pn.minmax_normalization)(x, w, types, validation=False), False),
        ("topsis vector", lambda: get_method("topsis")(matrix, w).scores, lambda: pm.TOPSIS(pn.vector_normalization)(x, w, types, validation=False), True),
        ("topsis minmax", lambda: get_method("topsis")(matrix, w, normalisation="minmax").scores, lambda: pm.TOPSIS(pn.minmax_normalization)(x, w, types, validation=False), True),
        ("promethee usual", lambda: get_method("promethee")(matrix, w).scores, lambda: pm.PROMETHEE_II("usual")(x, w, types, validation=False), True),
        ("promethee vshape p=20", lambda: get_method("promethee")(vshape, w).scores, lambda: pm.PROMETHEE_II("vshape", p=[20.0] * m)(x, w, types, validation=False), True),
        ("vikor v=0.5", lambda: 1 - get_method("vikor")(matrix, w).scores, lambda: pm.VIKOR(v=0.5)(x, w, types, validation=False), True),
        ("promethee gaussian s=10", lambda: get_method("promethee")(replace_promethee(matrix, PrometheeCriterion(function="gaussian", s=10.0)), w).scores, None, False),
        ("electre I", lambda: get_method("electre")(matrix, w).scores, None, False),
    ]
    return out


def replace_promethee(matrix, spec):
    from dataclasses import replace

    return replace(matrix, promethee=tuple([spec] * len(matrix.objectives)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    print(f"negotiator {__version__} vs pymcdm; numpy {np.__version__}; best of N repeats; ratio = ours / peer (below 1: ours faster)")
    print(f"{'method':<28}{'size':>10}{'ours ms':>12}{'peer ms':>12}{'ratio':>9}")
    worst = 0.0
    for n, m in SIZES:
        repeats = (3 if args.quick else 7) if n >= 2000 else (20 if args.quick else 100)
        for label, ours, peer, check in cases(n, m):
            if check and peer is not None:
                assert np.allclose(ours(), peer(), atol=1e-9), f"{label}: ours and pymcdm disagree"
            t_ours = best_time(ours, repeats)
            if peer is None:
                print(f"{label:<28}{f'{n}x{m}':>10}{t_ours * 1e3:>12.3f}{'(no peer)':>12}{'':>9}")
                continue
            t_peer = best_time(peer, repeats)
            ratio = t_ours / t_peer
            worst = max(worst, ratio)
            print(f"{label:<28}{f'{n}x{m}':>10}{t_ours * 1e3:>12.3f}{t_peer * 1e3:>12.3f}{ratio:>9.3f}")
    print(f"worst ratio ours/peer: {worst:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
