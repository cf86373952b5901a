"""render/termfit.py: fitted_legend keeps every entry of a colour key in view (issue 17: labels cut with "…")."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from negotiator.render.bars import objective_colours
from negotiator.render.termfit import fitted_legend


@pytest.fixture(scope="module")
def objectives():
    from negotiator.case.catalog import load_case

    case = load_case().case
    return {lang: {o: (obj.label_zh if lang == "zh" else obj.label) for o, obj in case.objectives.items()} for lang in ("en", "zh")}


def _entries(text: str) -> list[str]:
    return [e.strip() for line in text.split("\n") for e in re.split(r"■ ", line) if e.strip()]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [60, 78, 118, 198])
def test_every_entry_shows_within_the_lines_and_cuts_end_with_an_ellipsis(objectives, lang, width):
    labels = objectives[lang]
    colours = objective_colours(list(labels))
    text = fitted_legend(colours, labels, width, 3).plain
    lines = text.split("\n")
    assert len(lines) <= 3 and all(cell_len(line) <= width for line in lines)
    entries = _entries(text)
    assert len(entries) == len(labels) == len(set(entries))  # all 11, none alike
    for shown, full in zip(entries, labels.values()):
        assert shown == full or (shown.endswith("…") and full.startswith(shown.split("…")[0]))


def test_labels_stay_whole_when_they_fit(objectives):
    labels = objectives["en"]
    text = fitted_legend(objective_colours(list(labels)), labels, 118, 3).plain
    assert "…" not in text and _entries(text) == list(labels.values())
    # an entry is never split between two lines: each line starts with a colour square
    narrow = fitted_legend(objective_colours(list(labels)), labels, 78, 3).plain
    assert all(line.startswith("■ ") for line in narrow.split("\n"))
