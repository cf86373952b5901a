"""Walk-away (BATNA) values: given in the case, or derived from the case's own scenario analysis.

A derived BATNA answers "what is our best unilateral course if the talks fail?"
with the case's own ranking. For each scenario s of the other side's behaviour
(probability p_s), the best option under `negotiator.api.rank(case, profile,
scenario=s)` has an overall value V_s in [0, 1] (the additive model: weights sum
to 1, each objective's value runs from 0 at the worst end of its scale to 1 at
the best). The derived BATNA is

    BATNA = 100 * sum_s p_s * V_s

i.e. the expected overall value of the best response, chosen after seeing how the
other side behaves (talks fail first; the response follows), put on the
agenda's 0-100 scale by the factor 100. That factor is a modelling choice, not
a conversion law: it is meaningful only when the party's agenda values read as
"the overall value, 0-100, of a deal at this level, on the same objectives and
weights as the case's ranking". The schema therefore requires such a party's
values to lie in [0, 100]. A case without scenarios uses its base ranking
(probability 1). Options listed in ``batna_excludes`` (e.g. holding the very
talks being analysed) are not unilateral and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem, UsageError

__all__ = ["BATNA_SCALE", "ScenarioBest", "Batna", "resolve_batnas"]

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
class Batna:
    party: str
    value: float
    derived: bool
    rationale: str | None = None
    profile: str | None = None
    weights: dict[str, float] = field(default_factory=dict)
    expected_overall_value: float | None = None
    per_scenario: tuple[ScenarioBest, ...] = ()
    excluded: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        out = {"party": self.party, "value": self.value, "derived": self.derived, "rationale": self.rationale}
        if self.derived:
            out.update(
                {
                    "how": f"{BATNA_SCALE:g} x expected overall value of the best option in each scenario (negotiator rank --scenario S --profile {self.profile})",
                    "profile": self.profile,
                    "weights": dict(self.weights),
                    "expected_overall_value": self.expected_overall_value,
                    "excluded_options": list(self.excluded),
                    "per_scenario": [s.__dict__.copy() for s in self.per_scenario],
                }
            )
        return out


def resolve_batnas(loaded, negotiation) -> tuple[Batna, Batna]:
    """Both parties' walk-away values, in party order."""
    out = []
    for pid, party in negotiation.parties.items():
        if party.batna == "derived":
            out.append(_derived(loaded, pid, party))
        else:
            out.append(Batna(pid, float(party.batna), False, party.rationale))
    return out[0], out[1]


def _derived(loaded, pid: str, party) -> Batna:
    from ..api import rank

    case = loaded.case
    scenarios = list(case.scenarios.items()) or [(None, None)]
    rows: list[ScenarioBest] = []
    profile = party.batna_profile
    weights: dict[str, float] = {}
    for sid, sc in scenarios:
        ranking = rank(loaded, profile=profile, scenario=sid)
        unilateral = [row for row in ranking.rows if row.option not in party.batna_excludes]
        if not unilateral:
            raise UsageError(Problem(f"no unilateral option is left to derive the walk-away value of '{pid}' in scenario '{sid}' (all are screened out or excluded)", hint="give the BATNA as a number, or shorten batna_excludes"))
        best = unilateral[0]
        weights = dict(ranking.provenance.weights)
        profile = ranking.provenance.profile
        rows.append(ScenarioBest(sid, 1.0 if sc is None else float(sc.probability), best.option, best.label, best.label_zh, float(best.score)))
    expected = sum(r.probability * r.overall_value for r in rows)
    return Batna(pid, BATNA_SCALE * expected, True, party.rationale, profile, weights, expected, tuple(rows), tuple(party.batna_excludes))
