"""Rich tables of cases and rankings, for the CLI and the UI (no printing here)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text

from .charts import legend, objective_colours, stacked_bar
from .formats import provenance_lines
from .ranking import Ranking
from .termfit import Layout, id_text, key_caption, label_cell, lettered_bar, objective_keys

__all__ = ["ranking_table", "screened_table", "objectives_table", "options_table", "profiles_table", "label_of"]


#: The seven-column options table is used from this width up; below it, the stacked form.
OPTIONS_NARROW = 160


def label_of(item, lang: str = "en") -> str:
    if lang == "zh" and getattr(item, "label_zh", None):
        return item.label_zh
    return item.label


def ranking_table(r: Ranking, lang: str = "en", bar_width: int = 28, layout: Layout | None = None) -> Table:
    """The ranked options with each objective's contribution drawn as a stacked bar.

    ``layout`` (the terminal's width and colour; None = wide and coloured): below
    NARROW columns the family moves under the label, the score column is headed
    "value" and the bar takes what is left; without colour the bar's cells are the
    objectives' key letters (AAABBC...), with the key in the caption, so it reads
    in plain text.
    """
    layout = layout or Layout()
    objectives = list(r.provenance.weights)
    colours = objective_colours(objectives)
    keys = objective_keys(objectives)
    top = max((row.score for row in r.rows), default=1.0) or 1.0
    has_bars = any(row.contributions for row in r.rows)
    narrow = layout.narrow
    title = f"Ranking — {r.provenance.method}, profile {r.provenance.profile}"
    caption_lines = provenance_lines(r, short=True)
    if has_bars and layout.plain:
        caption_lines = ["bar: each objective's contribution to the value, by key letter:", key_caption(keys, width=(layout.width or 120) - 2)] + caption_lines
    caption: Text | str = "\n".join(caption_lines)
    if has_bars and narrow and not layout.plain:
        caption = legend(colours).append("\n" + "\n".join(caption_lines))
    table = Table(title=title, caption=caption, caption_justify="left", expand=False)
    table.add_column("#", justify="right", no_wrap=True)
    # The id line: 'policy_monitoring_early_warning · 四' (a family takes 4 more cells).
    id_width = max((len(row.option) + (3 + cell_len(row.family) if row.family else 0) for row in r.rows), default=8)
    if narrow:
        # Ids stay whole on their own line; labels wrap at word boundaries (Chinese by character).
        option_width = min(max(id_width, 24), (layout.width or 80) // 2)
        table.add_column("option", width=option_width, overflow="fold")
    else:
        table.add_column("option")
        table.add_column("family", justify="center", no_wrap=True)
    table.add_column("value" if narrow else r.score_name, justify="right", no_wrap=True)
    if has_bars:
        if narrow:
            # 4 columns: 5 rules + 8 cells of padding; '#' 2 cells, value 6 cells.
            bar_width = max(8, (layout.width or 80) - 13 - 2 - 6 - option_width)
        if narrow:
            table.add_column("contributions", no_wrap=True, min_width=bar_width)
        else:  # wrappable: the legend row below the bars wraps instead of widening the column
            table.add_column("contribution of each objective")
    for row in r.rows:
        label = row.label_zh if lang == "zh" and row.label_zh else row.label
        option = label_cell(label, row.option, f" · {row.family}" if narrow and row.family else "")
        cells = [str(row.rank), option] + ([] if narrow else [row.family or ""]) + [f"{row.score:.4f}"]
        if has_bars:
            parts = row.contributions or {}
            cells.append(lettered_bar(parts, keys, top, bar_width) if layout.plain else stacked_bar(parts, colours, top, bar_width))
        table.add_row(*cells)
    if has_bars and not narrow and not layout.plain:
        table.add_section()
        table.add_row("", "", "", "", legend(colours))
    return table


def screened_table(r: Ranking, lang: str = "en") -> Table | None:
    if not r.screened_out:
        return None
    table = Table(title="Screened out by red lines", title_style="dim")
    table.add_column("option", style="dim")
    table.add_column("red line broken", style="dim")
    for s in r.screened_out:
        label = s.label_zh if lang == "zh" and s.label_zh else s.label
        table.add_row(f"{label} ({s.option})", s.reason)
    return table


def objectives_table(case, lang: str = "en", width: int | None = None) -> Table:
    """``width``: the terminal width; below NARROW columns the label and id share a cell and
    the direction is one word, so nothing is cut or folded mid-word at 80 columns."""
    narrow = Layout(width).narrow
    table = Table(title="Objectives")
    if narrow:
        table.add_column("objective (id)", overflow="fold")
        table.add_column("better", no_wrap=True)
        table.add_column("scale", no_wrap=True)
        table.add_column("source")
    else:
        for col in ("id", "label", "direction", "scale", "source"):
            table.add_column(col)
    for oid, o in case.objectives.items():
        scale = f"[{o.scale[0]:g}, {o.scale[1]:g}]" if o.scale else "from the data"
        if narrow:
            cell = Text(label_of(o, lang) + "\n", style="bold").append_text(id_text(oid, style="dim"))
            table.add_row(cell, "more" if o.direction == "max" else "less", scale, o.source or "")
        else:
            table.add_row(oid, label_of(o, lang), "more is better" if o.direction == "max" else "less is better", scale, o.source or "")
    if narrow:
        table.caption = "better: more or less of the objective is better"
        table.caption_justify = "left"
    return table


def options_table(case, lang: str = "en", width: int | None = None) -> Table:
    """``width``: below OPTIONS_NARROW columns one cell per option (label, id, family, source, what
    it requires and excludes, one a line) and its resources one a line, so ids stay whole (the
    seven-column form needs about 180 columns for the bundled case)."""
    narrow = width is not None and width < OPTIONS_NARROW
    table = Table(title="Options")
    if narrow:
        table.add_column("option (id · family · source; requires, excludes)", overflow="fold")
        table.add_column("resources", no_wrap=True)
        for oid, o in case.options.items():
            cell = Text(label_of(o, lang) + "\n", style="bold")
            cell.append(oid, style="dim")
            cell.append("".join(f" · {x}" for x in (o.family, o.source) if x), style="dim")
            for verb, ids in (("requires", o.requires), ("excludes", o.excludes)):
                for other in ids:
                    cell.append(f"\n{verb} {other}")
            table.add_row(cell, "\n".join(f"{k} {v:g}" for k, v in o.resources.items()))
        return table
    for col in ("id", "label", "family", "source", "resources", "requires", "excludes"):
        table.add_column(col)
    for oid, o in case.options.items():
        res = ", ".join(f"{k} {v:g}" for k, v in o.resources.items())
        table.add_row(oid, label_of(o, lang), o.family or "", o.source or "", res, ", ".join(o.requires), ", ".join(o.excludes))
    return table


def profiles_table(case, weights_by_profile: dict[str, dict[str, float]], width: int | None = None) -> Group | Table:
    """``width``: below NARROW columns the profiles are headed W1, W2, ... (named in the caption)
    and split over several tables when they do not fit, so no weight is cut."""
    from .schema_methods import profile_kind

    names = {pid: pid + ("" if (kind := profile_kind(spec)) == "numbers" else f" ({kind})") for pid, spec in case.weights.items()}
    pids = list(case.weights)
    # The named columns need their names' width (+3 each) beside the objective ids; else W1, W2, ...
    named_width = 1 + max((len(o) for o in case.objectives), default=9) + 3 + sum(max(len(names[p]), 5) + 3 for p in pids)
    if width is None or (not Layout(width).narrow and named_width <= width):
        table = Table(title="Weight profiles (normalised)")
        table.add_column("objective")
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
        table = Table(title="Weight profiles (normalised)" + ("" if len(chunk) == len(pids) else f", {keys[chunk[0]]}–{keys[chunk[-1]]}"))
        table.add_column("objective")
        for pid in chunk:
            table.add_column(keys[pid], justify="right", no_wrap=True)
        for obj in case.objectives:
            table.add_row(id_text(obj), *[f"{weights_by_profile[p][obj]:.3f}" for p in chunk])
        if last:
            table.caption = "\n".join(f"{keys[p]} = {names[p]}" for p in pids)
            table.caption_justify = "left"
        tables.append(table)
    return Group(*tables)
