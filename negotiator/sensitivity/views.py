"""Sensitivity results as rich tables (terminal) and CSV text. Nothing is printed here.

Every table's caption and every CSV's trailing ``#`` lines carry the
provenance (case hash, method, profile, weights, seed, samples, version).
"""

from __future__ import annotations

import csv
import io

import numpy as np
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..charts import diverging_bar, interval_bar, rank_colours, stacked_bar

__all__ = [
    "sweep_table",
    "sweep_csv",
    "stability_table",
    "stability_csv",
    "flip_table",
    "flip_csv",
    "smaa_table",
    "smaa_csv",
    "tornado_table",
    "tornado_csv",
    "scenarios_table",
    "scenarios_csv",
]


def _label(case, option: str, lang: str) -> str:
    opt = case.options.get(option) if case is not None else None
    if opt is None:
        return option
    return opt.label_zh if lang == "zh" and opt.label_zh else opt.label


def _obj_label(case, objective: str, lang: str) -> str:
    obj = case.objectives.get(objective) if case is not None else None
    if obj is None:
        return objective
    return obj.label_zh if lang == "zh" and obj.label_zh else obj.label


#: Long option labels are cut with an ellipsis in tables (the id below them stays whole).
LABEL_WIDTH = 44


def _short(text: str, width: int = LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _option_cell(case, option: str, lang: str) -> Text:
    return Text(_short(_label(case, option, lang)) + "\n", style="bold").append(option, style="dim")


def _caption(result) -> str:
    lines = result.provenance.lines(short=True)
    lines += [f"screened out by red lines: {s['option']} ({s['reason']})" for s in getattr(result, "screened_out", [])]
    return "\n".join(lines)


def _csv(header: list[str], rows: list[list], result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    extra = [f"screened out by red lines: {s['option']} ({s['reason']})" for s in getattr(result, "screened_out", [])]
    extra += [f"warning: {x}" for x in getattr(result, "warnings", [])]
    # Provenance as comment lines (pandas: read_csv(..., comment="#")).
    return buf.getvalue() + "".join(f"# {line}\n" for line in result.provenance.lines() + extra)


def _num(x: float | None, digits: int = 6) -> str:
    return "" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.{digits}g}"


# -- sweep -------------------------------------------------------------------------


def sweep_table(result, case=None, lang: str = "en", all_swaps: bool = False) -> Group:
    """Per objective: the weights where the top option changes; with ``all_swaps`` every swap."""
    summary = Table(title="One-way weight sweeps: where the top option changes", caption=_caption(result), caption_justify="left")
    summary.add_column("objective")
    summary.add_column("weight now", justify="right")
    summary.add_column("swaps", justify="right")
    summary.add_column("top option changes at weight (new top)")
    for s in result.sweeps:
        changes = s.top_changes()
        text = "\n".join(f"{b.weight:.4f} → {_short(_label(case, b.rises if b.weight > s.current_weight else b.falls, lang))}" for b in changes) or "never (same top for every weight)"
        summary.add_row(_obj_label(case, s.objective, lang), f"{s.current_weight:.4f}", str(len(s.breakpoints)), text)
    parts = [summary]
    if all_swaps:
        for s in result.sweeps:
            t = Table(title=f"Every swap as the weight of {_obj_label(case, s.objective, lang)} goes 0 → 1 (now {s.current_weight:.4f})")
            t.add_column("weight", justify="right")
            t.add_column("rank", justify="right")
            t.add_column("moves ahead above this weight")
            t.add_column("falls behind")
            for b in s.breakpoints:
                style = "bold" if b.changes_top else ""
                t.add_row(Text(f"{b.weight:.6f}", style=style), str(b.position), _short(_label(case, b.rises, lang)), _short(_label(case, b.falls, lang)))
            parts.append(t)
    return Group(*parts)


def sweep_csv(result) -> str:
    rows = []
    for s in result.sweeps:
        for b in s.breakpoints:
            rows.append([s.objective, f"{s.current_weight:.12g}", f"{b.weight:.12g}", b.position, b.rises, b.falls, int(b.changes_top)])
    return _csv(["objective", "current_weight", "breakpoint_weight", "rank_at_swap", "ahead_above", "ahead_below", "changes_top"], rows, result)


# -- stability -----------------------------------------------------------------------


def stability_table(result, case=None, lang: str = "en") -> Table:
    top_names = " > ".join(_short(_label(case, o, lang), 40) for o in result.top_order)
    what = f"the top option stays {top_names}" if result.top == 1 else f"the order of the top {result.top} stays {top_names}"
    table = Table(title=f"Weight stability intervals: {what}", caption=_caption(result), caption_justify="left")
    table.add_column("objective")
    table.add_column("low", justify="right", no_wrap=True)
    table.add_column("now", justify="right", no_wrap=True)
    table.add_column("high", justify="right", no_wrap=True)
    table.add_column("interval on [0, 1]", no_wrap=True)
    table.add_column("room", justify="right", no_wrap=True)
    table.add_column("first change beyond the interval" if result.top > 1 else "new top option beyond the interval")

    def change(side: str, pair) -> str:
        if result.top == 1:
            return f"{side}: {_short(_label(case, pair[0], lang))}"
        return f"{side}: {_short(_label(case, pair[0], lang), 30)} passes {_short(_label(case, pair[1], lang), 30)}"

    for iv in result.intervals:
        changes = [change(side, pair) for side, pair in (("below", iv.overtaken_below), ("above", iv.overtaken_above)) if pair]
        room = "—" if np.isinf(iv.room) else f"{iv.room:.4f}"
        table.add_row(_obj_label(case, iv.objective, lang), f"{iv.low:.4f}", f"{iv.current_weight:.4f}", f"{iv.high:.4f}", interval_bar(iv.low, iv.high, iv.current_weight, width=24), room, "\n".join(changes) or "none: stable over [0, 1]")
    return table


def stability_csv(result) -> str:
    rows = []
    for iv in result.intervals:
        below = iv.overtaken_below or ("", "")
        above = iv.overtaken_above or ("", "")
        rows.append([iv.objective, f"{iv.low:.12g}", f"{iv.current_weight:.12g}", f"{iv.high:.12g}", "" if np.isinf(iv.room) else f"{iv.room:.12g}", below[0], below[1], above[0], above[1]])
    return _csv(["objective", "low", "current_weight", "high", "room", "below_rises", "below_falls", "above_rises", "above_falls"], rows, result)


# -- flip ----------------------------------------------------------------------------


def flip_table(result, case=None, lang: str = "en", changes_shown: int = 4) -> Table:
    norm = "L1: total weight moved, counted both ways" if result.norm == "l1" else "L-inf: the largest change of any one weight"
    table = Table(title=f"Smallest weight change that puts each challenger first (now: {_label(case, result.winner, lang)}); distance = {norm}", caption=_caption(result), caption_justify="left")
    table.add_column("challenger")
    table.add_column("distance", justify="right")
    table.add_column("main weight changes")
    table.add_column("level with")
    for f in result.flips:
        if not f.possible:
            table.add_row(_option_cell(case, f.challenger, lang), "never", Text("no weights make it first", style="dim"), "")
            continue
        visible = {o: d for o, d in f.changes.items() if abs(d) >= 5e-5}  # what rounds to +0.0000 is noise
        top = sorted(visible.items(), key=lambda kv: -abs(kv[1]))[:changes_shown]
        changes = "\n".join(f"{_obj_label(case, o, lang)} {d:+.4f}" for o, d in top)
        table.add_row(_option_cell(case, f.challenger, lang), f"{f.distance:.4f}", changes, "\n".join(_short(_label(case, o, lang), 36) for o in f.ties_with))
    return table


def flip_csv(result) -> str:
    objectives = list(result.provenance.weights)
    rows = []
    for f in result.flips:
        ws = [f"{f.weights[o]:.12g}" if f.weights else "" for o in objectives]
        rows.append([f.challenger, int(f.possible), _num(f.distance, 12)] + ws + [" ".join(f.ties_with)])
    return _csv(["challenger", "possible", f"distance_{result.norm}"] + [f"weight:{o}" for o in objectives] + ["level_with"], rows, result)


# -- smaa ----------------------------------------------------------------------------


def smaa_table(result, case=None, lang: str = "en", ranks_shown: int = 3, bar_width: int = 24) -> Group:
    """Two tables: rank acceptability (with bars), then central weights and confidence factors."""
    n = len(result.options)
    k = min(ranks_shown, n)
    colours = rank_colours(n)
    title = f"SMAA-2 rank acceptability ({result.samples:,} draws; weights {result.weight_model.describe()})"
    caption = _caption(result) + f"\nlargest standard error of any share: {result.max_standard_error:.4f}; ties share the better rank"
    if result.weight_model.kind == "intervals":
        caption += f"\nweights drawn uniformly on the simplex and kept when inside the intervals: {result.weight_acceptance:.1%} kept (exact, not an approximation)"
    shares = Table(title=title)
    shares.add_column("option", min_width=28)
    for r in range(1, k + 1):
        shares.add_column(f"rank {r}", justify="right", no_wrap=True)
    shares.add_column("holistic", justify="right", no_wrap=True)
    shares.add_column("share of draws at each rank", no_wrap=True, min_width=bar_width)
    centres = Table(title="Central weights (the typical weights under which the option comes first) and confidence factors", caption=caption, caption_justify="left")
    centres.add_column("option", min_width=28)
    centres.add_column("confidence", justify="right", no_wrap=True)
    centres.add_column("largest central weights")
    for i in result.order():
        b = result.acceptability[i]
        shares.add_row(_option_cell(case, result.options[i], lang), *[f"{b[r]:.4f}" for r in range(k)], f"{result.holistic[i]:.4f}", stacked_bar({r + 1: float(b[r]) for r in range(n)}, colours, 1.0, bar_width))
        if b[0] > 0:
            top = np.argsort(-result.central_weights[i], kind="stable")[:3]
            cw = "\n".join(f"{result.central_weights[i, j]:.3f}  {_obj_label(case, result.objectives[j], lang)}" for j in top)
            centres.add_row(_option_cell(case, result.options[i], lang), f"{result.confidence[i]:.4f}", cw)
    never = [result.options[i] for i in result.order() if result.acceptability[i, 0] == 0]
    if never:
        centres.add_row(Text("never first", style="dim"), "—", Text(", ".join(never), style="dim"))
    legend = Text("bar colours: ")
    for r in range(1, min(n, 8) + 1):
        legend.append("■ ", style=colours[r]).append(f"rank {r}  ")
    return Group(shares, legend, centres)


def smaa_csv(result) -> str:
    n = len(result.options)
    rows = []
    for i in result.order():
        cw = [f"{result.central_weights[i, j]:.12g}" if result.acceptability[i, 0] > 0 else "" for j in range(len(result.objectives))]
        rows.append([result.options[i]] + [f"{b:.12g}" for b in result.acceptability[i]] + [f"{result.holistic[i]:.12g}", _num(result.confidence[i], 12)] + cw)
    header = ["option"] + [f"rank_{r}" for r in range(1, n + 1)] + ["holistic_acceptability", "confidence_factor"] + [f"central_weight:{o}" for o in result.objectives]
    text = _csv(header, rows, result)
    return text + f"# weights: {result.weight_model.describe()}\n# confidence samples: {result.confidence_samples}; uncertain scores: {result.uncertain_scores}\n"


# -- tornado -------------------------------------------------------------------------


def tornado_table(result, case=None, lang: str = "en", limit: int = 20, bar_width: int = 30) -> Table:
    title = f"Tornado: how each uncertain score moves the lead of {_label(case, result.top, lang)} (lead now {result.base_lead:+.4f} over {_label(case, result.runner_up, lang)})"
    table = Table(title=title, caption=_caption(result) + "\none score at a time at the ends of its range, every other score at its likely value; red = the winner changes", caption_justify="left")
    table.add_column("option")
    table.add_column("objective")
    table.add_column("range", justify="center")
    table.add_column("lead at low", justify="right")
    table.add_column("lead at high", justify="right")
    table.add_column("lead")
    table.add_column("new winner")
    moving = [b for b in result.bars if b.swing > 1e-12]
    bars = moving[:limit]
    span = max([abs(x - result.base_lead) for b in bars for x in (b.lead_at_low, b.lead_at_high)] + [abs(result.base_lead), 1e-12])
    for b in bars:
        winners = {b.winner_at_low, b.winner_at_high} - {result.top}
        table.add_row(
            _option_cell(case, b.option, lang),
            _obj_label(case, b.objective, lang),
            f"[{b.low:g}, {b.likely:g}, {b.high:g}]",
            f"{b.lead_at_low:+.4f}",
            f"{b.lead_at_high:+.4f}",
            diverging_bar(b.lead_at_low, b.lead_at_high, result.base_lead, span, bar_width),
            "\n".join(_short(_label(case, w, lang), 30) for w in sorted(winners)),
        )
    if len(moving) > limit:
        table.add_row("", Text(f"... {len(moving) - limit} narrower bars not shown (--limit)", style="dim"), "", "", "", "", "")
    if len(result.bars) > len(moving):
        table.add_row("", Text(f"{len(result.bars) - len(moving)} uncertain scores do not move the lead at all (in the JSON/CSV)", style="dim"), "", "", "", "", "")
    return table


def tornado_csv(result) -> str:
    rows = [[b.option, b.objective, f"{b.low:g}", f"{b.likely:g}", f"{b.high:g}", f"{b.lead_at_low:.12g}", f"{b.lead_at_high:.12g}", f"{b.swing:.12g}", b.winner_at_low, b.winner_at_high] for b in result.bars]
    text = _csv(["option", "objective", "low", "likely", "high", "lead_at_low", "lead_at_high", "swing", "winner_at_low", "winner_at_high"], rows, result)
    return text + f"# top option: {result.top}; runner-up: {result.runner_up}; lead: {result.base_lead:.12g}\n"


# -- scenarios -------------------------------------------------------------------------


def scenarios_table(result, case=None, lang: str = "en") -> Table:
    table = Table(title="Ranking under each scenario (base-case scales, so scores compare across columns)", caption=_caption(result), caption_justify="left")
    table.add_column("option")
    for col in result.columns:
        head = col.label_zh if lang == "zh" and col.label_zh else col.label
        if col.probability is not None:
            head += f"\np = {col.probability:g}"
        table.add_column(head, justify="right")
    table.add_column("expected\n(prob.-weighted)", justify="right")
    table.add_column("worst\nrank", justify="right")
    for o in result.options:
        cells = [_option_cell(case, o, lang)]
        for col in result.columns:
            if o in col.ranks:
                cells.append(f"#{col.ranks[o]}  {col.scores[o]:.4f}")
            else:
                cells.append(Text("screened out", style="dim"))
        cells.append(f"#{result.expected_rank[o]}  {result.expected_score[o]:.4f}" if o in result.expected_score else "—")
        cells.append(str(result.worst_rank[o]))
        table.add_row(*cells)
    return table


def scenarios_csv(result) -> str:
    header = ["option"]
    for col in result.columns:
        header += [f"rank:{col.scenario}", f"score:{col.scenario}"]
    header += ["expected_score", "expected_rank", "worst_rank"]
    rows = []
    for o in result.options:
        row = [o]
        for col in result.columns:
            row += [col.ranks.get(o, ""), f"{col.scores[o]:.12g}" if o in col.scores else "screened out"]
        row += [f"{result.expected_score[o]:.12g}" if o in result.expected_score else "", result.expected_rank.get(o, ""), result.worst_rank[o]]
        rows.append(row)
    probs = "; ".join(f"{c.scenario} p={c.probability:g}" for c in result.columns if c.probability is not None)
    return _csv(header, rows, result) + f"# scenario probabilities: {probs}\n"
