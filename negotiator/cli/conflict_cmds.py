"""conflict: the graph model of a conflict (who would move, which threats are credible, the way from today)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli._app import app
from negotiator.cli.common import CaseArg, Format, FormatOpt, LangOpt, emit_result


@app.command()
def conflict(
    case: Optional[list[Path]] = CaseArg,
    conflict_id: Optional[str] = typer.Option(None, "--conflict", "-c", help="Conflict id (default: the case's first)."),
    concept: Optional[str] = typer.Option(None, "--concept", help="Stability concepts to show: nash, gmr, smr, seq, cnash, cseq (comma-separated) or all (default)."),
    target: Optional[str] = typer.Option(None, "--target", help="A state, as the options taken (OPTION,OPTION,... or none): what would have to change for it to be an equilibrium."),
    target_concept: str = typer.Option("seq", "--target-concept", help="The concept --target must satisfy: nash, gmr, smr or seq."),
    fmt: Format = FormatOpt,
    lang: str = LangOpt,
) -> None:
    """Is a threat credible? Stability of every state under Nash, GMR, SMR, SEQ and their coalition
    forms (Graph Model for Conflict Resolution), the sanctions that hold each equilibrium, and
    the paths from today's state (see docs/conflict.md).

    Bad input (unknown conflict, option or concept; an infeasible --target) exits with 2.
    """
    from negotiator.cli.common import load
    from negotiator.conflict import analyse_conflict
    from negotiator.errors import Problem, UsageError
    from negotiator.i18n import tr

    if fmt is Format.markdown:
        raise UsageError(Problem(tr("err_writes_tables", lang, command="conflict"), hint=tr("err_no_markdown_hint", lang)))
    from negotiator.render.conflict import conflict_csv, conflict_dict, conflict_renderables

    result = analyse_conflict(load(case), conflict=conflict_id, concept=concept, target=target, target_concept=target_concept)
    emit_result(result, fmt.value, conflict_csv, lambda: conflict_renderables(result, lang=lang), as_dict=conflict_dict)
