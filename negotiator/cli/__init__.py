"""The `negotiator` command line. Parses, calls the core, prints; nothing else.

Each command group lives in its own module and imports heavy libraries
(pandas, pulp, textual) inside the command, so `negotiator --help` is instant.
"""

from __future__ import annotations

import importlib
import sys
import typing

import typer

__all__ = ["app", "main"]

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

#: Command modules, registered in this order (each adds its commands to `app`).
_COMMAND_MODULES = [
    "case_cmds",
    "methods_cmds",
    "sensitivity_cmds",
    "portfolio_cmds",
    "payoffs_cmds",
    "negotiate_cmds",
    "conflict_cmds",
    "memo_cmds",
    "authoring_cmds",
    "tui_cmds",
]

for _name in _COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


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


def _click_exception_types():
    """Typer >= 0.20 vendors its own click; older Typer uses click itself. Catch both."""
    click_errors, exits, aborts = [], [typer.Exit], [typer.Abort]
    for module in ("click.exceptions", "typer._click.exceptions"):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        click_errors.append(mod.ClickException)
        for name, bucket in (("Exit", exits), ("Abort", aborts)):
            if hasattr(mod, name):
                bucket.append(getattr(mod, name))
    return tuple(click_errors), tuple(exits), tuple(aborts)


def _lang_of(argv: list[str]) -> str:
    """The --lang the command line asked for (en when none or not one we write): errors read in it."""
    args = [str(a) for a in argv]
    for i, a in enumerate(args):
        value = args[i + 1] if a == "--lang" and i + 1 < len(args) else a[7:] if a.startswith("--lang=") else None
        if value is not None:
            return value if value in ("en", "zh") else "en"
    return "en"


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: user errors print one clear message and exit 2."""
    from negotiator.errors import NegotiatorError
    from negotiator.cli.common import print_error, reset_output_options

    reset_output_options()
    click_errors, exits, aborts = _click_exception_types()
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="negotiator", standalone_mode=False)
    except NegotiatorError as exc:
        print_error(exc, _lang_of(sys.argv[1:] if argv is None else argv))
        sys.exit(exc.exit_code)
    except exits as exc:
        sys.exit(getattr(exc, "exit_code", 0))
    except aborts:
        sys.stderr.write("aborted\n")
        sys.exit(1)
    except click_errors as exc:
        exc.show()
        is_usage = type(exc).__name__ in ("UsageError", "BadParameter", "MissingParameter", "NoSuchOption", "BadOptionUsage", "BadArgumentUsage", "NoArgsIsHelpError")
        sys.exit(2 if is_usage or isinstance(exc, getattr(type(exc), "UsageError", ())) else exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(result if isinstance(result, int) else 0)
