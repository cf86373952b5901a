"""Rich renderables shared by the CLI and the terminal UI (no printing here)."""

from __future__ import annotations

from rich.text import Text

__all__ = ["PALETTE", "RANK_COLOURS", "objective_colours", "stacked_bar", "legend", "rank_colours", "interval_bar", "diverging_bar"]

PALETTE = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#86bcb6", "#d37295",
    "#fabfd2", "#8cd17d", "#499894", "#f1ce63",
]


def objective_colours(objectives) -> dict[str, str]:
    return {obj: PALETTE[i % len(PALETTE)] for i, obj in enumerate(objectives)}


def stacked_bar(parts: dict[str, float], colours: dict[str, str], scale_max: float, width: int = 30) -> Text:
    """One bar of contributions, segments in objective order, rounded cumulatively to whole cells.

    Cumulative rounding keeps the bar's total length faithful to the total
    score even when many small parts would each round to zero.
    """
    text = Text()
    for obj, cells in bar_segments(parts, scale_max, width):
        text.append("█" * cells, style=colours.get(obj, "white"))
    return text


def bar_segments(parts: dict[str, float], scale_max: float, width: int) -> list[tuple[str, int]]:
    """(part, cells) of a stacked bar: positive parts in order, rounded cumulatively to whole cells."""
    if scale_max <= 0:
        return []
    out, cum, drawn = [], 0.0, 0
    for obj, value in parts.items():
        if value <= 0:
            continue
        cum += value
        end = round(cum / scale_max * width)
        if end > drawn:
            out.append((obj, end - drawn))
            drawn = end
    return out


def legend(colours: dict[str, str], labels: dict[str, str] | None = None) -> Text:
    text = Text()
    for obj, colour in colours.items():
        text.append("■ ", style=colour)
        text.append(f"{(labels or {}).get(obj, obj)}  ")
    return text


#: Rank 1 green through amber to red, then greys: acceptability bars read "how often near the top".
RANK_COLOURS = ["#1a9850", "#66bd63", "#a6d96a", "#d9ef8b", "#fee08b", "#fdae61", "#f46d43", "#d73027"]


def rank_colours(n: int) -> dict[int, str]:
    """Colour of each rank 1..n (ranks past the palette share a grey)."""
    return {r: RANK_COLOURS[r - 1] if r <= len(RANK_COLOURS) else "#9e9e9e" for r in range(1, n + 1)}


def interval_bar(low: float, high: float, mark: float, lo: float = 0.0, hi: float = 1.0, width: int = 30) -> Text:
    """A range [low, high] on an axis [lo, hi], with | at ``mark`` (e.g. a weight's stability interval)."""
    text = Text()
    if hi <= lo:
        return text
    def cell(x: float) -> int:
        return min(width - 1, max(0, int(round((x - lo) / (hi - lo) * (width - 1)))))
    a, b, c = cell(low), cell(high), cell(mark)
    for k in range(width):
        if k == c:
            text.append("|", style="bold")
        elif a <= k <= b:
            text.append("━", style="#4e79a7")
        else:
            text.append("·", style="dim")
    return text


def diverging_bar(start: float, end: float, centre: float, span: float, width: int = 30, lost_glyph: str | None = None) -> Text:
    """A bar from ``start`` to ``end`` on an axis centred on ``centre`` (half-width ``span``):
    values below 0 in red, above in green, the 0 line marked with │ when in view (tornado charts).

    ``lost_glyph`` (e.g. ░): draw the part below 0 with it, so the bar reads without colour.
    """
    text = Text()
    if span <= 0:
        return text
    half = width // 2
    def cell(x: float) -> int:
        return min(width - 1, max(0, half + int(round((x - centre) / span * half))))
    a, b = sorted((cell(start), cell(end)))
    axis0 = cell(0.0) if abs(centre) <= span else None
    for k in range(width):
        if a <= k <= b:
            value = centre + (k - half) / half * span
            glyph = lost_glyph if (lost_glyph and value < 0) else "█"
            text.append(glyph, style="#d73027" if value < 0 else "#1a9850")
        elif k == axis0:
            text.append("│", style="dim")
        else:
            text.append(" ")
    return text
