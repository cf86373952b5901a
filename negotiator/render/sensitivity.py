"""Sensitivity results as rich tables (terminal) and CSV text. Nothing is printed here.

Every table's caption and every CSV's trailing ``#`` lines carry the
provenance (case hash, method, profile, weights, seed, samples, version).
"""

from __future__ import annotations

import io

import numpy as np
from rich.cells import cell_len
from rich.console import Group
from negotiator.render.plain import PlainTable as Table
from rich.text import Text

from negotiator.render.bars import diverging_bar, interval_bar, rank_colours, stacked_bar
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer
from negotiator.render.termfit import id_text, label_cell, lettered_bar, wrap_id
from negotiator.i18n import case_name, core_text, tr

__all__ = [
    "provenance_lines",
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


#: The weight models whose names are translated (another kind shows its own name).
_KINDS = {"se_kind_uniform", "se_kind_order", "se_kind_intervals", "se_kind_fixed"}

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


def provenance_lines(prov, lang: str) -> list[str]:
    """Provenance.lines(short=True) in ``lang`` (CSV comment lines keep the core's English)."""
    if lang == "en":
        return prov.lines(short=True)
    head = tr("prov_method", lang, method=prov.method) + tr("prov_profile", lang, profile=prov.profile)
    if prov.scenario:
        head += tr("prov_scenario", lang, scenario=prov.scenario)
    if prov.seed is not None:
        head += tr("prov_seed", lang, seed=prov.seed)
    if prov.samples is not None:
        head += tr("se_prov_samples", lang, samples=prov.samples)
    head += tr("prov_version", lang, version=prov.version)
    weights = core_text(prov.weights_note, lang) if prov.weights_note else ", ".join(f"{k}={v:.4f}" for k, v in prov.weights.items())
    return [
        tr("se_prov_head", lang, analysis=core_text(prov.analysis, lang), case=case_name(prov.case, lang), sha=prov.case_sha256[:12]),
        head,
        tr("prov_weights", lang, weights=weights),
        tr("se_prov_computation", lang, computation=core_text(prov.computation, lang)),
        tr("se_judgment", lang),
    ]


def _screened_reasons(case, screened: list[dict], scenario, lang: str) -> list[str]:
    """Why each option was screened out, in ``lang``: Chinese is worded from its broken red lines
    (the case's matrix built once for all of them)."""
    if lang == "en" or case is None or not screened:
        return [s["reason"] for s in screened]
    from negotiator.model.matrix import build_matrix, red_line_breaches
    from negotiator.i18n import red_line_reason

    breaches = red_line_breaches(case, build_matrix(case, scenario))
    return [red_line_reason(case, breaches[s["option"]], lang) if s["option"] in breaches else s["reason"] for s in screened]


def _caption(result, case=None, lang: str = "en") -> str:
    lines = provenance_lines(result.provenance, lang)
    screened = list(getattr(result, "screened_out", []))
    reasons = _screened_reasons(case, screened, getattr(result.provenance, "scenario", None), lang)
    lines += [tr("se_screened", lang, option=s["option"], reason=reason) for s, reason in zip(screened, reasons)]
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
    return names[0] if len(names) == 1 else " = ".join(names) + tr("se_tie", lang)


def top_change_text(change, case=None, lang: str = "en", width: int = LABEL_WIDTH, sep: str = " ", words: str | None = None) -> str:
    """'below 0.0476: A; above 0.0476: B', in the words `stability` uses. ``words``: the
    language of the fixed words when it differs from the labels' (narrow tables show ids)."""
    words = words or lang
    w = f"{change.weight:.4f}"
    below = tr("se_side", words, side=tr("se_below", words), weight=w, names=_tops(case, change.below, lang, width))
    above = tr("se_side", words, side=tr("se_above", words), weight=w, names=_tops(case, change.above, lang, width))
    return below + ("；" if words == "zh" else ";") + sep + above


def sweep_table(result, case=None, lang: str = "en", all_swaps: bool = False, width: int | None = None) -> Group:
    """Per objective: the weights where the top option changes; with ``all_swaps`` every swap.

    ``width``: the terminal width; below 100 columns options are shown by id and the titles are short.
    """
    narrow = width is not None and width < NARROW
    summary = Table(title=tr("se_sweep_title" if narrow else "se_sweep_title_long", lang), caption=_caption(result, case, lang), caption_justify="left")
    summary.add_column(tr("objective", lang), overflow="fold")
    summary.add_column(tr("se_now", lang), justify="right", no_wrap=True)
    summary.add_column(tr("se_swaps", lang), justify="right", no_wrap=True)
    summary.add_column(tr("se_top_changes", lang), overflow="fold")
    for s in result.sweeps:
        # Narrow terminals: ids (never cut) instead of labels.
        lines = [top_change_text(c, None if narrow else case, lang, 200 if narrow else 40, sep="\n", words=lang) for c in s.top_switches]
        text = "\n".join(lines) or tr("se_never_changes", lang)
        summary.add_row(s.objective if narrow else _obj_label(case, s.objective, lang), f"{s.current_weight:.4f}", str(len(s.breakpoints)), text)
    parts = [summary]
    if all_swaps:
        for s in result.sweeps:
            name = s.objective if narrow else _obj_label(case, s.objective, lang)
            t = Table(title=tr("se_every_swap", lang, name=name, now=f"{s.current_weight:.4f}"))
            t.add_column(tr("se_weight", lang), justify="right", no_wrap=True)
            t.add_column(tr("se_ranks", lang), justify="right", no_wrap=True)
            t.add_column(tr("se_ahead_above", lang), overflow="fold")
            t.add_column(tr("se_ahead_below", lang), overflow="fold")
            for b in s.breakpoints:
                style = "bold" if b.changes_top else ""
                # Narrow: ids broken after an underscore (two id columns share what 80 columns leave).
                rises, falls = (wrap_id(b.rises, 26), wrap_id(b.falls, 26)) if narrow else (_short(_label(case, b.rises, lang)), _short(_label(case, b.falls, lang)))
                t.add_row(Text(f"{b.weight:.6f}", style=style), b.rank_label(), rises, falls)
            parts.append(t)
        parts.append(Text(tr("se_swaps_note", lang), style="dim"))
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
        title = tr("se_stab_title_one", lang, names=top_names) if result.top == 1 else tr("se_stab_title_top", lang, n=result.top, names=top_names)
    else:
        top_names = " > ".join(_short(_label(case, o, lang), 40) for o in result.top_order)
        title = tr("se_stab_long_one", lang, names=top_names) if result.top == 1 else tr("se_stab_long_top", lang, n=result.top, names=top_names)
    table = Table(title=title, caption=_caption(result, case, lang), caption_justify="left")
    table.add_column(tr("objective", lang), max_width=16 if use_ids else None, overflow="fold")  # Chinese labels fold, not cut
    if narrow:
        table.add_column(tr("se_interval_now", lang), justify="right", no_wrap=True)
    else:
        table.add_column(tr("se_low", lang), justify="right", no_wrap=True)
        table.add_column(tr("se_now", lang), justify="right", no_wrap=True)
        table.add_column(tr("se_high", lang), justify="right", no_wrap=True)
        table.add_column(tr("se_interval01", lang), no_wrap=True)
    table.add_column(tr("se_room", lang), justify="right", no_wrap=True)
    table.add_column(tr("se_first_change", lang) if result.top > 1 else tr("se_new_top" if narrow else "se_new_top_long", lang), overflow="fold")

    def name(option: str, cut: int) -> str:
        return option if use_ids else _short(_label(case, option, lang), cut)

    def change(side: str, pair) -> str:
        if result.top == 1:
            return tr("se_change_one", lang, side=side, name=name(pair[0], LABEL_WIDTH))
        return tr("se_change_passes", lang, side=side, a=name(pair[0], 30), b=name(pair[1], 30))

    for iv in result.intervals:
        changes = [change(tr(side, lang), pair) for side, pair in (("se_below", iv.overtaken_below), ("se_above", iv.overtaken_above)) if pair]
        room = "—" if np.isinf(iv.room) else f"{iv.room:.4f}"
        cells = [f"{iv.low:.4f}–{iv.high:.4f}\n({iv.current_weight:.4f})"] if narrow else [f"{iv.low:.4f}", f"{iv.current_weight:.4f}", f"{iv.high:.4f}", interval_bar(iv.low, iv.high, iv.current_weight, width=24)]
        table.add_row(_obj_label(case, iv.objective, lang), *cells, room, "\n".join(changes) or tr("se_stable", lang))
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
    norm = tr("se_norm_l1" if result.norm == "l1" else "se_norm_linf", lang)
    winner = result.winner if narrow else _label(case, result.winner, lang)
    # A short title; the detail (who is first now, the distance) goes in the caption.
    caption = (
        tr("se_now_first", lang, winner=winner) + ("" if narrow else (f"（{result.winner}）" if lang == "zh" else f" ({result.winner})"))
        + "\n" + tr("se_dist_is", lang, dist=tr("se_dist" if narrow else "se_distance", lang), norm=norm) + "\n" + _caption(result, case, lang)
    )
    table = Table(title=tr("se_flip_title", lang), caption=caption, caption_justify="left")
    challenger_width = None
    if narrow:
        # The challenger's id gets its full width when that leaves the changes 24 cells or more
        # (3 columns: 4 rules and 4 cells of padding without the outer edges; distance 6 cells).
        table.pad_edge = False
        longest = max((len(f.challenger) for f in result.flips), default=10)
        if (width or 80) - 8 - 6 - longest >= 24:
            challenger_width = longest
    table.add_column(tr("se_challenger_level" if narrow else "se_challenger", lang), width=challenger_width)
    table.add_column(tr("se_dist" if narrow else "se_distance", lang), justify="right", no_wrap=True)
    table.add_column(tr("se_main_changes", lang))
    if not narrow:
        table.add_column(tr("se_level_with", lang))
    for f in result.flips:
        if narrow:
            cell = id_text(f.challenger, style="bold")
            for o in f.ties_with:
                cell.append(f"\n= {o}", style="dim")
        else:
            cell = _option_cell(case, f.challenger, lang)
        if not f.possible:
            table.add_row(cell, tr("se_never", lang), Text(tr("se_no_weights", lang), style="dim"), *([] if narrow else [""]))
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
    caption = _caption(result, case, lang) + "\n" + tr("se_smaa_se", lang, se=f"{result.max_standard_error:.4f}")
    if result.weight_model.kind == "intervals":
        caption += "\n" + tr("se_smaa_kept", lang, share=f"{result.weight_acceptance:.1%}")
    kind = tr(f"se_kind_{result.weight_model.kind}", lang) if f"se_kind_{result.weight_model.kind}" in _KINDS else result.weight_model.kind
    shares = Table(title=tr("se_smaa_title", lang, samples=f"{result.samples:,}", kind=kind))
    shares.add_column(tr("option", lang), min_width=None if narrow else 28, no_wrap=narrow)
    for r in range(1, k + 1):
        shares.add_column(tr("se_rank_r", lang, r=r), justify="right", no_wrap=True)
    shares.add_column(tr("se_holistic", lang), justify="right", no_wrap=True)
    shares.add_column(tr("se_by_rank" if narrow else "se_share_each_rank", lang), no_wrap=True, min_width=bar_width)
    centres = Table(title=tr("se_centres_title" if not narrow else "se_centres_title_short", lang), caption=caption, caption_justify="left")
    centres.add_column(tr("option", lang), min_width=None if narrow else 28, no_wrap=narrow)
    centres.add_column(tr("se_conf" if narrow else "se_confidence", lang), justify="right", no_wrap=True)
    centres.add_column(tr("se_largest_central", lang), overflow="fold")

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
        centres.add_row(Text(tr("se_never_first", lang), style="dim"), "—", Text(", ".join(never), style="dim"))
    if plain:
        legend = Text(tr("se_bars_plain", lang) + (tr("se_bars_worse", lang) if n > 9 else ""))
    else:
        legend = Text(tr("se_bar_colours", lang))
        for r in range(1, min(n, 8) + 1):
            legend.append("■ ", style=colours[r]).append(tr("se_rank_r", lang, r=r) + "  ")
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
    how = tr("se_lost_plain" if plain else "se_lost_colour", lang)
    caption = (
        (tr("se_tornado_at", lang) if narrow else "")
        + tr("se_lead_of", lang, top=top_name, lead=f"{result.base_lead:+.4f}", runner=runner) + "\n"
        + tr("se_one_at_a_time", lang, how=how) + "\n" + _caption(result, case, lang)
    )
    title = tr("se_tornado_title", lang, top=result.top if use_ids else _short(top_name, 40))
    table = Table(title=title, caption=caption, caption_justify="left")
    if narrow:
        # 4 columns: 5 rules + 8 padding; leads 7 cells each; the option cell keeps at least 34.
        bar_width = max(10, min(bar_width, (width or 80) - 13 - 7 - 7 - 34))
        table.add_column(tr("se_option_objective", lang))
    else:
        table.add_column(tr("option", lang))
        table.add_column(tr("objective", lang))
        table.add_column(tr("se_range", lang), justify="center", no_wrap=True)
    table.add_column(tr("se_at_low" if narrow else "se_lead_at_low", lang), justify="right", no_wrap=True)
    table.add_column(tr("se_at_high" if narrow else "se_lead_at_high", lang), justify="right", no_wrap=True)
    table.add_column(tr("se_lead", lang), no_wrap=True, min_width=bar_width)
    if not narrow:
        table.add_column(tr("se_new_winner", lang))

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
        notes.append(tr("se_not_shown", lang, n=len(moving) - limit))
    if len(result.bars) > len(moving):
        notes.append(tr("se_no_move", lang, n=len(result.bars) - len(moving)))
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


def _worst_cell(result, option: str, short: dict[str, str] | None = None, lang: str = "en"):
    """The worst rank, or where the option is screened out (it has no rank there, not the last one)."""
    where = result.screened_in.get(option)
    if where:
        scenario_count = len(result.columns) - 1
        if len(where) == scenario_count and scenario_count > 1:
            return Text(tr("se_screened_all" if short is None else "se_out_all", lang), style="dim")
        word = tr("se_screened_out" if short is None else "se_out", lang)
        if short is None:  # scenario ids one a line under the word, so none is cut
            return Text(word + "".join(f"\n（{w}）" if lang == "zh" else f"\n({w})" for w in where), style="dim")
        names = [short[w] for w in where]
        return Text(f"{word}（{'，'.join(names)}）" if lang == "zh" else f"{word} ({', '.join(names)})", style="dim")
    return str(result.worst_rank[option])


def scenarios_table(result, case=None, lang: str = "en", width: int | None = None) -> Table:
    """``width``: the terminal width; below SCENARIOS_NARROW columns: ranks only, scenarios as S1, S2, ...
    (named in the caption); below NARROW also option ids instead of labels."""
    narrow = width is not None and width < SCENARIOS_NARROW
    use_ids = width is not None and width < NARROW
    short = {col.scenario: f"S{k}" for k, col in enumerate(result.columns[1:], start=1)}
    ignorance = getattr(result, "complete_ignorance", False)
    caption = _caption(result, case, lang)
    if ignorance:
        caption += "\n" + tr("se_no_probabilities", lang)
    if narrow:
        caption += "\n" + ("；" if lang == "zh" else "; ").join(f"{short[c.scenario]} = {c.scenario}" + ("" if c.probability is None else f" (p = {c.probability:g})") for c in result.columns[1:]) + "\n" + tr("se_scores_json", lang)
    title = tr("se_sc_title" if narrow else "se_sc_title_long", lang)
    table = Table(title=title, caption=caption, caption_justify="left")
    table.add_column(tr("option", lang), overflow="fold")
    for col in result.columns:
        if narrow:
            table.add_column(tr("se_base", lang) if col is result.columns[0] else short[col.scenario], justify="right", no_wrap=True)
            continue
        head = col.label_zh if lang == "zh" and col.label_zh else col.label
        if col.probability is not None:
            head += f"\np = {col.probability:g}"
        table.add_column(head, justify="right")
    if not ignorance:
        table.add_column(tr("se_exp" if narrow else "se_expected", lang), justify="right", no_wrap=narrow)
    table.add_column(tr("se_worst_rank", lang), justify="right")
    id_room = None
    if use_ids:
        # What the other columns take (each: content + 2 padding + 1 rule), so long ids can be
        # broken after an underscore to fit what is left instead of folded mid-word or cut.
        worst = max(cell_len(_worst_cell(result, o, short, lang).__str__()) for o in result.options)
        others = 4 + 4 * (len(result.columns) - 1) + (0 if ignorance else 4) + max(5, worst)
        id_room = max(12, width - 1 - 3 * (len(result.columns) + (2 if ignorance else 3)) - others)
    for o in result.options:
        cells = [wrap_id(o, id_room) if use_ids else _option_cell(case, o, lang)]
        for col in result.columns:
            if o in col.ranks:
                cells.append(f"#{col.ranks[o]}" if narrow else f"#{col.ranks[o]}  {col.scores[o]:.4f}")
            else:
                cells.append(Text(tr("se_out" if narrow else "se_screened_out", lang), style="dim"))
        if ignorance:
            pass
        elif o in result.expected_score:
            cells.append(f"#{result.expected_rank[o]}" if narrow else f"#{result.expected_rank[o]}  {result.expected_score[o]:.4f}")
        else:
            cells.append("—")
        cells.append(_worst_cell(result, o, short if narrow else None, lang))
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
    if getattr(result, "complete_ignorance", False):
        probs = "none given (complete ignorance: no expected score)"
    return _csv(header, rows, result) + comment_lines([f"scenario probabilities: {probs}"])
