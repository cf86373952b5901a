"""Case section `negotiations:` (multi-issue negotiation agendas between two parties).

An agenda names two parties and the issues on the table. Each issue has
discrete levels (the terms a deal could set, e.g. "two removal flights a
month"). Each party gives every issue a weight and every level a value; its
utility for a package (one level per issue) is the weighted average of its
values (weights normalised to sum 1 per party). Each party has a walk-away
(BATNA) value on that same scale: a number, or ``derived`` for the case's own
side (see docs/negotiation.md: the expected overall value of its best
unilateral response, x100).

Shape::

    negotiations:
      talks:
        label: ...
        parties:
          china: {label: China, label_zh: 中国, own_side: true, batna: derived}
          united_states: {label: United States, batna: 40}
        issues:
          flights:
            label: Removal flights a month
            status_quo: case_by_case            # optional; needed by --link
            levels:
              case_by_case: {label: Case by case}
              two: {label: Two a month}
            weights: {china: 15, united_states: 40}
            values:
              china: {case_by_case: 70, two: 55}
              united_states: {case_by_case: 0, two: 100}

``utility: sum`` (on the agenda) makes each party's utility the plain sum of its
values, issue by issue (weights, when given, multiply the values and are not
normalised; a missing weight is 1): the form of an item-by-item barter such as
Nash's (1950) Bill and Jack. The default, ``weighted_average``, is the form above.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, ConfigDict, Field

from negotiator.case.base import CaseModel, Id, Number, RefProblem

__all__ = ["DERIVED", "UTILITY_FORMS", "Party", "Level", "Issue", "Negotiation", "negotiation_problems", "DERIVED_VALUE_RANGE"]

#: How a party's values on the issues make its utility for a package.
UTILITY_FORMS = ("weighted_average", "sum")

#: The word that asks for a BATNA derived from the case's own scenario analysis.
DERIVED = "derived"
#: A party whose BATNA is derived values levels on the case's overall-value scale x100.
DERIVED_VALUE_RANGE = (0.0, 100.0)


def _batna_value(value: Any) -> Any:
    # One clear message instead of pydantic's two (number? literal?).
    if isinstance(value, bool) or (isinstance(value, str) and value != DERIVED) or value is None:
        raise ValueError(f"a walk-away (BATNA) value is a number on the agenda's utility scale, or the word `derived`; got {value!r}")
    return value


#: A BATNA: a number, or "derived" (from the case's own scenario analysis).
BatnaValue = Annotated[Union[Number, Literal["derived"]], BeforeValidator(_batna_value)]


class Party(CaseModel):
    label: str
    label_zh: str | None = None
    #: The side whose response options this case ranks (at most one per agenda).
    own_side: bool = False
    #: Walk-away value on the agenda's utility scale, or `derived` (own side only).
    batna: BatnaValue
    #: Weight profile used to derive the BATNA (default: the case's first profile).
    batna_profile: Id | None = None
    #: Options that are not unilateral (e.g. holding these very talks): left out of a derived BATNA.
    batna_excludes: list[Id] = Field(default_factory=list)
    #: How a derived BATNA chooses the fallback: `per_scenario` (the best response once the other
    #: side's behaviour is known) or `single` (one response chosen before it is known: the best
    #: expected value). The output always shows both.
    batna_choice: Literal["per_scenario", "single"] = "per_scenario"
    rationale: str | None = None
    source: str | None = None


class Level(CaseModel):
    label: str
    label_zh: str | None = None
    description: str | None = None


class Issue(CaseModel):
    # Level ids such as 2 or 4 (flights a month) are natural; keep them as text.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    label: str
    label_zh: str | None = None
    source: str | None = None
    description: str | None = None
    levels: dict[Id, Level] = Field(min_length=1)
    #: The level that stands when there is no agreement on this issue (today's practice).
    status_quo: Id | None = None
    #: How much each party cares about this issue (non-negative; normalised per party, unless the
    #: agenda's utility is a `sum`: then they multiply the values as given, and a missing one is 1).
    weights: dict[Id, Number] = Field(default_factory=dict)
    #: Each party's value for each level (any finite numbers; 0-100 recommended).
    values: dict[Id, dict[Id, Number]]
    rationale: str | None = None


class Negotiation(CaseModel):
    label: str
    label_zh: str | None = None
    source: str | None = None
    description: str | None = None
    #: Who made the numbers and how to read them (they are analyst judgments).
    note: str | None = None
    #: `weighted_average` (default): each party's utility is the weighted average of its values
    #: (weights normalised per party). `sum`: the sum of its values issue by issue (each times its
    #: weight when one is given; weights are not normalised).
    utility: Literal["weighted_average", "sum"] = "weighted_average"
    parties: dict[Id, Party]
    issues: dict[Id, Issue] = Field(min_length=1)


def without_unused_negotiation_fields(dumped: dict) -> dict:
    """A case dump without batna_choice or utility where they are the default, so cases written before them keep their hash."""
    negotiations = dumped.get("negotiations")
    if not isinstance(negotiations, dict):
        return dumped
    out = dict(dumped)
    out["negotiations"] = {
        nid: {
            **{k: v for k, v in neg.items() if not (k == "utility" and v == "weighted_average")},
            "parties": {pid: {k: v for k, v in party.items() if not (k == "batna_choice" and v == "per_scenario")} for pid, party in neg.get("parties", {}).items()},
        }
        for nid, neg in negotiations.items()
    }
    return out


def negotiation_problems(case) -> list[RefProblem]:
    """Everything wrong inside and between the agendas' parts, all at once."""
    out: list[RefProblem] = []
    for nid, neg in case.negotiations.items():
        out += _party_problems(case, nid, neg)
        parties = list(neg.parties)
        for iid, issue in neg.issues.items():
            out += _issue_problems(nid, iid, issue, parties, weights_needed=neg.utility != "sum")
        out += _weight_total_problems(nid, neg)
        out += _derived_scale_problems(nid, neg)
    return out


def _party_problems(case, nid: str, neg: Negotiation) -> list[RefProblem]:
    out: list[RefProblem] = []
    where = ("negotiations", nid, "parties")
    if len(neg.parties) != 2:
        out.append(RefProblem(path=where, message=f"negotiation '{nid}' has {len(neg.parties)} parties; an agenda is between exactly two", hint="list two parties under parties:"))
    own = [pid for pid, p in neg.parties.items() if p.own_side]
    if len(own) > 1:
        out.append(RefProblem(path=where, message=f"negotiation '{nid}' marks {len(own)} parties as own_side ({', '.join(own)}); at most one side is the case's own", hint="keep `own_side: true` on the side whose options the case ranks"))
    for pid, party in neg.parties.items():
        if party.batna == DERIVED and not party.own_side:
            out.append(RefProblem(path=where + (pid, "batna"), message=f"party '{pid}' has `batna: derived`, but only the case's own side (own_side: true) can derive its walk-away from the case's options", hint="give a number, or mark this party `own_side: true` if the case's options are its responses"))
        if party.batna_profile is not None:
            if party.batna != DERIVED:
                out.append(RefProblem(path=where + (pid, "batna_profile"), message=f"party '{pid}' names a batna_profile but its BATNA is a number", hint="remove batna_profile, or write `batna: derived`"))
            elif party.batna_profile not in case.weights:
                out.append(RefProblem(path=where + (pid, "batna_profile"), message=f"unknown weight profile '{party.batna_profile}' for the derived BATNA of '{pid}'", hint=_known("weight profiles", case.weights)))
        if party.batna != DERIVED and "batna_choice" in party.model_fields_set:
            out.append(RefProblem(path=where + (pid, "batna_choice"), message=f"party '{pid}' sets batna_choice but its BATNA is a number", hint="remove batna_choice, or write `batna: derived`"))
        for k, oid in enumerate(party.batna_excludes):
            if party.batna != DERIVED:
                out.append(RefProblem(path=where + (pid, "batna_excludes"), message=f"party '{pid}' lists batna_excludes but its BATNA is a number", hint="remove batna_excludes, or write `batna: derived`"))
                break
            if oid not in case.options:
                out.append(RefProblem(path=where + (pid, "batna_excludes", k), message=f"unknown option '{oid}' in batna_excludes of '{pid}'", hint=_known("options", case.options)))
        if party.batna == DERIVED and set(case.options) <= set(party.batna_excludes):
            out.append(RefProblem(path=where + (pid, "batna_excludes"), message=f"batna_excludes of '{pid}' leaves no option to walk away to", hint="keep at least one unilateral option"))
        if party.batna == DERIVED and party.batna_profile is None and not case.weights:
            out.append(RefProblem(path=where + (pid, "batna"), message=f"party '{pid}' has `batna: derived` but the case has no weight profiles to value its options with", hint="add a profile under weights:, or give the BATNA as a number"))
    return out


def _issue_problems(nid: str, iid: str, issue: Issue, parties: list[str], weights_needed: bool = True) -> list[RefProblem]:
    out: list[RefProblem] = []
    base = ("negotiations", nid, "issues", iid)
    levels = list(issue.levels)
    if len(levels) < 2:
        out.append(RefProblem(path=base + ("levels",), message=f"issue '{iid}' has only one level, so there is nothing to negotiate on it", hint="give at least two levels, or drop the issue"))
    if issue.status_quo is not None and issue.status_quo not in issue.levels:
        out.append(RefProblem(path=base + ("status_quo",), message=f"status_quo '{issue.status_quo}' is not a level of issue '{iid}'", hint=_known("levels", levels)))
    for pid, w in issue.weights.items():
        if pid not in parties:
            out.append(RefProblem(path=base + ("weights", pid), message=f"weight for unknown party '{pid}' on issue '{iid}'", hint=_known("parties", parties)))
        elif w < 0:
            out.append(RefProblem(path=base + ("weights", pid), message=f"negative weight {w:g} for '{pid}' on issue '{iid}'", hint="weights are non-negative (0 = does not care about this issue)"))
    for pid in parties:
        if weights_needed and pid not in issue.weights:
            out.append(RefProblem(path=base + ("weights",), message=f"issue '{iid}' gives no weight for party '{pid}'", hint=f"add `{pid}: <number>` under weights (0 if it does not care)"))
    for pid, values in issue.values.items():
        if pid not in parties:
            out.append(RefProblem(path=base + ("values", pid), message=f"values for unknown party '{pid}' on issue '{iid}'", hint=_known("parties", parties)))
            continue
        for lid in values:
            if lid not in issue.levels:
                out.append(RefProblem(path=base + ("values", pid, lid), message=f"value for unknown level '{lid}' of issue '{iid}' (party '{pid}')", hint=_known("levels", levels)))
        missing = [lid for lid in levels if lid not in values]
        if missing:
            out.append(RefProblem(path=base + ("values", pid), message=f"party '{pid}' has no value for level(s) {', '.join(missing)} of issue '{iid}'", hint="give every level a value for every party"))
    for pid in parties:
        if pid not in issue.values:
            out.append(RefProblem(path=base + ("values",), message=f"issue '{iid}' gives no values for party '{pid}'", hint=f"add `{pid}: {{level: value, ...}}` under values"))
    return out


def _weight_total_problems(nid: str, neg: Negotiation) -> list[RefProblem]:
    out: list[RefProblem] = []
    for pid in neg.parties:
        missing = 1.0 if neg.utility == "sum" else 0.0
        total = sum(max(issue.weights.get(pid, missing), 0.0) for issue in neg.issues.values())
        if total <= 0:
            out.append(RefProblem(path=("negotiations", nid, "issues"), message=f"party '{pid}' gives every issue weight 0, so no package matters to it", hint=f"give '{pid}' a positive weight on at least one issue"))
    return out


def _derived_scale_problems(nid: str, neg: Negotiation) -> list[RefProblem]:
    # A derived BATNA is 100 x an overall value in [0, 1]: the party's values must
    # be on that same 0-100 scale, or the comparison means nothing.
    out: list[RefProblem] = []
    lo, hi = DERIVED_VALUE_RANGE
    for pid, party in neg.parties.items():
        if party.batna != DERIVED:
            continue
        for iid, issue in neg.issues.items():
            for lid, value in issue.values.get(pid, {}).items():
                if not lo <= value <= hi:
                    out.append(RefProblem(path=("negotiations", nid, "issues", iid, "values", pid, lid), message=f"value {value:g} of '{pid}' is outside 0-100, but its BATNA is derived from the case's overall values (0-100)", hint="put this party's values on the 0-100 scale, or give its BATNA as a number"))
    return out


def _known(kind: str, ids) -> str:
    names = list(ids)
    shown = ", ".join(names[:12]) + (" ..." if len(names) > 12 else "")
    return f"use one of the known {kind}: {shown}" if names else f"there are no {kind} defined"
