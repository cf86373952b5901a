"""Tornado of uncertain scores: how far each score's range moves the top option's lead.

One score at a time goes to the low and then the high end of its [low, likely,
high] range, every other score staying at its likely value, and the lead of
the current top option (its overall score minus the best rival's) is
recomputed. Bars are sorted by their swing, widest first. A lead below 0 at
either end means that score alone can change the winner. This is exact for
every method: it only re-ranks the case twice per uncertain score.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from negotiator.messages import Message
from negotiator.sensitivity._common import Progress, Provenance, Setup, prepare

__all__ = ["TornadoBar", "TornadoResult", "tornado", "tornado_setup"]


@dataclass(frozen=True)
class TornadoBar:
    option: str
    objective: str
    low: float
    likely: float
    high: float
    lead_at_low: float
    lead_at_high: float
    winner_at_low: str  # the top option with the score at its low end
    winner_at_high: str

    @property
    def swing(self) -> float:
        return abs(self.lead_at_high - self.lead_at_low)

    @property
    def can_flip(self) -> bool:
        return min(self.lead_at_low, self.lead_at_high) < 0

    def to_dict(self) -> dict:
        return {
            "option": self.option,
            "objective": self.objective,
            "range": [self.low, self.likely, self.high],
            "lead_at_low": self.lead_at_low,
            "lead_at_high": self.lead_at_high,
            "swing": self.swing,
            "can_change_winner": self.can_flip,
            "winner_at_low": self.winner_at_low,
            "winner_at_high": self.winner_at_high,
        }


@dataclass(frozen=True)
class TornadoResult:
    provenance: Provenance
    top: str
    runner_up: str
    base_lead: float
    bars: list[TornadoBar]  # widest swing first
    screened_out: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            **self.provenance.to_dict(),
            "top": self.top,
            "runner_up": self.runner_up,
            "base_lead": self.base_lead,
            "bars": [b.to_dict() for b in self.bars],
            "screened_out": self.screened_out,
            "warnings": self.warnings,
        }


def _lead(scores: np.ndarray, top: int) -> tuple[float, int]:
    """(lead of ``top`` over the best rival, index of the best option overall)."""
    rivals = np.delete(scores, top)
    return float(scores[top] - rivals.max()), int(np.argmax(scores))


def tornado_setup(setup: Setup, progress: Progress | None = None) -> TornadoResult:
    m0 = setup.matrix
    w = setup.w
    base = setup.scores(w)
    top = int(np.argmax(base))
    base_lead, _ = _lead(base, top)
    runner_up = int(np.argsort(-base, kind="stable")[1])
    cells = list(zip(*np.nonzero(m0.high > m0.low)))
    bars = []
    for done, (i, j) in enumerate(cells):
        leads, winners = [], []
        for end in (m0.low, m0.high):
            likely = m0.likely.copy()
            likely[i, j] = end[i, j]
            lead, best = _lead(setup.scores(w, replace(m0, likely=likely)), top)
            leads.append(lead)
            winners.append(setup.options[best])
        bars.append(TornadoBar(setup.options[i], setup.objectives[j], float(m0.low[i, j]), float(m0.likely[i, j]), float(m0.high[i, j]), leads[0], leads[1], winners[0], winners[1]))
        if progress:
            progress(done + 1, len(cells))
    bars.sort(key=lambda b: (-b.swing, b.option, b.objective))
    warnings = list(setup.warnings)
    if not cells:
        warnings.append("no score has a [low, likely, high] range in this case, so there is nothing to draw")
    prov = setup.provenance(Message("an_tornado"), Message("how_tornado", method=setup.method))
    return TornadoResult(prov, setup.options[top], setup.options[runner_up], base_lead, bars, setup.screened_list(), warnings)


def tornado(case=None, profile: str | None = None, method: str = "additive", weights=None, scenario: str | None = None, progress: Progress | None = None) -> TornadoResult:
    """How far each uncertain score, alone at the ends of its range, moves the top option's lead."""
    return tornado_setup(prepare(case, profile, method, weights, scenario), progress)
