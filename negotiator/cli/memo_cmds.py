"""memo: the ranked briefing as a file (.md, .html, .docx, .xlsx, .csv), in English or Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli._app import app
from negotiator.messages import Message
from negotiator.cli.common import CaseArg, MethodOpt, ProfileOpt, load, warn


@app.command()
def memo(
    case: Optional[list[Path]] = CaseArg,
    output: Path = typer.Option(..., "--output", "-o", help="File to write; its extension picks the format: .md .html .docx .xlsx .csv"),
    lang: str = typer.Option("en", "--lang", help="Language of the memo: en or zh."),
    profile: Optional[str] = ProfileOpt,
    method: str = MethodOpt,
    scenario: Optional[str] = typer.Option(None, "--scenario", help="Rank, test and package under one scenario of the other side's behaviour (default: the base case)."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Package section: count what each measure adds over this status quo (an option id, 'worst' or OBJECTIVE=SCORE,...), as portfolio --baseline."),
    samples: Optional[int] = typer.Option(None, "--samples", help="Monte Carlo samples for the robustness section (SMAA). Default: 10000."),
    seed: int = typer.Option(0, "--seed", help="Random seed: the same seed gives the same memo."),
    force: bool = typer.Option(False, "--force", help="Overwrite the file if it exists."),
    date: Optional[str] = typer.Option(None, "--date", help="Date printed in the memo, YYYY-MM-DD (default: today, UTC). Fix it for byte-identical files."),
) -> None:
    """Write a decision memo: bottom line, ranked table, robustness, package, scenarios, assumptions, provenance."""
    from negotiator.errors import Problem, UsageError
    from negotiator.fileio import check_writable, write_atomic
    from negotiator.report import format_of, render
    from negotiator.i18n import check_lang
    from negotiator.report.memo import MemoRequest, build_memo, parse_date

    # Everything that can be refused is refused before any work, so nothing is half-written.
    fmt = format_of(output)
    check_writable(output, force=force)
    check_lang(lang)
    if samples is not None and samples < 1:
        raise UsageError(Problem(Message("pp_samples", samples=samples)))
    if seed < 0:
        raise UsageError(Problem(Message("ps_seed", seed=seed)))
    request = MemoRequest(lang=lang, profile=profile, method=method, samples=samples, seed=seed, date=parse_date(date), scenario=scenario, baseline=baseline)
    loaded = load(case)
    from negotiator.i18n import tr

    with _busy(tr("memo_busy", lang, fmt=fmt)):
        built = build_memo(loaded, request)
    for w in _warnings(loaded):
        warn(w, lang)
    data = render(built, fmt)
    path = write_atomic(output, data, force=force)
    from negotiator.report import written_sections

    written = written_sections(built, fmt)
    sections = ", ".join(s.key for s in written) if lang == "en" else "；".join(s.heading for s in written)
    key = "memo_wrote" if len(written) == len(built.sections) else "memo_wrote_part"
    typer.echo(tr(key, lang, path=path, size=f"{len(data):,}", language=lang, sections=sections))


def _busy(what: str):
    """A spinner on a terminal (SMAA with a slow method can take a while); nothing otherwise."""
    import contextlib
    import sys

    if not sys.stderr.isatty():
        return contextlib.nullcontext()
    from negotiator.cli.common import err_console

    return err_console().status(what + " …")


def _warnings(loaded) -> list[str]:
    from negotiator.model.matrix import build_matrix

    return list(loaded.warnings) + list(build_matrix(loaded.case).warnings)
