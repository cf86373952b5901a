"""The score matrix of a case as data: options (rows) x objectives (columns).

Each cell is the analyst's score as the case file holds it: a point, or a
``[low, likely, high]`` range, level words turned into their numbers (the
word is kept in ``written``), with the one-line rationale the case gives for
it (``options.<id>.notes.<objective>``). No weighting, no normalisation: this
is what an analyst typed, for reading and checking, not a result.

Front ends print it through :mod:`negotiator.render.score_matrix`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from negotiator._version import __version__
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.case.scoring import resolve_score

__all__ = ["JUDGMENT_NOTE", "ObjectiveColumn", "ScoreCell", "OptionRow", "ScoreMatrix", "score_matrix", "compact_score", "rationale_count"]

JUDGMENT_NOTE = "scores are analyst judgments, not facts: edit them in the case file"


def _number(x: float) -> str:
    return f"{x:g}"


def compact_score(low: float, likely: float, high: float, written: Any = None) -> str:
    """``4`` for a point; ``3-5 (4)`` for low 3, likely 4, high 5 (words where the case used words).

    With a negative end the range reads ``-2 to 1 (0)``, so no minus sign is mistaken for the dash.
    """
    if isinstance(written, str):
        return written
    if isinstance(written, (tuple, list)) and any(isinstance(w, str) for w in written):
        lo, mid, hi = (w if isinstance(w, str) else _number(float(w)) for w in written)
        return f"{lo}-{hi} ({mid})"
    if low == likely == high:
        return _number(likely)
    dash = " to " if low < 0 or high < 0 else "-"
    return f"{_number(low)}{dash}{_number(high)} ({_number(likely)})"


@dataclass(frozen=True)
class ObjectiveColumn:
    id: str
    label: str
    label_zh: str | None
    direction: str  # "max" (higher is better) or "min" (lower is better)
    scale: tuple[float, float] | None
    source: str | None = None

    @property
    def better(self) -> str:
        return "higher" if self.direction == "max" else "lower"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "label_zh": self.label_zh,
            "direction": self.direction,
            "better": f"{self.better} is better",
            "scale": list(self.scale) if self.scale else None,
            "source": self.source,
        }


@dataclass(frozen=True)
class ScoreCell:
    low: float
    likely: float
    high: float
    written: Any  # the score as the case file writes it (number, [l, m, h], or level words)
    rationale: str | None

    @property
    def is_range(self) -> bool:
        return not (self.low == self.likely == self.high)

    @property
    def compact(self) -> str:
        return compact_score(self.low, self.likely, self.high, self.written)

    def to_dict(self) -> dict:
        written = list(self.written) if isinstance(self.written, tuple) else self.written
        return {"low": self.low, "likely": self.likely, "high": self.high, "range": self.is_range, "written": written, "rationale": self.rationale}


@dataclass(frozen=True)
class OptionRow:
    id: str
    label: str
    label_zh: str | None
    family: str | None
    rationale: str | None  # the option's own one-line rationale
    cells: tuple[ScoreCell, ...]


@dataclass(frozen=True)
class ScoreMatrix:
    case: str
    case_sha256: str
    version: str
    title: str | None
    title_zh: str | None
    objectives: tuple[ObjectiveColumn, ...]
    rows: tuple[OptionRow, ...]
    note: str = JUDGMENT_NOTE

    def row(self, option: str) -> OptionRow:
        """The row of one option; an unknown id is a usage error with the known ids as the hint."""
        for r in self.rows:
            if r.id == option:
                return r
        import difflib

        ids = [r.id for r in self.rows]
        # a part of an id ("talks") or a typo ("reciprocal_repatriaton_talks")
        close = [i for i in ids if option.lower() in i.lower()] or difflib.get_close_matches(option, ids, n=3, cutoff=0.6)
        hint = Message("pm_scores_near_hint", names=", ".join(close[:5])) if close else Message("pm_scores_options_hint", names=", ".join(r.id for r in self.rows))
        raise UsageError(Problem(Message("pm_no_such_option", case=self.case, option=option), hint=hint))

    def provenance_lines(self, short: bool = False) -> list[str]:
        sha = self.case_sha256[:12] if short else self.case_sha256
        return [f"case: {self.case} (sha256 {sha}); negotiator {self.version}", self.note]

    def to_dict(self) -> dict:
        ids = [o.id for o in self.objectives]
        return {
            "case": self.case,
            "case_sha256": self.case_sha256,
            "version": self.version,
            "title": self.title,
            "title_zh": self.title_zh,
            "note": self.note,
            "objectives": [o.to_dict() for o in self.objectives],
            "options": [
                {"id": r.id, "label": r.label, "label_zh": r.label_zh, "family": r.family, "rationale": r.rationale, "scores": {oid: c.to_dict() for oid, c in zip(ids, r.cells)}}
                for r in self.rows
            ],
        }


def _cell(objective, score, rationale: str | None) -> ScoreCell:
    low, likely, high = resolve_score(objective, score)
    return ScoreCell(low, likely, high, score, rationale)


def score_matrix(loaded) -> ScoreMatrix:
    """The score matrix of a loaded case (catalog.LoadedCase), options and objectives in case order."""
    case = loaded.case
    objectives = tuple(ObjectiveColumn(oid, o.label, o.label_zh, o.direction, tuple(o.scale) if o.scale else None, o.source) for oid, o in case.objectives.items())
    rows = []
    for oid, option in case.options.items():
        cells = tuple(_cell(case.objectives[obj.id], option.scores[obj.id], option.notes.get(obj.id)) for obj in objectives)
        rows.append(OptionRow(oid, option.label, option.label_zh, option.family, option.rationale, cells))
    return ScoreMatrix(loaded.name, loaded.sha256, __version__, case.title, getattr(case, "title_zh", None), objectives, tuple(rows))


def rationale_count(case) -> tuple[int, int]:
    """(scores with a one-line rationale, all scores) over every option of the case.

    A score's rationale is ``options.<id>.notes.<objective>``; a blank note does not count,
    nor does a note for an objective the option has no score on.
    """
    total = noted = 0
    for opt in case.options.values():
        for obj in opt.scores:
            total += 1
            note = opt.notes.get(obj)
            noted += bool(note and note.strip())
    return noted, total
