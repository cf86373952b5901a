"""Benchmark of `negotiator sensitivity`: the commands' cores, SMAA against a plain-numpy
reference doing the same work in the same run, peak memory, and a peer library.

    python benchmarks/bench_sensitivity.py                 # 1,000,000 draws, 2 workers
    python benchmarks/bench_sensitivity.py --samples 200000 --workers 1

Targets (issue 4): SMAA with 1,000,000 draws on 20 options x 10 objectives in <= 3 s on a
2-core machine; peak memory under 500 MB and not growing with the number of draws.
Timings on a shared machine move with its load, so the script also prints the ratio to
the reference measured a moment before: that ratio is what to compare between runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from negotiator.case.catalog import load_case, load_case_text  # noqa: E402
from negotiator.sensitivity import prepare  # noqa: E402
from negotiator.sensitivity.flip import flip_setup  # noqa: E402
from negotiator.sensitivity.smaa import smaa_setup  # noqa: E402
from negotiator.sensitivity.stability import stability_setup  # noqa: E402
from negotiator.sensitivity.sweep import sweep_setup  # noqa: E402
from negotiator.sensitivity.tornado import tornado_setup  # noqa: E402

from negotiator.sensitivity.smaa import CHUNK as REFERENCE_CHUNK  # noqa: E402  (same chunking: a fair reference)


def synthetic_case(n: int = 20, m: int = 10, ranged_share: float = 0.0, seed: int = 0):
    """n options x m objectives on [0, 10]; a share of the scores given a [low, likely, high] range."""
    rng = np.random.default_rng(seed)
    lines = ["negotiator: 1", "title: benchmark", "objectives:"]
    lines += [f"  o{j}: {{label: O{j}, direction: {'max' if j % 3 else 'min'}, scale: [0, 10]}}" for j in range(m)]
    lines.append("options:")
    for i in range(n):
        cells = []
        for j in range(m):
            likely = rng.uniform(2, 8)
            if rng.random() < ranged_share:
                cells.append(f"o{j}: [{likely - rng.uniform(0.5, 2):.3f}, {likely:.3f}, {likely + rng.uniform(0.5, 2):.3f}]")
            else:
                cells.append(f"o{j}: {likely:.3f}")
        lines.append(f"  a{i}: {{label: A{i}, scores: {{{', '.join(cells)}}}}}")
    return load_case_text("\n".join(lines) + "\n", name=f"synthetic {n}x{m}, {ranged_share:.0%} ranged")


def reference_smaa(matrix, samples: int, seed: int = 0) -> np.ndarray:
    """The same SMAA work in plain numpy, written the obvious way: uniform weights; for each
    draw a full score matrix with numpy's triangular sampler on the ranged cells; linear
    values; the weighted sum as one einsum; argsort; rank counts."""
    rng = np.random.default_rng(seed)
    n, m = matrix.shape
    ranged = matrix.high > matrix.low
    counts = np.zeros(n * n, dtype=np.int64)
    positions = np.arange(n)
    width = matrix.scale_high - matrix.scale_low
    for start in range(0, samples, REFERENCE_CHUNK):
        size = min(REFERENCE_CHUNK, samples - start)
        e = rng.standard_exponential((size, m))
        w = e / e.sum(axis=1, keepdims=True)
        if ranged.any():
            scores = np.broadcast_to(matrix.likely, (size, n, m)).copy()
            scores[:, ranged] = rng.triangular(matrix.low[ranged], matrix.likely[ranged], matrix.high[ranged], (size, int(ranged.sum())))
            up = (scores - matrix.scale_low) / width
            values = np.where(matrix.maximise, up, 1.0 - up)
            overall = np.einsum("snm,sm->sn", values, w)
        else:
            overall = w @ matrix.values().T
        order = np.argsort(-overall, axis=1)
        counts += np.bincount((order * n + positions).ravel(), minlength=n * n)
    return counts.reshape(n, n) / samples


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def peak_traced(fn) -> float:
    """Peak memory (MB) allocated while fn runs, as tracemalloc sees it (numpy reports to it)."""
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-peer", action="store_true")
    args = ap.parse_args(argv)
    n_draws, workers = args.samples, args.workers
    print(f"negotiator sensitivity benchmark: {n_draws:,} draws, {workers} worker(s), {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    print()

    print("== SMAA-2 on 20 options x 10 objectives (uniform weights) ==")
    rows = []
    for share in (0.0, 0.25):
        setup = prepare(synthetic_case(ranged_share=share))
        t_ref, ref = timed(lambda: reference_smaa(setup.matrix, n_draws))
        t_ours, res = timed(lambda: smaa_setup(setup, samples=n_draws, seed=1, workers=workers))
        rows.append((share, t_ref, t_ours, res))
        what = "point scores" if share == 0 else f"{res.uncertain_scores} scores drawn from ranges (+ {res.confidence_samples:,} confidence draws)"
        print(f"  {what}")
        print(f"    plain-numpy reference (same draws' work, 1 thread): {t_ref:6.2f} s")
        print(f"    negotiator smaa core ({workers} worker(s)):            {t_ours:6.2f} s   ratio {t_ours / t_ref:4.2f}x reference")
        print(f"    largest difference in rank acceptability: {np.abs(ref - res.acceptability).max():.4f} (5 standard errors: {5 * 0.5 / np.sqrt(n_draws):.4f})")
    t_point = rows[0][2]
    print(f"  target: 1,000,000 draws (point scores) <= 3 s: {'MET' if t_point <= 3 * n_draws / 1e6 else 'NOT MET'} ({t_point:.2f} s for {n_draws:,})")
    print()

    print("== memory (tracemalloc peak while running; the work is chunked) ==")
    setup = prepare(synthetic_case(ranged_share=0.25))
    for n in (n_draws // 10, n_draws):
        peak = peak_traced(lambda: smaa_setup(setup, samples=n, seed=1, workers=1, confidence_samples=1000))
        print(f"  {n:>9,} draws: peak {peak:7.1f} MB")
    print(f"  process max RSS so far: {max_rss_mb():.0f} MB (target: under 500 MB)")
    print()

    print("== other commands' cores on the bundled case (best of 3) ==")
    bundled = prepare(load_case())
    for name, fn in [
        ("sweep (all objectives, exact)", lambda: sweep_setup(bundled)),
        ("stability (top 1)", lambda: stability_setup(bundled)),
        ("stability (top 3)", lambda: stability_setup(bundled, top=3)),
        ("flip (L1 LP per challenger)", lambda: flip_setup(bundled)),
        ("tornado", lambda: tornado_setup(bundled)),
        ("smaa 10,000 draws", lambda: smaa_setup(bundled, samples=10_000, workers=workers)),
    ]:
        t, _ = timed(fn, repeat=3)
        print(f"  {name:<32} {t * 1000:8.1f} ms")
    print()

    other_methods(workers)

    if not args.skip_peer:
        peer(n_draws)
    return 0


def other_methods(workers: int, samples: int = 20_000) -> None:
    """SMAA with TOPSIS, VIKOR, PROMETHEE and ELECTRE: vectorised (methods.BATCH) against draw by draw, same run."""
    from negotiator.methods import BATCH, _load_all

    _load_all()
    print(f"== SMAA with the other methods on the bundled case ({samples:,} draws, 101 ranged scores redrawn each time) ==")
    case = load_case()
    for method in ("topsis", "vikor", "promethee", "electre"):
        setup = prepare(case, method=method)
        t_fast, fast = timed(lambda: smaa_setup(setup, samples=samples, confidence_samples=2_000, workers=workers))
        batch = BATCH.pop(method)
        try:
            t_slow, slow = timed(lambda: smaa_setup(setup, samples=samples, confidence_samples=2_000, workers=workers))
        finally:
            BATCH[method] = batch
        same = np.array_equal(fast.acceptability, slow.acceptability)
        print(f"  {method:<10} vectorised {t_fast:6.2f} s, draw by draw {t_slow:6.2f} s: {t_slow / t_fast:5.1f}x faster; same acceptabilities: {same}")
    print()


def peer(n_draws: int) -> None:
    print("== peer library: pysensmcda 2.0 smaa2 with pymcdm's WSM, same 20x10 value matrix ==")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from pymcdm.methods import WSM
            from pysensmcda.smaa import smaa2
    except ImportError:
        print("  pysensmcda is not installed (pip install pysensmcda --no-deps): skipped")
        return
    setup = prepare(synthetic_case())
    values = setup.matrix.values()
    n = min(n_draws, 20_000)  # the peer keeps every draw in memory and is slow

    def identity(x, cost):  # our values are already on [0, 1], best = 1: no renormalising
        return x

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t_peer, res = timed(lambda: smaa2(WSM(normalization_function=identity), values, np.ones(values.shape[1]), num_samples=n, seed=0))
    t_ours, ours = timed(lambda: smaa_setup(setup, samples=n, seed=1, workers=1))
    diff = np.abs(res.rank_acceptability - ours.acceptability).max()
    print(f"  {n:,} draws: pysensmcda {t_peer:6.2f} s, negotiator {t_ours:6.2f} s (1 worker): {t_peer / t_ours:5.1f}x faster")
    print(f"  largest difference in rank acceptability: {diff:.4f} (5 standard errors: {5 * 0.5 / np.sqrt(n):.4f})")


if __name__ == "__main__":
    sys.exit(main())
