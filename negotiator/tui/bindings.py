"""Key bindings whose footer words follow the UI language."""

from __future__ import annotations

from dataclasses import replace

from negotiator.i18n import CATALOGUE, tr

__all__ = ["relabel_bindings"]


def relabel_bindings(node, lang: str) -> None:
    """Reword every binding of ``node`` that carries an id naming an i18n word."""
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [replace(b, description=tr(b.id, lang)) if b.id in CATALOGUE else b for b in bindings]
