"""Several analysts: pool their scores and weights, and show where they disagree most.

A case's ``analysts:`` section gives each analyst's own scores (only where
they differ from the case: a cell an analyst leaves out is taken as agreeing
with the case) and, optionally, their own weight profile in any form (an
analyst without one uses the profile being ranked).

Pooling, stated in every output:
- scores: the mean or the median over analysts, taken separately for the
  low, likely and high ends of a range (both keep low <= likely <= high);
- weights: when every analyst gives AHP judgments, the judgments are pooled
  pair by pair with the geometric mean (aggregation of individual judgments,
  Aczel & Saaty 1983; Forman & Peniwati 1998) and weighted by the principal
  eigenvector; otherwise each analyst's weights are normalised and pooled by
  the same mean or median, then normalised again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from negotiator.case.catalog import LoadedCase, case_sha256
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.case.scoring import profile_kind, resolve_score

__all__ = ["POOLS", "GroupView", "ScoreDisagreement", "WeightDisagreement", "pool_analysts"]

POOLS = ("median", "mean")
GROUP_PROFILE = "analysts_pooled"


@dataclass(frozen=True)
class ScoreDisagreement:
    option: str
    objective: str
    by_analyst: dict[str, float]  # likely scores
    pooled: float
    spread: float  # max - min, in score units
    share_of_scale: float  # spread / scale width: comparable across objectives


@dataclass(frozen=True)
class WeightDisagreement:
    objective: str
    by_analyst: dict[str, float]
    pooled: float
    spread: float


@dataclass(frozen=True)
class GroupView:
    pool: str
    analysts: list[str]
    loaded: LoadedCase  # the case with pooled scores and the pooled profile first
    profile: str  # id of the pooled weight profile in ``loaded``
    weights_rule: str
    scores: list[ScoreDisagreement]
    weights: list[WeightDisagreement]
    notes: list[str] = field(default_factory=list)
    #: ``weights_rule`` as a message key and its parameters, for words in any language.
    weights_rule_message: tuple[str, dict] = ("", {})

    def weights_by_spread(self) -> list[WeightDisagreement]:
        """The objectives' weights, those the analysts disagree on most first."""
        return sorted(self.weights, key=lambda w: -w.spread)

    def to_dict(self, top: int | None = None) -> dict:
        return {
            "pool": self.pool,
            "analysts": list(self.analysts),
            "weights_rule": self.weights_rule,
            "pooled_weights": {w.objective: w.pooled for w in self.weights},
            "score_disagreements": [vars(d) for d in self.scores[:top]],
            "weight_disagreements": [vars(d) for d in self.weights_by_spread()],
            "notes": list(self.notes),
        }


def _pool(values: np.ndarray, how: str, axis: int = 0) -> np.ndarray:
    return np.median(values, axis=axis) if how == "median" else np.mean(values, axis=axis)


def pool_analysts(case, pool: str = "median", profile: str | None = None) -> GroupView:
    """Pool the analysts of a case (see module docstring); raises UsageError when it has none."""
    from negotiator.ranking.api import as_loaded
    from negotiator.model.matrix import build_matrix
    from negotiator.model.elicitation import ahp_weights, geometric_mean_judgments
    from negotiator.model.weights import normalise, profile_weights_with_notes, resolve_profile_id, spec_weights

    if pool not in POOLS:
        raise UsageError(Problem(Message("pr_unknown_pool", pool=pool), hint=Message("pr_unknown_pool_hint")))
    loaded = as_loaded(case)
    c = loaded.case
    analysts = getattr(c, "analysts", {}) or {}
    if not analysts:
        raise UsageError(Problem(Message("pr_no_analysts", case=loaded.name), hint=Message("pr_no_analysts_hint")))
    names = list(analysts)
    objectives = list(c.objectives)
    options = list(c.options)

    # (analysts, options, objectives, 3): each analyst's full score table.
    base = np.array([[resolve_score(c.objectives[obj], c.options[oid].scores[obj]) for obj in objectives] for oid in options])
    tables = np.repeat(base[None], len(names), axis=0)
    for a, aid in enumerate(names):
        for oid, scores in analysts[aid].scores.items():
            for obj, score in scores.items():
                tables[a, options.index(oid), objectives.index(obj)] = resolve_score(c.objectives[obj], score)
    pooled = _pool(tables, pool)

    # Weights.
    pid = resolve_profile_id(c, profile)
    fallback, notes = profile_weights_with_notes(c, pid)
    specs = [analysts[aid].weights for aid in names]
    per_analyst: dict[str, dict[str, float]] = {}
    for aid, spec in zip(names, specs):
        if spec is None:
            per_analyst[aid] = fallback
        else:
            w, n = spec_weights(spec, objectives)
            per_analyst[aid] = w
            notes += [Message("an_note_analyst", analyst=aid, note=x) for x in n]
    if all(s is not None and profile_kind(s) == "ahp" for s in specs):
        judged = geometric_mean_judgments([s.judgments() for s in specs])
        items = sorted({x for j in judged for x in j[:2]}, key=objectives.index)
        result = ahp_weights(items, judged)
        group_w = normalise(result.weights, objectives)
        notes += [Message("an_note_pooled", note=x) for x in result.notes]
        rule = f"geometric mean of the {len(names)} analysts' AHP judgments, then eigenvector weights (CR {result.cr:.3f})"
        rule_message = ("an_rule_ahp", {"n": len(names), "cr": f"{result.cr:.3f}"})
    else:
        matrix_w = np.array([[per_analyst[aid][o] for o in objectives] for aid in names])
        raw = _pool(matrix_w, pool)
        group_w = normalise(dict(zip(objectives, raw)), objectives) if raw.sum() > 0 else dict(fallback)
        rule = f"{pool} of the analysts' normalised weights, normalised again" + (f" (analysts without weights use profile '{pid}')" if any(s is None for s in specs) else "")
        rule_message = ("an_rule_pool_default" if any(s is None for s in specs) else "an_rule_pool", {"pool": pool, "profile": pid})

    new_case = _pooled_case(c, options, objectives, pooled, group_w)
    name = Message("an_pooled_name", case=loaded.name, pool=pool)  # no square brackets: rich would read them as markup
    new_loaded = LoadedCase(case=new_case, name=name, documents=loaded.documents, sha256=case_sha256(new_case), warnings=list(loaded.warnings))

    scale = build_matrix(c)
    width = scale.scale_high - scale.scale_low
    disagreements = []
    for i, oid in enumerate(options):
        for j, obj in enumerate(objectives):
            likely = tables[:, i, j, 1]
            spread = float(likely.max() - likely.min())
            if spread > 0:
                share = spread / width[j] if width[j] > 0 else 0.0
                disagreements.append(ScoreDisagreement(oid, obj, {aid: float(v) for aid, v in zip(names, likely)}, float(pooled[i, j, 1]), spread, float(share)))
    disagreements.sort(key=lambda d: (-d.share_of_scale, d.option, d.objective))
    weight_rows = [WeightDisagreement(o, {aid: per_analyst[aid][o] for aid in names}, group_w[o], max(per_analyst[aid][o] for aid in names) - min(per_analyst[aid][o] for aid in names)) for o in objectives]
    return GroupView(pool, names, new_loaded, GROUP_PROFILE, rule, disagreements, weight_rows, notes, rule_message)


def _pooled_case(c, options, objectives, pooled: np.ndarray, weights: dict[str, float]):
    new_options = {}
    for i, oid in enumerate(options):
        scores = {}
        for j, obj in enumerate(objectives):
            lo, mid, hi = (float(v) for v in pooled[i, j])
            scores[obj] = mid if lo == mid == hi else (lo, mid, hi)
        new_options[oid] = c.options[oid].model_copy(update={"scores": scores})
    profiles = {GROUP_PROFILE: dict(weights), **{k: v for k, v in c.weights.items() if k != GROUP_PROFILE}}
    return c.model_copy(update={"options": new_options, "weights": profiles})
