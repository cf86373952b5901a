"""The one Typer application every command module registers on, and how `--help` words things.

Command modules import `app` from here (not from `negotiator.cli`, whose `app` registers every
command first); `negotiator.cli.main` imports only the module of the command being run.
"""

from __future__ import annotations

import importlib
import typing

import typer

__all__ = ["app"]

app = typer.Typer(
    name="negotiator",
    help="Rank, test and package responses to 'safe third country' deportation policies. "
    "Run with no CASE to use the bundled case from the source paper.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: What `--help` shows as the kind of value an option takes, in words a policy analyst reads
#: without knowing Python (Typer >= 0.29 prints annotations such as "<bool>" or "<list[Path]>").
_VALUE_WORDS = {bool: None, int: "INTEGER", float: "NUMBER", str: "TEXT"}


def _value_word(param, ctx):
    """The value placeholder for one option or argument in `--help`: a metavar, choices, or a plain word."""
    if getattr(param, "is_bool_flag", False):
        return None  # a switch takes no value
    if param.metavar:
        return None if param.param_type_name == "argument" else param.metavar
    desc = param.type_descriptor
    if desc.is_choice and desc.choices:
        return "|".join(str(getattr(c, "value", c)) for c in desc.choices)
    if desc.is_path:
        word = "FILE" if getattr(desc, "is_file", False) else "PATH"
    else:
        annotation = desc.annotation
        element = typing.get_args(annotation)[0] if typing.get_origin(annotation) in (list, tuple) and typing.get_args(annotation) else annotation
        word = _VALUE_WORDS.get(element, "TEXT")
    return word  # a repeatable option still takes one value each time (its help says "repeatable")


def _argument_in_usage(param) -> str:
    """An argument in the usage line: its metavar as written, else PATH or [PATH] (Typer 0.29 writes {path})."""
    if param.metavar:
        return param.metavar
    name = param.name.upper()
    name = name if param.required else f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


def _use_plain_help_words() -> None:
    """Replace Typer's Python-type placeholders in `--help` (only the Typer versions that have them)."""
    core = importlib.import_module("typer.core")
    for name in ("TyperOption", "TyperArgument"):
        cls = getattr(core, name, None)
        if cls is not None and hasattr(cls, "display_type_rich"):
            cls.display_type_rich = _value_word
    argument = getattr(core, "TyperArgument", None)
    if argument is not None and hasattr(argument, "_usage_display_name"):
        argument._usage_display_name = _argument_in_usage


_use_plain_help_words()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    if version:
        from negotiator._version import __version__

        typer.echo(f"negotiator {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
