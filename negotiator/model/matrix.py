"""The one place that turns a case into arrays.

A DecisionMatrix holds, for n options x m objectives, the low/likely/high
scores, each objective's direction and scale, and the value function that
maps a score onto [0, 1] (1 = best end of the scale).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace

import numpy as np

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.case.schema import Case
from negotiator.case.scoring import resolve_score
from negotiator.model.value_functions import curve_of

__all__ = ["Breach", "DecisionMatrix", "build_matrix", "red_line_breaches", "screen_options", "breach_words"]


@dataclass(frozen=True)
class DecisionMatrix:
    options: tuple[str, ...]
    objectives: tuple[str, ...]
    low: np.ndarray  # (n, m)
    likely: np.ndarray  # (n, m)
    high: np.ndarray  # (n, m)
    maximise: np.ndarray  # (m,) bool: True when more is better
    scale_low: np.ndarray  # (m,)
    scale_high: np.ndarray  # (m,)
    scale_declared: np.ndarray  # (m,) bool
    warnings: tuple[str, ...] = field(default_factory=tuple)
    #: Per objective: a non-linear value_functions.ValueCurve, or None (linear, format 1).
    curves: tuple = ()
    #: Per objective: its schema_methods.PrometheeCriterion, or None (usual criterion).
    promethee: tuple = ()

    @property
    def shape(self) -> tuple[int, int]:
        return self.likely.shape

    @property
    def flat(self) -> np.ndarray:
        """Objectives whose scale has zero width: nobody differs, so they cannot discriminate."""
        return self.scale_high - self.scale_low <= 0

    def values(self, scores: np.ndarray | None = None) -> np.ndarray:
        """Linear value in [0, 1] of scores shaped (..., m); the likely scores by default.

        A flat objective gives 0 to everyone. Scores outside a derived scale
        (scenario changes) extrapolate linearly. Objectives that declare a
        value function (``curves``) go through it instead of the linear map.
        """
        s = self.likely if scores is None else np.asarray(scores, dtype=float)
        width = self.scale_high - self.scale_low
        safe = np.where(width > 0, width, 1.0)
        up = (s - self.scale_low) / safe
        v = np.where(self.maximise, up, 1.0 - up)
        if any(c is not None for c in self.curves):
            for j, curve in enumerate(self.curves):
                if curve is not None and width[j] > 0:
                    v[..., j] = curve(s[..., j], self.scale_low[j], self.scale_high[j], bool(self.maximise[j]))
        return np.where(width > 0, v, 0.0)

    def index(self, option: str) -> int:
        return self.options.index(option)

    def subset(self, keep: list[int]) -> "DecisionMatrix":
        """The same objectives and scales, fewer options (e.g. after screening)."""
        return replace(self, options=tuple(self.options[i] for i in keep), low=self.low[keep], likely=self.likely[keep], high=self.high[keep])


def _triples(case: Case, scenario: str | None) -> np.ndarray:
    changes = {}
    if scenario is not None:
        if scenario not in case.scenarios:
            raise UsageError(Problem(Message("err_unknown_scenario", scenario=scenario), hint=Message("err_use_one_of", choices=", ".join(case.scenarios)) if case.scenarios else Message("err_use_none")))
        changes = case.scenarios[scenario].scores
    out = np.empty((len(case.options), len(case.objectives), 3))
    for i, (oid, opt) in enumerate(case.options.items()):
        for j, obj in enumerate(case.objectives):
            score = changes.get(oid, {}).get(obj, opt.scores[obj])
            out[i, j] = _numbers(case, oid, obj, score)
    return out


def _numbers(case: Case, oid: str, obj: str, score) -> tuple[float, float, float]:
    try:
        return resolve_score(case.objectives[obj], score)
    except KeyError as exc:
        # Validation reports this with file and line; this guards cases built in code.
        levels = ", ".join(case.objectives[obj].levels or {})
        message = Message("pm_unknown_level", option=oid, objective=obj, word=exc.args[0], levels=levels) if levels else Message("pm_unknown_level_none", option=oid, objective=obj, word=exc.args[0])
        raise UsageError(Problem(message, hint=Message("pm_unknown_level_hint"))) from None


#: id(case) -> (a weak reference to the case, {scenario or other key: what was built from it}).
_MATRICES: dict[int, tuple[weakref.ref, dict]] = {}


def build_matrix(case: Case, scenario: str | None = None) -> DecisionMatrix:
    """Arrays of a case. Scales are always those of the base case, so scenarios compare.

    Built once per case object and scenario, then shared (the ranking API, the
    TUI, SMAA, the sweeps): a Case is frozen, and the matrix's arrays are
    read-only, so nobody can change what another caller sees. The entry goes
    when the case does.
    """
    return cached_for_case(case, scenario, lambda: _build_matrix(case, scenario))


def cached_for_case(case: Case, key, build):
    """``build()``, computed once per case object and ``key`` (kept until the case is freed).

    For what follows from a frozen case alone: its matrix per scenario, the
    options its red lines leave. Exceptions are not kept.
    """
    ident = id(case)
    entry = _MATRICES.get(ident)
    if entry is None or entry[0]() is not case:

        def forget(ref: weakref.ref, ident: int = ident) -> None:
            if _MATRICES.get(ident, (None,))[0] is ref:
                _MATRICES.pop(ident, None)

        entry = (weakref.ref(case, forget), {})
        _MATRICES[ident] = entry
    found = entry[1].get(key, _MISSING)
    if found is _MISSING:
        found = entry[1][key] = build()
    return found


_MISSING = object()


def _build_matrix(case: Case, scenario: str | None) -> DecisionMatrix:
    if not case.options or not case.objectives:
        from negotiator.errors import Problem, UsageError

        raise UsageError(Problem(
            Message("pm_nothing_to_rank"),
            hint=Message("pm_nothing_to_rank_hint"),
        ))
    base = _triples(case, None)
    scores = base if scenario is None else _triples(case, scenario)
    m = len(case.objectives)
    lo, hi, declared = np.empty(m), np.empty(m), np.zeros(m, dtype=bool)
    warnings = []
    for j, (oid, obj) in enumerate(case.objectives.items()):
        if obj.scale is not None:
            lo[j], hi[j], declared[j] = obj.scale[0], obj.scale[1], True
        elif obj.levels and max(obj.levels.values()) > min(obj.levels.values()):
            # Level words define the scale: the lowest and highest level.
            lo[j], hi[j], declared[j] = min(obj.levels.values()), max(obj.levels.values()), True
        else:
            lo[j], hi[j] = base[:, j, 0].min(), base[:, j, 2].max()
            if hi[j] - lo[j] <= 0:
                warnings.append(Message("mw_objective_ignored", objective=oid, score=float(lo[j])))
    maximise = np.array([o.direction == "max" for o in case.objectives.values()])
    for array in (scores, lo, hi, declared, maximise):
        array.flags.writeable = False
    return DecisionMatrix(
        options=tuple(case.options),
        objectives=tuple(case.objectives),
        low=scores[:, :, 0],
        likely=scores[:, :, 1],
        high=scores[:, :, 2],
        maximise=maximise,
        scale_low=lo,
        scale_high=hi,
        scale_declared=declared,
        warnings=tuple(warnings),
        curves=tuple(curve_of(o) for o in case.objectives.values()),
        promethee=tuple(o.promethee for o in case.objectives.values()),
    )


@dataclass(frozen=True)
class Breach:
    """One red line an option breaks: its likely score on the objective against the limit."""

    objective: str
    value: float
    bound: float
    below: bool  # True: under the minimum; False: over the maximum


def red_line_breaches(case: Case, matrix: DecisionMatrix) -> dict[str, list[Breach]]:
    """Options that break a red line (judged on the likely score), each with the lines it breaks, in case order of limits."""
    out: dict[str, list[Breach]] = {}
    for obj, limit in case.constraints.limits.items():
        j = matrix.objectives.index(obj)
        for i, oid in enumerate(matrix.options):
            value = float(matrix.likely[i, j])
            if limit.broken_by(value) is None:
                continue
            below = limit.min is not None and value < limit.min
            out.setdefault(oid, []).append(Breach(obj, value, float(limit.min if below else limit.max), below))
    return out


def screen_options(case: Case, matrix: DecisionMatrix) -> dict[str, str]:
    """Options that break a red line (judged on the likely score), with the reason in words (English)."""
    return {oid: breach_words(case, breaches) for oid, breaches in red_line_breaches(case, matrix).items()}


def breach_words(case: Case, breaches) -> str:
    """English words for an option's broken red lines (outputs in other languages word Breach themselves)."""
    parts = []
    for b in breaches:
        side = f"below the minimum {b.bound:g}" if b.below else f"above the maximum {b.bound:g}"
        parts.append(f"{case.objectives[b.objective].label} ({b.objective}) {b.value:g} is {side}")
    return "; ".join(parts)
