"""Messages the views' widgets send up to their screen (widgets never change app state themselves)."""

from __future__ import annotations

from textual.message import Message

__all__ = ["WeightNudged", "WeightEditRequested"]


class WeightNudged(Message):
    """The user moved an objective's weight by ``step`` (normalised units) with the arrow keys."""

    def __init__(self, objective: str, step: float) -> None:
        super().__init__()
        self.objective = objective
        self.step = step


class WeightEditRequested(Message):
    """The user asked to type a weight for ``objective`` (Enter on the weights table)."""

    def __init__(self, objective: str) -> None:
        super().__init__()
        self.objective = objective
