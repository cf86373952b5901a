"""Charts of a memo, drawn with matplotlib (Agg): SVG for HTML, PNG for Word.

Fonts. Many machines (and CI) have no font with Chinese glyphs, and a memo
must not show empty boxes. So:

- SVG keeps text as text (``svg.fonttype = none``) with a font list that
  names common CJK fonts: the reader's browser draws the Chinese labels with
  its own fonts. Margins are reserved from an estimate of each label's width
  (East Asian wide characters count as one em), not from matplotlib's
  measurement, which only knows the fonts of this machine.
- PNG (for Word, which cannot take SVG everywhere) is drawn with the first
  installed font that has every glyph of the labels; where there is none, bars
  are labelled with the plain ids (``1. option_id``, objective ids) and the
  memo's text and tables carry the labels. No chart ever needs a title: the
  caption is document text, in the memo's language.

Both are deterministic: fixed SVG id salt, no date or software metadata.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
from functools import lru_cache

from negotiator.render.bars import PALETTE
from negotiator.report.model import Figure

__all__ = ["svg", "png", "png_uses_ids", "cjk_font", "font_covers"]

#: Font families named in SVG output, tried in order by the reader's browser.
SVG_FONTS = ["DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", "SimSun", "sans-serif"]
_FONT_SIZE = 8.0
_BAR_HEIGHT_IN = 0.24
_WIDTH_IN = 7.0
_MAX_LABEL_EM = 34.0


_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "negotiator-memo",
    "font.size": _FONT_SIZE,
    "font.family": ["sans-serif"],
    "font.sans-serif": SVG_FONTS,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _text_em(text: str) -> float:
    """Width of a text in ems, roughly: wide (CJK) characters 1 em, others 0.58 em."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.58 for ch in text)


def _shorten(text: str, max_em: float = _MAX_LABEL_EM) -> str:
    if _text_em(text) <= max_em:
        return text
    out = ""
    for ch in text:
        if _text_em(out + ch + "…") > max_em:
            break
        out += ch
    return out.rstrip() + "…"


@lru_cache(maxsize=None)
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    try:
        return frozenset(FT2Font(path).get_charmap())
    except (OSError, RuntimeError):
        return frozenset()


def font_covers(path: str, texts) -> bool:
    chars = _charmap(path)
    return all(ord(ch) in chars for t in texts for ch in t if not ch.isspace())


@lru_cache(maxsize=None)
def cjk_font() -> str | None:
    """Path of an installed font with Chinese glyphs, or None."""
    from matplotlib import font_manager

    probe = "中国选项权重"
    for entry in sorted(font_manager.fontManager.ttflist, key=lambda f: f.fname):
        if entry.name.startswith("Last Resort"):
            continue  # maps every character to a placeholder box: covers all, shows nothing
        if font_covers(entry.fname, [probe]):
            return entry.fname
    return None


def _setup():
    import logging

    import matplotlib

    matplotlib.use("Agg", force=False)
    # Missing-glyph and missing-family messages are expected when CJK fonts are absent.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt

    return plt


def _labels(fig: Figure, raster: bool) -> tuple[list[str], list[str], str | None]:
    """(bar labels, legend labels, font path for raster) for a drawing."""
    cats = [_shorten(c) for c in fig.categories]
    names = [_shorten(name, 24) for name, _ in fig.series]
    if not raster:
        return cats, names, None
    from matplotlib import font_manager

    default = font_manager.findfont("DejaVu Sans")
    texts = cats + names + [fig.axis_label]
    if font_covers(default, texts):
        return cats, names, default
    cjk = cjk_font()
    if cjk and font_covers(cjk, texts):
        return cats, names, cjk
    cats = [_shorten(c) for c in (fig.category_ids or fig.categories)]
    names = [_shorten(n, 24) for n in (fig.series_ids or [name for name, _ in fig.series])]
    if not font_covers(default, cats + names):
        # Ids can be Chinese too: then bars and legend entries are numbered in table order.
        cats = [f"#{k + 1}" for k in range(len(cats))]
        names = [f"({k + 1})" for k in range(len(names))]
    return cats, names, default


def _draw(fig: Figure, raster: bool):
    plt = _setup()
    from matplotlib import rc_context
    from matplotlib.font_manager import FontProperties

    cats, names, font_path = _labels(fig, raster)
    n = len(cats)
    columns = len(names) if len(names) <= 4 else 3
    legend_rows = -(-len(names) // columns)
    height = 0.5 + n * _BAR_HEIGHT_IN + 0.22 * legend_rows + 0.5
    with rc_context(_RC):
        figure = plt.figure(figsize=(_WIDTH_IN, height))
        label_em = max((_text_em(c) for c in cats), default=4.0)
        left = min(0.55, (label_em * _FONT_SIZE / 72.0 + 0.15) / _WIDTH_IN)
        bottom = (0.45 + 0.2 * legend_rows + 0.15) / height
        top = 1.0 - 0.15 / height
        ax = figure.add_axes((left, bottom, 0.97 - left, top - bottom))
        prop = FontProperties(fname=font_path) if font_path else None
        y = list(range(n))
        start = [0.0] * n
        for k, (name, (_, values)) in enumerate(zip(names, fig.series)):
            widths = [max(float(v), 0.0) for v in values]
            ax.barh(y, widths, left=start, height=0.72, color=PALETTE[k % len(PALETTE)], label=name, edgecolor="white", linewidth=0.3)
            start = [s + w for s, w in zip(start, widths)]
        ax.set_yticks(y)
        ax.set_yticklabels(cats, fontproperties=prop)
        ax.invert_yaxis()  # first category on top
        ax.set_xlabel(fig.axis_label if not raster or font_path is None or font_covers(font_path, [fig.axis_label]) else "", fontproperties=prop)
        ax.set_ylim(n - 0.5, -0.5)
        if fig.percent:
            ax.set_xlim(0, 1)
            from matplotlib.ticker import PercentFormatter

            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.grid(axis="x", linewidth=0.3, color="#cccccc")
        ax.set_axisbelow(True)
        figure.legend(loc="lower center", bbox_to_anchor=(0.5, 0.05 / height), bbox_transform=figure.transFigure, ncol=columns, frameon=False, prop=prop, fontsize=_FONT_SIZE - 0.5, handlelength=1.0, columnspacing=1.2)
    return figure


def svg(fig: Figure) -> str:
    """The chart as an SVG document (text kept as text)."""
    plt = _setup()
    figure = _draw(fig, raster=False)
    buf = io.StringIO()
    with _rc_svg(), warnings.catch_warnings():
        # Matplotlib measures CJK text with fonts of this machine and warns about missing
        # glyphs; the SVG keeps the text as text for the reader's fonts, so that is expected.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    text = buf.getvalue()
    # Drop the XML prolog and DOCTYPE: the SVG goes inline into an HTML page.
    return text[text.index("<svg"):]


def png_uses_ids(fig: Figure) -> bool:
    """True when the PNG of ``fig`` is labelled with plain ids (no installed font has the labels' glyphs)."""
    cats, _, _ = _labels(fig, raster=True)
    return cats != [_shorten(c) for c in fig.categories]


def png(fig: Figure, dpi: int = 200) -> bytes:
    """The chart as PNG bytes, labelled with glyphs this machine can draw."""
    plt = _setup()
    figure = _draw(fig, raster=True)
    buf = io.BytesIO()
    with _rc_svg(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(figure)
    return buf.getvalue()


def _rc_svg():
    from matplotlib import rc_context

    # The SVG writer expands "sans-serif" into the family list at save time.
    return rc_context(_RC)
