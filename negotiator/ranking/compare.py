"""How far the aggregation methods agree: rankings side by side, Kendall's tau
between each pair of methods, and the options whose rank moves most.

Core of `negotiator compare-methods`; render/compare.py turns the result into text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Mapping, Sequence

import numpy as np

from negotiator._version import __version__

__all__ = ["MethodComparison", "compare_methods", "kendall_tau_b"]


def kendall_tau_b(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Kendall's tau-b between two rankings (ties allowed); None when one ranking ties everything."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(x)
    if n < 2:
        return None
    iu = np.triu_indices(n, k=1)
    sx = np.sign(x[:, None] - x[None, :])[iu]
    sy = np.sign(y[:, None] - y[None, :])[iu]
    concordance = float((sx * sy).sum())
    pairs_x, pairs_y = float(np.count_nonzero(sx)), float(np.count_nonzero(sy))
    if pairs_x == 0 or pairs_y == 0:
        return None
    return concordance / float(np.sqrt(pairs_x * pairs_y))


@dataclass(frozen=True)
class Mover:
    option: str
    label: str
    best_rank: int
    worst_rank: int
    best_under: list[str]
    worst_under: list[str]

    @property
    def spread(self) -> int:
        return self.worst_rank - self.best_rank


@dataclass(frozen=True)
class MethodComparison:
    provenance: dict
    methods: list[str]
    options: list[str]  # ranked options, by mean rank over the methods (then id)
    labels: dict[str, str]
    labels_zh: dict[str, str | None]
    ranks: dict[str, dict[str, int]]  # method -> option -> rank (1 = best, ties share)
    scores: dict[str, dict[str, float]]
    score_names: dict[str, str]
    tau: dict[tuple[str, str], float | None]
    movers: list[Mover]
    screened_out: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def mean_tau(self) -> float | None:
        vals = [t for t in self.tau.values() if t is not None]
        return float(np.mean(vals)) if vals else None

    def to_dict(self) -> dict:
        return {
            **self.provenance,
            "methods": list(self.methods),
            "rankings": [
                {"option": o, "label": self.labels[o], "label_zh": self.labels_zh.get(o), "ranks": {m: self.ranks[m][o] for m in self.methods}, "scores": {m: self.scores[m][o] for m in self.methods}}
                for o in self.options
            ],
            "score_names": dict(self.score_names),
            "kendall_tau_b": [{"a": a, "b": b, "tau": t} for (a, b), t in self.tau.items()],
            "mean_kendall_tau_b": self.mean_tau(),
            "biggest_movers": [{"option": mv.option, "label": mv.label, "best_rank": mv.best_rank, "worst_rank": mv.worst_rank, "spread": mv.spread, "best_under": mv.best_under, "worst_under": mv.worst_under} for mv in self.movers],
            "screened_out": list(self.screened_out),
            "warnings": list(self.warnings),
            "note": "scores are analyst judgments, not facts",
        }


def compare_methods(
    case=None,
    profile: str | None = None,
    methods: Sequence[str] | None = None,
    scenario: str | None = None,
    weights: Mapping[str, float] | None = None,
    method_options: Mapping[str, dict] | None = None,
    top_movers: int = 5,
) -> MethodComparison:
    """Rank one case under several methods (all registered ones by default) and compare."""
    from negotiator.ranking.api import as_loaded, rank
    from negotiator.methods import get_method, method_names

    loaded = as_loaded(case)
    chosen = list(methods) if methods else method_names()
    for m in chosen:
        get_method(m)  # unknown names fail here, before any work
    if len(set(chosen)) != len(chosen):
        chosen = list(dict.fromkeys(chosen))
    method_options = dict(method_options or {})
    rankings = {m: rank(loaded, profile=profile, method=m, weights=weights, scenario=scenario, **method_options.get(m, {})) for m in chosen}
    first = rankings[chosen[0]]
    ranks = {m: {row.option: row.rank for row in r.rows} for m, r in rankings.items()}
    scores = {m: {row.option: row.score for row in r.rows} for m, r in rankings.items()}
    options = [row.option for row in first.rows]
    mean_rank = {o: float(np.mean([ranks[m][o] for m in chosen])) for o in options}
    options.sort(key=lambda o: (mean_rank[o], o))
    labels = {row.option: row.label for row in first.rows}
    labels_zh = {row.option: row.label_zh for row in first.rows}
    tau = {}
    for a, b in combinations(chosen, 2):
        tau[(a, b)] = kendall_tau_b([-ranks[a][o] for o in options], [-ranks[b][o] for o in options])
    movers = _movers(options, labels, ranks, chosen, top_movers)
    warnings = list(dict.fromkeys(w for r in rankings.values() for w in r.warnings))
    p = first.provenance
    provenance = {"case": p.case, "case_sha256": p.case_sha256, "version": __version__, "profile": p.profile, "scenario": p.scenario, "weights": dict(p.weights), "method_options": {m: method_options.get(m, {}) for m in chosen}}
    return MethodComparison(provenance, chosen, options, labels, labels_zh, ranks, scores, {m: r.score_name for m, r in rankings.items()}, tau, movers, [s.option for s in first.screened_out], warnings)


def _movers(options, labels, ranks, methods, top: int) -> list[Mover]:
    out = []
    for o in options:
        by = {m: ranks[m][o] for m in methods}
        best, worst = min(by.values()), max(by.values())
        if worst > best:
            out.append(Mover(o, labels[o], best, worst, [m for m in methods if by[m] == best], [m for m in methods if by[m] == worst]))
    out.sort(key=lambda mv: (-mv.spread, mv.best_rank, mv.option))
    return out[:top]
