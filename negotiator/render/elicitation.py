"""Weight elicitation as text: AHP profiles (`negotiator ahp`) and pooled analysts (`negotiator analysts`).

The numbers come from model/elicitation.py and ranking/analysts.py; this module only lays
them out, in the language asked for. Nothing is printed here.
"""

from __future__ import annotations

import io
import math

from negotiator.render.plain import escape_markup as escape
from negotiator.render.plain import PlainTable as Table

from negotiator._version import __version__
from negotiator.i18n import case_name, tr
from negotiator.model.elicitation import CR_LIMIT, AhpProfileView
from negotiator.ranking.analysts import GroupView
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer

__all__ = ["ahp_json", "ahp_csv", "ahp_tables", "analysts_header", "analysts_tables"]


def ahp_json(loaded, views: dict[str, AhpProfileView]) -> dict:
    return {
        "case": loaded.name, "case_sha256": loaded.sha256, "version": __version__, "cr_limit": CR_LIMIT,
        "profiles": {
            pid: {
                "priorities": v.result.priorities,
                "weights": v.result.weights, "lambda_max": v.result.lambda_max, "ci": v.result.ci, "ri": v.result.ri, "cr": v.result.cr,
                "consistent": v.result.consistent,
                "filled": [{"a": a, "b": b, "value": x} for a, b, x in v.result.filled],
                "least_consistent": [{"a": a, "b": b, "judged": x, "implied": imp} for a, b, x, imp in v.result.worst],
                "notes": list(v.result.notes),
            }
            for pid, v in views.items()
        },
    }


def ahp_csv(loaded, views: dict[str, AhpProfileView]) -> str:
    """One row per profile and objective: its weight and its judged row of the pairwise matrix.

    A cell the analyst left out is empty (the table shows the filled-in value in brackets);
    CI and CR follow as comment lines per profile.
    """
    buf = io.StringIO()
    w = csv_writer(buf)
    items = list(dict.fromkeys(x for v in views.values() for x in v.result.items))  # profiles may compare different objectives
    w.writerow(["profile", "objective", "weight"] + [f"over:{b}" for b in items])
    notes = [f"case: {loaded.name} (sha256 {loaded.sha256}); negotiator {__version__}", "judgments are the analyst's, not facts; over:<b> = how many times more important than b"]
    for pid, v in views.items():
        r = v.result
        for i, a in enumerate(r.items):
            row = {b: v.judged[i, j] for j, b in enumerate(r.items)}
            judged = [None if b not in row or math.isnan(row[b]) else float(row[b]) for b in items]
            w.writerow([pid, a, r.weights[a]] + judged)
        notes.append(f"{pid}: priorities {r.priorities}; lambda_max {r.lambda_max:.6g}; CI {r.ci:.6g}; RI {r.ri:.4g}; CR {r.cr:.6g} ({'consistent enough' if r.consistent else f'above {CR_LIMIT}'})")
    return buf.getvalue() + comment_lines(notes)


def ahp_tables(loaded, views: dict[str, AhpProfileView], lang: str = "en") -> list:
    """Per profile: the pairwise matrix with weights, then its consistency line and least consistent judgments."""
    out: list = []
    for pid, v in views.items():
        r = v.result
        table = Table(
            title=tr("ahp_title", lang, profile=pid),
            caption=tr("ahp_caption", lang, case=case_name(loaded.name, lang), sha=loaded.sha256[:12], version=__version__),
            caption_justify="left",
        )
        table.add_column("")
        for item in r.items:
            table.add_column(item, justify="right")
        table.add_column(tr("ahp_weight", lang), justify="right", style="bold")
        for i, a in enumerate(r.items):
            cells = [f"({v.matrix[i, j]:.3g})" if v.filled[i, j] else f"{v.matrix[i, j]:.3g}" for j in range(len(r.items))]
            table.add_row(a, *cells, f"{r.weights[a]:.3f}")
        out.append(table)
        out.append(escape(tr(f"ahp_priorities_{r.priorities}", lang)))
        verdict = tr("ahp_consistent", lang) if r.consistent else tr("ahp_inconsistent", lang, limit=CR_LIMIT)
        out.append(escape(tr("ahp_figures", lang, lam=f"{r.lambda_max:.4f}", ci=f"{r.ci:.4f}", n=len(r.items), ri=f"{r.ri:.2f}", cr=f"{r.cr:.4f}", verdict=verdict)))
        out += [escape(tr("ahp_worst", lang, a=a, b=b, judged=f"{x:.3g}", implied=f"{imp:.3g}")) for a, b, x, imp in r.worst]
    return out


def analysts_header(view: GroupView, lang: str = "en") -> str:
    """The line above the tables: who was pooled, and how (rich markup)."""
    key, params = view.weights_rule_message
    params = {**params, "pool": tr(f"an_pool_{view.pool}", lang)}
    rule = tr(key, lang, **params) if key else view.weights_rule
    return tr("an_header", lang, analysts=escape(", ".join(view.analysts)), pool=tr(f"an_pool_{view.pool}", lang), rule=escape(rule))


def analysts_tables(view: GroupView, top: int, lang: str = "en") -> list[Table]:
    """The biggest score disagreements, then every objective's weight by analyst."""
    # A short title; what "spread" means goes in the caption (a long title wraps badly at 80 columns).
    scores = Table(
        title=tr("an_scores_title", lang, top=top),
        caption=tr("an_scores_caption", lang, case=case_name(view.loaded.name, lang), sha=view.loaded.sha256[:12]), caption_justify="left",
    )
    for col, numeric in (("option", False), ("objective", False), *((a, True) for a in view.analysts), ("an_pooled", True), ("an_spread", True), ("an_share", True)):
        name = col if col in view.analysts else tr(col, lang)
        # min_width: a score never splits, while long analyst names may wrap in the header.
        scores.add_column(name, justify="right" if numeric else "left", min_width=6 if numeric else None)
    for d in view.scores[:top]:
        scores.add_row(d.option, d.objective, *[f"{d.by_analyst[a]:g}" for a in view.analysts], f"{d.pooled:g}", f"{d.spread:g}", f"{d.share_of_scale:.0%}")
    weights = Table(title=tr("an_weights_title", lang))
    weights.add_column(tr("objective", lang), justify="left")
    for col in (*view.analysts, "an_pooled", "an_spread"):
        weights.add_column(col if col in view.analysts else tr(col, lang), justify="right", no_wrap=True)
    for w in view.weights_by_spread():
        weights.add_row(w.objective, *[f"{w.by_analyst[a]:.3f}" for a in view.analysts], f"{w.pooled:.3f}", f"{w.spread:.3f}")
    return [scores, weights]
