"""How fast does a weight change re-rank? (issue: under 50 ms for 200 options)

Measures the exact path the terminal UI takes on each arrow key or typed
weight — ``whatif.nudge_weight`` then ``negotiator.ranking.api.rank(loaded,
weights=...)`` (matrix build, red-line screening, the additive method,
competition ranks, provenance) — on a generated case of 200 options and 11
objectives, against a plain numpy reference in the same run (values @ weights
and an argsort on a prebuilt value matrix). Reports the median times and
their ratio; the absolute target is the UI's, the ratio says what the
bookkeeping costs over bare arithmetic on this machine.

    python benchmarks/bench_tui.py [--options 200] [--repeat 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_MS = 50.0


def synthetic_case_text(n_options: int, n_objectives: int = 11, seed: int = 7) -> str:
    """A valid case with point and range scores, a red line and two profiles (seeded)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    lines = ["negotiator: 1", "title: benchmark", "objectives:"]
    for j in range(n_objectives):
        lines.append(f"  o{j}: {{label: Objective {j}, direction: {'max' if j % 3 else 'min'}, scale: [0, 10]}}")
    lines.append("options:")
    for i in range(n_options):
        scores = []
        for j in range(n_objectives):
            lo, hi = sorted(rng.integers(0, 11, size=2))
            mid = int(rng.integers(lo, hi + 1))
            scores.append(f"o{j}: [{lo}, {mid}, {hi}]" if i % 2 else f"o{j}: {mid}")
        lines.append(f"  opt{i}: {{label: Option {i}, family: F{i % 5}, scores: {{{', '.join(scores)}}}}}")
    lines.append("weights:")
    lines.append("  flat: {" + ", ".join(f"o{j}: 1" for j in range(n_objectives)) + "}")
    lines.append("  ordered: [" + ", ".join(f"o{j}" for j in range(n_objectives)) + "]")
    lines.append("constraints:\n  limits: {o0: {max: 9}}")
    return "\n".join(lines) + "\n"


def median_ms(fn, repeat: int) -> float:
    fn()  # warm caches and imports
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    import numpy as np

    from negotiator.ranking import api
    from negotiator.case.catalog import load_case_text
    from negotiator.model.matrix import build_matrix
    from negotiator.model.weights import profile_weights
    from negotiator.ranking.whatif import nudge_weight

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--options", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args(argv)

    loaded = load_case_text(synthetic_case_text(args.options), name="benchmark")
    weights = profile_weights(loaded.case, "flat")
    objectives = list(loaded.case.objectives)
    state = {"w": weights, "k": 0}

    def ui_path():
        # one arrow-key step on the next objective, then the core re-rank
        obj = objectives[state["k"] % len(objectives)]
        state["k"] += 1
        state["w"] = nudge_weight(state["w"], obj, 0.01 if state["k"] % 2 else -0.01)
        return api.rank(loaded, weights=state["w"])

    values = build_matrix(loaded.case).values()
    wvec = np.array([weights[o] for o in objectives])

    def numpy_reference():
        scores = values @ wvec
        return np.argsort(-scores, kind="stable")

    check = api.rank(loaded, weights=weights)
    ref_order = numpy_reference()
    assert len(check.rows) + len(check.screened_out) == args.options

    ui_ms = median_ms(ui_path, args.repeat)
    ref_ms = median_ms(numpy_reference, max(args.repeat, 200))
    verdict = "PASS" if ui_ms < TARGET_MS else "FAIL"
    print(f"re-rank after one weight change, {args.options} options x {len(objectives)} objectives (median of {args.repeat}):")
    print(f"  UI path (nudge_weight + api.rank): {ui_ms:8.3f} ms   target < {TARGET_MS:.0f} ms: {verdict}")
    print(f"  numpy reference (values @ w, argsort): {ref_ms:8.4f} ms")
    print(f"  ratio UI path / numpy reference: {ui_ms / ref_ms:,.0f}x")
    print(f"  ({len(check.screened_out)} options screened out by the red line; numpy reference ranks all {len(ref_order)})")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
