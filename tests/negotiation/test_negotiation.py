"""Known-answer tests of the negotiation core: Nash (1950), Kalai-Smorodinsky (1975),
AUGMECON against brute-force enumeration, the derived BATNA, and agenda validation."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest

from negotiator.case.catalog import load_case_text
from negotiator.errors import CaseError, UsageError
from negotiator.negotiation import analyse_negotiation, build_agenda, parse_package
from negotiator.negotiation.bargaining import ks_discrete, ks_on_hull, nash_discrete, nash_on_hull, upper_hull
from negotiator.negotiation.frontier import dominates, efficient_packages, enumerate_frontier

from negotiation_helpers import CASE_HEAD, random_agenda

# -- Nash (1950): Bill and Jack ------------------------------------------------------
#
# J. F. Nash, "The Bargaining Problem", Econometrica 18(2), 1950, 155-162, p. 161:
# utilities of each good to Bill and to Jack; the published solution is
# "Bill gives Jack: book, whip, ball, and bat. Jack gives Bill: pen, toy, and knife",
# gains (12, 5) over no trade, Nash product 60. Encoded as an agenda: each good is an
# issue with two levels (stays with its owner / changes hands); each good weighs the
# same (1/9), so utilities are the gains divided by 9.

BILL_GOODS = {"book": (2, 4), "whip": (2, 2), "ball": (2, 1), "bat": (2, 2), "box": (4, 1)}
JACK_GOODS = {"pen": (10, 1), "toy": (4, 1), "knife": (6, 2), "hat": (2, 2)}


def _bill_and_jack_yaml() -> str:
    lines = [CASE_HEAD, "negotiations:", "  barter:", "    label: Nash's Bill and Jack", "    parties:",
             "      bill: {label: Bill, batna: 0}", "      jack: {label: Jack, batna: 0}", "    issues:"]
    for good, (ub, uj) in BILL_GOODS.items():
        lines += [f"      {good}:", f"        label: {good}", "        status_quo: keep",
                  "        levels: {keep: {label: stays with Bill}, trade: {label: goes to Jack}}",
                  "        weights: {bill: 1, jack: 1}",
                  f"        values: {{bill: {{keep: 0, trade: {-ub}}}, jack: {{keep: 0, trade: {uj}}}}}"]
    for good, (ub, uj) in JACK_GOODS.items():
        lines += [f"      {good}:", f"        label: {good}", "        status_quo: keep",
                  "        levels: {keep: {label: stays with Jack}, trade: {label: goes to Bill}}",
                  "        weights: {bill: 1, jack: 1}",
                  f"        values: {{bill: {{keep: 0, trade: {ub}}}, jack: {{keep: 0, trade: {-uj}}}}}"]
    return "\n".join(lines) + "\n"


def test_nash_1950_bill_and_jack_published_solution():
    result = analyse_negotiation(load_case_text(_bill_and_jack_yaml()))
    nash = result.outcome.nash
    traded = sorted(k for k, v in result.agenda.named(nash.package).items() if v == "trade")
    assert traded == sorted(["book", "whip", "ball", "bat", "pen", "toy", "knife"])
    assert nash.utilities == pytest.approx((12 / 9, 5 / 9), abs=1e-12)
    assert nash.gains[0] * nash.gains[1] * 81 == pytest.approx(60, abs=1e-9)
    # Nash's figure: the solution is a vertex of the hull, so lotteries do not move it.
    assert result.outcome.nash_lottery.utilities == pytest.approx((12 / 9, 5 / 9), abs=1e-12)
    assert len(result.outcome.nash_lottery.lottery) == 1


def test_nash_1950_bill_and_jack_frontier_matches_enumeration():
    agenda = build_agenda("barter", load_case_text(_bill_and_jack_yaml()).case.negotiations["barter"])
    got = [u for p in efficient_packages(agenda) for u in p.utilities]
    want = [u for p in enumerate_frontier(agenda) for u in p.utilities]
    assert got == pytest.approx(want, abs=1e-12)


# -- Kalai & Smorodinsky (1975) ----------------------------------------------------------
#
# E. Kalai, M. Smorodinsky, "Other Solutions to Nash's Bargaining Problem",
# Econometrica 43(3), 1975, 513-518, the example showing that Nash's solution is not
# monotonic: S1 = hull{(0,0), (0,1), (3/4,3/4), (1,0)}, S2 = hull{(0,0), (0,1), (1,0.7), (1,0)},
# disagreement (0,0). S2 contains S1 and gives player 2 more possibilities, yet Nash's
# solution gives player 2 less in S2 (0.7, at (1, 0.7)) than in S1 (3/4). The KS
# solution is (3/4, 3/4) in S1 and (10/13, 10/13) in S2 (the diagonal meets the edge
# from (0,1) to (1,0.7): x = 1 - 0.3 x).

S1 = [(0.0, 0.0), (0.0, 1.0), (0.75, 0.75), (1.0, 0.0)]
S2 = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.7), (1.0, 0.0)]


def test_kalai_smorodinsky_1975_example():
    k1 = ks_on_hull(S1, (0.0, 0.0))
    k2 = ks_on_hull(S2, (0.0, 0.0))
    assert k1.utilities == pytest.approx((0.75, 0.75), abs=1e-12)
    assert k2.utilities == pytest.approx((10 / 13, 10 / 13), abs=1e-12)
    # Realised as a lottery: (0,1) with probability 3/13, (1,0.7) with probability 10/13.
    assert dict(k2.lottery) == pytest.approx({1: 3 / 13, 2: 10 / 13}, abs=1e-12)


def test_nash_is_not_monotonic_in_the_1975_example():
    n1 = nash_on_hull(S1, (0.0, 0.0))
    n2 = nash_on_hull(S2, (0.0, 0.0))
    assert n1.utilities == pytest.approx((0.75, 0.75), abs=1e-12)
    assert n2.utilities == pytest.approx((1.0, 0.7), abs=1e-12)
    assert n2.utilities[1] < n1.utilities[1]
    assert ks_on_hull(S2, (0.0, 0.0)).utilities[1] > ks_on_hull(S1, (0.0, 0.0)).utilities[1]


def test_nash_on_hull_splits_a_divide_the_dollar_edge_in_half():
    # Two packages (1, 0) and (0, 1), d = (0, 0): the hull is the segment; the Nash
    # product t (1 - t) peaks at t = 1/2 (Nash 1950's symmetry axiom).
    sol = nash_on_hull([(1.0, 0.0), (0.0, 1.0)], (0.0, 0.0))
    assert sol.utilities == pytest.approx((0.5, 0.5), abs=1e-12)
    assert sorted(p for _, p in sol.lottery) == pytest.approx([0.5, 0.5])


def test_discrete_solutions_by_hand():
    # Points and walk-aways d = (2, 1); gains: (1, 8), (4, 5), (6, 2), (8, -1).
    pts = [(3.0, 9.0), (6.0, 6.0), (8.0, 3.0), (10.0, 0.0)]
    d = (2.0, 1.0)
    # Nash products 8, 20, 12, -: the second point.
    assert nash_discrete(pts, d) == 1
    # Ideal in the zone (8, 9) -> largest gains (6, 8); shares (1/6, 1), (4/6, 5/8), (1, 2/8): min .167, .625, .25.
    assert ks_discrete(pts, d) == 1
    # Raise party 2's walk-away to 6.5: only the first point is in the zone.
    assert nash_discrete(pts, (2.0, 6.5)) == 0
    assert nash_discrete(pts, (11.0, 0.0)) is None


def test_discrete_kalai_smorodinsky_differs_from_nash_by_hand():
    # d = (0, 0); products 0.9*? : points (9, 2) -> 18, (5, 5) -> 25, (2, 10) -> 20 : Nash picks (5, 5).
    # KS: ideal (9, 10); shares (1, .2), (.556, .5), (.222, 1): min .2, .5, .222 -> (5, 5) too.
    pts = [(9.0, 2.0), (5.0, 5.0), (2.0, 10.0)]
    assert nash_discrete(pts, (0.0, 0.0)) == 1 == ks_discrete(pts, (0.0, 0.0))
    # Points (10, 3) -> 30 and (6, 6) -> 36, (4, 8) -> 32: Nash (6, 6); ideal (10, 8):
    # shares (1, .375), (.6, .75), (.4, 1) -> KS (6, 6) with min .6.  Now stretch party 2's
    # best to 16 with (1, 16) -> product 16; ideal (10, 16): shares (1, .1875), (.6, .375), (.4, .5), (.1, 1)
    # -> KS moves to (4, 8) (min .4) while Nash stays at (6, 6): KS responds to the new ideal.
    pts = [(10.0, 3.0), (6.0, 6.0), (4.0, 8.0)]
    assert nash_discrete(pts, (0.0, 0.0)) == 1 == ks_discrete(pts, (0.0, 0.0))
    pts.append((1.0, 16.0))
    assert nash_discrete(pts, (0.0, 0.0)) == 1
    assert ks_discrete(pts, (0.0, 0.0)) == 2


def test_nash_is_invariant_to_rescaling_utilities():
    # Nash (1950) axiom: positive affine changes of a utility scale do not change the solution.
    rng = np.random.default_rng(11)
    pts = [tuple(map(float, rng.uniform(0, 10, 2))) for _ in range(30)]
    d = (2.0, 3.0)
    k = nash_discrete(pts, d)
    scaled = [(3 * a + 7, 0.5 * b - 1) for a, b in pts]
    assert nash_discrete(scaled, (3 * d[0] + 7, 0.5 * d[1] - 1)) == k


def test_upper_hull_keeps_only_the_concave_efficient_boundary():
    pts = [(0.0, 10.0), (5.0, 4.0), (4.0, 7.0), (10.0, 0.0), (3.0, 3.0)]
    # (5, 4) lies under the chord from (4, 7) to (10, 0) (which passes (5, 5.83)); (3, 3) is dominated.
    assert [pts[k] for k in upper_hull(pts)] == [(0.0, 10.0), (4.0, 7.0), (10.0, 0.0)]
    # A point exactly on an edge stays, so lotteries mix neighbouring packages.
    pts = [(0.0, 10.0), (5.0, 5.0), (10.0, 0.0)]
    assert [pts[k] for k in upper_hull(pts)] == pts


# -- AUGMECON against enumeration -----------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_augmecon_matches_brute_force_on_small_random_agendas(seed):
    rng = np.random.default_rng(seed)
    for k in range(12):
        agenda = random_agenda(rng, int(rng.integers(1, 6)), 4, integer=bool(k % 2))
        got = efficient_packages(agenda)
        want = enumerate_frontier(agenda)
        assert [u for p in got for u in p.utilities] == pytest.approx([u for p in want for u in p.utilities], abs=1e-9)
        # No weakly dominated point: nothing in the whole package space is at least as
        # good for both and better for one (the plain epsilon method fails this).
        every = [agenda.utilities(pk) for pk in itertools.product(*agenda.all_levels())]
        for p in got:
            assert not any(dominates(u, p.utilities) for u in every)
            assert agenda.utilities(p.package) == p.utilities


def test_augmecon_handles_a_space_too_large_to_enumerate():
    # 14 issues x 2-5 levels: millions of packages. The frontier must still be mutually
    # non-dominated and sorted, and found in one MILP per point.
    rng = np.random.default_rng(2024)
    agenda = random_agenda(rng, 14, 5, integer=True)
    assert agenda.package_size() > 1_000_000
    got = efficient_packages(agenda)
    us = [p.utilities for p in got]
    assert all(a[0] > b[0] and a[1] < b[1] for a, b in zip(us, us[1:]))
    # Both ends are the separable optima (each issue at a party's best level).
    best0 = sum(max(agenda.weights[0][i] * v for v in agenda.values[0][i]) for i in range(14))
    best1 = sum(max(agenda.weights[1][i] * v for v in agenda.values[1][i]) for i in range(14))
    assert us[0][0] == pytest.approx(best0, abs=1e-9)
    assert us[-1][1] == pytest.approx(best1, abs=1e-9)


# -- the derived BATNA, by hand --------------------------------------------------------------

DERIVED_CASE = """negotiator: 1
title: Derived BATNA by hand
objectives:
  gain: {label: Gain, scale: [0, 10]}
options:
  a: {label: A, scores: {gain: 8}}
  b: {label: B, scores: {gain: 4}}
  talks: {label: Hold the talks, scores: {gain: 10}}
weights:
  main: {gain: 1}
scenarios:
  hostile: {label: Hostile, probability: 0.25, scores: {a: {gain: 2}}}
  calm: {label: Calm, probability: 0.75}
negotiations:
  deal:
    label: Deal
    parties:
      us: {label: Us, own_side: true, batna: derived, batna_excludes: [talks]}
      them: {label: Them, batna: 10}
    issues:
      terms:
        label: Terms
        levels: {low: {label: Low}, high: {label: High}}
        weights: {us: 1, them: 1}
        values:
          us: {low: 60, high: 90}
          them: {low: 80, high: 20}
"""


def test_derived_batna_by_hand():
    # Hostile (p = 1/4): a scores 2 -> value 0.2, b 0.4: best b, 0.4.  Calm (3/4): best a, 0.8.
    # Expected overall value 0.25 * 0.4 + 0.75 * 0.8 = 0.7; on the 0-100 scale: 70.
    # ("talks" would score 1.0 but is not unilateral: excluded.)
    result = analyse_negotiation(load_case_text(DERIVED_CASE))
    ours = result.batnas[0]
    assert ours.derived and ours.value == pytest.approx(70.0, abs=1e-12)
    assert [(s.scenario, s.option) for s in ours.per_scenario] == [("hostile", "b"), ("calm", "a")]
    # Only "high" (90 for us) beats 70; them: 20 >= 10. One package in the zone.
    assert [result.agenda.named(result.outcome.frontier[k].package) for k in result.outcome.zone] == [{"terms": "high"}]


def test_no_agreement_zone_is_a_result_not_an_error():
    text = DERIVED_CASE.replace("them: {label: Them, batna: 10}", "them: {label: Them, batna: 50}")
    result = analyse_negotiation(load_case_text(text))
    o = result.outcome
    # Packages (90, 20) and (60, 80); walk-aways (70, 50): no package reaches both.
    assert not o.zone_exists and o.nash is None and o.kalai_smorodinsky is None
    assert "No agreement zone" in o.no_zone_reason
    # Shortfalls: (90, 20) leaves them 30 short, (60, 80) leaves us 10 short: the closest is "low".
    assert "The closest (terms=low) leaves Us 10 short." in o.no_zone_reason
    # A lottery does: on the edge, u = (90 - 30 t, 20 + 60 t) with 1/2 <= t <= 2/3; the Nash
    # product (20 - 30 t)(60 t - 30) peaks at t = 7/12: (72.5, 55), by hand.
    assert o.nash_lottery.utilities == pytest.approx((72.5, 55.0), abs=1e-12)
    assert dict(o.nash_lottery.lottery) == pytest.approx({(0,): 7 / 12, (1,): 5 / 12}, abs=1e-12)
    text = DERIVED_CASE.replace("them: {label: Them, batna: 10}", "them: {label: Them, batna: 95}")
    o = analyse_negotiation(load_case_text(text)).outcome
    assert "above the most any package gives it (80)" in o.no_zone_reason


# -- validation of the agenda in the case -------------------------------------------------------


def _problems(text: str) -> str:
    with pytest.raises(CaseError) as err:
        load_case_text(text, name="agenda.yaml")
    return err.value.render()


def test_case_level_that_does_not_exist_is_located():
    msg = _problems(DERIVED_CASE.replace("us: {low: 60, high: 90}", "us: {low: 60, hihg: 90}"))
    assert "unknown level 'hihg'" in msg and "agenda.yaml:" in msg
    assert "no value for level(s) high" in msg


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("weights: {us: 1, them: 1}", "weights: {us: 1, they: 1}", "unknown party 'they'"),
        ("weights: {us: 1, them: 1}", "weights: {us: 1}", "gives no weight for party 'them'"),
        ("weights: {us: 1, them: 1}", "weights: {us: 1, them: -1}", "negative weight"),
        ("weights: {us: 1, them: 1}", "weights: {us: 0, them: 1}", "gives every issue weight 0"),
        ("them: {label: Them, batna: 10}", "them: {label: Them, batna: derived}", "only the case's own side"),
        ("batna_excludes: [talks]", "batna_excludes: [tlaks]", "unknown option 'tlaks'"),
        ("us: {low: 60, high: 90}", "us: {low: 60, high: 190}", "outside 0-100"),
        ("levels: {low: {label: Low}, high: {label: High}}", "status_quo: middle\n        levels: {low: {label: Low}, high: {label: High}}", "status_quo 'middle' is not a level"),
        ("them: {label: Them, batna: 10}", "them: {label: Them, batna: 10}\n      third: {label: Third, batna: 1}", "exactly two"),
        ("them: {label: Them, batna: 10}", "them: {label: Them, batna: yes}", "a number on the agenda's utility scale, or the word `derived`; got 'yes'"),
        ("them: {label: Them, batna: 10}", "them: {label: Them, batna: Derived}", "or the word `derived`; got 'Derived'"),
        ("them: {label: Them, batna: 10}", "them: {label: Them, batna: .nan}", "finite number"),
        ("them: {label: Them, batna: 10}", "them: {label: Them, batna: 10, batna_choice: single}", "sets batna_choice but its BATNA is a number"),
        ("batna_excludes: [talks]}", "batna_excludes: [talks], batna_choice: later}", "batna_choice"),
    ],
)
def test_agenda_problems(old, new, expected):
    assert old in DERIVED_CASE
    assert expected in _problems(DERIVED_CASE.replace(old, new))


def test_parse_package_errors():
    agenda = build_agenda("deal", load_case_text(DERIVED_CASE).case.negotiations["deal"])
    assert parse_package(agenda, "terms=high") == (1,)
    for spec, expected in [("terms=medium", "has no level 'medium'"), ("term=high", "unknown issue 'term'"), ("", "gives no level for issue(s) terms"), ("terms", "not ISSUE=LEVEL"), ("terms=high,terms=low", "named twice")]:
        with pytest.raises(UsageError) as err:
            parse_package(agenda, spec)
        assert expected in err.value.render()


def test_numeric_level_ids_are_accepted():
    text = DERIVED_CASE.replace("levels: {low: {label: Low}, high: {label: High}}", "levels: {1: {label: One}, 2: {label: Two}}").replace("{low: 60, high: 90}", "{1: 60, 2: 90}").replace("{low: 80, high: 20}", "{1: 80, 2: 20}")
    agenda = build_agenda("deal", load_case_text(text).case.negotiations["deal"])
    assert agenda.levels == (("1", "2"),)
    assert parse_package(agenda, "terms=2") == (1,)


def test_fraction_check_of_bill_and_jack_frontier_size():
    # Exact check of the oracle itself: 2^9 packages, gains computed in Fractions.
    goods = list(BILL_GOODS.items()) + list(JACK_GOODS.items())
    pts = set()
    for trade in itertools.product((0, 1), repeat=9):
        b = sum(Fraction(-ub if i < 5 else ub) * t for i, ((_, (ub, uj)), t) in enumerate(zip(goods, trade)))
        j = sum(Fraction(uj if i < 5 else -uj) * t for i, ((_, (ub, uj)), t) in enumerate(zip(goods, trade)))
        pts.add((b, j))
    best = max(pts, key=lambda u: u[0] * u[1] if u[0] >= 0 and u[1] >= 0 else -1)
    assert best == (12, 5)


# -- lottery solutions against dense sampling of the hull ----------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_lottery_solutions_against_sampled_mixtures(seed):
    # Sample mixtures of every pair of points (the hull's boundary is made of such pairs):
    # no sampled mixture in the zone has a larger Nash product, and the Kalai-Smorodinsky
    # point gives both sides the same share of their largest possible gain over the sampled zone.
    rng = np.random.default_rng(seed)
    pts = [tuple(map(float, rng.uniform(0, 10, 2))) for _ in range(8)]
    d = (float(rng.uniform(0, 4)), float(rng.uniform(0, 4)))
    nash = nash_on_hull(pts, d)
    ks = ks_on_hull(pts, d)
    ts = np.linspace(0.0, 1.0, 401)
    mixes = [(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])) for a in pts for b in pts for t in ts]
    zone = [m for m in mixes if m[0] >= d[0] and m[1] >= d[1]]
    if not zone:
        assert nash is None and ks is None
        return
    best = max((m[0] - d[0]) * (m[1] - d[1]) for m in zone)
    got = (nash.utilities[0] - d[0]) * (nash.utilities[1] - d[1])
    assert got >= best - 1e-9
    assert got <= best + 0.05 * max(best, 1e-9) + 1e-6  # the grid gets close to the optimum
    ideal = (max(m[0] for m in zone), max(m[1] for m in zone))
    shares = [(ks.utilities[p] - d[p]) / (ideal[p] - d[p]) for p in range(2) if ideal[p] - d[p] > 1e-6]
    if len(shares) == 2:
        assert abs(shares[0] - shares[1]) < 0.02 or min(shares) >= 0.99
    # Each lottery uses at most two packages and its probabilities sum to 1.
    for sol in (nash, ks):
        assert len(sol.lottery) <= 2 and sum(p for _, p in sol.lottery) == pytest.approx(1.0)
        mixed = tuple(sum(p * pts[k][i] for k, p in sol.lottery) for i in range(2))
        assert mixed == pytest.approx(sol.utilities, abs=1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_solutions_over_the_frontier_equal_brute_force_over_every_package(seed):
    # The Nash and Kalai-Smorodinsky packages are searched among efficient packages only;
    # their values must equal the best over every package in the zone (enumerated).
    from negotiator.negotiation import solve_agenda

    rng = np.random.default_rng(500 + seed)
    for _ in range(6):
        agenda = random_agenda(rng, int(rng.integers(2, 5)), 4)
        d = (float(rng.uniform(10, 70)), float(rng.uniform(10, 70)))
        out = solve_agenda(agenda, d)
        every = [agenda.utilities(pk) for pk in itertools.product(*agenda.all_levels())]
        zone = [u for u in every if u[0] >= d[0] - 1e-9 and u[1] >= d[1] - 1e-9]
        assert out.zone_exists == bool(zone)
        if not zone:
            continue
        best_product = max((u[0] - d[0]) * (u[1] - d[1]) for u in zone)
        assert out.nash.gains[0] * out.nash.gains[1] == pytest.approx(best_product, abs=1e-9)
        ideal = (max(u[0] for u in zone), max(u[1] for u in zone))
        assert out.ideal == pytest.approx(ideal)

        def share(u):
            return min((u[p] - d[p]) / (ideal[p] - d[p]) if ideal[p] - d[p] > 1e-9 else 1.0 for p in range(2))

        assert share(out.kalai_smorodinsky.utilities) == pytest.approx(max(share(u) for u in zone), abs=1e-9)


def test_derived_batna_committing_to_one_response_by_hand():
    # One response for both scenarios: a gives 0.25 * 0.2 + 0.75 * 0.8 = 0.65, b 0.4: a, 65.
    # Waiting to see the other side's move is worth 70 - 65 = 5 (EVPI on the agenda scale).
    default = analyse_negotiation(load_case_text(DERIVED_CASE)).batnas[0]
    assert default.choice == "per_scenario" and default.value == pytest.approx(70.0, abs=1e-12)
    assert default.single.option == "a" and default.single_value == pytest.approx(65.0, abs=1e-12)
    assert default.value_of_waiting == pytest.approx(5.0, abs=1e-12)
    text = DERIVED_CASE.replace("batna_excludes: [talks]}", "batna_excludes: [talks], batna_choice: single}")
    single = analyse_negotiation(load_case_text(text)).batnas[0]
    assert single.choice == "single" and single.value == pytest.approx(65.0, abs=1e-12)
    d = single.to_dict()
    assert (d["choice"], d["single_option"]) == ("single", "a")
    assert d["if_per_scenario"] == pytest.approx(70.0) and d["value_of_waiting"] == pytest.approx(5.0)


def test_batna_choice_changes_the_case_hash_only_when_it_changes_the_case():
    plain = load_case_text(DERIVED_CASE).sha256
    spelled_out = load_case_text(DERIVED_CASE.replace("batna_excludes: [talks]}", "batna_excludes: [talks], batna_choice: per_scenario}")).sha256
    single = load_case_text(DERIVED_CASE.replace("batna_excludes: [talks]}", "batna_excludes: [talks], batna_choice: single}")).sha256
    assert plain == spelled_out != single


def test_a_single_response_must_pass_the_red_lines_in_every_scenario():
    # Red line gain >= 3: a (2 when hostile) is screened out there, so it cannot be the one response.
    text = DERIVED_CASE.replace("weights:\n  main: {gain: 1}\n", "weights:\n  main: {gain: 1}\nconstraints:\n  limits: {gain: {min: 3}}\n")
    text = text.replace("batna_excludes: [talks]}", "batna_excludes: [talks], batna_choice: single}")
    ours = analyse_negotiation(load_case_text(text)).batnas[0]
    assert ours.single.option == "b" and ours.value == pytest.approx(40.0, abs=1e-12)
    assert ours.per_scenario_value == pytest.approx(70.0, abs=1e-12)  # b when hostile, a when calm


def test_negotiate_prints_both_readings_of_the_walk_away(cli, tmp_path):
    path = tmp_path / "deal.yaml"
    path.write_text(DERIVED_CASE, encoding="utf-8")
    result = cli("negotiate", str(path))
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "committing to one response before the other side moves (a) would give 65.00" in flat
    assert "the value of waiting to see is 5.00" in flat


def test_derived_batna_without_scenarios_uses_the_base_ranking():
    # No scenarios: the base ranking with probability 1. Best unilateral option a (0.8): BATNA 80.
    text = DERIVED_CASE.replace("""scenarios:
  hostile: {label: Hostile, probability: 0.25, scores: {a: {gain: 2}}}
  calm: {label: Calm, probability: 0.75}
""", "")
    result = analyse_negotiation(load_case_text(text))
    assert result.batnas[0].value == pytest.approx(80.0)
    assert [(s.scenario, s.probability, s.option) for s in result.batnas[0].per_scenario] == [(None, 1.0, "a")]
    assert result.status_quo is None  # the issue has no status_quo level
