"""methods, compare-methods, analysts: the decision-method commands."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli import app
from negotiator.cli.case_cmds import ElectreCOpt, ElectreDOpt, LangOpt, TopsisNormOpt, VikorVOpt
from negotiator.cli.common import CaseArg, Format, FormatOpt, ProfileOpt, console, emit_json, emit_ranking, emit_text, layout_of, load, warn

_WEIGHT_FORMS = [
    ("numbers", "{objective: number, ...}", "normalised to sum 1; a missing objective weighs 0"),
    ("order", "[most important, next, ...]", "rank-order centroid weights (Barron & Barrett 1996)"),
    ("order + scheme", "{order: [...], scheme: roc | rank_sum | rank_reciprocal}", "weights from an order of importance by the named formula"),
    ("swing", "{swing: {objective: 0..100}}", "swing weights: the biggest worst-to-best swing rated 100, weights = ratings normalised"),
    ("ahp", "{ahp: {a: {b: 3, c: 1/5}}}", "Saaty pairwise judgments (a is 3x as important as b); eigenvector weights, CR checked, gaps filled (Harker 1987)"),
    ("hierarchy", "{hierarchy: {group: {weight: 2, objectives: {a: 1, b: 1}}, c: 1}}", "group weights multiply down to objectives"),
]


@app.command("methods")
def methods_command(fmt: Format = FormatOpt) -> None:
    """List the aggregation methods and weighting forms, with their conventions."""
    from negotiator.methods import method_notes

    notes = method_notes()
    if fmt is Format.json:
        emit_json({"methods": notes, "weight_forms": [{"form": f, "yaml": y, "meaning": m} for f, y, m in _WEIGHT_FORMS]})
        return
    if fmt is Format.csv:
        import io

        from negotiator._version import __version__
        from negotiator.render.spreadsheet_safe import csv_writer

        buf = io.StringIO()
        w = csv_writer(buf)
        w.writerow(["method", "conventions"])
        w.writerows(notes.items())
        emit_text(buf.getvalue() + f"# negotiator {__version__}\n")
        return
    if fmt is Format.markdown:
        lines = ["| method | conventions |", "|---|---|"] + [f"| `{k}` | {v} |" for k, v in notes.items()]
        emit_text("\n".join(lines))
        return
    from rich.table import Table
    from rich.text import Text

    # As Text, not markup: '[low, likely, high]' and '{order: [...]}' are text, not rich markup tags.
    table = Table(title="Aggregation methods (negotiator rank --method NAME)", caption=Text("All scores rank higher-is-better; uncertain scores [low, likely, high] enter at their likely value. See docs/methods.md."), caption_justify="left")
    table.add_column("method", style="bold")
    table.add_column("conventions")
    for name, text in notes.items():
        table.add_row(Text(name), Text(text))
    forms = Table(title="Weight profile forms (weights: <profile>: ...)")
    for col in ("form", "YAML", "meaning"):
        forms.add_column(col)
    for row in _WEIGHT_FORMS:
        forms.add_row(*[Text(cell) for cell in row])
    con = console()
    con.print(table)
    con.print(forms)


@app.command("compare-methods")
def compare_methods_command(
    case: Optional[list[Path]] = CaseArg,
    profile: Optional[str] = ProfileOpt,
    methods: Optional[str] = typer.Option(None, "--methods", help="Comma-separated methods to compare (default: all)."),
    scenario: Optional[str] = typer.Option(None, "--scenario", help="Compare under one scenario of the other side's behaviour."),
    top: int = typer.Option(5, "--top", min=0, help="How many of the biggest movers to show."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
    vikor_v: Optional[float] = VikorVOpt,
    topsis_normalisation: Optional[str] = TopsisNormOpt,
    electre_c: Optional[float] = ElectreCOpt,
    electre_d: Optional[float] = ElectreDOpt,
) -> None:
    """Rank under every method side by side: Kendall tau between methods and the options that move most."""
    from negotiator.ranking.compare import compare_methods
    from negotiator.render.compare import comparison_csv, comparison_markdown, comparison_tables
    from negotiator.methods import method_names, method_options

    chosen = [m.strip() for m in methods.split(",") if m.strip()] if methods else None
    names = chosen or method_names()
    opts = {m: method_options(m, vikor_v=vikor_v, topsis_normalisation=topsis_normalisation, electre_c=electre_c, electre_d=electre_d, strict=False) for m in names}
    result = compare_methods(load(case), profile=profile, methods=chosen, scenario=scenario, method_options=opts, top_movers=top)
    for w in result.warnings:
        warn(w)
    if fmt is Format.json:
        emit_json(result.to_dict())
    elif fmt is Format.csv:
        emit_text(comparison_csv(result))
    elif fmt is Format.markdown:
        emit_text(comparison_markdown(result))
    else:
        con = console()
        for table in comparison_tables(result, lang=lang, width=con.width):
            con.print(table)


@app.command("analysts")
def analysts_command(
    case: Optional[list[Path]] = CaseArg,
    pool: str = typer.Option("median", "--pool", help="Pool the analysts' scores (and non-AHP weights) by median or mean."),
    profile: Optional[str] = ProfileOpt,
    method: str = typer.Option("additive", "--method", "-m", help="Method for the pooled ranking (see `negotiator methods`)."),
    top: int = typer.Option(10, "--top", min=0, help="How many of the biggest score disagreements to show."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
) -> None:
    """Several analysts: pool their scores and weights, show where they disagree most, rank the pooled case."""
    from negotiator.ranking.api import rank
    from negotiator.ranking.analysts import pool_analysts

    view = pool_analysts(load(case), pool=pool, profile=profile)
    result = rank(view.loaded, profile=view.profile, method=method)
    for w in view.notes + result.warnings:
        warn(w)
    if fmt is Format.json:
        emit_json({"group": view.to_dict(top), "ranking": result.to_dict()})
        return
    if fmt in (Format.csv, Format.markdown):
        emit_ranking(result, fmt, lang)
        return
    from rich.markup import escape
    from rich.table import Table

    from negotiator.render.tables import ranking_table

    con = console()
    con.print(f"[bold]Analysts pooled[/] ({escape(', '.join(view.analysts))}): scores by {view.pool}; weights: {escape(view.weights_rule)}")
    # A short title; what "spread" means goes in the caption (a long title wraps badly at 80 columns).
    scores = Table(
        title=f"Where the analysts disagree most on scores (top {top})",
        caption=escape(f"spread = highest - lowest likely score\ncase: {view.loaded.name} (sha256 {view.loaded.sha256[:12]}); scores are the analysts' judgments, not facts"), caption_justify="left",
    )
    for col in ("option", "objective", *view.analysts, "pooled", "spread", "share of scale"):
        numeric = col not in ("option", "objective")
        # min_width: a score never splits, while long analyst names may wrap in the header.
        scores.add_column(col, justify="right" if numeric else "left", min_width=6 if numeric else None)
    for d in view.scores[:top]:
        scores.add_row(d.option, d.objective, *[f"{d.by_analyst[a]:g}" for a in view.analysts], f"{d.pooled:g}", f"{d.spread:g}", f"{d.share_of_scale:.0%}")
    weights = Table(title="Weights by analyst (normalised)")
    for col in ("objective", *view.analysts, "pooled", "spread"):
        weights.add_column(col, justify="right" if col != "objective" else "left", no_wrap=col != "objective")
    for w in sorted(view.weights, key=lambda w: -w.spread):
        weights.add_row(w.objective, *[f"{w.by_analyst[a]:.3f}" for a in view.analysts], f"{w.pooled:.3f}", f"{w.spread:.3f}")
    con.print(scores)
    con.print(weights)
    con.print(ranking_table(result, lang=lang, layout=layout_of(con)))


@app.command("ahp")
def ahp_command(
    case: Optional[list[Path]] = CaseArg,
    profile: Optional[str] = typer.Option(None, "--profile", "-p", help="AHP profile to show (default: every AHP profile of the case)."),
    fmt: Format = FormatOpt,
) -> None:
    """Show AHP profiles: the pairwise matrix, eigenvector weights, CI, CR and the least consistent judgments."""
    from negotiator._version import __version__
    from negotiator.errors import Problem, UsageError
    from negotiator.case.scoring import profile_kind
    from negotiator.model.elicitation import CR_LIMIT, ahp_matrix, profile_ahp

    loaded = load(case)
    c = loaded.case
    ahp_ids = [pid for pid, spec in c.weights.items() if profile_kind(spec) == "ahp"]
    if profile is not None:
        if profile not in c.weights:
            raise UsageError(Problem(f"unknown weight profile '{profile}'", hint="use one of: " + (", ".join(c.weights) or "(none)")))
        if profile not in ahp_ids:
            raise UsageError(Problem(f"weight profile '{profile}' is not an AHP profile", hint="AHP profiles: " + (", ".join(ahp_ids) or "(none in this case)")))
        ahp_ids = [profile]
    if not ahp_ids:
        raise UsageError(Problem(f"the case {loaded.name} has no AHP weight profile", hint="write one as `weights: {name: {ahp: {a: {b: 3}}}}` (see docs/methods.md)"))
    results = {pid: profile_ahp(c.weights[pid], list(c.objectives)) for pid in ahp_ids}
    if fmt is Format.json:
        emit_json({
            "case": loaded.name, "case_sha256": loaded.sha256, "version": __version__, "cr_limit": CR_LIMIT,
            "profiles": {pid: {"weights": r.weights, "lambda_max": r.lambda_max, "ci": r.ci, "ri": r.ri, "cr": r.cr, "consistent": r.consistent,
                               "filled": [{"a": a, "b": b, "value": v} for a, b, v in r.filled],
                               "least_consistent": [{"a": a, "b": b, "judged": v, "implied": imp} for a, b, v, imp in r.worst], "notes": list(r.notes)}
                         for pid, r in results.items()},
        })
        return
    if fmt is Format.csv:
        _ahp_csv(loaded, {pid: (r, ahp_matrix(r.items, c.weights[pid].judgments())) for pid, r in results.items()}, CR_LIMIT)
        return
    from rich.markup import escape
    from rich.table import Table

    con = console()
    for pid, r in results.items():
        matrix, filled = r.completed(c.weights[pid].judgments())
        table = Table(title=f"AHP profile '{pid}': row over column (filled-in comparisons in brackets)", caption=escape(f"case: {loaded.name} (sha256 {loaded.sha256[:12]}); negotiator {__version__}; judgments are the analyst's, not facts"), caption_justify="left")
        table.add_column("")
        for item in r.items:
            table.add_column(item, justify="right")
        table.add_column("weight", justify="right", style="bold")
        for i, a in enumerate(r.items):
            cells = [f"({matrix[i, j]:.3g})" if filled[i, j] else f"{matrix[i, j]:.3g}" for j in range(len(r.items))]
            table.add_row(a, *cells, f"{r.weights[a]:.3f}")
        con.print(table)
        verdict = "consistent enough" if r.consistent else f"above {CR_LIMIT}: revisit the judgments below"
        con.print(f"lambda_max {r.lambda_max:.4f}; CI {r.ci:.4f}; RI({len(r.items)}) {r.ri:.2f}; CR {r.cr:.4f} ({verdict})", markup=False)
        for a, b, v, imp in r.worst:
            con.print(f"  {a} over {b}: judged {v:.3g}, the other judgments imply {imp:.3g}", markup=False)


def _ahp_csv(loaded, results: dict, cr_limit: float) -> None:
    """One row per profile and objective: its weight and its judged row of the pairwise matrix.

    A cell the analyst left out is empty (the table shows the filled-in value in brackets);
    CI and CR follow as comment lines per profile.
    """
    import io
    import math

    from negotiator._version import __version__
    from negotiator.render.spreadsheet_safe import comment_lines, csv_writer

    buf = io.StringIO()
    w = csv_writer(buf)
    items = list(dict.fromkeys(x for r, _ in results.values() for x in r.items))  # profiles may compare different objectives
    w.writerow(["profile", "objective", "weight"] + [f"over:{b}" for b in items])
    notes = [f"case: {loaded.name} (sha256 {loaded.sha256}); negotiator {__version__}", "judgments are the analyst's, not facts; over:<b> = how many times more important than b"]
    for pid, (r, matrix) in results.items():
        for i, a in enumerate(r.items):
            row = {b: matrix[i, j] for j, b in enumerate(r.items)}
            judged = [None if b not in row or math.isnan(row[b]) else float(row[b]) for b in items]
            w.writerow([pid, a, r.weights[a]] + judged)
        notes.append(f"{pid}: lambda_max {r.lambda_max:.6g}; CI {r.ci:.6g}; RI {r.ri:.4g}; CR {r.cr:.6g} ({'consistent enough' if r.consistent else f'above {cr_limit}'})")
    emit_text(buf.getvalue() + comment_lines(notes))
