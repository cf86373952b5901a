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
    python benchmarks/bench_tui.py --keys [--rounds 5] [--before DIR]

``--keys`` measures what a user feels: the app run headless (Textual's Pilot, 120x40) on the
bundled case and on a generated case of 200 options, each key timed as

* **CPU** ("app time"): the process's CPU time (``time.process_time``, all threads) from the key
  press until the app is idle again: our handlers, the re-rank, the table updates, and Textual's
  layout and drawing of the new frame (headless, the frame is composed and its bytes dropped).
  Waiting for a core on a loaded machine is not counted;
* **frame**: wall time from the key press to the last frame the app drew in answer to it (the
  app's ``_display`` calls, recorded by the benchmark): what the user waits for, including
  Textual's own timers (a screen refresh waits for the next 1/60 s tick) and, on a loaded
  machine, waiting for a core.

Against a bare Textual app in the same run (two screens, each one DataTable of 200 rows and four
columns and a footer; a key switches screens, moves the cursor, or rewrites the score and rank of
every row in place: Textual's own cost of redrawing a table whose values all changed). Every
run is a separate process; runs of the app, of the reference and (``--before DIR``, e.g. an
export of the commit before) of another checkout are interleaved round by round. Prints medians
over all key presses of a kind, the worst one, and ratios to the reference. Targets: an arrow
key in the Weights view redraws the 200-option ranking within 30 ms of CPU (issue 16); every key
answers within 100 ms on an unloaded machine (issue 17).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

# --root DIR (the child runs of --keys): import negotiator from that checkout
_ROOT = Path(sys.argv[sys.argv.index("--root") + 1]) if "--root" in sys.argv else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(_ROOT))

TARGET_MS = 50.0
NUDGE_TARGET_MS = 30.0  # issue 16: arrow key to redrawn ranking at 200 options, CPU
KEY_TARGET_MS = 100.0  # issue 17: every key press


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
    ap.add_argument("--keys", action="store_true", help="time key presses in the app (headless) against a bare Textual app")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--before", type=Path, default=None, help="with --keys: also time the app of another checkout (e.g. an export of the commit before)")
    ap.add_argument("--key-child", choices=sorted(KEY_SCRIPT), help=argparse.SUPPRESS)
    ap.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.key_child:
        return key_child(args.key_child)
    if args.keys:
        return key_latency(args.rounds, args.before)

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


#: (label, keys) per case; the label names the row of the report. Run after the views were built.
KEY_SCRIPT = {
    "bundled": [
        ("first switch to a view", ["2", "3", "4", "5", "6", "7"]),
        ("later switches", ["1", "2", "3", "4", "5", "6", "7", "1"]),
        ("sort (s)", ["s", "s"]),
        ("cursor (down)", ["down", "down"]),
        ("later switches", ["2"]),
        ("nudge a weight (arrow)", ["right", "left", "shift+right", "shift+left"]),
    ],
    "200": [
        ("200: first switch (Weights)", ["2"]),
        ("200: nudge a weight (arrow)", ["right", "left"] * 4),
        ("200: switch to Ranking, redrawn", ["1"]),
        ("200: sort (s)", ["s", "s", "s", "s"]),
        ("200: cursor (down)", ["down", "down", "down"]),
        ("200: later switches", ["2", "1"]),
    ],
    "ref": [
        ("reference: first switch (composes)", ["b"]),
        ("reference: switch screens", ["a", "b"] * 4),
        ("reference: cursor (down)", ["down"] * 4),
        ("reference: rewrite 200 rows in place", ["u"] * 6),
    ],
}


def reference_app():
    """A bare Textual app: two screens, each one DataTable (200 rows, 4 columns) and a footer."""
    from rich.text import Text
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Static

    class Plain(Screen):
        BINDINGS = [Binding("u", "rewrite", "rewrite")]
        step = 0

        def compose(self):
            table = DataTable(zebra_stripes=True, cursor_type="row")
            for c, w in (("rank", 3), ("move", 4), ("option", 40), ("score", 7)):
                table.add_column(c, key=c, width=w)
            for i in range(200):
                table.add_row(Text(str(i + 1), justify="right"), Text("·"), Text(f"Option {i}"), Text(f"{i / 200:.4f}", justify="right"), key=f"o{i}")
            yield Static("reference")
            yield table
            yield Footer()

        def action_rewrite(self):
            self.step += 1
            table = self.query_one(DataTable)
            for i in range(200):
                table.update_cell(f"o{i}", "score", Text(f"{(i + self.step) % 200 / 200:.4f}", justify="right"))
                table.update_cell(f"o{i}", "rank", Text(str((i + self.step) % 200 + 1), justify="right"))

    class Reference(App):
        MODES = {"a": Plain, "b": Plain}
        BINDINGS = [Binding("a", "switch_mode('a')", "a"), Binding("b", "switch_mode('b')", "b")]

        def on_mount(self):
            self.switch_mode("a")

    return Reference()


def key_child(case: str) -> int:
    """One run (a process of its own): print a JSON list of [label, key, cpu, frame, paint, gc] (ms) per key."""
    import asyncio
    import gc
    import json

    from textual.screen import Screen

    if case == "ref":
        app = reference_app()
    else:
        from negotiator.case.catalog import load_case, load_case_text
        from negotiator.tui import make_app

        app = make_app(load_case() if case == "bundled" else load_case_text(synthetic_case_text(200), name="benchmark"))

    frames: list[float] = []
    display = app._display

    def recording_display(screen, renderable):  # the benchmark's probe: when did the app draw?
        if renderable is not None and not app._batch_count:
            frames.append(time.perf_counter())
        return display(screen, renderable)

    app._display = recording_display

    # The benchmark's probes of Textual's own work: CPU in laying out and painting screens (the
    # outermost of these calls; one calls the other), and in Python's garbage collector.
    spent = {"paint": 0.0, "gc": 0.0}
    depth = [0]

    def timed(method):
        def probe(self, *args, **kwargs):
            depth[0] += 1
            c0 = time.process_time()
            try:
                return method(self, *args, **kwargs)
            finally:
                depth[0] -= 1
                if not depth[0]:
                    spent["paint"] += time.process_time() - c0
        return probe

    Screen._refresh_layout = timed(Screen._refresh_layout)
    Screen._compositor_refresh = timed(Screen._compositor_refresh)
    gc_start = [0.0]

    def gc_probe(phase, info):
        if phase == "start":
            gc_start[0] = time.process_time()
        else:
            spent["gc"] += time.process_time() - gc_start[0]

    gc.callbacks.append(gc_probe)

    async def run():
        out = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            views = getattr(type(app), "MODES", {})
            for _ in range(100):  # until every view was built in the background (at most 5 s)
                await pilot.pause(0.05)
                if len(getattr(app, "_screen_stacks", {})) >= len(views):
                    break
            await pilot.pause(0.3)
            for label, keys in KEY_SCRIPT[case]:
                for key in keys:
                    frames.clear()
                    spent["paint"] = spent["gc"] = 0.0
                    c0, t0 = time.process_time(), time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    cpu = (time.process_time() - c0) * 1000
                    frame = (frames[-1] - t0) * 1000 if frames else float("nan")
                    out.append([label, key, round(cpu, 2), round(frame, 2), round(spent["paint"] * 1000, 2), round(spent["gc"] * 1000, 2)])
        return out

    print(json.dumps(asyncio.run(run())))
    return 0


def key_latency(rounds: int = 5, before: Path | None = None) -> int:
    """Median CPU and frame time per kind of key press, this checkout (and ``before``) against bare Textual."""
    import json
    import math
    import os
    import subprocess

    here = Path(__file__).resolve()
    roots = {"after": here.parent.parent}
    if before is not None:
        roots = {"before": before.resolve(), **roots}

    def child(root: Path, case: str) -> list:
        env = {**os.environ, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, str(here), "--key-child", case, "--root", str(root)], env=env, cwd=root, capture_output=True, text=True, check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    results: dict[tuple[str, str], dict[str, list[tuple[float, float]]]] = {}
    loads = [os.getloadavg()[0]]
    for _ in range(rounds):  # interleaved: every version and the reference once per round
        for case in ("bundled", "200", "ref"):
            for name, root in (roots.items() if case != "ref" else [("ref", roots["after"])]):
                for label, _key, cpu, frame in child(root, case):
                    results.setdefault((name, label), {"cpu": [], "frame": []})
                    results[(name, label)]["cpu"].append(cpu)
                    results[(name, label)]["frame"].append(frame)
        loads.append(os.getloadavg()[0])

    def med(name, label, kind):
        values = [v for v in results[(name, label)][kind] if not math.isnan(v)]
        return statistics.median(values) if values else float("nan"), max(values, default=float("nan"))

    def reference_for(label: str) -> float:  # the bare-Textual key doing the same kind of work
        kind = "cursor (down)" if "cursor" in label else "switch screens" if "switch" in label and "redrawn" not in label else "rewrite 200 rows in place"
        return med("ref", f"reference: {kind}", "cpu")[0]

    print(f"key press, headless 120x40, {rounds} rounds interleaved; load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores")
    print("CPU = process CPU time from the key to idle (app time); frame = wall time from the key to the last frame drawn")
    labels = list(dict.fromkeys(label for case in ("bundled", "200") for label, _ in KEY_SCRIPT[case]))
    names = [n for n in ("before", "after") if n in roots]
    head = "".join(f" | {n + ' CPU':>11} {'max':>5} {'frame':>6} {'max':>5}" for n in names)
    print(f"{'key':<38}{head}" + "".join(f" | {n + '/ref':>10}" for n in names))
    for label in labels:
        row = f"{label:<38}"
        for n in names:
            c, cmax = med(n, label, "cpu")
            f, fmax = med(n, label, "frame")
            row += f" | {c:9.1f}ms {cmax:5.0f} {f:4.0f}ms {fmax:5.0f}"
        row += "".join(f" | {med(n, label, 'cpu')[0] / reference_for(label):9.2f}x" for n in names)
        print(row)
    for label in (label for label, _ in KEY_SCRIPT["ref"]):
        c, cmax = med("ref", label, "cpu")
        f, fmax = med("ref", label, "frame")
        print(f"{label:<38} | {c:9.1f}ms {cmax:5.0f} {f:4.0f}ms {fmax:5.0f}")
    nudge = med("after", "200: nudge a weight (arrow)", "cpu")[0]
    print(f"goal (issue 16): arrow key -> redrawn 200-option ranking <= {NUDGE_TARGET_MS:.0f} ms CPU: {nudge:.1f} ms, {'met' if nudge <= NUDGE_TARGET_MS else 'NOT met'}")
    worst = max(med("after", label, "cpu")[1] for label in labels)
    worst_frame = max(med("after", label, "frame")[1] for label in labels)
    print(f"goal (issue 17): every key <= {KEY_TARGET_MS:.0f} ms: worst CPU {worst:.0f} ms, worst frame {worst_frame:.0f} ms (frame waits for a core under load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
