"""The one matplotlib set-up: backend, fonts, colours, labels and saving to bytes.

Every chart of the toolkit (the memo's figures in report/figures.py, the CLI's
``--plot`` charts in render/plots.py) is drawn through this module, so there is
one answer to each of these questions:

- **Backend**: Agg, through matplotlib's object API (:func:`new_figure`: a ``Figure`` with an
  Agg canvas), never pyplot: nothing opens a window, no figure is kept in pyplot's global
  list, and pyplot's import (~12 ms) is not paid.
- **Fonts**: DejaVu Sans for Latin text, with a CJK font as glyph fallback. The CJK
  font is looked up at run time, only when a chart needs it: matplotlib's font cache is
  refreshed first (fonts installed after the cache was written are added, fonts since
  removed are dropped), because a stale cache made Chinese charts fall back to ids with
  a false "no such font". The first installed family of :data:`CJK_FAMILIES` wins, at
  regular weight (never bold); failing those, any regular font with Chinese glyphs. When
  there is none, :func:`cjk_font` says so (None) and :func:`chart_lang` draws the chart in
  English rather than in empty boxes; the CLI prints why. The font found is remembered in
  a small file beside matplotlib's own cache, with the state of the font folders (each
  folder's modification time) and the font file's: while neither changed, later processes
  skip the refresh (listing and opening every installed font, ~50 ms); a font installed or
  removed in those folders, or a changed matplotlib, means a new search. "No CJK font" is
  never remembered.
- **Colours**: :data:`PALETTE` (shared with the terminal's bars), a grey for
  context and an accent for "the winner changes".
- **Labels**: option and objective labels from the case in the chart's language
  (``label_zh`` for Chinese), never ids where a label exists.
- **Files**: :func:`figure_bytes` saves PNG, SVG or PDF deterministically (fixed
  SVG hash salt, no dates or software metadata) and closes the figure.

matplotlib is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from negotiator.render.bars import PALETTE

__all__ = [
    "PALETTE", "HIGHLIGHT", "GREY", "ACCENT", "INK", "MUTED", "FORMATS", "CJK_FAMILIES", "SVG_FONTS", "CJKFont",
    "plot_format", "new_figure", "refresh_fonts", "cjk_font", "chart_lang", "font_families", "style",
    "option_label", "objective_label", "add_footer", "figure_bytes", "covers", "text_em", "shorten", "wrap_em",
]

#: Colours for lines that must stand out from the grey ones (the palette without its pale greys and pinks).
HIGHLIGHT = [c for c in PALETTE if c not in ("#bab0ac", "#fabfd2", "#ff9da7", "#86bcb6")]
#: Lines and bars that give context only (options that never come first or second).
GREY = "#c4c4c4"
#: "The winner changes here."
ACCENT = "#d73027"
#: Axes, markers and the current-weight line.
INK = "#222222"
#: Footers and notes.
MUTED = "#555555"

#: File formats a chart can be saved in (PDF only where a command accepts it).
FORMATS = ("png", "svg")
_SAVE_FORMATS = ("png", "svg", "pdf")
_PNG_COMPRESSION = 3

#: CJK families tried in order (Simplified Chinese first; sans before serif).
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Source Han Sans",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK",
    "Microsoft YaHei", "PingFang SC", "SimHei", "Droid Sans Fallback", "Noto Serif CJK SC", "AR PL UMing CN",
)
#: Families named in SVG files that keep text as text (the memo's): the reader's browser picks.
SVG_FONTS = ["DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", "SimSun", "sans-serif"]
#: Characters a font must have to count as a Chinese font.
_PROBE = "中国选项权重得分"
#: Regular weight: what matplotlib calls 400 ("normal").
_REGULAR = 400


def plot_format(path) -> str | None:
    """'png' or 'svg' from a file name, None for anything else."""
    suffix = str(path).rsplit(".", 1)[-1].lower() if "." in str(path) else ""
    return suffix if suffix in FORMATS else None


def _quiet() -> None:
    """matplotlib quiet about missing fonts (handled here)."""
    import logging

    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)


def new_figure(**kwargs):
    """A matplotlib ``Figure`` (``figsize``, ``dpi`` ...) drawn by Agg, as ``pyplot.figure`` would
    make it on the Agg backend, without pyplot."""
    _quiet()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(**kwargs)
    FigureCanvasAgg(fig)
    return fig


@lru_cache(maxsize=1)
def refresh_fonts() -> int:
    """Bring matplotlib's font list up to date with the fonts installed now.

    The list is read from a cache written when matplotlib first ran; fonts installed
    later (``apt-get install fonts-noto-cjk``) are missing from it and fonts removed
    since are still in it. Returns the number of entries added or dropped. Runs once
    per process (``refresh_fonts.cache_clear()`` to run it again).
    """
    from matplotlib import font_manager

    fm = font_manager.fontManager
    before = len(fm.ttflist)
    fm.ttflist = [f for f in fm.ttflist if os.path.exists(f.fname)]
    dropped = before - len(fm.ttflist)
    known = {os.path.realpath(f.fname) for f in fm.ttflist}
    added = 0
    for path in font_manager.findSystemFonts(fontext="ttf"):
        if os.path.realpath(path) in known:
            continue
        try:
            fm.addfont(path)
            added += 1
        except (OSError, RuntimeError, ValueError):
            continue  # a broken font file is not ours to report
    if dropped and hasattr(fm, "_findfont_cached"):
        fm._findfont_cached.cache_clear()  # addfont() clears it itself
    return added + dropped


@dataclass(frozen=True)
class CJKFont:
    """An installed font with Chinese glyphs: its family name and file."""

    name: str
    path: str
    weight: int


@lru_cache(maxsize=None)
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def covers(path: str, texts) -> bool:
    """True when the font file has a glyph for every non-space character of ``texts``."""
    chars = _charmap(path)
    return all(ord(ch) in chars for t in texts for ch in t if not ch.isspace())


def _weight(entry) -> int:
    w = entry.weight
    if isinstance(w, str):
        from matplotlib.font_manager import weight_dict

        w = weight_dict.get(w, _REGULAR)
    return int(w)


@lru_cache(maxsize=1)
def cjk_font() -> CJKFont | None:
    """The CJK font charts use, found among the fonts installed now; None when there is none.

    Preference: the families of :data:`CJK_FAMILIES` in order, then any font that has
    Chinese glyphs; within a family, upright and closest to regular weight (so never
    the bold face when a regular one is installed). Remembered between processes while
    the font folders and the font file are unchanged (see the module docstring).
    """
    from matplotlib import font_manager

    remembered = _remembered_font()
    if remembered is not None:
        font, entry = remembered
        fm = font_manager.fontManager
        if not any(e.fname == entry.fname and e.name == entry.name and e.style == entry.style for e in fm.ttflist):
            fm.ttflist.append(entry)  # matplotlib's cache predates the font: add its one face by name
            fm._findfont_cached.cache_clear()
        return font
    refresh_fonts()
    entries = [e for e in font_manager.fontManager.ttflist if e.style == "normal" and not e.name.startswith("Last Resort")]
    rank = {name: k for k, name in enumerate(CJK_FAMILIES)}

    def key(e):
        return (rank.get(e.name, len(rank)), abs(_weight(e) - _REGULAR), e.name, e.fname)

    for e in sorted(entries, key=key):
        if e.name not in rank and ("Mono" in e.name or _weight(e) > 500):
            continue  # an unknown family: only regular proportional faces
        if covers(e.fname, [_PROBE]):
            font = CJKFont(e.name, e.fname, _weight(e))
            _remember_font(font, e)
            return font
    return None


_FONT_MEMO_VERSION = 1


def _font_memo_path():
    """The file that remembers the CJK font: beside matplotlib's font cache (its folder is writable)."""
    from pathlib import Path

    import matplotlib

    return Path(matplotlib.get_cachedir()) / "negotiator-cjk-font.json"


def _font_folders_state() -> list:
    """Every folder under the font folders matplotlib searches, with its modification time:
    installing or removing a font file changes the time of the folder it is in."""
    import sys

    from matplotlib import font_manager

    roots = list(font_manager.X11FontDirectories) + list(font_manager.OSXFontDirectories)
    roots += list(getattr(font_manager, "MSUserFontDirectories", []))
    if sys.platform == "win32":
        roots.append(font_manager.win32FontDirectory())
    state = []
    for root in dict.fromkeys(roots):
        for folder, _, _ in os.walk(root):
            try:
                state.append([folder, os.stat(folder).st_mtime_ns])
            except OSError:
                continue
    return state


def _file_state(path: str) -> list | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _memo_key() -> dict:
    import matplotlib

    return {"version": _FONT_MEMO_VERSION, "matplotlib": matplotlib.__version__, "folders": _font_folders_state()}


def _remembered_font():
    """(CJKFont, matplotlib's FontEntry for it) from the memo file, if it still holds; else None."""
    import json

    from matplotlib import font_manager

    try:
        data = json.loads(_font_memo_path().read_text(encoding="utf-8"))
        if {k: data.get(k) for k in ("version", "matplotlib", "folders")} != _memo_key():
            return None
        font = CJKFont(**data["font"])
        entry = font_manager.FontEntry(**data["entry"])
        if data["file"] != _file_state(font.path) or entry.fname != font.path:
            return None
        return font, entry
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no memo, an old or damaged one: search


def _remember_font(font: CJKFont, entry) -> None:
    import dataclasses
    import json

    data = {**_memo_key(), "font": dataclasses.asdict(font), "entry": dataclasses.asdict(entry), "file": _file_state(font.path)}
    path = _font_memo_path()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()  # a read-only cache folder: search again next time


def chart_lang(lang: str) -> str:
    """The language a chart can be drawn in here: Chinese needs an installed CJK font."""
    return "zh" if lang == "zh" and cjk_font() is not None else "en"


def font_families() -> list[str]:
    """Font family list for drawing: DejaVu Sans, then the CJK fallback if installed."""
    cjk = cjk_font()
    return ["DejaVu Sans"] + ([cjk.name] if cjk else []) + ["sans-serif"]


def _rc(**extra) -> dict:
    rc = {
        "svg.hashsalt": "negotiator",
        # The CJK font is looked for only when the caller keeps the toolkit's family list.
        "font.family": extra["font.family"] if "font.family" in extra else font_families(),
        "font.weight": "normal",
        "axes.titleweight": "normal",
        "figure.titleweight": "normal",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    rc.update(extra)
    return rc


@contextmanager
def style(**extra):
    """The toolkit's matplotlib settings (fonts, SVG salt) for drawing and saving a chart.

    Use it around both the drawing and :func:`figure_bytes`: text artists take their
    font family when created, SVG takes its salt when saved. ``extra`` overrides rcParams.
    """
    _quiet()
    from matplotlib import rc_context

    with rc_context(_rc(**extra)), warnings.catch_warnings():
        # Missing-glyph warnings mean a label no installed font can draw; chart_lang() avoids
        # that for Chinese, and the memo's SVG keeps text for the reader's fonts on purpose.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        warnings.filterwarnings("ignore", message="findfont: Font family .* not found")
        yield


def _named(item, fallback: str, lang: str) -> str:
    if item is None:
        return fallback
    return item.label_zh if lang == "zh" and getattr(item, "label_zh", None) else item.label


def option_label(case, option: str, lang: str) -> str:
    """An option's label in ``lang`` (its id without a case or label)."""
    return _named(case.options.get(option) if case is not None else None, option, lang)


def objective_label(case, objective: str, lang: str) -> str:
    """An objective's label in ``lang`` (its id without a case or label)."""
    return _named(case.objectives.get(objective) if case is not None else None, objective, lang)


def add_footer(fig, lines, fontsize: float = 6.0) -> None:
    """The provenance footer, under everything else, inside the figure."""
    fig.text(0.01, 0.005, "\n".join(lines), fontsize=fontsize, color=MUTED, ha="left", va="bottom", wrap=True)


def figure_bytes(fig, fmt: str, dpi: int = 130, tight: bool = True) -> bytes:
    """The figure as PNG, SVG or PDF bytes, the same for the same chart.

    Call it inside the :func:`style` the figure was drawn in (the SVG salt is read now).
    ``tight`` grows or trims the canvas to what is drawn, so no text is cut off at its edge.
    """
    fmt = fmt.lower()
    if fmt not in _SAVE_FORMATS:
        raise ValueError(f"a chart is saved as one of {', '.join(_SAVE_FORMATS)}, not {fmt!r}")
    meta = {"svg": {"Date": None, "Creator": None}, "png": {"Software": None}, "pdf": {"CreationDate": None, "Creator": None, "Producer": None}}[fmt]
    # PNG: zlib level 3 rather than Pillow's 6 compresses a chart's flat colours as small, in two
    # thirds of the time (the memo's two charts: 91 -> 62 ms, 350 -> 348 kB); same pixels.
    extra = {"pil_kwargs": {"compress_level": _PNG_COMPRESSION}} if fmt == "png" else {}
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi, metadata=meta, bbox_inches="tight" if tight else None, pad_inches=0.12, **extra)
    return buf.getvalue()


def text_em(text: str) -> float:
    """Width of a text in ems, roughly: wide (CJK) characters 1 em, others 0.58 em."""
    import unicodedata

    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.58 for ch in text)


def shorten(text: str, max_em: float) -> str:
    """``text`` cut with "…" to at most ``max_em`` ems."""
    if text_em(text) <= max_em:
        return text
    ellipsis = text_em("…")
    width, cut = 0.0, 0  # the width of text[:cut], summed in the order text_em sums it
    for ch in text:
        if width + text_em(ch) + ellipsis > max_em:
            break
        width += text_em(ch)
        cut += 1
    return text[:cut].rstrip() + "…"


def wrap_em(text: str, max_em: float) -> list[str]:
    """``text`` in lines of at most ``max_em`` ems, broken at spaces (Chinese: between characters)."""
    lines, line = [], ""
    for word in _words(text):
        if line and text_em(line + word) > max_em:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    return lines + ([line.rstrip()] if line.strip() else [])


def _words(text: str):
    import unicodedata

    word = ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            if word:
                yield word
            word = ""
            yield ch
        elif ch == " ":
            yield word + " "
            word = ""
        else:
            word += ch
    if word:
        yield word
