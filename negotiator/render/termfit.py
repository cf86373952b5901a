"""Fitting tables to the terminal: narrow widths (80 columns) and plain text (no colour).

Policy staff read the CLI in plain terminals and remote sessions and paste it into
email, so every table must read at 80 columns and without colour. The pieces here
are shared by the table builders (tables.py, payoffs_report.py, sensitivity/views.py,
portfolio/output.py, compare.py); the CLI passes the console's width and whether
it can show colour (``terminal_layout``). Nothing is printed here.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

from negotiator.render.bars import bar_segments

__all__ = [
    "signed",
    "distinct_cuts",
    "fitted_legend",
    "NARROW",
    "Layout",
    "terminal_layout",
    "is_plain",
    "cut",
    "level_bar",
    "objective_keys",
    "key_caption",
    "lettered_bar",
    "numeric_column",
    "id_text",
    "label_cell",
    "wrap_id",
    "break_long_words",
]

#: Below this many columns tables use their compact layout (ids, short titles, fewer columns).
NARROW = 100

#: The eighth blocks that draw a bar's fractional last cell (index k = k/8 of a cell).
_EIGHTHS = " ▏▎▍▌▋▊▉"


class Layout:
    """What a table builder needs to know about the terminal: its width and whether colour shows."""

    __slots__ = ("width", "plain")

    def __init__(self, width: int | None = None, plain: bool = False):
        self.width = width
        self.plain = plain

    @property
    def narrow(self) -> bool:
        return self.width is not None and self.width < NARROW

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Layout(width={self.width}, plain={self.plain})"


def is_plain(console) -> bool:
    """True when the console shows no colour: NO_COLOR, a pipe or a file, a dumb terminal."""
    return bool(console.no_color or console.color_system is None)


def terminal_layout(console) -> Layout:
    return Layout(console.width, is_plain(console))


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells with an ellipsis (Chinese characters count two cells)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def distinct_cuts(labels: dict[str, str], width: int) -> dict[str, str]:
    """Each label cut to ``width`` cells with "…", so that no two cut labels read the same.

    Labels that would collide when cut at the end ("Link cooperation to US help…" twice) keep
    the start of what they share, then "…", then the part where they differ
    ("Link coop…fugitive returns…"); labels still alike (or identical) end with their key.
    """
    out = {k: cut(v, width) for k, v in labels.items()}
    groups: dict[str, list[str]] = {}
    for k, v in out.items():
        groups.setdefault(v, []).append(k)
    for keys in (ks for ks in groups.values() if len(ks) > 1):
        full = [labels[k] for k in keys]
        common = len(_common_prefix(full))
        head = cut(full[0][:common], max(2, width // 3) + 1).removesuffix("…")
        for k in keys:
            rest = labels[k][common:].lstrip()
            out[k] = cut(head + "…" + rest, width)
        if len({out[k] for k in keys}) < len(keys):
            for k in keys:
                out[k] = cut(labels[k], max(1, width - cell_len(k) - 3)) + f" [{k}]" if width > cell_len(k) + 4 else cut(k, width)
    return out


def fitted_legend(colours: dict[str, str], labels: dict[str, str], width: int, lines: int) -> Text:
    """A colour key ("■ label") in at most ``lines`` lines of ``width`` cells: entries are never split
    between two lines, and when they do not all fit the labels are cut with "…" (kept distinct by
    distinct_cuts), the longest first, until they do. So no entry falls off the end unseen."""
    names = {obj: labels.get(obj, obj) for obj in colours}
    longest = max((cell_len(n) for n in names.values()), default=0)
    rows: list[list[str]] = []
    for w in range(longest, 2, -1):
        shown = names if w == longest else distinct_cuts(names, w)
        rows = _pack([(obj, shown[obj]) for obj in colours], width)
        if len(rows) <= lines:
            break
    text = Text()
    for n, row in enumerate(rows):
        if n:
            text.append("\n")
        for k, (obj, name) in enumerate(row):
            text.append(("  " if k else "") + "■ ", style=colours[obj])
            text.append(name)
    return text


def _pack(entries: list[tuple[str, str]], width: int) -> list[list[tuple[str, str]]]:
    """Entries ("■ " + name, two spaces apart) filled into lines of ``width`` cells."""
    rows: list[list[tuple[str, str]]] = []
    used = 0
    for obj, name in entries:
        size = 2 + cell_len(name)
        if rows and used + 2 + size <= width:
            rows[-1].append((obj, name))
            used += 2 + size
        else:
            rows.append([(obj, name)])
            used = size
    return rows


def signed(value: float, digits: int = 3) -> str:
    """``value`` with its sign, except that what rounds to zero reads "0.000" (a tie is not "-0.000")."""
    text = f"{value:+.{digits}f}"
    return " " + text[1:] if float(text) == 0 else text


def _common_prefix(texts: list[str]) -> str:
    first = min(texts)
    last = max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def level_bar(value: float, scale_max: float, width: int) -> str:
    """A bar of ``value`` on [0, scale_max] in ``width`` cells, drawn with block characters
    (eighths for the last cell), so its length reads without colour."""
    if scale_max <= 0 or width <= 0:
        return ""
    eighths = int(round(max(0.0, min(value, scale_max)) / scale_max * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def objective_keys(objectives) -> dict[str, str]:
    """A one-character key per objective (A, B, C, ... then a, b, c, ...) for plain-text stacked bars."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return {obj: letters[i % len(letters)] for i, obj in enumerate(objectives)}


def key_caption(keys: dict[str, str], names: dict[str, str] | None = None, width: int | None = None) -> str:
    """'A sovereignty_jurisdiction  B citizen_rights ...', broken into lines of at most ``width`` cells."""
    items = [f"{k} {(names or {}).get(obj, obj)}" for obj, k in keys.items()]
    if width is None:
        return "  ".join(items)
    lines, line = [], ""
    for item in items:
        candidate = f"{line}  {item}" if line else item
        if line and cell_len(candidate) > width:
            lines.append(line)
            line = item
        else:
            line = candidate
    if line:
        lines.append(line)
    return "\n".join(lines)


def lettered_bar(parts: dict[str, float], keys: dict[str, str], scale_max: float, width: int) -> Text:
    """A stacked bar whose cells are the objectives' key letters ('AAABBBCCD'): it reads without colour.

    Rounded cumulatively like ``charts.stacked_bar``, so the total length stays faithful.
    """
    text = Text(no_wrap=True, overflow="crop")
    for obj, cells in bar_segments(parts, scale_max, width):
        text.append(keys.get(obj, "?") * cells)
    return text


def numeric_column(table, header: str, **kwargs) -> None:
    """A right-aligned column whose numbers are never wrapped or split."""
    kwargs.setdefault("justify", "right")
    table.add_column(header, no_wrap=True, **kwargs)


def id_text(identifier: str, style: str = "") -> Text:
    """An id that is never broken across lines (cut with an ellipsis only if the column is too narrow)."""
    return Text(identifier, style=style, no_wrap=True, overflow="ellipsis")


def label_cell(label: str, identifier: str, id_suffix: str = "", label_style: str = "bold"):
    """A label over its id: the label wraps (Chinese folds by character instead of being cut),
    the id stays on one line and is cut with an ellipsis, never folded mid-word. A label that
    is its id is shown once."""
    from rich.console import Group

    if label == identifier:
        return Text(identifier + id_suffix, style=label_style, no_wrap=True, overflow="ellipsis")

    return Group(Text(label, style=label_style, overflow="fold"), id_text(identifier + id_suffix, style="dim"))


def wrap_id(identifier: str, width: int) -> str:
    """An id (or a long word) broken into lines of at most ``width`` cells after its underscores,
    hyphens or slashes ('policy_monitoring_' / 'early_warning'); mid-word only when one piece
    is longer than that."""
    if width <= 0 or cell_len(identifier) <= width:
        return identifier
    parts = re.findall(r"[^_\-/]*[_\-/]|[^_\-/]+$", identifier)
    lines, line = [], ""
    for part in parts:
        while cell_len(part) > width:  # one piece longer than the column: split it (rare)
            if line:
                lines.append(line)
                line = ""
            lines.append(part[:width])
            part = part[width:]
        if line and cell_len(line) + cell_len(part) > width:
            lines.append(line)
            line = part
        else:
            line += part
    if line:
        lines.append(line)
    return "\n".join(lines)


def break_long_words(text: str, width: int) -> str:
    """``text`` with every word longer than ``width`` broken by ``wrap_id`` (rich wraps the rest at spaces)."""
    return " ".join(wrap_id(word, width) if cell_len(word) > width else word for word in text.split(" "))
