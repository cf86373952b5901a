"""The score matrix (score_matrix.ScoreMatrix) as text: rich tables, CSV, Markdown.

Layout at the terminal: options are rows (case order, numbered, label over
id); objectives are columns headed by a short name, an arrow (↑ higher is
better, ↓ lower is better) and the scale. Eleven objectives do not fit 80
columns side by side, so the objectives are split over as many tables as the
width needs (each repeats the option column); the caption maps each short
name to its objective id and full label.

The CSV holds numbers only in score columns: ``low:<objective>``,
``likely:<objective>``, ``high:<objective>`` (a point has all three equal),
so a spreadsheet can sort and filter them. No column is named by a bare
objective id, so ``negotiator import`` refuses this file instead of reading
only the likely scores and dropping the ranges.
"""

from __future__ import annotations

import io
import unicodedata

from negotiator.model.score_matrix import ObjectiveColumn, OptionRow, ScoreMatrix
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer

__all__ = [
    "short_names",
    "score_matrix_tables",
    "score_matrix_csv",
    "score_matrix_markdown",
    "rationale_table",
    "rationale_csv",
    "rationale_markdown",
    "rationale_dict",
    "objective_legend",
]

OPTION_COLUMN = 26  # label cells are cut to this many terminal cells when objectives need the room
WIDE_OPTION_COLUMN = 60  # ... and to this many on a terminal wide enough for one table
SHORT_NAME = 13  # longest short objective name (terminal cells)


def _cells(text: str) -> int:
    """Terminal width of text (a Chinese character takes two cells)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _cut(text: str, width: int) -> str:
    """Text cut to ``width`` terminal cells, an ellipsis marking the cut."""
    if _cells(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        if used + _cells(ch) > width - 1:
            break
        out += ch
        used += _cells(ch)
    return out + "…"


def _label(item, lang: str) -> str:
    return item.label_zh if lang == "zh" and item.label_zh else item.label


def _arrow(o: ObjectiveColumn) -> str:
    return "↑" if o.direction == "max" else "↓"


def _scale(o: ObjectiveColumn, lang: str = "en") -> str:
    if not o.scale:
        return ""  # no declared scale: the values run over the data
    lo, hi = o.scale
    return f"{lo:g}{' to ' if lang == 'en' else ' 至 '}{hi:g}" if lo < 0 or hi < 0 else f"{lo:g}-{hi:g}"


def _terminal_provenance(m: ScoreMatrix, lang: str) -> list[str]:
    """ScoreMatrix.provenance_lines(short=True) worded in ``lang`` (CSV and Markdown keep English)."""
    from negotiator.i18n import case_name, tr

    return [tr("show_case", lang, case=case_name(m.case, lang), sha=m.case_sha256[:12]) + tr("prov_version", lang, version=m.version), tr("judgment_edit", lang)]


def _markdown_provenance(m: ScoreMatrix, lang: str) -> list[str]:
    """The provenance of a Markdown form: the core's English lines, or worded in ``lang`` (full sha256)."""
    from negotiator.i18n import case_name, tr

    if lang == "en":
        return m.provenance_lines()
    return [tr("show_case", lang, case=case_name(m.case, lang), sha=m.case_sha256) + tr("prov_version", lang, version=m.version), tr("judgment_edit", lang)]


def _plain(x: float) -> int | float:
    """4.0 as 4 in CSV (a spreadsheet shows the same number either way; people read 4 faster)."""
    return int(x) if float(x).is_integer() else x


def _better_words(o: ObjectiveColumn, lang: str) -> str:
    if lang == "zh":
        from negotiator.i18n import tr

        return tr("better_higher" if o.direction == "max" else "better_lower", lang)
    return f"{o.better} is better"


def short_names(objectives: tuple[ObjectiveColumn, ...], lang: str = "en") -> dict[str, str]:
    """A column heading per objective, unique and at most SHORT_NAME cells wide.

    English: the objective id up to its first underscore (``sovereignty_jurisdiction`` ->
    ``sovereignty``), longer where two would read the same. Chinese: the first
    characters of label_zh. The caption maps each back to the full label.
    """
    out: dict[str, str] = {}
    for o in objectives:
        if lang == "zh" and o.label_zh:
            candidates = [_cut(o.label_zh, 9), _cut(o.label_zh, SHORT_NAME), o.id]
        else:
            parts = o.id.split("_")
            candidates = ["_".join(parts[: k + 1]) for k in range(len(parts))]
        name = next((c for c in candidates if _cells(c) <= SHORT_NAME and c not in out.values()), None)
        if name is None:
            name = _cut(candidates[-1], SHORT_NAME)
            base, n = name, 2
            while name in out.values():
                name = f"{_cut(base, SHORT_NAME - 2)}{n}"
                n += 1
        out[o.id] = name
    return out


def objective_legend(m: ScoreMatrix, lang: str = "en", words: bool = True) -> list[str]:
    """One line per objective: ``short = id: full label (↑ higher is better, scale 0-10)``.

    ``words=False`` keeps only the arrow (the terminal legend explains arrows once, and
    the header shows the scale), so each line fits 80 columns.
    """
    names = short_names(m.objectives, lang)
    lines = []
    for o in m.objectives:
        head = names[o.id] if names[o.id] == o.id else f"{names[o.id]} = {o.id}"
        from negotiator.i18n import tr

        scale = tr("scale_of", lang, scale=_scale(o, lang)) if o.scale else tr("no_fixed_scale", lang)
        tail = f" ({_arrow(o)} {_better_words(o, lang)}, {scale})" if words else f" {_arrow(o)}"
        lines.append(f"{head}: {_label(o, lang)}{tail}")
    return lines


def _option_cell(n: int, row: OptionRow, lang: str, with_id: bool, width: int):
    from rich.text import Text

    cell = Text(f"{n}. {_cut(_label(row, lang), width - 4)}", style="bold" if with_id else "")
    if with_id:
        cell.append(f"\n   {_cut(row.id, width - 3)}", style="dim")
    return cell


def _layout(m: ScoreMatrix, names: dict[str, str], width: int, lang: str) -> tuple[int, list[list[int]]]:
    """(option column width, objective indexes per table) so each table fits ``width`` cells.

    When every objective fits beside a standard option column, the option column takes
    the room left (up to WIDE_OPTION_COLUMN) so labels and ids show in full.
    """
    needs = [max([_cells(names[o.id]), _cells(f"{_arrow(o)} {_scale(o, lang)}".rstrip())] + [_cells(r.cells[j].compact) for r in m.rows]) + 3 for j, o in enumerate(m.objectives)]
    longest = max((max(_cells(_label(r, lang)) + 4, _cells(r.id) + 3) for r in m.rows), default=10)
    option_width = min(max(longest, 10), OPTION_COLUMN)
    fixed = 3 + 1  # the option column's padding and left border, the right border
    if option_width + fixed + sum(needs) <= width:
        return min(longest, WIDE_OPTION_COLUMN, width - fixed - sum(needs)), [list(range(len(needs)))]
    room = width - option_width - fixed
    groups: list[list[int]] = [[]]
    used = 0
    for j, need in enumerate(needs):
        if groups[-1] and used + need > room:
            groups.append([])
            used = 0
        groups[-1].append(j)
        used += need
    return option_width, groups


def score_matrix_tables(m: ScoreMatrix, lang: str = "en", width: int = 80) -> list:
    """Rich renderables: the matrix, objectives split into as many tables as ``width`` needs, then the legend.

    The first table shows each option's id under its label; the others repeat
    only the number and label, to keep the matrix short.
    """
    from negotiator.render.plain import PlainTable as Table
    from rich.text import Text

    from negotiator.i18n import tr

    names = short_names(m.objectives, lang)
    option_width, groups = _layout(m, names, width, lang)
    title = (m.title_zh if lang == "zh" and m.title_zh else m.title) or m.case
    out: list = []
    for k, group in enumerate(groups):
        part = f" ({k + 1}/{len(groups)})" if len(groups) > 1 else ""
        table = Table(title=tr("scores_title", lang, part=part, title=title), title_justify="left")
        table.add_column(tr("option", lang) if k == 0 else tr("col_option_ids_first", lang), no_wrap=True, max_width=option_width)
        for j in group:
            o = m.objectives[j]
            table.add_column(f"{names[o.id]}\n{_arrow(o)} {_scale(o, lang)}".rstrip(), justify="right", no_wrap=True)
        for n, row in enumerate(m.rows, start=1):
            table.add_row(_option_cell(n, row, lang, k == 0, option_width), *[row.cells[j].compact for j in group])
        out.append(table)
    legend = [tr("scores_cells", lang)]
    legend += objective_legend(m, lang, words=False) + _terminal_provenance(m, lang)
    out.append(Text("\n".join(legend)))
    return out


def _csv_header(m: ScoreMatrix) -> list[str]:
    head = ["option", "label", "label_zh", "family"]
    for o in m.objectives:
        head += [f"low:{o.id}", f"likely:{o.id}", f"high:{o.id}"]
    return head


def score_matrix_csv(m: ScoreMatrix) -> str:
    """One row per option: low, likely and high score per objective (numbers), then provenance lines."""
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(_csv_header(m))
    for row in m.rows:
        cells: list = [row.id, row.label, row.label_zh or "", row.family or ""]
        for c in row.cells:
            cells += [_plain(c.low), _plain(c.likely), _plain(c.high)]
        w.writerow(cells)
    legend = [f"{o.id}: {o.label}; {o.better} is better; scale {_scale(o)}" if o.scale else f"{o.id}: {o.label}; {o.better} is better; no fixed scale" for o in m.objectives]
    return buf.getvalue() + comment_lines(m.provenance_lines() + legend)


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def score_matrix_markdown(m: ScoreMatrix, lang: str = "en") -> str:
    names = short_names(m.objectives, lang)
    from negotiator.i18n import tr

    head = ["#", tr("md_option", lang), tr("md_id", lang)] + [f"{_md(names[o.id])} {_arrow(o)}" for o in m.objectives]
    lines = ["| " + " | ".join(head) + " |", "|" + "---:|---|---|" + "---:|" * len(m.objectives)]
    for n, row in enumerate(m.rows, start=1):
        lines.append("| " + " | ".join([str(n), _md(_label(row, lang)), f"`{row.id}`"] + [_md(c.compact) for c in row.cells]) + " |")
    lines += ["", tr("md_cells", lang), ""]
    lines += [f"- {_md(line)}" for line in objective_legend(m, lang)]
    lines += [""] + [f"> {_md(line)}  " for line in _markdown_provenance(m, lang)]
    return "\n".join(lines) + "\n"


# -- one option's rationales ----------------------------------------------------------


def rationale_dict(m: ScoreMatrix, option: str) -> dict:
    row = m.row(option)
    return {
        "case": m.case,
        "case_sha256": m.case_sha256,
        "version": m.version,
        "note": m.note,
        "option": {"id": row.id, "label": row.label, "label_zh": row.label_zh, "family": row.family, "rationale": row.rationale},
        "scores": [{"objective": o.id, "label": o.label, "label_zh": o.label_zh, "direction": o.direction, **c.to_dict()} for o, c in zip(m.objectives, row.cells)],
    }


def rationale_table(m: ScoreMatrix, option: str, lang: str = "en"):
    from negotiator.render.plain import PlainTable as Table

    from negotiator.i18n import tr

    row = m.row(option)
    caption = "\n".join(([tr("why_option", lang, rationale=row.rationale)] if row.rationale else []) + _terminal_provenance(m, lang))
    table = Table(title=tr("rationale_title", lang, option=_label(row, lang), id=row.id), caption=caption, caption_justify="left")
    table.add_column(tr("objective", lang), max_width=24)
    table.add_column(tr("col_criterion_score", lang), justify="right", no_wrap=True)
    # fold, not ellipsis: a rationale is read whole (rich cuts some CJK-bearing lines short otherwise)
    table.add_column(tr("col_rationale", lang), overflow="fold")
    for o, c in zip(m.objectives, row.cells):
        table.add_row(f"{_label(o, lang)} {_arrow(o)}", c.compact, c.rationale or tr("none_given", lang))
    return table


def rationale_csv(m: ScoreMatrix, option: str) -> str:
    row = m.row(option)
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["option", "objective", "label", "label_zh", "direction", "low", "likely", "high", "rationale"])
    for o, c in zip(m.objectives, row.cells):
        w.writerow([row.id, o.id, o.label, o.label_zh or "", o.direction, _plain(c.low), _plain(c.likely), _plain(c.high), c.rationale or ""])
    extra = [f"option {row.id}: {row.label}"] + ([f"why this option: {row.rationale}"] if row.rationale else [])
    return buf.getvalue() + comment_lines(m.provenance_lines() + extra)


def rationale_markdown(m: ScoreMatrix, option: str, lang: str = "en") -> str:
    row = m.row(option)
    from negotiator.i18n import tr

    lines = [f"**{_md(_label(row, lang))}** (`{row.id}`)", ""]
    if row.rationale:
        lines += [tr("md_why_option", lang, rationale=_md(row.rationale)), ""]
    lines += [f"| {tr('md_objective', lang)} | {tr('md_score', lang)} | {tr('md_rationale', lang)} |", "|---|---:|---|"]
    lines += [f"| {_md(_label(o, lang))} {_arrow(o)} | {_md(c.compact)} | {_md(c.rationale or tr('md_none_given', lang))} |" for o, c in zip(m.objectives, row.cells)]
    lines += [""] + [f"> {_md(line)}  " for line in _markdown_provenance(m, lang)]
    return "\n".join(lines) + "\n"
