"""Rich tables of cases and rankings, for the CLI and the UI (no printing here)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from negotiator.render.plain import PlainTable as Table
from rich.text import Text

from negotiator.render.bars import legend, objective_colours, stacked_bar
from negotiator.render.families import family_key, family_number
from negotiator.render.formats import provenance_lines
from negotiator.ranking.result import Ranking
from negotiator.render.termfit import Layout, id_text, key_caption, label_cell, lettered_bar, objective_keys
from negotiator.i18n import method_name, score_name, tr

__all__ = ["ranking_table", "screened_table", "objectives_table", "options_table", "profiles_table", "label_of", "examples_table"]


#: The seven-column options table is used from this width up; below it, the stacked form.
OPTIONS_NARROW = 160


def label_of(item, lang: str = "en") -> str:
    if lang == "zh" and getattr(item, "label_zh", None):
        return item.label_zh
    return item.label


def ranking_table(r: Ranking, lang: str = "en", bar_width: int = 28, layout: Layout | None = None, case=None) -> Table:
    """The ranked options with each objective's contribution drawn as a stacked bar.

    ``layout`` (the terminal's width and colour; None = wide and coloured): below
    NARROW columns the family moves under the label, the score column is headed
    "value" and the bar takes what is left; without colour the bar's cells are the
    objectives' key letters (AAABBC...), with the key in the caption, so it reads
    in plain text. ``case`` (optional) names the profile in the title by its label in ``lang``.
    """
    layout = layout or Layout()
    objectives = list(r.provenance.weights)
    colours = objective_colours(objectives)
    keys = objective_keys(objectives)
    top = max((row.score for row in r.rows), default=1.0) or 1.0
    has_bars = any(row.contributions for row in r.rows)
    narrow = layout.narrow
    title = tr("rank_title", lang, method=method_name(r.provenance.method, lang), profile=_profile_name(case, r.provenance.profile, lang))
    caption_lines = provenance_lines(r, short=True, lang=lang)
    key = family_key(case, [row.family for row in r.rows], lang) if case is not None else None
    if key:
        caption_lines = [key] + caption_lines
    if has_bars and layout.plain:
        names = {o: label_of(case.objectives[o], lang) for o in keys if o in case.objectives} if case is not None and lang != "en" else None
        caption_lines = [tr("bar_key", lang), key_caption(keys, names, width=(layout.width or 120) - 2)] + caption_lines
    caption: Text | str = "\n".join(caption_lines)
    if has_bars and narrow and not layout.plain:
        caption = legend(colours).append("\n" + "\n".join(caption_lines))
    table = Table(title=title, caption=caption, caption_justify="left", expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    families = _family_cells(case, r.rows)
    # The id line: 'policy_monitoring_early_warning · 4' (a family takes 4 more cells).
    id_width = max((len(row.option) + (3 + cell_len(families[row.option]) if families[row.option] else 0) for row in r.rows), default=8)
    if narrow:
        # Ids stay whole on their own line; labels wrap at word boundaries (Chinese by character).
        option_width = min(max(id_width, 24), (layout.width or 80) // 2)
        table.add_column(tr("col_option_id_family" if any(families.values()) else "option", lang), width=option_width, overflow="fold")
    else:
        table.add_column(tr("option", lang))
        table.add_column(tr("col_family", lang), justify="center", no_wrap=True)
    table.add_column(tr("col_value_short", lang) if narrow else score_name(r.score_name, lang), justify="right", no_wrap=True)
    if has_bars:
        if narrow:
            # 4 columns: 5 rules + 8 cells of padding; '#' 2 cells, value 6 cells.
            bar_width = max(8, (layout.width or 80) - 13 - 2 - 6 - option_width)
        if narrow:
            table.add_column(tr("col_contributions", lang), no_wrap=True, min_width=bar_width)
        else:  # wrappable: the legend row below the bars wraps instead of widening the column
            table.add_column(tr("col_contribution_wide", lang))
    for row in r.rows:
        label = row.label_zh if lang == "zh" and row.label_zh else row.label
        family = families[row.option]
        option = label_cell(label, row.option, f" · {family}" if narrow and family else "")
        cells = [str(row.rank), option] + ([] if narrow else [family]) + [f"{row.score:.4f}"]
        if has_bars:
            parts = row.contributions or {}
            cells.append(lettered_bar(parts, keys, top, bar_width) if layout.plain else stacked_bar(parts, colours, top, bar_width))
        table.add_row(*cells)
    if has_bars and not narrow and not layout.plain:
        table.add_section()
        table.add_row("", "", "", "", legend(colours))
    return table


def _family_cells(case, rows) -> dict[str, str]:
    """Each row's family as the table shows it: its number (render/families.py; the caption names
    it), or as written when no case is given."""
    if case is None:
        return {row.option: row.family or "" for row in rows}
    return {row.option: str(family_number(case, row.family) or "") for row in rows}


def _profile_name(case, pid: str | None, lang: str) -> str:
    """The profile as the title names it: its id in English (what --profile takes), its Chinese label in zh."""
    if case is None or pid is None or lang == "en":
        return str(pid)
    name = case.profile_label(pid, lang)
    return pid if name == pid else f"{name}（{pid}）"


def screened_table(r: Ranking, lang: str = "en", case=None) -> Table | None:
    """The options a red line screened out and why; with ``case`` the reason is worded in ``lang``
    from the structured breaches (objectives by their labels)."""
    if not r.screened_out:
        return None
    from negotiator.i18n import red_line_reason

    table = Table(title=tr("screened_title", lang), title_style="dim")
    table.add_column(tr("option", lang), style="dim")
    table.add_column(tr("col_red_line", lang), style="dim")
    for s in r.screened_out:
        label = s.label_zh if lang == "zh" and s.label_zh else s.label
        reason = red_line_reason(case, s.breaches, lang) if case is not None and s.breaches and lang != "en" else s.reason
        table.add_row(f"{label} ({s.option})", reason)
    return table


def objectives_table(case, lang: str = "en", width: int | None = None) -> Table:
    """``width``: the terminal width; below NARROW columns the label and id share a cell and
    the direction is one word, so nothing is cut or folded mid-word at 80 columns."""
    narrow = Layout(width).narrow
    table = Table(title=tr("objectives_title", lang))
    if narrow:
        table.add_column(tr("col_objective_id", lang), overflow="fold")
        table.add_column(tr("col_better", lang), no_wrap=True)
        table.add_column(tr("col_scale", lang), no_wrap=True)
        table.add_column(tr("col_source", lang))
    else:
        for col in ("col_id", "col_label", "col_direction", "col_scale", "col_source"):
            table.add_column(tr(col, lang))
    for oid, o in case.objectives.items():
        scale = f"[{o.scale[0]:g}, {o.scale[1]:g}]" if o.scale else tr("scale_from_data", lang)
        if narrow:
            cell = Text(label_of(o, lang) + "\n", style="bold").append_text(id_text(oid, style="dim"))
            table.add_row(cell, tr("better_more" if o.direction == "max" else "better_less", lang), scale, o.source or "")
        else:
            table.add_row(oid, label_of(o, lang), tr("dir_max" if o.direction == "max" else "dir_min", lang), scale, o.source or "")
    if narrow:
        table.caption = tr("better_caption", lang)
        table.caption_justify = "left"
    return table


def options_table(case, lang: str = "en", width: int | None = None) -> Table:
    """``width``: below OPTIONS_NARROW columns one cell per option (label, id, family, source, what
    it requires and excludes, one a line) and its resources one a line, so ids stay whole (the
    seven-column form needs about 180 columns for the bundled case)."""
    narrow = width is not None and width < OPTIONS_NARROW
    table = Table(title=tr("options_title", lang))
    families = {oid: str(family_number(case, o.family) or "") for oid, o in case.options.items()}
    key = family_key(case, [o.family for o in case.options.values()], lang)
    if key:
        table.caption, table.caption_justify = key, "left"
    if narrow:
        table.add_column(tr("col_option_narrow", lang), overflow="fold")
        table.add_column(tr("col_resources", lang), no_wrap=True)
        for oid, o in case.options.items():
            cell = Text(label_of(o, lang) + "\n", style="bold")
            cell.append(oid, style="dim")
            cell.append("".join(f" · {x}" for x in (families[oid], o.source) if x), style="dim")
            for verb, ids in (("requires", o.requires), ("excludes", o.excludes)):
                for other in ids:
                    cell.append("\n" + tr(verb, lang, other=other))
            table.add_row(cell, "\n".join(f"{_resource(case, k, lang)} {v:g}" for k, v in o.resources.items()))
        return table
    for col in ("col_id", "col_label", "col_family", "col_source", "col_resources", "col_requires", "col_excludes"):
        table.add_column(tr(col, lang))
    for oid, o in case.options.items():
        res = ", ".join(f"{_resource(case, k, lang)} {v:g}" for k, v in o.resources.items())
        table.add_row(oid, label_of(o, lang), families[oid], o.source or "", res, ", ".join(o.requires), ", ".join(o.excludes))
    return table


def _resource(case, resource: str, lang: str) -> str:
    """A resource as the options table names it: its id in English, its Chinese label in zh."""
    return case.resource_label(resource, lang) if lang == "zh" else resource


def _profile_heading(case, pid: str, kind: str, lang: str) -> str:
    """'low_risk (order)' in English; '低风险（low_risk，排序）' in Chinese (the id is what --profile takes)."""
    if lang == "en":
        return pid + ("" if kind == "numbers" else f" ({kind})")
    label = case.profile_label(pid, lang)
    inside = [pid] + ([] if kind == "numbers" else [tr(f"kind_{kind}", lang)])
    return f"{label}（{'，'.join(inside)}）" if label != pid else f"{pid}（{'，'.join(inside[1:])}）" if len(inside) > 1 else pid


def profiles_table(case, weights_by_profile: dict[str, dict[str, float]], width: int | None = None, lang: str = "en") -> Group | Table:
    """``width``: below NARROW columns the profiles are headed W1, W2, ... (named in the caption)
    and split over several tables when they do not fit, so no weight is cut."""
    from negotiator.case.scoring import profile_kind

    names = {pid: _profile_heading(case, pid, profile_kind(spec), lang) for pid, spec in case.weights.items()}
    pids = list(case.weights)
    # The named columns need their names' width (+3 each) beside the objective ids; else W1, W2, ...
    named_width = 1 + max((len(o) for o in case.objectives), default=9) + 3 + sum(max(len(names[p]), 5) + 3 for p in pids)
    if width is None or (not Layout(width).narrow and named_width <= width):
        table = Table(title=tr("profiles_title", lang))
        table.add_column(tr("objective", lang))
        for pid in pids:
            table.add_column(names[pid], justify="right")
        for obj in case.objectives:
            table.add_row(obj, *[f"{weights_by_profile[p][obj]:.3f}" for p in pids])
        return table
    keys = {pid: f"W{k}" for k, pid in enumerate(pids, 1)}
    id_width = max((len(o) for o in case.objectives), default=9)
    per_table = max(1, ((width or 80) - min(id_width, 26) - 5) // 8)
    tables = []
    for start in range(0, len(pids), per_table):
        chunk = pids[start:start + per_table]
        last = start + per_table >= len(pids)
        table = Table(title=tr("profiles_title", lang) + ("" if len(chunk) == len(pids) else f", {keys[chunk[0]]}–{keys[chunk[-1]]}"))
        table.add_column(tr("objective", lang))
        for pid in chunk:
            table.add_column(keys[pid], justify="right", no_wrap=True)
        for obj in case.objectives:
            table.add_row(id_text(obj), *[f"{weights_by_profile[p][obj]:.3f}" for p in chunk])
        if last:
            table.caption = "\n".join(f"{keys[p]} = {names[p]}" for p in pids)
            table.caption_justify = "left"
        tables.append(table)
    return Group(*tables)


def examples_table(rows: list[tuple[str, str]], lang: str = "en") -> Table:
    """The shipped example cases: (name, title) each, with how to name one on the command line."""
    table = Table(title=tr("ex_title", lang), caption=tr("ex_caption", lang), caption_justify="left")
    table.add_column(tr("ex_name", lang), no_wrap=True)
    table.add_column(tr("ex_case", lang))
    for name, title in rows:
        table.add_row(f"example:{name}", title)
    return table
