"""Memos: a language-neutral Memo (memo.py) rendered to .md, .html, .docx, .xlsx or .csv.

    memo = build_memo(load_case(None), MemoRequest(lang="zh"))
    data = render(memo, "docx")          # bytes
    write_atomic("memo.docx", data)

Renderers import their heavy libraries (python-docx, openpyxl, matplotlib) when called.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["FORMATS", "format_of", "render", "written_sections", "build_memo", "MemoRequest"]

#: file extension -> renderer module (each has render(memo) -> bytes)
FORMATS: dict[str, str] = {
    ".md": "render_md",
    ".html": "render_html",
    ".docx": "render_docx",
    ".xlsx": "render_xlsx",
    ".csv": "render_csv",
}


def format_of(path: str | Path) -> str:
    """The memo format a file name asks for (".md", ...); a clear error for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix == ".htm":
        suffix = ".html"
    if suffix not in FORMATS:
        message = Message("mr_format", suffix=suffix) if suffix else Message("mr_format_none")
        raise UsageError(Problem(message, file=str(path), hint=Message("mr_format_hint", formats=", ".join(FORMATS))))
    return suffix


def render(memo, fmt: str) -> bytes:
    """The memo as the bytes of a file of format ``fmt`` (".md" or "md", ...)."""
    key = fmt if fmt.startswith(".") else "." + fmt
    module = importlib.import_module(f"{__name__}.{FORMATS[key]}")
    return module.render(memo)


def written_sections(memo, fmt: str) -> list:
    """The memo's sections a file of format ``fmt`` holds: every one, except where the renderer
    writes part of the memo (``SECTIONS`` in its module: the CSV holds the ranking only)."""
    key = fmt if fmt.startswith(".") else "." + fmt
    module = importlib.import_module(f"{__name__}.{FORMATS[key]}")
    only = getattr(module, "SECTIONS", None)
    return [s for s in memo.sections if only is None or s.key in only]


def build_memo(loaded, request):
    from negotiator.report.memo import build_memo as _build

    return _build(loaded, request)


def __getattr__(name):
    if name == "MemoRequest":
        from negotiator.report.memo import MemoRequest

        return MemoRequest
    raise AttributeError(name)
