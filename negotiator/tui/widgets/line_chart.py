"""A line chart drawn with text cells: curves over x in [0, 1], with vertical marks.

Rendering only: the curves' numbers come from the core (e.g. sensitivity.sweep);
here they are placed on a grid of terminal cells.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
from rich.text import Text

__all__ = ["line_chart"]

AXIS_WIDTH = 7  # "0.6318 " on the left


def line_chart(
    grid: np.ndarray,
    curves: Mapping[str, np.ndarray],
    colours: Mapping[str, str],
    width: int,
    height: int,
    marks: Sequence[tuple[float, str, str]] = (),
    x_label: str = "",
) -> Text:
    """Curves (name -> y at each grid x) as ``height`` lines of ``width`` cells.

    ``marks`` are (x, character, style) drawn as full-height vertical lines
    behind the curves (e.g. the current weight and the breakpoints).
    """
    plot_w = max(10, width - AXIS_WIDTH)
    plot_h = max(4, height - 1)
    ys = np.concatenate([np.asarray(c, dtype=float) for c in curves.values()]) if curves else np.array([0.0, 1.0])
    lo, hi = float(ys.min()), float(ys.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    cells: list[list[tuple[str, str]]] = [[(" ", "")] * plot_w for _ in range(plot_h)]
    xs = np.linspace(0.0, 1.0, plot_w)
    for x, char, style in marks:
        col = int(round(min(max(x, 0.0), 1.0) * (plot_w - 1)))
        for r in range(plot_h):
            cells[r][col] = (char, style)
    for name, ys_curve in curves.items():
        y = np.interp(xs, grid, ys_curve)
        rows = np.rint((hi - y) / (hi - lo) * (plot_h - 1)).astype(int)
        for col, row in enumerate(rows):
            cells[row][col] = ("•", colours.get(name, "white"))
    text = Text()
    for r in range(plot_h):
        label = f"{hi:.4f}" if r == 0 else f"{lo:.4f}" if r == plot_h - 1 else ""
        text.append(f"{label:>{AXIS_WIDTH - 1}}┤" if label else " " * (AXIS_WIDTH - 1) + "│", style="dim")
        for char, style in cells[r]:
            text.append(char, style=style)
        text.append("\n")
    from rich.cells import cell_len

    room = max(0, plot_w - 2)
    label = x_label if cell_len(x_label) <= room else ""
    left = (room - cell_len(label)) // 2  # centred by cell width, so Chinese labels fit
    text.append(" " * AXIS_WIDTH + "0" + " " * left + label + " " * (room - left - cell_len(label)) + "1", style="dim")
    return text
