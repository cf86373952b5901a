"""Words for where a saved profile goes (the save dialog shows it before writing)."""

from __future__ import annotations

from ..errors import NegotiatorError
from .case_edit import profile_file
from .i18n import tr

__all__ = ["target_description"]


def target_description(app) -> str:
    try:
        file = profile_file(app.loaded)
    except NegotiatorError as exc:
        return exc.render()
    return tr("save_into", app.lang, file=str(file), bak=file.name + ".bak")
