"""Plain-text forms of a ranking for scripts and documents: CSV and Markdown.

(JSON is Ranking.to_dict.) Every form carries the provenance lines.
"""

from __future__ import annotations

import io

from negotiator.ranking.result import Ranking
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer

__all__ = ["provenance_lines", "ranking_csv", "ranking_markdown"]


def provenance_lines(r: Ranking, short: bool = False, lang: str = "en") -> list[str]:
    """The ranking's provenance; ``lang`` words it for the terminal (CSV and Markdown keep English)."""
    from negotiator.i18n import case_name, tr

    p = r.provenance
    sha = p.case_sha256[:12] if short else p.case_sha256
    weights = ", ".join(f"{k}={v:.4f}" for k, v in p.weights.items())
    options = "".join(f" {k}={v}" for k, v in getattr(p, "method_options", {}).items())
    lines = [
        tr("prov_case", lang, case=case_name(p.case, lang), sha=sha),
        tr("prov_method", lang, method=p.method) + options + tr("prov_profile", lang, profile=p.profile) + tr("prov_version", lang, version=p.version)
        + (tr("prov_scenario", lang, scenario=p.scenario) if p.scenario else "") + (tr("prov_seed", lang, seed=p.seed) if p.seed is not None else ""),
        tr("prov_weights", lang, weights=weights),
        tr("judgment", lang),
    ]
    return lines


def _objectives(r: Ranking) -> list[str]:
    return list(r.provenance.weights)


def ranking_csv(r: Ranking) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    objs = _objectives(r)
    has_contrib = any(row.contributions for row in r.rows)
    w.writerow(["rank", "option", "label", "label_zh", "family", "score"] + ([f"contribution:{o}" for o in objs] if has_contrib else []) + ["screened_out_reason"])
    for row in r.rows:
        contrib = [f"{row.contributions[o]:.12g}" for o in objs] if has_contrib and row.contributions else []
        w.writerow([row.rank, row.option, row.label, row.label_zh or "", row.family or "", f"{row.score:.12g}"] + contrib + [""])
    for s in r.screened_out:
        w.writerow(["", s.option, s.label, s.label_zh or "", "", ""] + ([""] * len(objs) if has_contrib else []) + [s.reason])
    # Provenance as comment lines (pandas: read_csv(..., comment="#")).
    return buf.getvalue() + comment_lines(provenance_lines(r))


def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def ranking_markdown(r: Ranking, top_contributions: int = 3, lang: str = "en", case=None) -> str:
    """The ranking as a Markdown table with its provenance as a quote; ``lang`` words headers, labels and
    (with ``case``) the red-line reasons; ids stay as the user types them."""
    from negotiator.i18n import red_line_reason, tr
    from negotiator.render.families import family_key, family_number

    zh = lang == "zh"
    head = [tr(k, lang) for k in ("md_rank", "md_option", "md_label", "md_family", "md_score", "md_contributions")]
    lines = ["| " + " | ".join(head) + " |", "|---:|---|---|---:|---:|---|"]
    for row in r.rows:
        parts = ""
        if row.contributions:
            best = sorted(row.contributions.items(), key=lambda kv: -kv[1])[:top_contributions]
            parts = ", ".join(f"{k} {v:.3f}" for k, v in best)
        shown = row.label_zh if zh and row.label_zh else row.label
        family = (str(family_number(case, row.family) or "") if case is not None else row.family) or ""
        lines.append(f"| {row.rank} | `{row.option}` | {_md_escape(shown)} | {_md_escape(family)} | {row.score:.4f} | {parts} |")
    key = family_key(case, [row.family for row in r.rows], lang) if case is not None else None
    if key:
        lines += ["", _md_escape(key)]
    if r.screened_out:
        lines += ["", f"**{tr('screened_title', lang)}**", ""]
        for s in r.screened_out:
            shown = s.label_zh if zh and s.label_zh else s.label
            reason = red_line_reason(case, s.breaches, lang) if case is not None and s.breaches and lang != "en" else s.reason
            lines.append(f"- `{s.option}` {_md_escape(shown)}{'：' if zh else ': '}{_md_escape(reason)}")
    lines += [""] + [f"> {line}  " for line in provenance_lines(r, lang=lang)]
    return "\n".join(lines) + "\n"
