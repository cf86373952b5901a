"""Benchmark of start-up (issue 16): whole `negotiator` processes against bare Python.

    python benchmarks/bench_startup.py            # 15 rounds
    python benchmarks/bench_startup.py --rounds 30

Each round runs, one after the other: `python -c pass` (the reference), `python -m negotiator
--help` and `python -m negotiator rank` on the bundled case. For each, the median over rounds
of the wall time and of the CPU time (user + system, from the child's rusage). On a shared,
loaded machine the wall time waits for a core; CPU time does not, so the goals are judged on
CPU time over bare Python, and wall time is printed beside it.
Targets: `rank` within 0.25 s of bare Python; `--help` within 0.15 s.

Two more references, run in the same rounds, say how much of that is ours: "libraries" imports
what `rank` cannot do without (numpy, pydantic with one model built, typer, rich) and nothing of
negotiator; "help libraries" imports what `--help` needs (typer and its rich help). The
checkout's modules are byte-compiled first, as `pip install` does (this machine sets
PYTHONDONTWRITEBYTECODE, which would otherwise make every run compile negotiator from source).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

from _process import byte_compile, timed_run  # benchmarks/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parent.parent  # --root: another checkout (e.g. the commit before) to time
LIBRARIES = (
    "import numpy, typer, rich.console, rich.table\n"
    "from pydantic import BaseModel\n"
    "class M(BaseModel):\n    x: int"
)
COMMANDS = {
    "bare python": [sys.executable, "-c", "pass"],
    "libraries": [sys.executable, "-c", LIBRARIES],
    "help libraries": [sys.executable, "-c", "import typer.rich_utils"],
    "negotiator --help": [sys.executable, "-m", "negotiator", "--help"],
    "negotiator rank": [sys.executable, "-m", "negotiator", "rank"],
}
TARGETS = {"negotiator --help": 0.15, "negotiator rank": 0.25}
FLOORS = {"negotiator rank": "libraries", "negotiator --help": "help libraries"}  # what is ours: CPU over these


def run_once(cmd: list[str]) -> tuple[float, float]:
    return timed_run(cmd, ROOT, {**os.environ, "COLUMNS": "100"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--root", type=Path, default=None, help="time the negotiator of another checkout (e.g. an export of the commit before)")
    args = ap.parse_args()
    if args.root is not None:
        global ROOT
        ROOT = args.root.resolve()
    print(f"negotiator from {ROOT}")
    byte_compile(ROOT)
    for cmd in COMMANDS.values():  # warm the file cache and the .pyc files
        run_once(cmd)
    walls: dict[str, list[float]] = {k: [] for k in COMMANDS}
    cpus: dict[str, list[float]] = {k: [] for k in COMMANDS}
    for _ in range(args.rounds):
        for name, cmd in COMMANDS.items():
            w, c = run_once(cmd)
            walls[name].append(w)
            cpus[name].append(c)
    bare_w, bare_c = statistics.median(walls["bare python"]), statistics.median(cpus["bare python"])
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; medians of {args.rounds} rounds")
    print(f"{'command':<20} {'wall s':>7} {'CPU s':>7} {'CPU over bare':>14} {'over libraries':>15}  goal")
    met = True
    for name in COMMANDS:
        w, c = statistics.median(walls[name]), statistics.median(cpus[name])
        over = statistics.median(ci - bi for ci, bi in zip(cpus[name], cpus["bare python"]))
        goal, ours = "", ""
        if name in FLOORS:
            ours = f"{statistics.median(ci - fi for ci, fi in zip(cpus[name], cpus[FLOORS[name]])):.3f}"
        if name in TARGETS:
            ok = over <= TARGETS[name]
            met &= ok
            goal = f"<= {TARGETS[name]:.2f} s: {'met' if ok else 'NOT met'}"
        print(f"{name:<20} {w:7.3f} {c:7.3f} {over:14.3f} {ours:>15}  {goal}")
    print(f"(bare python: wall {bare_w:.3f} s, CPU {bare_c:.3f} s)")
    print("start-up goals:", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
