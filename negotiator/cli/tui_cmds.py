"""`negotiator tui`: the terminal UI (Textual is imported inside the command only)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from negotiator.cli import app
from negotiator.cli.common import CaseArg


@app.command()
def tui(
    case: Optional[list[Path]] = CaseArg,
    lang: str = typer.Option("en", "--lang", help="Label language: en or zh (switch live with `l`)."),
) -> None:
    """Open the terminal UI: rank, weigh and compare the options live."""
    from negotiator.i18n import check_lang

    check_lang(lang)
    from negotiator.tui import make_app

    make_app(list(case) if case else None, lang=lang).run()
