"""Case section `negotiations:` (the multi-issue negotiation agenda).

Placeholder until the payoff-analysis work defines the model: accepts any mapping.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .schema_base import RefProblem

__all__ = ["Negotiation", "negotiation_problems"]


class Negotiation(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)


def negotiation_problems(case) -> list[RefProblem]:
    return []
