"""Case section `games:` (two-player games between the governments).

Placeholder until the payoff-analysis work defines the model: accepts any mapping.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .schema_base import RefProblem

__all__ = ["Game", "game_problems"]


class Game(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


def game_problems(case) -> list[RefProblem]:
    return []
