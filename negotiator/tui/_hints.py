"""The TUI's advice in place of the CLI's: a core error's hint names command-line flags
("pass --force", "use --method additive with --baseline"); in the UI the user acts with keys."""

from __future__ import annotations

from dataclasses import replace

from negotiator.errors import NegotiatorError
from negotiator.i18n import tr

__all__ = ["tui_error_text"]

#: A fragment of the core's CLI hint -> the i18n key of what to do in the TUI instead.
TUI_HINTS: dict[str, str] = {
    "pass --force to overwrite": "tui_hint_file_exists",
    "use --method additive with --baseline": "tui_hint_baseline_method",
}


def tui_error_text(exc: NegotiatorError, lang: str) -> str:
    """``exc.render()`` with every CLI hint the UI knows replaced by what to do in the UI."""
    problems = []
    for p in exc.problems:
        key = next((k for fragment, k in TUI_HINTS.items() if p.hint and fragment in p.hint), None)
        problems.append(replace(p, hint=tr(key, lang)) if key else p)
    return type(exc)(problems).render()
