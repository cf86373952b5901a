"""negotiate: the two-party negotiation agenda (zone, efficient packages, bargaining, linkage)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli.common import check_lang

from negotiator.cli._app import app
from negotiator.cli.common import CaseArg, Format, FormatOpt, console, emit_result, load, warn


@app.command()
def negotiate(
    case: Optional[list[Path]] = CaseArg,
    negotiation: Optional[str] = typer.Option(None, "--negotiation", "-n", help="Agenda id (default: the case's first)."),
    propose: Optional[str] = typer.Option(None, "--propose", help="A package to assess: ISSUE=LEVEL,... for every issue."),
    link: Optional[str] = typer.Option(None, "--link", help="Issues to compare negotiated separately vs as one package: ISSUE,ISSUE[,...]."),
    fmt: Format = FormatOpt,
    lang: str = typer.Option("en", "--lang", help="Label language: en or zh.", callback=check_lang),
) -> None:
    """Where a negotiated agreement can land: agreement zone, efficient packages, Nash and
    Kalai-Smorodinsky solutions, a proposal's distance from the walk-aways, and what linking issues gains.

    No agreement zone is a result, not an error: it is stated and the exit code is 0.
    Bad input (unknown agenda, issue or level) exits with 2.
    """
    from negotiator.errors import Problem, UsageError
    from negotiator.negotiation import analyse_negotiation

    if fmt is Format.markdown:
        from negotiator.i18n import tr

        raise UsageError(Problem(tr("err_writes_tables", lang, command="negotiate"), hint=tr("err_no_markdown_hint", lang)))
    result = analyse_negotiation(load(case), negotiation=negotiation, propose=propose, link=link)
    for w in result.warnings:
        warn(w, lang if fmt is Format.table else "en")
    from negotiator.render.negotiation import analysis_csv, analysis_dict, analysis_renderables

    emit_result(result, fmt.value, analysis_csv, lambda: analysis_renderables(result, lang=lang, width=console().width), as_dict=analysis_dict)
