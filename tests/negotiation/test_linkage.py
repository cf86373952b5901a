"""Linkage (`--link`): issues negotiated separately versus as one package.

Hand-computed logrolling case after H. Raiffa, The Art and Science of Negotiation
(Harvard University Press, 1982), Part III (two parties, many issues: trading a concession on
the issue you care less about for a gain on the one you care more about). Case file:
tests/cases/negotiation_logroll.yaml.

Party X weighs issue A 0.9 and B 0.1 (9:1); party Y weighs A 0.3 and B 0.7 (3:7). Each issue
has levels low/mid/high; X values them 0/50/100, Y 100/50/0; the status quo is mid on both;
both walk-away values are 50 (the status-quo package).
"""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.case.catalog import load_case
from negotiator.errors import UsageError
from negotiator.negotiation import analyse_negotiation, compare_linkage, solve_agenda

from negotiation_helpers import random_agenda


@pytest.fixture
def logroll(cases_dir):
    return load_case(cases_dir / "negotiation_logroll.yaml")


def test_logrolling_joint_gain_by_hand(logroll):
    r = analyse_negotiation(logroll, link="a,b")
    lk = r.linkage
    # Separately: on A, X vetoes low (0 < 50), Y vetoes high (0 < 50): only mid; same on B.
    assert lk.acceptable == {"a": ("mid",), "b": ("mid",)}
    assert [p.utilities for p in lk.separate.frontier] == [(50.0, 50.0)]
    assert lk.separate.nash.utilities == (50.0, 50.0)
    # As one package: X takes A = high, Y takes B = low.
    # X: 0.9 * 100 + 0.1 * 0 = 90;  Y: 0.3 * 0 + 0.7 * 100 = 70.
    # The only other package in the zone is (mid, mid) = (50, 50): (high, mid) gives Y 0.7*50 = 35,
    # (mid, low) gives X 0.9*50 = 45. So Nash = KS = (high, low).
    assert r.agenda.named(lk.linked.nash.package) == {"a": "high", "b": "low"}
    assert lk.linked.nash.utilities == pytest.approx((90.0, 70.0))
    assert r.agenda.named(lk.linked.kalai_smorodinsky.package) == {"a": "high", "b": "low"}
    # Joint gain: (90 + 70) - (50 + 50) = 60 points; X captures 40, Y 20.
    assert lk.gains["nash"] == pytest.approx((40.0, 20.0))
    assert lk.gains["kalai_smorodinsky"] == pytest.approx((40.0, 20.0))
    assert lk.linked.best_joint - lk.separate.best_joint == pytest.approx(60.0)


def test_logroll_frontier_by_hand(logroll):
    r = analyse_negotiation(logroll)
    # U_X = 0.9 a + 0.1 b, U_Y = 0.3 (100 - a) + 0.7 (100 - b), a, b in {0, 50, 100}.
    # Efficient: (100,100)->(100,0); (100,50)->(95,35); (100,0)->(90,70); (50,0)->(45,85); (0,0)->(0,100).
    assert [p.utilities for p in r.outcome.frontier] == pytest.approx([(100, 0), (95, 35), (90, 70), (45, 85), (0, 100)])
    assert r.outcome.zone == [2]


def test_lottery_kalai_smorodinsky_by_hand(logroll):
    # d = (50, 50). Hull edges in the zone: (95,35)-(90,70) clipped, (90,70)-(45,85) clipped.
    # Ideal over the lottery zone: X max where Y = 50 on the edge (95,35)-(90,70):
    # 35 + 35 t = 50 -> t = 3/7, X = 95 - 5 * 3/7 = 92.857...; Y max where X = 50 on (90,70)-(45,85):
    # 90 - 45 t = 50 -> t = 8/9, Y = 70 + 15 * 8/9 = 83.333...
    # Ray from (50, 50) towards (92.857, 83.333): direction (42.857, 33.333) = 1 : 7/9.
    # On the edge (90,70)-(45,85): X = 90 - 45 s, Y = 70 + 15 s; Y - 50 = 7/9 (X - 50)
    # -> 20 + 15 s = 7/9 (40 - 45 s) -> 20 + 15 s = 280/9 - 35 s -> 50 s = 100/9 -> s = 2/9:
    # (80, 73.333...), the lottery 7/9 on (high, low), 2/9 on (mid, low).
    ks = analyse_negotiation(logroll).outcome.kalai_smorodinsky_lottery
    assert ks.utilities == pytest.approx((80.0, 220 / 3), abs=1e-9)
    assert sorted(p for _, p in ks.lottery) == pytest.approx([2 / 9, 7 / 9], abs=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_linkage_never_shrinks_the_set_of_agreements(seed):
    # Separately is a restriction of the package space, so the linked frontier weakly
    # dominates it and the linked Nash product is at least the separate one.
    rng = np.random.default_rng(100 + seed)
    for _ in range(5):
        agenda = random_agenda(rng, int(rng.integers(2, 5)), 4)
        d = (float(rng.uniform(20, 60)), float(rng.uniform(20, 60)))
        linked = solve_agenda(agenda, d)
        lk = compare_linkage(agenda, linked, list(agenda.issues[:2]))
        for p in lk.separate.frontier:
            assert any(q.utilities[0] >= p.utilities[0] - 1e-9 and q.utilities[1] >= p.utilities[1] - 1e-9 for q in linked.frontier)
        if lk.separate.nash is not None:
            prod = lambda s: s.gains[0] * s.gains[1]
            assert prod(linked.nash) >= prod(lk.separate.nash) - 1e-9
        if lk.separate.zone_exists:
            assert linked.zone_exists


def test_link_bad_input(logroll):
    for link, expected in [("a,zz", "unknown issue 'zz'"), ("a", "at least two issues"), ("a,a", "named twice")]:
        with pytest.raises(UsageError) as err:
            analyse_negotiation(logroll, link=link)
        assert expected in err.value.render()


def test_link_needs_a_status_quo(cases_dir, tmp_path):
    text = (cases_dir / "negotiation_logroll.yaml").read_text(encoding="utf-8").replace("        status_quo: mid\n", "", 1)
    path = tmp_path / "no_sq.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as err:
        analyse_negotiation(load_case(path), link="a,b")
    assert "issue 'a' has no status_quo level" in err.value.render()
