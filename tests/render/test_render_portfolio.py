"""Package status words as the terminal shows them: a gap stop is a proof within the gap, never "optimal"."""

from __future__ import annotations

import math

from negotiator.portfolio.solve import SolveOutcome, SolverSettings, status_words
from negotiator.render.portfolio import _sweep_status, status_text

WITHIN = SolveOutcome("gap", 233.9824, 234.086, 0.1, "cbc")  # the benchmark's 1000-option case at the default gap
DEFAULT = SolverSettings("cbc", 10.0, 0.001)


def test_a_gap_stop_states_the_proven_gap_and_the_requested_one_in_both_languages():
    gap = f"{WITHIN.rel_gap:.3%}"
    assert gap == "0.044%"
    en = status_text(WITHIN, DEFAULT, "en")
    assert en == status_words(WITHIN, DEFAULT)
    assert en.startswith("proven within 0.044% of the best possible package, which scores at most 234.086")
    assert "requested gap of 0.1%" in en and "--gap 0 proves exact optimality" in en
    zh = status_text(WITHIN, DEFAULT, "zh")
    assert zh.startswith("已证明与可能的最优组合相差不超过 0.044%") and "234.086" in zh and "0.1%" in zh and "--gap 0" in zh


def test_a_sweep_cell_is_short_and_never_says_optimal_for_a_gap_stop():
    assert _sweep_status(WITHIN, DEFAULT, "en") == "proven within 0.044%"
    assert _sweep_status(WITHIN, DEFAULT, "zh") == "已证明相差不超过 0.044%"
    exact = SolveOutcome("optimal", 2.0, 2.0, 0.1, "cbc")
    assert _sweep_status(exact, DEFAULT, "en") == "optimal" and _sweep_status(exact, DEFAULT, "zh") == "最优"
    late = SolveOutcome("time_limit", 2.0, 2.5, 10.0, "cbc")
    assert _sweep_status(late, DEFAULT, "en") == "NOT proven optimal (stopped by the time limit)"


def test_a_gap_stop_without_a_proven_bound_is_not_called_proven():
    nothing = SolveOutcome("gap", 2.0, math.inf, 0.1, "cbc")
    for lang in ("en", "zh"):
        assert not status_text(nothing, DEFAULT, lang).startswith(("proven", "已证明"))
        assert not _sweep_status(nothing, DEFAULT, lang).startswith(("proven", "已证明"))
