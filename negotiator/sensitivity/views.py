"""Sensitivity results as rich tables (terminal) and CSV text. Nothing is printed here.

Every table's caption and every CSV's trailing ``#`` lines carry the
provenance (case hash, method, profile, weights, seed, samples, version).
"""

from __future__ import annotations

import io

import numpy as np
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..charts import diverging_bar, interval_bar, rank_colours, stacked_bar
from ..spreadsheet_safe import comment_lines, csv_writer
from ..termfit import id_text, label_cell, lettered_bar, wrap_id

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


#: Below this many columns, tables show option ids instead of labels and short titles.
NARROW = 100
#: The stability table has more columns: its compact layout is used up to this width.
STABILITY_NARROW = 130
#: The scenarios table has a column per scenario: ranks only (scores in JSON/CSV) up to this width.
SCENARIOS_NARROW = 150

#: The tornado table has seven columns: one stacked option/objective cell up to this width.
TORNADO_NARROW = 150

#: Long option labels are cut with an ellipsis in tables (the id below them stays whole).
LABEL_WIDTH = 44


def _short(text: str, width: int = LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _option_cell(case, option: str, lang: str):
    return label_cell(_short(_label(case, option, lang)), option)


def _caption(result) -> str:
    lines = result.provenance.lines(short=True)
    lines += [f"screened out by red lines: {s['option']} ({s['reason']})" for s in getattr(result, "screened_out", [])]
    return "\n".join(lines)


def _csv(header: list[str], rows: list[list], result) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(header)
    w.writerows(rows)
    extra = [f"screened out by red lines: {s['option']} ({s['reason']})" for s in getattr(result, "screened_out", [])]
    extra += [f"warning: {x}" for x in getattr(result, "warnings", [])]
    # Provenance as comment lines (pandas: read_csv(..., comment="#")).
    return buf.getvalue() + comment_lines(result.provenance.lines() + extra)


def _num(x: float | None, digits: int = 6) -> str:
    return "" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.{digits}g}"


# -- sweep -------------------------------------------------------------------------


def _tops(case, options: tuple[str, ...], lang: str, width: int) -> str:
    """One top option, or a tie of several ('A = B (tie)')."""
    names = [_short(_label(case, o, lang), width) for o in options]
    return names[0] if len(names) == 1 else " = ".join(names) + " (tie)"


def top_change_text(change, case=None, lang: str = "en", width: int = LABEL_WIDTH, sep: str = " ") -> str:
    """'below 0.0476: A; above 0.0476: B', in the words `stability` uses."""
    w = f"{change.weight:.4f}"
    return f"below {w}: {_tops(case, change.below, lang, width)};{sep}above {w}: {_tops(case, change.above, lang, width)}"


def sweep_table(result, case=None, lang: str = "en", all_swaps: bool = False, width: int | None = None) -> Group:
    """Per objective: the weights where the top option changes; with ``all_swaps`` every swap.

    ``width``: the terminal width; below 100 columns options are shown by id and the titles are short.
    """
    narrow = width is not None and width < NARROW
    summary = Table(title="Weight sweeps: where the top changes" if narrow else "One-way weight sweeps: where the top option changes", caption=_caption(result), caption_justify="left")
    summary.add_column("objective", overflow="fold")
    summary.add_column("now", justify="right", no_wrap=True)
    summary.add_column("swaps", justify="right", no_wrap=True)
    summary.add_column("top changes (below / above the weight)", overflow="fold")
    for s in result.sweeps:
        # Narrow terminals: ids (never cut) instead of labels.
        lines = [top_change_text(c, None if narrow else case, lang, 200 if narrow else 40, sep="\n") for c in s.top_switches]
        text = "\n".join(lines) or "never (same top for every weight)"
        summary.add_row(s.objective if narrow else _obj_label(case, s.objective, lang), f"{s.current_weight:.4f}", str(len(s.breakpoints)), text)
    parts = [summary]
    if all_swaps:
        for s in result.sweeps:
            name = s.objective if narrow else _obj_label(case, s.objective, lang)
            t = Table(title=f"Every swap as the weight of {name} goes 0 → 1 (now {s.current_weight:.4f})")
            t.add_column("weight", justify="right", no_wrap=True)
            t.add_column("ranks", justify="right", no_wrap=True)
            t.add_column("ahead above", overflow="fold")
            t.add_column("ahead below", overflow="fold")
            for b in s.breakpoints:
                style = "bold" if b.changes_top else ""
                rises, falls = (b.rises, b.falls) if narrow else (_short(_label(case, b.rises, lang)), _short(_label(case, b.falls, lang)))
                t.add_row(Text(f"{b.weight:.6f}", style=style), b.rank_label(), rises, falls)
            parts.append(t)
        parts.append(Text("ranks: the places the two options hold just around the weight (2–4: several lines cross there); bold: the swap changes the top", style="dim"))
    return Group(*parts)


def sweep_csv(result) -> str:
    rows = []
    for s in result.sweeps:
        for b in s.breakpoints:
            rows.append([s.objective, f"{s.current_weight:.12g}", f"{b.weight:.12g}", b.position, b.ranks[1], b.rises, b.falls, int(b.changes_top)])
    tops = [f"top change: {s.objective} at {c.weight:.12g}: below {' = '.join(c.below)}; above {' = '.join(c.above)}" for s in result.sweeps for c in s.top_switches]
    return _csv(["objective", "current_weight", "breakpoint_weight", "rank_at_swap", "worst_rank_at_swap", "ahead_above", "ahead_below", "changes_top"], rows, result) + comment_lines(tops)


# -- stability -----------------------------------------------------------------------


def stability_table(result, case=None, lang: str = "en", width: int | None = None) -> Table:
    """``width``: the terminal width; below STABILITY_NARROW columns options are shown by id, without the bar."""
    narrow = width is not None and width < STABILITY_NARROW
    use_ids = width is not None and width < NARROW
    if narrow:
        top_names = " > ".join(result.top_order) if use_ids else " > ".join(_short(_label(case, o, lang), 40) for o in result.top_order)
        title = f"Weight stability: top {'stays' if result.top == 1 else f'{result.top} stay'} {top_names}"
    else:
        top_names = " > ".join(_short(_label(case, o, lang), 40) for o in result.top_order)
        what = f"the top option stays {top_names}" if result.top == 1 else f"the order of the top {result.top} stays {top_names}"
        title = f"Weight stability intervals: {what}"
    table = Table(title=title, caption=_caption(result), caption_justify="left")
    table.add_column("objective", max_width=16 if use_ids else None, overflow="fold")  # Chinese labels fold, not cut
    if narrow:
        table.add_column("interval\n(now)", justify="right", no_wrap=True)
    else:
        table.add_column("low", justify="right", no_wrap=True)
        table.add_column("now", justify="right", no_wrap=True)
        table.add_column("high", justify="right", no_wrap=True)
        table.add_column("interval on [0, 1]", no_wrap=True)
    table.add_column("room", justify="right", no_wrap=True)
    table.add_column("first change beyond the interval" if result.top > 1 else ("new top beyond" if narrow else "new top option beyond the interval"), overflow="fold")

    def name(option: str, cut: int) -> str:
        return option if use_ids else _short(_label(case, option, lang), cut)

    def change(side: str, pair) -> str:
        if result.top == 1:
            return f"{side}: {name(pair[0], LABEL_WIDTH)}"
        return f"{side}: {name(pair[0], 30)} passes {name(pair[1], 30)}"

    for iv in result.intervals:
        changes = [change(side, pair) for side, pair in (("below", iv.overtaken_below), ("above", iv.overtaken_above)) if pair]
        room = "—" if np.isinf(iv.room) else f"{iv.room:.4f}"
        cells = [f"{iv.low:.4f}–{iv.high:.4f}\n({iv.current_weight:.4f})"] if narrow else [f"{iv.low:.4f}", f"{iv.current_weight:.4f}", f"{iv.high:.4f}", interval_bar(iv.low, iv.high, iv.current_weight, width=24)]
        table.add_row(_obj_label(case, iv.objective, lang), *cells, room, "\n".join(changes) or "none: stable over [0, 1]")
    return table


def stability_csv(result) -> str:
    rows = []
    for iv in result.intervals:
        below = iv.overtaken_below or ("", "")
        above = iv.overtaken_above or ("", "")
        rows.append([iv.objective, f"{iv.low:.12g}", f"{iv.current_weight:.12g}", f"{iv.high:.12g}", "" if np.isinf(iv.room) else f"{iv.room:.12g}", below[0], below[1], above[0], above[1]])
    return _csv(["objective", "low", "current_weight", "high", "room", "below_rises", "below_falls", "above_rises", "above_falls"], rows, result)


# -- flip ----------------------------------------------------------------------------


def flip_table(result, case=None, lang: str = "en", changes_shown: int = 4, width: int | None = None) -> Table:
    """``width``: the terminal width; below NARROW columns options and objectives are shown by id
    and the options it ties with go under the challenger (the table fits 80 columns)."""
    narrow = width is not None and width < NARROW
    norm = "L1: total weight moved, counted both ways" if result.norm == "l1" else "L-inf: the largest change of any one weight"
    winner = result.winner if narrow else _label(case, result.winner, lang)
    # A short title; the detail (who is first now, the distance) goes in the caption.
    caption = f"now first: {winner}" + ("" if narrow else f" ({result.winner})") + f"\n{'dist.' if narrow else 'distance'} = {norm}\n" + _caption(result)
    table = Table(title="Flip: the smallest weight change that puts each challenger first", caption=caption, caption_justify="left")
    challenger_width = None
    if narrow:
        # The challenger's id gets its full width when that leaves the changes 24 cells or more
        # (3 columns: 4 rules and 4 cells of padding without the outer edges; distance 6 cells).
        table.pad_edge = False
        longest = max((len(f.challenger) for f in result.flips), default=10)
        if (width or 80) - 8 - 6 - longest >= 24:
            challenger_width = longest
    table.add_column("challenger (level with)" if narrow else "challenger", width=challenger_width)
    table.add_column("dist." if narrow else "distance", justify="right", no_wrap=True)
    table.add_column("main weight changes")
    if not narrow:
        table.add_column("level with")
    for f in result.flips:
        if narrow:
            cell = id_text(f.challenger, style="bold")
            for o in f.ties_with:
                cell.append(f"\n= {o}", style="dim")
        else:
            cell = _option_cell(case, f.challenger, lang)
        if not f.possible:
            table.add_row(cell, "never", Text("no weights make it first", style="dim"), *([] if narrow else [""]))
            continue
        visible = {o: d for o, d in f.changes.items() if abs(d) >= 5e-5}  # what rounds to +0.0000 is noise
        top = sorted(visible.items(), key=lambda kv: -abs(kv[1]))[:changes_shown]
        if narrow:
            changes = id_text("\n".join(f"{d:+.4f} {o}" for o, d in top))
            table.add_row(cell, f"{f.distance:.4f}", changes)
        else:
            changes = "\n".join(f"{_obj_label(case, o, lang)} {d:+.4f}" for o, d in top)
            # One label a line, cut with an ellipsis where the column is narrower (never wrapped).
            table.add_row(cell, f"{f.distance:.4f}", changes, id_text("\n".join(_label(case, o, lang) for o in f.ties_with)))
    return table


def flip_csv(result) -> str:
    objectives = list(result.provenance.weights)
    rows = []
    for f in result.flips:
        ws = [f"{f.weights[o]:.12g}" if f.weights else "" for o in objectives]
        rows.append([f.challenger, int(f.possible), _num(f.distance, 12)] + ws + [" ".join(f.ties_with)])
    return _csv(["challenger", "possible", f"distance_{result.norm}"] + [f"weight:{o}" for o in objectives] + ["level_with"], rows, result)


# -- smaa ----------------------------------------------------------------------------


def smaa_table(result, case=None, lang: str = "en", ranks_shown: int = 3, bar_width: int = 24, width: int | None = None, plain: bool = False) -> Group:
    """Two tables: rank acceptability (with bars), then central weights and confidence factors.

    ``width``: the terminal width; below NARROW columns options and objectives are shown by id,
    two ranks are shown and the bars fit what is left. ``plain`` (no colour): the bars' cells
    are the rank digits (1112223...), so they read without colour.
    """
    narrow = width is not None and width < NARROW
    n = len(result.options)
    if narrow:  # ids whole on one line, two ranks, and the bar takes what is left
        ranks_shown = min(ranks_shown, 2)
        id_width = max(len(o) for o in result.options)
        # 5 columns: 6 rules + 10 padding; each rank share 6 cells, holistic 8.
        bar_width = max(8, min(bar_width, width - id_width - 16 - 6 * ranks_shown - 8))
    k = min(ranks_shown, n)
    colours = rank_colours(n)
    digits = {r: str(r) if r <= 9 else "·" for r in range(1, n + 1)}
    caption = _caption(result) + f"\nlargest standard error of any share: {result.max_standard_error:.4f}; ties share the better rank"
    if result.weight_model.kind == "intervals":
        caption += f"\nweights drawn uniformly on the simplex and kept when inside the intervals: {result.weight_acceptance:.1%} kept (exact, not an approximation)"
    shares = Table(title=f"SMAA-2 rank acceptability ({result.samples:,} draws, {result.weight_model.kind} weights)")
    shares.add_column("option", min_width=None if narrow else 28, no_wrap=narrow)
    for r in range(1, k + 1):
        shares.add_column(f"rank {r}", justify="right", no_wrap=True)
    shares.add_column("holistic", justify="right", no_wrap=True)
    shares.add_column("by rank" if narrow else "share of draws at each rank", no_wrap=True, min_width=bar_width)
    centres = Table(title="Central weights (typical weights that put the option first) and confidence factors" if not narrow else "Central weights and confidence", caption=caption, caption_justify="left")
    centres.add_column("option", min_width=None if narrow else 28, no_wrap=narrow)
    centres.add_column("conf." if narrow else "confidence", justify="right", no_wrap=True)
    centres.add_column("largest central weights", overflow="fold")

    def option_cell(option: str):
        return option if narrow else _option_cell(case, option, lang)

    for i in result.order():
        b = result.acceptability[i]
        parts = {r + 1: float(b[r]) for r in range(n)}
        bar = lettered_bar(parts, digits, 1.0, bar_width) if plain else stacked_bar(parts, colours, 1.0, bar_width)
        shares.add_row(option_cell(result.options[i]), *[f"{b[r]:.4f}" for r in range(k)], f"{result.holistic[i]:.4f}", bar)
        if b[0] > 0:
            top = np.argsort(-result.central_weights[i], kind="stable")[:3]
            cw = "\n".join(f"{result.central_weights[i, j]:.3f} {result.objectives[j]}" if narrow else f"{result.central_weights[i, j]:.3f}  {_obj_label(case, result.objectives[j], lang)}" for j in top)
            centres.add_row(option_cell(result.options[i]), f"{result.confidence[i]:.4f}", cw)
    never = [result.options[i] for i in result.order() if result.acceptability[i, 0] == 0]
    if never:
        centres.add_row(Text("never first", style="dim"), "—", Text(", ".join(never), style="dim"))
    if plain:
        legend = Text("bars: each cell is a rank (1 = first), as long as its share of the draws" + ("; · = rank 10 or worse" if n > 9 else ""))
    else:
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
    return text + comment_lines([f"weight model: {result.weight_model.kind}", f"confidence samples: {result.confidence_samples}; uncertain scores: {result.uncertain_scores}"])


# -- tornado -------------------------------------------------------------------------


def tornado_table(result, case=None, lang: str = "en", limit: int = 20, bar_width: int = 30, width: int | None = None, plain: bool = False) -> Table:
    """``width``: the terminal width; below TORNADO_NARROW columns each bar's option, objective and
    new winner are stacked in one cell (by id below NARROW) and the bar fits what is left.
    ``plain`` (no colour): the part of a bar where the lead is lost is drawn with ░ instead of red."""
    narrow = width is not None and width < TORNADO_NARROW
    use_ids = width is not None and width < NARROW
    top_name = result.top if use_ids else _label(case, result.top, lang)
    runner = result.runner_up if use_ids else _label(case, result.runner_up, lang)
    how = "░ = the lead is lost there (the winner changes)" if plain else "red = the winner changes"
    caption = (
        ("at low / at high: the lead with the score at the low / high end of its range; → the new winner there\n" if narrow else "")
        + f"lead of {top_name} now {result.base_lead:+.4f} over {runner}\n"
        f"one score at a time at the ends of its range, every other score at its likely value; {how}\n" + _caption(result)
    )
    title = f"Tornado: which uncertain scores move the lead of {result.top if use_ids else _short(top_name, 40)}"
    table = Table(title=title, caption=caption, caption_justify="left")
    if narrow:
        # 4 columns: 5 rules + 8 padding; leads 7 cells each; the option cell keeps at least 34.
        bar_width = max(10, min(bar_width, (width or 80) - 13 - 7 - 7 - 34))
        table.add_column("option / objective [low, likely, high]")
    else:
        table.add_column("option")
        table.add_column("objective")
        table.add_column("range", justify="center", no_wrap=True)
    table.add_column("at low" if narrow else "lead at low", justify="right", no_wrap=True)
    table.add_column("at high" if narrow else "lead at high", justify="right", no_wrap=True)
    table.add_column("lead", no_wrap=True, min_width=bar_width)
    if not narrow:
        table.add_column("new winner")

    def option_name(option: str) -> str:
        return option if use_ids else _label(case, option, lang)

    moving = [b for b in result.bars if b.swing > 1e-12]
    bars = moving[:limit]
    span = max([abs(x - result.base_lead) for b in bars for x in (b.lead_at_low, b.lead_at_high)] + [abs(result.base_lead), 1e-12])
    blank = [""] * (3 if narrow else 6)
    for b in bars:
        winners = sorted({b.winner_at_low, b.winner_at_high} - {result.top})
        bar = diverging_bar(b.lead_at_low, b.lead_at_high, result.base_lead, span, bar_width, lost_glyph="░" if plain else None)
        if narrow:
            cell = id_text(option_name(b.option), style="bold")
            objective = b.objective if use_ids else _obj_label(case, b.objective, lang)
            cell.append(f"\n{objective} [{b.low:g}, {b.likely:g}, {b.high:g}]", style="dim")
            for w in winners:
                cell.append(f"\n→ {option_name(w)}")
            table.add_row(cell, f"{b.lead_at_low:+.4f}", f"{b.lead_at_high:+.4f}", bar)
            continue
        table.add_row(
            _option_cell(case, b.option, lang),
            _obj_label(case, b.objective, lang),
            f"[{b.low:g}, {b.likely:g}, {b.high:g}]",
            f"{b.lead_at_low:+.4f}",
            f"{b.lead_at_high:+.4f}",
            bar,
            "\n".join(_short(_label(case, w, lang), 30) for w in winners),
        )
    notes = []
    if len(moving) > limit:
        notes.append(f"... {len(moving) - limit} narrower bars not shown (--limit)")
    if len(result.bars) > len(moving):
        notes.append(f"{len(result.bars) - len(moving)} uncertain scores do not move the lead at all (in the JSON/CSV)")
    if narrow and notes:
        table.caption = "\n".join(notes) + "\n" + table.caption
    else:
        for note in notes:
            table.add_row(Text(note, style="dim"), *blank)
    return table


def tornado_csv(result) -> str:
    rows = [[b.option, b.objective, f"{b.low:g}", f"{b.likely:g}", f"{b.high:g}", f"{b.lead_at_low:.12g}", f"{b.lead_at_high:.12g}", f"{b.swing:.12g}", b.winner_at_low, b.winner_at_high] for b in result.bars]
    text = _csv(["option", "objective", "low", "likely", "high", "lead_at_low", "lead_at_high", "swing", "winner_at_low", "winner_at_high"], rows, result)
    return text + comment_lines([f"top option: {result.top}; runner-up: {result.runner_up}; lead: {result.base_lead:.12g}"])


# -- scenarios -------------------------------------------------------------------------


def _worst_cell(result, option: str, short: dict[str, str] | None = None):
    """The worst rank, or where the option is screened out (it has no rank there, not the last one)."""
    where = result.screened_in.get(option)
    if where:
        scenario_count = len(result.columns) - 1
        if len(where) == scenario_count and scenario_count > 1:
            return Text("screened out (all scenarios)" if short is None else "out (all)", style="dim")
        names = [short[w] for w in where] if short else where
        return Text(f"{'screened out' if short is None else 'out'} ({', '.join(names)})", style="dim")
    return str(result.worst_rank[option])


def scenarios_table(result, case=None, lang: str = "en", width: int | None = None) -> Table:
    """``width``: the terminal width; below SCENARIOS_NARROW columns: ranks only, scenarios as S1, S2, ...
    (named in the caption); below NARROW also option ids instead of labels."""
    narrow = width is not None and width < SCENARIOS_NARROW
    use_ids = width is not None and width < NARROW
    short = {col.scenario: f"S{k}" for k, col in enumerate(result.columns[1:], start=1)}
    caption = _caption(result)
    if narrow:
        caption += "\n" + "; ".join(f"{short[c.scenario]} = {c.scenario} (p = {c.probability:g})" for c in result.columns[1:]) + "\nscores: --format json or csv"
    title = "Rank under each scenario (base-case scales)" if narrow else "Ranking under each scenario (base-case scales, so scores compare across columns)"
    table = Table(title=title, caption=caption, caption_justify="left")
    table.add_column("option", overflow="fold")
    for col in result.columns:
        if narrow:
            table.add_column("base" if col.probability is None else short[col.scenario], justify="right", no_wrap=True)
            continue
        head = col.label_zh if lang == "zh" and col.label_zh else col.label
        if col.probability is not None:
            head += f"\np = {col.probability:g}"
        table.add_column(head, justify="right")
    table.add_column("exp." if narrow else "expected\n(prob.-weighted)", justify="right", no_wrap=narrow)
    table.add_column("worst\nrank", justify="right")
    id_room = None
    if use_ids:
        # What the other columns take (each: content + 2 padding + 1 rule), so long ids can be
        # broken after an underscore to fit what is left instead of folded mid-word or cut.
        worst = max(len(_worst_cell(result, o, short).__str__()) for o in result.options)
        others = 4 + 4 * (len(result.columns) - 1) + 4 + max(5, worst)
        id_room = max(12, width - 1 - 3 * (len(result.columns) + 3) - others)
    for o in result.options:
        cells = [wrap_id(o, id_room) if use_ids else _option_cell(case, o, lang)]
        for col in result.columns:
            if o in col.ranks:
                cells.append(f"#{col.ranks[o]}" if narrow else f"#{col.ranks[o]}  {col.scores[o]:.4f}")
            else:
                cells.append(Text("out" if narrow else "screened out", style="dim"))
        if o in result.expected_score:
            cells.append(f"#{result.expected_rank[o]}" if narrow else f"#{result.expected_rank[o]}  {result.expected_score[o]:.4f}")
        else:
            cells.append("—")
        cells.append(_worst_cell(result, o, short if narrow else None))
        table.add_row(*cells)
    return table


def scenarios_csv(result) -> str:
    header = ["option"]
    for col in result.columns:
        header += [f"rank:{col.scenario}", f"score:{col.scenario}"]
    header += ["expected_score", "expected_rank", "worst_rank", "screened_out_in"]
    rows = []
    for o in result.options:
        row = [o]
        for col in result.columns:
            row += [col.ranks.get(o, ""), f"{col.scores[o]:.12g}" if o in col.scores else "screened out"]
        worst = result.worst_rank[o]
        row += [f"{result.expected_score[o]:.12g}" if o in result.expected_score else "", result.expected_rank.get(o, ""), "" if worst is None else worst, " ".join(result.screened_in.get(o, []))]
        rows.append(row)
    probs = "; ".join(f"{c.scenario} p={c.probability:g}" for c in result.columns if c.probability is not None)
    return _csv(header, rows, result) + comment_lines([f"scenario probabilities: {probs}"])
