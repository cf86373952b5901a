"""negotiator: decision support for responding to 'safe third country' deportation policies.

The public API is imported lazily so that `negotiator --help` stays instant.

    >>> import negotiator as ng
    >>> case = ng.load_case()             # the bundled case from the paper
    >>> ng.rank(case, profile="balanced").to_frame()
"""

from __future__ import annotations

from negotiator._version import __version__

__all__ = [
    "__version__",
    "load_case",
    "rank",
    "LoadedCase",
    "Ranking",
    "NegotiatorError",
    "CaseError",
    "UsageError",
]

_LAZY = {
    "load_case": ("case.catalog", "load_case"),
    "LoadedCase": ("case.catalog", "LoadedCase"),
    "rank": ("ranking.api", "rank"),
    "Ranking": ("ranking.result", "Ranking"),
    "NegotiatorError": ("errors", "NegotiatorError"),
    "CaseError": ("errors", "CaseError"),
    "UsageError": ("errors", "UsageError"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'negotiator' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
