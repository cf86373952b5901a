"""The small public API: load a case, rank it. The CLI and the UI use exactly this."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

import numpy as np

from negotiator.case.catalog import LoadedCase, load_case
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.model.matrix import breach_words, build_matrix, red_line_breaches
from negotiator.methods import get_method
from negotiator.ranking.result import Provenance, RankedOption, RankedRows, Ranking, ScreenedOption, competition_ranks
from negotiator.model.weights import normalise, profile_weights, profile_weights_with_notes, resolve_profile_id

__all__ = ["as_loaded", "rank", "resolve_weights"]


def as_loaded(case: LoadedCase | str | Path | Iterable | None) -> LoadedCase:
    """Accept a loaded case, a path (or paths), or None for the bundled case."""
    if isinstance(case, LoadedCase):
        return case
    return load_case(case)


def resolve_weights(loaded: LoadedCase, profile: str | None = None, weights: Mapping[str, float] | None = None) -> tuple[str | None, dict[str, float]]:
    """(profile id or 'custom', normalised weights): explicit weights win over a profile."""
    if weights is not None:
        return "custom", normalise(weights, list(loaded.case.objectives))
    pid = resolve_profile_id(loaded.case, profile)
    return pid, profile_weights(loaded.case, pid)


def rank(
    case: LoadedCase | str | Path | None = None,
    profile: str | None = None,
    method: str = "additive",
    weights: Mapping[str, float] | None = None,
    scenario: str | None = None,
    **method_options,
) -> Ranking:
    """Rank the options of a case; red lines screen options out first (on likely scores)."""
    loaded = as_loaded(case)
    c = loaded.case
    pid, w = resolve_weights(loaded, profile, weights)
    matrix, sub, breaches, screened = screened_matrix(c, scenario)
    wvec = np.array([w[o] for o in matrix.objectives])
    result = get_method(method)(sub, wvec, **method_options)
    order, ranks = competition_ranks(result.scores)
    rows = RankedRows(len(order), _row_maker(c, sub, result, order, ranks))
    out = [ScreenedOption(oid, c.options[oid].label, c.options[oid].label_zh, reason, tuple(breaches[oid])) for oid, reason in screened.items()]
    prov = Provenance(case=loaded.name, case_sha256=loaded.sha256, method=method, profile=pid, weights=w, scenario=scenario, method_options=dict(method_options))
    notes = profile_weights_with_notes(c, pid)[1] if weights is None and pid is not None else []
    method_warnings = list(result.details.get("warnings", [])) if isinstance(result.details, dict) else []
    return Ranking(provenance=prov, rows=rows, screened_out=out, score_name=result.score_name, warnings=list(matrix.warnings) + list(loaded.warnings) + notes + method_warnings, details=result.details)


def _row_maker(c, sub, result, order: np.ndarray, ranks: np.ndarray):
    """Row k of the ranking (k-th in ``order``), made when a caller first reads it."""
    objectives = sub.objectives
    contributions = result.contributions

    def make(k: int) -> RankedOption:
        i = int(order[k])
        oid = sub.options[i]
        opt = c.options[oid]
        contrib = None if contributions is None else dict(zip(objectives, contributions[i].tolist()))
        return RankedOption(int(ranks[i]), oid, opt.label, opt.label_zh, opt.family, float(result.scores[i]), contrib)

    return make


def screened_matrix(case, scenario: str | None = None):
    """(matrix, the options left after red lines, breaches, reasons): shared by every re-rank of a case and scenario."""
    from negotiator.model.matrix import cached_for_case

    def build():
        matrix = build_matrix(case, scenario)
        breaches = red_line_breaches(case, matrix)
        screened = {oid: breach_words(case, found) for oid, found in breaches.items()}
        keep = [i for i, oid in enumerate(matrix.options) if oid not in screened]
        if not keep:
            raise UsageError(Problem(Message("pr_all_screened"), hint=Message("pr_loosen_limits_hint")))
        sub = matrix if len(keep) == len(matrix.options) else matrix.subset(keep)
        return matrix, sub, breaches, screened

    return cached_for_case(case, ("screened", scenario), build)
