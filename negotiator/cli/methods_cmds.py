"""methods, compare-methods, analysts: the decision-method commands."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli._app import app
from negotiator.cli.case_cmds import AdditiveNormOpt, ElectreCOpt, ElectreDOpt, ElectreNormOpt, ElectreRangeOpt, LangOpt, TopsisNormOpt, VikorVOpt
from negotiator.cli.common import CaseArg, Format, FormatOpt, ProfileOpt, console, emit_json, emit_ranking, emit_text, layout_of, load, warn

#: (form, its YAML with the placeholder words of _yaml(), meaning)
_WEIGHT_FORMS = [
    ("numbers", "{{{objective}: {number}, ...}}", "normalised to sum 1; a missing objective weighs 0"),
    ("order", "{order_list}", "rank-order centroid weights (Barron & Barrett 1996)"),
    ("order + scheme", "{{order: [...], scheme: roc | rank_sum | rank_reciprocal}}", "weights from an order of importance by the named formula"),
    ("swing", "{{swing: {{{objective}: 0..100}}}}", "swing weights: the biggest worst-to-best swing rated 100, weights = ratings normalised"),
    ("ahp", "{{ahp: {{a: {{b: 3, c: 1/5}}}}}}", "Saaty pairwise judgments (a is 3x as important as b); eigenvector weights, CR checked, gaps filled (Harker 1987)"),
    ("hierarchy", "{{hierarchy: {{{group}: {{weight: 2, objectives: {{a: 1, b: 1}}}}, c: 1}}}}", "group weights multiply down to objectives"),
]


def _yaml(template: str, lang: str = "en") -> str:
    """A weight form's YAML with its placeholder words (objective, number, group) in ``lang``; the keys stay."""
    from negotiator.i18n import tr

    return template.format(objective=tr("mt_w_objective", lang), number=tr("mt_w_number", lang), group=tr("mt_w_group", lang), order_list=tr("mt_yaml_order", lang))


@app.command("methods")
def methods_command(fmt: Format = FormatOpt, lang: str = LangOpt) -> None:
    """List the aggregation methods and weighting forms, with their conventions."""
    from negotiator.i18n import CATALOGUE, tr
    from negotiator.methods import method_notes

    notes = method_notes()
    if fmt is Format.json:
        emit_json({"methods": notes, "weight_forms": [{"form": f, "yaml": _yaml(y), "meaning": m} for f, y, m in _WEIGHT_FORMS]})
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

    def note(name: str) -> str:
        # A method registered without a catalogue entry keeps the core's (English) note.
        key = f"mt_note_{name}"
        return tr(key, lang) if key in CATALOGUE else notes[name]

    def form_row(form: str, yaml: str, meaning: str) -> tuple[str, str, str]:
        slug = form.replace(" + ", "_")
        return tr(f"mt_form_{slug}", lang), _yaml(yaml, lang), tr(f"mt_mean_{slug}", lang)

    if fmt is Format.markdown:
        lines = [f"| {tr('mt_method', lang)} | {tr('mt_conventions', lang)} |", "|---|---|"] + [f"| `{k}` | {note(k)} |" for k in notes]
        emit_text("\n".join(lines))
        return
    from rich.table import Table
    from rich.text import Text

    # As Text, not markup: '[low, likely, high]' and '{order: [...]}' are text, not rich markup tags.
    table = Table(title=Text(tr("mt_title", lang)), caption=Text(tr("mt_caption", lang)), caption_justify="left")
    table.add_column(tr("mt_method", lang), style="bold")
    table.add_column(tr("mt_conventions", lang))
    for name in notes:
        table.add_row(Text(name), Text(note(name)))
    forms = Table(title=Text(tr("mt_forms_title", lang)))
    for col in ("mt_form", "mt_yaml", "mt_meaning"):
        forms.add_column(tr(col, lang))
    for row in _WEIGHT_FORMS:
        forms.add_row(*[Text(cell) for cell in form_row(*row)])
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
    electre_range: Optional[str] = ElectreRangeOpt,
    electre_normalisation: Optional[str] = ElectreNormOpt,
    additive_normalisation: Optional[str] = AdditiveNormOpt,
) -> None:
    """Rank under every method side by side: Kendall tau between methods and the options that move most."""
    from negotiator.ranking.compare import compare_methods
    from negotiator.render.compare import comparison_csv, comparison_markdown, comparison_tables
    from negotiator.methods import method_names, method_options

    chosen = [m.strip() for m in methods.split(",") if m.strip()] if methods else None
    names = chosen or method_names()
    opts = {m: method_options(m, vikor_v=vikor_v, topsis_normalisation=topsis_normalisation, electre_c=electre_c, electre_d=electre_d, electre_range=electre_range, electre_normalisation=electre_normalisation, additive_normalisation=additive_normalisation, strict=False) for m in names}
    result = compare_methods(load(case), profile=profile, methods=chosen, scenario=scenario, method_options=opts, top_movers=top)
    for w in result.warnings:
        warn(w, lang if fmt in (Format.table, Format.markdown) else "en")
    if fmt is Format.json:
        emit_json(result.to_dict())
    elif fmt is Format.csv:
        emit_text(comparison_csv(result))
    elif fmt is Format.markdown:
        emit_text(comparison_markdown(result, lang=lang))
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
        warn(w, lang if fmt in (Format.table, Format.markdown) else "en")
    if fmt is Format.json:
        emit_json({"group": view.to_dict(top), "ranking": result.to_dict()})
        return
    if fmt in (Format.csv, Format.markdown):
        emit_ranking(result, fmt, lang, case=view.loaded.case)
        return
    from negotiator.render.elicitation import analysts_header, analysts_tables
    from negotiator.render.tables import ranking_table

    con = console()
    con.print(analysts_header(view, lang))
    for table in analysts_tables(view, top, lang):
        con.print(table)
    con.print(ranking_table(result, lang=lang, layout=layout_of(con), case=view.loaded.case))


@app.command("ahp")
def ahp_command(
    case: Optional[list[Path]] = CaseArg,
    profile: Optional[str] = typer.Option(None, "--profile", "-p", help="AHP profile to show (default: every AHP profile of the case)."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
) -> None:
    """Show AHP profiles: the pairwise matrix, eigenvector weights, CI, CR and the least consistent judgments."""
    from negotiator.model.elicitation import ahp_profiles
    from negotiator.render.elicitation import ahp_csv, ahp_json, ahp_tables

    loaded = load(case)
    views = ahp_profiles(loaded, profile)
    if fmt is Format.json:
        emit_json(ahp_json(loaded, views))
        return
    if fmt is Format.csv:
        emit_text(ahp_csv(loaded, views))
        return
    con = console()
    for item in ahp_tables(loaded, views, lang):
        con.print(item)
