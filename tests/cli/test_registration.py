"""Commands are registered lazily (issue 16, start-up): `main` imports only the module of the
command being run. These tests keep the map of modules to commands true and the help whole."""

from __future__ import annotations

import subprocess
import sys

import typer

from negotiator.cli import COMMAND_MODULES


def _name(info) -> str:
    return info.name or info.callback.__name__.replace("_", "-")


def _registered_by_module() -> dict[str, set[str]]:
    from negotiator.cli import app

    found: dict[str, set[str]] = {}
    for info in app.registered_commands:
        found.setdefault(info.callback.__module__.rsplit(".", 1)[-1], set()).add(_name(info))
    for info in app.registered_groups:
        module = info.typer_instance.registered_commands[0].callback.__module__.rsplit(".", 1)[-1]
        found.setdefault(module, set()).add(info.name)
    return found


def test_the_map_names_every_command_of_every_module():
    assert _registered_by_module() == {module: set(commands) for module, commands in COMMAND_MODULES.items()}


def test_help_lists_commands_in_the_maps_order():
    from negotiator.cli import app

    listed = list(typer.main.get_command(app).list_commands(None))
    in_order = [c for commands in COMMAND_MODULES.values() for c in commands]
    groups = [info.name for info in app.registered_groups]  # Typer lists command groups after commands
    assert listed == [c for c in in_order if c not in groups] + [c for c in in_order if c in groups]


def _modules_after(args: list[str]) -> list[str]:
    code = (
        "import sys\nfrom negotiator.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m.rsplit('.', 1)[-1] for m in sys.modules if m.startswith('negotiator.cli.') and m.endswith('_cmds')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return eval(out.strip().splitlines()[-1])  # a list literal printed by the child


def test_running_a_command_imports_only_its_module():
    assert _modules_after(["rank", "--format", "json"]) == ["case_cmds"]
    assert _modules_after(["sensitivity", "--help"]) == ["sensitivity_cmds"]


def test_help_and_unknown_commands_register_everything():
    everything = sorted(COMMAND_MODULES)
    assert _modules_after(["--help"]) == everything
    assert _modules_after(["rnak"]) == everything
    assert _modules_after([]) == everything


def test_a_later_command_keeps_the_help_order():
    """A process that ran `sensitivity` first (registering it first) still lists `rank` first."""
    from negotiator.cli import main, register_commands

    try:
        main(["sensitivity", "--help"])
    except SystemExit:
        pass
    listed = list(typer.main.get_command(register_commands()).list_commands(None))
    assert listed[0] == "rank" and listed.index("sensitivity") > listed.index("ahp")
