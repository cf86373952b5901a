"""Pieces every command shares: the CASE argument, --format, printing and errors."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

__all__ = [
    "CaseArg",
    "ProfileOpt",
    "MethodOpt",
    "LangOpt",
    "LANGUAGES",
    "check_lang",
    "Format",
    "FormatOpt",
    "console",
    "err_console",
    "print_error",
    "load",
    "emit_json",
    "emit_text",
    "warn",
    "emit_ranking",
    "layout_of",
]

CaseArg = typer.Argument(None, metavar="[CASE]...", help="Case file(s) or folder. Default: the bundled case from the paper.", show_default=False)
ProfileOpt = typer.Option(None, "--profile", "-p", help="Weight profile (default: the case's first).")
MethodOpt = typer.Option("additive", "--method", "-m", help="Aggregation method (see `negotiator methods`).")
LANGUAGES = ("en", "zh")


def check_lang(value: str) -> str:
    """--lang accepts en or zh; anything else is a usage error (exit 2), not silently English."""
    if value not in LANGUAGES:
        raise typer.BadParameter(f"'{value}' is not a language negotiator writes; use en or zh")
    return value


LangOpt = typer.Option("en", "--lang", help="Label language: en or zh.", callback=check_lang)


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


FormatOpt = typer.Option(Format.table, "--format", "-f", help="Output format.", case_sensitive=False)


def console():
    from rich.console import Console

    return Console(highlight=False)


def layout_of(con):
    """The console's width and whether it shows colour, for the table builders (see termfit.py)."""
    from negotiator.render.termfit import terminal_layout

    return terminal_layout(con)


def err_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def print_error(exc, lang: str = "en") -> None:
    """One clear message per problem on stderr; no traceback. A problem worded by the core as a
    Message (negotiator.messages) reads in ``lang``; other problems keep the core's English."""
    from rich.markup import escape

    from negotiator.i18n import core_text, tr

    con = err_console()
    problems = exc.problems
    head = tr("err_one", lang) if len(problems) == 1 else tr("err_many", lang, n=len(problems))
    con.print(f"[bold red]{escape(head)}{'：' if lang == 'zh' else ':'}[/]", soft_wrap=True)
    for p in problems:
        loc = p.location()
        text = (f"{loc}: " if loc else "") + (f"{p.where}: " if p.where else "") + core_text(p.message, lang)
        if p.hint:
            text += "\n  " + tr("err_fix", lang, hint=core_text(p.hint, lang))
        # soft_wrap: never break "file:line: message" across lines (editors parse it).
        con.print("  " + escape(text).replace("\n", "\n  "), soft_wrap=True)


def warn(message: str, lang: str = "en") -> None:
    """A warning on stderr; a core Message reads in ``lang``."""
    from rich.markup import escape

    from negotiator.i18n import core_text, tr

    err_console().print(f"[yellow]{tr('warning', lang)}[/]{escape(core_text(message, lang))}")


def load(case: Optional[list[Path]]):
    """Load the case named on the command line (bundled when none)."""
    from negotiator.case.catalog import load_case

    return load_case(case or None)


def emit_json(data) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit_text(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit_ranking(result, fmt: Format, lang: str = "en", case=None) -> None:
    """Print a Ranking in the format asked for (rank, analysts and others share this).

    ``case`` (optional) lets the table name the profile and word red-line reasons in ``lang``."""
    if fmt is Format.json:
        emit_json(result.to_dict())
    elif fmt is Format.csv:
        from negotiator.render.formats import ranking_csv

        emit_text(ranking_csv(result))
    elif fmt is Format.markdown:
        from negotiator.render.formats import ranking_markdown

        emit_text(ranking_markdown(result, lang=lang, case=case))
    else:
        from negotiator.render.tables import ranking_table, screened_table

        con = console()
        con.print(ranking_table(result, lang=lang, layout=layout_of(con), case=case))
        extra = screened_table(result, lang=lang, case=case)
        if extra is not None:
            con.print(extra)
        for finding in result.details.get("findings", []):
            con.print(finding, markup=False)
