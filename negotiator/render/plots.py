"""Charts of sensitivity results for files (PNG or SVG), drawn with matplotlib's Agg backend.

matplotlib is imported inside each function, so importing this module costs
nothing. Each function returns the file's bytes (the caller writes them
atomically); every chart carries its provenance in a footer. SVG output uses
a fixed hash salt and no date, so the same result gives the same file.
"""

from __future__ import annotations

import io

import numpy as np

from negotiator.portfolio.packages import JUDGMENT_NOTE as PACKAGE_JUDGMENT_NOTE

__all__ = ["FORMATS", "plot_format", "sweep_plot", "stability_plot", "flip_plot", "smaa_plot", "tornado_plot", "scenarios_plot", "frontier_figure"]

FORMATS = ("png", "svg")


def plot_format(path) -> str | None:
    """'png' or 'svg' from a file name, None for anything else."""
    suffix = str(path).rsplit(".", 1)[-1].lower() if "." in str(path) else ""
    return suffix if suffix in FORMATS else None


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "negotiator"
    plt.rcParams["font.family"] = ["DejaVu Sans", "sans-serif"]
    return plt


def _finish(fig, result, fmt: str) -> bytes:
    footer = " | ".join(result.provenance.lines(short=True)[:2]) + " | " + result.provenance.lines()[-1]
    fig.text(0.01, 0.005, footer, fontsize=6, color="#555555", ha="left", va="bottom")
    buf = io.BytesIO()
    meta = {"Date": None} if fmt == "svg" else {}
    fig.savefig(buf, format=fmt, dpi=130, metadata=meta, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def _colours(n: int):
    from negotiator.render.bars import PALETTE

    return [PALETTE[i % len(PALETTE)] for i in range(n)]


def sweep_plot(result, fmt: str = "png") -> bytes:
    """One panel per objective: each option's overall score as its weight goes 0 -> 1."""
    plt = _pyplot()
    k = len(result.sweeps)
    cols = 1 if k == 1 else min(3, k)
    rows = int(np.ceil(k / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(5.2 * cols, 3.6 * rows), squeeze=False)
    colours = _colours(len(result.options))
    for ax, s in zip(axes.flat, result.sweeps):
        for i, opt in enumerate(result.options):
            ax.plot(s.grid, s.curves[:, i], color=colours[i], lw=1.2, label=opt)
        for b in s.top_switches:
            ax.axvline(b.weight, color="#d73027", lw=0.8, ls=":")
        ax.axvline(s.current_weight, color="black", lw=1.0, ls="--")
        ax.set_title(s.objective, fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_xlabel("weight", fontsize=8)
        ax.set_ylabel("overall score", fontsize=8)
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[k:]:
        ax.axis("off")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False)
    fig.suptitle("One-way weight sweeps (dashed: current weight; dotted: the top option changes)", fontsize=10)
    fig.tight_layout()
    return _finish(fig, result, fmt)


def stability_plot(result, fmt: str = "png") -> bytes:
    plt = _pyplot()
    ivs = result.intervals
    fig, ax = plt.subplots(figsize=(7.5, 0.4 * len(ivs) + 1.4))
    y = np.arange(len(ivs))[::-1]
    for yy, iv in zip(y, ivs):
        ax.plot([iv.low, iv.high], [yy, yy], color="#4e79a7", lw=6, solid_capstyle="butt")
        ax.plot([iv.current_weight], [yy], marker="|", color="black", markersize=14)
    ax.set_yticks(y, [iv.objective for iv in ivs], fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("weight (the others rescaled in proportion)")
    ax.set_title("Weight stability intervals: the top " + ("option" if result.top == 1 else f"{result.top} order") + " stays " + " > ".join(result.top_order), fontsize=9)
    fig.tight_layout()
    return _finish(fig, result, fmt)


def flip_plot(result, fmt: str = "png") -> bytes:
    plt = _pyplot()
    flips = [f for f in result.flips if f.possible]
    fig, ax = plt.subplots(figsize=(7.5, 0.35 * max(1, len(flips)) + 1.4))
    y = np.arange(len(flips))[::-1]
    ax.barh(y, [f.distance for f in flips], color="#f28e2b")
    ax.set_yticks(y, [f.challenger for f in flips], fontsize=8)
    ax.set_xlabel(f"smallest weight change ({result.norm}) that makes it first")
    ax.set_title(f"Distance to the top (now: {result.winner})", fontsize=9)
    fig.tight_layout()
    return _finish(fig, result, fmt)


def smaa_plot(result, fmt: str = "png") -> bytes:
    """Stacked bars: the share of draws in which each option takes each rank."""
    plt = _pyplot()
    from negotiator.render.bars import rank_colours

    n = len(result.options)
    order = result.order()
    colours = rank_colours(n)
    fig, ax = plt.subplots(figsize=(8, 0.35 * n + 1.6))
    y = np.arange(n)[::-1]
    left = np.zeros(n)
    for r in range(n):
        share = result.acceptability[order, r]
        ax.barh(y, share, left=left, color=colours[r + 1], edgecolor="white", linewidth=0.3, label=f"rank {r + 1}" if r < 8 else None)
        left += share
    ax.set_yticks(y, [result.options[i] for i in order], fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("rank acceptability (share of draws)")
    ax.set_title(f"SMAA-2 rank acceptability, {result.samples:,} draws, seed {result.provenance.seed}", fontsize=9)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False)
    fig.tight_layout()
    return _finish(fig, result, fmt)


def tornado_plot(result, fmt: str = "png", limit: int = 20) -> bytes:
    plt = _pyplot()
    bars = [b for b in result.bars if b.swing > 1e-12][:limit]  # scores that do not move the lead draw nothing
    fig, ax = plt.subplots(figsize=(8, 0.35 * max(1, len(bars)) + 1.6))
    y = np.arange(len(bars))[::-1]
    for yy, b in zip(y, bars):
        lo, hi = sorted((b.lead_at_low, b.lead_at_high))
        ax.barh(yy, hi - lo, left=lo, color="#d73027" if b.can_flip else "#4e79a7")
    ax.axvline(result.base_lead, color="black", lw=1)
    ax.axvline(0, color="#d73027", lw=0.8, ls=":")
    ax.set_yticks(y, [f"{b.option} / {b.objective}" for b in bars], fontsize=7)
    ax.set_xlabel(f"lead of {result.top} over the best rival (red: the winner changes)")
    ax.set_title("Tornado: each uncertain score at the low and high end of its range", fontsize=9)
    fig.tight_layout()
    return _finish(fig, result, fmt)


def scenarios_plot(result, fmt: str = "png") -> bytes:
    """Rank of each option across the base case and the scenarios (a bump chart)."""
    plt = _pyplot()
    cols = result.columns
    fig, ax = plt.subplots(figsize=(2.0 * len(cols) + 4, 0.32 * len(result.options) + 1.6))
    colours = _colours(len(result.options))
    x = np.arange(len(cols))
    for i, o in enumerate(result.options):
        ranks = [c.ranks.get(o, np.nan) for c in cols]
        ax.plot(x, ranks, marker="o", color=colours[i], lw=1.2, label=o)
    ax.invert_yaxis()
    ax.set_xticks(x, [c.scenario for c in cols], fontsize=8)
    ax.set_ylabel("rank")
    ax.set_title("Ranking under each scenario (base-case scales)", fontsize=9)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False)
    fig.tight_layout()
    return _finish(fig, result, fmt)


def frontier_figure(result: SweepResult, lang: str = "en"):
    """A matplotlib Figure of the frontier: best value against the cap, changes annotated."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    pts = [p for p in result.points if p.package is not None]
    xs = [p.cap for p in pts]
    ys = [p.value for p in pts]
    ax.step(xs, ys, where="post", color="#4e79a7", linewidth=2)
    ax.plot(xs, ys, "o", color="#4e79a7")
    for p in pts:
        if p.added or p.removed:
            text = " ".join([f"+{o}" for o in p.added] + [f"-{o}" for o in p.removed])
            ax.annotate(text, (p.cap, p.value), textcoords="offset points", xytext=(4, -10), fontsize=6, rotation=-20, color="#555555")
    unproven = [p for p in pts if not p.outcome.proven_optimal]
    if unproven:
        ax.plot([p.cap for p in unproven], [p.value for p in unproven], "x", color="#e15759", label="not proven optimal")
        ax.legend(loc="lower right")
    ax.set_xlabel(f"cap on {result.resource}")
    ax.set_ylabel("best package value (sum of overall scores)" if result.spec.baseline is None else "best package value over the baseline")
    prov = result.provenance
    ax.set_title(f"Best package as the {result.resource} budget grows — {prov.method}, profile {prov.profile}", fontsize=9)
    fig.text(0.01, 0.01, f"case {prov.case} (sha256 {prov.case_sha256[:12]}), negotiator {prov.version}; {PACKAGE_JUDGMENT_NOTE}", fontsize=6, color="#777777")
    ax.grid(alpha=0.3)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig
