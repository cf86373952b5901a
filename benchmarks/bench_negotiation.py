"""AUGMECON against brute-force enumeration of every package, as a ratio measured in the same run.

    python benchmarks/bench_negotiation.py [--issues 11] [--levels 5] [--seed 2]

Prints the package count, the number of efficient packages, both times and the
speed-up (enumeration time / AUGMECON time). Both must find the same frontier.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from negotiation_helpers import random_agenda  # noqa: E402

from negotiator.negotiation.frontier import efficient_packages, enumerate_frontier, solver_name  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--issues", type=int, default=11)
    ap.add_argument("--levels", type=int, default=5)
    ap.add_argument("--seed", type=int, default=2)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    agenda = random_agenda(rng, args.issues, args.levels, integer=True)
    t0 = time.perf_counter()
    milp = efficient_packages(agenda)
    t1 = time.perf_counter()
    brute = enumerate_frontier(agenda)
    t2 = time.perf_counter()
    same = [p.utilities for p in milp] == [p.utilities for p in brute]
    print(f"packages {agenda.package_size()}, efficient {len(milp)} (enumeration agrees: {same}); solver {solver_name()}")
    print(f"AUGMECON {t1 - t0:.3f} s, enumeration {t2 - t1:.3f} s, speed-up x{(t2 - t1) / (t1 - t0):.1f}")


if __name__ == "__main__":
    main()
