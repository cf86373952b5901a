"""Walk-away (BATNA) values: given in the case, or derived from the case's own scenario analysis.

A derived BATNA answers "what is our best unilateral course if the talks fail?"
with the case's own ranking. For each scenario s of the other side's behaviour
(probability p_s), the best option under `negotiator.ranking.api.rank(case, profile,
scenario=s)` has an overall value V_s in [0, 1] (the additive model: weights sum
to 1, each objective's value runs from 0 at the worst end of its scale to 1 at
the best). The derived BATNA is

    BATNA = 100 * sum_s p_s * V_s

i.e. the expected overall value of the best response, chosen after seeing how the
other side behaves (talks fail first; the response follows). With
``batna_choice: single`` the side must commit to one response before it knows:

    BATNA = 100 * max over options o of sum_s p_s * V_s(o)

which is never higher; the difference is the value of being able to wait (the
expected value of perfect information about the other side's move). Both are
always reported. Either is put on the
agenda's 0-100 scale by the factor 100. That factor is a modelling choice, not
a conversion law: it is meaningful only when the party's agenda values read as
"the overall value, 0-100, of a deal at this level, on the same objectives and
weights as the case's ranking". The schema therefore requires such a party's
values to lie in [0, 100]. A case without scenarios uses its base ranking
(probability 1). A case whose scenarios carry no probabilities (complete
ignorance) has no expected value, so a derived BATNA is refused with the fix
(give the scenarios probabilities, or the BATNA as a number). Options listed in ``batna_excludes`` (e.g. holding the very
talks being analysed) are not unilateral and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["BATNA_SCALE", "CHOICES", "ScenarioBest", "SingleResponse", "Batna", "resolve_batnas"]

#: Overall values live in [0, 1]; the agenda's utilities in [0, 100].
BATNA_SCALE = 100.0


@dataclass(frozen=True)
class ScenarioBest:
    scenario: str | None
    probability: float
    option: str
    label: str
    label_zh: str | None
    overall_value: float


@dataclass(frozen=True)
class SingleResponse:
    """The one unilateral option with the best expected overall value across the scenarios."""

    option: str
    label: str
    label_zh: str | None
    expected_overall_value: float


#: How a derived BATNA picks the fallback (schema: Party.batna_choice).
CHOICES = {
    "per_scenario": "the best unilateral option in each scenario, chosen once the other side's behaviour is known",
    "single": "one unilateral option chosen before the other side's behaviour is known: the best expected value",
}


@dataclass(frozen=True)
class Batna:
    party: str
    value: float
    derived: bool
    rationale: str | None = None
    profile: str | None = None
    weights: dict[str, float] = field(default_factory=dict)
    expected_overall_value: float | None = None  # of the rule in use (choice)
    per_scenario: tuple[ScenarioBest, ...] = ()
    excluded: tuple[str, ...] = ()
    choice: str = "per_scenario"
    single: SingleResponse | None = None

    @property
    def per_scenario_value(self) -> float:
        return BATNA_SCALE * sum(s.probability * s.overall_value for s in self.per_scenario)

    @property
    def single_value(self) -> float | None:
        return None if self.single is None else BATNA_SCALE * self.single.expected_overall_value

    @property
    def value_of_waiting(self) -> float | None:
        """How much higher the walk-away is when the response may wait for the other side's move (>= 0)."""
        return None if self.single is None else self.per_scenario_value - self.single_value

    def to_dict(self) -> dict:
        out = {"party": self.party, "value": self.value, "derived": self.derived, "rationale": self.rationale}
        if self.derived:
            out.update(
                {
                    "how": f"{BATNA_SCALE:g} x expected overall value of {CHOICES[self.choice]} (negotiator rank --scenario S --profile {self.profile})",
                    "choice": self.choice,
                    "profile": self.profile,
                    "weights": dict(self.weights),
                    "expected_overall_value": self.expected_overall_value,
                    "excluded_options": list(self.excluded),
                    "per_scenario": [s.__dict__.copy() for s in self.per_scenario],
                    "if_per_scenario": self.per_scenario_value,
                    "if_single": self.single_value,
                    "single_option": None if self.single is None else self.single.option,
                    "value_of_waiting": self.value_of_waiting,
                }
            )
        return out


def resolve_batnas(loaded, negotiation, nid: str | None = None) -> tuple[Batna, Batna]:
    """Both parties' walk-away values, in party order (``nid``: the negotiation's id, to locate problems)."""
    out = []
    for pid, party in negotiation.parties.items():
        if party.batna == "derived":
            _needs_probabilities(loaded, nid, pid)
            out.append(_derived(loaded, pid, party))
        else:
            out.append(Batna(pid, float(party.batna), False, party.rationale))
    return out[0], out[1]


def _needs_probabilities(loaded, nid: str | None, pid: str) -> None:
    """A derived BATNA is an expected value: refuse it, with the fix, when the scenarios carry no probabilities."""
    scenarios = loaded.case.scenarios
    if scenarios and any(sc.probability is None for sc in scenarios.values()):
        message = Message("ng_batna_no_probabilities", party=pid)
        hint = Message("ng_batna_no_probabilities_fix", party=pid)
        if nid is not None:
            raise UsageError(loaded.problem(("negotiations", nid, "parties", pid, "batna"), message, hint))
        raise UsageError(Problem(message, hint=hint))


def _derived(loaded, pid: str, party) -> Batna:
    from negotiator.ranking.api import rank

    case = loaded.case
    scenarios = list(case.scenarios.items()) or [(None, None)]
    rows: list[ScenarioBest] = []
    profile = party.batna_profile
    weights: dict[str, float] = {}
    expected_by_option: dict[str, float] = {}
    available: set[str] | None = None
    labels: dict[str, tuple[str, str | None]] = {}
    for sid, sc in scenarios:
        ranking = rank(loaded, profile=profile, scenario=sid)
        unilateral = [row for row in ranking.rows if row.option not in party.batna_excludes]
        if not unilateral:
            raise UsageError(Problem(Message("pn_batna_none_left", party=pid, scenario=sid), hint=Message("pn_batna_none_left_hint")))
        best = unilateral[0]
        weights = dict(ranking.provenance.weights)
        profile = ranking.provenance.profile
        probability = 1.0 if sc is None else float(sc.probability)
        rows.append(ScenarioBest(sid, probability, best.option, best.label, best.label_zh, float(best.score)))
        for row in unilateral:
            expected_by_option[row.option] = expected_by_option.get(row.option, 0.0) + probability * float(row.score)
            labels[row.option] = (row.label, row.label_zh)
        # A single response must be open in every scenario (a red line may screen it out in one).
        here = {row.option for row in unilateral}
        available = here if available is None else available & here
    single = _best_single(expected_by_option, available or set(), labels, case)
    if party.batna_choice == "single":
        if single is None:
            raise UsageError(Problem(Message("pn_batna_no_single", party=pid), hint=Message("pn_batna_no_single_hint")))
        expected = single.expected_overall_value
    else:
        expected = sum(r.probability * r.overall_value for r in rows)
    return Batna(pid, BATNA_SCALE * expected, True, party.rationale, profile, weights, expected, tuple(rows), tuple(party.batna_excludes), party.batna_choice, single)


def _best_single(expected: dict[str, float], available: set[str], labels: dict, case) -> SingleResponse | None:
    """The option with the highest expected overall value; ties go to the earlier option in the case."""
    order = {oid: k for k, oid in enumerate(case.options)}
    candidates = sorted(available, key=lambda o: (-expected[o], order[o]))
    if not candidates:
        return None
    best = candidates[0]
    return SingleResponse(best, labels[best][0], labels[best][1], expected[best])
