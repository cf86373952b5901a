"""payoffs, game: decisions under the other side's uncertain behaviour, and the two-government game."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli._app import app
from negotiator.messages import Message
from negotiator.cli.common import CaseArg, Format, FormatOpt, MethodOpt, ProfileOpt, console, emit_json, emit_text, layout_of, load, warn

from negotiator.cli.common import LangOpt  # noqa: E402


def _parse_probabilities(items: list[str]) -> dict[str, float]:
    from negotiator.errors import Problem, UsageError

    out: dict[str, float] = {}
    for item in items:
        sid, sep, value = item.partition("=")
        try:
            if not sep or not sid.strip():
                raise ValueError
            out[sid.strip()] = float(value)
        except ValueError:
            raise UsageError(Problem(Message("cl_probability_unread", item=item), hint=Message("cl_probability_unread_hint"))) from None
    return out


@app.command()
def payoffs(
    case: Optional[list[Path]] = CaseArg,
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    alpha: float = typer.Option(0.5, "--alpha", help="Hurwicz alpha: weight on an option's best outcome (0 = maximin, 1 = maximax)."),
    probability: list[str] = typer.Option([], "--probability", "-P", help="Override a scenario's probability: SCENARIO=P (repeatable; all must still sum to 1)."),
    package: list[str] = typer.Option([], "--package", help="Evaluate a package of options instead: a,b,c (repeatable). Its value is the sum of its options' values (plus synergy bonuses)."),
    top_packages: int = typer.Option(0, "--packages", help="Evaluate the K best packages of the base case and each scenario's best package (from the portfolio optimiser)."),
    ignorance: bool = typer.Option(False, "--ignorance", help="Complete ignorance: read the table without the scenarios' probabilities (expected value and maximum likelihood say they cannot run)."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
) -> None:
    """What each option yields under each scenario of the other side's behaviour, and what each decision rule picks."""
    from negotiator.scenarios.payoffs import parse_package, scenario_payoffs

    loaded = load(case)
    packages = [parse_package(p, loaded.case) for p in package] or None
    table = scenario_payoffs(loaded, profile=profile, method=method, probabilities=_parse_probabilities(probability), packages=packages, top_packages=top_packages)
    report = table.analyse(alpha, ignorance=ignorance)
    for w in table.warnings:
        warn(w, lang if fmt is Format.table else "en")
    if fmt is Format.json:
        from negotiator.render.payoffs import payoffs_json

        emit_json(payoffs_json(table, report))
    elif fmt is Format.csv:
        from negotiator.render.payoffs import payoffs_csv

        emit_text(payoffs_csv(table, report))
    elif fmt is Format.markdown:
        from negotiator.render.payoffs import payoffs_markdown

        emit_text(payoffs_markdown(table, report, lang=lang))
    else:
        from negotiator.render.payoffs import payoffs_tables

        con = console()
        for renderable in payoffs_tables(table, report, lang=lang, layout=layout_of(con), case=loaded.case):
            con.print(renderable)


@app.command()
def game(
    case: Optional[list[Path]] = CaseArg,
    game_id: Optional[str] = typer.Option(None, "--game", "-g", help="Which game of the case's games: section (default: the first)."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
) -> None:
    """The two-government game: best responses, dominance, every equilibrium (exact), security levels."""
    from negotiator.games.bimatrix import analyse_game, bimatrix_from_case

    loaded = load(case)
    gid, g = bimatrix_from_case(loaded.case, game_id)
    analysis = analyse_game(g)
    spec = loaded.case.games[gid]
    args = (loaded.name, loaded.sha256, gid, spec, analysis)
    if fmt is Format.json:
        from negotiator.render.payoffs import game_json

        emit_json(game_json(*args))
    elif fmt is Format.csv:
        from negotiator.render.payoffs import game_csv

        emit_text(game_csv(*args))
    elif fmt is Format.markdown:
        from negotiator.render.payoffs import game_markdown

        emit_text(game_markdown(*args, lang=lang))
    else:
        from negotiator.render.payoffs import game_tables

        con = console()
        for renderable in game_tables(*args, lang=lang, layout=layout_of(con)):
            con.print(renderable)
