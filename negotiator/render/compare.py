"""How far the methods agree, as text: CSV, Markdown and rich tables (see ranking/compare.py)."""

from __future__ import annotations

import io

from negotiator.render.plain import PlainTable as Table
from rich.text import Text

from negotiator.i18n import case_name, tr
from negotiator.ranking.compare import MethodComparison
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer
from negotiator.render.termfit import Layout, wrap_id

__all__ = ["comparison_csv", "comparison_markdown", "comparison_tables", "provenance_lines"]

def provenance_lines(cmp: MethodComparison, short: bool = False, lang: str = "en") -> list[str]:
    """Where the comparison comes from; ``lang`` words it for the terminal (CSV keeps English)."""
    p = cmp.provenance
    sha = p["case_sha256"][:12] if short else p["case_sha256"]
    weights = ", ".join(f"{k}={v:.4f}" for k, v in p["weights"].items())
    opts = "; ".join(f"{m}: " + ", ".join(f"{k}={v}" for k, v in o.items()) for m, o in p["method_options"].items() if o)
    return [
        tr("prov_case", lang, case=case_name(p["case"], lang), sha=sha),
        tr("cm_methods", lang, methods=", ".join(cmp.methods)) + tr("prov_profile", lang, profile=p["profile"] or tr("cm_equal", lang)) + tr("prov_version", lang, version=p["version"])
        + (tr("prov_scenario", lang, scenario=p["scenario"]) if p["scenario"] else "") + (tr("cm_options", lang, opts=opts) if opts else ""),
        tr("prov_weights", lang, weights=weights),
        tr("cm_ranks_note", lang),
    ]


def _tau_text(t: float | None, lang: str = "en") -> str:
    if t is None:
            return tr("cm_na", lang)
    return f"{t:+.3f}"


def comparison_csv(cmp: MethodComparison) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["option", "label"] + [f"rank:{m}" for m in cmp.methods] + [f"score:{m}" for m in cmp.methods])
    for o in cmp.options:
        w.writerow([o, cmp.labels[o]] + [cmp.ranks[m][o] for m in cmp.methods] + [f"{cmp.scores[m][o]:.12g}" for m in cmp.methods])
    tail = [f"kendall tau-b {a} vs {b}: {_tau_text(t)}" for (a, b), t in cmp.tau.items()]
    return buf.getvalue() + comment_lines(provenance_lines(cmp) + tail)


def comparison_markdown(cmp: MethodComparison, lang: str = "en") -> str:
    """Ranks side by side and Kendall tau-b between methods as Markdown; ``lang`` words headers and labels."""
    head = f"| {tr('md_option', lang)} | " + " | ".join(cmp.methods) + f" | {tr('md_spread', lang)} |"
    lines = [head, "|---|" + "---:|" * (len(cmp.methods) + 1)]
    for o in cmp.options:
        r = [cmp.ranks[m][o] for m in cmp.methods]
        label = cmp.labels_zh.get(o) if lang == "zh" and cmp.labels_zh.get(o) else cmp.labels[o]
        lines.append(f"| {label} (`{o}`) | " + " | ".join(str(x) for x in r) + f" | {max(r) - min(r)} |")
    lines += ["", f"| {tr('md_tau', lang)} | " + " | ".join(cmp.methods) + " |", "|---|" + "---:|" * len(cmp.methods)]
    for a in cmp.methods:
        lines.append(f"| {a} | " + " | ".join(_tau_cell(cmp, a, b, lang) for b in cmp.methods) + " |")
    lines += [""] + [f"> {line}  " for line in provenance_lines(cmp, lang=lang)]
    return "\n".join(lines) + "\n"


def _tau_cell(cmp: MethodComparison, a: str, b: str, lang: str = "en") -> str:
    if a == b:
        return "1"
    t = cmp.tau.get((a, b), cmp.tau.get((b, a)))
    return _tau_text(t, lang)


def comparison_tables(cmp: MethodComparison, lang: str = "en", width: int | None = None) -> list:
    """Rich tables: ranks side by side, Kendall tau between methods, biggest movers.

    ``width``: the terminal width; below termfit.NARROW columns options are shown by id (cut
    with an ellipsis, never folded) and the rank columns are headed by 4-letter abbreviations
    (named in the caption), so the table fits 80 columns.
    """
    from negotiator.render.plain import PlainTable as Table
    from rich.text import Text

    from negotiator.render.termfit import Layout, wrap_id
    narrow = Layout(width).narrow
    short = {m: m[:4] for m in cmp.methods} if narrow and len({m[:4] for m in cmp.methods}) == len(cmp.methods) else {m: m for m in cmp.methods}
    caption = "\n".join(provenance_lines(cmp, short=True, lang=lang))
    if any(k != m for m, k in short.items()):
        caption = tr("cm_columns", lang, columns=", ".join(f"{k} = {m}" for m, k in short.items())) + "\n" + caption
    ranks = Table(title=tr("cm_title", lang, profile=cmp.provenance["profile"] or tr("cm_equal", lang)), caption=caption, caption_justify="left")
    ranks.add_column(tr("option", lang))
    # Narrow: what the rank columns leave (each: its header + 2 padding + 1 rule) for the ids.
    id_room = max(12, (width or 80) - 1 - 3 - sum(len(short[m]) + 3 for m in cmp.methods) - 9) if narrow else None
    for m in cmp.methods:
        ranks.add_column(short[m], justify="right", no_wrap=True)
    ranks.add_column(tr("cm_spread", lang), justify="right", no_wrap=True)
    for o in cmp.options:
        label = cmp.labels_zh.get(o) if lang == "zh" and cmp.labels_zh.get(o) else cmp.labels[o]
        r = [cmp.ranks[m][o] for m in cmp.methods]
        spread = max(r) - min(r)
        name = wrap_id(o, id_room) if narrow else Text(f"{label} ({o})")
        ranks.add_row(name, *[str(x) for x in r], str(spread) if spread else "")
    scale = tr("cm_scale", lang)
    tau = Table(title=tr("cm_tau_title", lang) if narrow else tr("cm_tau_title_long", lang, scale=scale), caption=tr("cm_tau_caption", lang, scale=scale) if narrow else None, caption_justify="left")
    tau.add_column("")
    for m in cmp.methods:
        tau.add_column(m, justify="right")
    for a in cmp.methods:
        tau.add_row(a, *[_tau_cell(cmp, a, b, lang) for b in cmp.methods])
    out = [ranks, tau]
    if cmp.movers:
        movers = Table(title=tr("cm_movers_title", lang))
        for col in ("option", "cm_best" if narrow else "cm_best_rank", "cm_under", "cm_worst" if narrow else "cm_worst_rank", "cm_under"):
            movers.add_column(tr(col, lang))
        for mv in cmp.movers:
            label = cmp.labels_zh.get(mv.option) if lang == "zh" and cmp.labels_zh.get(mv.option) else mv.label
            movers.add_row(wrap_id(mv.option, 24) if narrow else Text(f"{label} ({mv.option})"), str(mv.best_rank), ", ".join(mv.best_under), str(mv.worst_rank), ", ".join(mv.worst_under))
        out.append(movers)
    return out
