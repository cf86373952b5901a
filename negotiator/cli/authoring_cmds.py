"""new, export, import: start a case, and keep it in a spreadsheet if that is where staff work."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from rich.markup import escape

from negotiator.cli._app import app
from negotiator.messages import Message
from negotiator.cli.common import CaseArg, LangOpt, console, load, warn
from negotiator.i18n import case_name, tr

ForceOpt = typer.Option(False, "--force", help="Overwrite an existing output file.")


@app.command()
def new(
    path: Path = typer.Argument(..., help="case.yaml (one file), case.xlsx (a workbook) or a folder name."),
    source: Optional[str] = typer.Option(None, "--from", help="'bundled': start from a copy of the bundled case."),
    force: bool = ForceOpt,
    lang: str = LangOpt,
) -> None:
    """Start a case: a commented template with every section, valid as written."""
    from negotiator.authoring.template import new_case

    written = new_case(path, source=source, force=force)
    con = console()
    con.print(_wrote(tr("au_wrote_copy" if source else "au_wrote_template", lang, files=", ".join(str(p) for p in written)), lang))
    shown = path if path.suffix.lower() != ".xlsx" else path.with_suffix(".yaml")
    if path.suffix.lower() == ".xlsx":
        con.print(escape(tr("au_next_fill", lang, import_cmd=f"negotiator import {path} -o {shown}", rank_cmd=f"negotiator rank {shown}")))
    else:
        con.print(escape(tr("au_next_edit", lang, validate_cmd=f"negotiator validate {path}", rank_cmd=f"negotiator rank {path}")))


@app.command()
def export(
    case: Optional[list[Path]] = CaseArg,
    output: Path = typer.Option(..., "--output", "-o", help="The workbook to write (FILE.xlsx)."),
    force: bool = ForceOpt,
    lang: str = LangOpt,
) -> None:
    """Write a case as an Excel workbook (a sheet per section) to fill in Excel or LibreOffice."""
    from negotiator.authoring.workbook import _xlsx_target, export_workbook
    from negotiator.fileio import check_writable

    check_writable(_xlsx_target(output), force=force)  # before loading: fail fast, write nothing
    loaded = load(case)
    path = export_workbook(loaded, output, force=force)
    c = loaded.case
    console().print(_wrote(tr("au_wrote_workbook", lang, path=path, options=len(c.options), objectives=len(c.objectives), profiles=len(c.weights), scenarios=len(c.scenarios), case=case_name(loaded.name, lang), sha=loaded.sha256[:12]), lang))
    console().print(escape(tr("au_next_import", lang, import_cmd=f"negotiator import {path} -o case.yaml")))


@app.command(name="import")
def import_(
    source: Path = typer.Argument(..., help="A workbook (FILE.xlsx) or a CSV of scores (options x objectives)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the workbook's case to this YAML file."),
    into: Optional[Path] = typer.Option(None, "--into", help="Merge a CSV of scores into this case (file or folder)."),
    force: bool = ForceOpt,
    skip_unknown: bool = typer.Option(False, "--skip-unknown", help="CSV: merge the known ids and only warn about unknown ones."),
    dry_run: bool = typer.Option(False, "--dry-run", help="CSV: check and report the changes, write nothing."),
    lang: str = LangOpt,
) -> None:
    """Read a workbook into a YAML case, or merge a CSV of scores into a case."""
    from negotiator.errors import Problem, UsageError

    is_csv = source.suffix.lower() in (".csv", ".tsv", ".txt")
    if is_csv:
        if into is None or output is not None:
            raise UsageError(Problem(Message("cl_csv_into"), file=str(source), hint=Message("cl_csv_into_hint", source=str(source))))
        _merge_csv(source, into, skip_unknown, dry_run, lang)
        return
    if output is None or into is not None:
        raise UsageError(Problem(Message("cl_workbook_output"), file=str(source), hint=Message("cl_workbook_output_hint", source=str(source))))
    _import_workbook(source, output, force, lang)


def _wrote(text: str, lang: str) -> str:
    """A 'wrote ...' line as markup: in English its first word green (as before), the rest escaped."""
    head = len("wrote") if lang == "en" else 0
    return f"[green]{escape(text[:head])}[/]{escape(text[head:])}"


def _import_workbook(source: Path, output: Path, force: bool, lang: str = "en") -> None:
    from negotiator.authoring.workbook import import_workbook, write_imported_yaml
    from negotiator.errors import Problem, UsageError
    from negotiator.fileio import check_writable

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(Problem(Message("cl_output_yaml", name=output.name), file=str(output), hint=Message("cl_output_yaml_hint")))
    check_writable(output, force=force)  # before reading: an existing case is never at risk
    imported = import_workbook(source)
    for w in imported.warnings:
        warn(w, lang)
    path = write_imported_yaml(imported, output, force=force)
    c = imported.loaded.case
    console().print(_wrote(tr("au_wrote_case", lang, path=path, options=len(c.options), objectives=len(c.objectives), profiles=len(c.weights), scenarios=len(c.scenarios), sha=imported.loaded.sha256[:12]), lang))
    console().print(escape(tr("au_next_rank", lang, rank_cmd=f"negotiator rank {path}")))


def _merge_csv(source: Path, into: Path, skip_unknown: bool, dry_run: bool, lang: str = "en") -> None:
    from negotiator.authoring.csv_import import merge_scores_csv

    report = merge_scores_csv(source, into, skip_unknown=skip_unknown, dry_run=dry_run)
    for w in report.warnings:
        warn(w, lang)
    con = console()
    for ch in report.changes:
        con.print(escape(f"  {ch.option} / {ch.objective}: {_shown(ch.old, lang)} -> {_shown(ch.new, lang)}"))
    text = tr("au_would_change" if dry_run else "au_changed", lang, n=len(report.changes), same=report.unchanged, path=into)
    verb = 0 if lang != "en" else len("would change" if dry_run else "changed")
    con.print(f"[green]{escape(text[:verb])}[/]{escape(text[verb:])}")
    if report.written:
        con.print(escape(tr("au_wrote_bak", lang, files=", ".join(report.written))))
    con.print(f"case_sha256 {report.sha256_before[:12]} -> {report.sha256_after[:12]}")


def _shown(score, lang: str = "en") -> str:
    from negotiator.authoring._cells import format_score

    if score is None:
        return tr("au_none", lang)
    if isinstance(score, (str, list, tuple)):
        return str(format_score(score if isinstance(score, str) else list(score)))
    return str(format_score(float(score)))


__all__ = ["new", "export", "import_"]
