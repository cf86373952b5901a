"""The four bargaining rules with every tie, the two ideal points, and utilities as sums.

Known answers:
- Nash's "Bill and Jack" barter (Nash 1950, Econometrica 18(2):155-162): 512 outcomes; in gains over
  the walk-aways, the Kalai-Smorodinsky ideal is (18, 8) over the packages in the zone and (18, 17/2)
  over lotteries (Kalai & Smorodinsky 1975 use the convex hull); egalitarian (Kalai 1977, Econometrica
  45(7):1623-1630: max of the smaller gain) ties (8, 6) and (6, 7); utilitarian (max sum) ties (18, 0),
  (16, 2), (14, 4). Nash's own solution, (12, 5) in gains (Bill gives book, whip, ball, bat; Jack gives
  pen, toy, knife), is the Nash solution over packages.
- Three outcomes (4, 1), (1, 4), (2, 2) with disagreement (0, 0) all have Nash product 4 (by hand); the
  lottery half-half of (4, 1) and (1, 4) gives (2.5, 2.5), which beats (2, 2).
"""

from __future__ import annotations

import json

import pytest

from negotiator.case.catalog import load_case
from negotiator.negotiation import analyse_negotiation
from negotiator.negotiation.bargaining import (
    beaten_by_lottery,
    discrete_maximisers,
    egalitarian_on_hull,
    hull_ideal,
    ideal_point,
    ks_on_hull,
    nash_on_hull,
    utilitarian_on_hull,
)

from negotiation_helpers import BILL_AND_JACK

THREE = [(4.0, 1.0), (1.0, 4.0), (2.0, 2.0)]


def gains(u, d=(12.0, 6.0)):
    return (u[0] - d[0], u[1] - d[1])


@pytest.fixture(scope="module")
def barter(tmp_path_factory):
    path = tmp_path_factory.mktemp("bj") / "bill_and_jack.yaml"
    path.write_text(BILL_AND_JACK, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bj(barter):
    return analyse_negotiation(load_case([barter]))


def test_three_way_nash_tie_lists_every_maximiser():
    assert sorted(discrete_maximisers(THREE, (0.0, 0.0), "nash")) == [0, 1, 2]
    assert beaten_by_lottery(THREE) == {2}
    assert nash_on_hull(THREE, (0.0, 0.0)).utilities == pytest.approx((2.5, 2.5))


def test_three_way_tie_through_the_analysis(tmp_path):
    case = tmp_path / "three.yaml"
    case.write_text(
        """negotiator: 1
negotiations:
  t:
    label: three outcomes
    utility: sum
    parties: {p: {label: P, batna: 0}, q: {label: Q, batna: 0}}
    issues:
      deal:
        label: deal
        levels: {a: {label: A}, b: {label: B}, c: {label: C}}
        values: {p: {a: 4, b: 1, c: 2}, q: {a: 1, b: 4, c: 2}}
""",
        encoding="utf-8",
    )
    o = analyse_negotiation(load_case([case])).outcome
    assert sorted(o.nash.tie_utilities) == [(1.0, 4.0), (2.0, 2.0), (4.0, 1.0)]
    beaten = [u for u, b in zip(o.nash.tie_utilities, o.nash.tie_beaten_by_lottery) if b]
    assert beaten == [(2.0, 2.0)]
    assert o.nash.differs_from_lottery
    assert o.nash_lottery.utilities == pytest.approx((2.5, 2.5))


def test_bill_and_jack_frontier_and_ideals(bj):
    o = bj.outcome
    assert o.packages_possible == 512
    assert gains(o.ideal) == pytest.approx((18, 8))
    assert gains(o.ideal_lottery) == pytest.approx((18, 17 / 2))
    assert o.kalai_smorodinsky.ideal == o.ideal and o.kalai_smorodinsky.ideal_kind == "packages"
    assert o.kalai_smorodinsky_lottery.ideal == pytest.approx(o.ideal_lottery)
    assert o.kalai_smorodinsky_lottery.ideal_kind == "lotteries"
    # Both readings are given where the ideals differ.
    assert o.kalai_smorodinsky.other_reading.ideal == pytest.approx(o.ideal_lottery)
    assert o.kalai_smorodinsky_lottery.other_reading.ideal == pytest.approx(o.ideal)
    # The lottery KS point lies on the ray to (18, 17/2).
    g = o.kalai_smorodinsky_lottery.gains
    assert g[0] / g[1] == pytest.approx(18 / 8.5)


def test_bill_and_jack_known_solutions(bj):
    o = bj.outcome
    assert gains(o.nash.utilities) == pytest.approx((12, 5))
    assert not o.nash.tied
    assert sorted(gains(u) for u in o.egalitarian.tie_utilities) == [(6, 7), (8, 6)]
    assert sorted(gains(u) for u in o.utilitarian.tie_utilities) == [(14, 4), (16, 2), (18, 0)]
    # Over lotteries: equal gains on the edge (6,7)-(12,5): 6 + 6t = 7 - 2t, t = 1/8, gains 6.75 each.
    assert o.egalitarian_lottery.gains == pytest.approx((6.75, 6.75))
    assert sorted(gains(u) for u in o.utilitarian_lottery.tie_utilities) == [pytest.approx((14, 4)), pytest.approx((18, 0))]
    assert o.egalitarian.differs_from_lottery and not o.utilitarian.differs_from_lottery


def test_hull_functions_directly():
    pts = [(0.0, 1.0), (1.0, 0.0)]
    assert ideal_point(pts, (0.0, 0.0)) == (1.0, 1.0) == hull_ideal(pts, (0.0, 0.0))
    assert egalitarian_on_hull(pts, (0.0, 0.0)).utilities == pytest.approx((0.5, 0.5))
    assert ks_on_hull(pts, (0.0, 0.0), ideal=(1.0, 0.5)).utilities == pytest.approx((2 / 3, 1 / 3))
    assert len(utilitarian_on_hull(pts, (0.0, 0.0))) == 2


def test_bill_and_jack_json_and_csv(cli, barter):
    r = cli("negotiate", str(barter), "--format", "json")
    assert r.exit_code == 0, r.stderr
    o = json.loads(r.stdout)["outcome"]
    assert o["ideal_in_zone"] == {"bill": 30.0, "jack": 14.0}
    assert o["ideal_in_zone_lotteries"] == pytest.approx({"bill": 30.0, "jack": 14.5})
    ks = o["solutions"]["kalai_smorodinsky_lottery"]
    assert ks["ideal_kind"] == "lotteries" and ks["ideal"] == pytest.approx({"bill": 30.0, "jack": 14.5})
    assert ks["other_reading"]["ideal"] == {"bill": 30.0, "jack": 14.0}
    egal = o["solutions"]["egalitarian"]
    assert egal["tied"] and len(egal["ties"]) == 2
    assert sum(t["beaten_by_lottery"] for t in egal["ties"]) == 1
    assert len(o["solutions"]["utilitarian"]["ties"]) == 3
    r = cli("negotiate", str(barter), "--format", "csv")
    assert r.exit_code == 0
    header = r.stdout.splitlines()[0].split(",")
    assert header[-1] == "beaten_by_lottery"
    assert any("egalitarian" in line and "utilitarian" not in line for line in r.stdout.splitlines()[1:])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_bill_and_jack_table_fits_80_columns(cli, barter, lang, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("negotiate", str(barter), "--lang", lang)
    assert r.exit_code == 0, r.stderr
    assert all(len(line) <= 80 for line in r.stdout.splitlines())
    words = {"en": ["Egalitarian (packages)", "Utilitarian (lotteries)", "(18, 8.5)", "2 packages tie"], "zh": ["平等主义解", "功利主义解", "(18, 8.5)", "并列"]}[lang]
    for w in words:
        assert w in r.stdout
