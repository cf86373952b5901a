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
    "gathered_options",
    "emit_result",
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
    excel_csv = "excel-csv"  # CSV with a byte-order mark: read as csv, written by emit_text


#: Whether this invocation's CSV is for Excel: set by the --format callback, which runs on every
#: command that can write CSV (default values included), and reset by main() for each run.
_csv_for_excel = False


def reset_output_options() -> None:
    global _csv_for_excel
    _csv_for_excel = False


def _format_choice(value: Format) -> Format:
    """``excel-csv`` is ``csv`` for every command; only the bytes written differ.

    Excel opens a double-clicked CSV in the system code page unless it starts with a UTF-8
    byte-order mark, which garbles Chinese labels; scripts and pipes want no BOM. So plain
    ``csv`` has none and ``excel-csv`` has one (docs/exports.md)."""
    global _csv_for_excel
    if value is Format.excel_csv:
        _csv_for_excel = True
    return Format.csv if value is Format.excel_csv else value


FormatOpt = typer.Option(
    Format.table, "--format", "-f", case_sensitive=False, callback=_format_choice,
    help="Output format (excel-csv: CSV with a byte-order mark, so Excel shows Chinese labels on double-click).",
)


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

    from negotiator.i18n import colon, core_text, tr

    con = err_console()
    problems = exc.problems
    head = tr("err_one", lang) if len(problems) == 1 else tr("err_many", lang, n=len(problems))
    con.print(f"[bold red]{escape(head)}{'：' if lang == 'zh' else ':'}[/]", soft_wrap=True)
    for p in problems:
        loc = p.location()
        # "file:line: " stays as editors parse it; the place inside the file is followed by the language's colon.
        text = (f"{loc}: " if loc else "") + (core_text(p.where, lang) + colon(lang) if p.where else "") + core_text(p.message, lang)
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
    """The one JSON writer: strict JSON (no NaN or Infinity, which JSON has not), nothing written when it cannot be."""
    import json

    from negotiator.errors import NegotiatorError, Problem

    try:
        text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    except ValueError:
        # The core turns every undefined number into null; reaching here is our bug, not the user's input.
        from negotiator.messages import Message

        raise NegotiatorError(Problem(Message("cl_json_not_finite"), hint=Message("cl_json_not_finite_hint"))) from None
    sys.stdout.write(text + "\n")


def emit_text(text: str) -> None:
    if _csv_for_excel:
        text = "\ufeff" + text
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def emit_result(result, fmt: str, csv_text, renderable, as_dict=None) -> None:
    """An analysis result as JSON (``as_dict(result)``, else its to_dict()), CSV (``csv_text(result)``)
    or what ``renderable()`` builds for the terminal: one renderable or a list, printed in order
    (called only for a table). ``fmt`` is the --format value."""
    if fmt == "json":
        emit_json(as_dict(result) if as_dict is not None else result.to_dict())
    elif fmt == "csv":
        emit_text(csv_text(result))
    else:
        con = console()
        built = renderable()
        for item in built if isinstance(built, (list, tuple)) else [built]:
            con.print(item)


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


def gathered_options(into: str, build, options: list[tuple[str, object, object]], before: str = "fmt"):
    """Give a command options that several commands share, handed to it as one object.

    Each (name, annotation, typer.Option) becomes a keyword parameter of the command's
    signature, placed before its parameter ``before`` (so --format and --lang stay last in
    the help) or after its own parameters; when the command runs, their values go to
    ``build(**values)`` and the result to the command's parameter ``into``. One list of
    options then serves every command that takes them, and one function reads them.
    """
    import functools
    import inspect

    def decorate(command):
        sig = inspect.signature(command)
        own = [p for p in sig.parameters.values() if p.name != into]
        shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=opt, annotation=ann) for name, ann, opt in options]

        @functools.wraps(command)
        def run(**kwargs):
            values = {name: kwargs.pop(name) for name, _, _ in options}
            return command(**kwargs, **{into: build(**values)})

        names = [p.name for p in own]
        at = names.index(before) if before in names else len(own)
        # Keyword-only parameters must follow the others: the command's own ones after `at` become keyword-only too.
        tail = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own[at:]]
        run.__signature__ = sig.replace(parameters=[*own[:at], *shared, *tail])
        hints = {k: v for k, v in getattr(command, "__annotations__", {}).items() if k != into}
        run.__annotations__ = {**hints, **{name: ann for name, ann, _ in options}}
        return run

    return decorate
