"""render/bars.py: rank colours read apart in a 256-colour terminal too (issue 17)."""

from __future__ import annotations

from rich.color import Color, ColorSystem

from negotiator.render.bars import RANK_COLOURS, rank_colours


def test_rank_colours_stay_distinct_in_256_colours():
    colours = rank_colours(12)
    assert [colours[r] for r in range(1, 9)] == RANK_COLOURS and len({colours[r] for r in range(9, 13)}) == 1
    eight_bit = [Color.parse(c).downgrade(ColorSystem.EIGHT_BIT).number for c in [*RANK_COLOURS, colours[9]]]
    assert len(set(eight_bit)) == len(eight_bit), eight_bit
