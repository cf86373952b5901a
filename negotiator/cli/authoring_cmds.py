"""new, export, import: start a case, and keep it in a spreadsheet if that is where staff work."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli import app
from negotiator.cli.common import CaseArg, console, load, warn

ForceOpt = typer.Option(False, "--force", help="Overwrite an existing output file.")


@app.command()
def new(
    path: Path = typer.Argument(..., help="case.yaml (one file), case.xlsx (a workbook) or a folder name."),
    source: Optional[str] = typer.Option(None, "--from", help="'bundled': start from a copy of the bundled case."),
    force: bool = ForceOpt,
) -> None:
    """Start a case: a commented template with every section, valid as written."""
    from negotiator.authoring.template import new_case

    written = new_case(path, source=source, force=force)
    what = "a copy of the bundled case" if source else "the commented template"
    con = console()
    con.print(f"[green]wrote[/] {what}: " + ", ".join(str(p) for p in written))
    shown = path if path.suffix.lower() != ".xlsx" else path.with_suffix(".yaml")
    if path.suffix.lower() == ".xlsx":
        con.print(f"next: fill it in, then  negotiator import {path} -o {shown}  and  negotiator rank {shown}")
    else:
        con.print(f"next: edit it, then  negotiator validate {path}  and  negotiator rank {path}")


@app.command()
def export(
    case: Optional[list[Path]] = CaseArg,
    output: Path = typer.Option(..., "--output", "-o", help="The workbook to write (FILE.xlsx)."),
    force: bool = ForceOpt,
) -> None:
    """Write a case as an Excel workbook (a sheet per section) to fill in Excel or LibreOffice."""
    from negotiator.authoring.workbook import _xlsx_target, export_workbook
    from negotiator.fileio import check_writable

    check_writable(_xlsx_target(output), force=force)  # before loading: fail fast, write nothing
    loaded = load(case)
    path = export_workbook(loaded, output, force=force)
    c = loaded.case
    console().print(
        f"[green]wrote[/] {path}: {len(c.options)} options x {len(c.objectives)} objectives, "
        f"{len(c.weights)} weight profiles, {len(c.scenarios)} scenarios "
        f"(from {loaded.name}, case_sha256 {loaded.sha256[:12]})"
    )
    console().print(f"next: edit it, then  negotiator import {path} -o case.yaml")


@app.command(name="import")
def import_(
    source: Path = typer.Argument(..., help="A workbook (FILE.xlsx) or a CSV of scores (options x objectives)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the workbook's case to this YAML file."),
    into: Optional[Path] = typer.Option(None, "--into", help="Merge a CSV of scores into this case (file or folder)."),
    force: bool = ForceOpt,
    skip_unknown: bool = typer.Option(False, "--skip-unknown", help="CSV: merge the known ids and only warn about unknown ones."),
    dry_run: bool = typer.Option(False, "--dry-run", help="CSV: check and report the changes, write nothing."),
) -> None:
    """Read a workbook into a YAML case, or merge a CSV of scores into a case."""
    from negotiator.errors import Problem, UsageError

    is_csv = source.suffix.lower() in (".csv", ".tsv", ".txt")
    if is_csv:
        if into is None or output is not None:
            raise UsageError(Problem("a CSV of scores is merged into an existing case", file=str(source), hint=f"negotiator import {source} --into CASE.yaml"))
        _merge_csv(source, into, skip_unknown, dry_run)
        return
    if output is None or into is not None:
        raise UsageError(Problem("a workbook is imported into a new YAML case", file=str(source), hint=f"negotiator import {source} -o CASE.yaml"))
    _import_workbook(source, output, force)


def _import_workbook(source: Path, output: Path, force: bool) -> None:
    from negotiator.authoring.workbook import import_workbook, write_imported_yaml
    from negotiator.errors import Problem, UsageError
    from negotiator.fileio import check_writable

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(Problem(f"the output must be a .yaml file, got '{output.name}'", file=str(output), hint="name it CASE.yaml"))
    check_writable(output, force=force)  # before reading: an existing case is never at risk
    imported = import_workbook(source)
    for w in imported.warnings:
        warn(w)
    path = write_imported_yaml(imported, output, force=force)
    c = imported.loaded.case
    console().print(
        f"[green]wrote[/] {path}: {len(c.options)} options x {len(c.objectives)} objectives, "
        f"{len(c.weights)} weight profiles, {len(c.scenarios)} scenarios (case_sha256 {imported.loaded.sha256[:12]})"
    )
    console().print(f"next: negotiator rank {path}")


def _merge_csv(source: Path, into: Path, skip_unknown: bool, dry_run: bool) -> None:
    from negotiator.authoring.csv_import import merge_scores_csv

    report = merge_scores_csv(source, into, skip_unknown=skip_unknown, dry_run=dry_run)
    for w in report.warnings:
        warn(w)
    con = console()
    for ch in report.changes:
        con.print(f"  {ch.option} / {ch.objective}: {_shown(ch.old)} -> {_shown(ch.new)}")
    verb = "would change" if dry_run else "changed"
    con.print(f"[green]{verb}[/] {len(report.changes)} scores ({report.unchanged} already equal) in {into}")
    if report.written:
        con.print("wrote " + ", ".join(report.written) + " (previous versions kept as .bak)")
    con.print(f"case_sha256 {report.sha256_before[:12]} -> {report.sha256_after[:12]}")


def _shown(score) -> str:
    from negotiator.authoring._cells import format_score

    if score is None:
        return "(none)"
    if isinstance(score, (str, list, tuple)):
        return str(format_score(score if isinstance(score, str) else list(score)))
    return str(format_score(float(score)))


__all__ = ["new", "export", "import_"]
