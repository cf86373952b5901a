"""Every command the README shows works as written, in order, from a folder outside the repository.

The README is what a newcomer copies. Each ```bash block is read, continuation lines
joined and comments dropped, and every `negotiator ...` command runs in-process (the
console script's own entry point) in one temporary folder, in the README's order, so
that a command that needs an earlier one's file (`validate my_case.yaml` after `new`)
finds it. `> FILE` redirections write stdout to FILE, as the shell would.

The set-up and test commands are not run here: they are checked to be exactly what CI
(`.ci/run`) runs. The terminal UI is interactive; tests/tui drive it.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from negotiator.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

SETUP = ('pip install ".[test]"', "python -m pytest -q")


def readme_commands() -> list[str]:
    """The commands of the README's bash blocks, one per line, comments and continuations folded."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command:
                commands.append(" ".join(command.split()))
    return commands


COMMANDS = readme_commands()
RUNNABLE = [c for c in COMMANDS if not c.startswith(SETUP) and not c.startswith("negotiator tui")]


def _argv(command: str) -> tuple[list[str], str | None]:
    """The arguments after `negotiator` (or `python -m negotiator`) and the file stdout goes to."""
    words = shlex.split(command)
    target = None
    if ">" in words:
        at = words.index(">")
        words, target = words[:at], words[at + 1]
    if words[:3] == ["python", "-m", "negotiator"]:
        return words[3:], target
    assert words[0] == "negotiator", f"the README shows a command this test cannot run: {command}"
    return words[1:], target


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Run every README command once, in order, in a folder that is not the checkout."""
    where = tmp_path_factory.mktemp("newcomer")
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(where)
        mp.setenv("COLUMNS", "80")
        mp.setenv("NO_COLOR", "1")
        for command in RUNNABLE:
            argv, target = _argv(command)
            result = run_cli(*argv)
            if target is not None and result.exit_code == 0:
                (where / target).write_text(result.stdout, encoding="utf-8")
            out[command] = result
    return where, out


def test_the_readme_shows_commands_to_run():
    assert len(RUNNABLE) >= 40, RUNNABLE


def test_set_up_and_test_commands_are_the_ones_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install --quiet ".[test]"' in ci and "python -m pytest -q" in ci
    assert COMMANDS[0] == 'pip install ".[test]"' and COMMANDS[1] == "negotiator rank"
    assert "python -m pytest -q" in COMMANDS


@pytest.mark.parametrize("command", RUNNABLE)
def test_readme_command_works_as_written(command, results):
    where, out = results
    result = out[command]
    assert result.exit_code == 0, f"{command}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    argv, target = _argv(command)
    written = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-o", "--plot") and not argv[i + 1].startswith("-")]
    if command.startswith("negotiator sensitivity sweep"):
        written = [w for w in written if "." in w]  # -o there names an objective
    for name in written + ([target] if target else []):
        assert (where / name).is_file() and (where / name).stat().st_size > 0, f"{command} did not write {name}"
