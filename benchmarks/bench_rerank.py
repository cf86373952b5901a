"""Benchmark of re-ranking (issue 16): a new weight vector on an already loaded case.

    python benchmarks/bench_rerank.py               # 2000 options x 20 objectives
    python benchmarks/bench_rerank.py --options 200 --objectives 12

Times the public `negotiator.rank(loaded, weights=...)` with a fresh weight vector on each
call, against the method core alone (`get_method("additive")(matrix, w)` on the already
built matrix) in the same run, alternating, medians of many calls. "before" is the same
`rank` call with the matrix cache emptied before each call and every row read, which is
what each call cost before the matrix was built once per case and the rows were made lazily.
Target: at most 5x the method core at 2000 x 20.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from negotiator import rank  # noqa: E402
from negotiator.case.catalog import load_case_text  # noqa: E402
from negotiator.methods import get_method  # noqa: E402
from negotiator.model import matrix as matrix_module  # noqa: E402
from negotiator.model.matrix import build_matrix  # noqa: E402

TARGET = 5.0


def case_text(n: int, m: int, seed: int = 0) -> str:
    import json

    rng = np.random.default_rng(seed)
    objectives = {f"o{j}": {"label": f"objective {j}", "direction": "max" if j % 3 else "min", "scale": [0, 10]} for j in range(m)}
    options = {f"a{i:04d}": {"label": f"option {i}", "scores": {f"o{j}": float(round(rng.uniform(0, 10), 3)) for j in range(m)}} for i in range(n)}
    return json.dumps({"negotiator": 1, "title": "re-rank benchmark", "objectives": objectives, "options": options, "weights": {"main": {o: 1 for o in objectives}}})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--options", type=int, default=2000)
    ap.add_argument("--objectives", type=int, default=20)
    ap.add_argument("--calls", type=int, default=200)
    args = ap.parse_args()
    loaded = load_case_text(case_text(args.options, args.objectives))
    objectives = list(loaded.case.objectives)
    rng = np.random.default_rng(1)
    weights = [dict(zip(objectives, rng.dirichlet(np.ones(len(objectives))).tolist())) for _ in range(args.calls)]
    core = get_method("additive")
    matrix = build_matrix(loaded.case)

    def one_core(w):
        core(matrix, np.array([w[o] for o in objectives]))

    def one_rank(w):
        r = rank(loaded, weights=w)
        return r.winner.option

    def one_before(w):
        matrix_module._MATRICES.clear()
        r = rank(loaded, weights=w)
        for row in r.rows:
            pass
        return r.rows[0].option

    # Same answers: the winner of the fast call is the highest score of the core.
    w0 = weights[0]
    res = core(matrix, np.array([w0[o] for o in objectives]))
    assert one_rank(w0) == matrix.options[int(np.argmax(res.scores))]
    t_core, t_rank, t_before = [], [], []
    for k, w in enumerate(weights):
        for fn, out in ((one_core, t_core), (one_rank, t_rank)):
            t = time.perf_counter()
            fn(w)
            out.append(time.perf_counter() - t)
        if k % 10 == 0:
            t = time.perf_counter()
            one_before(w)
            t_before.append(time.perf_counter() - t)
    core_s, rank_s, before_s = (statistics.median(x) for x in (t_core, t_rank, t_before))
    ratio = rank_s / core_s
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; {args.options} x {args.objectives}, medians of {args.calls} calls")
    print(f"method core (additive)     {core_s * 1e3:8.3f} ms")
    print(f"rank(loaded, weights=...)  {rank_s * 1e3:8.3f} ms  {ratio:6.1f}x the core")
    print(f"before (matrix rebuilt, every row made) {before_s * 1e3:8.3f} ms  {before_s / core_s:6.1f}x the core")
    print(f"re-ranking goal (<= {TARGET:g}x):", "met" if ratio <= TARGET else "NOT met")


if __name__ == "__main__":
    main()
