"""Decisions under uncertainty about the other side: rules over a payoff table.

A payoff table gives the value of each option (rows) under each scenario
(columns); higher is better. The classic rules (Wald 1950; Hurwicz 1951;
Laplace; Savage 1951; see Taha, Operations Research, ch. "Decision analysis",
and Anderson, Sweeney & Williams, An Introduction to Management Science,
ch. 4) each choose an option; we report every option tied for the choice and
the margin to the runner-up, and, for the two rules with a parameter, the
value of the parameter at which the choice would change:

- Hurwicz: alpha is the weight on an option's best outcome (alpha = 0 is
  maximin, alpha = 1 maximax);
- expected value: for each scenario, its probability p moves from 0 to 1 while
  the other scenarios keep their relative proportions (for two scenarios this
  is the exact one-dimensional analysis).

Both are upper envelopes of straight lines in the parameter, computed exactly
from the pairwise crossings.

Maximum likelihood: the best option in the most probable scenario (when
several scenarios share the largest probability, their mean).

Complete ignorance (``probabilities=None``): the rules that need no
probabilities (maximin, maximax, Hurwicz, Laplace, minimax regret) still run;
expected value and maximum likelihood are listed in ``not_run`` instead.

Menu effects: minimax regret violates independence of irrelevant alternatives
(Chernoff 1954): removing an option nobody chooses can change the choice
(Stevenson's contractor: drop Expand and Do nothing ties Subcontract at a
regret of 10). ``menu_effects`` lists every option, not chosen, whose removal
changes the minimax-regret choice, and whether it is dominated.

Exact: when every payoff is a fraction with a denominator up to 10^4 (within
1e-12 of the float, relative), the values, regrets and every rule's scores are also given
as exact fractions (``exact``), as games are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.ranking.result import TIE_TOLERANCE

__all__ = [
    "PROBABILITY_TOLERANCE",
    "SWITCH_TOLERANCE",
    "RuleResult",
    "Segment",
    "Switch",
    "DecisionReport",
    "check_probabilities",
    "regret_table",
    "apply_rules",
    "upper_envelope",
    "hurwicz_switch",
    "probability_switches",
    "expected_value_of_perfect_information",
    "analyse_decisions",
    "PROBABILITY_RULES",
    "MenuEffect",
    "menu_effects",
    "exact_scores",
]

#: Rules that need the scenarios' probabilities (not run under complete ignorance).
PROBABILITY_RULES = ("expected_value", "maximum_likelihood")

#: Probabilities must add up to 1 within this (the case schema uses the same).
PROBABILITY_TOLERANCE = 1e-6

#: Switch points closer than this to each other (or to 0 and 1) are one point.
SWITCH_TOLERANCE = 1e-9


@dataclass(frozen=True)
class RuleResult:
    rule: str  # machine name: maximin, maximax, hurwicz, laplace, minimax_regret, expected_value
    name: str  # words: "Maximin (Wald)"
    criterion: str  # what the score is: "worst outcome", "largest regret", ...
    better: str  # "higher" or "lower"
    scores: tuple[float, ...]  # the criterion for every option, in table order
    chosen: tuple[int, ...]  # every option tied for the choice
    runner_up: tuple[int, ...]  # the next best (all tied), empty when every option ties
    margin: float | None  # how far the choice is ahead of the runner-up (>= 0)


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    chosen: tuple[int, ...]


@dataclass(frozen=True)
class Switch:
    """Where a choice that depends on a parameter (alpha, a probability) would change."""

    parameter: str  # "alpha" or "p(<scenario>)"
    current: float
    chosen: tuple[int, ...]  # the choice at the current value
    segments: tuple[Segment, ...]  # the choice over the whole range [0, 1]
    lower: float | None  # below this value the choice becomes lower_choice (None: never)
    lower_choice: tuple[int, ...]
    upper: float | None  # above this value the choice becomes upper_choice (None: never)
    upper_choice: tuple[int, ...]

    @property
    def at_tie(self) -> bool:
        """The current value is itself a switch point (two choices tie there)."""
        return self.lower is not None and self.upper is not None and self.lower == self.upper == self.current


@dataclass(frozen=True)
class MenuEffect:
    """Removing ``removed`` (not chosen) changes the minimax-regret choice from ``before`` to ``after``."""

    removed: int
    dominated: bool  # weakly dominated by another option (else only irrelevant: not chosen)
    before: tuple[int, ...]
    after: tuple[int, ...]  # indices into the full table
    largest_regret_after: float


@dataclass(frozen=True)
class DecisionReport:
    rules: tuple[RuleResult, ...]
    regret: np.ndarray  # (options, scenarios)
    alpha: float
    hurwicz: Switch | None  # None never happens today; kept optional for symmetry
    probability: tuple[Switch, ...]  # one per scenario (empty for a single scenario or no probabilities)
    evpi: float | None  # expected value of perfect information (None without probabilities)
    #: Rules that could not run, with why (complete ignorance: no probabilities given).
    not_run: tuple[tuple[str, Message], ...] = ()  # (rule, why): the same English in JSON, a key for other languages
    menu_effects: tuple[MenuEffect, ...] = ()
    #: Exact fractions ("a/b" text) when every payoff is rational: values, regret, each rule's scores.
    exact: dict | None = None

    @property
    def ignorance(self) -> bool:
        return bool(self.not_run)


def check_probabilities(probabilities: Sequence[float], names: Sequence[str] | None = None) -> np.ndarray:
    """Probabilities as an array; a clear error when one is negative or they do not sum to 1."""
    p = np.asarray(probabilities, dtype=float)
    names = list(names) if names is not None else [f"scenario {k + 1}" for k in range(len(p))]
    for name, v in zip(names, p):
        if not np.isfinite(v) or v < 0 or v > 1:
            raise UsageError(Problem(Message("pa_probability_range", scenario=name, value=float(v))))
    total = float(p.sum())
    if abs(total - 1.0) > PROBABILITY_TOLERANCE:
        shown = ", ".join(f"{n}={v:g}" for n, v in zip(names, p))
        raise UsageError(Problem(
            Message("pa_probability_sum", total=total, off=total - 1, shown=shown),
            hint=Message("pa_probability_sum_hint"),
        ))
    return p


#: Differences up to this (relative to the best value) are rounding, not regret.
REGRET_TIE = 1e-12


def regret_table(values: np.ndarray) -> np.ndarray:
    """Savage's regret: how much worse each option does than the best option in that scenario."""
    values = np.asarray(values, dtype=float)
    best = values.max(axis=0, keepdims=True)
    regret = best - values
    # Two options whose overall values are equal up to rounding (sums taken in another order)
    # tie: their regret is 0, not 1e-16, as ranking treats them (ranking.TIE_TOLERANCE).
    regret[regret <= REGRET_TIE * np.maximum(1.0, np.abs(best))] = 0.0
    return regret


def _choose(scores: np.ndarray, higher: bool) -> tuple[tuple[int, ...], tuple[int, ...], float | None]:
    """(chosen, runner-up, margin), ties within TIE_TOLERANCE shared."""
    s = scores if higher else -scores
    best = s.max()
    chosen = tuple(int(i) for i in np.flatnonzero(s >= best - TIE_TOLERANCE))
    rest = np.array([v if i not in chosen else -np.inf for i, v in enumerate(s)])
    if not np.isfinite(rest.max()):
        return chosen, (), None
    second = rest.max()
    runner = tuple(int(i) for i in np.flatnonzero(rest >= second - TIE_TOLERANCE))
    return chosen, runner, float(best - second)


def _rule(rule: str, name: str, criterion: str, scores: np.ndarray, higher: bool = True) -> RuleResult:
    chosen, runner, margin = _choose(scores, higher)
    return RuleResult(rule, name, criterion, "higher" if higher else "lower", tuple(float(v) for v in scores), chosen, runner, margin)


def most_likely(p: np.ndarray) -> np.ndarray:
    """Indices of the scenarios with the largest probability (ties within 1e-12)."""
    return np.flatnonzero(p >= p.max() - 1e-12)


def apply_rules(values: np.ndarray, probabilities: Sequence[float] | None, alpha: float = 0.5) -> tuple[RuleResult, ...]:
    """The rules side by side on a payoff table (options x scenarios, higher is better).

    ``probabilities=None`` (complete ignorance): the rules that need them are left out."""
    v = np.asarray(values, dtype=float)
    if not 0 <= alpha <= 1:
        raise UsageError(Problem(Message("pa_alpha", alpha=alpha), hint=Message("pa_alpha_hint")))
    worst, best = v.min(axis=1), v.max(axis=1)
    out = [
        _rule("maximin", "Maximin (Wald)", "worst outcome", worst),
        _rule("maximax", "Maximax", "best outcome", best),
        _rule("hurwicz", f"Hurwicz (alpha = {alpha:g})", f"{alpha:g} x best + {1 - alpha:g} x worst", alpha * best + (1 - alpha) * worst),
        _rule("laplace", "Laplace (equal likelihood)", "mean outcome", v.mean(axis=1)),
        _rule("minimax_regret", "Minimax regret (Savage)", "largest regret", regret_table(v).max(axis=1), higher=False),
    ]
    if probabilities is not None:
        p = np.asarray(probabilities, dtype=float)
        out.append(_rule("expected_value", "Expected value", "probability-weighted outcome", v @ p))
        out.append(_rule("maximum_likelihood", "Maximum likelihood", "outcome in the most probable scenario", v[:, most_likely(p)].mean(axis=1)))
    return tuple(out)


def _weakly_dominated(v: np.ndarray, k: int) -> bool:
    return any(j != k and np.all(v[j] >= v[k] - TIE_TOLERANCE) and np.any(v[j] > v[k] + TIE_TOLERANCE) for j in range(len(v)))


def menu_effects(values: np.ndarray) -> tuple[MenuEffect, ...]:
    """Options, not chosen by minimax regret, whose removal alone changes its choice."""
    v = np.asarray(values, dtype=float)
    if len(v) < 3:
        return ()
    before, _, _ = _choose(regret_table(v).max(axis=1), False)
    out = []
    for k in range(len(v)):
        if k in before:
            continue
        keep = [i for i in range(len(v)) if i != k]
        largest = regret_table(v[keep]).max(axis=1)
        after, _, _ = _choose(largest, False)
        after_full = tuple(keep[i] for i in after)
        if after_full != before:
            out.append(MenuEffect(k, _weakly_dominated(v, k), before, after_full, float(largest[after[0]])))
    return tuple(out)


#: Largest denominator recognised as an exact payoff, and how close the float must be (relative).
#: (With denominators up to q every float is within about 1/q^2 of some fraction: the tolerance
#: must be far below that, or every payoff would look rational.)
EXACT_DENOMINATOR = 10**4
EXACT_TOLERANCE = 1e-12


def _as_fraction(x: float):
    from fractions import Fraction

    f = Fraction(float(x)).limit_denominator(EXACT_DENOMINATOR)
    return f if abs(float(f) - float(x)) <= EXACT_TOLERANCE * max(1.0, abs(float(x))) else None


def exact_scores(values: np.ndarray, probabilities: Sequence[float] | None, alpha: float) -> dict | None:
    """Values, regrets and each rule's scores as exact fractions, when every payoff (and probability) is one."""
    from fractions import Fraction

    v = [[_as_fraction(x) for x in row] for row in np.asarray(values, dtype=float)]
    if any(f is None for row in v for f in row):
        return None
    a = _as_fraction(alpha)
    p = None if probabilities is None else [_as_fraction(x) for x in probabilities]
    if a is None or (p is not None and any(f is None for f in p)):
        return None
    cols = range(len(v[0]))
    best_in = [max(row[j] for row in v) for j in cols]
    regret = [[best_in[j] - row[j] for j in cols] for row in v]
    scores = {
        "maximin": [min(row) for row in v],
        "maximax": [max(row) for row in v],
        "hurwicz": [a * max(row) + (1 - a) * min(row) for row in v],
        "laplace": [sum(row, Fraction(0)) / len(row) for row in v],
        "minimax_regret": [max(r) for r in regret],
    }
    if p is not None:
        top = max(p)
        likely = [j for j in cols if p[j] == top]
        scores["expected_value"] = [sum((row[j] * p[j] for j in cols), Fraction(0)) for row in v]
        scores["maximum_likelihood"] = [sum((row[j] for j in likely), Fraction(0)) / len(likely) for row in v]
    return {"values": v, "regret": regret, "scores": scores}


def upper_envelope(intercepts: Sequence[float], slopes: Sequence[float]) -> tuple[Segment, ...]:
    """Which lines a_i + b_i t are highest on [0, 1], segment by segment (ties shared).

    The winners can only change where two lines cross, so the winner set is
    constant between consecutive crossings; it is read at each midpoint.
    """
    a, b = np.asarray(intercepts, dtype=float), np.asarray(slopes, dtype=float)
    crossings = []
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            if abs(b[i] - b[j]) > 1e-15:
                t = (a[j] - a[i]) / (b[i] - b[j])
                # Values carry rounding (1e-16); lines that tie at an end must not "cross" at 1 - 1e-14.
                if SWITCH_TOLERANCE < t < 1 - SWITCH_TOLERANCE:
                    crossings.append(float(t))
    ts = [0.0]
    for t in sorted(crossings):
        if t - ts[-1] > SWITCH_TOLERANCE:
            ts.append(t)
    ts.append(1.0)
    segments: list[Segment] = []
    for lo, hi in zip(ts, ts[1:]):
        chosen, _, _ = _choose(a + b * (lo + hi) / 2, True)
        if segments and segments[-1].chosen == chosen:
            segments[-1] = Segment(segments[-1].start, hi, chosen)
        else:
            segments.append(Segment(lo, hi, chosen))
    return tuple(segments)


def _switch(parameter: str, intercepts: np.ndarray, slopes: np.ndarray, current: float) -> Switch:
    segments = upper_envelope(intercepts, slopes)
    chosen, _, _ = _choose(intercepts + slopes * current, True)
    for k, seg in enumerate(segments):
        if k > 0 and abs(current - seg.start) <= SWITCH_TOLERANCE:
            # Exactly on a switch point: the two sides' choices tie here.
            return Switch(parameter, current, chosen, segments, seg.start, segments[k - 1].chosen, seg.start, seg.chosen)
        if seg.start <= current < seg.end or (k == len(segments) - 1 and current <= seg.end):
            lower = seg.start if k > 0 else None
            upper = seg.end if k < len(segments) - 1 else None
            return Switch(
                parameter, current, chosen, segments,
                lower, segments[k - 1].chosen if k > 0 else (),
                upper, segments[k + 1].chosen if k < len(segments) - 1 else (),
            )
    raise AssertionError("the segments cover [0, 1]")  # pragma: no cover


def hurwicz_switch(values: np.ndarray, alpha: float) -> Switch:
    """The Hurwicz choice over alpha in [0, 1], and the alphas where it changes around ``alpha``."""
    v = np.asarray(values, dtype=float)
    worst, best = v.min(axis=1), v.max(axis=1)
    return _switch("alpha", worst, best - worst, alpha)


def probability_switches(values: np.ndarray, probabilities: Sequence[float], scenarios: Sequence[str]) -> tuple[Switch, ...]:
    """For each scenario: its probability t from 0 to 1, the others in their current proportions.

    The expected value of option i is then (1 - t) E_i(others) + t v_ij: a
    straight line in t, so the switch points are exact. With two scenarios
    this is the textbook one-dimensional sensitivity analysis. When a scenario
    already has probability 1, the others share the rest equally.
    """
    v = np.asarray(values, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    s = v.shape[1]
    if s < 2:
        return ()
    out = []
    for j, name in enumerate(scenarios):
        others = np.delete(np.arange(s), j)
        rest = p[others]
        share = rest / rest.sum() if rest.sum() > 0 else np.full(len(others), 1.0 / len(others))
        e_others = v[:, others] @ share
        out.append(_switch(f"p({name})", e_others, v[:, j] - e_others, float(p[j])))
    return tuple(out)


def expected_value_of_perfect_information(values: np.ndarray, probabilities: Sequence[float]) -> float:
    """EVPI: what knowing the scenario in advance would be worth (best per scenario, weighted, minus the best EV)."""
    v = np.asarray(values, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    return float(v.max(axis=0) @ p - (v @ p).max())


def analyse_decisions(values: np.ndarray, probabilities: Sequence[float] | None, scenarios: Sequence[str], alpha: float = 0.5) -> DecisionReport:
    """Every rule, the regret table, the switch points, menu effects and exact scores, for one payoff table.

    ``probabilities=None``: complete ignorance (see the module's docstring)."""
    v = np.asarray(values, dtype=float)
    if v.ndim != 2 or v.shape[0] == 0 or v.shape[1] == 0:
        raise UsageError(Problem(Message("pa_empty_table")))
    p = None if probabilities is None else check_probabilities(probabilities, scenarios)
    rules = apply_rules(v, p, alpha)
    return DecisionReport(
        rules=rules,
        regret=regret_table(v),
        alpha=alpha,
        hurwicz=hurwicz_switch(v, alpha),
        probability=() if p is None else probability_switches(v, p, scenarios),
        evpi=None if p is None else expected_value_of_perfect_information(v, p),
        not_run=() if p is not None else tuple((r, Message("rule_needs_probabilities")) for r in PROBABILITY_RULES),
        menu_effects=menu_effects(v),
        exact=exact_scores(v, p, alpha),
    )
