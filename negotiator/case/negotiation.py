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

from negotiator.case.base import CaseModel, Id, Number, RefProblem, known_hint
from negotiator.messages import Message

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
        raise ValueError(Message("en_batna_value", got=repr(value)))
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
        out.append(RefProblem(path=where, message=Message("en_two_parties", negotiation=nid, n=len(neg.parties)), hint=Message("en_two_parties_hint")))
    own = [pid for pid, p in neg.parties.items() if p.own_side]
    if len(own) > 1:
        out.append(RefProblem(path=where, message=Message("en_own_sides", negotiation=nid, n=len(own), parties=", ".join(own)), hint=Message("en_own_sides_hint")))
    for pid, party in neg.parties.items():
        if party.batna == DERIVED and not party.own_side:
            out.append(RefProblem(path=where + (pid, "batna"), message=Message("en_derived_not_own", party=pid), hint=Message("en_derived_not_own_hint")))
        if party.batna_profile is not None:
            if party.batna != DERIVED:
                out.append(RefProblem(path=where + (pid, "batna_profile"), message=Message("en_number_with_field", party=pid, field="batna_profile", verb=Message("en_names")), hint=Message("en_remove_field_hint", field="batna_profile")))
            elif party.batna_profile not in case.weights:
                out.append(RefProblem(path=where + (pid, "batna_profile"), message=Message("en_batna_unknown_profile", profile=party.batna_profile, party=pid), hint=known_hint("weight profiles", case.weights, "hint_none_profiles")))
        if party.batna != DERIVED and "batna_choice" in party.model_fields_set:
            out.append(RefProblem(path=where + (pid, "batna_choice"), message=Message("en_number_with_field", party=pid, field="batna_choice", verb=Message("en_sets")), hint=Message("en_remove_field_hint", field="batna_choice")))
        for k, oid in enumerate(party.batna_excludes):
            if party.batna != DERIVED:
                out.append(RefProblem(path=where + (pid, "batna_excludes"), message=Message("en_number_with_field", party=pid, field="batna_excludes", verb=Message("en_lists")), hint=Message("en_remove_field_hint", field="batna_excludes")))
                break
            if oid not in case.options:
                out.append(RefProblem(path=where + (pid, "batna_excludes", k), message=Message("en_excludes_unknown_option", option=oid, party=pid), hint=known_hint("options", case.options, "hint_none_options")))
        if party.batna == DERIVED and set(case.options) <= set(party.batna_excludes):
            out.append(RefProblem(path=where + (pid, "batna_excludes"), message=Message("en_excludes_all", party=pid), hint=Message("en_excludes_all_hint")))
        if party.batna == DERIVED and party.batna_profile is None and not case.weights:
            out.append(RefProblem(path=where + (pid, "batna"), message=Message("en_derived_no_profiles", party=pid), hint=Message("en_derived_no_profiles_hint")))
    return out


def _issue_problems(nid: str, iid: str, issue: Issue, parties: list[str], weights_needed: bool = True) -> list[RefProblem]:
    out: list[RefProblem] = []
    base = ("negotiations", nid, "issues", iid)
    levels = list(issue.levels)
    if len(levels) < 2:
        out.append(RefProblem(path=base + ("levels",), message=Message("en_one_level", issue=iid), hint=Message("en_one_level_hint")))
    if issue.status_quo is not None and issue.status_quo not in issue.levels:
        out.append(RefProblem(path=base + ("status_quo",), message=Message("en_status_quo_not_level", level=issue.status_quo, issue=iid), hint=known_hint("levels", levels, "hint_none_levels")))
    for pid, w in issue.weights.items():
        if pid not in parties:
            out.append(RefProblem(path=base + ("weights", pid), message=Message("en_weight_unknown_party", party=pid, issue=iid), hint=known_hint("parties", parties, "hint_none_parties")))
        elif w < 0:
            out.append(RefProblem(path=base + ("weights", pid), message=Message("en_negative_weight", weight=w, party=pid, issue=iid), hint=Message("en_negative_weight_hint")))
    for pid in parties:
        if weights_needed and pid not in issue.weights:
            out.append(RefProblem(path=base + ("weights",), message=Message("en_no_weight", issue=iid, party=pid), hint=Message("en_no_weight_hint", party=pid)))
    for pid, values in issue.values.items():
        if pid not in parties:
            out.append(RefProblem(path=base + ("values", pid), message=Message("en_values_unknown_party", party=pid, issue=iid), hint=known_hint("parties", parties, "hint_none_parties")))
            continue
        for lid in values:
            if lid not in issue.levels:
                out.append(RefProblem(path=base + ("values", pid, lid), message=Message("en_value_unknown_level", level=lid, issue=iid, party=pid), hint=known_hint("levels", levels, "hint_none_levels")))
        missing = [lid for lid in levels if lid not in values]
        if missing:
            out.append(RefProblem(path=base + ("values", pid), message=Message("en_missing_values", party=pid, levels=", ".join(missing), issue=iid), hint=Message("en_missing_values_hint")))
    for pid in parties:
        if pid not in issue.values:
            out.append(RefProblem(path=base + ("values",), message=Message("en_no_values", issue=iid, party=pid), hint=Message("en_no_values_hint", party=pid)))
    return out


def _weight_total_problems(nid: str, neg: Negotiation) -> list[RefProblem]:
    out: list[RefProblem] = []
    for pid in neg.parties:
        missing = 1.0 if neg.utility == "sum" else 0.0
        total = sum(max(issue.weights.get(pid, missing), 0.0) for issue in neg.issues.values())
        if total <= 0:
            out.append(RefProblem(path=("negotiations", nid, "issues"), message=Message("en_all_zero", party=pid), hint=Message("en_all_zero_hint", party=pid)))
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
                    out.append(RefProblem(path=("negotiations", nid, "issues", iid, "values", pid, lid), message=Message("en_derived_scale", value=value, party=pid), hint=Message("en_derived_scale_hint")))
    return out

