"""Rich renderables shared by the CLI and the terminal UI (no printing here)."""

from __future__ import annotations

from rich.text import Text

__all__ = ["PALETTE", "objective_colours", "stacked_bar", "legend"]

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
    if scale_max <= 0:
        return text
    cum, drawn = 0.0, 0
    for obj, value in parts.items():
        if value <= 0:
            continue
        cum += value
        end = round(cum / scale_max * width)
        if end > drawn:
            text.append("█" * (end - drawn), style=colours.get(obj, "white"))
            drawn = end
    return text


def legend(colours: dict[str, str], labels: dict[str, str] | None = None) -> Text:
    text = Text()
    for obj, colour in colours.items():
        text.append("■ ", style=colour)
        text.append(f"{(labels or {}).get(obj, obj)}  ")
    return text
