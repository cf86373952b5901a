"""Weighting schemes: from an analyst's statements of importance to weights summing to 1.

- an order of importance: rank-order centroid (Barron & Barrett 1996), rank
  sum and rank reciprocal (Stillwell, Seaver & Edwards 1981);
- swing weights (von Winterfeldt & Edwards 1986): rate the swing from worst
  to best of each objective, the largest 100; weights are the ratings normalised;
- AHP pairwise comparisons on Saaty's 1-9 scale (Saaty 1977, 1980): principal
  eigenvector, or the geometric mean of each row (Crawford & Williams 1985; with
  comparisons missing, its logarithmic least-squares form, Bozoki, Fulop & Ronyai
  2010), consistency index CI = (lambda_max - n) / (n - 1) and ratio
  CR = CI / RI with Saaty's random indices (n <= 15) and Alonso & Lamata's
  (2006) regression beyond; missing comparisons filled in by Harker's (1987)
  method; judgments of several analysts pooled by geometric mean (Aczel &
  Saaty 1983; Forman & Peniwati 1998, aggregation of individual judgments);
- a hierarchy of objective groups whose normalised weights multiply down.

Pure functions; warnings are returned as text, never printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from negotiator.messages import Message

import numpy as np

__all__ = [
    "AhpProfileView",
    "ahp_profiles",
    "rank_order_centroid",
    "rank_sum",
    "rank_reciprocal",
    "ORDER_SCHEMES",
    "order_weights",
    "swing_weights",
    "SAATY_RI",
    "random_index",
    "AhpResult",
    "PRIORITY_METHODS",
    "ahp_weights",
    "ahp_matrix",
    "geometric_mean_judgments",
    "profile_ahp",
    "hierarchy_weights",
    "CR_LIMIT",
]

#: How AHP priorities come from the pairwise matrix: Saaty's principal eigenvector, or the
#: normalised geometric mean of each row (Crawford & Williams 1985).
PRIORITY_METHODS = ("eigenvector", "geometric_mean")

#: Saaty's threshold: a consistency ratio above this calls for a second look at the judgments.
CR_LIMIT = 0.1

# -- orders of importance ---------------------------------------------------------


def rank_order_centroid(n: int) -> list[float]:
    """ROC: the k-th of n weighs (1/n) sum_{j=k..n} 1/j (Barron & Barrett 1996)."""
    return [sum(1.0 / j for j in range(k, n + 1)) / n for k in range(1, n + 1)]


def rank_sum(n: int) -> list[float]:
    """Rank sum: the k-th of n weighs 2 (n + 1 - k) / (n (n + 1))."""
    return [2.0 * (n + 1 - k) / (n * (n + 1)) for k in range(1, n + 1)]


def rank_reciprocal(n: int) -> list[float]:
    """Rank reciprocal: the k-th of n weighs (1/k) / sum_j 1/j."""
    total = sum(1.0 / j for j in range(1, n + 1))
    return [(1.0 / k) / total for k in range(1, n + 1)]


ORDER_SCHEMES = {"roc": rank_order_centroid, "rank_sum": rank_sum, "rank_reciprocal": rank_reciprocal}


def order_weights(order: Sequence[str], scheme: str = "roc") -> dict[str, float]:
    """Weights of objectives listed most important first."""
    return dict(zip(order, ORDER_SCHEMES[scheme](len(order))))


def swing_weights(ratings: dict[str, float]) -> dict[str, float]:
    """Swing ratings (biggest swing 100) normalised to sum 1."""
    total = sum(ratings.values())
    return {k: v / total for k, v in ratings.items()}


# -- AHP ---------------------------------------------------------------------------

#: Saaty's random consistency indices RI(n), n = 1..15 (Saaty 1980, The Analytic
#: Hierarchy Process, table 1.7; the n = 11..15 values as printed there).
SAATY_RI = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59}


def random_index(n: int) -> float:
    """RI(n): Saaty's table up to 15; beyond, Alonso & Lamata (2006), where the mean
    lambda_max of random matrices is 2.7699 n - 4.3513, so RI = (1.7699 n - 4.3513) / (n - 1)."""
    if n in SAATY_RI:
        return SAATY_RI[n]
    return (1.7699 * n - 4.3513) / (n - 1)


@dataclass(frozen=True)
class AhpResult:
    items: tuple[str, ...]
    weights: dict[str, float]
    lambda_max: float
    ci: float
    ri: float
    cr: float
    filled: tuple[tuple[str, str, float], ...] = ()  # missing comparisons and the value filled in
    worst: tuple[tuple[str, str, float, float], ...] = ()  # (a, b, judged a/b, a/b implied by the weights), worst first
    notes: tuple[str, ...] = field(default_factory=tuple)
    priorities: str = "eigenvector"  # one of PRIORITY_METHODS

    @property
    def consistent(self) -> bool:
        return self.cr <= CR_LIMIT

    def completed(self, judgments: Sequence[tuple[str, str, float]]) -> tuple[np.ndarray, np.ndarray]:
        """(pairwise matrix with every missing comparison filled in as w_a / w_b, mask of those cells)."""
        matrix = ahp_matrix(self.items, judgments)
        missing = np.isnan(matrix)
        w = np.array([self.weights[x] for x in self.items])
        ratio = w[:, None] / np.where(w[None, :] > 0, w[None, :], np.inf)
        return np.where(missing, ratio, matrix), missing


def ahp_matrix(items: Sequence[str], judgments: Sequence[tuple[str, str, float]]) -> np.ndarray:
    """The pairwise matrix with NaN where no comparison was given (diagonal 1)."""
    idx = {x: i for i, x in enumerate(items)}
    n = len(items)
    a = np.full((n, n), np.nan)
    np.fill_diagonal(a, 1.0)
    for x, y, v in judgments:
        a[idx[x], idx[y]] = v
        a[idx[y], idx[x]] = 1.0 / v
    return a


def _principal(matrix: np.ndarray) -> tuple[float, np.ndarray]:
    """Perron root and its positive eigenvector (summing to 1) of a positive (or irreducible non-negative) matrix."""
    values, vectors = np.linalg.eig(matrix)
    k = int(np.argmax(values.real))
    vec = np.abs(vectors[:, k].real)
    return float(values[k].real), vec / vec.sum()


def _geometric_priorities(a: np.ndarray) -> np.ndarray:
    """Priorities (summing to 1) minimising sum over judged pairs of (ln a_ij - ln w_i + ln w_j)^2.

    With every comparison given this is the geometric mean of each row, normalised
    (Crawford & Williams 1985). With some missing it is the logarithmic least-squares
    solution over the judged pairs (Bozoki, Fulop & Ronyai 2010): the graph Laplacian L of
    the judged pairs and r_i = sum of ln a_ij over them give L y = r, unique up to a
    constant once the comparisons link every objective (the case loader checks that).
    """
    n = a.shape[0]
    judged = ~np.isnan(a)
    np.fill_diagonal(judged, False)
    logs = np.where(judged, np.log(np.where(judged, a, 1.0)), 0.0)
    laplacian = np.diag(judged.sum(axis=1).astype(float)) - judged
    y = np.linalg.solve(laplacian + np.ones((n, n)), logs.sum(axis=1))  # + 1 1^T pins sum(y) = 0
    w = np.exp(y - y.max())
    return w / w.sum()


def ahp_weights(items: Sequence[str], judgments: Sequence[tuple[str, str, float]], worst: int = 3, priorities: str = "eigenvector") -> AhpResult:
    """Weights, CI and CR of pairwise judgments (a, b, how many times a matters more than b).

    ``priorities`` is the principal eigenvector (Saaty) or the geometric mean of each
    row (Crawford & Williams 1985). Missing comparisons are filled in consistently with
    the priorities: for the eigenvector by Harker's method (a missing entry is 0 and the
    diagonal holds 1 + the number missing in that row; the principal eigenvector of
    that matrix equals that of the matrix completed with w_i / w_j); for the geometric
    mean by logarithmic least squares over the judged pairs. CI and CR are computed on
    the matrix completed with w_i / w_j; with every comparison given that is the
    analyst's own matrix, whichever priorities are chosen.
    """
    if priorities not in PRIORITY_METHODS:
        from negotiator.errors import Problem, UsageError

        raise UsageError(Problem(Message("pm_unknown_priorities", method=priorities), hint=Message("err_use_one_of", choices=", ".join(PRIORITY_METHODS))))
    items = tuple(items)
    n = len(items)
    a = ahp_matrix(items, judgments)
    missing = np.isnan(a)
    if priorities == "eigenvector":
        harker = np.where(missing, 0.0, a)
        harker[np.diag_indices(n)] = 1.0 + missing.sum(axis=1)
        lam, w = _principal(harker)
    else:
        w = _geometric_priorities(a)
        completed = np.where(missing, w[:, None] / w[None, :], a)
        lam = _principal(completed)[0]
    ci = (lam - n) / (n - 1) if n > 2 else 0.0
    ci = max(ci, 0.0)  # rounding can leave a consistent matrix at -1e-16
    ri = random_index(n)
    cr = ci / ri if ri > 0 else 0.0
    filled = tuple((items[i], items[j], float(w[i] / w[j])) for i in range(n) for j in range(i + 1, n) if missing[i, j])
    given = [(x, y, v) for x, y, v in judgments]
    implied = {x: float(wi) for x, wi in zip(items, w)}
    deviations = sorted(given, key=lambda t: -abs(np.log(t[2] * implied[t[1]] / implied[t[0]])))
    worst_list = tuple((x, y, v, implied[x] / implied[y]) for x, y, v in deviations[:worst])
    notes: list[str] = []
    if filled:
        notes.append(Message("ahp_filled_note" if priorities == "eigenvector" else "ahp_filled_note_lls", n=len(filled), pairs=", ".join(f"{x}/{y} = {v:.3g}" for x, y, v in filled[:5]) + (" ..." if len(filled) > 5 else "")))
    if cr > CR_LIMIT:
        shown = tuple(Message("ahp_judged_note", a=x, b=y, v=v, imp=imp) for x, y, v, imp in worst_list)
        notes.append(Message("ahp_cr_note", cr=cr, limit=CR_LIMIT, ci=ci, ri=ri, n=n, shown=shown))
    return AhpResult(items, {x: float(v) for x, v in zip(items, w)}, lam, ci, ri, cr, filled, worst_list, tuple(notes), priorities)


def geometric_mean_judgments(sets: Sequence[Sequence[tuple[str, str, float]]]) -> list[tuple[str, str, float]]:
    """Pool several analysts' judgments pair by pair with the geometric mean (reciprocity is kept).

    A pair judged by only some analysts is pooled over those who judged it.
    """
    logs: dict[tuple[str, str], list[float]] = {}
    for judgments in sets:
        for x, y, v in judgments:
            key, lv = ((x, y), np.log(v)) if x <= y else ((y, x), -np.log(v))
            logs.setdefault(key, []).append(lv)
    return [(x, y, float(np.exp(np.mean(vals)))) for (x, y), vals in logs.items()]


def profile_ahp(spec, objectives: Sequence[str]) -> AhpResult:
    """The AHP result of an ``{ahp: ...}`` profile, items in case order."""
    order = list(objectives)
    judged = spec.judgments()
    items = sorted({x for j in judged for x in j[:2]}, key=lambda o: order.index(o) if o in order else len(order))
    return ahp_weights(items, judged, priorities=getattr(spec, "priorities", "eigenvector"))


# -- hierarchy ---------------------------------------------------------------------


def hierarchy_weights(leaves: Sequence[tuple[tuple[str, ...], float]]) -> dict[str, float]:
    """Objective -> product of the normalised weights on its path (HierarchyProfile.leaves())."""
    return {path[-1]: w for path, w in leaves}


@dataclass(frozen=True)
class AhpProfileView:
    """One AHP profile of a case, ready to show: its result and the completed pairwise matrix."""

    profile: str
    result: AhpResult
    matrix: np.ndarray  # row over column, missing comparisons filled in
    filled: np.ndarray  # True where a comparison was filled in, not judged
    judged: np.ndarray  # the analyst's own comparisons, NaN where none was given


def ahp_profiles(loaded, profile: str | None = None) -> dict[str, AhpProfileView]:
    """Every AHP weight profile of a loaded case (or the one named), with its consistency figures.

    Raises UsageError for an unknown profile, one that is not AHP, or a case without AHP profiles.
    """
    from negotiator.case.scoring import profile_kind
    from negotiator.errors import Problem, UsageError

    case = loaded.case
    ahp_ids = [pid for pid, spec in case.weights.items() if profile_kind(spec) == "ahp"]
    if profile is not None:
        if profile not in case.weights:
            raise UsageError(Problem(Message("err_unknown_profile", profile=profile), hint=Message("err_use_one_of", choices=", ".join(case.weights)) if case.weights else Message("err_use_none")))
        if profile not in ahp_ids:
            raise UsageError(Problem(Message("pm_not_ahp", profile=profile), hint=Message("pm_ahp_profiles_hint", names=", ".join(ahp_ids)) if ahp_ids else Message("pm_no_ahp_profiles_hint")))
        ahp_ids = [profile]
    if not ahp_ids:
        raise UsageError(Problem(Message("pm_no_ahp", case=loaded.name), hint=Message("pm_no_ahp_hint")))
    out = {}
    for pid in ahp_ids:
        spec = case.weights[pid]
        result = profile_ahp(spec, list(case.objectives))
        matrix, filled = result.completed(spec.judgments())
        out[pid] = AhpProfileView(pid, result, matrix, filled, ahp_matrix(result.items, spec.judgments()))
    return out
