"""Benchmark of SMAA as users run it (issue 16): whole processes, single-thread BLAS.

    python benchmarks/bench_smaa_process.py                 # 1e5 and 1e6 draws, 5 rounds
    python benchmarks/bench_smaa_process.py --rounds 9

Each round runs, one after the other and both with OPENBLAS_NUM_THREADS=1 (and the same
other environment):
  * the bare numpy kernel as its own process: import numpy, uniform (Dirichlet) weights in
    chunks of 2,048, one matrix product, `argsort`, one `bincount` of ranks per chunk, on a
    20 x 10 value matrix;
  * `python -m negotiator sensitivity smaa CASE -n N --workers 1 --format json` on a
    20 options x 10 objectives case with point scores (the same size), whole process:
    imports, loading, the simulation, central weights, confidence factors, JSON.
The figure is the median over rounds of the ratio of the two wall times (and CPU times).
Targets: 1e6 draws within 1.3x the kernel; 1e5 within 1.6x.

Two more processes per round split the gap into fixed cost and simulation: the same command
with 1 draw (start-up, loading, set-up and output: what does not grow with N) and `python -c
"import numpy"` (the kernel's own fixed cost). "sim ratio" is ours minus our fixed cost over the
kernel minus its fixed cost (CPU): how the simulation itself compares.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from _process import byte_compile, timed_run  # benchmarks/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parent.parent  # --root: another checkout (e.g. the commit before) to time
TARGETS = {1_000_000: 1.3, 100_000: 1.6}

KERNEL = """
import sys
import numpy as np
samples, n, m, chunk = int(sys.argv[1]), 20, 10, 2048
rng = np.random.default_rng(0)
values = rng.random((n, m))
counts = np.zeros(n * n, dtype=np.int64)
positions = np.arange(n)
r = np.random.default_rng(1)
for start in range(0, samples, chunk):
    size = min(chunk, samples - start)
    e = r.standard_exponential((size, m))
    w = e / e.sum(axis=1, keepdims=True)
    order = np.argsort(-(w @ values.T), axis=1)
    counts += np.bincount((order * n + positions).ravel(), minlength=n * n)
print(counts.reshape(n, n)[:, 0])
"""


def case_text(n: int = 20, m: int = 10, seed: int = 0) -> str:
    import random

    rng = random.Random(seed)
    lines = ["negotiator: 1", "title: SMAA benchmark", "objectives:"]
    lines += [f"  o{j}: {{label: O{j}, direction: {'max' if j % 3 else 'min'}, scale: [0, 10]}}" for j in range(m)]
    lines.append("options:")
    for i in range(n):
        cells = ", ".join(f"o{j}: {rng.uniform(2, 8):.3f}" for j in range(m))
        lines.append(f"  a{i}: {{label: A{i}, scores: {{{cells}}}}}")
    lines.append("weights:\n  main: {" + ", ".join(f"o{j}: 1" for j in range(m)) + "}")
    return "\n".join(lines) + "\n"


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    return timed_run(cmd, ROOT, env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--samples", default="100000,1000000")
    ap.add_argument("--root", type=Path, default=None, help="time the negotiator of another checkout (e.g. an export of the commit before)")
    args = ap.parse_args()
    if args.root is not None:
        global ROOT
        ROOT = args.root.resolve()
    print(f"negotiator from {ROOT}")
    byte_compile(ROOT)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; single-thread BLAS; medians of {args.rounds} rounds")
    print(f"{'draws':>9} {'kernel s':>9} {'smaa s':>8} {'wall ratio':>10} {'CPU ratio':>9} {'fixed CPU s (ours/numpy)':>25} {'sim ratio':>9}  goal")
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        case = Path(tmp) / "smaa_20x10.yaml"
        case.write_text(case_text(), encoding="utf-8")
        for samples in (int(s) for s in args.samples.split(",")):
            kernel = [sys.executable, "-c", KERNEL, str(samples)]
            ours = [sys.executable, "-m", "negotiator", "sensitivity", "smaa", str(case), "-n", str(samples), "--workers", "1", "--format", "json"]
            ours_fixed = ours[:7] + ["1"] + ours[8:]
            numpy_only = [sys.executable, "-c", "import numpy"]
            run(kernel, env), run(ours, env)  # warm caches
            k_w, k_c, o_w, o_c, of_c, nf_c = [], [], [], [], [], []
            for _ in range(args.rounds):
                w, c = run(kernel, env)
                k_w.append(w), k_c.append(c)
                w, c = run(ours, env)
                o_w.append(w), o_c.append(c)
                of_c.append(run(ours_fixed, env)[1]), nf_c.append(run(numpy_only, env)[1])
            wall = statistics.median(o / k for o, k in zip(o_w, k_w))
            cpu = statistics.median(o / k for o, k in zip(o_c, k_c))
            sim = statistics.median((o - of) / max(k - nf, 1e-9) for o, of, k, nf in zip(o_c, of_c, k_c, nf_c))
            fixed = statistics.median(of_c), statistics.median(nf_c)
            target = TARGETS.get(samples)
            goal = ""
            if target:
                ok = wall <= target
                met &= ok
                goal = f"<= {target}x: {'met' if ok else 'NOT met'}"
            print(f"{samples:>9,} {statistics.median(k_w):9.3f} {statistics.median(o_w):8.3f} {wall:9.2f}x {cpu:8.2f}x {fixed[0]:>15.3f} / {fixed[1]:.3f} {sim:8.2f}x  {goal}")
    judged = any(int(n) in TARGETS for n in args.samples.split(","))
    print("SMAA goals:", ("met" if met else "NOT met") if judged else "not judged (no goal for these sizes)")


if __name__ == "__main__":
    main()
