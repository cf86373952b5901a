"""Helpers for reading DataTables in the UI tests (row order as shown, cells as text)."""

from __future__ import annotations


def cells(table, row: int) -> list[str]:
    return [str(c) for c in table.get_row_at(row)]


def row_keys(table) -> list[str]:
    return [r.key.value for r in table.ordered_rows]


def shows_label(cell: str, full: str) -> bool:
    """A table cell shows ``full``: whole, or cut with "…" (render.termfit.distinct_cuts) from its start."""
    return cell == full or (cell.endswith("…") and full.startswith(cell.split("…")[0]))


def many_options_case(n: int = 200, n_objectives: int = 8, seed: int = 3):
    """A loaded case of ``n`` options (seeded): long labels sharing their start (so cut labels must
    stay distinct), scores on a coarse scale (many near ties, so a small weight move reorders rows),
    a red line that screens some out, and two profiles."""
    import numpy as np

    from negotiator.case.catalog import load_case_text

    rng = np.random.default_rng(seed)
    lines = ["negotiator: 1", "title: many options", "objectives:"]
    for j in range(n_objectives):
        lines.append(f"  o{j}: {{label: Objective number {j}, direction: {'min' if j % 3 == 0 else 'max'}, scale: [0, 10]}}")
    lines.append("options:")
    for i in range(n):
        scores = ", ".join(f"o{j}: {int(rng.integers(0, 11))}" for j in range(n_objectives))
        lines.append(f"  opt{i}: {{label: Strengthen the bilateral arrangement on returns variant {i}, family: F{i % 4}, scores: {{{scores}}}}}")
    lines.append("weights:")
    lines.append("  flat: {" + ", ".join(f"o{j}: 1" for j in range(n_objectives)) + "}")
    lines.append("  ordered: [" + ", ".join(f"o{j}" for j in range(n_objectives)) + "]")
    lines.append("constraints:\n  limits: {o0: {max: 9}}")
    return load_case_text("\n".join(lines) + "\n", name="many")
