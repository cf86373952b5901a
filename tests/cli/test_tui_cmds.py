"""`negotiator tui --web`: the same app served to a browser by textual-serve on localhost."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from negotiator.cli.tui_cmds import web_command

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_busy_port_is_a_clear_message_and_exit_2(cli):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("tui", "--web", "--port", str(port))
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr


def test_the_web_command_runs_this_python_on_the_same_case_and_language():
    cmd = web_command([Path("my case.yaml")], "zh")
    assert cmd.startswith(sys.executable) and "-m negotiator tui --lang zh" in cmd
    assert str(Path("my case.yaml").resolve()) in cmd  # quoted: the space survives the shell


@pytest.mark.slow
def test_the_server_starts_and_answers_on_localhost():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "negotiator", "tui", "--web", "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        page = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.3)
        assert page is not None, proc.stderr.read().decode() if proc.poll() is not None else "no answer within 30 s"
        assert "textual" in page.lower() and f"ws://127.0.0.1:{port}/ws" in page
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
