"""Is the CSV score merge linear in the rows? (`negotiator import scores.csv --into CASE`)

Issue 15: the unknown-id check looked up each unknown option's line by scanning
every cell, so 20,000 unknown rows took 5 s and 200,000 more than 60 s. This
times ``merge_scores_csv`` (dry run, refused for its unknown ids: the whole
check runs) on CSVs of 20,000 and 200,000 rows into tests/cases/tiny.yaml,
against a reference measured in the same run: Python's own ``csv.reader``
reading the same file (the least any merge must do).

Reports the best of a few repeats and two ratios:
- ours / csv.reader at each size: the merge's cost per row over a bare parse
  (target: at most 40, and not growing with the size);
- growth: time at 200,000 rows / time at 20,000 rows (linear is 10; the
  quadratic check gave about 100). Target: at most 15.

    python benchmarks/bench_csv_merge.py [--sizes 20000 200000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _best(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    from negotiator.authoring.csv_import import merge_scores_csv
    from negotiator.errors import CaseError

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000, 200_000])
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_csv_"))
    case = folder / "case.yaml"
    shutil.copyfile(ROOT / "tests" / "cases" / "tiny.yaml", case)
    times: dict[int, float] = {}
    ok = True
    print(f"{'rows':>8} {'merge s':>9} {'csv.reader s':>13} {'ratio':>7}")
    try:
        for n in args.sizes:
            path = folder / f"scores_{n}.csv"
            with path.open("w", encoding="utf-8", newline="") as fh:
                fh.write("option,gain,cost,risk\na,7,2,3\n")
                fh.writelines(f"x{i},5,3,{i % 10}\n" for i in range(n))

            def merge():
                try:
                    merge_scores_csv(path, case, dry_run=True)
                except CaseError as exc:
                    assert "unknown option" in exc.problems[0].message
                else:  # pragma: no cover
                    raise AssertionError("the unknown ids were not refused")

            def reference():
                with path.open(encoding="utf-8", newline="") as fh:
                    for _ in csv.reader(fh):
                        pass

            ours, ref = _best(merge, args.repeats), _best(reference, args.repeats)
            times[n] = ours
            ratio = ours / ref
            ok &= ratio <= 40
            print(f"{n:>8,} {ours:>9.3f} {ref:>13.3f} {ratio:>7.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sizes = sorted(times)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        growth = times[large] / times[small]
        linear = large / small
        ok &= growth <= 1.5 * linear
        print(f"growth {small:,} -> {large:,} rows: x{growth:.1f} (linear x{linear:.0f}, target at most x{1.5 * linear:.0f})")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
