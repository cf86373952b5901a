"""The `negotiator` command line. Parses, calls the core, prints; nothing else.

Each command group lives in its own module and imports heavy libraries (pandas, pulp, textual)
inside the command. `main` imports only the module of the command being run (building every
command's options costs more than ranking the bundled case); `--help`, a bare `negotiator`, an
unknown command and `negotiator.cli.app` register them all, in the order below.
"""

from __future__ import annotations

import importlib
import sys

import typer

from negotiator.cli import _app

__all__ = ["app", "main", "register_commands", "COMMAND_MODULES"]

#: Each command module and the top-level commands it registers, in `--help` order.
#: tests/cli/test_registration.py checks this against what the modules really register.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "case_cmds": ("rank", "validate", "show", "schema", "examples"),
    "methods_cmds": ("methods", "compare-methods", "analysts", "ahp"),
    "sensitivity_cmds": ("sensitivity",),
    "portfolio_cmds": ("portfolio",),
    "payoffs_cmds": ("payoffs", "game"),
    "negotiate_cmds": ("negotiate",),
    "conflict_cmds": ("conflict",),
    "memo_cmds": ("memo",),
    "authoring_cmds": ("new", "export", "import"),
    "tui_cmds": ("tui",),
}
_MODULE_OF = {command: module for module, commands in COMMAND_MODULES.items() for command in commands}
_registered: list[str] = []


def register_commands(command: str | None = None) -> typer.Typer:
    """Import the module that registers `command` (every module when None or unknown); the app."""
    wanted = [_MODULE_OF[command]] if command in _MODULE_OF else list(COMMAND_MODULES)
    new = [m for m in wanted if m not in _registered]
    for module in new:
        importlib.import_module(f"{__name__}.{module}")
        _registered.append(module)
    if new:
        _keep_help_order(_app.app)
    return _app.app


def _keep_help_order(app: typer.Typer) -> None:
    """Commands listed in COMMAND_MODULES order, whichever module was imported first."""
    order = {module: i for i, module in enumerate(COMMAND_MODULES)}

    def rank_of(info) -> int:
        callback = info.callback if hasattr(info, "callback") and info.callback else None
        if callback is None and getattr(info, "typer_instance", None) is not None:
            commands = info.typer_instance.registered_commands
            callback = commands[0].callback if commands else None
        module = getattr(callback, "__module__", "").rsplit(".", 1)[-1]
        return order.get(module, len(order))

    app.registered_commands.sort(key=rank_of)
    app.registered_groups.sort(key=rank_of)


def __getattr__(name: str):
    """`negotiator.cli.app`: the application with every command registered (tests, embedding)."""
    if name == "app":
        return register_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _command_in(argv: list[str]) -> str | None:
    """The command a command line runs: its first word that is not a root option (None if none)."""
    for arg in argv:
        if not str(arg).startswith("-"):
            return str(arg)
    return None


def _click_exception_types():
    """Typer >= 0.20 vendors its own click (only that one can raise here); older Typer uses click itself."""
    try:
        mod = importlib.import_module("typer._click.exceptions")
    except ImportError:
        mod = importlib.import_module("click.exceptions")
    exits, aborts = [typer.Exit], [typer.Abort]
    for name, bucket in (("Exit", exits), ("Abort", aborts)):
        if hasattr(mod, name):
            bucket.append(getattr(mod, name))
    return (mod.ClickException,), tuple(exits), tuple(aborts)


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
    args = sys.argv[1:] if argv is None else list(argv)
    command = typer.main.get_command(register_commands(_command_in(args)))
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
