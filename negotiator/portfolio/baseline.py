"""The baseline of a package: what not doing a measure is worth.

Why it matters (Clemen & Smith 2009, "On the choice of baselines in
multiattribute portfolio analysis: a cautionary note", Decision Analysis
6(4):256-262): overall scores run from 0 = the worst level on every
objective. Summing them as the package value silently says that *not*
doing a measure leaves the world at that worst level, so every measure
looks worth doing and the optimiser fills the budgets or the count cap.
The right value of a package counts what each chosen measure adds over
the status quo b:

    V(x) = sum_i x_i v(a_i) + (1 - x_i) v(b) = sum_i x_i (v(a_i) - v(b)) + constant

so a measure worse than the status quo has a negative contribution and is
chosen only when a rule forces it. With the additive value model the
baseline's value v(b) = sum_j w_j v_j(b_j) is on the same scale as the
options' overall scores (the scales are fixed per objective, not by the set
of options compared), so the difference means something. The relative
methods (TOPSIS, VIKOR, PROMETHEE, ELECTRE) score an option against the
others compared, so "the value of doing nothing" is not defined for them.

Three forms:

* ``OPTION``: an option of the case whose scores are the status quo (it may
  be screened out by a red line; it is held out of the package either way);
* ``worst``: the worst level on every objective, which makes the implicit
  assumption of the default explicit (v(b) = 0);
* ``OBJ=SCORE,OBJ=SCORE,...``: the status-quo score on every objective
  (numbers or the objective's level words).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["Baseline", "parse_baseline", "baseline_scores", "baseline_value", "shifted_values", "check_baseline_method", "CITATION"]

CITATION = "Clemen & Smith 2009, Decision Analysis 6(4):256-262"

#: Methods whose overall score is on a fixed value scale (0 = worst level on every objective).
VALUE_METHODS = ("additive",)


@dataclass(frozen=True)
class Baseline:
    """The status quo every measure is compared with."""

    kind: str  # "option" | "worst" | "levels"
    text: str  # as the analyst wrote it
    option: str | None = None
    levels: Mapping[str, float] = field(default_factory=dict)  # objective -> status-quo score (levels form)

    @property
    def label(self) -> str:
        if self.kind == "option":
            return f"option {self.option}"
        if self.kind == "worst":
            return "the worst level on every objective"
        return "status-quo scores " + ", ".join(f"{k}={v:g}" for k, v in self.levels.items())

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "option": self.option, "levels": dict(self.levels) or None}


def _near(word: str, choices, n: int = 5) -> list[str]:
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.5)


def parse_baseline(case, text: str | None) -> Baseline | None:
    """`--baseline` as typed -> a Baseline (None when not given). Bad input raises UsageError."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        raise UsageError(Problem(Message("pb_empty"), hint=Message("pb_empty_hint")))
    if text.lower() == "worst":
        return Baseline("worst", text)
    if "=" in text:
        return Baseline("levels", text, levels=_parse_levels(case, text))
    if text in case.options:
        return Baseline("option", text, option=text)
    try:
        float(text)
    except ValueError:
        pass
    else:
        raise UsageError(Problem(
            Message("pb_bare_number", text=text),
            hint=Message("pb_bare_number_hint"),
        ))
    near = _near(text, case.options)
    known = list(case.options)
    shown = ", ".join(near) if near else ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
    raise UsageError(Problem(Message("pb_unknown_option", option=text), hint=Message("pb_near_option_hint" if near else "pb_known_option_hint", names=shown)))


def _parse_levels(case, text: str) -> dict[str, float]:
    from negotiator.case.scoring import resolve_score

    out: dict[str, float] = {}
    for item in text.split(","):
        obj, sep, raw = (s.strip() for s in item.partition("="))
        if not sep or not obj or not raw:
            raise UsageError(Problem(Message("pb_not_pair", item=item.strip()), hint=Message("pb_not_pair_hint")))
        if obj not in case.objectives:
            near = _near(obj, case.objectives)
            raise UsageError(Problem(Message("pb_unknown_objective", objective=obj), hint=Message("pb_did_you_mean", names=", ".join(near)) if near else Message("err_use_one_of", choices=", ".join(case.objectives))))
        if obj in out:
            raise UsageError(Problem(Message("pb_objective_twice", objective=obj), hint=Message("pb_objective_twice_hint")))
        try:
            score = float(raw)
        except ValueError:
            score = raw  # a level word
        try:
            out[obj] = float(resolve_score(case.objectives[obj], score)[1])
        except KeyError:
            levels = ", ".join(case.objectives[obj].levels or {})
            hint = Message("pb_levels_hint", levels=levels) if levels else Message("pb_no_levels_hint")
            raise UsageError(Problem(Message("pb_not_level", objective=obj, raw=raw), hint=hint)) from None
        if not np.isfinite(out[obj]):
            raise UsageError(Problem(Message("pb_not_finite", objective=obj, raw=raw)))
    missing = [o for o in case.objectives if o not in out]
    if missing:
        raise UsageError(Problem(
            Message("pb_missing", given=len(out), total=len(case.objectives), missing=", ".join(missing)),
            hint=Message("pb_missing_hint"),
        ))
    return {o: out[o] for o in case.objectives}


def check_baseline_method(baseline: Baseline | None, method: str) -> None:
    """A baseline needs a value scale shared by every option and the status quo: the additive model."""
    if baseline is not None and method not in VALUE_METHODS:
        raise UsageError(Problem(
            Message("pb_needs_additive", method=method),
            hint=Message("pb_needs_additive_hint"),
        ))


def check_baseline_choices(baseline: Baseline | None, include) -> None:
    if baseline is not None and baseline.kind == "option" and baseline.option in set(include or ()):
        raise UsageError(Problem(
            Message("pb_included", option=baseline.option),
            hint=Message("pb_included_hint", option=baseline.option),
        ))


def baseline_scores(baseline: Baseline, matrix, which: str = "likely") -> np.ndarray:
    """The status quo's scores on every objective (m,), on the matrix's objectives and scales.

    ``which`` picks low/likely/high for an option baseline (its scenario-changed scores
    when the matrix is built for a scenario); the other forms are points.
    """
    if baseline.kind == "option":
        return np.asarray(getattr(matrix, which)[matrix.index(baseline.option)], dtype=float)
    if baseline.kind == "worst":
        return np.where(matrix.maximise, matrix.scale_low, matrix.scale_high).astype(float)
    return np.array([baseline.levels[o] for o in matrix.objectives], dtype=float)


def baseline_value(baseline: Baseline, matrix, weights: Mapping[str, float]) -> float:
    """v(b) = sum_j w_j v_j(b_j): the status quo's overall value under the additive model."""
    from negotiator.methods.additive import additive_scores

    w = np.array([float(weights[o]) for o in matrix.objectives])
    values = matrix.values(baseline_scores(baseline, matrix)[None, :])
    return float(additive_scores(values, w)[0][0])


def shifted_values(values: Mapping[str, float], base: float) -> dict[str, float]:
    """Each option's contribution over the status quo: v(a_i) - v(b)."""
    return {o: float(v) - base for o, v in values.items()}


def prepare_baseline(loaded, baseline, method: str, include=()) -> Baseline | None:
    """`--baseline` text (or a Baseline, or None) checked against the case, the method and --include."""
    if baseline is None or isinstance(baseline, str):
        baseline = parse_baseline(loaded.case, baseline)
    check_baseline_method(baseline, method)
    check_baseline_choices(baseline, include)
    return baseline


def values_over_baseline(loaded, baseline: Baseline, values: Mapping[str, float], weights: Mapping[str, float], scenario: str | None) -> tuple[dict[str, float], float]:
    """(each option's contribution over the status quo, the status quo's overall value) for one run."""
    from negotiator.model.matrix import build_matrix

    base = baseline_value(baseline, build_matrix(loaded.case, scenario), weights)
    return shifted_values(values, base), base
