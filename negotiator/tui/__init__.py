"""The Textual terminal UI: `negotiator tui [CASE]`.

``make_app(case, lang)`` builds the app for the CLI and the tests alike. A case
that does not load opens on a screen listing its problems instead.
"""

from __future__ import annotations

__all__ = ["make_app"]


def make_app(case=None, lang: str = "en"):
    """The app for ``case`` (a LoadedCase, a path, a list of paths, or None for the bundled case)."""
    from negotiator.case.catalog import LoadedCase, load_case
    from negotiator.errors import NegotiatorError
    from negotiator.tui.app import NegotiatorApp

    paths = None if case is None or isinstance(case, LoadedCase) else ([case] if not isinstance(case, (list, tuple)) else list(case))
    try:
        loaded = case if isinstance(case, LoadedCase) else load_case(paths or None)
    except NegotiatorError as exc:
        return NegotiatorApp(None, paths=paths, lang=lang, problems=exc.problems)
    return NegotiatorApp(loaded, paths=paths if paths else (None if loaded.name == "bundled" else loaded.files), lang=lang)
