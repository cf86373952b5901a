"""Case section `games:`: two-player games between the governments.

    games:
      repatriation:                       # the game's id (`negotiator game --game repatriation`)
        label: "..."; label_zh: "..."
        judgment: "ANALYST JUDGMENTS: ..."  # who set the payoffs and how
        players:                           # exactly two; the first chooses rows
          china: {label: China, label_zh: 中国, strategies: {talks: {label: ...}, ...}}
          us:    {label: United States, strategies: {...}}
        payoffs:                           # first player's strategy -> second's -> cell
          talks:
            routine: {payoff: [3, 2], rationale: "...", source: "§四(一)"}
            linkage: [1, 0]                # shorthand: the payoff pair alone

A payoff pair is (first player's payoff, second player's payoff). Payoffs
are analyst judgments of how each side values the outcome, on any common
scale per player; only their order and ratios of differences matter.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from negotiator.case.base import CaseModel, Id, Number, RefProblem
from negotiator.messages import Message

__all__ = ["Strategy", "Player", "PayoffCell", "Game", "game_problems"]


class Strategy(CaseModel):
    label: str
    label_zh: str | None = None
    source: str | None = None
    description: str | None = None


class Player(CaseModel):
    label: str
    label_zh: str | None = None
    strategies: dict[Id, Strategy] = Field(min_length=1)


class PayoffCell(CaseModel):
    payoff: tuple[Number, Number]
    rationale: str | None = None
    source: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # `[3, 2]` alone is a payoff pair without a rationale.
        if isinstance(value, (list, tuple)):
            if len(value) != 2:
                raise ValueError(Message("eg_payoff_pair", n=len(value)))
            return {"payoff": value}
        return value


class Game(CaseModel):
    label: str
    label_zh: str | None = None
    description: str | None = None
    source: str | None = None
    judgment: str | None = None
    players: dict[Id, Player]
    payoffs: dict[Id, dict[Id, PayoffCell]]

    @field_validator("players")
    @classmethod
    def _two_players(cls, players):
        if len(players) != 2:
            raise ValueError(Message("eg_two_players", n=len(players)))
        return players

    @property
    def row_player(self) -> str:
        return next(iter(self.players))

    @property
    def col_player(self) -> str:
        return list(self.players)[1]


def game_problems(case) -> list[RefProblem]:
    """Payoffs for unknown strategies, strategy pairs without a payoff: all at once."""
    out: list[RefProblem] = []
    for gid, game in case.games.items():
        out += _one_game_problems(gid, game)
    return out


def _one_game_problems(gid: str, game: Game) -> list[RefProblem]:
    out: list[RefProblem] = []
    first, second = game.row_player, game.col_player
    rows = game.players[first].strategies
    cols = game.players[second].strategies
    for r, line in game.payoffs.items():
        if r not in rows:
            key = "eg_unknown_row_swapped" if r in cols else "eg_unknown_row"
            out.append(RefProblem(path=("games", gid, "payoffs", r), message=Message(key, game=gid, strategy=r, player=first), hint=_known(first, rows)))
            continue
        for c in line:
            if c not in cols:
                out.append(RefProblem(path=("games", gid, "payoffs", r, c), message=Message("eg_unknown_col", game=gid, strategy=c, player=second), hint=_known(second, cols)))
    for r in rows:
        line = game.payoffs.get(r, {})
        missing = [c for c in cols if c not in line]
        for c in missing:
            where = ("games", gid, "payoffs", r) if r in game.payoffs else ("games", gid, "payoffs")
            out.append(RefProblem(
                path=where,
                message=Message("eg_missing_payoff", game=gid, first=first, row=r, second=second, col=c),
                hint=Message("eg_missing_payoff_hint", game=gid, first=first, row=r, second=second, col=c),
            ))
    return out


def _known(player: str, strategies) -> Message:
    return Message("eg_known_strategies", player=player, names=", ".join(strategies))
