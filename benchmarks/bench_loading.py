"""Benchmark of loading a case (issue 16): `load_case` against PyYAML's C safe loader on the same file.

    python benchmarks/bench_loading.py              # 200, 1000 and 2000 options
    python benchmarks/bench_loading.py --repeats 3

`load_case` reads, guards, validates (pydantic and the cross-section checks) and hashes the
case. The reference is `yaml.load(text, Loader=yaml.CSafeLoader)` on the same text, timed in
the same run, paired with each repetition; the figure is the median of the ratios. "before"
is the same `load_case` with the fast path switched off (ruamel's round-trip parser, the reader
before issue 16), also in this run. Target: 1000 options in at most 3x the reference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import yaml  # noqa: E402

from negotiator.case import yamlio  # noqa: E402
from negotiator.case.catalog import load_case  # noqa: E402

TARGET = 3.0


def case_text(n: int, m: int = 10, seed: int = 0) -> str:
    """n options x m objectives, one score in five a [low, likely, high] range, labels and families."""
    rng = np.random.default_rng(seed)
    lines = ["negotiator: 1", f'title: "benchmark, {n} options"', "objectives:"]
    for j in range(m):
        lines += [f"  obj{j}:", f'    label: "Objective {j}"', f"    direction: {'max' if j % 3 else 'min'}", "    scale: [0, 10]"]
    lines.append("options:")
    for i in range(n):
        lines += [f"  opt{i:04d}:", f'    label: "Option {i}"', f"    family: f{i % 7}", "    scores:"]
        for j in range(m):
            if (i + j) % 5 == 0:
                a, b, c = sorted(float(x) for x in np.round(rng.uniform(0, 10, 3), 2))
                lines.append(f"      obj{j}: [{a}, {b}, {c}]")
            else:
                lines.append(f"      obj{j}: {round(float(rng.uniform(0, 10)), 2)}")
    lines += ["weights:", "  main: {" + ", ".join(f"obj{j}: {j + 1}" for j in range(m)) + "}"]
    return "\n".join(lines) + "\n"


def _time(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def measure(path: Path, repeats: int) -> dict:
    text = path.read_text(encoding="utf-8")
    real_fast = yamlio._fast_load
    ref, now, before = [], [], []
    load_case(path)  # imports and caches out of the way
    for _ in range(repeats):
        ref.append(_time(lambda: yaml.load(text, Loader=yaml.CSafeLoader)))
        now.append(_time(lambda: load_case(path)))
        yamlio._fast_load = lambda text: None
        try:
            before.append(_time(lambda: load_case(path)))
        finally:
            yamlio._fast_load = real_fast
    assert load_case(path).sha256 == _hash_without_fast_path(path)
    return {
        "reference": statistics.median(ref),
        "now": statistics.median(now),
        "before": statistics.median(before),
        "ratio_now": statistics.median(n / r for n, r in zip(now, ref)),
        "ratio_before": statistics.median(b / r for b, r in zip(before, ref)),
    }


def _hash_without_fast_path(path: Path) -> str:
    real = yamlio._fast_load
    yamlio._fast_load = lambda text: None
    try:
        return load_case(path).sha256
    finally:
        yamlio._fast_load = real


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--sizes", default="200x10,1000x10,2000x20")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; medians of {args.repeats} paired runs")
    print(f"{'case':>9} {'C loader':>9} {'load_case':>10} {'ratio':>6} {'before':>8} {'ratio':>6}  goal")
    met = True
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            n, m = (int(v) for v in size.split("x"))
            path = Path(tmp) / f"case_{n}x{m}.yaml"
            path.write_text(case_text(n, m), encoding="utf-8")
            r = measure(path, args.repeats)
            goal = ""
            if n == 1000:
                ok = r["ratio_now"] <= TARGET
                met &= ok
                goal = f"<= {TARGET:g}x: {'met' if ok else 'NOT met'}"
            print(f"{size:>9} {r['reference'] * 1e3:7.1f}ms {r['now'] * 1e3:8.1f}ms {r['ratio_now']:5.2f}x {r['before'] * 1e3:6.0f}ms {r['ratio_before']:5.1f}x  {goal}")
    print("loading goal:", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
