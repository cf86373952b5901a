"""The `conflicts:` section: one graph-model conflict per entry (pydantic v2 models, cross-checks).

A conflict has decision makers (DMs), each controlling yes/no options; feasibility
rules that remove impossible combinations; optional "indistinguishable" rules
(once an option is taken, some others no longer matter, e.g. after a firm
abandons a site, whether the regulator modified its order is moot); options that
can only be taken (irreversible) or only be dropped; each DM's preferences, by
option prioritisation (ordered statements, most important first) or as a direct
ranking of states with ties; and a status quo.

A state is written as the list of the options taken in it (``[]``: none).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from negotiator.errors import CaseError, Problem
from negotiator.case.base import CaseModel, Id, RefProblem, error_message
from negotiator.messages import Message

from negotiator.case.conflict_statements import StatementError, parse_statement, statement_options

__all__ = [
    "ConflictOption",
    "Statement",
    "Preferences",
    "DecisionMaker",
    "FeasibilityRule",
    "Indistinguishable",
    "Conflict",
    "MAX_OPTIONS",
    "conflict_problems",
    "conflicts_from_data",
]

#: 2**20 option combinations are enumerated before feasibility removes some.
MAX_OPTIONS = 20

StateSpec = tuple[Id, ...]


class ConflictOption(CaseModel):
    """A yes/no option of one decision maker."""

    label: str
    label_zh: str | None = None
    #: "both": taken and dropped freely; "take_only": irreversible once taken (a sanction
    #: imposed, an agreement signed); "drop_only": once dropped it cannot be resumed.
    direction: Literal["both", "take_only", "drop_only"] = "both"
    description: str | None = None
    rationale: str | None = None
    source: str | None = None


class Statement(CaseModel):
    """One option-prioritisation statement, e.g. ``not tariffs`` or ``flights if fugitives``."""

    statement: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    source: str = Field(min_length=1)
    label: str | None = None
    label_zh: str | None = None


class Preferences(CaseModel):
    """Either ``prioritisation`` (statements, most important first) or ``ranking``.

    ``ranking`` lists tiers from most to least preferred; each tier is a list of
    states (each state a list of the options taken) that the DM likes equally.
    """

    prioritisation: tuple[Statement, ...] | None = None
    ranking: tuple[tuple[StateSpec, ...], ...] | None = None
    rationale: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.prioritisation is None) == (self.ranking is None):
            raise ValueError(Message("ecf_one_kind"))
        if self.prioritisation is not None and not self.prioritisation:
            raise ValueError(Message("ecf_no_statement"))
        if self.ranking is not None and not self.ranking:
            raise ValueError(Message("ecf_no_tier"))
        if self.ranking is not None and any(len(tier) == 0 for tier in self.ranking):
            raise ValueError(Message("ecf_empty_tier"))
        return self


class DecisionMaker(CaseModel):
    label: str
    label_zh: str | None = None
    options: dict[Id, ConflictOption] = Field(min_length=1)
    preferences: Preferences


class FeasibilityRule(CaseModel):
    """``exclusive`` (at most one of ``options``), ``at_least_one`` (of ``options``),
    ``requires`` (``option`` only together with every option in ``needs``)."""

    kind: Literal["exclusive", "at_least_one", "requires"]
    options: tuple[Id, ...] | None = None
    option: Id | None = None
    needs: tuple[Id, ...] | Id | None = None  # one id is a list of one (see _one_need)
    rationale: str | None = None
    source: str | None = None

    @field_validator("needs", mode="before")
    @classmethod
    def _one_need(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _shape(self):
        if self.kind in ("exclusive", "at_least_one"):
            if self.options is None or len(self.options) < 2:
                raise ValueError(Message("ecf_rule_two_options", kind=self.kind))
            if self.option is not None or self.needs is not None:
                raise ValueError(Message("ecf_rule_options_only", kind=self.kind))
        else:
            if self.option is None or not self.needs:
                raise ValueError(Message("ecf_requires_shape"))
            if self.options is not None:
                raise ValueError(Message("ecf_requires_not_options"))
        return self

    def mentioned(self) -> tuple[str, ...]:
        return tuple(self.options or ()) + ((self.option,) if self.option else ()) + tuple(self.needs or ())


class Indistinguishable(CaseModel):
    """Once ``when`` is taken, the options in ``ignore`` no longer make a difference."""

    when: Id
    ignore: tuple[Id, ...] = Field(min_length=1)
    rationale: str | None = None
    source: str | None = None


class Conflict(CaseModel):
    label: str
    label_zh: str | None = None
    description: str | None = None
    source: str | None = None
    judgment: str | None = None
    decision_makers: dict[Id, DecisionMaker] = Field(min_length=2)
    feasibility: tuple[FeasibilityRule, ...] = ()
    indistinguishable: tuple[Indistinguishable, ...] = ()
    status_quo: StateSpec | None = None

    def option_owner(self) -> dict[str, str]:
        """Option id -> id of the DM controlling it (first owner if an id is reused)."""
        out: dict[str, str] = {}
        for dm_id, dm in self.decision_makers.items():
            for opt in dm.options:
                out.setdefault(opt, dm_id)
        return out


def _known(options) -> Message:
    return Message("ecf_known_options", names=", ".join(options))


def conflict_problems(conflicts: dict[str, Conflict], root: tuple = ("conflicts",)) -> list[RefProblem]:
    """Every cross-reference problem of the section at once (unknown options, bad statements,
    infeasible or missing states in a ranking, an infeasible status quo, too many options)."""
    out: list[RefProblem] = []
    for cid, conflict in conflicts.items():
        out += _one_conflict_problems(cid, conflict, root + (cid,))
    return out


def _one_conflict_problems(cid: str, c: Conflict, at: tuple) -> list[RefProblem]:
    out: list[RefProblem] = []
    owner: dict[str, str] = {}
    for dm_id, dm in c.decision_makers.items():
        for opt in dm.options:
            if opt in owner:
                out.append(RefProblem(
                    path=at + ("decision_makers", dm_id, "options", opt),
                    message=Message("ecf_option_two_owners", conflict=cid, option=opt, first=owner[opt], second=dm_id),
                    hint=Message("ecf_option_two_owners_hint"),
                ))
            else:
                owner[opt] = dm_id
    options = list(owner)
    if len(options) > MAX_OPTIONS:
        out.append(RefProblem(
            path=at + ("decision_makers",),
            message=Message("ecf_too_many_options", conflict=cid, n=len(options), most=MAX_OPTIONS, combinations=2**MAX_OPTIONS),
            hint=Message("ecf_too_many_options_hint"),
        ))
        return out

    def check_ids(ids, where, what):
        for k, opt in enumerate(ids):
            if opt not in owner:
                out.append(RefProblem(path=where, message=Message("ecf_unknown_option", conflict=cid, what=what, option=opt), hint=_known(options)))

    for k, rule in enumerate(c.feasibility):
        check_ids(rule.mentioned(), at + ("feasibility", k), Message("ecf_feasibility_rule", n=k + 1, kind=rule.kind))
    for k, rule in enumerate(c.indistinguishable):
        check_ids((rule.when,) + tuple(rule.ignore), at + ("indistinguishable", k), Message("ecf_indistinguishable_rule", n=k + 1))
        if rule.when in rule.ignore:
            out.append(RefProblem(path=at + ("indistinguishable", k, "ignore"), message=Message("ecf_ignore_itself", conflict=cid, option=rule.when), hint=Message("ecf_ignore_itself_hint", option=rule.when)))
    for dm_id, dm in c.decision_makers.items():
        for k, st in enumerate(dm.preferences.prioritisation or ()):
            where = at + ("decision_makers", dm_id, "preferences", "prioritisation", k, "statement")
            try:
                tree = parse_statement(st.statement)
            except StatementError as exc:
                out.append(RefProblem(path=where, message=Message("ecf_statement_parse", conflict=cid, dm=dm_id, n=k + 1, statement=repr(st.statement), detail=exc.message()), hint=Message("ecf_statement_parse_hint")))
                continue
            check_ids(statement_options(tree), where, Message("ecf_dm_statement", dm=dm_id, n=k + 1))
        for t, tier in enumerate(dm.preferences.ranking or ()):
            for j, state in enumerate(tier):
                check_ids(state, at + ("decision_makers", dm_id, "preferences", "ranking", t, j), Message("ecf_dm_ranking", dm=dm_id))
    if c.status_quo is not None:
        check_ids(c.status_quo, at + ("status_quo",), Message("ecf_the_status_quo"))
    if out:
        return out

    # The state space: only once every id is known.
    from negotiator.case.conflict_states import build_states

    space = build_states(c)
    if space.n_states == 0:
        out.append(RefProblem(path=at + ("feasibility",), message=Message("ecf_no_feasible_state", conflict=cid), hint=Message("ecf_no_feasible_state_hint")))
        return out
    if c.status_quo is not None and space.find(c.status_quo) is None:
        out.append(RefProblem(path=at + ("status_quo",), message=Message("ecf_status_quo_infeasible", conflict=cid, state=str(list(c.status_quo))), hint=Message("ecf_check_feasibility_hint")))
    for dm_id, dm in c.decision_makers.items():
        if dm.preferences.ranking is None:
            continue
        where = at + ("decision_makers", dm_id, "preferences", "ranking")
        seen: dict[int, int] = {}
        for t, tier in enumerate(dm.preferences.ranking):
            for j, state in enumerate(tier):
                s = space.find(state)
                if s is None:
                    out.append(RefProblem(path=where + (t, j), message=Message("ecf_ranked_infeasible", conflict=cid, dm=dm_id, state=str(list(state))), hint=Message("ecf_ranked_infeasible_hint")))
                elif s in seen:
                    out.append(RefProblem(path=where + (t, j), message=Message("ecf_ranked_twice", conflict=cid, dm=dm_id, state=str(list(space.taken(s))), first=seen[s] + 1, second=t + 1), hint=Message("ecf_ranked_twice_hint")))
                else:
                    seen[s] = t
        missing = [s for s in range(space.n_states) if s not in seen]
        if missing:
            shown = ", ".join(str(list(space.taken(s))) for s in missing[:5]) + (" ..." if len(missing) > 5 else "")
            out.append(RefProblem(path=where, message=Message("ecf_ranking_incomplete", conflict=cid, dm=dm_id, n=len(missing), states=shown), hint=Message("ecf_ranking_incomplete_hint")))
    return out


def _where(path) -> str:
    return ".".join(str(p) for p in path)


def conflicts_from_data(data: dict) -> dict[str, Conflict]:
    """Validate a plain dict of the `conflicts:` section (id -> conflict); a dict holding a
    single ``conflicts`` key is unwrapped. Raises CaseError listing every problem."""
    if isinstance(data, dict) and set(data) == {"conflicts"} and isinstance(data["conflicts"], dict):
        data = data["conflicts"]
    if not isinstance(data, dict):
        raise CaseError(Problem(Message("ecf_section_not_mapping"), where="conflicts"))
    problems: list[Problem] = []
    conflicts: dict[str, Conflict] = {}
    for cid, raw in data.items():
        try:
            conflicts[str(cid)] = Conflict.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ("conflicts", cid) + tuple(err["loc"])
                problems.append(Problem(Message("ecf_in_conflict", conflict=cid, problem=error_message(err)), where=_where(loc)))
    if not problems:
        problems = [Problem(p.message, hint=p.hint, where=_where(p.path)) for p in conflict_problems(conflicts)]
    if problems:
        raise CaseError(problems)
    return conflicts
