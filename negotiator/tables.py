"""Rich tables of cases and rankings, for the CLI and the UI (no printing here)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .charts import legend, objective_colours, stacked_bar
from .formats import provenance_lines
from .ranking import Ranking

__all__ = ["ranking_table", "screened_table", "objectives_table", "options_table", "profiles_table", "label_of"]


def label_of(item, lang: str = "en") -> str:
    if lang == "zh" and getattr(item, "label_zh", None):
        return item.label_zh
    return item.label


def ranking_table(r: Ranking, lang: str = "en", bar_width: int = 28) -> Table:
    objectives = list(r.provenance.weights)
    colours = objective_colours(objectives)
    top = max((row.score for row in r.rows), default=1.0) or 1.0
    table = Table(title=f"Ranking — {r.provenance.method}, profile {r.provenance.profile}", caption="\n".join(provenance_lines(r, short=True)), caption_justify="left", expand=False)
    table.add_column("#", justify="right")
    table.add_column("option")
    table.add_column("family", justify="center")
    table.add_column(r.score_name, justify="right")
    has_bars = any(row.contributions for row in r.rows)
    if has_bars:
        table.add_column("contribution of each objective")
    for row in r.rows:
        label = row.label_zh if lang == "zh" and row.label_zh else row.label
        cells = [str(row.rank), Text(f"{label}\n", style="bold").append(row.option, style="dim"), row.family or "", f"{row.score:.4f}"]
        if has_bars:
            cells.append(stacked_bar(row.contributions or {}, colours, top, bar_width))
        table.add_row(*cells)
    if has_bars:
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


def objectives_table(case, lang: str = "en") -> Table:
    table = Table(title="Objectives")
    for col in ("id", "label", "direction", "scale", "source"):
        table.add_column(col)
    for oid, o in case.objectives.items():
        scale = f"[{o.scale[0]:g}, {o.scale[1]:g}]" if o.scale else "from the data"
        table.add_row(oid, label_of(o, lang), "more is better" if o.direction == "max" else "less is better", scale, o.source or "")
    return table


def options_table(case, lang: str = "en") -> Table:
    table = Table(title="Options")
    for col in ("id", "label", "family", "source", "resources", "requires", "excludes"):
        table.add_column(col)
    for oid, o in case.options.items():
        res = ", ".join(f"{k} {v:g}" for k, v in o.resources.items())
        table.add_row(oid, label_of(o, lang), o.family or "", o.source or "", res, ", ".join(o.requires), ", ".join(o.excludes))
    return table


def profiles_table(case, weights_by_profile: dict[str, dict[str, float]]) -> Table:
    table = Table(title="Weight profiles (normalised)")
    table.add_column("objective")
    from .schema_methods import profile_kind

    for pid, spec in case.weights.items():
        kind = profile_kind(spec)
        table.add_column(pid + ("" if kind == "numbers" else f" ({kind})"), justify="right")
    for obj in case.objectives:
        table.add_row(obj, *[f"{weights_by_profile[p][obj]:.3f}" for p in case.weights])
    return table
