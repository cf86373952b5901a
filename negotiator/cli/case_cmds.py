"""rank, validate, show, schema: the foundation commands."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli._app import app
from negotiator.cli.common import CaseArg, Format, FormatOpt, LangOpt, MethodOpt, ProfileOpt, console, emit_json, emit_ranking, load, warn

VikorVOpt = typer.Option(None, "--vikor-v", help="VIKOR: weight of group utility S against individual regret R in Q (0..1, default 0.5).", show_default=False)
TopsisNormOpt = typer.Option(None, "--topsis-normalisation", help="TOPSIS: vector (Hwang & Yoon, default), minmax, sum, max or none.", show_default=False)
ElectreCOpt = typer.Option(None, "--electre-c", help="ELECTRE: concordance threshold (0..1, default 0.65).", show_default=False)
ElectreDOpt = typer.Option(None, "--electre-d", help="ELECTRE: discordance threshold (0..1, default 0.35).", show_default=False)
ElectreRangeOpt = typer.Option(None, "--electre-range", help="ELECTRE: divide each shortfall by its objective's range (objective, default) or by one range shared by all objectives (shared, Roy 1968).", show_default=False)
ElectreNormOpt = typer.Option(None, "--electre-normalisation", help="ELECTRE: rescale each objective before a shared discordance range: none (default), sum, max, vector or minmax.", show_default=False)
AdditiveNormOpt = typer.Option(None, "--additive-normalisation", help="additive: value (each objective's value scale, default), or the peers' max (x/max) or sum (x/sum).", show_default=False)


@app.command()
def rank(
    case: Optional[list[Path]] = CaseArg,
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    scenario: Optional[str] = typer.Option(None, "--scenario", help="Rank under one scenario of the other side's behaviour."),
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
    """Rank the options of a case under a weight profile."""
    from negotiator.ranking.api import rank as rank_case
    from negotiator.methods import get_method, method_options

    get_method(method)
    opts = method_options(method, vikor_v=vikor_v, topsis_normalisation=topsis_normalisation, electre_c=electre_c, electre_d=electre_d, electre_range=electre_range, electre_normalisation=electre_normalisation, additive_normalisation=additive_normalisation)
    loaded = load(case)
    result_case = loaded.case
    result = rank_case(loaded, profile=profile, method=method, scenario=scenario, **opts)
    for w in result.warnings:
        warn(w, lang if fmt in (Format.table, Format.markdown) else "en")
    emit_ranking(result, fmt, lang, case=result_case)


@app.command()
def validate(case: Optional[list[Path]] = CaseArg, lang: str = LangOpt) -> None:
    """Check a case and report every problem found (exit 2 if any)."""
    from rich.markup import escape

    from negotiator.i18n import case_name, tr

    loaded = load(case)
    c = loaded.case
    for w in loaded.warnings:
        warn(w, lang)
    from negotiator.model.matrix import build_matrix
    from negotiator.model.weights import profile_weights_with_notes

    for w in (build_matrix(c).warnings if c.options else []):  # a case that is only a game or a negotiation has none
        warn(w, lang)
    for pid in c.weights:
        for note in profile_weights_with_notes(c, pid)[1]:
            warn(note, lang)
    text = tr("validate_ok", lang, case=case_name(loaded.name, lang), options=len(c.options), objectives=len(c.objectives), profiles=len(c.weights), scenarios=len(c.scenarios), sha=loaded.sha256[:12])
    head, _, rest = text.partition("：" if lang == "zh" else ":")
    console().print(f"[green]{escape(head)}[/]{'：' if lang == 'zh' else ':'}{escape(rest)}")


@app.command()
def show(
    case: Optional[list[Path]] = CaseArg,
    lang: str = LangOpt,
    scores: bool = typer.Option(False, "--scores", help="Show the score matrix instead: options x objectives, ranges as low-high (likely)."),
    rationale: Optional[str] = typer.Option(None, "--rationale", metavar="OPTION", help="Show one option's scores with the analyst's rationale for each."),
    fmt: Format = FormatOpt,
) -> None:
    """Show a case's options, objectives and weight profiles as tables (--scores: the score matrix)."""
    from negotiator.render.tables import objectives_table, options_table, profiles_table
    from negotiator.i18n import case_name, tr
    from negotiator.model.weights import profile_weights

    if fmt is not Format.table and not scores and rationale is None:
        from negotiator.errors import Problem, UsageError

        raise UsageError(Problem(tr("err_show_markdown", lang, fmt=fmt.value), hint=tr("err_show_markdown_hint", lang)))
    loaded = load(case)
    if scores or rationale is not None:
        from negotiator.cli.show_scores import print_scores

        print_scores(loaded, fmt, lang, rationale)
        return
    c = loaded.case
    con = console()
    from rich.markup import escape

    width = con.width
    # Title and provenance on lines of their own: together they wrap mid-parenthesis at 80 columns.
    con.print(f"[bold]{escape(c.title_zh if lang == 'zh' and c.title_zh else c.title)}[/]")
    con.print(escape(tr("show_case", lang, case=case_name(loaded.name, lang), sha=loaded.sha256[:12])), style="dim")
    con.print(objectives_table(c, lang, width=width))
    con.print(options_table(c, lang, width=width))
    if c.weights:
        from negotiator.model.weights import profile_weights_with_notes

        resolved = {p: profile_weights_with_notes(c, p) for p in c.weights}
        con.print(profiles_table(c, {p: w for p, (w, _) in resolved.items()}, width=width, lang=lang))
        for _, notes in resolved.values():
            for note in notes:
                warn(note, lang)


@app.command()
def schema(
    part: bool = typer.Option(False, "--part", help="Schema for one file of a case split across files (no section required)."),
) -> None:
    """Print the JSON Schema of the case format (for editors that validate YAML)."""
    from negotiator.case.schema import case_json_schema

    emit_json(case_json_schema(part=part))


@app.command()
def examples(lang: str = LangOpt) -> None:
    """List the example cases shipped with negotiator; any command takes one as `example:NAME`."""
    from negotiator.case.catalog import examples_dir, example_names, load_case
    from negotiator.render.tables import examples_table

    rows = []
    for name in example_names():
        case = load_case([examples_dir() / f"{name}.yaml"]).case
        rows.append((name, case.title_zh if lang == "zh" and getattr(case, "title_zh", None) else (case.title or "")))
    console().print(examples_table(rows, lang))
