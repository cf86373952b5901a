"""Known-answer tests for the decision rules and the scenario payoff table."""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.case.catalog import load_case, load_case_text
from negotiator.scenarios.rules import (
    analyse_decisions,
    apply_rules,
    check_probabilities,
    expected_value_of_perfect_information,
    hurwicz_switch,
    probability_switches,
    regret_table,
    upper_envelope,
)
from negotiator.errors import CaseError, UsageError
from negotiator.scenarios.payoffs import parse_package, scenario_payoffs

# Anderson, Sweeney & Williams, Quantitative Methods for Business / An Introduction to
# Management Science, ch. 4 "Decision Analysis", the Pittsburgh Development Corporation
# (PDC) condominium problem: small/medium/large complex (d1, d2, d3) x strong/weak
# demand (s1, s2), profit in $ million.
PDC = np.array([[8, 7], [14, 5], [20, -9]])

# Taha, Operations Research: An Introduction (8th ed., 2007), §13.3 "Decision under
# uncertainty", Example 13.3-1 (National Outdoors School): COSTS of four participation
# levels a1..a4 under four states e1..e4. Our tables are "higher is better", so we negate.
TAHA_COSTS = np.array([[5, 10, 18, 25], [8, 7, 12, 23], [21, 18, 12, 21], [30, 22, 19, 15]])


@pytest.fixture(scope="module")
def bundled():
    # Loading the bundled case takes a while; every test here only reads it.
    return load_case(None)


def rules_by_name(values, probabilities, alpha=0.5):
    return {r.rule: r for r in apply_rules(values, probabilities, alpha)}


# -- textbook answers -----------------------------------------------------------------------


def test_pdc_rules_without_probabilities():
    # ASW §4.2: optimistic (maximax) -> d3 (20); conservative (maximin) -> d1 (7);
    # minimax regret -> d2 (max regret 6), regret table [[12, 0], [6, 2], [0, 16]].
    r = rules_by_name(PDC, [0.8, 0.2])
    assert r["maximax"].chosen == (2,) and r["maximax"].scores[2] == 20
    assert r["maximin"].chosen == (0,) and r["maximin"].scores[0] == 7
    assert r["minimax_regret"].chosen == (1,) and r["minimax_regret"].scores == (12, 6, 16)
    assert regret_table(PDC).tolist() == [[12, 0], [6, 2], [0, 16]]


def test_pdc_expected_value_and_evpi():
    # ASW §4.3: P(s1) = 0.8, P(s2) = 0.2: EV(d1) = 7.8, EV(d2) = 12.2, EV(d3) = 14.2 -> d3;
    # EVPI = 17.4 - 14.2 = 3.2.
    r = rules_by_name(PDC, [0.8, 0.2])
    assert r["expected_value"].scores == pytest.approx((7.8, 12.2, 14.2))
    assert r["expected_value"].chosen == (2,)
    assert r["expected_value"].margin == pytest.approx(2.0)
    assert expected_value_of_perfect_information(PDC, [0.8, 0.2]) == pytest.approx(3.2)


def test_pdc_probability_switch_points():
    # ASW §4.4 (sensitivity analysis): with p = P(strong demand), d1 is best for p <= 0.25,
    # d2 for 0.25 <= p <= 0.70, d3 for p >= 0.70.
    s = probability_switches(PDC, [0.8, 0.2], ["strong", "weak"])[0]
    assert s.parameter == "p(strong)"
    assert [seg.chosen for seg in s.segments] == [(0,), (1,), (2,)]
    assert [seg.end for seg in s.segments][:2] == pytest.approx([0.25, 0.70])
    assert s.chosen == (2,) and s.lower == pytest.approx(0.70) and s.lower_choice == (1,) and s.upper is None
    # The other scenario's switch points mirror these (p(weak) = 1 - p(strong)).
    w = probability_switches(PDC, [0.8, 0.2], ["strong", "weak"])[1]
    assert w.upper == pytest.approx(0.30) and w.upper_choice == (1,)


def test_taha_rules_on_costs():
    # Taha Example 13.3-1: Laplace -> a2 (expected cost 12.5); minimax -> a3 (21);
    # Savage -> a2 (max regret 8); Hurwicz alpha = 0.5 -> a1 or a2 (15 each).
    values = -TAHA_COSTS
    r = rules_by_name(values, [0.25] * 4, alpha=0.5)
    assert r["laplace"].chosen == (1,) and r["laplace"].scores[1] == pytest.approx(-12.5)
    assert r["maximin"].chosen == (2,) and r["maximin"].scores[2] == -21
    assert r["minimax_regret"].chosen == (1,) and r["minimax_regret"].scores == (10, 8, 16, 25)
    assert regret_table(values).tolist() == [[0, 3, 6, 10], [3, 0, 0, 8], [16, 11, 0, 6], [25, 15, 7, 0]]
    assert r["hurwicz"].chosen == (0, 1) and r["hurwicz"].scores[0] == r["hurwicz"].scores[1] == -15
    assert r["hurwicz"].runner_up == (2,) and r["hurwicz"].margin == pytest.approx(1.5)


def test_taha_hurwicz_switch_is_at_one_half_exactly():
    # a1: -(25 - 20 alpha), a2: -(23 - 16 alpha), a3: -(21 - 9 alpha): a3 until 2/7, a2 until 1/2, then a1.
    s = hurwicz_switch(-TAHA_COSTS, 0.5)
    assert s.at_tie and s.chosen == (0, 1)
    assert s.lower_choice == (1,) and s.upper_choice == (0,)
    assert [seg.chosen for seg in s.segments] == [(2,), (1,), (0,)]
    assert s.segments[0].end == pytest.approx(2 / 7)


def test_hurwicz_alpha_zero_and_one_are_maximin_and_maximax():
    r0 = rules_by_name(PDC, [0.5, 0.5], alpha=0)
    r1 = rules_by_name(PDC, [0.5, 0.5], alpha=1)
    assert r0["hurwicz"].chosen == r0["maximin"].chosen
    assert r1["hurwicz"].chosen == r1["maximax"].chosen


# -- ties, margins, switch points by brute force -------------------------------------------------


def test_all_tied_options_are_all_chosen_and_have_no_runner_up():
    r = rules_by_name(np.ones((3, 2)), [0.5, 0.5])
    for rule in r.values():
        assert rule.chosen == (0, 1, 2) and rule.runner_up == () and rule.margin is None


def test_runner_up_ties_are_all_listed():
    r = rules_by_name(np.array([[5, 5], [3, 3], [3, 3]]), [0.5, 0.5])
    assert r["maximin"].runner_up == (1, 2) and r["maximin"].margin == 2


def test_upper_envelope_matches_a_fine_grid():
    rng = np.random.default_rng(11)
    for _ in range(20):
        a, b = rng.normal(size=6), rng.normal(size=6)
        segs = upper_envelope(a, b)
        for t in np.linspace(0.0005, 0.9995, 400):
            seg = next(s for s in segs if s.start <= t <= s.end)
            if min(abs(t - seg.start), abs(t - seg.end)) < 1e-6:
                continue
            assert int(np.argmax(a + b * t)) in seg.chosen


def test_proportional_probability_switch_matches_brute_force():
    # Three scenarios: move p(scenario 0), keep the other two in their 2:1 proportion.
    rng = np.random.default_rng(5)
    v = rng.integers(0, 20, size=(5, 3)).astype(float)
    p = np.array([0.25, 0.5, 0.25])
    s = probability_switches(v, p, ["a", "b", "c"])[0]
    for seg in s.segments:
        t = (seg.start + seg.end) / 2
        q = np.array([t, (1 - t) * 0.5 / 0.75, (1 - t) * 0.25 / 0.75])
        ev = v @ q
        assert set(seg.chosen) == set(np.flatnonzero(ev >= ev.max() - 1e-9))


def test_single_scenario_has_no_probability_switches():
    assert probability_switches(np.array([[1.0], [2.0]]), [1.0], ["only"]) == ()


# -- bad input ------------------------------------------------------------------------


def test_probabilities_that_do_not_sum_to_one_say_by_how_much():
    with pytest.raises(UsageError) as err:
        check_probabilities([0.5, 0.6], ["calm", "storm"])
    text = str(err.value)
    assert "sum to 1.1" in text and "off by +0.1" in text and "calm=0.5" in text


def test_negative_probability_is_refused():
    with pytest.raises(UsageError, match="between 0 and 1"):
        check_probabilities([1.2, -0.2], ["a", "b"])


def test_alpha_outside_zero_one_is_refused():
    with pytest.raises(UsageError, match="alpha"):
        apply_rules(PDC, [0.8, 0.2], alpha=1.5)


def test_empty_table_is_refused():
    with pytest.raises(UsageError, match="empty"):
        analyse_decisions(np.zeros((0, 2)), [0.5, 0.5], ["a", "b"])


# -- the payoff table from a case -------------------------------------------------------------


def test_tiny_case_payoff_table_by_hand(cases_dir):
    # tests/cases/tiny.yaml, profile main (gain 1/2, cost 1/4, risk 1/4):
    #   a calm:  0.5*0.8 + 0.25*(1 - (9-1)/8) + 0.25*(1 - 3/10) = 0.575
    #   a storm: risk 7 -> 0.5*0.8 + 0 + 0.25*0.3 = 0.475
    #   b both:  0.5*0.5 + 0.25*(1 - (3-1)/8) + 0.25*0.9 = 0.6625
    #   c breaks the red line risk <= 8 (risk 9) in both scenarios: left out.
    t = scenario_payoffs(load_case(cases_dir / "tiny.yaml"), profile="main")
    assert [r.id for r in t.rows] == ["a", "b"]
    np.testing.assert_allclose(t.values, [[0.575, 0.475], [0.6625, 0.6625]], atol=1e-12)
    assert list(t.screened_out) == ["c"] and "calm:" in t.screened_out["c"][0]
    report = t.analyse()
    ev = next(r for r in report.rules if r.rule == "expected_value")
    assert ev.scores == pytest.approx((0.55, 0.6625)) and ev.chosen == (1,)


def test_payoff_table_matches_rank_under_each_scenario(bundled):
    from negotiator.ranking.api import rank

    loaded = bundled
    t = scenario_payoffs(loaded, profile="balanced")
    kept = {r.id for r in t.rows}
    for j, sid in enumerate(t.scenarios):
        ranking = rank(loaded, profile="balanced", scenario=sid)
        ours = {r.id: t.values[i, j] for i, r in enumerate(t.rows)}
        for row in ranking.rows:
            if row.option in kept:
                assert ours[row.option] == pytest.approx(row.score, abs=1e-12)


SCENARIO_OUTSIDE_DERIVED_SCALE = """
negotiator: 1
objectives:
  gain: {label: Gain}                        # derived scale [2, 6] from the base case
options:
  a: {label: A, scores: {gain: 2}}
  b: {label: B, scores: {gain: 6}}
scenarios:
  boom: {label: Boom, probability: 0.5, scores: {b: {gain: 8}}}
  bust: {label: Bust, probability: 0.5, scores: {a: {gain: 0}}}
"""


def test_scenario_scores_outside_a_derived_scale_extrapolate_linearly():
    t = scenario_payoffs(load_case_text(SCENARIO_OUTSIDE_DERIVED_SCALE))
    # value = (score - 2) / (6 - 2): b boom 8 -> 1.5; a bust 0 -> -0.5.
    np.testing.assert_allclose(t.values, [[0.0, -0.5], [1.5, 1.0]], atol=1e-12)


def test_scenario_score_outside_a_declared_scale_is_a_case_error():
    text = SCENARIO_OUTSIDE_DERIVED_SCALE.replace("gain: {label: Gain}", "gain: {label: Gain, scale: [0, 6]}")
    with pytest.raises(CaseError, match="outside the declared scale"):
        load_case_text(text)


def test_packages_sum_their_options_values(bundled):
    loaded = bundled
    options = scenario_payoffs(loaded)
    idx = {r.id: i for i, r in enumerate(options.rows)}
    pkg = parse_package("legal_position_against_bundling,reintegration_support", loaded.case)
    t = scenario_payoffs(loaded, packages=[pkg])
    assert t.kind == "package" and t.rows[0].members == pkg
    expected = options.values[idx["legal_position_against_bundling"]] + options.values[idx["reintegration_support"]]
    assert t.values[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, message",
    [
        ("nope,reintegration_support", "unknown option 'nope'"),
        (" , ", "empty package"),
        ("reintegration_support,reintegration_support", "appears twice"),
    ],
)
def test_bad_packages(text, message, bundled):
    with pytest.raises(UsageError, match=message):
        parse_package(text, bundled.case)


def test_package_with_a_screened_option_is_refused(bundled):
    loaded = bundled
    pkg = parse_package("joint_position_affected_states,reintegration_support", loaded.case)
    with pytest.raises(UsageError, match="breaks a red line"):
        scenario_payoffs(loaded, packages=[pkg])


def test_probability_overrides_are_checked(bundled):
    loaded = bundled
    with pytest.raises(UsageError, match="off by"):
        scenario_payoffs(loaded, probabilities={"routine_cooperation": 0.5})
    with pytest.raises(UsageError, match="unknown scenario"):
        scenario_payoffs(loaded, probabilities={"nope": 0.5})
    t = scenario_payoffs(loaded, probabilities={"transactional_linkage": 0.25, "routine_cooperation": 0.3})
    assert dict(zip(t.scenarios, t.probabilities))["routine_cooperation"] == 0.3
    assert "overrides" in t.probabilities_source


def test_case_without_scenarios_is_refused():
    text = "negotiator: 1\nobjectives: {g: {label: G}}\noptions: {a: {label: A, scores: {g: 1}}, b: {label: B, scores: {g: 2}}}\n"
    with pytest.raises(UsageError, match="no scenarios"):
        scenario_payoffs(load_case_text(text))


def test_top_packages_hold_each_scenarios_best_package(bundled):
    from negotiator.portfolio import best_packages

    t = scenario_payoffs(bundled, top_packages=2)
    assert t.kind == "package" and "best package 1 of the base case" in t.rows[0].origin
    for j, sid in enumerate(t.scenarios):
        k = next(i for i, r in enumerate(t.rows) if f"best package under {sid}" in r.origin)
        # Best under its own scenario, among every package in the table ...
        assert t.values[k, j] >= t.values[:, j].max() - 1e-9
        # ... and worth what the portfolio optimiser says it is worth there (additive: values add up).
        best = best_packages(bundled, scenario=sid, exclude=sorted(t.screened_out))
        assert t.values[k, j] == pytest.approx(best.value, abs=1e-9)


SYNERGY_CASE = """
negotiator: 1
objectives: {g: {label: G, scale: [0, 10]}}
options:
  a: {label: A, scores: {g: 4}}
  b: {label: B, requires: [c], scores: {g: 6}}
  c: {label: C, resources: {staff: 5}, scores: {g: 2}}
constraints:
  budgets: {staff: 4}
  synergies: [{options: [a, b], bonus: 0.25}]
scenarios:
  one: {label: One, probability: 1.0}
"""


def test_package_value_adds_synergy_bonuses_and_warns_about_broken_rules():
    loaded = load_case_text(SYNERGY_CASE)
    t = scenario_payoffs(loaded, packages=[("a", "b"), ("c",)])
    # a + b = 0.4 + 0.6 plus the synergy bonus 0.25; c alone 0.2.
    np.testing.assert_allclose(t.values[:, 0], [1.25, 0.2])
    assert any("'b' requires 'c'" in w for w in t.warnings)
    assert any("uses 5 staff, over the budget of 4" in w for w in t.warnings)


def test_probability_switch_when_one_scenario_is_certain():
    # p(a) = 1 leaves no proportions for b and c: they share the rest equally as p(a) falls.
    v = np.array([[10.0, 0.0, 0.0], [0.0, 12.0, 12.0]])
    s = probability_switches(v, [1.0, 0.0, 0.0], ["a", "b", "c"])[0]
    # EV_1 = 10 t, EV_2 = 12 (1 - t): equal at t = 6/11.
    assert s.chosen == (0,) and s.lower == pytest.approx(6 / 11) and s.lower_choice == (1,)


def test_regret_of_options_tied_up_to_rounding_is_zero():
    # 0.1 + 0.2 != 0.3 in floating point; the two options are tied, so neither regrets the other.
    from negotiator.scenarios.rules import regret_table

    values = np.array([[0.1 + 0.2, 1.0], [0.3, 0.5]])
    regret = regret_table(values)
    assert regret[0, 0] == 0.0 and regret[1, 0] == 0.0
    assert regret[1, 1] == 0.5


# -- issue 14: maximum likelihood, complete ignorance, menu effects, exact fractions ----------

#: Stevenson, Operations Management (McGraw-Hill), Supplement to ch. 5 "Decision Theory", the small
#: building contractor's capacity problem (profit in $ thousands; next year's demand low / high):
#: maximin Do nothing (50), maximax Expand (80), minimax regret Subcontract (10). Dropping Expand
#: (never chosen by minimax regret) makes the largest regrets 10 and 10: Do nothing ties Subcontract.
CONTRACTOR = np.array([[50.0, 60.0], [20.0, 80.0], [40.0, 70.0]])  # do nothing, expand, subcontract


def test_stevenson_contractor_rules_and_menu_effect():
    from negotiator.scenarios.rules import menu_effects

    rep = analyse_decisions(CONTRACTOR, None, ["low", "high"])
    by = {r.rule: r for r in rep.rules}
    assert by["maximin"].chosen == (0,) and by["maximax"].chosen == (1,) and by["minimax_regret"].chosen == (2,)
    assert by["minimax_regret"].scores == (20.0, 30.0, 10.0)
    (m,) = menu_effects(CONTRACTOR)
    assert m.removed == 1 and not m.dominated and m.before == (2,) and m.after == (0, 2) and m.largest_regret_after == 10.0
    assert rep.menu_effects == (m,)


def test_complete_ignorance_runs_the_rules_that_need_no_probabilities():
    rep = analyse_decisions(CONTRACTOR, None, ["low", "high"])
    assert [r.rule for r in rep.rules] == ["maximin", "maximax", "hurwicz", "laplace", "minimax_regret"]
    assert [r for r, _ in rep.not_run] == ["expected_value", "maximum_likelihood"]
    assert rep.evpi is None and rep.probability == () and rep.ignorance


def test_maximum_likelihood_picks_the_best_option_in_the_most_probable_scenario():
    # By hand: high demand is the more likely (0.7): the best there is Expand (80).
    rep = analyse_decisions(CONTRACTOR, [0.3, 0.7], ["low", "high"])
    ml = next(r for r in rep.rules if r.rule == "maximum_likelihood")
    assert ml.chosen == (1,) and ml.scores == (60.0, 80.0, 70.0)
    # Two scenarios equally likely: their mean (here the Laplace scores).
    ml = next(r for r in analyse_decisions(CONTRACTOR, [0.5, 0.5], ["low", "high"]).rules if r.rule == "maximum_likelihood")
    assert ml.scores == (55.0, 50.0, 55.0)


def test_exact_fractions_beside_the_floats():
    from fractions import Fraction

    v = np.array([[0.1 + 0.1, 0.3], [0.2, 0.1]])  # 0.1 + 0.1 + ... carries float noise
    rep = analyse_decisions(v, [0.5, 0.5], ["a", "b"])
    assert rep.exact["values"][0][0] == Fraction(1, 5)
    assert rep.exact["scores"]["expected_value"] == [Fraction(1, 4), Fraction(3, 20)]
    assert rep.exact["scores"]["minimax_regret"] == [Fraction(0), Fraction(1, 5)]
    assert analyse_decisions(np.array([[np.pi, 1.0], [1.0, 2.0]]), [0.5, 0.5], ["a", "b"]).exact is None
