"""The CLI's ``--plot`` charts (sensitivity analyses, the budget frontier) as PNG or SVG bytes.

Drawn through render/charts.py (the one matplotlib set-up). Each function takes the
analysis result, the case (for labels) and the language; the words come from the
terminal catalogue (i18n/terminal.py), option and objective names from the case
(``label_zh`` in Chinese). Where no installed font has Chinese glyphs a Chinese chart
is drawn in English (charts.chart_lang); the CLI says so. Every chart carries
its provenance in a footer. The caller writes the bytes atomically.
"""

from __future__ import annotations

import numpy as np

from negotiator.i18n import case_name, method_name, tr
from negotiator.render import charts
from negotiator.render.charts import FORMATS, plot_format

__all__ = ["FORMATS", "plot_format", "sweep_plot", "stability_plot", "flip_plot", "smaa_plot", "tornado_plot", "scenarios_plot", "frontier_plot", "frontier_figure"]

#: Longest option label on a chart, in ems (the tables and JSON carry the full label).
_LABEL_EM = 30.0


def _names(case, lang: str):
    """(option name, objective name) functions: the case's labels in ``lang``, cut to fit."""
    return (lambda o: charts.shorten(charts.option_label(case, o, lang), _LABEL_EM)), (lambda o: charts.shorten(charts.objective_label(case, o, lang), _LABEL_EM))


def _footer(fig, result, lang: str) -> None:
    from negotiator.render.sensitivity import provenance_lines

    lines = provenance_lines(result.provenance, lang)
    charts.add_footer(fig, [lines[0] + " | " + lines[1], lines[-1]])


def _finish(fig, result, fmt: str, lang: str, layout: bool = True) -> bytes:
    if layout:  # room for the footer under the axis label
        fig.tight_layout(rect=(0, 0.36 / fig.get_figheight(), 1, 1))
    _footer(fig, result, lang)
    return charts.figure_bytes(fig, fmt)


def _leaders(sweep) -> list[int]:
    """Options that come first or second at some weight of one sweep (in option order)."""
    order = np.argsort(-sweep.curves, axis=1, kind="stable")[:, :2]
    return sorted({int(i) for i in order.ravel()})


def _spread(values: list[float], gap: float) -> list[float]:
    """Positions near ``values`` (same order) at least ``gap`` apart: end labels that do not overlap."""
    order = sorted(range(len(values)), key=lambda k: values[k])
    placed = [values[k] for k in order]
    for _ in range(50):
        moved = False
        for a in range(len(placed) - 1):
            if placed[a + 1] - placed[a] < gap - 1e-12:
                push = (gap - (placed[a + 1] - placed[a])) / 2
                placed[a] -= push
                placed[a + 1] += push
                moved = True
        if not moved:
            break
    out = [0.0] * len(values)
    for k, y in zip(order, placed):
        out[k] = y
    return out


def sweep_plot(result, fmt: str = "png", case=None, lang: str = "en") -> bytes:
    """One panel per objective: each option's overall score as its weight goes 0 -> 1.

    The options that ever come first or second are drawn in colour and labelled at the
    right end of their line; the others are grey context.
    """
    lang = charts.chart_lang(lang)
    option, objective = _names(case, lang)
    leaders = {s.objective: _leaders(s) for s in result.sweeps}
    # One colour per option for every panel (options that lead nowhere are grey everywhere).
    coloured = sorted({i for ls in leaders.values() for i in ls})
    colour = {i: charts.HIGHLIGHT[k % len(charts.HIGHLIGHT)] for k, i in enumerate(coloured)}
    with charts.style():
        k = len(result.sweeps)
        cols = 1 if k == 1 else 2
        rows = int(np.ceil(k / cols))
        label_in = min(2.6, 0.08 + max((charts.text_em(option(result.options[i])) for i in coloured), default=4) * 7 / 72)
        height = 3.0 * rows + 0.9
        fig = charts.new_figure(figsize=((4.4 + label_in) * cols, height))
        axes = fig.subplots(rows, cols, squeeze=False)
        for ax, s in zip(axes.flat, result.sweeps):
            lead = leaders[s.objective]
            for i in range(len(result.options)):
                if i not in lead:
                    ax.plot(s.grid, s.curves[:, i], color=charts.GREY, lw=0.8, zorder=1)
            for i in lead:
                ax.plot(s.grid, s.curves[:, i], color=colour[i], lw=1.6, zorder=3)
            for b in s.top_switches:
                ax.axvline(b.weight, color=charts.ACCENT, lw=0.8, ls=":", zorder=2)
            ax.axvline(s.current_weight, color=charts.INK, lw=1.0, ls="--", zorder=2)
            ax.set_title(objective(s.objective), fontsize=9)
            ax.set_xlim(0, 1)
            ax.set_xlabel(tr("ch_weight_of", lang, name=objective(s.objective)), fontsize=8)
            ax.set_ylabel(tr("ch_overall_score", lang), fontsize=8)
            ax.tick_params(labelsize=7)
            lo, hi = ax.get_ylim()
            ends = _spread([float(s.curves[-1, i]) for i in lead], gap=(hi - lo) * 0.075)
            for i, y in zip(lead, ends):
                ax.annotate(option(result.options[i]), xy=(1.0, float(s.curves[-1, i])), xytext=(1.03, y), textcoords=("axes fraction", "data"), xycoords="data", fontsize=7, color=colour[i], va="center", ha="left", annotation_clip=False, arrowprops={"arrowstyle": "-", "color": colour[i], "lw": 0.5, "shrinkA": 0, "shrinkB": 0, "relpos": (0, 0.5)})
            ax.set_ylim(min(lo, min(ends, default=lo)), max(hi, max(ends, default=hi)))
        for ax in list(axes.flat)[k:]:
            ax.axis("off")
        fig.suptitle(tr("ch_sweep_title", lang), fontsize=10, y=1 - 0.1 / height, va="top")
        fig.text(0.5, 1 - 0.38 / height, tr("ch_sweep_grey", lang), ha="center", va="top", fontsize=7, color=charts.MUTED)
        fig.tight_layout(rect=(0, 0.35 / height, 1, 1 - 0.55 / height), w_pad=label_in * 72 / 7 * 0.6)
        return _finish(fig, result, fmt, lang, layout=False)


def stability_plot(result, fmt: str = "png", case=None, lang: str = "en") -> bytes:
    lang = charts.chart_lang(lang)
    option, objective = _names(case, lang)
    ivs = result.intervals
    names = " > ".join(option(o) for o in result.top_order)
    title = tr("se_stab_long_one", lang, names=names) if result.top == 1 else tr("se_stab_long_top", lang, n=result.top, names=names)
    with charts.style():
        fig = charts.new_figure(figsize=(7.5, 0.4 * len(ivs) + 1.6))
        ax = fig.subplots()
        y = np.arange(len(ivs))[::-1]
        for yy, iv in zip(y, ivs):
            ax.plot([iv.low, iv.high], [yy, yy], color=charts.PALETTE[0], lw=6, solid_capstyle="butt")
            ax.plot([iv.current_weight], [yy], marker="|", color=charts.INK, markersize=14)
        ax.set_yticks(y, [objective(iv.objective) for iv in ivs], fontsize=8)
        ax.set_xlim(0, 1)
        ax.set_xlabel(tr("ch_stab_x", lang))
        ax.set_title("\n".join(charts.wrap_em(title, 100)), fontsize=9)
        return _finish(fig, result, fmt, lang)


def flip_plot(result, fmt: str = "png", case=None, lang: str = "en") -> bytes:
    lang = charts.chart_lang(lang)
    option, _ = _names(case, lang)
    flips = [f for f in result.flips if f.possible]
    with charts.style():
        fig = charts.new_figure(figsize=(7.5, 0.35 * max(1, len(flips)) + 1.6))
        ax = fig.subplots()
        y = np.arange(len(flips))[::-1]
        ax.barh(y, [f.distance for f in flips], color=charts.PALETTE[1])
        ax.set_yticks(y, [option(f.challenger) for f in flips], fontsize=8)
        ax.set_xlabel(tr("ch_flip_x", lang, norm=result.norm.upper()))
        ax.set_title(tr("ch_flip_title", lang, winner=option(result.winner)), fontsize=9)
        return _finish(fig, result, fmt, lang)


def smaa_plot(result, fmt: str = "png", case=None, lang: str = "en") -> bytes:
    """Stacked bars: the share of draws in which each option takes each rank."""
    from negotiator.render.bars import RANK_COLOURS, rank_colours

    lang = charts.chart_lang(lang)
    option, _ = _names(case, lang)
    n = len(result.options)
    order = result.order()
    colours = rank_colours(n)
    shown = len(RANK_COLOURS)  # ranks past the palette share one grey and one legend entry
    with charts.style():
        fig = charts.new_figure(figsize=(8, 0.35 * n + 1.8))
        ax = fig.subplots()
        y = np.arange(n)[::-1]
        left = np.zeros(n)
        for r in range(n):
            share = result.acceptability[order, r]
            if r < shown:
                label = tr("se_rank_r", lang, r=r + 1)
            else:
                label = tr("ch_rank_from", lang, r=shown + 1) if r == shown else None
            ax.barh(y, share, left=left, color=colours[r + 1], edgecolor="white", linewidth=0.3, label=label)
            left += share
        ax.set_yticks(y, [option(result.options[i]) for i in order], fontsize=8)
        ax.set_xlim(0, 1)
        ax.set_xlabel(tr("ch_smaa_x", lang))
        ax.set_title(tr("ch_smaa_title", lang, samples=f"{result.samples:,}", seed=result.provenance.seed), fontsize=9)
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False)
        return _finish(fig, result, fmt, lang)


def tornado_plot(result, fmt: str = "png", limit: int = 20, case=None, lang: str = "en") -> bytes:
    lang = charts.chart_lang(lang)
    option, objective = _names(case, lang)
    bars = [b for b in result.bars if b.swing > 1e-12][:limit]  # scores that do not move the lead draw nothing
    with charts.style():
        fig = charts.new_figure(figsize=(8, 0.35 * max(1, len(bars)) + 1.8))
        ax = fig.subplots()
        y = np.arange(len(bars))[::-1]
        for yy, b in zip(y, bars):
            lo, hi = sorted((b.lead_at_low, b.lead_at_high))
            ax.barh(yy, hi - lo, left=lo, color=charts.ACCENT if b.can_flip else charts.PALETTE[0])
        ax.axvline(result.base_lead, color=charts.INK, lw=1)
        ax.axvline(0, color=charts.ACCENT, lw=0.8, ls=":")
        ax.set_yticks(y, [f"{charts.shorten(option(b.option), 24)} / {objective(b.objective)}" for b in bars], fontsize=7)
        ax.set_xlabel(tr("ch_tornado_x", lang, top=option(result.top)))
        ax.set_title(tr("ch_tornado_title", lang), fontsize=9)
        return _finish(fig, result, fmt, lang)


def scenarios_plot(result, fmt: str = "png", case=None, lang: str = "en") -> bytes:
    """Rank of each option across the base case and the scenarios (a bump chart)."""
    lang = charts.chart_lang(lang)
    option, _ = _names(case, lang)
    cols = result.columns

    def column_name(c) -> str:
        if c.scenario == "base":
            return tr("se_base", lang)
        return c.label_zh if lang == "zh" and c.label_zh else c.label

    with charts.style():
        fig = charts.new_figure(figsize=(2.0 * len(cols) + 4, 0.32 * len(result.options) + 1.8))
        ax = fig.subplots()
        x = np.arange(len(cols))
        for i, o in enumerate(result.options):
            ranks = [c.ranks.get(o, np.nan) for c in cols]
            ax.plot(x, ranks, marker="o", color=charts.PALETTE[i % len(charts.PALETTE)], lw=1.2, label=option(o))
        ax.invert_yaxis()
        ax.set_xticks(x, [charts.shorten(column_name(c), 16) for c in cols], fontsize=8)
        ax.set_ylabel(tr("ch_rank", lang))
        ax.set_title(tr("se_sc_title", lang), fontsize=9)
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False)
        return _finish(fig, result, fmt, lang)


# -- the budget frontier (portfolio sweep --plot) -------------------------------------------


def _frontier_steps(result, label) -> list[tuple[int, object, list[str]]]:
    """(step number, point, change lines) for each point where the best package changes."""
    steps, k = [], 0
    for p in result.points:
        if p.package is None:
            continue
        if k == 0:
            change = [", ".join(label(o) for o in p.package.selected)]
        elif p.added or p.removed:
            change = [f"+ {label(o)}" for o in p.added] + [f"− {label(o)}" for o in p.removed]
        else:
            continue
        k += 1
        steps.append((k, p, change))
    return steps


def frontier_figure(result, lang: str = "en", case=None):
    """A matplotlib Figure of the frontier: best value against the cap, each change of the
    package a numbered marker, and a key under the chart saying what each step adds or removes.

    Call it inside ``charts.style()`` and save with ``charts.figure_bytes``; or use
    :func:`frontier_plot`, which does both.
    """
    lang = charts.chart_lang(lang)
    spec, prov = result.spec, result.provenance

    def label(o: str) -> str:
        text = spec.labels_zh.get(o) if lang == "zh" and spec.labels_zh.get(o) else spec.labels.get(o, o)
        return charts.shorten(text, 40)

    resource = case.resource_label(result.resource, lang) if case is not None else result.resource
    profile = case.profile_label(prov.profile, lang) if case is not None and prov.profile else prov.profile
    pts = [p for p in result.points if p.package is not None]
    steps = _frontier_steps(result, label)
    width_in, change_x_in = 8.0, 2.3
    key_lines = []
    for k, p, change in steps:
        wrapped = [w for line in change for w in charts.wrap_em(line, (width_in - change_x_in - 0.2) * 72 / 7.0)]
        key_lines.append((k, p, wrapped))
    n_lines = sum(len(w) for _, _, w in key_lines) + 1
    line_in = 0.17
    plot_in, top_in, axis_in, footer_in = 3.3, 0.45, 0.55, 0.35
    key_in = line_in * n_lines + 0.15
    height = top_in + plot_in + axis_in + key_in + footer_in
    fig = charts.new_figure(figsize=(width_in, height), dpi=120)
    ax = fig.add_axes((0.9 / width_in, (footer_in + key_in + axis_in) / height, (width_in - 1.2) / width_in, plot_in / height))
    xs = [p.cap for p in pts]
    ys = [p.value for p in pts]
    ax.step(xs, ys, where="post", color=charts.PALETTE[0], linewidth=2, zorder=2)
    ax.plot(xs, ys, "o", color=charts.PALETTE[0], markersize=3, zorder=3)
    for k, p, _ in steps:
        ax.plot([p.cap], [p.value], "o", markersize=13, markerfacecolor="white", markeredgecolor=charts.PALETTE[0], markeredgewidth=1.5, zorder=4)
        ax.annotate(str(k), (p.cap, p.value), ha="center", va="center", fontsize=7, color=charts.INK, zorder=5)
    unproven = [p for p in pts if not p.outcome.proven_optimal]
    if unproven:
        ax.plot([p.cap for p in unproven], [p.value for p in unproven], "x", color=charts.ACCENT, markersize=8, label=tr("ch_not_proven", lang), zorder=6)
        ax.legend(loc="lower right", fontsize=7, frameon=False)
    if xs:
        pad = (max(xs) - min(xs)) * 0.04 or 1.0
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ypad = (max(ys) - min(ys)) * 0.08 or 0.1
        ax.set_ylim(min(ys) - ypad, max(ys) + ypad)
    ax.set_xlabel(tr("sw_res_cap", lang, resource=resource), fontsize=8)
    ax.set_ylabel(tr("ch_frontier_y", lang) if spec.baseline is None else tr("ch_frontier_y_over", lang), fontsize=8)
    ax.tick_params(labelsize=7)
    ax.grid(alpha=0.3)
    title = tr("ch_frontier_title", lang, resource=resource, method=method_name(prov.method, lang), profile=profile)
    fig.text(0.5, 1 - 0.12 / height, "\n".join(charts.wrap_em(title, width_in * 72 / 9.0 * 0.95)), ha="center", va="top", fontsize=9)
    # The key: one row per numbered step, under the chart, inside the figure.
    cols = [(0.15, tr("ch_step", lang)), (0.65, tr("sw_cap", lang)), (1.35, tr("pf_value", lang) if spec.baseline is None else tr("pf_value_over", lang)), (change_x_in, tr("sw_change", lang))]
    y_in = footer_in + key_in - 0.1

    def row(y, cells, **kw):
        for (x, _), text in zip(cols, cells):
            fig.text(x / width_in, y / height, text, ha="left", va="top", fontsize=7, **kw)

    row(y_in, [c[1] for c in cols], color=charts.MUTED)
    y_in -= line_in
    for k, p, wrapped in key_lines:
        row(y_in, [str(k), f"{p.cap:g}", f"{p.value:.3f}", wrapped[0] if wrapped else ""], color=charts.INK)
        for extra in wrapped[1:]:
            y_in -= line_in
            fig.text(change_x_in / width_in, y_in / height, extra, ha="left", va="top", fontsize=7, color=charts.INK)
        y_in -= line_in
    if not steps:
        row(y_in, ["", "", "", tr("sw_no_package", lang)], color=charts.INK)
    footer = [tr("ch_prov_case", lang, case=case_name(prov.case, lang), sha=prov.case_sha256[:12], version=prov.version) + "; " + tr("pf_judgment", lang)]
    charts.add_footer(fig, ["\n".join(charts.wrap_em(footer[0], width_in * 72 / 6.0 * 0.95))])
    return fig


def frontier_plot(result, fmt: str = "png", case=None, lang: str = "en") -> bytes:
    """The frontier chart as PNG, SVG or PDF bytes."""
    with charts.style():
        return charts.figure_bytes(frontier_figure(result, lang=lang, case=case), fmt, dpi=130)
