"""The result object that every report and view consumes.

A Ranking knows its provenance (case hash, method, profile, weights, seed,
version) so any number it shows can be traced and reproduced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from negotiator._version import __version__

__all__ = ["TIE_TOLERANCE", "RankedOption", "RankedRows", "ScreenedOption", "Provenance", "Ranking", "competition_ranks"]

#: Scores closer than this share a rank.
TIE_TOLERANCE = 1e-9


def competition_ranks(scores: np.ndarray, tol: float = TIE_TOLERANCE) -> tuple[np.ndarray, np.ndarray]:
    """(order, ranks): order sorts highest first; tied scores share the smaller rank (1, 1, 3).

    Scores within ``tol`` of their neighbour are tied, and tied options keep the
    order of the case file: the last bits of a float sum must not decide which
    of two equal options is printed first (a profile saved with rounded weights
    must list ties exactly as before).
    """
    scores = np.asarray(scores, dtype=float)
    order = np.argsort(-scores, kind="stable")
    n = len(order)
    if n == 0:
        return np.array([], dtype=int), np.empty(0, dtype=int)
    ordered = scores[order]
    # A new group starts where the step from the previous score is not within tol (NaN starts one too).
    starts = np.ones(n, dtype=bool)
    starts[1:] = ~(ordered[:-1] - ordered[1:] <= tol)
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)  # position in ``order`` where each group starts
    ranks = np.empty(n, dtype=int)
    ranks[order] = first[group] + 1
    out = order[np.lexsort((order, group))]  # by group, then case order within a group
    return out.astype(int), ranks


class RankedRows(Sequence):
    """The rows of a ranking, each made when first read.

    Re-ranking 2,000 options must not build 2,000 row objects (and a dict of
    contributions each) that a caller reading the winner never looks at. It
    behaves as a read-only list: index, slice, iterate, ``len``, ``==`` a list.
    """

    __slots__ = ("_make", "_rows")

    def __init__(self, count: int, make):
        self._make = make
        self._rows: list = [None] * count

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self._rows)))]
        row = self._rows[index]
        if row is None:
            k = index + len(self._rows) if index < 0 else index
            row = self._rows[k] = self._make(k)
        return row

    def __iter__(self):
        return (self[k] for k in range(len(self._rows)))

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, tuple, RankedRows)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self))

    def __deepcopy__(self, memo) -> list:
        import copy

        return copy.deepcopy(list(self), memo)


@dataclass(frozen=True)
class RankedOption:
    rank: int
    option: str
    label: str
    label_zh: str | None
    family: str | None
    score: float
    contributions: dict[str, float] | None


@dataclass(frozen=True)
class ScreenedOption:
    option: str
    label: str
    label_zh: str | None
    reason: str  # in English; ``breaches`` lets other outputs word it in their language
    breaches: tuple = ()  # matrix.Breach: objective, value, bound, below


@dataclass(frozen=True)
class Provenance:
    case: str
    case_sha256: str
    method: str
    profile: str | None
    weights: dict[str, float]
    version: str = __version__
    seed: int | None = None
    scenario: str | None = None
    method_options: dict = field(default_factory=dict)  # e.g. {"v": 0.5} for VIKOR

    def to_dict(self) -> dict:
        """The provenance block every JSON output carries."""
        return asdict(self)

    def trace_fields(self, seed: bool = True) -> dict:
        """The keys an analysis result repeats so its JSON is traceable on its own."""
        out = {
            "case": self.case,
            "case_sha256": self.case_sha256,
            "version": self.version,
            "method": self.method,
            "profile": self.profile,
            "scenario": self.scenario,
            "weights": dict(self.weights),
        }
        if seed:
            out["seed"] = self.seed
        return out


@dataclass(frozen=True)
class Ranking:
    provenance: Provenance
    rows: "list[RankedOption] | RankedRows"
    screened_out: list[ScreenedOption]
    score_name: str = "score"
    warnings: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    @property
    def winner(self) -> RankedOption | None:
        return self.rows[0] if self.rows else None

    def to_dict(self) -> dict:
        """The JSON form (`negotiator rank --format json`); a stable contract for scripts."""
        p = self.provenance
        return {
            "case": p.case,
            "case_sha256": p.case_sha256,
            "version": p.version,
            "method": p.method,
            "method_options": dict(p.method_options),
            "profile": p.profile,
            "scenario": p.scenario,
            "seed": p.seed,
            "weights": dict(p.weights),
            "score_name": self.score_name,
            "ranking": [
                {k: v for k, v in asdict(r).items()} for r in self.rows
            ],
            "screened_out": [asdict(s) for s in self.screened_out],
            "warnings": list(self.warnings),
            "findings": [str(f) for f in (self.details or {}).get("findings", [])],
        }

    def to_frame(self):
        """The ranking as a pandas DataFrame indexed by option id (contributions as columns)."""
        import pandas as pd

        records = []
        for r in self.rows:
            rec = {"option": r.option, "rank": r.rank, "label": r.label, "label_zh": r.label_zh, "family": r.family, "score": r.score}
            for obj, c in (r.contributions or {}).items():
                rec[f"contribution:{obj}"] = c
            records.append(rec)
        return pd.DataFrame.from_records(records).set_index("option")
