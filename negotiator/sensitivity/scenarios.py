"""The ranking under each scenario of the other side's behaviour, side by side.

Every scenario is ranked with the objective scales of the base case (see
matrix.build_matrix), so an option's overall score means the same thing in
every column. Red lines are checked in each scenario on its own likely
scores, so an option may pass in one and be screened out in another. The
probability-weighted expected score is over the scenarios only (their
probabilities sum to 1); the base case is shown for reference. A case whose
scenarios carry no probabilities (complete ignorance) has no expected score
(``complete_ignorance`` is set, ``expected_score`` and ``expected_rank`` are empty).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from negotiator.messages import Message
from negotiator.errors import Problem, UsageError
from negotiator.ranking.result import competition_ranks
from negotiator.sensitivity._common import Progress, Provenance

__all__ = ["ScenarioColumn", "ScenarioResult", "scenarios"]

BASE = "base"


@dataclass(frozen=True)
class ScenarioColumn:
    scenario: str  # "base" for the base case
    label: str
    label_zh: str | None
    probability: float | None  # None for the base case, and for every scenario under complete ignorance
    ranks: dict[str, int]  # option -> rank (options that pass the red lines)
    scores: dict[str, float]
    screened_out: dict[str, str]  # option -> red line broken

    def to_dict(self) -> dict:
        return {"scenario": self.scenario, "label": self.label, "label_zh": self.label_zh, "probability": self.probability, "ranks": self.ranks, "scores": self.scores, "screened_out": self.screened_out}


@dataclass(frozen=True)
class ScenarioResult:
    provenance: Provenance
    options: list[str]  # in base-case order (screened-out options last)
    columns: list[ScenarioColumn]  # base first
    expected_score: dict[str, float]  # over the scenarios; only options ranked in all of them
    expected_rank: dict[str, int]
    worst_rank: dict[str, int | None]  # worst rank over the scenarios; None when screened out in any of them
    screened_in: dict[str, list[str]] = field(default_factory=dict)  # option -> scenarios where its red lines screen it out
    score_name: str = "score"
    warnings: list[str] = field(default_factory=list)
    complete_ignorance: bool = False  # the scenarios carry no probabilities: no expected score

    def to_dict(self) -> dict:
        return {
            **self.provenance.to_dict(),
            "score_name": self.score_name,
            "options": self.options,
            "columns": [c.to_dict() for c in self.columns],
            "complete_ignorance": self.complete_ignorance,
            "expected_score": self.expected_score,
            "expected_rank": self.expected_rank,
            "worst_rank": self.worst_rank,
            "screened_out_in_scenarios": self.screened_in,
            "warnings": self.warnings,
        }


def scenarios(case=None, profile: str | None = None, method: str = "additive", weights=None, progress: Progress | None = None) -> ScenarioResult:
    """Rank the case under the base scores and under each of its scenarios."""
    import numpy as np

    from negotiator.ranking.api import as_loaded, rank

    loaded = as_loaded(case)
    c = loaded.case
    if not c.scenarios:
        raise UsageError(Problem(Message("ps_no_scenarios"), hint=Message("ps_no_scenarios_hint")))
    ids = [None] + list(c.scenarios)
    columns, warnings = [], []
    base_ranking = None
    for done, sid in enumerate(ids):
        r = rank(loaded, profile=profile, method=method, weights=weights, scenario=sid)
        base_ranking = base_ranking or r
        for w in r.warnings:
            if w not in warnings:
                warnings.append(w)
        sc = c.scenarios[sid] if sid else None
        columns.append(
            ScenarioColumn(
                BASE if sid is None else sid,
                "Base case" if sc is None else sc.label,
                "基准情形" if sc is None else sc.label_zh,
                None if sc is None else sc.probability,
                {row.option: row.rank for row in r.rows},
                {row.option: row.score for row in r.rows},
                {s.option: s.reason for s in r.screened_out},
            )
        )
        if progress:
            progress(done + 1, len(ids))
    scen = columns[1:]
    ignorance = any(col.probability is None for col in scen)
    always = [] if ignorance else [o for o in c.options if all(o in col.scores for col in scen)]
    expected = {o: float(sum(col.probability * col.scores[o] for col in scen)) for o in always}
    exp_scores = np.array([expected[o] for o in always])
    order, ranks = competition_ranks(exp_scores) if always else ([], [])
    expected_rank = {always[i]: int(ranks[i]) for i in order}
    # A screened-out option has no rank in that scenario: it is not "last", it is out.
    screened_in = {o: [col.scenario for col in scen if o in col.screened_out] for o in c.options}
    worst = {o: None if screened_in[o] else max(col.ranks[o] for col in scen) for o in c.options}
    base_order = [row.option for row in base_ranking.rows] + [s.option for s in base_ranking.screened_out]
    p = base_ranking.provenance
    prov = Provenance(Message("an_scenarios"), p.case, p.case_sha256, p.method, p.profile, dict(p.weights), computation=Message("how_scenarios", n=len(scen), method=p.method))
    return ScenarioResult(prov, base_order, columns, expected, expected_rank, worst, {o: v for o, v in screened_in.items() if v}, base_ranking.score_name, warnings, ignorance)
