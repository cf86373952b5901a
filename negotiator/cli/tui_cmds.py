"""`negotiator tui`: the terminal UI (Textual is imported inside the command only); `--web` serves it in a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli._app import app
from negotiator.messages import Message
from negotiator.cli.common import CaseArg

DEFAULT_PORT = 8000


@app.command()
def tui(
    case: Optional[list[Path]] = CaseArg,
    lang: str = typer.Option("en", "--lang", help="Label language: en or zh (switch live with `l`)."),
    web: bool = typer.Option(False, "--web", help="Serve the same app to a web browser (textual-serve) instead of the terminal."),
    host: str = typer.Option("127.0.0.1", "--host", help="With --web: the address to listen on (127.0.0.1: this computer only)."),
    port: int = typer.Option(DEFAULT_PORT, "--port", help="With --web: the port to listen on."),
) -> None:
    """Open the terminal UI: rank, weigh and compare the options live (--web: in a browser)."""
    from negotiator.i18n import check_lang

    check_lang(lang)
    if web:
        serve_web(list(case) if case else None, lang, host, port)
        return
    from negotiator.tui import make_app

    make_app(list(case) if case else None, lang=lang).run()


def web_command(case: list[Path] | None, lang: str) -> str:
    """The command textual-serve runs for each browser session: this Python, `negotiator tui`, the same case."""
    import shlex
    import sys

    parts = [sys.executable, "-m", "negotiator", "tui", "--lang", lang] + [str(Path(c).resolve()) for c in case or []]
    return " ".join(shlex.quote(p) for p in parts)


def check_port(host: str, port: int) -> None:
    """A UsageError (exit 2) when ``host:port`` cannot be listened on (another program has it)."""
    import socket

    from negotiator.errors import Problem, UsageError

    if not 0 < port < 65536:
        raise UsageError(Problem(Message("cl_port", port=port)))
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((host, port))
    except OSError as exc:
        raise UsageError(Problem(Message("cl_cannot_listen", host=host, port=port, why=str(exc.strerror or exc)), hint=Message("cl_cannot_listen_hint", next=port + 1))) from None


def serve_web(case: list[Path] | None, lang: str, host: str, port: int) -> None:
    from textual_serve.server import Server

    check_port(host, port)
    typer.echo(f"negotiator tui --web: open http://{host}:{port} in a browser (Ctrl+C stops the server)", err=True)
    Server(web_command(case, lang), host=host, port=port, title="negotiator").serve()
