"""Words for where a saved profile goes (the save dialog shows it before writing)."""

from __future__ import annotations

from negotiator.errors import NegotiatorError
from negotiator.case.edit import profile_file
from negotiator.i18n import tr

__all__ = ["target_description"]


def target_description(app) -> str:
    try:
        file = profile_file(app.loaded)
    except NegotiatorError as exc:
        return exc.render()
    return tr("save_into", app.lang, file=str(file), bak=file.name + ".bak")
