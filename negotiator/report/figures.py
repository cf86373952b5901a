"""Charts of a memo, drawn with matplotlib (Agg): SVG for HTML, PNG for Word.

Fonts. Many machines (and CI) have no font with Chinese glyphs, and a memo
must not show empty boxes. So:

- SVG keeps text as text (``svg.fonttype = none``) with a font list that
  names common CJK fonts: the reader's browser draws the Chinese labels with
  its own fonts. Margins are reserved from an estimate of each label's width
  (East Asian wide characters count as one em), not from matplotlib's
  measurement, which only knows the fonts of this machine.
- PNG (for Word, which cannot take SVG everywhere) is drawn with DejaVu Sans and
  the CJK font render/charts.py finds installed (regular weight), if the labels need
  it; where no installed font has every glyph of the labels, bars
  are labelled with the plain ids (``1. option_id``, objective ids) and the
  memo's text and tables carry the labels. No chart ever needs a title: the
  caption is document text, in the memo's language.

Both are deterministic: fixed SVG id salt, no date or software metadata.
"""

from __future__ import annotations

from negotiator.render import charts
from negotiator.render.charts import PALETTE, SVG_FONTS, covers as font_covers, shorten, text_em as _text_em
from negotiator.report.model import Figure

__all__ = ["svg", "png", "png_uses_ids", "cjk_font", "font_covers"]

_FONT_SIZE = 8.0
_BAR_HEIGHT_IN = 0.24
_WIDTH_IN = 7.0
_MAX_LABEL_EM = 34.0

#: The memo's settings on top of render/charts.py's: SVG keeps text as text and names the
#: reader's CJK fonts; its own id salt.
_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "negotiator-memo",
    "font.size": _FONT_SIZE,
    "font.family": ["sans-serif"],
    "font.sans-serif": SVG_FONTS,
}


def _shorten(text: str, max_em: float = _MAX_LABEL_EM) -> str:
    return shorten(text, max_em)


def cjk_font() -> str | None:
    """Path of the installed font with Chinese glyphs the charts use (charts.cjk_font), or None."""
    font = charts.cjk_font()
    return font.path if font else None


def _labels(fig: Figure, raster: bool) -> tuple[list[str], list[str], str | None]:
    """(bar labels, legend labels, font path for raster) for a drawing."""
    cats = [_shorten(c) for c in fig.categories]
    names = [_shorten(name, 24) for name, _ in fig.series]
    if not raster:
        return cats, names, None
    from matplotlib import font_manager

    default = font_manager.findfont("DejaVu Sans")  # ships with matplotlib: no font search needed
    texts = cats + names + [fig.axis_label]
    if font_covers(default, texts):
        return cats, names, default
    cjk = cjk_font()
    if cjk and font_covers(cjk, [t for t in texts if not font_covers(default, [t])]):
        return cats, names, cjk
    cats = [_shorten(c) for c in (fig.category_ids or fig.categories)]
    names = [_shorten(n, 24) for n in (fig.series_ids or [name for name, _ in fig.series])]
    if not font_covers(default, cats + names):
        # Ids can be Chinese too: then bars and legend entries are numbered in table order.
        cats = [f"#{k + 1}" for k in range(len(cats))]
        names = [f"({k + 1})" for k in range(len(names))]
    return cats, names, default


def _font(font_path: str | None):
    """Font properties for a raster chart: DejaVu Sans with the CJK font as glyph fallback."""
    if font_path is None:
        return None
    from matplotlib.font_manager import FontProperties, findfont

    if font_path == findfont("DejaVu Sans"):
        return FontProperties(fname=font_path)  # labels DejaVu Sans draws: no CJK font looked for
    cjk = charts.cjk_font()
    if cjk is not None and font_path == cjk.path:
        return FontProperties(family=["DejaVu Sans", cjk.name], weight="normal")
    return FontProperties(fname=font_path)


def _stacked_bars(ax, fig: Figure, names: list[str], n: int) -> list:
    """One horizontal bar per category, one segment per series (negative values drawn as 0),
    0.72 high, white 0.3 pt edges; the legend's handles.

    Each series is one PolyCollection of rectangles: what ``ax.barh`` draws, but ``barh`` adds a
    Rectangle patch per segment and updates the data limits patch by patch (a fifth of a
    memo chart's time, ~45 ms for 200 segments); the limits and the sticky edge at each
    segment's start (so the x axis starts at 0 without a margin) are those barh gives."""
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.patches import Rectangle

    y = np.arange(n, dtype=float)
    low, high = y - 0.36, y + 0.36
    start = np.zeros(n)
    handles = []
    for k, (name, (_, values)) in enumerate(zip(names, fig.series)):
        end = start + np.maximum(np.asarray(values, dtype=float), 0.0)
        corners = [(start, low), (end, low), (end, high), (start, high)]  # the order Rectangle draws them
        colour = PALETTE[k % len(PALETTE)]
        bars = PolyCollection(np.stack([np.stack(c, axis=1) for c in corners], axis=1), closed=True, facecolors=colour, edgecolors="white", linewidths=0.3, label=name)
        bars.sticky_edges.x.extend(start.tolist())
        ax.add_collection(bars)
        handles.append(Rectangle((0, 0), 1, 1, facecolor=colour, edgecolor="white", linewidth=0.3, label=name))
        start = end
    ax.autoscale_view()
    return handles


def _draw(fig: Figure, raster: bool):
    cats, names, font_path = _labels(fig, raster)
    n = len(cats)
    columns = len(names) if len(names) <= 4 else 3
    legend_rows = -(-len(names) // columns)
    height = 0.5 + n * _BAR_HEIGHT_IN + 0.22 * legend_rows + 0.5
    figure = charts.new_figure(figsize=(_WIDTH_IN, height))
    label_em = max((_text_em(c) for c in cats), default=4.0)
    left = min(0.55, (label_em * _FONT_SIZE / 72.0 + 0.15) / _WIDTH_IN)
    bottom = (0.45 + 0.2 * legend_rows + 0.15) / height
    top = 1.0 - 0.15 / height
    ax = figure.add_axes((left, bottom, 0.97 - left, top - bottom))
    prop = _font(font_path)
    y = list(range(n))
    handles = _stacked_bars(ax, fig, names, n)
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
    figure.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.05 / height), bbox_transform=figure.transFigure, ncol=columns, frameon=False, prop=prop, fontsize=_FONT_SIZE - 0.5, handlelength=1.0, columnspacing=1.2)
    return figure


def svg(fig: Figure) -> str:
    """The chart as an SVG document (text kept as text)."""
    with charts.style(**_RC):
        text = charts.figure_bytes(_draw(fig, raster=False), "svg", tight=False).decode("utf-8")
    # Drop the XML prolog and DOCTYPE: the SVG goes inline into an HTML page.
    return text[text.index("<svg"):]


def png_uses_ids(fig: Figure) -> bool:
    """True when the PNG of ``fig`` is labelled with plain ids (no installed font has the labels' glyphs)."""
    cats, _, _ = _labels(fig, raster=True)
    return cats != [_shorten(c) for c in fig.categories]


def png(fig: Figure, dpi: int = 200) -> bytes:
    """The chart as PNG bytes, labelled with glyphs this machine can draw."""
    with charts.style(**_RC):
        return charts.figure_bytes(_draw(fig, raster=True), "png", dpi=dpi, tight=False)
